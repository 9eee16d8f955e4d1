import {
  Checkbox,
  Fieldset,
  Group,
  NumberInput,
  Radio,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { CANDIDATE_STATUS_LABELS, CAPACITY_UNIT_LABELS, formatHorizon, VALUE_SOURCE_LABELS } from "../labels.js";
import { type FormProblems, formMonths, type ScenarioForm, withHorizon } from "../scenario-form-model.js";
import type { CandidateStatus, CapacityUnit, ValueSource } from "../types.js";

const STATUSES = Object.keys(CANDIDATE_STATUS_LABELS) as CandidateStatus[];

/** The scenario's own settings: name, horizon, where values come from, which projects compete, the solver. */
export function SettingsPanel({
  form,
  onChange,
  problems,
  portfolioName,
  readOnly,
}: {
  form: ScenarioForm;
  onChange: (next: ScenarioForm) => void;
  problems: FormProblems;
  portfolioName: string;
  readOnly: boolean;
}) {
  const set = (patch: Partial<ScenarioForm>) => onChange({ ...form, ...patch });
  const months = formMonths(form);

  return (
    <Stack gap="lg">
      <Fieldset legend="Scenario" disabled={readOnly}>
        <Stack>
          <TextInput
            label="Name"
            required
            maxLength={120}
            value={form.name}
            onChange={(e) => set({ name: e.currentTarget.value })}
            error={problems.name}
          />
          <Textarea
            label="Description"
            autosize
            minRows={2}
            value={form.description}
            onChange={(e) => set({ description: e.currentTarget.value })}
            error={problems.description}
          />
          <Text size="sm">
            Portfolio: <strong>{portfolioName}</strong>
          </Text>
        </Stack>
      </Fieldset>

      <Fieldset legend="Planning horizon" disabled={readOnly}>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label="First month"
            type="month"
            required
            placeholder="YYYY-MM"
            value={form.firstMonth}
            onChange={(e) => onChange(withHorizon(form, e.currentTarget.value, form.horizonMonths))}
            error={problems.firstMonth}
          />
          <NumberInput
            label="Horizon (months)"
            required
            min={1}
            max={120}
            allowDecimal={false}
            value={form.horizonMonths}
            onChange={(v) => onChange(withHorizon(form, form.firstMonth, v))}
            error={problems.horizonMonths}
          />
          <NumberInput
            label="Default start flexibility (months)"
            description="A project may start from its planned month to this many months later"
            min={0}
            max={120}
            allowDecimal={false}
            value={form.startFlexMonths}
            onChange={(v) => set({ startFlexMonths: v })}
            error={problems.startFlexMonths}
          />
        </SimpleGrid>
        <Text size="sm" mt="xs">
          {months.length > 0
            ? `Plans ${formatHorizon(form.firstMonth, months)}.`
            : "Enter a valid first month and horizon."}
        </Text>
      </Fieldset>

      <Fieldset legend="Values and candidates" disabled={readOnly}>
        <Stack>
          <Radio.Group
            label="Value source"
            description="What the optimizer maximizes"
            value={form.valueSource}
            onChange={(v) => set({ valueSource: v as ValueSource })}
            error={problems.valueSource}
          >
            <Group mt={6}>
              {(Object.keys(VALUE_SOURCE_LABELS) as ValueSource[]).map((v) => (
                <Radio
                  key={v}
                  value={v}
                  label={
                    v === "priority"
                      ? `${VALUE_SOURCE_LABELS[v]} (from the active scoring model)`
                      : v === "npv"
                        ? `${VALUE_SOURCE_LABELS[v]} (from each project's business case)`
                        : `${VALUE_SOURCE_LABELS[v]} (set per candidate)`
                  }
                />
              ))}
            </Group>
          </Radio.Group>
          <Radio.Group
            label="Capacity unit"
            value={form.capacityUnit}
            onChange={(v) => set({ capacityUnit: v as CapacityUnit })}
            error={problems.capacityUnit}
          >
            <Group mt={6}>
              {(Object.keys(CAPACITY_UNIT_LABELS) as CapacityUnit[]).map((u) => (
                <Radio key={u} value={u} label={CAPACITY_UNIT_LABELS[u]} />
              ))}
            </Group>
          </Radio.Group>
          <Checkbox.Group
            label="Candidate statuses"
            description="The portfolio's projects in these statuses compete for the budget"
            value={form.candidateStatuses}
            onChange={(v) => set({ candidateStatuses: v as CandidateStatus[] })}
            error={problems.candidateStatuses}
          >
            <Group mt={6}>
              {STATUSES.map((s) => (
                <Checkbox key={s} value={s} label={CANDIDATE_STATUS_LABELS[s]} />
              ))}
            </Group>
          </Checkbox.Group>
          <Switch
            label="Lock active projects in at their planned start"
            description="Active projects are always selected and keep their committed spend"
            checked={form.lockActive}
            onChange={(e) => set({ lockActive: e.currentTarget.checked })}
            error={problems.lockActive}
          />
        </Stack>
      </Fieldset>

      <Fieldset legend="Solver" disabled={readOnly}>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NumberInput
            label="Time limit (seconds)"
            min={1}
            max={600}
            value={form.timeLimitSeconds}
            onChange={(v) => set({ timeLimitSeconds: v })}
            error={problems["solver.timeLimitSeconds"]}
          />
          <NumberInput
            label="Optimality gap (%)"
            description="The solver may stop this close to the best possible value"
            min={0}
            max={10}
            decimalScale={4}
            step={0.01}
            value={form.gapPct}
            onChange={(v) => set({ gapPct: v })}
            error={problems["solver.gapPct"]}
          />
          <Switch
            mt={{ sm: 28 }}
            label="Explain the result"
            description="Why projects are left out, loss if removed, frontier, shadow prices"
            checked={form.explain}
            onChange={(e) => set({ explain: e.currentTarget.checked })}
            error={problems["solver.explain"]}
          />
        </SimpleGrid>
      </Fieldset>
    </Stack>
  );
}
