import { Anchor, Badge, Group, Table, Text } from "@mantine/core";
import { Link } from "react-router";
import type { ProjectStatus } from "../../../../domain/portfolio/project-rules.js";
import { StatusBadge } from "../../../components/StatusBadge.js";
import { useMoney } from "../../../components/use-money.js";
import { formatShare } from "../labels.js";
import type { RankingRow, ScoringModel } from "../types.js";
import { CHART_COLORS } from "./chart-colors.js";
import { ScrollTable } from "./ScrollTable.js";

export type LeafCriterion = { criterionId: string; key: string; name: string; weight: number };

/** The criteria a model scores projects on: those whose children were not weighed. */
export function leafCriteria(model: ScoringModel): LeafCriterion[] {
  const parents = new Set(model.weights.map((w) => w.parentId).filter((p): p is string => p !== null));
  return model.weights
    .filter((w) => !parents.has(w.criterionId))
    .map((w) => ({ criterionId: w.criterionId, key: w.key, name: w.name, weight: w.globalWeight }));
}

const scoreFormat = new Intl.NumberFormat(undefined, { minimumFractionDigits: 3, maximumFractionDigits: 3 });

/**
 * Projects by priority score, with one column per criterion giving its contribution (weight ×
 * normalized score) and, under the score, a stacked bar of the same numbers. Unscored criteria are
 * written out.
 */
export function RankingTable({
  rows,
  leaves,
  categoryName,
}: {
  rows: readonly RankingRow[];
  leaves: readonly LeafCriterion[];
  categoryName: (key: string) => string;
}) {
  const money = useMoney();
  const colorOf = (k: number) => CHART_COLORS[k % CHART_COLORS.length];
  return (
    <>
      <Group gap="md" mb="xs" aria-hidden="true" wrap="wrap">
        {leaves.map((l, k) => (
          <Group key={l.criterionId} gap={6} wrap="nowrap">
            <span style={{ width: 12, height: 12, background: colorOf(k), display: "inline-block", borderRadius: 2 }} />
            <Text size="xs">{l.name}</Text>
          </Group>
        ))}
      </Group>
      <ScrollTable label="Ranking" minWidth={760 + leaves.length * 90}>
        <Table striped highlightOnHover aria-label="Ranking" verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" className="numeric">
                Rank
              </Table.Th>
              <Table.Th scope="col">Code</Table.Th>
              <Table.Th scope="col">Name</Table.Th>
              <Table.Th scope="col">Status</Table.Th>
              <Table.Th scope="col">Category</Table.Th>
              <Table.Th scope="col" className="numeric">
                Budget
              </Table.Th>
              <Table.Th scope="col" className="numeric">
                Score
              </Table.Th>
              {leaves.map((l) => (
                <Table.Th key={l.criterionId} scope="col" style={{ textAlign: "right", maxWidth: 110 }}>
                  {l.name}
                  <Text size="xs" fw={400}>
                    weight {formatShare(l.weight)}
                  </Text>
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => {
              const byCriterion = new Map(r.breakdown.map((b) => [b.criterionId, b]));
              const missing = new Set(r.missing);
              return (
                <Table.Tr key={r.projectId} data-testid="ranking-row">
                  <Table.Td className="numeric" fw={700}>
                    {r.rank}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>
                    <Anchor component={Link} to={`/projects/${r.projectId}?tab=strategy`} fw={600}>
                      {r.code}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{r.name}</Text>
                    {r.missing.length > 0 ? (
                      <Badge color="orange" variant="outline" size="sm" leftSection={<span aria-hidden="true">!</span>}>
                        Missing: {r.missing.join(", ")}
                      </Badge>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge status={r.status as ProjectStatus} />
                  </Table.Td>
                  <Table.Td>{categoryName(r.category)}</Table.Td>
                  <Table.Td className="numeric">{money.format(r.budgetTotalCents)}</Table.Td>
                  <Table.Td className="numeric" fw={700}>
                    {scoreFormat.format(r.score)}
                    <div
                      aria-hidden="true"
                      style={{
                        display: "flex",
                        width: 72,
                        marginTop: 4,
                        marginLeft: "auto",
                        height: 14,
                        background: "var(--mantine-color-gray-1)",
                        borderRadius: 2,
                        overflow: "hidden",
                      }}
                    >
                      {leaves.map((l, k) => {
                        const b = byCriterion.get(l.criterionId);
                        return b && b.contribution > 0 ? (
                          <span
                            key={l.criterionId}
                            title={`${l.name}: ${scoreFormat.format(b.contribution)}`}
                            style={{ width: `${b.contribution * 100}%`, background: colorOf(k) }}
                          />
                        ) : null;
                      })}
                    </div>
                  </Table.Td>
                  {leaves.map((l) => {
                    const b = byCriterion.get(l.criterionId);
                    return (
                      <Table.Td key={l.criterionId} className="numeric">
                        {missing.has(l.key) ? (
                          <Text span size="sm" fs="italic">
                            missing
                          </Text>
                        ) : b ? (
                          scoreFormat.format(b.contribution)
                        ) : (
                          "—"
                        )}
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </>
  );
}
