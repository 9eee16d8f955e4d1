import { Alert, Anchor, Badge, Group, NativeSelect, Paper, Select, Stack, Table, Text, Title } from "@mantine/core";
import { lazy, Suspense, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { formatDate, formatDateTime } from "../../components/format.js";
import { PageHeader } from "../../components/PageHeader.js";
import { PageLoader } from "../../components/PageLoader.js";
import { useMoney } from "../../components/use-money.js";
import { useUsers } from "../../features/identity/users.js";
import { useCategories } from "../../features/portfolio/reference.js";
import { ChartFallback } from "../../features/strategy/components/ChartFallback.js";
import { leafCriteria, RankingTable } from "../../features/strategy/components/RankingTable.js";
import { ScrollTable } from "../../features/strategy/components/ScrollTable.js";
import { SensitivityTable } from "../../features/strategy/components/SensitivityTable.js";
import { StrategyNav } from "../../features/strategy/components/StrategyNav.js";
import { WeightBars } from "../../features/strategy/components/WeightBars.js";
import { formatShare } from "../../features/strategy/labels.js";
import {
  useRanking,
  useScoringModels,
  useSensitivity,
  useStrategySpend,
} from "../../features/strategy/strategy-api.js";

// ECharts loads after the ranking itself.
const SpendChart = lazy(() => import("../../features/strategy/components/SpendChart.js"));

const DELTAS = [
  { value: "0.05", label: "± 5 %" },
  { value: "0.1", label: "± 10 %" },
  { value: "0.2", label: "± 20 %" },
];

export default function RankingPage() {
  const [params, setParams] = useSearchParams();
  const modelId = params.get("modelId");
  const models = useScoringModels();
  const ranking = useRanking(modelId);
  const categories = useCategories();
  const users = useUsers();
  const money = useMoney();
  const [delta, setDelta] = useState("0.1");
  const model = ranking.data?.model ?? null;
  const isActive = model?.active ?? false;
  const sensitivity = useSensitivity(Number(delta), isActive);
  const spend = useStrategySpend();
  const rows = ranking.data?.rows ?? [];
  const leaves = model ? leafCriteria(model) : [];
  const codeOf = (id: string) => rows.find((r) => r.projectId === id)?.code ?? "a project";
  const categoryName = (key: string) => categories.data?.items.find((c) => c.key === key)?.name ?? key;
  const publisher = users.data?.items.find((u) => u.id === model?.publishedBy);

  return (
    <>
      <StrategyNav />
      <PageHeader
        title="Ranking"
        description="Projects by priority score under the published scoring model, how firmly the order holds, and where the money goes."
      />
      <ErrorAlert error={ranking.error ?? models.error} title="The ranking could not be loaded" />
      {ranking.isPending ? (
        <PageLoader label="Loading ranking" />
      ) : !model ? (
        <Paper withBorder p="lg">
          <Text>
            No scoring model has been published yet. Run a{" "}
            <Anchor component={Link} to="/strategy/prioritizations" underline="always">
              prioritization
            </Anchor>{" "}
            with the executives and publish its weights.
          </Text>
        </Paper>
      ) : (
        <Stack gap="xl">
          <Paper withBorder p="md" component="section" aria-labelledby="model-heading">
            <Group justify="space-between" align="flex-start" wrap="wrap" gap="md">
              <Stack gap={4}>
                <Group gap="xs">
                  <Title order={2} size="h4" id="model-heading">
                    Scoring model version {model.version}
                  </Title>
                  <Badge color={isActive ? "green" : "gray"} variant="outline">
                    {isActive ? "Active" : "Earlier version"}
                  </Badge>
                </Group>
                <Text size="sm">
                  Published {formatDateTime(model.publishedAt)}
                  {publisher ? ` by ${publisher.name}` : ""}
                </Text>
                {model.note ? <Text size="sm">Note: {model.note}</Text> : null}
              </Stack>
              <Select
                label="Scoring model"
                allowDeselect={false}
                w={300}
                data={(models.data?.items ?? []).map((m) => ({
                  value: m.id,
                  label: `Version ${m.version}${m.active ? " (active)" : ""} · ${formatDate(m.publishedAt)}`,
                }))}
                value={model.id}
                onChange={(id) =>
                  setParams(
                    (prev) => {
                      const next = new URLSearchParams(prev);
                      const chosen = models.data?.items.find((m) => m.id === id);
                      if (!id || chosen?.active) next.delete("modelId");
                      else next.set("modelId", id);
                      return next;
                    },
                    { replace: true },
                  )
                }
              />
            </Group>
            {!isActive ? (
              <Alert color="gray" variant="light" mt="sm">
                This earlier model is applied to today's scores, for comparison with the active one.
              </Alert>
            ) : null}
            <Title order={3} size="h5" mt="md" mb="xs">
              Criterion weights
            </Title>
            <WeightBars
              label="Criterion weights"
              items={leaves.map((l) => ({ key: l.criterionId, name: l.name, weight: l.weight }))}
            />
          </Paper>

          <section aria-labelledby="ranking-heading">
            <Title order={2} size="h3" id="ranking-heading" mb="xs">
              Ranked projects
            </Title>
            <Text size="sm" mb="xs">
              Each criterion column gives its contribution to the score: weight × the project's normalized score.
            </Text>
            {rows.length === 0 ? (
              <Text>No projects to rank.</Text>
            ) : (
              <RankingTable rows={rows} leaves={leaves} categoryName={categoryName} />
            )}
          </section>

          <section aria-labelledby="sensitivity-heading">
            <Group justify="space-between" align="flex-end" mb="xs">
              <div>
                <Title order={2} size="h3" id="sensitivity-heading">
                  Sensitivity
                </Title>
                <Text size="sm">
                  Which projects change place when one criterion's weight rises or falls (the others scaled to fill the
                  rest).
                </Text>
              </div>
              {isActive ? (
                <NativeSelect
                  label="Weight change"
                  data={DELTAS}
                  value={delta}
                  onChange={(e) => setDelta(e.currentTarget.value)}
                  w={160}
                />
              ) : null}
            </Group>
            {!isActive ? (
              <Text>Sensitivity is computed for the active model only.</Text>
            ) : sensitivity.isPending ? (
              <PageLoader label="Loading sensitivity" />
            ) : sensitivity.data ? (
              <SensitivityTable sensitivity={sensitivity.data} codeOf={codeOf} />
            ) : (
              <ErrorAlert error={sensitivity.error} title="Sensitivity could not be loaded" />
            )}
          </section>
        </Stack>
      )}

      <section aria-labelledby="spend-heading" style={{ marginTop: "var(--mantine-spacing-xl)" }}>
        <Title order={2} size="h3" id="spend-heading">
          Strategy spend
        </Title>
        <Text size="sm" mb="xs">
          Each active objective's share of the weight next to its share of the budget of the projects linked to it.
          Flagged (⚑) objectives get notably more or less money than their weight suggests.
        </Text>
        <ErrorAlert error={spend.error} title="Strategy spend could not be loaded" />
        {spend.data ? (
          spend.data.objectives.length === 0 ? (
            <Text>No active objectives yet.</Text>
          ) : (
            <Stack gap="sm">
              <Paper withBorder p="sm">
                <Suspense fallback={<ChartFallback />}>
                  <SpendChart spend={spend.data} />
                </Suspense>
              </Paper>
              <ScrollTable label="Strategy spend" minWidth={640}>
                <Table striped aria-label="Strategy spend by objective">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">Objective</Table.Th>
                      <Table.Th scope="col" className="numeric">
                        Share of weight
                      </Table.Th>
                      <Table.Th scope="col" className="numeric">
                        Share of spend
                      </Table.Th>
                      <Table.Th scope="col" className="numeric">
                        Spend
                      </Table.Th>
                      <Table.Th scope="col">Mismatch</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {spend.data.objectives.map((o) => (
                      <Table.Tr key={o.objectiveId} fw={o.flagged ? 700 : undefined}>
                        <Table.Th scope="row" fw={o.flagged ? 700 : 400}>
                          {o.code} · {o.title}
                        </Table.Th>
                        <Table.Td className="numeric">{formatShare(o.weightShare)}</Table.Td>
                        <Table.Td className="numeric">{formatShare(o.spendShare)}</Table.Td>
                        <Table.Td className="numeric">{money.format(o.spendCents)}</Table.Td>
                        <Table.Td>
                          {o.mismatch > 0 ? "+" : o.mismatch < 0 ? "−" : ""}
                          {formatShare(Math.abs(o.mismatch))}{" "}
                          {o.flagged ? (
                            <Badge color="orange" variant="light" leftSection={<span aria-hidden="true">⚑</span>}>
                              {o.mismatch > 0 ? "Flagged: over-funded" : "Flagged: under-funded"}
                            </Badge>
                          ) : null}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollTable>
              <Text size="sm">
                Unlinked spend (projects serving no active objective):{" "}
                <strong>{money.format(spend.data.unlinkedSpendCents)}</strong> of{" "}
                {money.format(spend.data.totalSpendCents)} in total.
              </Text>
            </Stack>
          )
        ) : spend.isPending ? (
          <PageLoader label="Loading strategy spend" />
        ) : null}
      </section>
    </>
  );
}
