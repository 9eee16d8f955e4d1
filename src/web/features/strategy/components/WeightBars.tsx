import { Group, Progress, Stack, Text } from "@mantine/core";
import { formatShare } from "../labels.js";

/**
 * Weights (shares of 1) as labelled horizontal bars; the percentage is written beside each bar, so
 * the bar is only a reading aid. `label` names the list for assistive technology.
 */
export function WeightBars({
  items,
  label,
  color = "blue",
}: {
  items: { key: string; name: string; weight: number }[];
  label: string;
  color?: string;
}) {
  return (
    <Stack component="ul" aria-label={label} gap={6} p={0} m={0} style={{ listStyle: "none" }}>
      {items.map((item) => (
        <li key={item.key}>
          <Group justify="space-between" gap="xs" wrap="nowrap">
            <Text size="sm">{item.name}</Text>
            <Text size="sm" fw={600} className="numeric">
              {formatShare(item.weight)}
            </Text>
          </Group>
          <Progress
            value={Math.max(0, Math.min(100, item.weight * 100))}
            color={color}
            size="md"
            // The bar repeats the number beside it.
            aria-hidden="true"
          />
        </li>
      ))}
    </Stack>
  );
}
