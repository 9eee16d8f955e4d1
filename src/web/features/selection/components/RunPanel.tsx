import { Alert, Anchor, Button, Group, Paper, Progress, Select, Stack, Text, Title } from "@mantine/core";
import { ErrorAlert } from "../../../components/ErrorAlert.js";
import { formatDateTime } from "../../../components/format.js";
import { PageLoader } from "../../../components/PageLoader.js";
import { formatPct, formatSeconds, formatValue, PHASE_LABELS, runStatusLabel } from "../labels.js";
import { modelDownloadUrl, useCancelRun, useRun, useRuns, useStartRun } from "../selection-api.js";
import type { Run, Scenario } from "../types.js";
import { RunResults } from "./RunResults.js";

/** A solve in progress: phase, a progress bar, the best value found so far, the gap, the time. */
function RunProgress({ run, onCancel, cancelling }: { run: Run; onCancel: () => void; cancelling: boolean }) {
  const p = run.progress;
  const fraction = Math.max(0, Math.min(1, p?.fraction ?? 0));
  const phase = p ? (PHASE_LABELS[p.phase] ?? p.phase) : "Starting";
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="progress-heading">
      <Group justify="space-between" align="flex-start" mb="xs">
        <div>
          <Title order={2} size="h4" id="progress-heading">
            Solving…
          </Title>
          <Text size="sm" role="status" data-testid="run-phase">
            {phase}
            {p?.message ? `: ${p.message}` : ""}
          </Text>
        </div>
        <Button variant="default" color="red" onClick={onCancel} loading={cancelling}>
          Cancel solve
        </Button>
      </Group>
      <Progress value={fraction * 100} size="lg" striped aria-label="Solve progress" />
      <Group gap="xl" mt="xs" wrap="wrap">
        <Text size="sm">
          Best value so far: <strong>{formatValue(p?.incumbent)}</strong>
        </Text>
        <Text size="sm">
          Bound: <strong>{formatValue(p?.bound)}</strong>
        </Text>
        <Text size="sm">
          Gap: <strong>{formatPct(p?.gapPct)}</strong>
        </Text>
        {p?.nodes !== undefined ? (
          <Text size="sm">
            Nodes: <strong>{p.nodes}</strong>
          </Text>
        ) : null}
        <Text size="sm">
          Elapsed: <strong>{formatSeconds(p?.elapsedSeconds ?? 0)}</strong>
        </Text>
      </Group>
    </Paper>
  );
}

/**
 * Solving the scenario and reading its runs: Solve (saving first when there are unsaved changes),
 * the progress of a running solve with Cancel, the runs history, and the chosen run's results.
 */
export function RunPanel({
  scenario,
  isDirty,
  saveFirst,
  runId,
  onRunChange,
  currency,
  categoryName,
}: {
  scenario: Scenario;
  isDirty: boolean;
  /** Saves unsaved changes; resolves false when they could not be saved. */
  saveFirst: () => Promise<boolean>;
  runId: string | null;
  onRunChange: (runId: string | null) => void;
  currency: string;
  categoryName: (key: string) => string;
}) {
  const runs = useRuns(scenario.id);
  const run = useRun(runId);
  const start = useStartRun(scenario.id);
  const cancel = useCancelRun();
  const isRunning = run.data?.status === "running";
  const mayEdit = scenario.permissions.edit;

  const solve = async () => {
    if (isDirty && !(await saveFirst())) return;
    start.mutate({}, { onSuccess: (r) => onRunChange(r.id) });
  };

  const runOptions = (runs.data?.items ?? []).map((r) => ({
    value: r.id,
    label: `${formatDateTime(r.startedAt)} · ${runStatusLabel(r.status)}${r.value !== null ? ` · value ${formatValue(r.value)}` : ""}${r.stale ? " · stale" : ""}`,
  }));
  if (runId && !runOptions.some((o) => o.value === runId) && run.data) {
    runOptions.unshift({
      value: runId,
      label: `${formatDateTime(run.data.startedAt)} · ${runStatusLabel(run.data.status)}`,
    });
  }

  return (
    <Stack gap="lg">
      <Paper withBorder p="md" component="section" aria-labelledby="solve-heading">
        <Group justify="space-between" align="flex-end" wrap="wrap" gap="md">
          <div>
            <Title order={2} size="h4" id="solve-heading">
              Solve
            </Title>
            <Text size="sm">
              The optimizer picks the candidates and start months with the most value within every limit, in at most{" "}
              {scenario.solver.timeLimitSeconds} s.
            </Text>
            {isDirty && scenario.permissions.solve ? (
              <Text size="sm" fw={600} mt={4}>
                You have unsaved changes: Solve saves them first.
              </Text>
            ) : null}
          </div>
          <Group gap="sm">
            <Anchor href={modelDownloadUrl(scenario.id)} download underline="always" size="sm">
              Download model (.lp)
            </Anchor>
            {scenario.permissions.solve ? (
              <Button
                onClick={() => void solve()}
                loading={start.isPending}
                disabled={isRunning || (isDirty && !mayEdit)}
              >
                {isDirty ? "Save and solve" : "Solve"}
              </Button>
            ) : null}
          </Group>
        </Group>
        <ErrorAlert error={start.error} title="The solve did not start" />
      </Paper>

      {runOptions.length > 0 ? (
        <Select
          label="Run"
          description="Earlier runs of this scenario, the latest first"
          data={runOptions}
          value={runId}
          onChange={(v) => onRunChange(v)}
          allowDeselect={false}
          w={{ base: "100%", sm: 520 }}
        />
      ) : null}

      <ErrorAlert error={cancel.error} title="The solve was not cancelled" />
      {runId === null ? (
        <Alert color="gray" variant="light">
          This scenario has not been solved yet.
        </Alert>
      ) : run.isPending ? (
        <PageLoader label="Loading the run" />
      ) : !run.data ? (
        <ErrorAlert error={run.error} title="The run could not be loaded" />
      ) : isRunning ? (
        <RunProgress run={run.data} onCancel={() => cancel.mutate(run.data.id)} cancelling={cancel.isPending} />
      ) : (
        <RunResults
          run={run.data}
          scenario={scenario}
          isDirty={isDirty}
          currency={currency}
          categoryName={categoryName}
        />
      )}
    </Stack>
  );
}
