import { Anchor, Badge, Button, Checkbox, Group, Paper, Select, Table, Text } from "@mantine/core";
import { useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { formatDateTime } from "../../components/format.js";
import { PageHeader } from "../../components/PageHeader.js";
import { PageLoader } from "../../components/PageLoader.js";
import { useCan } from "../../features/identity/session.js";
import { usePortfolios } from "../../features/portfolio/portfolios.js";
import { RunStatusBadge, ScenarioStatusBadge } from "../../features/selection/components/badges.js";
import { NewScenarioModal } from "../../features/selection/components/NewScenarioModal.js";
import { formatHorizon, formatPct, formatValue, VALUE_SOURCE_LABELS } from "../../features/selection/labels.js";
import { useScenarios } from "../../features/selection/selection-api.js";
import { ScrollTable } from "../../features/strategy/components/ScrollTable.js";

const MAX_COMPARED = 4;

/** Every selection scenario, filtered by portfolio; pick two to four to compare them. */
export default function ScenariosPage() {
  const [params, setParams] = useSearchParams();
  const portfolioId = params.get("portfolioId") ?? undefined;
  const scenarios = useScenarios(portfolioId);
  const portfolios = usePortfolios("include");
  const mayWrite = useCan("selection.write");
  const [creating, setCreating] = useState(false);
  const [picked, setPicked] = useState<string[]>([]);
  const navigate = useNavigate();
  const items = scenarios.data?.items ?? [];
  const pickedShown = picked.filter((id) => items.some((s) => s.id === id));

  const toggle = (id: string, on: boolean) =>
    setPicked((prev) => (on ? [...prev.filter((p) => p !== id), id] : prev.filter((p) => p !== id)));

  return (
    <>
      <PageHeader
        title="Portfolio selection"
        description="Scenarios choose the projects that give the most value within budget and capacity limits; an exact optimizer solves each one and explains its choice."
        actions={mayWrite ? <Button onClick={() => setCreating(true)}>New scenario</Button> : null}
      />
      <Group align="flex-end" justify="space-between" mb="md" wrap="wrap" gap="sm">
        <Select
          label="Portfolio"
          placeholder="Any portfolio"
          data={(portfolios.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
          value={portfolioId ?? null}
          onChange={(value) =>
            setParams(
              (prev) => {
                const next = new URLSearchParams(prev);
                if (value) next.set("portfolioId", value);
                else next.delete("portfolioId");
                return next;
              },
              { replace: true },
            )
          }
          clearable
          searchable
          w={{ base: "100%", xs: 280 }}
        />
        <Group gap="sm" align="center">
          <Text size="sm" role="status">
            {pickedShown.length === 0
              ? "Tick 2 to 4 scenarios to compare them."
              : `${pickedShown.length} of at most ${MAX_COMPARED} scenarios ticked for comparison.`}
          </Text>
          <Button
            variant="default"
            disabled={pickedShown.length < 2 || pickedShown.length > MAX_COMPARED}
            onClick={() => void navigate(`/selection/compare?ids=${pickedShown.join(",")}`)}
          >
            Compare
          </Button>
        </Group>
      </Group>
      <ErrorAlert error={scenarios.error} title="Scenarios could not be loaded" />
      {scenarios.isPending ? (
        <PageLoader label="Loading scenarios" />
      ) : items.length === 0 ? (
        <Paper withBorder p="lg">
          <Text>
            {portfolioId ? "No scenarios for this portfolio yet." : "No scenarios yet."}
            {mayWrite ? " Create one to choose the portfolio's projects under its budget and capacity." : ""}
          </Text>
        </Paper>
      ) : (
        <ScrollTable label="Scenarios" minWidth={1000}>
          <Table striped highlightOnHover aria-label="Scenarios">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">
                  <span className="visually-hidden">Compare</span>
                </Table.Th>
                <Table.Th scope="col">Name</Table.Th>
                <Table.Th scope="col">Portfolio</Table.Th>
                <Table.Th scope="col">Horizon</Table.Th>
                <Table.Th scope="col">Value source</Table.Th>
                <Table.Th scope="col">Status</Table.Th>
                <Table.Th scope="col">Latest run</Table.Th>
                <Table.Th scope="col" className="numeric">
                  Value
                </Table.Th>
                <Table.Th scope="col" className="numeric">
                  Gap
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((s) => {
                const isPicked = pickedShown.includes(s.id);
                return (
                  <Table.Tr key={s.id}>
                    <Table.Td>
                      <Checkbox
                        aria-label={`Compare ${s.name}`}
                        checked={isPicked}
                        disabled={!isPicked && pickedShown.length >= MAX_COMPARED}
                        onChange={(e) => toggle(s.id, e.currentTarget.checked)}
                      />
                    </Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/selection/${s.id}`} fw={600}>
                        {s.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{s.portfolioName}</Table.Td>
                    <Table.Td style={{ whiteSpace: "nowrap" }}>{formatHorizon(s.firstMonth, s.horizonMonths)}</Table.Td>
                    <Table.Td>{VALUE_SOURCE_LABELS[s.valueSource]}</Table.Td>
                    <Table.Td>
                      <ScenarioStatusBadge status={s.status} />
                    </Table.Td>
                    <Table.Td>
                      {s.latestRun ? (
                        <Group gap={6} wrap="nowrap">
                          <RunStatusBadge status={s.latestRun.status} />
                          {s.latestRun.stale ? (
                            <Badge color="orange" variant="outline">
                              Stale
                            </Badge>
                          ) : null}
                          <Text size="xs" c="dimmed" style={{ whiteSpace: "nowrap" }}>
                            {formatDateTime(s.latestRun.startedAt)}
                          </Text>
                        </Group>
                      ) : (
                        <Text size="sm">Not solved yet</Text>
                      )}
                    </Table.Td>
                    <Table.Td className="numeric">{formatValue(s.latestRun?.value)}</Table.Td>
                    <Table.Td className="numeric">{formatPct(s.latestRun?.gapPct)}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
      {mayWrite ? (
        <NewScenarioModal
          opened={creating}
          onClose={() => setCreating(false)}
          portfolioId={portfolioId}
          onCreated={(s) => void navigate(`/selection/${s.id}`)}
        />
      ) : null}
    </>
  );
}
