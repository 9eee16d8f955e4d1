import { Alert, Anchor, Badge, Button, Group, List, Paper, Stack, Text, Title } from "@mantine/core";
import { lazy, Suspense, useMemo, useState } from "react";
import { Link } from "react-router";
import { DefinitionGrid } from "../../../components/DefinitionGrid.js";
import { formatDateTime, formatMoney } from "../../../components/format.js";
import { ChartFallback } from "../../strategy/components/ChartFallback.js";
import { formatPct, formatSeconds, formatValue, hasSolution } from "../labels.js";
import type { CommitResult, Run, Scenario } from "../types.js";
import { RunStatusBadge } from "./badges.js";
import { CommitModal } from "./CommitModal.js";
import type { BubblePoint } from "./charts/ValueCostRiskChart.js";
import { FrontierSection, UsageSection } from "./ResultCharts.js";
import { GreedyCard, NotSelectedTable, SelectedTable } from "./ResultTables.js";

const ValueCostRiskChart = lazy(() => import("./charts/ValueCostRiskChart.js"));

export function RunResults({
  run,
  scenario,
  isDirty,
  currency,
  categoryName,
}: {
  run: Run;
  scenario: Scenario;
  isDirty: boolean;
  currency: string;
  categoryName: (key: string) => string;
}) {
  const money = (c: number) => formatMoney(c, currency);
  const [committing, setCommitting] = useState(false);
  const [committed, setCommitted] = useState<CommitResult | null>(null);
  const result = run.result;
  const isSolved = hasSolution(run.status) && result !== null;
  const isCommittedRun = scenario.status === "committed" && scenario.committedRunId === run.id;
  const mayCommit = scenario.permissions.commit && scenario.status !== "committed" && isSolved;

  const bubbles = useMemo((): BubblePoint[] => {
    if (!result) return [];
    const riskOf = (id: string) => scenario.candidates.find((c) => c.projectId === id)?.risk ?? null;
    return [
      ...result.selected.map((p) => ({
        code: p.code,
        name: p.name,
        costCents: p.costInHorizonCents,
        value: p.value,
        risk: riskOf(p.projectId),
        selected: true,
      })),
      ...result.notSelected
        .filter((p) => p.reason !== "excluded")
        .map((p) => ({
          code: p.code,
          name: p.name,
          costCents: p.costInHorizonCents,
          value: p.value,
          risk: riskOf(p.projectId),
          selected: false,
        })),
    ];
  }, [result, scenario.candidates]);

  return (
    <Stack gap="xl">
      <Paper withBorder p="md" component="section" aria-labelledby="result-heading">
        <Group gap="sm" mb="sm">
          <Title order={2} size="h3" id="result-heading">
            Result
          </Title>
          <RunStatusBadge status={run.status} />
          {isCommittedRun ? (
            <Badge color="green" variant="light">
              Approved portfolio
            </Badge>
          ) : null}
        </Group>
        <DefinitionGrid
          items={[
            { label: "Value", value: isSolved ? formatValue(result?.value) : "—" },
            { label: "Bound", value: formatValue(result?.bound) },
            { label: "Gap", value: formatPct(result?.gapPct) },
            { label: "Projects selected", value: isSolved && result ? String(result.selected.length) : "—" },
            { label: "Spend in horizon", value: isSolved && result ? money(result.spendInHorizonCents) : "—" },
            {
              label: "Solve time",
              value: result ? `${formatSeconds(result.seconds)}, ${result.nodes} nodes` : "—",
            },
            {
              label: "Run",
              value: `${formatDateTime(run.startedAt)}${run.requestedByName ? ` by ${run.requestedByName}` : ""}`,
            },
          ]}
        />
        {run.stale ? (
          <Alert color="orange" variant="light" mt="md" title="This result is stale">
            The scenario or its projects changed after this run. Solve again for a result that reflects them.
          </Alert>
        ) : null}
        {run.message && run.status !== "infeasible" ? (
          <Alert color={run.status === "error" ? "red" : "gray"} variant="light" mt="md">
            {run.message}
          </Alert>
        ) : null}
        {result && result.warnings.length > 0 ? (
          <Alert color="yellow" variant="light" mt="md" title="Warnings">
            <List size="sm">
              {result.warnings.map((w) => (
                <List.Item key={w}>{w}</List.Item>
              ))}
            </List>
          </Alert>
        ) : null}
      </Paper>

      {run.status === "infeasible" ? (
        <Alert color="red" variant="light" title="No portfolio meets every limit" role="alert">
          <Text size="sm" mb="xs">
            {run.message ?? "The mandatory and locked-in projects alone break a limit."} The smallest changes that would
            make the scenario solvable:
          </Text>
          {result && result.relaxations.length > 0 ? (
            <List size="sm" data-testid="relaxations">
              {result.relaxations.map((r) => (
                <List.Item key={`${r.constraint}-${r.projectId ?? ""}`}>{r.message}</List.Item>
              ))}
            </List>
          ) : (
            <Text size="sm">No relaxation could be computed.</Text>
          )}
        </Alert>
      ) : null}

      {isSolved && result ? (
        <>
          {committed ? (
            <Alert color="green" variant="light" title="Portfolio approved">
              {`${committed.approvedProjectIds.length} project${committed.approvedProjectIds.length === 1 ? " was" : "s were"} approved at ${committed.approvedProjectIds.length === 1 ? "its" : "their"} chosen start. `}
              <Anchor
                component={Link}
                to={`/decisions?q=${encodeURIComponent(scenario.name)}`}
                underline="always"
                c="inherit"
                fw={600}
              >
                See the decision in the decision log
              </Anchor>
            </Alert>
          ) : mayCommit ? (
            <Paper withBorder p="md" component="section" aria-labelledby="approve-heading">
              <Group justify="space-between" align="center" wrap="wrap">
                <div>
                  <Title order={2} size="h4" id="approve-heading">
                    Approve this portfolio
                  </Title>
                  <Text size="sm">
                    {isDirty
                      ? "Save or discard your changes first."
                      : run.stale
                        ? "This result is stale: solve again before approving it."
                        : "The selected proposed projects become approved at their chosen start."}
                  </Text>
                </div>
                <Button onClick={() => setCommitting(true)} disabled={isDirty || run.stale}>
                  Approve portfolio
                </Button>
              </Group>
            </Paper>
          ) : null}

          <section aria-labelledby="selected-heading">
            <Title order={2} size="h3" id="selected-heading" mb="xs">
              Selected ({result.selected.length})
            </Title>
            {result.selected.length === 0 ? (
              <Text>No project is selected.</Text>
            ) : (
              <SelectedTable result={result} money={money} />
            )}
          </section>

          <section aria-labelledby="not-selected-heading">
            <Title order={2} size="h3" id="not-selected-heading" mb="xs">
              Not selected ({result.notSelected.length})
            </Title>
            {result.notSelected.length === 0 ? (
              <Text>Every candidate is selected.</Text>
            ) : (
              <NotSelectedTable result={result} money={money} />
            )}
          </section>

          <GreedyCard result={result} />

          {result.frontier.length > 0 ? <FrontierSection result={result} money={money} /> : null}

          {result.usage ? <UsageSection usage={result.usage} currency={currency} categoryName={categoryName} /> : null}

          <section aria-labelledby="bubble-heading">
            <Title order={3} size="h4" id="bubble-heading" mb="xs">
              Value, cost and risk
            </Title>
            <Paper withBorder p="sm">
              <Suspense fallback={<ChartFallback />}>
                <ValueCostRiskChart points={bubbles} currency={currency} />
              </Suspense>
            </Paper>
          </section>

          {result.shadowPrices.length > 0 ? (
            <section aria-labelledby="shadow-heading">
              <Title order={3} size="h4" id="shadow-heading">
                Shadow prices
              </Title>
              <Text size="sm" mb="xs">
                What one more unit of a tight limit would be worth (from the linear relaxation; a guide, not a promise).
              </Text>
              <List size="sm" spacing={4} aria-label="Shadow prices">
                {result.shadowPrices.map((s) => (
                  <List.Item key={s.constraint}>{s.label}</List.Item>
                ))}
              </List>
            </section>
          ) : null}
          <CommitModal
            opened={committing}
            onClose={() => setCommitting(false)}
            scenario={scenario}
            run={run}
            onCommitted={setCommitted}
          />
        </>
      ) : null}
    </Stack>
  );
}
