import { Button, Paper, Stack, Text, Title } from "@mantine/core";
import { useMemo, useState } from "react";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { PageHeader } from "../../components/PageHeader.js";
import { PageLoader } from "../../components/PageLoader.js";
import { useCan } from "../../features/identity/session.js";
import { ObjectiveFormModal } from "../../features/strategy/components/ObjectiveFormModal.js";
import { ObjectiveTree } from "../../features/strategy/components/ObjectiveTree.js";
import { StrategyNav } from "../../features/strategy/components/StrategyNav.js";
import { KIND_LABELS } from "../../features/strategy/labels.js";
import { useGoals, useObjectives } from "../../features/strategy/strategy-api.js";
import type { Goal, Objective, ObjectiveKind } from "../../features/strategy/types.js";

const KINDS: { kind: ObjectiveKind; note: string }[] = [
  { kind: "organizational", note: "What the organization is trying to achieve." },
  { kind: "pmo", note: "The PMO's own objectives: how it serves the organization." },
];

function bySortOrder(a: Objective, b: Objective): number {
  return a.sortOrder - b.sortOrder || a.code.localeCompare(b.code);
}

export default function StrategyMapPage() {
  const objectives = useObjectives();
  const goals = useGoals();
  const mayWrite = useCan("objective.write");
  const [editing, setEditing] = useState<Objective | null>(null);
  const [creating, setCreating] = useState<ObjectiveKind | null>(null);
  const all = useMemo(() => [...(objectives.data?.items ?? [])].sort(bySortOrder), [objectives.data]);
  const goalsByObjective = useMemo(() => {
    const map = new Map<string, Goal[]>();
    for (const g of goals.data?.items ?? []) {
      if (!g.objectiveId) continue;
      map.set(g.objectiveId, [...(map.get(g.objectiveId) ?? []), g]);
    }
    return map;
  }, [goals.data]);

  return (
    <>
      <StrategyNav />
      <PageHeader
        title="Strategy map"
        description="The organization's and the PMO's objectives, their weights, goals and linked projects."
        actions={mayWrite ? <Button onClick={() => setCreating("organizational")}>New objective</Button> : null}
      />
      <ErrorAlert error={objectives.error} title="Objectives could not be loaded" />
      {objectives.isPending ? (
        <PageLoader label="Loading objectives" />
      ) : (
        <Stack gap="xl">
          {KINDS.map(({ kind, note }) => {
            const ofKind = all.filter((o) => o.kind === kind);
            const ids = new Set(ofKind.map((o) => o.id));
            // A sub-objective whose parent is of the other kind still shows, at the top of its own group.
            const roots = ofKind.filter((o) => !o.parentId || !ids.has(o.parentId));
            return (
              <section key={kind} aria-labelledby={`objectives-${kind}`}>
                <Title order={2} size="h3" id={`objectives-${kind}`}>
                  {KIND_LABELS[kind]} objectives
                </Title>
                <Text size="sm" mb="sm">
                  {note}
                </Text>
                {roots.length === 0 ? (
                  <Paper withBorder p="md">
                    <Text>
                      No {KIND_LABELS[kind].toLowerCase()} objectives yet.{" "}
                      {mayWrite ? (
                        <Button variant="subtle" size="compact-sm" onClick={() => setCreating(kind)}>
                          Add an objective
                        </Button>
                      ) : null}
                    </Text>
                  </Paper>
                ) : (
                  <ObjectiveTree
                    roots={roots}
                    objectives={ofKind}
                    goalsByObjective={goalsByObjective}
                    onEdit={mayWrite ? setEditing : undefined}
                  />
                )}
              </section>
            );
          })}
        </Stack>
      )}
      {mayWrite ? (
        <ObjectiveFormModal
          opened={creating !== null || editing !== null}
          objective={editing}
          objectives={all}
          defaults={creating ? { kind: creating } : {}}
          onClose={() => {
            setCreating(null);
            setEditing(null);
          }}
        />
      ) : null}
    </>
  );
}
