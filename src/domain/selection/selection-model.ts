/**
 * Portfolio selection as a mixed-integer linear program with time-indexed start variables.
 *
 * Variables: x[p,s] ∈ {0,1} — project p starts in horizon month s, for every s in p's start window
 * (a locked-in project has the single variable x[p,lockedStart] fixed to 1; an excluded project has
 * none). c[p,k], r[p,ρ,k] are p's cost and demand for role ρ in its k-th month, H the horizon.
 *
 *   maximize   Σ_p value_p · Σ_s x[p,s]
 *   once_p          Σ_s x[p,s] ≤ 1                       (= 1: mandatory_p)
 *   budget_t        Σ_{p,s} c[p,t−s] · x[p,s] ≤ B_t       (capex_t, opex_t likewise)
 *   budget_total    Σ_{p,s} C[p,s] · x[p,s] ≤ B            C[p,s] = p's spend inside the horizon
 *   capacity_ρ_t    Σ_{p,s} r[p,ρ,t−s] · x[p,s] ≤ K_ρ,t
 *   dep_B_needs_A   Σ_s x[B,s] − Σ_s x[A,s] ≤ 0
 *   dep_B_after_A_s x[B,s] − Σ_{s' + dur_A ≤ s} x[A,s'] ≤ 0   (B starts after A's end)
 *   excl_g          Σ_{p∈g,s} x[p,s] ≤ 1
 *   max_projects    Σ_{p,s} x[p,s] ≤ N
 *   balance_d_k_min Σ_{p,s} (share_p,k − min) · C[p,s] · x[p,s] ≥ 0
 *   balance_d_k_max Σ_{p,s} (share_p,k − max) · C[p,s] · x[p,s] ≤ 0
 *
 * Only months inside the horizon are constrained; spend after the horizon is not counted.
 * The elastic variant adds a non-negative slack to every budget, capacity, balance, mandatory and
 * max-projects constraint and minimizes the weighted relative slack instead (see `ElasticOptions`),
 * so an infeasible scenario says which limits must move and by how much.
 */
import { lpToken, type MilpConstraint, type MilpModel, type MilpVariable, sanitizeLpName } from "./milp.js";
import {
  allowedStarts,
  type BalanceRule,
  balanceShare,
  type CandidateProject,
  monthLabel,
  type ScenarioProblem,
  type SelectionScenario,
  spendInHorizon,
  validateScenario,
} from "./selection-scenario.js";

export type SelectionRowKind =
  | "once"
  | "mandatory"
  | "budget"
  | "capex"
  | "opex"
  | "budget_total"
  | "capex_total"
  | "opex_total"
  | "capacity"
  | "dependency"
  | "dependency_timing"
  | "exclusion"
  | "max_projects"
  | "balance_min"
  | "balance_max";

export interface SelectionRowMeta {
  kind: SelectionRowKind;
  month?: number;
  role?: string;
  project?: string;
  requires?: string;
  group?: string;
  rule?: BalanceRule;
  /** Index of the elastic slack variable of this row, when there is one. */
  slack?: number;
}

export type SelectionVarMeta =
  | { kind: "start"; project: string; month: number }
  | { kind: "slack"; constraint: string; rowKind: SelectionRowKind };

export type SelectionModel = MilpModel<SelectionVarMeta, SelectionRowMeta>;

/** What an elastic slack relaxes, for penalties. */
export type ElasticKind = "budget" | "capacity" | "balance" | "mandatory" | "maxProjects";

export interface ElasticOptions {
  /**
   * Penalty per unit of *relative* slack (slack ÷ the row's scale: its limit, or its largest
   * coefficient when that is bigger) for budget, capacity, balance and max-projects rows, and per
   * dropped mandatory project. Defaults: `DEFAULT_ELASTIC_PENALTIES`.
   */
  penalties?: Partial<Record<ElasticKind, number>>;
  /**
   * Weight of the portfolio value in the elastic objective (default 0: find the smallest
   * relaxation; re-solve with the relaxed limits for the best portfolio under them).
   */
  valueWeight?: number;
}

/** Dropping a mandatory project weighs as much as relaxing one limit by 1,000 %. */
export const DEFAULT_ELASTIC_PENALTIES: Readonly<Record<ElasticKind, number>> = {
  budget: 1,
  capacity: 1,
  balance: 1,
  maxProjects: 1,
  mandatory: 10,
};

export interface BuildSelectionModelOptions {
  elastic?: boolean | ElasticOptions;
}

export type BuildSelectionModelResult =
  | { ok: true; model: SelectionModel }
  | { ok: false; problems: ScenarioProblem[] };

const ELASTIC_KIND: Partial<Record<SelectionRowKind, ElasticKind>> = {
  mandatory: "mandatory",
  budget: "budget",
  capex: "budget",
  opex: "budget",
  budget_total: "budget",
  capex_total: "budget",
  opex_total: "budget",
  capacity: "capacity",
  max_projects: "maxProjects",
  balance_min: "balance",
  balance_max: "balance",
};

/** Validate the scenario, then build its MILP; field problems are returned, never thrown. */
export function buildSelectionModel(
  scenario: SelectionScenario,
  options: BuildSelectionModelOptions = {},
): BuildSelectionModelResult {
  const problems = validateScenario(scenario);
  if (problems.length > 0) return { ok: false, problems };

  const H = scenario.horizonMonths;
  const label = (t: number) => monthLabel(scenario, t);
  const elastic = options.elastic ? (options.elastic === true ? {} : options.elastic) : undefined;
  const penalties = { ...DEFAULT_ELASTIC_PENALTIES, ...elastic?.penalties };
  const valueWeight = elastic ? (elastic.valueWeight ?? 0) : 1;

  const variables: MilpVariable<SelectionVarMeta>[] = [];
  const constraints: MilpConstraint<SelectionRowMeta>[] = [];
  const usedNames = new Set<string>();
  const uniqueName = (raw: string) => {
    const base = sanitizeLpName(raw);
    let name = base;
    for (let i = 2; usedNames.has(name); i++) name = `${base}_${i}`;
    usedNames.add(name);
    return name;
  };

  // Start variables, per project in input order.
  const projects = scenario.projects;
  const byId = new Map<string, CandidateProject>(projects.map((p) => [p.id, p]));
  const varsOf = new Map<string, { index: number; start: number }[]>();
  for (const p of projects) {
    const list: { index: number; start: number }[] = [];
    for (const s of allowedStarts(p)) {
      list.push({ index: variables.length, start: s });
      const locked = p.lockedStart !== undefined;
      variables.push({
        name: uniqueName(`x_${lpToken(p.id)}_${label(s)}`),
        type: "binary",
        lower: locked ? 1 : 0,
        upper: 1,
        objective: valueWeight * p.value,
        meta: { kind: "start", project: p.id, month: s },
      });
    }
    varsOf.set(p.id, list);
  }
  const startVars = variables.flatMap((v, index) => (v.meta?.kind === "start" ? [{ v, index }] : []));

  const addRow = (
    rawName: string,
    terms: { variables: number[]; coefficients: number[] },
    lower: number,
    upper: number,
    meta: SelectionRowMeta,
  ) => {
    if (terms.variables.length === 0) return; // no variable can touch it: 0 is within its limits
    constraints.push({ name: uniqueName(rawName), ...terms, lower, upper, meta });
  };
  const sumOf = (indexes: number[], coefficient = 1) => ({
    variables: indexes,
    coefficients: indexes.map(() => coefficient),
  });

  // Choose at most one start; exactly one when mandatory.
  for (const p of projects) {
    const vs = varsOf.get(p.id)!;
    if (vs.length === 0 || p.lockedStart !== undefined) continue;
    const indexes = vs.map((v) => v.index);
    if (p.mandatory) addRow(`mandatory_${lpToken(p.id)}`, sumOf(indexes), 1, 1, { kind: "mandatory", project: p.id });
    else if (vs.length > 1)
      addRow(`once_${lpToken(p.id)}`, sumOf(indexes), -Infinity, 1, { kind: "once", project: p.id });
  }

  // Monthly resources: budget, capex, opex, capacity per role.
  const c = scenario.constraints;
  const monthly = (
    kind: "budget" | "capex" | "opex" | "capacity",
    limits: readonly (number | null)[] | undefined,
    amountsOf: (p: CandidateProject) => readonly number[] | undefined,
    role?: string,
  ) => {
    if (!limits) return;
    const rows: { variables: number[]; coefficients: number[] }[] = [];
    for (let t = 0; t < H; t++) rows.push({ variables: [], coefficients: [] });
    for (const { v, index } of startVars) {
      const meta = v.meta as { project: string; month: number };
      const amounts = amountsOf(byId.get(meta.project)!);
      if (!amounts) continue;
      for (let k = 0; k < amounts.length; k++) {
        const t = meta.month + k;
        const a = amounts[k]!;
        if (t < 0 || t >= H || a === 0) continue;
        rows[t]!.variables.push(index);
        rows[t]!.coefficients.push(a);
      }
    }
    for (let t = 0; t < H; t++) {
      const limit = limits[t];
      if (limit === null || limit === undefined) continue;
      const name = role === undefined ? `${kind}_${label(t)}` : `${kind}_${lpToken(role)}_${label(t)}`;
      addRow(name, rows[t]!, -Infinity, limit, { kind, month: t, ...(role === undefined ? {} : { role }) });
    }
  };
  const opexOf = (p: CandidateProject) => p.costByMonth.map((cost, k) => cost - (p.capexByMonth?.[k] ?? 0));
  monthly("budget", c.budgetByMonth, (p) => p.costByMonth);
  monthly("capex", c.capexByMonth, (p) => p.capexByMonth);
  monthly("opex", c.opexByMonth, opexOf);
  for (const role of scenario.roles) {
    monthly("capacity", c.capacityByRole?.[role], (p) => p.demandByRole?.[role], role);
  }

  // Totals over the horizon.
  const total = (
    kind: "budget_total" | "capex_total" | "opex_total",
    limit: number | undefined,
    amountsOf: (p: CandidateProject) => readonly number[] | undefined,
  ) => {
    if (limit === undefined) return;
    const terms = { variables: [] as number[], coefficients: [] as number[] };
    for (const { v, index } of startVars) {
      const meta = v.meta as { project: string; month: number };
      const amounts = amountsOf(byId.get(meta.project)!);
      if (!amounts) continue;
      const a = spendInHorizon({ ...byId.get(meta.project)!, costByMonth: amounts }, meta.month, H);
      if (a === 0) continue;
      terms.variables.push(index);
      terms.coefficients.push(a);
    }
    addRow(kind, terms, -Infinity, limit, { kind });
  };
  total("budget_total", c.budgetTotal, (p) => p.costByMonth);
  total("capex_total", c.capexTotal, (p) => p.capexByMonth);
  total("opex_total", c.opexTotal, opexOf);

  // Dependencies: B needs A, and optionally B starts after A's end.
  for (const d of c.dependencies ?? []) {
    const b = varsOf.get(d.project) ?? [];
    const a = varsOf.get(d.requires) ?? [];
    if (b.length === 0) continue;
    const bToken = lpToken(d.project);
    const aToken = lpToken(d.requires);
    const meta = { project: d.project, requires: d.requires };
    addRow(
      `dep_${bToken}_needs_${aToken}`,
      {
        variables: [...b.map((v) => v.index), ...a.map((v) => v.index)],
        coefficients: [...b.map(() => 1), ...a.map(() => -1)],
      },
      -Infinity,
      0,
      { kind: "dependency", ...meta },
    );
    if (!d.startAfterEnd) continue;
    const durationA = byId.get(d.requires)!.durationMonths;
    for (const vb of b) {
      const early = a.filter((va) => va.start + durationA <= vb.start);
      if (early.length === a.length) continue; // every start of A ends in time: the needs row covers it
      addRow(
        `dep_${bToken}_after_${aToken}_${label(vb.start)}`,
        { variables: [vb.index, ...early.map((v) => v.index)], coefficients: [1, ...early.map(() => -1)] },
        -Infinity,
        0,
        { kind: "dependency_timing", month: vb.start, ...meta },
      );
    }
  }

  // Mutual exclusion groups: at most one of.
  for (const g of c.exclusionGroups ?? []) {
    const members = [...new Set(g.projects)].filter((id) => (varsOf.get(id) ?? []).length > 0);
    if (members.length < 2) continue;
    const indexes = members.flatMap((id) => varsOf.get(id)!.map((v) => v.index));
    addRow(`excl_${lpToken(g.name)}`, sumOf(indexes), -Infinity, 1, { kind: "exclusion", group: g.name });
  }

  // Maximum number of projects.
  if (c.maxProjects !== undefined) {
    addRow("max_projects", sumOf(startVars.map((s) => s.index)), -Infinity, c.maxProjects, { kind: "max_projects" });
  }

  // Balance: min / max share of the portfolio's spend inside the horizon.
  for (const rule of c.balance ?? []) {
    const base = `balance_${rule.dimension}_${lpToken(rule.key)}`;
    for (const side of ["min", "max"] as const) {
      const bound = side === "min" ? rule.minShare : rule.maxShare;
      if (bound === undefined) continue;
      const terms = { variables: [] as number[], coefficients: [] as number[] };
      for (const { v, index } of startVars) {
        const meta = v.meta as { project: string; month: number };
        const p = byId.get(meta.project)!;
        const coefficient = (balanceShare(p, rule) - bound) * spendInHorizon(p, meta.month, H);
        if (coefficient === 0) continue;
        terms.variables.push(index);
        terms.coefficients.push(coefficient);
      }
      if (side === "min") addRow(`${base}_min`, terms, 0, Infinity, { kind: "balance_min", rule });
      else addRow(`${base}_max`, terms, -Infinity, 0, { kind: "balance_max", rule });
    }
  }

  if (elastic) addElasticSlacks(variables, constraints, penalties, uniqueName);

  return {
    ok: true,
    model: {
      name: sanitizeLpName(elastic ? "portfolio_selection_elastic" : "portfolio_selection"),
      sense: "maximize",
      objectiveName: elastic ? "value_minus_relaxation" : "value",
      objectiveConstant: 0,
      variables,
      constraints,
    },
  };
}

function addElasticSlacks(
  variables: MilpVariable<SelectionVarMeta>[],
  constraints: MilpConstraint<SelectionRowMeta>[],
  penalties: Record<ElasticKind, number>,
  uniqueName: (raw: string) => string,
) {
  for (const row of constraints) {
    const rowKind = row.meta!.kind;
    const kind = ELASTIC_KIND[rowKind];
    if (!kind) continue;
    // Mandatory: Σx + slack = 1 (slack 1 = the project is dropped). ≥ rows gain +slack, ≤ rows −slack.
    const sign = rowKind === "mandatory" || rowKind === "balance_min" ? 1 : -1;
    let scale = 1;
    if (kind !== "mandatory") {
      const limit = Number.isFinite(row.upper) ? row.upper : row.lower;
      scale = Math.max(Math.abs(limit), ...row.coefficients.map(Math.abs), 1e-9);
    }
    const index = variables.length;
    variables.push({
      name: uniqueName(`slack_${row.name}`),
      type: "continuous",
      lower: 0,
      upper: kind === "mandatory" ? 1 : Infinity,
      objective: -penalties[kind] / scale,
      meta: { kind: "slack", constraint: row.name, rowKind },
    });
    row.variables.push(index);
    row.coefficients.push(sign);
    row.meta!.slack = index;
  }
}

export interface SelectedProject {
  projectId: string;
  /** Horizon month index of the start. */
  start: number;
  startLabel: string;
}

/** The projects a solution selects (start variable ≥ 0.5), in model order, with the total value. */
export function readSelection(
  scenario: SelectionScenario,
  model: SelectionModel,
  values: Readonly<Record<string, number>>,
): { selected: SelectedProject[]; value: number } {
  const byId = new Map(scenario.projects.map((p) => [p.id, p]));
  const selected: SelectedProject[] = [];
  let value = 0;
  for (const v of model.variables) {
    if (v.meta?.kind !== "start" || (values[v.name] ?? 0) < 0.5) continue;
    selected.push({ projectId: v.meta.project, start: v.meta.month, startLabel: monthLabel(scenario, v.meta.month) });
    value += byId.get(v.meta.project)?.value ?? 0;
  }
  return { selected, value };
}

export interface Relaxation {
  /** The constraint that must move, e.g. `budget_2027_03`. */
  constraint: string;
  kind: SelectionRowKind;
  /**
   * How far: money or demand units above a budget or capacity limit, projects above the maximum,
   * spend short of (min) or above (max) a balance share, and 1 for a mandatory project to drop.
   */
  amount: number;
  /** The current limit of the row (its right-hand side). */
  limit: number;
  month?: number;
  role?: string;
  project?: string;
}

/** The slacks an elastic solution uses, largest relative move first. */
export function readRelaxations(
  model: SelectionModel,
  values: Readonly<Record<string, number>>,
  tolerance = 1e-6,
): Relaxation[] {
  const out: (Relaxation & { weight: number })[] = [];
  for (const row of model.constraints) {
    const slackIndex = row.meta?.slack;
    if (slackIndex === undefined) continue;
    const slack = model.variables[slackIndex]!;
    const amount = values[slack.name] ?? 0;
    if (amount <= tolerance) continue;
    const meta = row.meta!;
    out.push({
      constraint: row.name,
      kind: meta.kind,
      amount,
      limit: Number.isFinite(row.upper) ? row.upper : row.lower,
      ...(meta.month === undefined ? {} : { month: meta.month }),
      ...(meta.role === undefined ? {} : { role: meta.role }),
      ...(meta.project === undefined ? {} : { project: meta.project }),
      weight: -slack.objective * amount,
    });
  }
  return out.sort((a, b) => b.weight - a.weight).map(({ weight: _weight, ...r }) => r);
}
