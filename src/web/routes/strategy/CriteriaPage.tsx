import { Badge, Button, Group, Paper, Stack, Switch, Text } from "@mantine/core";
import { useMemo, useState } from "react";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { PageHeader } from "../../components/PageHeader.js";
import { PageLoader } from "../../components/PageLoader.js";
import { useCan } from "../../features/identity/session.js";
import { CriterionFormModal } from "../../features/strategy/components/CriterionFormModal.js";
import { StrategyNav } from "../../features/strategy/components/StrategyNav.js";
import { formatNumber, SOURCE_LABELS } from "../../features/strategy/labels.js";
import { useCriteria } from "../../features/strategy/strategy-api.js";
import type { Criterion } from "../../features/strategy/types.js";

type Editing = { criterion: Criterion | null; parentId: string | null } | null;

function bySortOrder(a: Criterion, b: Criterion): number {
  return a.sortOrder - b.sortOrder || a.name.localeCompare(b.name);
}

function CriterionNode({
  criterion: c,
  all,
  onEdit,
  onAddChild,
  depth = 0,
}: {
  depth?: number;
  criterion: Criterion;
  all: readonly Criterion[];
  onEdit?: (c: Criterion) => void;
  onAddChild?: (parentId: string) => void;
}) {
  const children = all.filter((x) => x.parentId === c.id);
  return (
    <li>
      <Paper withBorder p="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={4}>
            <Group gap="xs">
              <Text component={depth === 0 ? "h2" : depth === 1 ? "h3" : "h4"} fw={700} fz="md" m={0}>
                {c.name}
              </Text>
              <Text size="sm" ff="monospace">
                {c.key}
              </Text>
              {c.archivedAt ? (
                <Badge color="gray" variant="outline">
                  Archived
                </Badge>
              ) : null}
            </Group>
            <Text size="sm">
              Source: {SOURCE_LABELS[c.source] ?? c.source}
              {c.source === "scale"
                ? ` · scale ${formatNumber(c.scaleMin)}–${formatNumber(c.scaleMax)}, ${c.higherIsBetter ? "higher is better" : "lower is better"}`
                : ""}
            </Text>
            {c.description ? <Text size="sm">{c.description}</Text> : null}
            {c.levels.length > 0 ? (
              <Stack
                component="ul"
                gap={2}
                m={0}
                pl="md"
                aria-label={`Levels of ${c.name}`}
                style={{ fontSize: "var(--mantine-font-size-sm)" }}
              >
                {[...c.levels]
                  .sort((a, b) => a.value - b.value)
                  .map((l) => (
                    <li key={`${l.value}-${l.label}`}>
                      <strong>
                        {formatNumber(l.value)} · {l.label}
                      </strong>
                      {l.description ? ` — ${l.description}` : ""}
                    </li>
                  ))}
              </Stack>
            ) : null}
          </Stack>
          {onEdit && onAddChild ? (
            <Group gap="xs" wrap="nowrap">
              <Button
                size="xs"
                variant="light"
                onClick={() => onAddChild(c.id)}
                aria-label={`Add sub-criterion to ${c.name}`}
              >
                Add sub-criterion
              </Button>
              <Button size="xs" variant="default" onClick={() => onEdit(c)} aria-label={`Edit ${c.name}`}>
                Edit
              </Button>
            </Group>
          ) : null}
        </Group>
      </Paper>
      {children.length > 0 ? (
        <Stack
          component="ul"
          gap="sm"
          mt="sm"
          ml="lg"
          pl="md"
          style={{ listStyle: "none", borderLeft: "2px solid var(--mantine-color-gray-4)" }}
          aria-label={`Sub-criteria of ${c.name}`}
        >
          {children.map((x) => (
            <CriterionNode
              key={x.id}
              criterion={x}
              all={all}
              onEdit={onEdit}
              onAddChild={onAddChild}
              depth={depth + 1}
            />
          ))}
        </Stack>
      ) : null}
    </li>
  );
}

export default function CriteriaPage() {
  const criteria = useCriteria();
  const mayWrite = useCan("criteria.write");
  const [showArchived, setShowArchived] = useState(false);
  const [editing, setEditing] = useState<Editing>(null);
  const all = useMemo(() => [...(criteria.data?.items ?? [])].sort(bySortOrder), [criteria.data]);
  const shown = showArchived ? all : all.filter((c) => !c.archivedAt);
  const ids = new Set(shown.map((c) => c.id));
  const roots = shown.filter((c) => !c.parentId || !ids.has(c.parentId));

  return (
    <>
      <StrategyNav />
      <PageHeader
        title="Criteria"
        description="What projects are prioritized on. Executives weigh each level in a prioritization; projects are scored on the leaves."
        actions={
          mayWrite ? (
            <Button onClick={() => setEditing({ criterion: null, parentId: null })}>New criterion</Button>
          ) : null
        }
      />
      <Switch
        mb="md"
        label="Show archived"
        checked={showArchived}
        onChange={(e) => setShowArchived(e.currentTarget.checked)}
      />
      <ErrorAlert error={criteria.error} title="Criteria could not be loaded" />
      {criteria.isPending ? (
        <PageLoader label="Loading criteria" />
      ) : roots.length === 0 ? (
        <Paper withBorder p="lg">
          <Text>
            No criteria yet.{mayWrite ? " Create the top-level criteria first, then their sub-criteria." : ""}
          </Text>
        </Paper>
      ) : (
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: "none" }} aria-label="Criteria">
          {roots.map((c) => (
            <CriterionNode
              key={c.id}
              criterion={c}
              all={shown}
              onEdit={mayWrite ? (x) => setEditing({ criterion: x, parentId: x.parentId }) : undefined}
              onAddChild={mayWrite ? (parentId) => setEditing({ criterion: null, parentId }) : undefined}
            />
          ))}
        </Stack>
      )}
      {mayWrite ? (
        <CriterionFormModal
          opened={editing !== null}
          criterion={editing?.criterion ?? null}
          parentId={editing?.parentId ?? null}
          criteria={all}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </>
  );
}
