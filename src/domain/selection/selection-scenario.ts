/**
 * A portfolio-selection scenario as the model builder, the greedy cut line and the portfolio
 * evaluator see it, and its validation. Months are indexes into the planning horizon
 * (0 = first month); every per-project array is relative to the project's own start month.
 */
import { addMonths, isPeriod } from "../shared/period.js";
import { lpToken } from "./milp.js";

export interface CandidateProject {
  id: string;
  /** The value to maximize (priority score, NPV or a custom value field). */
  value: number;
  durationMonths: number;
  /** Cost in each month counted from the project's start; length ≤ durationMonths, missing = 0. */
  costByMonth: readonly number[];
  /** The capex part of `costByMonth` (opex = cost − capex); omit when the split is not tracked. */
  capexByMonth?: readonly number[];
  /** Demand per role (hours or FTE) in each month counted from the project's start. */
  demandByRole?: Readonly<Record<string, readonly number[]>>;
  /** First and last allowed start month (horizon indexes, inclusive). Ignored when locked in. */
  earliestStart: number;
  latestStart: number;
  /** Category for balance constraints, e.g. run / grow / transform. */
  category?: string;
  /** Share of the project's spend attributed to each strategic objective (each 0..1, sum ≤ 1). */
  objectiveShares?: Readonly<Record<string, number>>;
  mandatory?: boolean;
  excluded?: boolean;
  /**
   * An active project locked in with its committed spend: it is always selected and starts in this
   * month. May be negative (started before the horizon); only the months inside the horizon count.
   */
  lockedStart?: number;
}

export interface ProjectDependency {
  /** B: the project that needs another. */
  project: string;
  /** A: the project B needs. */
  requires: string;
  /** B starts no earlier than the month after A's last month. */
  startAfterEnd?: boolean;
}

export interface ExclusionGroup {
  name: string;
  projects: readonly string[];
}

export interface BalanceRule {
  /** Category (whole spend of each project in it) or objective (spend × the project's share). */
  dimension: "category" | "objective";
  key: string;
  /** Minimum share (0..1) of the selected portfolio's spend inside the horizon. */
  minShare?: number;
  maxShare?: number;
}

export interface SelectionConstraints {
  /** Budget limit per horizon month; null or missing entries mean no limit that month. */
  budgetByMonth?: readonly (number | null)[];
  budgetTotal?: number;
  capexByMonth?: readonly (number | null)[];
  capexTotal?: number;
  opexByMonth?: readonly (number | null)[];
  opexTotal?: number;
  /** Capacity per role per horizon month (same unit as the projects' demand). */
  capacityByRole?: Readonly<Record<string, readonly (number | null)[]>>;
  dependencies?: readonly ProjectDependency[];
  exclusionGroups?: readonly ExclusionGroup[];
  /** Maximum number of selected projects, locked-in ones included. */
  maxProjects?: number;
  balance?: readonly BalanceRule[];
}

export interface SelectionScenario {
  horizonMonths: number;
  /** Calendar month of horizon index 0 (`YYYY-MM`); it labels months in constraint names. */
  firstMonth?: string;
  /** The roles the organization knows; demand or capacity for any other role is a problem. */
  roles: readonly string[];
  projects: readonly CandidateProject[];
  constraints: SelectionConstraints;
}

export interface ScenarioProblem {
  /** Path of the offending field, e.g. `projects[3].costByMonth[2]`. */
  field: string;
  code:
    | "invalid_number"
    | "negative"
    | "out_of_horizon"
    | "invalid_window"
    | "dependency_cycle"
    | "mandatory_and_excluded"
    | "unknown_role"
    | "unknown_project"
    | "duplicate_id"
    | "share_out_of_range"
    | "beyond_duration"
    | "capex_above_cost";
  message: string;
  /** For `dependency_cycle`: the project ids around the cycle, first id repeated at the end. */
  cycle?: string[];
}

/** Month label used in constraint and variable names: `2027_03` with a first month, else `m03`. */
export function monthLabel(scenario: Pick<SelectionScenario, "firstMonth">, month: number): string {
  if (scenario.firstMonth && isPeriod(scenario.firstMonth))
    return addMonths(scenario.firstMonth, month).replace("-", "_");
  return month >= 0 ? `m${String(month).padStart(2, "0")}` : `mneg${String(-month).padStart(2, "0")}`;
}

/** The start months a project may take: its lock, its window, or none when excluded. */
export function allowedStarts(project: CandidateProject): number[] {
  if (project.excluded) return [];
  if (project.lockedStart !== undefined) return [project.lockedStart];
  const starts: number[] = [];
  for (let s = project.earliestStart; s <= project.latestStart; s++) starts.push(s);
  return starts;
}

/** Project spend inside the horizon when it starts in `start` (all of it, or only the capex part). */
export function spendInHorizon(project: CandidateProject, start: number, horizonMonths: number): number {
  let total = 0;
  for (let k = 0; k < project.costByMonth.length; k++) {
    const t = start + k;
    if (t >= 0 && t < horizonMonths) total += project.costByMonth[k]!;
  }
  return total;
}

/** Share of a project's spend that counts for a balance rule. */
export function balanceShare(project: CandidateProject, rule: Pick<BalanceRule, "dimension" | "key">): number {
  if (rule.dimension === "category") return project.category === rule.key ? 1 : 0;
  return project.objectiveShares?.[rule.key] ?? 0;
}

/**
 * Every field problem of a scenario, never throwing: non-finite or negative numbers, start windows
 * outside the horizon, unknown roles and projects, duplicate ids, a project both mandatory and
 * excluded (or locked in and excluded), shares outside 0..1, and dependency cycles (each reported
 * with its path).
 */
export function validateScenario(scenario: SelectionScenario): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  const add = (field: string, code: ScenarioProblem["code"], message: string, extra?: Partial<ScenarioProblem>) => {
    problems.push({ field, code, message, ...extra });
  };
  const isCount = (n: unknown): n is number => typeof n === "number" && Number.isInteger(n);
  const checkAmount = (field: string, n: unknown, what: string) => {
    if (typeof n !== "number" || !Number.isFinite(n)) add(field, "invalid_number", `${what} must be a finite number`);
    else if (n < 0) add(field, "negative", `${what} must not be negative (got ${n})`);
  };
  const checkSeries = (field: string, series: readonly (number | null)[] | undefined, what: string) => {
    series?.forEach((n, i) => {
      if (n !== null) checkAmount(`${field}[${i}]`, n, what);
    });
  };

  const H = scenario.horizonMonths;
  if (!isCount(H) || H < 1) add("horizonMonths", "invalid_number", "the horizon must be a whole number of months ≥ 1");
  if (scenario.firstMonth !== undefined && !isPeriod(scenario.firstMonth)) {
    add("firstMonth", "invalid_number", "the first month must be a YYYY-MM period");
  }
  const horizon = isCount(H) && H >= 1 ? H : 0;
  const roles = new Set(scenario.roles);
  const ids = new Set<string>();

  scenario.projects.forEach((p, i) => {
    const at = `projects[${i}]`;
    if (ids.has(p.id)) add(`${at}.id`, "duplicate_id", `project id ${p.id} appears more than once`);
    ids.add(p.id);
    if (typeof p.value !== "number" || !Number.isFinite(p.value)) {
      add(`${at}.value`, "invalid_number", "the value must be a finite number");
    }
    if (!isCount(p.durationMonths) || p.durationMonths < 1) {
      add(`${at}.durationMonths`, "invalid_number", "the duration must be a whole number of months ≥ 1");
    } else {
      if (p.costByMonth.length > p.durationMonths) {
        add(`${at}.costByMonth`, "beyond_duration", "costs run past the project's duration");
      }
      for (const [role, series] of Object.entries(p.demandByRole ?? {})) {
        if (series.length > p.durationMonths) {
          add(`${at}.demandByRole.${role}`, "beyond_duration", "demand runs past the project's duration");
        }
      }
    }
    p.costByMonth.forEach((c, k) => {
      checkAmount(`${at}.costByMonth[${k}]`, c, "a cost");
    });
    if (p.capexByMonth) {
      p.capexByMonth.forEach((c, k) => {
        checkAmount(`${at}.capexByMonth[${k}]`, c, "a capex amount");
        if (Number.isFinite(c) && c > (p.costByMonth[k] ?? 0)) {
          add(`${at}.capexByMonth[${k}]`, "capex_above_cost", "capex exceeds the month's cost");
        }
      });
    }
    for (const [role, series] of Object.entries(p.demandByRole ?? {})) {
      if (!roles.has(role)) add(`${at}.demandByRole.${role}`, "unknown_role", `demand for unknown role ${role}`);
      series.forEach((d, k) => {
        checkAmount(`${at}.demandByRole.${role}[${k}]`, d, "a demand");
      });
    }
    if (p.lockedStart !== undefined) {
      if (!isCount(p.lockedStart)) add(`${at}.lockedStart`, "invalid_number", "the locked start must be a month index");
      else if (horizon && p.lockedStart >= horizon) {
        add(`${at}.lockedStart`, "out_of_horizon", `the locked start ${p.lockedStart} is after the horizon`);
      }
      if (p.excluded) add(`${at}.excluded`, "mandatory_and_excluded", "a locked-in project cannot be excluded");
    } else if (!p.excluded) {
      if (!isCount(p.earliestStart) || !isCount(p.latestStart)) {
        add(`${at}.earliestStart`, "invalid_number", "start months must be whole month indexes");
      } else {
        if (p.earliestStart < 0 || (horizon && p.earliestStart >= horizon)) {
          add(
            `${at}.earliestStart`,
            "out_of_horizon",
            `earliest start ${p.earliestStart} is outside 0..${horizon - 1}`,
          );
        }
        if (p.latestStart < 0 || (horizon && p.latestStart >= horizon)) {
          add(`${at}.latestStart`, "out_of_horizon", `latest start ${p.latestStart} is outside 0..${horizon - 1}`);
        }
        if (p.latestStart < p.earliestStart) {
          add(`${at}.latestStart`, "invalid_window", "the latest start is before the earliest start");
        }
      }
    }
    if (p.mandatory && p.excluded) {
      add(`${at}.mandatory`, "mandatory_and_excluded", `project ${p.id} is both mandatory and excluded`);
    }
    let shareSum = 0;
    for (const [objective, share] of Object.entries(p.objectiveShares ?? {})) {
      if (typeof share !== "number" || !Number.isFinite(share) || share < 0 || share > 1) {
        add(`${at}.objectiveShares.${objective}`, "share_out_of_range", "an objective share must be between 0 and 1");
      } else shareSum += share;
    }
    if (shareSum > 1 + 1e-9)
      add(`${at}.objectiveShares`, "share_out_of_range", "objective shares add up to more than 1");
  });

  const c = scenario.constraints;
  const checkHorizonSeries = (field: string, series: readonly (number | null)[] | undefined, what: string) => {
    if (series && horizon && series.length > horizon) {
      add(field, "out_of_horizon", `${series.length} months given for a ${horizon}-month horizon`);
    }
    checkSeries(field, series, what);
  };
  checkHorizonSeries("constraints.budgetByMonth", c.budgetByMonth, "a budget");
  checkHorizonSeries("constraints.capexByMonth", c.capexByMonth, "a capex budget");
  checkHorizonSeries("constraints.opexByMonth", c.opexByMonth, "an opex budget");
  for (const key of ["budgetTotal", "capexTotal", "opexTotal"] as const) {
    if (c[key] !== undefined) checkAmount(`constraints.${key}`, c[key], "a budget");
  }
  for (const [role, series] of Object.entries(c.capacityByRole ?? {})) {
    if (!roles.has(role))
      add(`constraints.capacityByRole.${role}`, "unknown_role", `capacity for unknown role ${role}`);
    checkHorizonSeries(`constraints.capacityByRole.${role}`, series, "a capacity");
  }
  if (c.maxProjects !== undefined && (!isCount(c.maxProjects) || c.maxProjects < 0)) {
    add("constraints.maxProjects", "invalid_number", "the maximum number of projects must be a whole number ≥ 0");
  }
  c.dependencies?.forEach((d, i) => {
    if (!ids.has(d.project))
      add(`constraints.dependencies[${i}].project`, "unknown_project", `unknown project ${d.project}`);
    if (!ids.has(d.requires)) {
      add(`constraints.dependencies[${i}].requires`, "unknown_project", `unknown project ${d.requires}`);
    }
  });
  c.exclusionGroups?.forEach((g, i) => {
    g.projects.forEach((id, k) => {
      if (!ids.has(id))
        add(`constraints.exclusionGroups[${i}].projects[${k}]`, "unknown_project", `unknown project ${id}`);
    });
  });
  c.balance?.forEach((rule, i) => {
    for (const side of ["minShare", "maxShare"] as const) {
      const v = rule[side];
      if (v !== undefined && (typeof v !== "number" || !Number.isFinite(v) || v < 0 || v > 1)) {
        add(`constraints.balance[${i}].${side}`, "share_out_of_range", "a balance share must be between 0 and 1");
      }
    }
    if (rule.minShare !== undefined && rule.maxShare !== undefined && rule.minShare > rule.maxShare) {
      add(`constraints.balance[${i}]`, "share_out_of_range", "the minimum share is above the maximum share");
    }
  });

  for (const cycle of findDependencyCycles(c.dependencies ?? [])) {
    add("constraints.dependencies", "dependency_cycle", `dependency cycle: ${cycle.join(" → ")}`, { cycle });
  }

  // Ids are turned into LP names; two ids that collapse to the same name would be ambiguous.
  const byName = new Map<string, string>();
  scenario.projects.forEach((p, i) => {
    const name = lpToken(p.id);
    const other = byName.get(name);
    if (other !== undefined && other !== p.id) {
      add(`projects[${i}].id`, "duplicate_id", `project ids ${other} and ${p.id} give the same model name ${name}`);
    }
    byName.set(name, p.id);
  });
  return problems;
}

/** Each elementary cycle found by depth-first search over "B needs A" edges, as [B, A, …, B]. */
export function findDependencyCycles(dependencies: readonly ProjectDependency[]): string[][] {
  const edges = new Map<string, string[]>();
  for (const d of dependencies) edges.set(d.project, [...(edges.get(d.project) ?? []), d.requires]);
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (node: string) => {
    state.set(node, "open");
    stack.push(node);
    for (const next of edges.get(node) ?? []) {
      const s = state.get(next);
      if (s === "open") cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (s === undefined) visit(next);
    }
    stack.pop();
    state.set(node, "done");
  };
  for (const node of edges.keys()) if (!state.has(node)) visit(node);
  return cycles;
}
