import { SimpleGrid, Text } from "@mantine/core";
import type { ReactNode } from "react";

/** Label/value pairs as a description list, laid out in columns on wide screens. */
export function DefinitionGrid({
  items,
  cols = { base: 1, sm: 2, lg: 3 },
}: {
  items: { label: string; value: ReactNode; wide?: boolean }[];
  /** Columns by breakpoint; a narrow side column wants fewer. */
  cols?: number | Record<string, number>;
}) {
  return (
    <SimpleGrid component="dl" cols={cols} spacing="md" verticalSpacing="sm" m={0}>
      {items.map((item) => (
        <div key={item.label} style={item.wide ? { gridColumn: "1 / -1" } : undefined}>
          <Text component="dt" size="sm" fw={600}>
            {item.label}
          </Text>
          <Text component="dd" m={0} style={{ whiteSpace: "pre-wrap" }}>
            {item.value}
          </Text>
        </div>
      ))}
    </SimpleGrid>
  );
}
