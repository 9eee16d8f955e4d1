/**
 * The spreadsheet baseline the optimizer is compared with: rank the candidates, then walk down the
 * list taking each project at its earliest start while everything still fits.
 *
 * Locked-in projects (at their locked start) and mandatory ones (at their earliest start) go in
 * first, whatever they cost. Then each ranked project is taken when, at its earliest start, the
 * monthly and total budgets (capex/opex too), role capacities, the maximum count, its exclusion
 * group and its dependencies (prerequisite already taken and, when so marked, finished in time)
 * all still hold; otherwise it is skipped and the walk goes on (`stopAtFirstMisfit` draws the
 * classic cut line instead). Balance rules are not steered; the final portfolio is evaluated and
 * any violation is reported, so an infeasible greedy portfolio is never passed off as a
 * comparison point.
 */
import { evaluatePortfolio, type PortfolioViolation } from "./portfolio-evaluation.js";
import type { CandidateProject, SelectionScenario } from "./selection-scenario.js";

export type GreedyRanking = "value_per_cost" | "value";

export interface GreedyPortfolio {
  ranking: GreedyRanking;
  /** Project id → start month (horizon index). */
  starts: Map<string, number>;
  value: number;
  /** True when the portfolio meets every constraint of the scenario (balance included). */
  isFeasible: boolean;
  violations: PortfolioViolation[];
}

export interface GreedyCutLine {
  byValuePerCost: GreedyPortfolio;
  byValue: GreedyPortfolio;
}

export interface GreedyOptions {
  /** Stop at the first ranked project that does not fit (the literal cut line). Default false. */
  stopAtFirstMisfit?: boolean;
}

/** Both greedy portfolios: ranked by value ÷ total cost, and by value alone. */
export function runGreedyCutLine(scenario: SelectionScenario, options: GreedyOptions = {}): GreedyCutLine {
  return {
    byValuePerCost: runGreedy(scenario, "value_per_cost", options),
    byValue: runGreedy(scenario, "value", options),
  };
}

export function runGreedy(
  scenario: SelectionScenario,
  ranking: GreedyRanking,
  options: GreedyOptions = {},
): GreedyPortfolio {
  const fit = createFitTracker(scenario);
  for (const p of scenario.projects) {
    if (p.excluded) continue;
    if (p.lockedStart !== undefined) fit.take(p, p.lockedStart);
    else if (p.mandatory) fit.take(p, p.earliestStart);
  }
  const candidates = scenario.projects.filter((p) => !p.excluded && p.lockedStart === undefined && !p.mandatory);
  for (const p of rank(candidates, ranking)) {
    if (fit.fits(p, p.earliestStart)) fit.take(p, p.earliestStart);
    else if (options.stopAtFirstMisfit) break;
  }
  const evaluation = evaluatePortfolio(scenario, fit.starts);
  return {
    ranking,
    starts: fit.starts,
    value: evaluation.value,
    isFeasible: evaluation.violations.length === 0,
    violations: evaluation.violations,
  };
}

/**
 * Running use of every limited resource, so each fit check costs only the candidate's own months.
 * A resource already over its limit (forced projects) rejects any candidate that adds to it.
 */
function createFitTracker(scenario: SelectionScenario) {
  const H = scenario.horizonMonths;
  const c = scenario.constraints;
  const byId = new Map(scenario.projects.map((p) => [p.id, p]));
  const starts = new Map<string, number>();
  const zeros = () => Array.from({ length: H }, () => 0);
  const use = { budget: zeros(), capex: zeros(), opex: zeros() };
  const totals = { budget: 0, capex: 0, opex: 0 };
  const demand = new Map(scenario.roles.map((r) => [r, zeros()]));
  const limitsByMonth = { budget: c.budgetByMonth, capex: c.capexByMonth, opex: c.opexByMonth };
  const limitsTotal = { budget: c.budgetTotal, capex: c.capexTotal, opex: c.opexTotal };
  const groupsOf = new Map<string, string[]>();
  for (const g of c.exclusionGroups ?? []) {
    for (const id of new Set(g.projects)) groupsOf.set(id, [...(groupsOf.get(id) ?? []), g.name]);
  }
  const taken = new Map<string, number>();
  const fitsUnder = (current: number, add: number, limit: number | null | undefined) =>
    add <= 0 || limit === null || limit === undefined || current + add <= limit + 1e-9 * Math.max(1, Math.abs(limit));
  const amountsOf = (p: CandidateProject, kind: "budget" | "capex" | "opex", k: number) => {
    const cost = p.costByMonth[k] ?? 0;
    const capex = p.capexByMonth?.[k] ?? 0;
    return kind === "budget" ? cost : kind === "capex" ? capex : cost - capex;
  };
  const kinds = ["budget", "capex", "opex"] as const;

  return {
    starts,
    fits(p: CandidateProject, s: number): boolean {
      if (c.maxProjects !== undefined && starts.size + 1 > c.maxProjects) return false;
      if ((groupsOf.get(p.id) ?? []).some((g) => (taken.get(g) ?? 0) > 0)) return false;
      for (const d of c.dependencies ?? []) {
        if (d.project !== p.id) continue;
        const startA = starts.get(d.requires);
        if (startA === undefined) return false;
        if (d.startAfterEnd && s < startA + byId.get(d.requires)!.durationMonths) return false;
      }
      for (const kind of kinds) {
        let added = 0;
        for (let k = 0; k < p.costByMonth.length; k++) {
          const t = s + k;
          if (t < 0 || t >= H) continue;
          const a = amountsOf(p, kind, k);
          added += a;
          if (!fitsUnder(use[kind][t]!, a, limitsByMonth[kind]?.[t])) return false;
        }
        if (!fitsUnder(totals[kind], added, limitsTotal[kind])) return false;
      }
      for (const [role, series] of Object.entries(p.demandByRole ?? {})) {
        const limits = c.capacityByRole?.[role];
        const used = demand.get(role);
        if (!limits || !used) continue;
        for (let k = 0; k < series.length; k++) {
          const t = s + k;
          if (t >= 0 && t < H && !fitsUnder(used[t]!, series[k]!, limits[t])) return false;
        }
      }
      return true;
    },
    take(p: CandidateProject, s: number): void {
      starts.set(p.id, s);
      for (const g of groupsOf.get(p.id) ?? []) taken.set(g, (taken.get(g) ?? 0) + 1);
      for (const kind of kinds) {
        for (let k = 0; k < p.costByMonth.length; k++) {
          const t = s + k;
          if (t < 0 || t >= H) continue;
          const a = amountsOf(p, kind, k);
          use[kind][t]! += a;
          totals[kind] += a;
        }
      }
      for (const [role, series] of Object.entries(p.demandByRole ?? {})) {
        const used = demand.get(role);
        if (!used) continue;
        series.forEach((d, k) => {
          const t = s + k;
          if (t >= 0 && t < H) used[t]! += d;
        });
      }
    },
  };
}

/** Candidates in ranking order; ties by higher value, then id. Zero cost ranks first by ratio. */
export function rank(projects: readonly CandidateProject[], ranking: GreedyRanking): CandidateProject[] {
  const totalCost = (p: CandidateProject) => p.costByMonth.reduce((a, b) => a + b, 0);
  const key = (p: CandidateProject) => {
    if (ranking === "value") return p.value;
    const cost = totalCost(p);
    return cost > 0 ? p.value / cost : p.value > 0 ? Number.POSITIVE_INFINITY : 0;
  };
  return [...projects].sort((a, b) => key(b) - key(a) || b.value - a.value || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
