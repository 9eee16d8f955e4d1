import { Button, Group, List, Stack, Text, Textarea } from "@mantine/core";
import { useEffect, useState } from "react";
import { isApiError } from "../../../api/api-error.js";
import { AppModal } from "../../../components/AppModal.js";
import { ErrorAlert } from "../../../components/ErrorAlert.js";
import { formatPeriod } from "../../../components/format.js";
import { useCommitScenario } from "../selection-api.js";
import type { CommitResult, Run, Scenario } from "../types.js";

/** Approving a run's portfolio: its proposed projects become approved at their chosen start, and a decision is recorded. */
export function CommitModal({
  opened,
  onClose,
  scenario,
  run,
  onCommitted,
}: {
  opened: boolean;
  onClose: () => void;
  scenario: Scenario;
  run: Run;
  onCommitted: (result: CommitResult) => void;
}) {
  const commit = useCommitScenario(scenario.id);
  const [rationale, setRationale] = useState("");

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset each time the modal opens
  useEffect(() => {
    if (!opened) return;
    setRationale("");
    commit.reset();
  }, [opened]);

  const selected = run.result?.selected ?? [];
  const proposed = selected.filter((p) => p.status === "proposed");
  const fieldErrors = isApiError(commit.error) ? commit.error.fieldErrors : {};

  return (
    <AppModal opened={opened} onClose={onClose} title="Approve portfolio" size="lg">
      <Stack>
        <ErrorAlert error={commit.error} title="The portfolio was not approved" hideFields={(p) => p === "rationale"} />
        <Text>
          The {selected.length} selected project{selected.length === 1 ? "" : "s"} make up the approved portfolio of{" "}
          <strong>{scenario.name}</strong>, and the decision is recorded in the decision log.
          {proposed.length > 0
            ? ` ${proposed.length} proposed project${proposed.length === 1 ? " becomes" : "s become"} approved at the chosen start:`
            : " No proposed project changes status."}
        </Text>
        {proposed.length > 0 ? (
          <List size="sm" spacing={2}>
            {proposed.map((p) => (
              <List.Item key={p.projectId}>
                {p.code} · {p.name}, starting {formatPeriod(p.start)}
              </List.Item>
            ))}
          </List>
        ) : null}
        <Textarea
          label="Rationale"
          description="Optional: why this portfolio, for the decision log"
          autosize
          minRows={3}
          maxLength={5000}
          value={rationale}
          onChange={(e) => setRationale(e.currentTarget.value)}
          error={fieldErrors.rationale}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            loading={commit.isPending}
            onClick={() =>
              commit.mutate(
                { version: scenario.version, runId: run.id, rationale: rationale.trim() },
                {
                  onSuccess: (result) => {
                    onCommitted(result);
                    onClose();
                  },
                },
              )
            }
          >
            Approve portfolio
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}
