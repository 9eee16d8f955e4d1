import {
  Button,
  Group,
  MultiSelect,
  NativeSelect,
  NumberInput,
  Select,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import type { ReactNode } from "react";
import {
  type BalanceRow,
  type DependencyRow,
  type ExclusionGroupRow,
  type FormProblems,
  newRowKey,
} from "../scenario-form-model.js";

export type Option = { value: string; label: string };

function RuleSection({
  id,
  title,
  description,
  addLabel,
  onAdd,
  readOnly,
  isEmpty,
  emptyText,
  children,
}: {
  id: string;
  title: string;
  description: string;
  addLabel: string;
  onAdd: () => void;
  readOnly: boolean;
  isEmpty: boolean;
  emptyText: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id}>
      <Title order={3} size="h4" id={id}>
        {title}
      </Title>
      <Text size="sm" mb="xs">
        {description}
      </Text>
      {isEmpty ? (
        <Text size="sm" mb="xs" c="dimmed">
          {emptyText}
        </Text>
      ) : (
        <Stack gap="xs" mb="xs">
          {children}
        </Stack>
      )}
      {readOnly ? null : (
        <Button variant="default" size="xs" onClick={onAdd}>
          {addLabel}
        </Button>
      )}
    </section>
  );
}

/** Groups of projects of which at most one may be selected. */
export function ExclusionGroupsEditor({
  rows,
  onChange,
  projects,
  problems,
  readOnly,
}: {
  rows: ExclusionGroupRow[];
  onChange: (rows: ExclusionGroupRow[]) => void;
  projects: Option[];
  problems: FormProblems;
  readOnly: boolean;
}) {
  const update = (i: number, patch: Partial<ExclusionGroupRow>) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <RuleSection
      id="exclusion-groups-heading"
      title="Exclusion groups"
      description="At most one project of each group is selected (alternatives to one another)."
      addLabel="Add exclusion group"
      onAdd={() => onChange([...rows, { key: newRowKey(), name: "", projectIds: [] }])}
      readOnly={readOnly}
      isEmpty={rows.length === 0}
      emptyText="No exclusion groups."
    >
      {rows.map((row, i) => {
        const n = i + 1;
        return (
          <Group key={row.key} align="flex-start" wrap="wrap" gap="sm">
            <TextInput
              label={`Group ${n} name`}
              value={row.name}
              maxLength={80}
              onChange={(e) => update(i, { name: e.currentTarget.value })}
              error={problems[`constraints.exclusionGroups.${i}.name`]}
              readOnly={readOnly}
              w={220}
            />
            <MultiSelect
              label={`Group ${n} projects`}
              data={projects}
              value={row.projectIds}
              onChange={(projectIds) => update(i, { projectIds })}
              searchable
              error={
                problems[`constraints.exclusionGroups.${i}.projectIds`] ?? problems[`constraints.exclusionGroups.${i}`]
              }
              readOnly={readOnly}
              style={{ flex: 1, minWidth: 260 }}
            />
            {readOnly ? null : (
              <Button
                variant="subtle"
                color="red"
                mt={25}
                aria-label={`Remove exclusion group ${n}`}
                onClick={() => onChange(rows.filter((_, j) => j !== i))}
              >
                Remove
              </Button>
            )}
          </Group>
        );
      })}
    </RuleSection>
  );
}

/** Dependencies beyond the projects' own: B is selected only with A (and optionally starts after A ends). */
export function DependenciesEditor({
  rows,
  onChange,
  projects,
  problems,
  readOnly,
}: {
  rows: DependencyRow[];
  onChange: (rows: DependencyRow[]) => void;
  projects: Option[];
  problems: FormProblems;
  readOnly: boolean;
}) {
  const update = (i: number, patch: Partial<DependencyRow>) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <RuleSection
      id="dependencies-heading"
      title="Extra dependencies"
      description="Project B can only be selected with project A. The projects' own dependencies always apply."
      addLabel="Add dependency"
      onAdd={() => onChange([...rows, { key: newRowKey(), projectId: null, requiresId: null, startAfterEnd: false }])}
      readOnly={readOnly}
      isEmpty={rows.length === 0}
      emptyText="No extra dependencies."
    >
      {rows.map((row, i) => {
        const n = i + 1;
        return (
          <Group key={row.key} align="flex-start" wrap="wrap" gap="sm">
            <Select
              label={`Dependency ${n}: project B`}
              data={projects}
              value={row.projectId}
              onChange={(projectId) => update(i, { projectId })}
              searchable
              error={problems[`constraints.dependencies.${i}.projectId`]}
              readOnly={readOnly}
              w={260}
            />
            <Select
              label={`Dependency ${n}: needs project A`}
              data={projects}
              value={row.requiresId}
              onChange={(requiresId) => update(i, { requiresId })}
              searchable
              error={problems[`constraints.dependencies.${i}.requiresId`]}
              readOnly={readOnly}
              w={260}
            />
            <Switch
              mt={32}
              label="B starts after A ends"
              checked={row.startAfterEnd}
              onChange={(e) => update(i, { startAfterEnd: e.currentTarget.checked })}
              disabled={readOnly}
              aria-label={`Dependency ${n}: B starts after A ends`}
            />
            {readOnly ? null : (
              <Button
                variant="subtle"
                color="red"
                mt={25}
                aria-label={`Remove dependency ${n}`}
                onClick={() => onChange(rows.filter((_, j) => j !== i))}
              >
                Remove
              </Button>
            )}
          </Group>
        );
      })}
    </RuleSection>
  );
}

const DIMENSIONS = [
  { value: "category", label: "Category" },
  { value: "objective", label: "Strategic objective" },
];

/** Minimum and maximum shares of the selected portfolio's spend per category or objective. */
export function BalanceEditor({
  rows,
  onChange,
  categories,
  objectives,
  problems,
  readOnly,
}: {
  rows: BalanceRow[];
  onChange: (rows: BalanceRow[]) => void;
  categories: Option[];
  objectives: Option[];
  problems: FormProblems;
  readOnly: boolean;
}) {
  const update = (i: number, patch: Partial<BalanceRow>) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <RuleSection
      id="balance-heading"
      title="Balance rules"
      description="Share of the selected portfolio's spend in the horizon that goes to a category or an objective."
      addLabel="Add balance rule"
      onAdd={() =>
        onChange([...rows, { key: newRowKey(), dimension: "category", target: null, minPct: "", maxPct: "" }])
      }
      readOnly={readOnly}
      isEmpty={rows.length === 0}
      emptyText="No balance rules."
    >
      {rows.map((row, i) => {
        const n = i + 1;
        const options = row.dimension === "category" ? categories : objectives;
        return (
          <Group key={row.key} align="flex-start" wrap="wrap" gap="sm">
            <NativeSelect
              label={`Rule ${n} applies to`}
              data={DIMENSIONS}
              value={row.dimension}
              onChange={(e) => update(i, { dimension: e.currentTarget.value as BalanceRow["dimension"], target: null })}
              disabled={readOnly}
              w={180}
            />
            <Select
              label={`Rule ${n} ${row.dimension === "category" ? "category" : "objective"}`}
              data={options}
              value={row.target}
              onChange={(target) => update(i, { target })}
              searchable
              error={problems[`constraints.balance.${i}.key`]}
              readOnly={readOnly}
              w={240}
            />
            <NumberInput
              label={`Rule ${n} minimum (%)`}
              min={0}
              max={100}
              value={row.minPct}
              onChange={(minPct) => update(i, { minPct })}
              error={problems[`constraints.balance.${i}.minPct`]}
              readOnly={readOnly}
              w={140}
            />
            <NumberInput
              label={`Rule ${n} maximum (%)`}
              min={0}
              max={100}
              value={row.maxPct}
              onChange={(maxPct) => update(i, { maxPct })}
              error={problems[`constraints.balance.${i}.maxPct`]}
              readOnly={readOnly}
              w={140}
            />
            {readOnly ? null : (
              <Button
                variant="subtle"
                color="red"
                mt={25}
                aria-label={`Remove balance rule ${n}`}
                onClick={() => onChange(rows.filter((_, j) => j !== i))}
              >
                Remove
              </Button>
            )}
          </Group>
        );
      })}
    </RuleSection>
  );
}
