import { Alert, Anchor, Badge, Button, Grid, Group, List, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { lazy, type ReactNode, Suspense, useState } from "react";
import { Link, useParams } from "react-router";
import type { ProjectStatus } from "../../../domain/portfolio/project-rules.js";
import { ConfirmModal } from "../../components/ConfirmModal.js";
import { DefinitionGrid } from "../../components/DefinitionGrid.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { formatDate, formatPeriod } from "../../components/format.js";
import { PageHeader } from "../../components/PageHeader.js";
import { PageLoader } from "../../components/PageLoader.js";
import { StatusBadge } from "../../components/StatusBadge.js";
import { useMoney } from "../../components/use-money.js";
import {
  useArchiveBenefit,
  useBenefit,
  useBenefitCategories,
  useCorrectiveActions,
  useMeasurements,
  useTracking,
} from "../../features/benefits/benefits-api.js";
import { BenefitStatusBadge, OverdueBadge, TrackingStatusBadge } from "../../features/benefits/components/badges.js";
import { DoamPanel } from "../../features/benefits/components/DoamPanel.js";
import { HandoverSection } from "../../features/benefits/components/HandoverSection.js";
import { MeasurementsTable, RecordMeasurementForm } from "../../features/benefits/components/MeasurementsSection.js";
import { type ActionSource, RaiseActionModal } from "../../features/benefits/components/RaiseActionModal.js";
import { RecommendationList } from "../../features/benefits/components/RecommendationList.js";
import { RisksSection } from "../../features/benefits/components/RisksSection.js";
import {
  BENEFIT_TYPE_LABELS,
  DIRECTION_LABELS,
  FREQUENCY_LABELS,
  formatNumber,
  formatPct,
  formatShare,
  formatWithUnit,
} from "../../features/benefits/labels.js";
import type { Benefit, Tracking } from "../../features/benefits/types.js";
import { useCan } from "../../features/identity/session.js";
import { ChartFallback } from "../../features/strategy/components/ChartFallback.js";

// ECharts loads only when a benefit is shown.
const BurnUpChart = lazy(() => import("../../features/benefits/components/charts/BurnUpChart.js"));

function Section({
  id,
  title,
  children,
  actions,
}: {
  id: string;
  title: string;
  children: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={`${id}-heading`}>
      <Group justify="space-between" align="center" mb="sm">
        <Title order={2} size="h4" id={`${id}-heading`}>
          {title}
        </Title>
        {actions}
      </Group>
      {children}
    </Paper>
  );
}

function Figure({
  label,
  value,
  hint,
  testId,
}: {
  label: string;
  value: ReactNode;
  hint?: ReactNode;
  testId?: string;
}) {
  return (
    <div data-testid={testId}>
      <Text size="sm" fw={600}>
        {label}
      </Text>
      <Text fz="xl" fw={700} lh={1.3}>
        {value}
      </Text>
      {hint ? (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      ) : null}
    </div>
  );
}

/** The figures under the burn-up chart: realization, forecast, probability of target, next measurement. */
function TrackingFigures({ benefit, tracking }: { benefit: Benefit; tracking: Tracking }) {
  const f = tracking.forecast;
  const unit = benefit.unit;
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
      <Figure
        label="Realization"
        value={formatPct(tracking.realizationPct)}
        hint={
          benefit.latestActual
            ? `${formatWithUnit(benefit.latestActual.value, unit)} in ${formatPeriod(benefit.latestActual.period)}`
            : "No measurement yet"
        }
        testId="realization"
      />
      <Figure
        label={f ? `Forecast for ${formatPeriod(f.atPeriod)}` : "Forecast"}
        value={f ? formatWithUnit(f.value, unit) : "—"}
        hint={
          f
            ? `80 % range ${formatNumber(f.low)} to ${formatNumber(f.high)}`
            : "Needs at least three measured months before the target month"
        }
        testId="forecast"
      />
      <Figure
        label="Probability of reaching the target"
        value={f ? formatShare(f.probabilityOfTarget) : "—"}
        hint={benefit.targetValue !== null ? `Target ${formatWithUnit(benefit.targetValue, unit)}` : undefined}
        testId="probability"
      />
      <Figure
        label="Next measurement due"
        value={tracking.nextDue ? formatDate(tracking.nextDue) : "—"}
        hint={tracking.overdue ? "A measurement is overdue" : FREQUENCY_LABELS[benefit.frequency]}
      />
    </SimpleGrid>
  );
}

export default function BenefitDetailPage() {
  const { id = "" } = useParams();
  const { data: benefit, error, isPending } = useBenefit(id);
  const tracking = useTracking(id);
  const measurements = useMeasurements(id);
  const actions = useCorrectiveActions({ benefitId: id });
  const categories = useBenefitCategories();
  const archive = useArchiveBenefit(id);
  const mayRaise = useCan("corrective_action.write");
  const mayWrite = useCan("benefit.write");
  const { format: money } = useMoney();
  const [raising, setRaising] = useState<ActionSource | null>(null);
  const [confirmingArchive, setConfirmingArchive] = useState(false);

  if (isPending) return <PageLoader label="Loading benefit" />;
  if (!benefit) {
    return (
      <>
        <PageHeader title="Benefit" />
        <ErrorAlert error={error} title="The benefit could not be loaded" />
      </>
    );
  }

  const t = tracking.data;
  const unit = benefit.unit;
  const isArchived = benefit.archivedAt !== null;
  const status = t?.status ?? benefit.trackingStatus;
  const openActions = (actions.data?.items ?? []).filter((a) => a.status === "open" || a.status === "in_progress");
  const owner = benefit.accountableOwner ?? benefit.responsibleOwner;
  const plannedChange =
    benefit.baselineValue !== null && benefit.targetValue !== null
      ? Math.abs(benefit.targetValue - benefit.baselineValue)
      : null;
  const recommendations = (t?.recommendations ?? []).map((r) => {
    const open = openActions.find((a) => a.rule === r.rule);
    return { ...r, benefitId: benefit.id, openAction: open ? { id: open.id, title: open.title } : null };
  });
  const categoryName = categories.data?.items.find((c) => c.key === benefit.category)?.name ?? benefit.category;

  return (
    <>
      <PageHeader
        title={`${benefit.code} · ${benefit.title}`}
        description={
          <Group gap={6} component="span" wrap="wrap">
            <TrackingStatusBadge status={status} />
            <BenefitStatusBadge status={benefit.status} />
            {benefit.isDisbenefit ? (
              <Badge color="grape" variant="outline">
                Dis-benefit
              </Badge>
            ) : null}
            {isArchived ? (
              <Badge color="gray" variant="outline">
                Archived
              </Badge>
            ) : null}
            {(t?.overdue ?? benefit.measurementOverdue) ? <OverdueBadge label="Measurement overdue" /> : null}
            <span>
              {BENEFIT_TYPE_LABELS[benefit.type]} · {categoryName}
            </span>
          </Group>
        }
        actions={
          // An archived benefit reports no edit permission; restoring it is for those who may write benefits.
          benefit.permissions.edit || (isArchived && mayWrite) ? (
            <>
              <Button variant="default" onClick={() => setConfirmingArchive(true)}>
                {isArchived ? "Restore" : "Archive"}
              </Button>
              {benefit.permissions.edit ? (
                <Button component={Link} to={`/benefits/${benefit.id}/edit`}>
                  Edit
                </Button>
              ) : null}
            </>
          ) : null
        }
      />
      <ErrorAlert error={archive.error} title="The benefit was not archived" />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="lg">
            <Section id="realization" title="Realization">
              <ErrorAlert error={tracking.error} title="Tracking could not be loaded" />
              {t ? (
                <Stack gap="md">
                  {t.earlyWarning ? (
                    <Alert color="orange" variant="light" title="Early warning" role="alert">
                      The forecast misses the target by more than the tolerance, although the latest value is still
                      within it.
                    </Alert>
                  ) : null}
                  {t.periods.length > 0 ? (
                    <Suspense fallback={<ChartFallback />}>
                      <BurnUpChart
                        tracking={t}
                        unit={unit}
                        target={benefit.targetValue}
                        targetPeriod={benefit.targetDate?.slice(0, 7) ?? null}
                        title={`${benefit.code} ${benefit.kpiName || benefit.title}`}
                      />
                    </Suspense>
                  ) : (
                    <Text size="sm">No profile and no measurements yet: nothing to chart.</Text>
                  )}
                  <TrackingFigures benefit={benefit} tracking={t} />
                  {t.forecast ? (
                    <Text size="xs" c="dimmed">
                      {t.forecast.method}.
                    </Text>
                  ) : null}
                  {t.warnings.filter((w) => !w.startsWith("Early warning")).length > 0 ? (
                    <Alert color="yellow" variant="light" title="Warnings">
                      <List size="sm">
                        {t.warnings
                          .filter((w) => !w.startsWith("Early warning"))
                          .map((w) => (
                            <List.Item key={w}>{w}</List.Item>
                          ))}
                      </List>
                    </Alert>
                  ) : null}
                </Stack>
              ) : tracking.isPending ? (
                <PageLoader label="Loading tracking" />
              ) : null}
            </Section>

            <Section
              id="recommendations"
              title={`Recommendations (${recommendations.length})`}
              actions={
                mayRaise && !isArchived ? (
                  <Button
                    size="compact-sm"
                    variant="default"
                    onClick={() =>
                      setRaising({
                        benefitId: benefit.id,
                        benefitCode: benefit.code,
                        rule: null,
                        reason: "",
                        suggestedAction: "",
                        defaultOwnerId: owner?.id ?? null,
                      })
                    }
                  >
                    Raise an action by hand
                  </Button>
                ) : null
              }
            >
              {recommendations.length === 0 ? (
                <Text size="sm" data-testid="no-recommendations">
                  No recommendations: nothing in the rules calls for action.
                </Text>
              ) : (
                <RecommendationList
                  items={recommendations}
                  mayRaise={mayRaise && !isArchived}
                  onRaise={(r) =>
                    setRaising({
                      benefitId: benefit.id,
                      benefitCode: benefit.code,
                      rule: r.rule,
                      reason: r.reason,
                      suggestedAction: r.suggestedAction,
                      defaultOwnerId: owner?.id ?? null,
                    })
                  }
                />
              )}
              {openActions.length > 0 ? (
                <Stack gap={4} mt="md">
                  <Text size="sm" fw={600}>
                    Open corrective actions
                  </Text>
                  <List size="sm" aria-label="Open corrective actions">
                    {openActions.map((a) => (
                      <List.Item key={a.id}>
                        <Anchor component={Link} to={`/benefits/actions?highlight=${a.id}`}>
                          {a.title}
                        </Anchor>{" "}
                        — {a.owner?.name ?? "no owner"}, due {formatDate(a.dueDate)}
                        {a.overdue ? " (overdue)" : ""}
                      </List.Item>
                    ))}
                  </List>
                </Stack>
              ) : null}
            </Section>

            <Section id="measurements" title="Measurements">
              <Stack gap="md">
                <ErrorAlert error={measurements.error} title="Measurements could not be loaded" />
                <MeasurementsTable
                  items={measurements.data?.items ?? []}
                  unit={unit}
                  mayMeasure={benefit.permissions.measure}
                />
                {benefit.permissions.measure ? <RecordMeasurementForm benefitId={benefit.id} unit={unit} /> : null}
              </Stack>
            </Section>

            <Section id="risks" title="Risks">
              <RisksSection
                benefitId={benefit.id}
                unit={unit}
                plannedChange={plannedChange}
                risk={t?.risk}
                mayEdit={benefit.permissions.edit}
              />
            </Section>

            <Section id="handover" title="Hand-over">
              <HandoverSection benefit={benefit} />
            </Section>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="lg">
            <Section id="definition" title="Definition">
              <DefinitionGrid
                cols={{ base: 1, sm: 2, lg: 2 }}
                items={[
                  { label: "KPI", value: benefit.kpiName || "—", wide: true },
                  { label: "Unit", value: unit || "—" },
                  { label: "Direction", value: DIRECTION_LABELS[benefit.direction] },
                  {
                    label: "Baseline",
                    value: `${formatWithUnit(benefit.baselineValue, unit)} on ${formatDate(benefit.baselineDate)}`,
                    wide: true,
                  },
                  {
                    label: "Target",
                    value: `${formatWithUnit(benefit.targetValue, unit)} by ${formatDate(benefit.targetDate)}`,
                    wide: true,
                  },
                  {
                    label: "Tolerance",
                    value:
                      benefit.toleranceKind === "percent"
                        ? `${formatNumber(benefit.toleranceValue)} % of the planned change`
                        : formatWithUnit(benefit.toleranceValue, unit),
                    wide: true,
                  },
                  { label: "Frequency", value: FREQUENCY_LABELS[benefit.frequency] },
                  {
                    label: "Value per unit",
                    value: benefit.valuePerUnitCents === null ? "—" : money(benefit.valuePerUnitCents),
                  },
                  { label: "Responsible owner", value: benefit.responsibleOwner?.name ?? "—" },
                  { label: "Accountable owner", value: benefit.accountableOwner?.name ?? "—" },
                  { label: "Operational owner", value: benefit.operationalOwner?.name ?? "—" },
                  { label: "Method", value: benefit.method || "—", wide: true },
                  { label: "Data source", value: benefit.dataSource || "—", wide: true },
                  { label: "Description", value: benefit.description || "—", wide: true },
                  { label: "Beneficiaries", value: benefit.beneficiaries || "—", wide: true },
                ]}
              />
            </Section>
            <Section id="golden-thread" title="Golden thread">
              <Stack gap="sm">
                <div>
                  <Text size="sm" fw={600}>
                    Enabling projects
                  </Text>
                  {benefit.projects.length === 0 ? (
                    <Text size="sm">None linked.</Text>
                  ) : (
                    <List size="sm" aria-label="Enabling projects">
                      {benefit.projects.map((p) => (
                        <List.Item key={p.id}>
                          <Anchor component={Link} to={`/projects/${p.id}?tab=benefits`}>
                            {p.code} · {p.name}
                          </Anchor>{" "}
                          <StatusBadge status={p.status as ProjectStatus} />
                        </List.Item>
                      ))}
                    </List>
                  )}
                </div>
                <div>
                  <Text size="sm" fw={600}>
                    Business change
                  </Text>
                  <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                    {benefit.businessChange || "Not described."}
                  </Text>
                </div>
                <div>
                  <Text size="sm" fw={600}>
                    Attribution
                  </Text>
                  <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                    {benefit.attributionNote || "No note on other contributors."}
                  </Text>
                </div>
                <div>
                  <Text size="sm" fw={600}>
                    Objectives served
                  </Text>
                  {benefit.objectives.length === 0 ? (
                    <Text size="sm">None linked.</Text>
                  ) : (
                    <List size="sm" aria-label="Objectives served">
                      {benefit.objectives.map((o) => (
                        <List.Item key={o.id}>
                          <Anchor component={Link} to={`/strategy/goals?objectiveId=${o.id}`}>
                            {o.code} · {o.title}
                          </Anchor>{" "}
                          (weight {formatNumber(o.weight)})
                        </List.Item>
                      ))}
                    </List>
                  )}
                </div>
                <Anchor component={Link} to={`/benefits/map?benefitId=${benefit.id}`} size="sm">
                  See this benefit on the benefits map
                </Anchor>
              </Stack>
            </Section>
            <DoamPanel doam={benefit.doam} />
          </Stack>
        </Grid.Col>
      </Grid>
      <RaiseActionModal source={raising} onClose={() => setRaising(null)} />
      <ConfirmModal
        opened={confirmingArchive}
        title={isArchived ? "Restore benefit" : "Archive benefit"}
        confirmLabel={isArchived ? "Restore" : "Archive"}
        danger={!isArchived}
        loading={archive.isPending}
        onCancel={() => setConfirmingArchive(false)}
        onConfirm={() =>
          archive.mutate(
            { version: benefit.version, archived: !isArchived },
            { onSettled: () => setConfirmingArchive(false) },
          )
        }
      >
        {isArchived
          ? `Restore ${benefit.code} to the register?`
          : `Archive ${benefit.code}? It leaves the register, roll-ups and recommendations, and can be restored later.`}
      </ConfirmModal>
    </>
  );
}
