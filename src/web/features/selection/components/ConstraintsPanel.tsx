import { Divider, NumberInput, SimpleGrid, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { CAPACITY_UNIT_LABELS } from "../labels.js";
import {
  type FormProblems,
  MONEY_SERIES,
  MONEY_TOTALS,
  type MoneySeries,
  type ScenarioForm,
  sentCapacityRoles,
} from "../scenario-form-model.js";
import type { Scenario } from "../types.js";
import { type LimitColumn, MonthlyLimitsTable } from "./MonthlyLimitsTable.js";
import { BalanceEditor, DependenciesEditor, ExclusionGroupsEditor } from "./RuleEditors.js";

const SERIES_NOUNS: Record<MoneySeries, string> = {
  budgetByMonthCents: "budget",
  capexByMonthCents: "capex",
  opexByMonthCents: "opex",
};
const SERIES_HEADERS: Record<MoneySeries, string> = {
  budgetByMonthCents: "Budget",
  capexByMonthCents: "Capex",
  opexByMonthCents: "Opex",
};

/** Budget, capacity, count and rule constraints of a scenario. */
export function ConstraintsPanel({
  form,
  onChange,
  problems,
  months,
  scenario,
  currency,
  readOnly,
}: {
  form: ScenarioForm;
  onChange: (next: ScenarioForm) => void;
  problems: FormProblems;
  months: readonly string[];
  /** Roles, candidates, categories and objectives to choose from. */
  scenario: Scenario;
  currency: string;
  readOnly: boolean;
}) {
  const set = (patch: Partial<ScenarioForm>) => onChange({ ...form, ...patch });
  const moneyColumns: LimitColumn[] = MONEY_SERIES.map((key) => ({
    key,
    label: `${SERIES_HEADERS[key]} (${currency})`,
    noun: SERIES_NOUNS[key],
    values: form.money[key],
    onChange: (values) => set({ money: { ...form.money, [key]: values } }),
    problem: (i) => problems[`constraints.${key}.${i}`],
    inputMode: "decimal",
  }));

  const sentRoles = sentCapacityRoles(form);
  const roleName = (key: string) => scenario.roles.find((r) => r.key === key)?.name ?? key;
  const capacityColumns: LimitColumn[] = form.roleOrder.map((roleKey) => ({
    key: roleKey,
    label: roleName(roleKey),
    noun: `${roleName(roleKey)} capacity`,
    values: form.capacity[roleKey] ?? [],
    onChange: (values) => set({ capacity: { ...form.capacity, [roleKey]: values } }),
    problem: (m) => {
      const i = sentRoles.indexOf(roleKey);
      // The schema reports by index in the list sent, the model check by role key.
      return (
        (i >= 0 ? problems[`constraints.capacity.${i}.byMonth.${m}`] : undefined) ??
        problems[`constraints.capacity.${roleKey}.${m}`]
      );
    },
    inputMode: "decimal",
  }));

  const projects = scenario.candidates.map((c) => ({ value: c.projectId, label: `${c.code} · ${c.name}` }));
  // Rules may name projects that are no longer candidates: keep them choosable so they show.
  const known = new Set(projects.map((p) => p.value));
  for (const id of [
    ...form.exclusionGroups.flatMap((g) => g.projectIds),
    ...form.dependencies.flatMap((d) => [d.projectId, d.requiresId]),
  ]) {
    if (id && !known.has(id)) {
      known.add(id);
      projects.push({ value: id, label: `Project no longer a candidate (${id.slice(0, 8)})` });
    }
  }

  const totalsRow = (
    <Table.Tr>
      <Table.Th scope="row" style={{ whiteSpace: "nowrap" }}>
        Whole horizon
      </Table.Th>
      {MONEY_TOTALS.map((key, k) => (
        <Table.Td key={key}>
          <TextInput
            aria-label={`Total ${SERIES_NOUNS[MONEY_SERIES[k] as MoneySeries]} for the horizon`}
            inputMode="decimal"
            placeholder="No limit"
            value={form.totals[key]}
            onChange={(e) => set({ totals: { ...form.totals, [key]: e.currentTarget.value } })}
            error={problems[`constraints.${key}`]}
            readOnly={readOnly}
            size="xs"
            styles={{ input: { textAlign: "right", fontWeight: 600 } }}
          />
        </Table.Td>
      ))}
    </Table.Tr>
  );

  return (
    <Stack gap="xl">
      <section aria-labelledby="budget-limits-heading">
        <Title order={2} size="h3" id="budget-limits-heading">
          Budget
        </Title>
        <Text size="sm" mb="xs">
          Spending limits per month and for the whole horizon, in {currency}. Leave a cell empty for no limit. Capex and
          opex limits apply to each part of the spend.
        </Text>
        {months.length === 0 ? (
          <Text>Enter a valid first month and horizon in the settings.</Text>
        ) : (
          <MonthlyLimitsTable
            label="Budget limits by month"
            months={months}
            columns={moneyColumns}
            readOnly={readOnly}
            footer={totalsRow}
          />
        )}
      </section>

      <section aria-labelledby="capacity-limits-heading">
        <Title order={2} size="h3" id="capacity-limits-heading">
          Capacity
        </Title>
        <Text size="sm" mb="xs">
          Available capacity per role and month, in {CAPACITY_UNIT_LABELS[form.capacityUnit].toLowerCase()}
          {form.capacityUnit === "fte" ? " (full-time equivalents)" : ""}. Leave a cell empty for no limit.
        </Text>
        {form.roleOrder.length === 0 ? (
          <Text size="sm">The organization has no resource roles.</Text>
        ) : months.length === 0 ? null : (
          <MonthlyLimitsTable
            label="Capacity limits by month and role"
            months={months}
            columns={capacityColumns}
            readOnly={readOnly}
          />
        )}
      </section>

      <section aria-labelledby="count-heading">
        <Title order={2} size="h3" id="count-heading" mb="xs">
          Portfolio rules
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }} mb="md">
          <NumberInput
            label="Maximum number of projects"
            description="Locked-in projects count too; empty for no limit"
            min={0}
            allowDecimal={false}
            value={form.maxProjects}
            onChange={(maxProjects) => set({ maxProjects })}
            error={problems["constraints.maxProjects"]}
            readOnly={readOnly}
          />
        </SimpleGrid>
        <Stack gap="lg">
          <ExclusionGroupsEditor
            rows={form.exclusionGroups}
            onChange={(exclusionGroups) => set({ exclusionGroups })}
            projects={projects}
            problems={problems}
            readOnly={readOnly}
          />
          <Divider />
          <DependenciesEditor
            rows={form.dependencies}
            onChange={(dependencies) => set({ dependencies })}
            projects={projects}
            problems={problems}
            readOnly={readOnly}
          />
          <Divider />
          <BalanceEditor
            rows={form.balance}
            onChange={(balance) => set({ balance })}
            categories={scenario.categories.map((c) => ({ value: c.key, label: c.name }))}
            objectives={scenario.objectives.map((o) => ({ value: o.id, label: `${o.code} · ${o.title}` }))}
            problems={problems}
            readOnly={readOnly}
          />
        </Stack>
      </section>
    </Stack>
  );
}
