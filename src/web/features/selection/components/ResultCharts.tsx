import { Paper, Select, SimpleGrid, Table, Text, Title } from "@mantine/core";
import { lazy, Suspense, useMemo, useState } from "react";
import { humanize } from "../../../components/format.js";
import { ChartFallback } from "../../strategy/components/ChartFallback.js";
import { ScrollTable } from "../../strategy/components/ScrollTable.js";
import { formatPct, formatValue } from "../labels.js";
import type { RunResult } from "../types.js";

// ECharts loads after the tables.
const FrontierChart = lazy(() => import("./charts/FrontierChart.js"));
const BudgetUseChart = lazy(() => import("./charts/BudgetUseChart.js"));
const CapacityUseChart = lazy(() => import("./charts/CapacityUseChart.js"));

export function FrontierSection({ result, money }: { result: RunResult; money: (c: number) => string }) {
  const points = [...result.frontier].sort((a, b) => a.budgetPct - b.budgetPct);
  return (
    <section aria-labelledby="frontier-heading">
      <Title order={3} size="h4" id="frontier-heading">
        Efficient frontier
      </Title>
      <Text size="sm" mb="xs">
        The best value reachable with less or more budget than this scenario allows.
      </Text>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <Paper withBorder p="sm">
          <Suspense fallback={<ChartFallback />}>
            <FrontierChart points={points} />
          </Suspense>
        </Paper>
        <ScrollTable label="Efficient frontier points" minWidth={420}>
          <Table striped aria-label="Efficient frontier points" verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col" className="numeric">
                  Budget
                </Table.Th>
                <Table.Th scope="col" className="numeric">
                  Amount
                </Table.Th>
                <Table.Th scope="col" className="numeric">
                  Value
                </Table.Th>
                <Table.Th scope="col" className="numeric">
                  Projects
                </Table.Th>
                <Table.Th scope="col">Status</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {points.map((p) => (
                <Table.Tr key={p.budgetPct} fw={p.budgetPct === 100 ? 700 : undefined}>
                  <Table.Th scope="row" className="numeric" fw={p.budgetPct === 100 ? 700 : 500}>
                    {formatPct(p.budgetPct)}
                  </Table.Th>
                  <Table.Td className="numeric">
                    {p.budgetCents === null ? "monthly, scaled" : money(p.budgetCents)}
                  </Table.Td>
                  <Table.Td className="numeric">{formatValue(p.value)}</Table.Td>
                  <Table.Td className="numeric">{p.projectCount}</Table.Td>
                  <Table.Td>{humanize(p.status)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      </SimpleGrid>
    </section>
  );
}

export function UsageSection({
  usage,
  currency,
  categoryName,
}: {
  usage: NonNullable<RunResult["usage"]>;
  currency: string;
  categoryName: (key: string) => string;
}) {
  // Roles the portfolio needs or that have a limit; the busiest first.
  const roles = useMemo(
    () =>
      usage.capacity
        .filter((r) => r.demand.some((d) => d > 0) || r.limit.some((l) => l !== null))
        .sort((a, b) => b.demand.reduce((x, y) => x + y, 0) - a.demand.reduce((x, y) => x + y, 0)),
    [usage],
  );
  const [roleKey, setRoleKey] = useState<string | null>(roles[0]?.roleKey ?? null);
  const role = roles.find((r) => r.roleKey === roleKey) ?? roles[0];
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
      <section aria-labelledby="budget-use-heading">
        <Title order={3} size="h4" id="budget-use-heading" mb="xs">
          Budget use by month
        </Title>
        <Paper withBorder p="sm">
          <Suspense fallback={<ChartFallback />}>
            <BudgetUseChart usage={usage} currency={currency} categoryName={categoryName} />
          </Suspense>
        </Paper>
      </section>
      <section aria-labelledby="capacity-use-heading">
        <Title order={3} size="h4" id="capacity-use-heading" mb="xs">
          Capacity use
        </Title>
        <Paper withBorder p="sm">
          {role ? (
            <>
              {roles.length > 1 ? (
                <Select
                  label="Role"
                  size="xs"
                  data={roles.map((r) => ({ value: r.roleKey, label: r.roleName }))}
                  value={role.roleKey}
                  onChange={setRoleKey}
                  allowDeselect={false}
                  w={220}
                  mb="xs"
                />
              ) : (
                <Text size="sm" fw={600} mb="xs">
                  {role.roleName}
                </Text>
              )}
              <Suspense fallback={<ChartFallback />}>
                <CapacityUseChart role={role} months={usage.months} unit={usage.capacityUnit} />
              </Suspense>
            </>
          ) : (
            <Text size="sm">The selected projects need no role capacity, and no role has a capacity limit.</Text>
          )}
        </Paper>
      </section>
    </SimpleGrid>
  );
}

/** The outcome of one run: status and numbers, the chosen portfolio and why, charts, and approval. */
