import { Anchor, Button, Group, Paper, Select, Table, Text } from "@mantine/core";
import { Link, useSearchParams } from "react-router";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { PageHeader } from "../../components/PageHeader.js";
import { PageLoader } from "../../components/PageLoader.js";
import { useCan } from "../../features/identity/session.js";
import { GoalStatusBadge, TrackingBadge, VerdictBadge } from "../../features/strategy/components/badges.js";
import { GoalProgress } from "../../features/strategy/components/GoalProgress.js";
import { ScrollTable } from "../../features/strategy/components/ScrollTable.js";
import { StrategyNav } from "../../features/strategy/components/StrategyNav.js";
import { formatPercent, LEVEL_LABELS } from "../../features/strategy/labels.js";
import { type GoalFilters, useGoals, useObjectives } from "../../features/strategy/strategy-api.js";
import type { GoalLevel, GoalStatus } from "../../features/strategy/types.js";

const LEVELS: GoalLevel[] = ["organizational", "project", "pmo"];
const STATUSES: { value: GoalStatus; label: string }[] = [
  { value: "active", label: "Active" },
  { value: "finished", label: "Finished" },
  { value: "cancelled", label: "Cancelled" },
];

function readFilters(params: URLSearchParams): GoalFilters {
  const level = params.get("level");
  const status = params.get("status");
  return {
    level: LEVELS.includes(level as GoalLevel) ? (level as GoalLevel) : undefined,
    objectiveId: params.get("objectiveId") ?? undefined,
    projectId: params.get("projectId") ?? undefined,
    status: STATUSES.some((s) => s.value === status) ? (status as GoalStatus) : undefined,
  };
}

export default function GoalsPage() {
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const goals = useGoals(filters);
  const objectives = useObjectives();
  const mayWrite = useCan("goal.write");
  const items = goals.data?.items ?? [];

  const setFilter = (key: keyof GoalFilters, value: string | null) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );

  return (
    <>
      <StrategyNav />
      <PageHeader
        title="Goals"
        description="Measurable goals (KPIs) with their SMART check and progress against the expected path."
        actions={
          mayWrite ? (
            <Button
              component={Link}
              to={
                filters.objectiveId ? `/strategy/goals/new?objectiveId=${filters.objectiveId}` : "/strategy/goals/new"
              }
            >
              New goal
            </Button>
          ) : null
        }
      />
      <Group mb="md" align="flex-end" wrap="wrap">
        <Select
          label="Level"
          placeholder="All levels"
          clearable
          data={LEVELS.map((l) => ({ value: l, label: LEVEL_LABELS[l] }))}
          value={filters.level ?? null}
          onChange={(v) => setFilter("level", v)}
          w={180}
        />
        <Select
          label="Objective"
          placeholder="All objectives"
          clearable
          searchable
          data={(objectives.data?.items ?? []).map((o) => ({ value: o.id, label: `${o.code} · ${o.title}` }))}
          value={filters.objectiveId ?? null}
          onChange={(v) => setFilter("objectiveId", v)}
          w={300}
        />
        <Select
          label="Status"
          placeholder="All statuses"
          clearable
          data={STATUSES}
          value={filters.status ?? null}
          onChange={(v) => setFilter("status", v)}
          w={180}
        />
        {filters.projectId ? (
          <Button variant="subtle" onClick={() => setFilter("projectId", null)}>
            Show goals of every project
          </Button>
        ) : null}
      </Group>
      <ErrorAlert error={goals.error} title="Goals could not be loaded" />
      {goals.isPending ? (
        <PageLoader label="Loading goals" />
      ) : items.length === 0 ? (
        <Paper withBorder p="lg">
          <Text>No goals match these filters.</Text>
        </Paper>
      ) : (
        <ScrollTable label="Goals" minWidth={900}>
          <Table striped highlightOnHover aria-label="Goals" aria-busy={goals.isFetching}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Goal</Table.Th>
                <Table.Th scope="col">Objective</Table.Th>
                <Table.Th scope="col">Owner</Table.Th>
                <Table.Th scope="col">SMART</Table.Th>
                <Table.Th scope="col">Progress</Table.Th>
                <Table.Th scope="col" className="numeric">
                  Expected
                </Table.Th>
                <Table.Th scope="col">Tracking</Table.Th>
                <Table.Th scope="col">Status</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((g) => (
                <Table.Tr key={g.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/strategy/goals/${g.id}`} fw={600}>
                      {g.title}
                    </Anchor>
                    <Text size="xs">
                      {LEVEL_LABELS[g.level]}
                      {g.projectId ? (
                        <>
                          {" "}
                          ·{" "}
                          <Anchor component={Link} to={`/projects/${g.projectId}`} size="xs">
                            {g.projectCode}
                          </Anchor>
                        </>
                      ) : null}
                      {g.metricName ? ` · ${g.metricName}${g.unit ? ` (${g.unit})` : ""}` : ""}
                    </Text>
                  </Table.Td>
                  <Table.Td>{g.objectiveTitle ?? "—"}</Table.Td>
                  <Table.Td>{g.ownerName ?? "—"}</Table.Td>
                  <Table.Td>
                    <VerdictBadge verdict={g.smart.overall} />
                  </Table.Td>
                  <Table.Td>
                    <GoalProgress progress={g.tracking.progressPct} label={g.title} />
                  </Table.Td>
                  <Table.Td className="numeric">{formatPercent(g.tracking.expectedPct)}</Table.Td>
                  <Table.Td>
                    <TrackingBadge status={g.tracking.status} />
                  </Table.Td>
                  <Table.Td>
                    <GoalStatusBadge status={g.status} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
    </>
  );
}
