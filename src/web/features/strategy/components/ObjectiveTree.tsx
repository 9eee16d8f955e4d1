import { Anchor, Badge, Button, Group, List, Paper, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { Link } from "react-router";
import { formatPeriod } from "../../../components/format.js";
import { formatNumber, formatShare, STRENGTH_LABELS } from "../labels.js";
import { useObjectiveLinksIndex } from "../strategy-api.js";
import type { Goal, Objective } from "../types.js";
import { ObjectiveStatusBadge, TrackingBadge } from "./badges.js";
import { GoalProgress } from "./GoalProgress.js";

type Props = {
  objectives: readonly Objective[];
  goalsByObjective: ReadonlyMap<string, Goal[]>;
  onEdit?: (o: Objective) => void;
};

/** Objectives as a nested list: each one with its numbers, and on request its goals and linked projects. */
export function ObjectiveTree({ roots, ...props }: Props & { roots: readonly Objective[] }) {
  return (
    <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: "none" }}>
      {roots.map((o) => (
        <ObjectiveNode key={o.id} objective={o} {...props} />
      ))}
    </Stack>
  );
}

function ObjectiveNode({
  objective: o,
  objectives,
  goalsByObjective,
  onEdit,
  depth = 0,
}: Props & { objective: Objective; depth?: number }) {
  const [expanded, setExpanded] = useState(false);
  const children = objectives.filter((c) => c.parentId === o.id);
  const goals = goalsByObjective.get(o.id) ?? [];
  const detailsId = `objective-details-${o.id}`;
  return (
    <li>
      <Paper withBorder p="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <Stack gap={4}>
            <Text fw={700} component={depth === 0 ? "h3" : "h4"} fz="md" m={0}>
              {o.code} · {o.title}
            </Text>
            <Group gap="md" wrap="wrap" component="div">
              <ObjectiveStatusBadge status={o.status} />
              <Text size="sm">
                Weight {formatNumber(o.weight)} ({formatShare(o.normalizedWeight)})
              </Text>
              <Text size="sm">
                Horizon {formatPeriod(o.horizonStart)} – {formatPeriod(o.horizonEnd)}
              </Text>
              <Text size="sm">Owner: {o.ownerName ?? "none"}</Text>
              <Text size="sm">
                {o.goalCount} goal{o.goalCount === 1 ? "" : "s"}
              </Text>
              <Text size="sm">
                {o.projectCount} linked project{o.projectCount === 1 ? "" : "s"}
              </Text>
            </Group>
          </Stack>
          <Group gap="xs" wrap="nowrap">
            <Button
              size="xs"
              variant="light"
              aria-expanded={expanded}
              aria-controls={detailsId}
              aria-label={`${expanded ? "Hide" : "Show"} goals and projects of ${o.code}`}
              onClick={() => setExpanded((e) => !e)}
            >
              {expanded ? "Hide" : "Show"} goals and projects
            </Button>
            {onEdit ? (
              <Button size="xs" variant="default" onClick={() => onEdit(o)} aria-label={`Edit ${o.code}`}>
                Edit
              </Button>
            ) : null}
          </Group>
        </Group>
        <div id={detailsId} hidden={!expanded}>
          {expanded ? <ObjectiveDetails objective={o} goals={goals} /> : null}
        </div>
      </Paper>
      {children.length > 0 ? (
        <Stack
          component="ul"
          gap="sm"
          mt="sm"
          ml="lg"
          pl="md"
          style={{ listStyle: "none", borderLeft: "2px solid var(--mantine-color-gray-4)" }}
          aria-label={`Sub-objectives of ${o.code}`}
        >
          {children.map((c) => (
            <ObjectiveNode
              key={c.id}
              objective={c}
              objectives={objectives}
              goalsByObjective={goalsByObjective}
              onEdit={onEdit}
              depth={depth + 1}
            />
          ))}
        </Stack>
      ) : null}
    </li>
  );
}

function ObjectiveDetails({ objective: o, goals }: { objective: Objective; goals: Goal[] }) {
  const links = useObjectiveLinksIndex(o.projectCount > 0);
  const projects = links.data?.byObjective.get(o.id) ?? [];
  return (
    <Stack gap="sm" mt="sm">
      {o.description ? <Text size="sm">{o.description}</Text> : null}
      <div>
        <Text fw={600} size="sm" mb={4}>
          Goals
        </Text>
        {goals.length === 0 ? (
          <Text size="sm">No goals yet.</Text>
        ) : (
          <List spacing={6} size="sm" listStyleType="none" p={0} m={0}>
            {goals.map((g) => (
              <List.Item key={g.id}>
                <Group gap="sm" wrap="wrap">
                  <Anchor component={Link} to={`/strategy/goals/${g.id}`} size="sm">
                    {g.title}
                  </Anchor>
                  <TrackingBadge status={g.tracking.status} />
                  <GoalProgress progress={g.tracking.progressPct} label={g.title} />
                </Group>
              </List.Item>
            ))}
          </List>
        )}
        <Anchor component={Link} to={`/strategy/goals?objectiveId=${o.id}`} size="sm">
          All goals of {o.code}
        </Anchor>
      </div>
      <div>
        <Text fw={600} size="sm" mb={4}>
          Linked projects
        </Text>
        {o.projectCount === 0 ? (
          <Text size="sm">No project is linked to this objective yet.</Text>
        ) : links.isPending ? (
          <Text size="sm" role="status">
            Loading linked projects…
          </Text>
        ) : links.error ? (
          <Text size="sm">The linked projects could not be loaded.</Text>
        ) : (
          <List spacing={4} size="sm" listStyleType="none" p={0} m={0}>
            {projects.map((p) => (
              <List.Item key={p.projectId}>
                <Anchor component={Link} to={`/projects/${p.projectId}?tab=strategy`} size="sm">
                  {p.code} · {p.name}
                </Anchor>{" "}
                <Badge size="sm" variant="outline" color="gray">
                  Strength {STRENGTH_LABELS[p.strength] ?? p.strength}
                </Badge>
              </List.Item>
            ))}
            {links.data?.truncated ? <List.Item>Only the first projects are listed.</List.Item> : null}
          </List>
        )}
      </div>
    </Stack>
  );
}
