/**
 * The scenario editor's values and their conversion to and from API bodies. What people type is
 * kept as text (money in currency units, numbers as typed) and converted on save; monthly series
 * are aligned with the horizon's months. Problems are keyed by the API's error paths
 * (`constraints.budgetByMonthCents.3`, `candidates.2.customValue`), so a problem found here and
 * one the server reports land beside the same input.
 */
import { formatCents, parseMoneyToCents } from "../../../domain/portfolio/project-rules.js";
import { addMonths, isPeriod, monthsBetween } from "../../../domain/shared/period.js";
import type {
  BalanceRule,
  CandidateSetting,
  CandidateStatus,
  CapacityUnit,
  Scenario,
  ScenarioConstraints,
  UpdateScenarioBody,
  ValueSource,
} from "./types.js";

/** What a NumberInput holds: a number, or the text typed so far ("" when empty). */
export type NumberText = number | string;
export type FormProblems = Record<string, string>;

export type ExclusionGroupRow = { key: string; name: string; projectIds: string[] };
export type DependencyRow = {
  key: string;
  projectId: string | null;
  requiresId: string | null;
  startAfterEnd: boolean;
};
export type BalanceRow = {
  key: string;
  dimension: BalanceRule["dimension"];
  target: string | null;
  minPct: NumberText;
  maxPct: NumberText;
};
/** The three money series of the budget table. */
export const MONEY_SERIES = ["budgetByMonthCents", "capexByMonthCents", "opexByMonthCents"] as const;
export type MoneySeries = (typeof MONEY_SERIES)[number];
export const MONEY_TOTALS = ["budgetTotalCents", "capexTotalCents", "opexTotalCents"] as const;
export type MoneyTotal = (typeof MONEY_TOTALS)[number];

export type ScenarioForm = {
  name: string;
  description: string;
  firstMonth: string;
  horizonMonths: NumberText;
  valueSource: ValueSource;
  capacityUnit: CapacityUnit;
  candidateStatuses: CandidateStatus[];
  lockActive: boolean;
  startFlexMonths: NumberText;
  timeLimitSeconds: NumberText;
  gapPct: NumberText;
  explain: boolean;
  /** Money per horizon month, as typed in currency units ("" = no limit that month). */
  money: Record<MoneySeries, string[]>;
  totals: Record<MoneyTotal, string>;
  /** Capacity per role per horizon month, as typed ("" = no limit); `roleOrder` keeps the rows stable. */
  capacity: Record<string, string[]>;
  roleOrder: string[];
  maxProjects: NumberText;
  exclusionGroups: ExclusionGroupRow[];
  dependencies: DependencyRow[];
  balance: BalanceRow[];
  /** Per-candidate settings by project id, in the order they were first set. */
  candidates: Record<string, CandidateSetting>;
};

let rowCounter = 0;
export function newRowKey(): string {
  rowCounter += 1;
  return `row-${rowCounter}`;
}

/** The horizon's months for the form's first month and length; empty while either is invalid. */
export function formMonths(form: Pick<ScenarioForm, "firstMonth" | "horizonMonths">): string[] {
  const n = Number(form.horizonMonths);
  if (!isPeriod(form.firstMonth) || !Number.isInteger(n) || n < 1 || n > 120) return [];
  return Array.from({ length: n }, (_, i) => addMonths(form.firstMonth, i));
}

function moneyText(cents: number | null | undefined): string {
  return cents === null || cents === undefined ? "" : formatCents(cents);
}

function numberText(n: number | null | undefined): NumberText {
  return n === null || n === undefined ? "" : n;
}

/** A series padded (or cut) to the horizon's length. */
function padToHorizon<T>(series: readonly T[], length: number, empty: T): T[] {
  return Array.from({ length }, (_, i) => (i < series.length ? (series[i] as T) : empty));
}

export function isDefaultSetting(s: CandidateSetting): boolean {
  return !s.mandatory && !s.excluded && s.earliestStart === null && s.latestStart === null && s.customValue === null;
}

export function defaultSetting(projectId: string): CandidateSetting {
  return { projectId, mandatory: false, excluded: false, earliestStart: null, latestStart: null, customValue: null };
}

export function scenarioToForm(s: Scenario): ScenarioForm {
  const H = s.horizonMonths;
  const c = s.constraints;
  const roleOrder = [...s.roles.map((r) => r.key)];
  for (const limit of c.capacity) if (!roleOrder.includes(limit.roleKey)) roleOrder.push(limit.roleKey);
  const capacity: Record<string, string[]> = {};
  for (const key of roleOrder) {
    const limit = c.capacity.find((l) => l.roleKey === key);
    capacity[key] = padToHorizon(
      (limit?.byMonth ?? []).map((v) => (v === null ? "" : String(v))),
      H,
      "",
    );
  }
  const candidates: Record<string, CandidateSetting> = {};
  for (const setting of s.candidateSettings) candidates[setting.projectId] = { ...setting };
  return {
    name: s.name,
    description: s.description,
    firstMonth: s.firstMonth,
    horizonMonths: H,
    valueSource: s.valueSource,
    capacityUnit: s.capacityUnit,
    candidateStatuses: [...s.candidateStatuses],
    lockActive: s.lockActive,
    startFlexMonths: s.startFlexMonths,
    timeLimitSeconds: s.solver.timeLimitSeconds,
    gapPct: s.solver.gapPct,
    explain: s.solver.explain,
    money: {
      budgetByMonthCents: padToHorizon(c.budgetByMonthCents.map(moneyText), H, ""),
      capexByMonthCents: padToHorizon(c.capexByMonthCents.map(moneyText), H, ""),
      opexByMonthCents: padToHorizon(c.opexByMonthCents.map(moneyText), H, ""),
    },
    totals: {
      budgetTotalCents: moneyText(c.budgetTotalCents),
      capexTotalCents: moneyText(c.capexTotalCents),
      opexTotalCents: moneyText(c.opexTotalCents),
    },
    capacity,
    roleOrder,
    maxProjects: numberText(c.maxProjects),
    exclusionGroups: c.exclusionGroups.map((g) => ({ key: newRowKey(), name: g.name, projectIds: [...g.projectIds] })),
    dependencies: c.dependencies.map((d) => ({
      key: newRowKey(),
      projectId: d.projectId,
      requiresId: d.requiresId,
      startAfterEnd: d.startAfterEnd,
    })),
    balance: c.balance.map((b) => ({
      key: newRowKey(),
      dimension: b.dimension,
      target: b.key,
      minPct: numberText(b.minPct),
      maxPct: numberText(b.maxPct),
    })),
    candidates,
  };
}

/**
 * The form with a new first month and horizon: every monthly series keeps its values by calendar
 * month (a month that leaves the horizon drops its value; a new month starts empty).
 */
export function withHorizon(form: ScenarioForm, firstMonth: string, horizonMonths: NumberText): ScenarioForm {
  const next = { ...form, firstMonth, horizonMonths };
  const oldMonths = formMonths(form);
  const newMonths = formMonths(next);
  // While either is being typed (invalid), the series stay as they are.
  if (oldMonths.length === 0 || newMonths.length === 0) return next;
  const shift = monthsBetween(form.firstMonth, firstMonth);
  const realign = (series: readonly string[]) =>
    newMonths.map((_, i) => {
      const j = i + shift;
      return j >= 0 && j < series.length ? (series[j] as string) : "";
    });
  return {
    ...next,
    money: {
      budgetByMonthCents: realign(form.money.budgetByMonthCents),
      capexByMonthCents: realign(form.money.capexByMonthCents),
      opexByMonthCents: realign(form.money.opexByMonthCents),
    },
    capacity: Object.fromEntries(Object.entries(form.capacity).map(([k, v]) => [k, realign(v)])),
  };
}

/** Every month of the series set to the first month's value (or the first value given). */
export function fillAllMonths(series: readonly string[]): string[] {
  const first = series.find((v) => v.trim() !== "") ?? "";
  return series.map(() => first);
}

/** Roles whose capacity row has at least one value, in row order: the order they are sent in. */
export function sentCapacityRoles(form: ScenarioForm): string[] {
  return form.roleOrder.filter((k) => (form.capacity[k] ?? []).some((v) => v.trim() !== ""));
}

/** Project ids of the candidate settings that are sent (those not all default), in send order. */
export function sentCandidateIds(form: ScenarioForm): string[] {
  return Object.values(form.candidates)
    .filter((s) => !isDefaultSetting(s))
    .map((s) => s.projectId);
}

function trimTrailingNulls<T>(series: readonly (T | null)[]): (T | null)[] {
  let end = series.length;
  while (end > 0 && series[end - 1] === null) end -= 1;
  return series.slice(0, end);
}

/** The constraints as the API takes them (only the schema's fields), series without trailing empty months. */
function normalizeConstraints(c: ScenarioConstraints): ScenarioConstraints {
  return {
    budgetByMonthCents: trimTrailingNulls(c.budgetByMonthCents),
    budgetTotalCents: c.budgetTotalCents,
    capexByMonthCents: trimTrailingNulls(c.capexByMonthCents),
    capexTotalCents: c.capexTotalCents,
    opexByMonthCents: trimTrailingNulls(c.opexByMonthCents),
    opexTotalCents: c.opexTotalCents,
    capacity: c.capacity
      .map((l) => ({ roleKey: l.roleKey, byMonth: trimTrailingNulls(l.byMonth) }))
      .filter((l) => l.byMonth.length > 0),
    maxProjects: c.maxProjects,
    exclusionGroups: c.exclusionGroups.map((g) => ({ name: g.name, projectIds: [...g.projectIds] })),
    dependencies: c.dependencies.map((d) => ({
      projectId: d.projectId,
      requiresId: d.requiresId,
      startAfterEnd: d.startAfterEnd,
    })),
    balance: c.balance.map((b) => ({ dimension: b.dimension, key: b.key, minPct: b.minPct, maxPct: b.maxPct })),
  };
}

function normalizeSettings(settings: readonly CandidateSetting[]): CandidateSetting[] {
  return settings
    .filter((s) => !isDefaultSetting(s))
    .map((s) => ({
      projectId: s.projectId,
      mandatory: s.mandatory,
      excluded: s.excluded,
      earliestStart: s.earliestStart,
      latestStart: s.latestStart,
      customValue: s.customValue,
    }))
    .sort((a, b) => a.projectId.localeCompare(b.projectId));
}

/** JSON with object keys sorted, so two values compare equal whatever order their keys came in. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

/** A typed number: null when empty, undefined when not a number. */
export function parseNumber(v: NumberText): number | null | undefined {
  if (typeof v === "number") return Number.isFinite(v) ? v : undefined;
  const text = v.trim();
  if (text === "") return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

const MONEY_MESSAGE = "must be an amount like 1250 or 1250.50";

/** The form's constraints in API form, with a problem for every value that cannot be read. */
export function toConstraints(form: ScenarioForm): { constraints: ScenarioConstraints; problems: FormProblems } {
  const problems: FormProblems = {};
  const money = (text: string, path: string): number | null => {
    if (text.trim() === "") return null;
    const cents = parseMoneyToCents(text.replace(/\s/g, ""));
    if (cents === undefined) problems[path] = MONEY_MESSAGE;
    else if (cents < 0) problems[path] = "must not be negative";
    return cents === undefined || cents < 0 ? null : cents;
  };
  const number = (v: NumberText, path: string, { min = 0, max = Number.MAX_SAFE_INTEGER } = {}): number | null => {
    const n = parseNumber(v);
    if (n === undefined) problems[path] = "must be a number";
    else if (n !== null && n < min) problems[path] = `must be at least ${min}`;
    else if (n !== null && n > max) problems[path] = `must be at most ${max}`;
    return n === undefined || (n !== null && (n < min || n > max)) ? null : n;
  };

  const series = {} as Record<MoneySeries, (number | null)[]>;
  for (const key of MONEY_SERIES) {
    series[key] = trimTrailingNulls(form.money[key].map((t, i) => money(t, `constraints.${key}.${i}`)));
  }
  const totals = {} as Record<MoneyTotal, number | null>;
  for (const key of MONEY_TOTALS) totals[key] = money(form.totals[key], `constraints.${key}`);

  const capacity = sentCapacityRoles(form).map((roleKey, i) => ({
    roleKey,
    byMonth: trimTrailingNulls(
      (form.capacity[roleKey] ?? []).map((t, m) => number(t, `constraints.capacity.${i}.byMonth.${m}`)),
    ),
  }));

  const maxProjects = number(form.maxProjects, "constraints.maxProjects");
  if (maxProjects !== null && !Number.isInteger(maxProjects)) {
    problems["constraints.maxProjects"] = "must be a whole number";
  }

  const dependencies = form.dependencies.map((d, i) => {
    if (!d.projectId) problems[`constraints.dependencies.${i}.projectId`] = "choose the project that needs another";
    if (!d.requiresId) problems[`constraints.dependencies.${i}.requiresId`] = "choose the project it needs";
    if (d.projectId && d.projectId === d.requiresId) {
      problems[`constraints.dependencies.${i}.requiresId`] = "a project cannot need itself";
    }
    return { projectId: d.projectId ?? "", requiresId: d.requiresId ?? "", startAfterEnd: d.startAfterEnd };
  });

  const balance = form.balance.map((b, i) => {
    if (!b.target) {
      problems[`constraints.balance.${i}.key`] =
        b.dimension === "category" ? "choose a category" : "choose an objective";
    }
    const minPct = number(b.minPct, `constraints.balance.${i}.minPct`, { max: 100 });
    const maxPct = number(b.maxPct, `constraints.balance.${i}.maxPct`, { max: 100 });
    if (minPct !== null && maxPct !== null && minPct > maxPct) {
      problems[`constraints.balance.${i}.maxPct`] = "must not be below the minimum";
    }
    return { dimension: b.dimension, key: b.target ?? "", minPct, maxPct };
  });

  return {
    constraints: {
      ...series,
      ...totals,
      capacity,
      maxProjects,
      exclusionGroups: form.exclusionGroups.map((g) => ({ name: g.name.trim(), projectIds: [...g.projectIds] })),
      dependencies,
      balance,
    },
    problems,
  };
}

/**
 * The PATCH body: `version` plus the fields that differ from `base`, the problems that keep it from
 * being sent, and how many fields changed (0 = nothing to save).
 */
export function toUpdateBody(
  form: ScenarioForm,
  base: Scenario,
): { body: UpdateScenarioBody; problems: FormProblems; changed: number } {
  const { constraints, problems } = toConstraints(form);
  const body: UpdateScenarioBody = { version: base.version };
  let changed = 0;
  const set = <K extends keyof UpdateScenarioBody>(key: K, value: UpdateScenarioBody[K], before: unknown) => {
    if (canonicalJson(value) === canonicalJson(before)) return;
    body[key] = value;
    changed += 1;
  };
  const whole = (v: NumberText, path: string, label: { min: number; max: number }): number | undefined => {
    const n = parseNumber(v);
    if (n === null || n === undefined || !Number.isInteger(n) || n < label.min || n > label.max) {
      problems[path] = `must be a whole number from ${label.min} to ${label.max}`;
      return undefined;
    }
    return n;
  };
  const ranged = (v: NumberText, path: string, min: number, max: number): number | undefined => {
    const n = parseNumber(v);
    if (n === null || n === undefined || n < min || n > max) {
      problems[path] = `must be a number from ${min} to ${max}`;
      return undefined;
    }
    return n;
  };

  set("name", form.name, base.name);
  set("description", form.description, base.description);
  if (!isPeriod(form.firstMonth)) problems.firstMonth = "must be a month YYYY-MM";
  else set("firstMonth", form.firstMonth, base.firstMonth);
  const horizon = whole(form.horizonMonths, "horizonMonths", { min: 1, max: 120 });
  if (horizon !== undefined) set("horizonMonths", horizon, base.horizonMonths);
  set("valueSource", form.valueSource, base.valueSource);
  set("capacityUnit", form.capacityUnit, base.capacityUnit);
  if (form.candidateStatuses.length === 0) problems.candidateStatuses = "choose at least one status";
  else set("candidateStatuses", [...form.candidateStatuses].sort(), [...base.candidateStatuses].sort());
  set("lockActive", form.lockActive, base.lockActive);
  const flex = whole(form.startFlexMonths, "startFlexMonths", { min: 0, max: 120 });
  if (flex !== undefined) set("startFlexMonths", flex, base.startFlexMonths);

  const timeLimitSeconds = ranged(form.timeLimitSeconds, "solver.timeLimitSeconds", 1, 600);
  const gapPct = ranged(form.gapPct, "solver.gapPct", 0, 10);
  if (timeLimitSeconds !== undefined && gapPct !== undefined) {
    const solver = { timeLimitSeconds, gapPct, explain: form.explain };
    set("solver", solver, {
      timeLimitSeconds: base.solver.timeLimitSeconds,
      gapPct: base.solver.gapPct,
      explain: base.solver.explain,
    });
  }

  set("constraints", normalizeConstraints(constraints), normalizeConstraints(base.constraints));

  const ids = sentCandidateIds(form);
  const settings = ids.map((id) => form.candidates[id] as CandidateSetting);
  if (canonicalJson(normalizeSettings(settings)) !== canonicalJson(normalizeSettings(base.candidateSettings))) {
    body.candidates = settings.map((s) => ({ ...s }));
    changed += 1;
  }
  return { body, problems, changed };
}

/** True when the form differs from the scenario it was loaded from. */
export function isDirty(form: ScenarioForm, base: Scenario): boolean {
  const { changed, problems } = toUpdateBody(form, base);
  return changed > 0 || Object.keys(problems).length > 0;
}
