import {
  Alert,
  Anchor,
  Badge,
  Group,
  NativeSelect,
  NumberInput,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
} from "@mantine/core";
import { useEffect, useState } from "react";
import { Link } from "react-router";
import type { ProjectStatus } from "../../../../domain/portfolio/project-rules.js";
import { addMonths } from "../../../../domain/shared/period.js";
import { formatPeriod } from "../../../components/format.js";
import { StatusBadge } from "../../../components/StatusBadge.js";
import { ScrollTable } from "../../strategy/components/ScrollTable.js";
import { formatValue } from "../labels.js";
import {
  defaultSetting,
  type FormProblems,
  type NumberText,
  parseNumber,
  type ScenarioForm,
  sentCandidateIds,
} from "../scenario-form-model.js";
import type { Candidate, CandidateSetting } from "../types.js";

/** A custom value typed as text, so partial input ("-", "1.") is not lost while typing. */
function CustomValueInput({
  value,
  onChange,
  label,
  error,
  disabled,
}: {
  value: number | null;
  onChange: (value: number | null) => void;
  label: string;
  error?: string;
  disabled: boolean;
}) {
  const [text, setText] = useState<NumberText>(value ?? "");
  // biome-ignore lint/correctness/useExhaustiveDependencies: follows the value from outside only
  useEffect(() => {
    if (parseNumber(text) !== value) setText(value ?? "");
  }, [value]);
  return (
    <NumberInput
      aria-label={label}
      value={text}
      onChange={(v) => {
        setText(v);
        const n = parseNumber(v);
        if (n !== undefined) onChange(n);
      }}
      error={error}
      disabled={disabled}
      w={90}
      ml="auto"
      size="xs"
      hideControls
      styles={{ input: { textAlign: "right" } }}
    />
  );
}

/** The candidate projects with their per-scenario settings: mandatory, excluded, start window, custom value. */
export function CandidatesPanel({
  candidates,
  form,
  onChange,
  problems,
  months,
  readOnly,
  formatMoney,
  categoryName,
  needsRefresh,
}: {
  candidates: readonly Candidate[];
  form: ScenarioForm;
  onChange: (next: ScenarioForm) => void;
  problems: FormProblems;
  months: readonly string[];
  readOnly: boolean;
  formatMoney: (cents: number) => string;
  categoryName: (key: string) => string;
  /** Settings that decide who is a candidate changed and are not saved yet. */
  needsRefresh: boolean;
}) {
  const [filter, setFilter] = useState("");
  const sent = sentCandidateIds(form);
  const isCustom = form.valueSource === "custom";
  const flex = Number(form.startFlexMonths);
  const settingOf = (id: string): CandidateSetting => form.candidates[id] ?? defaultSetting(id);
  const update = (id: string, patch: Partial<CandidateSetting>) =>
    onChange({ ...form, candidates: { ...form.candidates, [id]: { ...settingOf(id), ...patch } } });
  const problemOf = (id: string, field: keyof CandidateSetting): string | undefined => {
    const i = sent.indexOf(id);
    return i >= 0 ? problems[`candidates.${i}.${field}`] : undefined;
  };

  const q = filter.trim().toLowerCase();
  const shown = q
    ? candidates.filter((c) => `${c.code} ${c.name} ${c.category}`.toLowerCase().includes(q))
    : candidates;
  const mandatory = candidates.filter((c) => settingOf(c.projectId).mandatory).length;
  const excluded = candidates.filter((c) => settingOf(c.projectId).excluded).length;
  const missing = candidates.filter((c) =>
    isCustom ? settingOf(c.projectId).customValue === null : c.valueMissing,
  ).length;
  const monthOptions = (defaultMonth: string, current: string | null) => [
    { value: "", label: `${formatPeriod(defaultMonth)} (default)` },
    ...(current && !months.includes(current)
      ? [{ value: current, label: `${formatPeriod(current)} (outside the horizon)` }]
      : []),
    ...months.map((m) => ({ value: m, label: formatPeriod(m) })),
  ];

  return (
    <Stack gap="sm">
      {needsRefresh ? (
        <Alert color="blue" variant="light">
          You changed which projects compete (statuses, locking or value source): save to refresh the candidates and
          their values.
        </Alert>
      ) : null}
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Text size="sm" role="status">
          {candidates.length} candidate{candidates.length === 1 ? "" : "s"} · {mandatory} mandatory · {excluded}{" "}
          excluded
          {missing > 0 ? ` · ${missing} without a value (counted as 0)` : ""}
        </Text>
        <TextInput
          label="Filter candidates"
          placeholder="Code, name or category"
          type="search"
          value={filter}
          onChange={(e) => setFilter(e.currentTarget.value)}
          w={{ base: "100%", xs: 260 }}
        />
      </Group>
      {candidates.length === 0 ? (
        <Text>No projects of this portfolio have the chosen statuses.</Text>
      ) : (
        <ScrollTable label="Candidates" minWidth={980}>
          <Table striped aria-label="Candidates" verticalSpacing={6} horizontalSpacing={6}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Project</Table.Th>
                <Table.Th scope="col" className="numeric">
                  {isCustom ? "Custom value" : "Value"}
                </Table.Th>
                <Table.Th scope="col" className="numeric">
                  Cost in horizon
                </Table.Th>
                <Table.Th scope="col">Planned</Table.Th>
                <Table.Th scope="col" className="numeric">
                  Risk
                </Table.Th>
                <Table.Th scope="col">Mandatory</Table.Th>
                <Table.Th scope="col">Excluded</Table.Th>
                <Table.Th scope="col">Earliest start</Table.Th>
                <Table.Th scope="col">Latest start</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((c) => {
                const s = settingOf(c.projectId);
                const valueMissing = isCustom ? s.customValue === null : c.valueMissing;
                const latestDefault = addMonths(c.plannedStart, Number.isInteger(flex) && flex >= 0 ? flex : 0);
                const fixed = readOnly || c.locked;
                const rowProblem = problems[`candidates.${c.projectId}`];
                return (
                  <Table.Tr key={c.projectId} style={{ verticalAlign: "top" }}>
                    <Table.Th scope="row" fw={400} miw={180}>
                      <Anchor component={Link} to={`/projects/${c.projectId}`} fw={600}>
                        {c.code}
                      </Anchor>{" "}
                      · {c.name}
                      <Group gap={4} mt={4} wrap="wrap">
                        <StatusBadge status={c.status as ProjectStatus} />
                        <Text span size="xs">
                          {categoryName(c.category)}
                        </Text>
                        {c.locked ? (
                          <Badge color="indigo" variant="light">
                            Locked in
                          </Badge>
                        ) : null}
                      </Group>
                      {rowProblem ? (
                        <Text size="xs" c="red.8" role="alert">
                          {rowProblem}
                        </Text>
                      ) : null}
                    </Table.Th>
                    <Table.Td className="numeric">
                      {isCustom ? (
                        <CustomValueInput
                          label={`Custom value of ${c.code}`}
                          value={s.customValue}
                          onChange={(v) => update(c.projectId, { customValue: v })}
                          error={problemOf(c.projectId, "customValue")}
                          disabled={readOnly}
                        />
                      ) : (
                        formatValue(c.value)
                      )}
                      {valueMissing ? (
                        <Badge
                          color="orange"
                          variant="light"
                          mt={4}
                          display="block"
                          ml="auto"
                          title={isCustom ? "No custom value: counts as 0" : "No priority score: counts as 0"}
                        >
                          No value
                        </Badge>
                      ) : null}
                    </Table.Td>
                    <Table.Td className="numeric">
                      {formatMoney(c.costInHorizonCents)}
                      {c.costInHorizonCents !== c.costCents ? (
                        <Text size="xs" c="dimmed">
                          of {formatMoney(c.costCents)}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: "nowrap" }}>
                      {formatPeriod(c.plannedStart)}
                      <Text size="xs">
                        {c.durationMonths} month{c.durationMonths === 1 ? "" : "s"}
                      </Text>
                    </Table.Td>
                    <Table.Td className="numeric">{c.risk === null ? "—" : formatValue(c.risk)}</Table.Td>
                    <Table.Td>
                      <Switch
                        aria-label={`Mandatory: ${c.code}`}
                        checked={s.mandatory || c.locked}
                        disabled={fixed}
                        onChange={(e) =>
                          update(c.projectId, {
                            mandatory: e.currentTarget.checked,
                            excluded: e.currentTarget.checked ? false : s.excluded,
                          })
                        }
                        error={problemOf(c.projectId, "mandatory")}
                      />
                    </Table.Td>
                    <Table.Td>
                      <Switch
                        aria-label={`Excluded: ${c.code}`}
                        checked={s.excluded}
                        disabled={fixed}
                        onChange={(e) =>
                          update(c.projectId, {
                            excluded: e.currentTarget.checked,
                            mandatory: e.currentTarget.checked ? false : s.mandatory,
                          })
                        }
                        error={problemOf(c.projectId, "excluded")}
                      />
                    </Table.Td>
                    <Table.Td>
                      <NativeSelect
                        aria-label={`Earliest start of ${c.code}`}
                        data={monthOptions(c.plannedStart, s.earliestStart)}
                        value={s.earliestStart ?? ""}
                        disabled={fixed || s.excluded}
                        onChange={(e) => update(c.projectId, { earliestStart: e.currentTarget.value || null })}
                        error={problemOf(c.projectId, "earliestStart")}
                        size="xs"
                        w={142}
                      />
                    </Table.Td>
                    <Table.Td>
                      <NativeSelect
                        aria-label={`Latest start of ${c.code}`}
                        data={monthOptions(latestDefault, s.latestStart)}
                        value={s.latestStart ?? ""}
                        disabled={fixed || s.excluded}
                        onChange={(e) => update(c.projectId, { latestStart: e.currentTarget.value || null })}
                        error={problemOf(c.projectId, "latestStart")}
                        size="xs"
                        w={142}
                      />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
      {q && shown.length === 0 ? <Text size="sm">No candidate matches “{filter.trim()}”.</Text> : null}
    </Stack>
  );
}
