/**
 * Checks a chosen portfolio (project → start month) against a scenario directly from the scenario's
 * meaning, independently of the MILP: the greedy cut line uses it, tests use it as the oracle for
 * brute force, and services can use it to double-check a solver's answer. Violations carry the same
 * constraint names as the model (`budget_2027_03`, `dep_B_needs_A`, …) and amounts in the same
 * units as elastic relaxations.
 */
import { lpToken } from "./milp.js";
import {
  balanceShare,
  type CandidateProject,
  monthLabel,
  type SelectionScenario,
  spendInHorizon,
} from "./selection-scenario.js";

export interface PortfolioViolation {
  constraint: string;
  kind:
    | "mandatory"
    | "excluded"
    | "locked"
    | "start_window"
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
  /** By how much the limit is exceeded (or the minimum missed), in the constraint's own unit. */
  amount: number;
  project?: string;
}

export interface PortfolioEvaluation {
  value: number;
  count: number;
  violations: PortfolioViolation[];
  /** Spend per horizon month (all / capex / opex) and demand per role per month. */
  spendByMonth: number[];
  capexByMonth: number[];
  opexByMonth: number[];
  demandByRole: Record<string, number[]>;
}

const RELATIVE_TOLERANCE = 1e-9;

/** Evaluate a portfolio given as project id → start month (horizon index). Unknown ids are ignored. */
export function evaluatePortfolio(
  scenario: SelectionScenario,
  starts: ReadonlyMap<string, number>,
): PortfolioEvaluation {
  const H = scenario.horizonMonths;
  const label = (t: number) => monthLabel(scenario, t);
  const byId = new Map(scenario.projects.map((p) => [p.id, p]));
  const chosen = [...starts].flatMap(([id, start]) => {
    const p = byId.get(id);
    return p ? [{ p, start }] : [];
  });
  const violations: PortfolioViolation[] = [];
  const over = (
    constraint: string,
    kind: PortfolioViolation["kind"],
    activity: number,
    limit: number,
    project?: string,
  ) => {
    const amount = activity - limit;
    if (amount > RELATIVE_TOLERANCE * Math.max(1, Math.abs(limit))) {
      violations.push({ constraint, kind, amount, ...(project === undefined ? {} : { project }) });
    }
  };

  const zeros = () => Array.from({ length: H }, () => 0);
  const spendByMonth = zeros();
  const capexByMonth = zeros();
  const opexByMonth = zeros();
  const demandByRole: Record<string, number[]> = Object.fromEntries(scenario.roles.map((r) => [r, zeros()]));
  let value = 0;
  for (const { p, start } of chosen) {
    value += p.value;
    p.costByMonth.forEach((cost, k) => {
      const t = start + k;
      if (t < 0 || t >= H) return;
      const capex = p.capexByMonth?.[k] ?? 0;
      spendByMonth[t]! += cost;
      capexByMonth[t]! += capex;
      opexByMonth[t]! += cost - capex;
    });
    for (const [role, series] of Object.entries(p.demandByRole ?? {})) {
      const row = demandByRole[role];
      if (!row) continue;
      series.forEach((d, k) => {
        const t = start + k;
        if (t >= 0 && t < H) row[t]! += d;
      });
    }
  }

  // Project-level rules.
  for (const p of scenario.projects) {
    const start = starts.get(p.id);
    const token = lpToken(p.id);
    if (start === undefined) {
      if (p.mandatory || p.lockedStart !== undefined) {
        violations.push({ constraint: `mandatory_${token}`, kind: "mandatory", amount: 1, project: p.id });
      }
      continue;
    }
    if (p.excluded) violations.push({ constraint: `excluded_${token}`, kind: "excluded", amount: 1, project: p.id });
    else if (p.lockedStart !== undefined) {
      if (start !== p.lockedStart) {
        violations.push({
          constraint: `locked_${token}`,
          kind: "locked",
          amount: Math.abs(start - p.lockedStart),
          project: p.id,
        });
      }
    } else if (start < p.earliestStart || start > p.latestStart) {
      const amount = start < p.earliestStart ? p.earliestStart - start : start - p.latestStart;
      violations.push({ constraint: `window_${token}`, kind: "start_window", amount, project: p.id });
    }
  }

  // Monthly and total resources.
  const c = scenario.constraints;
  const monthly = (kind: "budget" | "capex" | "opex", limits: readonly (number | null)[] | undefined, use: number[]) =>
    limits?.forEach((limit, t) => {
      if (limit !== null && t < H) over(`${kind}_${label(t)}`, kind, use[t]!, limit);
    });
  monthly("budget", c.budgetByMonth, spendByMonth);
  monthly("capex", c.capexByMonth, capexByMonth);
  monthly("opex", c.opexByMonth, opexByMonth);
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  if (c.budgetTotal !== undefined) over("budget_total", "budget_total", sum(spendByMonth), c.budgetTotal);
  if (c.capexTotal !== undefined) over("capex_total", "capex_total", sum(capexByMonth), c.capexTotal);
  if (c.opexTotal !== undefined) over("opex_total", "opex_total", sum(opexByMonth), c.opexTotal);
  for (const [role, limits] of Object.entries(c.capacityByRole ?? {})) {
    const use = demandByRole[role];
    limits.forEach((limit, t) => {
      if (use && limit !== null && t < H) over(`capacity_${lpToken(role)}_${label(t)}`, "capacity", use[t]!, limit);
    });
  }

  // Dependencies, exclusion groups, count.
  for (const d of c.dependencies ?? []) {
    const startB = starts.get(d.project);
    if (startB === undefined || !byId.has(d.project)) continue;
    const startA = starts.get(d.requires);
    const name = `${lpToken(d.project)}_needs_${lpToken(d.requires)}`;
    if (startA === undefined || !byId.has(d.requires)) {
      violations.push({ constraint: `dep_${name}`, kind: "dependency", amount: 1, project: d.project });
      continue;
    }
    const endA = startA + byId.get(d.requires)!.durationMonths;
    if (d.startAfterEnd && startB < endA) {
      violations.push({
        constraint: `dep_${lpToken(d.project)}_after_${lpToken(d.requires)}_${label(startB)}`,
        kind: "dependency_timing",
        amount: endA - startB,
        project: d.project,
      });
    }
  }
  for (const g of c.exclusionGroups ?? []) {
    const n = [...new Set(g.projects)].filter((id) => starts.has(id) && byId.has(id)).length;
    over(`excl_${lpToken(g.name)}`, "exclusion", n, 1);
  }
  if (c.maxProjects !== undefined) over("max_projects", "max_projects", chosen.length, c.maxProjects);

  // Balance of the portfolio's spend inside the horizon.
  const spendOf = ({ p, start }: { p: CandidateProject; start: number }) => spendInHorizon(p, start, H);
  const totalSpend = sum(chosen.map(spendOf));
  for (const rule of c.balance ?? []) {
    const part = sum(chosen.map((x) => balanceShare(x.p, rule) * spendOf(x)));
    const base = `balance_${rule.dimension}_${lpToken(rule.key)}`;
    if (rule.minShare !== undefined) over(`${base}_min`, "balance_min", rule.minShare * totalSpend, part);
    if (rule.maxShare !== undefined) over(`${base}_max`, "balance_max", part, rule.maxShare * totalSpend);
  }

  return { value, count: chosen.length, violations, spendByMonth, capexByMonth, opexByMonth, demandByRole };
}
