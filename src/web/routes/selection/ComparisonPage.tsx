import { Alert, Anchor, Badge, Paper, Stack, Table, Text, Title, VisuallyHidden } from "@mantine/core";
import { lazy, Suspense } from "react";
import { Link, useSearchParams } from "react-router";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { formatPeriod } from "../../components/format.js";
import { PageHeader } from "../../components/PageHeader.js";
import { PageLoader } from "../../components/PageLoader.js";
import { useMoney } from "../../components/use-money.js";
import { RunStatusBadge } from "../../features/selection/components/badges.js";
import { formatPct, formatValue } from "../../features/selection/labels.js";
import { useComparison } from "../../features/selection/selection-api.js";
import type { ComparedProject } from "../../features/selection/types.js";
import { ChartFallback } from "../../features/strategy/components/ChartFallback.js";
import { ScrollTable } from "../../features/strategy/components/ScrollTable.js";

const ComparisonSpendChart = lazy(() => import("../../features/selection/components/charts/ComparisonSpendChart.js"));

/** A project's starts differ between the scenarios (selected in some only, or at other months). */
function differs(p: ComparedProject): boolean {
  return !p.inAll || new Set(p.starts).size > 1;
}

/** Two to four scenarios side by side: their numbers, which projects each selects and when, and spend by month. */
export default function ComparisonPage() {
  const [params] = useSearchParams();
  const ids = (params.get("ids") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  const isValidCount = ids.length >= 2 && ids.length <= 4;
  const comparison = useComparison(ids);
  const { currency, format: money } = useMoney();
  const data = comparison.data;
  const scenarios = data?.scenarios ?? [];

  return (
    <>
      <Anchor component={Link} to="/selection" size="sm" mb="xs" display="inline-block">
        ← All scenarios
      </Anchor>
      <PageHeader
        title="Compare scenarios"
        description="The latest run of each scenario: its value, spend and the projects it selects."
      />
      {!isValidCount ? (
        <Alert color="orange" variant="light">
          Choose two to four scenarios on the{" "}
          <Anchor component={Link} to="/selection" underline="always" c="inherit" fw={600}>
            scenarios list
          </Anchor>{" "}
          to compare them.
        </Alert>
      ) : comparison.isPending ? (
        <PageLoader label="Loading the comparison" />
      ) : !data ? (
        <ErrorAlert error={comparison.error} title="The comparison could not be loaded" />
      ) : (
        <Stack gap="xl">
          <section aria-labelledby="summary-heading">
            <Title order={2} size="h3" id="summary-heading" mb="xs">
              Summary
            </Title>
            <ScrollTable label="Scenario summary" minWidth={200 + scenarios.length * 200}>
              <Table striped aria-label="Scenario summary">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">
                      <span className="visually-hidden">Measure</span>
                    </Table.Th>
                    {scenarios.map((s) => (
                      <Table.Th scope="col" key={s.id}>
                        <Anchor component={Link} to={`/selection/${s.id}?tab=run`}>
                          {s.name}
                        </Anchor>
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  <Table.Tr>
                    <Table.Th scope="row">Latest run</Table.Th>
                    {scenarios.map((s) => (
                      <Table.Td key={s.id}>
                        {s.status ? <RunStatusBadge status={s.status} /> : <Text size="sm">Not solved yet</Text>}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Th scope="row">Value</Table.Th>
                    {scenarios.map((s) => (
                      <Table.Td key={s.id} style={{ fontVariantNumeric: "tabular-nums" }}>
                        {formatValue(s.value)}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Th scope="row">Gap</Table.Th>
                    {scenarios.map((s) => (
                      <Table.Td key={s.id} style={{ fontVariantNumeric: "tabular-nums" }}>
                        {formatPct(s.gapPct)}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Th scope="row">Spend in horizon</Table.Th>
                    {scenarios.map((s) => (
                      <Table.Td key={s.id} style={{ fontVariantNumeric: "tabular-nums" }}>
                        {s.spendInHorizonCents === null ? "—" : money(s.spendInHorizonCents)}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Th scope="row">Projects selected</Table.Th>
                    {scenarios.map((s) => (
                      <Table.Td key={s.id} style={{ fontVariantNumeric: "tabular-nums" }}>
                        {s.selectedCount}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                </Table.Tbody>
              </Table>
            </ScrollTable>
          </section>

          <section aria-labelledby="matrix-heading">
            <Title order={2} size="h3" id="matrix-heading">
              Projects
            </Title>
            <Text size="sm" mb="xs">
              The start month of each project in each scenario; — where it is not selected. Rows marked “Differs” are
              not the same in every scenario.
            </Text>
            {data.projects.length === 0 ? (
              <Text>No scenario selects any project.</Text>
            ) : (
              <ScrollTable label="Projects by scenario" minWidth={320 + scenarios.length * 160}>
                <Table aria-label="Projects by scenario">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">Project</Table.Th>
                      {scenarios.map((s) => (
                        <Table.Th scope="col" key={s.id}>
                          {s.name}
                        </Table.Th>
                      ))}
                      <Table.Th scope="col">Same everywhere</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.projects.map((p) => {
                      const isDifferent = differs(p);
                      return (
                        <Table.Tr
                          key={p.projectId}
                          bg={isDifferent ? "var(--mantine-color-yellow-0)" : undefined}
                          data-differs={isDifferent ? "true" : undefined}
                        >
                          <Table.Th scope="row" fw={isDifferent ? 700 : 500}>
                            <Anchor component={Link} to={`/projects/${p.projectId}`}>
                              {p.code}
                            </Anchor>{" "}
                            · {p.name}
                          </Table.Th>
                          {p.starts.map((start, k) => (
                            <Table.Td key={scenarios[k]?.id ?? k} fw={isDifferent ? 600 : undefined}>
                              {start === null ? (
                                <>
                                  <span aria-hidden="true">—</span>
                                  <VisuallyHidden>not selected</VisuallyHidden>
                                </>
                              ) : (
                                formatPeriod(start)
                              )}
                            </Table.Td>
                          ))}
                          <Table.Td>
                            {isDifferent ? (
                              <Badge color="orange" variant="light">
                                Differs
                              </Badge>
                            ) : (
                              "Yes"
                            )}
                          </Table.Td>
                        </Table.Tr>
                      );
                    })}
                  </Table.Tbody>
                </Table>
              </ScrollTable>
            )}
          </section>

          <section aria-labelledby="spend-heading">
            <Title order={2} size="h3" id="spend-heading" mb="xs">
              Spend by month
            </Title>
            <Paper withBorder p="sm">
              <Suspense fallback={<ChartFallback />}>
                <ComparisonSpendChart scenarios={scenarios} currency={currency} />
              </Suspense>
            </Paper>
          </section>
        </Stack>
      )}
    </>
  );
}
