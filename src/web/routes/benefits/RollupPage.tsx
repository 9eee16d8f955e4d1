import {
  Anchor,
  Badge,
  Group,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { lazy, Suspense } from "react";
import { Link, useSearchParams } from "react-router";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { formatPeriod } from "../../components/format.js";
import { PageHeader } from "../../components/PageHeader.js";
import { PageLoader } from "../../components/PageLoader.js";
import { useMoney } from "../../components/use-money.js";
import { useRollup } from "../../features/benefits/benefits-api.js";
import { TrackingStatusBadge } from "../../features/benefits/components/badges.js";
import { formatNumber, formatPct, TRACKING_STATUS } from "../../features/benefits/labels.js";
import type { RollupBy, TrackingStatus } from "../../features/benefits/types.js";
import { usePortfolios } from "../../features/portfolio/portfolios.js";
import { ChartFallback } from "../../features/strategy/components/ChartFallback.js";
import { ScrollTable } from "../../features/strategy/components/ScrollTable.js";

const RollupChart = lazy(() => import("../../features/benefits/components/charts/RollupChart.js"));

const BY: { value: RollupBy; label: string }[] = [
  { value: "objective", label: "By objective" },
  { value: "portfolio", label: "By portfolio" },
  { value: "quarter", label: "By quarter" },
];
const GROUP_HEADING: Record<RollupBy, string> = { objective: "Objective", portfolio: "Portfolio", quarter: "Quarter" };

/** The executive view: planned against realized money, value at risk, status counts, largest deviations. */
export default function RollupPage() {
  const [params, setParams] = useSearchParams();
  const requested = params.get("by");
  const by: RollupBy = requested === "portfolio" || requested === "quarter" ? requested : "objective";
  const portfolioId = params.get("portfolioId") ?? undefined;
  const rollup = useRollup(by, portfolioId);
  const portfolios = usePortfolios("include");
  const { currency, format: money } = useMoney();
  const data = rollup.data;

  const setParam = (key: string, value: string | null) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );

  const statuses = Object.keys(TRACKING_STATUS) as TrackingStatus[];
  const totalPlanned = data?.rows.reduce((t, r) => t + r.plannedCents, 0) ?? 0;
  const totalRealized = data?.rows.reduce((t, r) => t + r.realizedCents, 0) ?? 0;

  return (
    <>
      <PageHeader
        title="Benefits roll-up"
        description="Planned against realized benefits, in money, for the benefits with a value per unit; value at risk; and where realization deviates most from plan."
      />
      <Group align="flex-end" gap="md" mb="md" wrap="wrap">
        <div>
          <Text size="sm" fw={500} id="rollup-by-label" mb={4}>
            Group
          </Text>
          <SegmentedControl
            aria-labelledby="rollup-by-label"
            data={BY}
            value={by}
            onChange={(v) => setParam("by", v === "objective" ? null : v)}
          />
        </div>
        <Select
          label="Portfolio"
          placeholder="Every portfolio"
          searchable
          clearable
          data={(portfolios.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
          value={portfolioId ?? null}
          onChange={(v) => setParam("portfolioId", v)}
          w={{ base: "100%", xs: 240 }}
        />
      </Group>
      <ErrorAlert error={rollup.error} title="The roll-up could not be loaded" />
      {rollup.isPending || !data ? (
        rollup.isPending ? (
          <PageLoader label="Loading the roll-up" />
        ) : null
      ) : (
        <Stack gap="lg">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Paper withBorder p="md" data-testid="value-at-risk">
              <Text size="sm" fw={600}>
                Value at risk
              </Text>
              <Text fz={28} fw={800} c="red.9">
                {money(data.valueAtRiskCents)}
              </Text>
              <Text size="xs" c="dimmed">
                Planned money still to come of benefits at risk or off track
              </Text>
            </Paper>
            <Paper withBorder p="md">
              <Text size="sm" fw={600}>
                Realized to date
              </Text>
              <Text fz={28} fw={800}>
                {money(totalRealized)}
              </Text>
              <Text size="xs" c="dimmed">
                of {money(totalPlanned)} planned to date (
                {formatPct(totalPlanned ? (totalRealized / totalPlanned) * 100 : null)})
                {by === "objective" ? ", weighted by contribution" : ""}
              </Text>
            </Paper>
            <Paper withBorder p="md" component="section" aria-labelledby="status-counts-heading">
              <Text size="sm" fw={600} id="status-counts-heading" mb={6}>
                Benefits by tracking status
              </Text>
              <Group
                gap={6}
                component="ul"
                p={0}
                m={0}
                style={{ listStyle: "none" }}
                aria-labelledby="status-counts-heading"
              >
                {statuses
                  .filter((s) => (data.byStatus[s] ?? 0) > 0)
                  .map((s) => (
                    <li key={s}>
                      <Badge color={TRACKING_STATUS[s].color} variant="light" size="lg">
                        {TRACKING_STATUS[s].label}: {data.byStatus[s]}
                      </Badge>
                    </li>
                  ))}
              </Group>
              <Text size="xs" c="dimmed" mt={6}>
                As of {formatPeriod(data.asOf)}
              </Text>
            </Paper>
          </SimpleGrid>

          <Paper withBorder p="md" component="section" aria-labelledby="rollup-rows-heading">
            <Title order={2} size="h4" id="rollup-rows-heading" mb="sm">
              Planned against realized, {BY.find((b) => b.value === by)?.label.toLowerCase()}
            </Title>
            {data.rows.length === 0 ? (
              <Text size="sm">No benefits with a money value to roll up.</Text>
            ) : (
              <Stack gap="md">
                <Suspense fallback={<ChartFallback />}>
                  <RollupChart rollup={data} currency={currency} />
                </Suspense>
                <ScrollTable label="Roll-up" minWidth={760}>
                  <Table striped aria-label="Roll-up">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">{GROUP_HEADING[by]}</Table.Th>
                        <Table.Th scope="col" className="numeric">
                          Benefits
                        </Table.Th>
                        <Table.Th scope="col" className="numeric">
                          Planned to date
                        </Table.Th>
                        <Table.Th scope="col" className="numeric">
                          Realized to date
                        </Table.Th>
                        <Table.Th scope="col" className="numeric">
                          Realization
                        </Table.Th>
                        <Table.Th scope="col" className="numeric">
                          Still to come at risk
                        </Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {data.rows.map((r) => (
                        <Table.Tr key={r.key}>
                          <Table.Th scope="row">{r.label}</Table.Th>
                          <Table.Td className="numeric">{r.benefits}</Table.Td>
                          <Table.Td className="numeric">{money(r.plannedCents)}</Table.Td>
                          <Table.Td className="numeric">{money(r.realizedCents)}</Table.Td>
                          <Table.Td className="numeric">{formatPct(r.realizationPct)}</Table.Td>
                          <Table.Td className="numeric">{money(r.atRiskCents)}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </ScrollTable>
              </Stack>
            )}
          </Paper>

          <Paper withBorder p="md" component="section" aria-labelledby="deviations-heading">
            <Title order={2} size="h4" id="deviations-heading" mb="xs">
              Largest deviations from plan
            </Title>
            <Text size="sm" mb="sm">
              The latest measurement against the plan of its month, as a share of each benefit's whole planned change.
            </Text>
            {data.topDeviations.length === 0 ? (
              <Text size="sm">No measured benefits yet.</Text>
            ) : (
              <ScrollTable label="Largest deviations" minWidth={760}>
                <Table striped aria-label="Largest deviations">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">Benefit</Table.Th>
                      <Table.Th scope="col">Tracking</Table.Th>
                      <Table.Th scope="col" className="numeric">
                        Planned
                      </Table.Th>
                      <Table.Th scope="col" className="numeric">
                        Actual
                      </Table.Th>
                      <Table.Th scope="col" className="numeric">
                        Variance
                      </Table.Th>
                      <Table.Th scope="col" className="numeric">
                        Of the planned change
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.topDeviations.map((d) => (
                      <Table.Tr key={d.benefitId}>
                        <Table.Th scope="row">
                          <Anchor component={Link} to={`/benefits/${d.benefitId}`} size="sm" fw={600}>
                            {d.code}
                          </Anchor>{" "}
                          <Text span size="sm" fw={400}>
                            {d.title}
                          </Text>
                        </Table.Th>
                        <Table.Td>
                          <TrackingStatusBadge status={d.trackingStatus} />
                        </Table.Td>
                        <Table.Td className="numeric">
                          {formatNumber(d.plannedToDate)} {d.unit}
                        </Table.Td>
                        <Table.Td className="numeric">
                          {formatNumber(d.actual)} {d.unit}
                        </Table.Td>
                        <Table.Td className="numeric">
                          {d.variance !== null && d.variance > 0 ? "+" : ""}
                          {formatNumber(d.variance)} {d.unit}
                        </Table.Td>
                        <Table.Td className="numeric">
                          {d.variancePct !== null && d.variancePct > 0 ? "+" : ""}
                          {formatPct(d.variancePct)}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollTable>
            )}
          </Paper>
        </Stack>
      )}
    </>
  );
}
