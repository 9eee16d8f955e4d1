import { Anchor, Button, Grid, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { lazy, Suspense } from "react";
import { Link, useParams } from "react-router";
import { DefinitionGrid } from "../../components/DefinitionGrid.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { formatDate, formatDateTime } from "../../components/format.js";
import { PageHeader } from "../../components/PageHeader.js";
import { PageLoader } from "../../components/PageLoader.js";
import { useCan } from "../../features/identity/session.js";
import { GoalStatusBadge, TrackingBadge } from "../../features/strategy/components/badges.js";
import { ChartFallback } from "../../features/strategy/components/ChartFallback.js";
import { CheckInForm } from "../../features/strategy/components/CheckInForm.js";
import { GoalProgress } from "../../features/strategy/components/GoalProgress.js";
import { ScrollTable } from "../../features/strategy/components/ScrollTable.js";
import { SmartPanel } from "../../features/strategy/components/SmartPanel.js";
import { StrategyNav } from "../../features/strategy/components/StrategyNav.js";
import { DIRECTION_LABELS, formatNumber, formatPercent, LEVEL_LABELS } from "../../features/strategy/labels.js";
import { useCheckIns, useGoal } from "../../features/strategy/strategy-api.js";

// ECharts loads only when a goal with check-ins is shown.
const CheckInChart = lazy(() => import("../../features/strategy/components/CheckInChart.js"));

export default function GoalDetailPage() {
  const { id = "" } = useParams();
  const { data: goal, error, isPending } = useGoal(id);
  const checkIns = useCheckIns(id);
  const mayWrite = useCan("goal.write");
  const mayCheckIn = useCan("goal.check_in");

  if (isPending) return <PageLoader label="Loading goal" />;
  if (!goal) {
    return (
      <>
        <StrategyNav />
        <PageHeader title="Goal" />
        <ErrorAlert error={error} title="The goal could not be loaded" />
      </>
    );
  }
  const unit = goal.unit ? ` ${goal.unit}` : "";
  const withUnit = (v: number | null) => (v === null ? "—" : `${formatNumber(v)}${unit}`);
  const items = [...(checkIns.data?.items ?? [])].sort(
    (a, b) => b.date.localeCompare(a.date) || b.createdAt.localeCompare(a.createdAt),
  );

  return (
    <>
      <StrategyNav />
      <PageHeader
        title={goal.title}
        description={
          <>
            {LEVEL_LABELS[goal.level]} goal
            {goal.objectiveId ? (
              <>
                {" "}
                for{" "}
                <Anchor component={Link} to={`/strategy/goals?objectiveId=${goal.objectiveId}`} underline="always">
                  {goal.objectiveTitle}
                </Anchor>
              </>
            ) : null}
            {goal.projectId ? (
              <>
                {" "}
                on{" "}
                <Anchor component={Link} to={`/projects/${goal.projectId}`} underline="always">
                  {goal.projectCode}
                </Anchor>
              </>
            ) : null}
          </>
        }
        actions={
          mayWrite ? (
            <Button component={Link} to={`/strategy/goals/${goal.id}/edit`}>
              Edit
            </Button>
          ) : null
        }
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7, lg: 8 }}>
          <Stack gap="lg">
            <Paper withBorder p="md" component="section" aria-labelledby="goal-tracking-heading">
              <Title order={2} size="h4" id="goal-tracking-heading" mb="sm">
                Progress
              </Title>
              <DefinitionGrid
                items={[
                  { label: "Tracking", value: <TrackingBadge status={goal.tracking.status} /> },
                  {
                    label: "Current value",
                    value: goal.tracking.current === null ? "No check-in yet" : withUnit(goal.tracking.current),
                  },
                  { label: "As of", value: formatDate(goal.tracking.currentDate) },
                  {
                    label: "Progress",
                    value: <GoalProgress progress={goal.tracking.progressPct} label={goal.title} />,
                  },
                  { label: "Expected by today", value: formatPercent(goal.tracking.expectedPct) },
                ]}
              />
            </Paper>
            <Paper withBorder p="md" component="section" aria-labelledby="goal-fields-heading">
              <Title order={2} size="h4" id="goal-fields-heading" mb="sm">
                Definition
              </Title>
              <DefinitionGrid
                items={[
                  { label: "Metric", value: goal.metricName || "—" },
                  { label: "Unit", value: goal.unit || "—" },
                  { label: "Direction", value: DIRECTION_LABELS[goal.direction] },
                  {
                    label: "Baseline",
                    value: `${withUnit(goal.baselineValue)} on ${formatDate(goal.baselineDate)}`,
                  },
                  { label: "Target", value: `${withUnit(goal.targetValue)} by ${formatDate(goal.targetDate)}` },
                  { label: "Tolerance", value: goal.tolerance === null ? "—" : `± ${withUnit(goal.tolerance)}` },
                  { label: "Owner", value: goal.ownerName ?? "—" },
                  { label: "Status", value: <GoalStatusBadge status={goal.status} /> },
                  { label: "Scope", value: goal.scope || "—" },
                  {
                    label: "Milestones",
                    value:
                      goal.milestones.length === 0
                        ? "—"
                        : goal.milestones.map((m) => `${withUnit(m.value)} by ${formatDate(m.date)}`).join("; "),
                    wide: true,
                  },
                  { label: "Description", value: goal.description || "—", wide: true },
                ]}
              />
            </Paper>
            <section aria-labelledby="check-ins-heading">
              <Title order={2} size="h4" id="check-ins-heading" mb="sm">
                Check-ins
              </Title>
              <ErrorAlert error={checkIns.error} title="Check-ins could not be loaded" />
              {items.length > 0 && goal.baselineDate ? (
                <Paper withBorder p="sm" mb="md">
                  <Suspense fallback={<ChartFallback />}>
                    <CheckInChart goal={goal} checkIns={items} />
                  </Suspense>
                </Paper>
              ) : null}
              {items.length === 0 ? (
                <Text mb="md">No check-ins recorded yet.</Text>
              ) : (
                <div style={{ marginBottom: "var(--mantine-spacing-md)" }}>
                  <ScrollTable label="Check-ins" minWidth={520}>
                    <Table striped aria-label="Check-ins">
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th scope="col">Date</Table.Th>
                          <Table.Th scope="col" className="numeric">
                            Value
                          </Table.Th>
                          <Table.Th scope="col">Note</Table.Th>
                          <Table.Th scope="col">Recorded by</Table.Th>
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {items.map((c) => (
                          <Table.Tr key={c.id}>
                            <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDate(c.date)}</Table.Td>
                            <Table.Td className="numeric">{withUnit(c.value)}</Table.Td>
                            <Table.Td>{c.note || "—"}</Table.Td>
                            <Table.Td>
                              {c.recordedByName ?? "—"}
                              <Text size="xs">{formatDateTime(c.createdAt)}</Text>
                            </Table.Td>
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  </ScrollTable>
                </div>
              )}
              {mayCheckIn && goal.status === "active" ? <CheckInForm goalId={goal.id} unit={goal.unit} /> : null}
            </section>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5, lg: 4 }}>
          <SmartPanel smart={goal.smart} />
        </Grid.Col>
      </Grid>
    </>
  );
}
