/**
 * Turns a stored scenario plus the portfolio's project data into the domain's `SelectionScenario`
 * (money in currency units, months as horizon indexes, demand in the scenario's capacity unit),
 * the candidate list the API shows, and every field problem of the scenario's own settings.
 * No I/O: the service loads the rows and hands them over.
 */
import type {
  CandidateProject,
  ProjectDependency,
  SelectionScenario,
} from "../../../domain/selection/selection-scenario.js";
import { validateScenario } from "../../../domain/selection/selection-scenario.js";
import { addMonths, monthsBetween, periodOf } from "../../../domain/shared/period.js";
import type { FieldProblem } from "../../platform/errors.js";
import type { Candidate, CandidateSetting, ScenarioConstraints, SolverSettings } from "./selection.schema.js";

/** The settings of a scenario that shape its model (the stored row, parsed). */
export interface ScenarioSettings {
  firstMonth: string;
  horizonMonths: number;
  valueSource: "priority" | "npv" | "custom";
  capacityUnit: "hours" | "fte";
  candidateStatuses: readonly string[];
  lockActive: boolean;
  startFlexMonths: number;
  constraints: ScenarioConstraints;
  candidates: readonly CandidateSetting[];
  solver: SolverSettings;
}

export interface ProjectData {
  id: string;
  code: string;
  name: string;
  status: string;
  category: string;
  plannedStart: string;
  plannedEnd: string;
  budgetTotalCents: number;
}

export interface ScenarioData {
  projects: readonly ProjectData[];
  budgetLines: readonly { project_id: string; period: string; expense_type: string; amount_cents: number }[];
  demandLines: readonly { project_id: string; role_key: string; period: string; hours: number }[];
  dependencies: readonly { project_id: string; depends_on_id: string; kind: string }[];
  priorityScores: ReadonlyMap<string, number>;
  /** Net present value of each project's business case (currency units). */
  npvs: ReadonlyMap<string, number>;
  riskScores: ReadonlyMap<string, number>;
  objectiveLinks: readonly { project_id: string; objective_id: string; strength: number }[];
  roles: readonly { key: string; name: string; hours_per_fte_month: number }[];
  categories: readonly { key: string; name: string }[];
  objectives: readonly { id: string; code: string; title: string }[];
}

export interface AssembledScenario {
  scenario: SelectionScenario;
  candidates: Candidate[];
  /** Problems of the scenario's settings, with API field paths. */
  problems: FieldProblem[];
  /** Things the user should know that do not stop a solve. */
  warnings: string[];
  months: string[];
  /** Horizon index of each candidate's planned start. */
  plannedIndex: Map<string, number>;
}

const CENTS = 100;

/** Money in the model is in currency units: cents ÷ 100 keeps coefficients moderate for the solver. */
export const toUnits = (cents: number) => cents / CENTS;
export const toCents = (units: number) => Math.round(units * CENTS);

export function horizonMonths(firstMonth: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addMonths(firstMonth, i));
}

export function assembleScenario(settings: ScenarioSettings, data: ScenarioData): AssembledScenario {
  const problems: FieldProblem[] = [];
  const warnings: string[] = [];
  const H = settings.horizonMonths;
  const months = horizonMonths(settings.firstMonth, H);
  const indexOf = (period: string) => monthsBetween(settings.firstMonth, period);
  const roleInfo = new Map(data.roles.map((r) => [r.key, r]));
  const candidateIds = new Set(data.projects.map((p) => p.id));
  const codeOf = new Map(data.projects.map((p) => [p.id, p.code]));
  const settingOf = new Map(settings.candidates.map((c) => [c.projectId, c]));

  settings.candidates.forEach((c, i) => {
    if (!candidateIds.has(c.projectId)) {
      problems.push({
        path: `candidates[${i}].projectId`,
        message: "is not a candidate of this scenario (wrong portfolio, status or archived)",
      });
    }
    if (c.mandatory && c.excluded) {
      problems.push({ path: `candidates[${i}].mandatory`, message: "a project cannot be both mandatory and excluded" });
    }
    for (const side of ["earliestStart", "latestStart"] as const) {
      const period = c[side];
      if (period !== null && (indexOf(period) < 0 || indexOf(period) >= H)) {
        problems.push({
          path: `candidates[${i}].${side}`,
          message: `${period} is outside the horizon ${months[0]} … ${months[H - 1]}`,
        });
      }
    }
    if (c.earliestStart !== null && c.latestStart !== null && c.latestStart < c.earliestStart) {
      problems.push({ path: `candidates[${i}].latestStart`, message: "is before the earliest start" });
    }
  });

  const linesOf = groupBy(data.budgetLines, (l) => l.project_id);
  const demandOf = groupBy(data.demandLines, (l) => l.project_id);
  const linksOf = groupBy(data.objectiveLinks, (l) => l.project_id);

  const projects: CandidateProject[] = [];
  const candidates: Candidate[] = [];
  const plannedIndex = new Map<string, number>();
  const missingValue: string[] = [];
  for (const p of data.projects) {
    const start = periodOf(p.plannedStart);
    const duration = Math.max(1, monthsBetween(start, periodOf(p.plannedEnd)) + 1);
    const planned = indexOf(start);
    plannedIndex.set(p.id, planned);
    const cost = Array.from({ length: duration }, () => 0);
    const capex = Array.from({ length: duration }, () => 0);
    for (const l of linesOf.get(p.id) ?? []) {
      const k = monthsBetween(start, l.period);
      if (k < 0 || k >= duration) continue; // project rules keep lines inside the window
      cost[k]! += toUnits(Number(l.amount_cents));
      if (l.expense_type === "capex") capex[k]! += toUnits(Number(l.amount_cents));
    }
    const demand: Record<string, number[]> = {};
    let demandHours = 0;
    for (const l of demandOf.get(p.id) ?? []) {
      const k = monthsBetween(start, l.period);
      const role = roleInfo.get(l.role_key);
      if (k < 0 || k >= duration || !role) continue;
      if (!demand[l.role_key]) demand[l.role_key] = Array.from({ length: duration }, () => 0);
      const series = demand[l.role_key]!;
      const hours = Number(l.hours);
      demandHours += hours;
      series[k]! += settings.capacityUnit === "fte" ? hours / Number(role.hours_per_fte_month) : hours;
    }
    const links = linksOf.get(p.id) ?? [];
    const strengthSum = links.reduce((s, l) => s + Math.max(0, Number(l.strength)), 0);
    const objectiveShares: Record<string, number> = {};
    if (strengthSum > 0)
      for (const l of links) objectiveShares[l.objective_id] = Math.max(0, Number(l.strength)) / strengthSum;

    const setting = settingOf.get(p.id);
    const priority = data.priorityScores.get(p.id) ?? null;
    const customValue = setting?.customValue ?? null;
    const npv = data.npvs.get(p.id) ?? null;
    const rawValue =
      settings.valueSource === "priority" ? priority : settings.valueSource === "npv" ? npv : customValue;
    if (rawValue === null) missingValue.push(p.code);
    const value = rawValue ?? 0;
    const activeLock = settings.lockActive && p.status === "active";
    const locked = activeLock && planned < H;
    const excludedByUser = setting?.excluded ?? false;
    const mandatory = (setting?.mandatory ?? false) && !locked;

    let earliest = setting?.earliestStart ? indexOf(setting.earliestStart) : Math.max(0, planned);
    let latest = setting?.latestStart
      ? indexOf(setting.latestStart)
      : Math.min(H - 1, Math.max(earliest, planned) + settings.startFlexMonths);
    let excluded = excludedByUser && !locked;
    if (activeLock && !locked) {
      warnings.push(`${p.code} is active but starts after the horizon; it uses none of this horizon's budget`);
      excluded = true;
    } else if (!locked && !excluded && !setting?.earliestStart && planned >= H) {
      warnings.push(
        `${p.code} is planned to start after the horizon; it cannot be chosen unless you give it a start window`,
      );
      excluded = true;
    }
    earliest = Math.min(Math.max(earliest, 0), H - 1);
    latest = Math.min(Math.max(latest, earliest), H - 1);

    projects.push({
      id: p.id,
      value,
      durationMonths: duration,
      costByMonth: cost,
      capexByMonth: capex,
      demandByRole: demand,
      earliestStart: earliest,
      latestStart: latest,
      category: p.category,
      objectiveShares,
      mandatory: mandatory && !excluded,
      excluded,
      ...(locked ? { lockedStart: planned } : {}),
    });

    let inHorizon = 0;
    const at = locked ? planned : earliest;
    cost.forEach((c, k) => {
      if (at + k >= 0 && at + k < H) inHorizon += c;
    });
    candidates.push({
      projectId: p.id,
      code: p.code,
      name: p.name,
      status: p.status,
      category: p.category,
      plannedStart: start,
      durationMonths: duration,
      costCents: Number(p.budgetTotalCents),
      costInHorizonCents: toCents(inHorizon),
      value,
      priorityScore: priority,
      npv: npv === null ? null : Math.round(npv * 100) / 100,
      valueMissing: rawValue === null,
      locked,
      mandatory,
      excluded: excludedByUser,
      earliestStart: locked || excluded ? null : months[earliest]!,
      latestStart: locked || excluded ? null : months[latest]!,
      customValue,
      risk: data.riskScores.get(p.id) ?? null,
      objectiveShares,
      demandHours,
    });
  }
  if (missingValue.length > 0) {
    const what =
      settings.valueSource === "priority"
        ? "no priority score"
        : settings.valueSource === "npv"
          ? "no business case"
          : "no custom value";
    warnings.push(
      `${missingValue.length} candidate${missingValue.length === 1 ? " has" : "s have"} ${what} and count${missingValue.length === 1 ? "s" : ""} as 0: ${missingValue.slice(0, 10).join(", ")}${missingValue.length > 10 ? ", …" : ""}`,
    );
  }

  const dependencies = collectDependencies(settings, data, candidateIds, codeOf, problems, warnings);
  const c = settings.constraints;
  checkSeriesLength(c.budgetByMonthCents, "constraints.budgetByMonthCents", H, problems);
  checkSeriesLength(c.capexByMonthCents, "constraints.capexByMonthCents", H, problems);
  checkSeriesLength(c.opexByMonthCents, "constraints.opexByMonthCents", H, problems);
  const capacityByRole: Record<string, (number | null)[]> = {};
  c.capacity.forEach((cap, i) => {
    if (!roleInfo.has(cap.roleKey)) {
      problems.push({ path: `constraints.capacity[${i}].roleKey`, message: `unknown role ${cap.roleKey}` });
    } else if (capacityByRole[cap.roleKey]) {
      problems.push({ path: `constraints.capacity[${i}].roleKey`, message: `${cap.roleKey} is listed twice` });
    }
    checkSeriesLength(cap.byMonth, `constraints.capacity[${i}].byMonth`, H, problems);
    capacityByRole[cap.roleKey] = [...cap.byMonth];
  });
  c.exclusionGroups.forEach((g, i) => {
    g.projectIds.forEach((id, k) => {
      if (!candidateIds.has(id))
        problems.push({
          path: `constraints.exclusionGroups[${i}].projectIds[${k}]`,
          message: "is not a candidate of this scenario",
        });
    });
  });
  const categoryKeys = new Set(data.categories.map((x) => x.key));
  const objectiveIds = new Set(data.objectives.map((x) => x.id));
  c.balance.forEach((rule, i) => {
    const known = rule.dimension === "category" ? categoryKeys.has(rule.key) : objectiveIds.has(rule.key);
    if (!known)
      problems.push({ path: `constraints.balance[${i}].key`, message: `unknown ${rule.dimension} ${rule.key}` });
    if (rule.minPct === null && rule.maxPct === null)
      problems.push({ path: `constraints.balance[${i}]`, message: "set a minimum or a maximum share" });
    if (rule.minPct !== null && rule.maxPct !== null && rule.minPct > rule.maxPct)
      problems.push({ path: `constraints.balance[${i}].minPct`, message: "is above the maximum share" });
  });

  const units = (series: readonly (number | null)[]) => series.map((v) => (v === null ? null : toUnits(v)));
  const scenario: SelectionScenario = {
    horizonMonths: H,
    firstMonth: settings.firstMonth,
    roles: data.roles.map((r) => r.key),
    projects,
    constraints: {
      ...(c.budgetByMonthCents.length ? { budgetByMonth: units(c.budgetByMonthCents) } : {}),
      ...(c.budgetTotalCents !== null ? { budgetTotal: toUnits(c.budgetTotalCents) } : {}),
      ...(c.capexByMonthCents.length ? { capexByMonth: units(c.capexByMonthCents) } : {}),
      ...(c.capexTotalCents !== null ? { capexTotal: toUnits(c.capexTotalCents) } : {}),
      ...(c.opexByMonthCents.length ? { opexByMonth: units(c.opexByMonthCents) } : {}),
      ...(c.opexTotalCents !== null ? { opexTotal: toUnits(c.opexTotalCents) } : {}),
      capacityByRole,
      dependencies,
      exclusionGroups: c.exclusionGroups.map((g) => ({ name: g.name, projects: g.projectIds })),
      ...(c.maxProjects !== null ? { maxProjects: c.maxProjects } : {}),
      balance: c.balance.map((b) => ({
        dimension: b.dimension,
        key: b.key,
        ...(b.minPct !== null ? { minShare: b.minPct / 100 } : {}),
        ...(b.maxPct !== null ? { maxShare: b.maxPct / 100 } : {}),
      })),
    },
  };

  // What the domain still finds (cycles through the projects' own dependencies, above all).
  if (problems.length === 0) {
    for (const p of validateScenario(scenario)) {
      const cycle = p.cycle?.map((id) => codeOf.get(id) ?? id);
      problems.push(
        p.code === "dependency_cycle"
          ? { path: "constraints.dependencies", message: `dependency cycle: ${cycle?.join(" → ")}` }
          : { path: apiPath(p.field, scenario), message: p.message },
      );
    }
  }
  // One path style across the API: dotted, with list positions as segments (`candidates.2.latestStart`).
  const dotted = problems.map((p) => ({ ...p, path: p.path.replace(/\[(\d+)\]/g, ".$1") }));
  return { scenario, candidates, problems: dotted, warnings, months, plannedIndex };
}

/** The projects' own dependencies among the candidates, then the scenario's extra ones. */
function collectDependencies(
  settings: ScenarioSettings,
  data: ScenarioData,
  candidateIds: ReadonlySet<string>,
  codeOf: ReadonlyMap<string, string>,
  problems: FieldProblem[],
  warnings: string[],
): ProjectDependency[] {
  const out: ProjectDependency[] = [];
  for (const d of data.dependencies) {
    if (!candidateIds.has(d.project_id)) continue;
    if (!candidateIds.has(d.depends_on_id)) continue; // the prerequisite is decided already (active, closed …) or out of scope
    out.push({ project: d.project_id, requires: d.depends_on_id, startAfterEnd: d.kind === "finish_to_start" });
  }
  settings.constraints.dependencies.forEach((d, i) => {
    const at = `constraints.dependencies[${i}]`;
    if (!candidateIds.has(d.projectId))
      problems.push({ path: `${at}.projectId`, message: "is not a candidate of this scenario" });
    if (!candidateIds.has(d.requiresId))
      problems.push({ path: `${at}.requiresId`, message: "is not a candidate of this scenario" });
    if (d.projectId === d.requiresId)
      problems.push({ path: `${at}.requiresId`, message: "a project cannot need itself" });
    out.push({ project: d.projectId, requires: d.requiresId, startAfterEnd: d.startAfterEnd });
  });
  const dropped = data.dependencies.filter((d) => candidateIds.has(d.project_id) && !candidateIds.has(d.depends_on_id));
  if (dropped.length > 0) {
    warnings.push(
      `${dropped
        .slice(0, 5)
        .map((d) => codeOf.get(d.project_id))
        .join(
          ", ",
        )}${dropped.length > 5 ? ", …" : ""} depend${dropped.length === 1 ? "s" : ""} on projects outside the candidates (decided already, or in another portfolio); those dependencies are taken as met`,
    );
  }
  return out;
}

function checkSeriesLength(series: readonly unknown[], path: string, H: number, problems: FieldProblem[]) {
  if (series.length > H) problems.push({ path, message: `${series.length} months given for a ${H}-month horizon` });
}

/** A domain field path (`projects[3].x`) in the API's terms. */
function apiPath(field: string, scenario: SelectionScenario): string {
  const m = /^projects\[(\d+)\]/.exec(field);
  if (m) return `candidates.${scenario.projects[Number(m[1])]?.id ?? m[1]}`;
  return field
    .replace("constraints.budgetByMonth", "constraints.budgetByMonthCents")
    .replace("constraints.capexByMonth", "constraints.capexByMonthCents")
    .replace("constraints.opexByMonth", "constraints.opexByMonthCents")
    .replace(/constraints\.capacityByRole\.([^[]+)/, "constraints.capacity.$1");
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}
