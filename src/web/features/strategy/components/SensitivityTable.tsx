import { Badge, Group, Table, Text, VisuallyHidden } from "@mantine/core";
import type { Sensitivity } from "../types.js";
import { ScrollTable } from "./ScrollTable.js";

type Move = { projectId: string; rank: number; change: number };

function Moves({ moves, codeOf }: { moves: readonly Move[]; codeOf: (id: string) => string }) {
  const moved = moves
    .filter((m) => m.change !== 0)
    .sort((a, b) => Math.abs(b.change) - Math.abs(a.change) || a.rank - b.rank);
  if (moved.length === 0) return <Text size="sm">No project changes place.</Text>;
  return (
    <Group component="ul" gap={4} m={0} p={0} style={{ listStyle: "none" }}>
      {moved.map((m) => {
        const places = Math.abs(m.change);
        const up = m.change > 0;
        return (
          <li key={m.projectId}>
            <Badge variant="outline" color={up ? "green" : "red"} tt="none" fw={500} size="md">
              <strong>{codeOf(m.projectId)}</strong> <span aria-hidden="true">{up ? "▲" : "▼"}</span>{" "}
              {up ? "up" : "down"} {places} <span aria-hidden="true">→ #{m.rank}</span>
              <VisuallyHidden>
                place{places === 1 ? "" : "s"} to rank {m.rank}
              </VisuallyHidden>
            </Badge>
          </li>
        );
      })}
    </Group>
  );
}

/**
 * For each criterion: which projects move, and by how many places, when its weight rises or falls
 * by delta; the biggest moves first.
 */
export function SensitivityTable({
  sensitivity,
  codeOf,
}: {
  sensitivity: Sensitivity;
  codeOf: (projectId: string) => string;
}) {
  const pct = `${Math.round(sensitivity.delta * 100)} %`;
  return (
    <ScrollTable label="Sensitivity" minWidth={640}>
      <Table withTableBorder withColumnBorders aria-label="Sensitivity of the ranking to the weights">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Criterion</Table.Th>
            <Table.Th scope="col">Weight +{pct}</Table.Th>
            <Table.Th scope="col">Weight −{pct}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sensitivity.criteria.map((c) => (
            <Table.Tr key={c.criterionId} style={{ verticalAlign: "top" }}>
              <Table.Th scope="row" fw={600}>
                {c.name}
              </Table.Th>
              <Table.Td>
                <Moves moves={c.up} codeOf={codeOf} />
              </Table.Td>
              <Table.Td>
                <Moves moves={c.down} codeOf={codeOf} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
