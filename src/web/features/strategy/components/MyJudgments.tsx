import { Alert, Button, Grid, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useMemo, useState } from "react";
import { isApiError } from "../../../api/api-error.js";
import { ErrorAlert } from "../../../components/ErrorAlert.js";
import { formatDateTime } from "../../../components/format.js";
import { evaluateGrid, judgmentsFromSession, judgmentsToApi, pairKey } from "../pairwise-model.js";
import { useSaveJudgments } from "../strategy-api.js";
import type { AhpSession } from "../types.js";
import { ConsistencyPanel } from "./ConsistencyPanel.js";
import { PairwiseGrid } from "./PairwiseGrid.js";

function sameJudgments(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) {
    const w = b.get(k);
    if (w === undefined || Math.abs(Math.log(v / w)) > 1e-9) return false;
  }
  return true;
}

/**
 * The invited executive's part: the pairwise grid, the live consistency beside it, and Save draft /
 * Submit. The grid keeps its own state from the first load; saving does not reset it.
 */
export function MyJudgments({ session }: { session: AhpSession }) {
  const [judgments, setJudgments] = useState(() => judgmentsFromSession(session));
  const save = useSaveJudgments(session.id);
  const [lastAction, setLastAction] = useState<"draft" | "submit" | null>(null);
  const saved = useMemo(() => judgmentsFromSession(session), [session]);
  const n = session.criteria.length;
  const live = useMemo(
    () => evaluateGrid(n, judgments, session.randomIndexVariant),
    [n, judgments, session.randomIndexVariant],
  );
  const isClosed = session.status !== "open";
  const isDirty = !sameJudgments(judgments, saved);
  const flagged = useMemo(() => {
    if (!live.complete || live.evaluation.consistent) return new Set<string>();
    return new Set(live.evaluation.inconsistentJudgments.slice(0, 3).map((j) => pairKey(j.i, j.j)));
  }, [live]);

  const set = (key: string, value: number) => {
    setLastAction(null);
    save.reset();
    setJudgments((prev) => new Map(prev).set(key, value));
  };
  const send = (submit: boolean) => {
    setLastAction(null);
    save.mutate(
      { judgments: judgmentsToApi(session, judgments), submit },
      { onSuccess: () => setLastAction(submit ? "submit" : "draft") },
    );
  };
  const submittedAt = session.mine?.submittedAt ?? null;

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 7 }}>
        <section aria-labelledby="my-judgments-heading">
          <Title order={2} size="h3" id="my-judgments-heading" mb="xs">
            Your judgments
          </Title>
          {isClosed ? (
            <Alert color="gray" variant="light" mb="sm">
              This prioritization is closed; judgments can no longer be changed.
            </Alert>
          ) : null}
          <PairwiseGrid
            criteria={session.criteria}
            judgments={judgments}
            onChange={set}
            disabled={isClosed}
            flagged={flagged}
          />
        </section>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Paper withBorder p="md" style={{ position: "sticky", top: 72 }}>
          <Stack gap="md">
            <ConsistencyPanel criteria={session.criteria} live={live} onUseSuggested={set} disabled={isClosed} />
            <div role="status" aria-live="polite">
              {lastAction === "submit" ? (
                <Alert color="green" variant="light" title="Judgments submitted">
                  Your judgments now count in the group result. You can revise them until the prioritization is closed.
                </Alert>
              ) : lastAction === "draft" ? (
                <Text size="sm">Draft saved.</Text>
              ) : isDirty ? (
                <Text size="sm">You have unsaved changes.</Text>
              ) : submittedAt ? (
                <Text size="sm">Submitted {formatDateTime(submittedAt)}.</Text>
              ) : null}
            </div>
            <ErrorAlert
              error={save.error}
              title={
                isApiError(save.error) && save.error.isConflict
                  ? "The prioritization was closed"
                  : "Your judgments were not saved"
              }
            />
            {isClosed ? null : (
              <>
                <Group gap="sm">
                  <Button variant="default" onClick={() => send(false)} loading={save.isPending && lastAction === null}>
                    Save draft
                  </Button>
                  <Button onClick={() => send(true)} disabled={!live.complete} loading={save.isPending}>
                    Submit
                  </Button>
                </Group>
                {!live.complete ? (
                  <Text size="sm">Compare every pair to submit. A draft can be saved at any time.</Text>
                ) : null}
              </>
            )}
          </Stack>
        </Paper>
      </Grid.Col>
    </Grid>
  );
}
