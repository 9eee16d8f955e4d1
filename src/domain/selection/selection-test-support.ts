/**
 * Test support for portfolio selection (imported by tests only): small factories, a fast-check
 * arbitrary of small random scenarios that exercises every constraint type, and a brute-force
 * optimizer that enumerates every portfolio and judges it with `evaluatePortfolio` — an oracle that
 * shares nothing with the MILP builder.
 */
import fc from "fast-check";
import { evaluatePortfolio } from "./portfolio-evaluation.js";
import type { CandidateProject, SelectionConstraints, SelectionScenario } from "./selection-scenario.js";

export function makeProject(overrides: Partial<CandidateProject> & { id: string }): CandidateProject {
  return { value: 10, durationMonths: 1, costByMonth: [1], earliestStart: 0, latestStart: 0, ...overrides };
}

export function makeScenario(overrides: Partial<SelectionScenario> = {}): SelectionScenario {
  return { horizonMonths: 3, roles: ["dev", "ops"], projects: [], constraints: {}, ...overrides };
}

/** Every choice of one project: not selected (null) or one allowed start. */
function choicesOf(p: CandidateProject): (number | null)[] {
  if (p.excluded) return [null];
  if (p.lockedStart !== undefined) return [p.lockedStart];
  const starts: (number | null)[] = [];
  for (let s = p.earliestStart; s <= p.latestStart; s++) starts.push(s);
  return p.mandatory ? starts : [null, ...starts];
}

export function countPortfolios(scenario: SelectionScenario): number {
  return scenario.projects.reduce((n, p) => n * choicesOf(p).length, 1);
}

/**
 * The best feasible portfolio by exhaustive enumeration (null when none is feasible). Branches are
 * pruned only on monthly/total budgets and capacities, which can only grow as projects are added.
 */
export function solveByBruteForce(scenario: SelectionScenario): { value: number; starts: Map<string, number> } | null {
  const H = scenario.horizonMonths;
  const c = scenario.constraints;
  const projects = scenario.projects;
  const spend = Array.from({ length: H }, () => 0);
  const demand = new Map(scenario.roles.map((r) => [r, Array.from({ length: H }, () => 0)]));
  let total = 0;
  const starts = new Map<string, number>();
  let best: { value: number; starts: Map<string, number> } | null = null;

  const apply = (p: CandidateProject, s: number, sign: 1 | -1) => {
    p.costByMonth.forEach((cost, k) => {
      const t = s + k;
      if (t >= 0 && t < H) {
        spend[t]! += sign * cost;
        total += sign * cost;
      }
    });
    for (const [role, series] of Object.entries(p.demandByRole ?? {})) {
      const row = demand.get(role);
      series.forEach((d, k) => {
        const t = s + k;
        if (row && t >= 0 && t < H) row[t]! += sign * d;
      });
    }
  };
  const isOver = () => {
    const eps = 1e-9;
    for (let t = 0; t < H; t++) {
      const limit = c.budgetByMonth?.[t];
      if (limit !== null && limit !== undefined && spend[t]! > limit + eps) return true;
      for (const [role, limits] of Object.entries(c.capacityByRole ?? {})) {
        const cap = limits[t];
        if (cap !== null && cap !== undefined && demand.get(role)![t]! > cap + eps) return true;
      }
    }
    return c.budgetTotal !== undefined && total > c.budgetTotal + eps;
  };
  const visit = (i: number) => {
    if (i === projects.length) {
      const evaluation = evaluatePortfolio(scenario, starts);
      if (evaluation.violations.length === 0 && (best === null || evaluation.value > best.value)) {
        best = { value: evaluation.value, starts: new Map(starts) };
      }
      return;
    }
    const p = projects[i]!;
    for (const s of choicesOf(p)) {
      if (s === null) {
        visit(i + 1);
        continue;
      }
      starts.set(p.id, s);
      apply(p, s, 1);
      if (!isOver()) visit(i + 1);
      apply(p, s, -1);
      starts.delete(p.id);
    }
  };
  visit(0);
  return best;
}

const ROLES = ["dev", "ops"] as const;
const CATEGORIES = ["run", "grow", "transform"] as const;

/**
 * Random scenarios of ≤ 12 projects, ≤ 3 months and ≤ 2 roles with start windows, flags, locked-in
 * projects, monthly/total/capex budgets, capacities, acyclic dependencies (a project only needs an
 * earlier one), exclusion groups, a maximum count and balance rules. Windows are narrowed until
 * brute force has at most `maxPortfolios` portfolios to enumerate. Integer amounts and shares in
 * tenths keep every feasibility decision far from solver tolerances.
 */
export function scenarioArbitrary(maxPortfolios = 50_000): fc.Arbitrary<SelectionScenario> {
  const projectArb = (H: number, roles: readonly string[], index: number) =>
    fc
      .record({
        value: fc.integer({ min: 1, max: 60 }),
        durationMonths: fc.integer({ min: 1, max: 3 }),
        costs: fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 3, maxLength: 3 }),
        capexPart: fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 3, maxLength: 3 }),
        demand: fc.array(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 3, maxLength: 3 }), {
          minLength: 2,
          maxLength: 2,
        }),
        earliest: fc.integer({ min: 0, max: H - 1 }),
        windowLength: fc.integer({ min: 0, max: H - 1 }),
        category: fc.constantFrom(...CATEGORIES),
        share: fc.integer({ min: 0, max: 10 }),
        flag: fc.oneof(
          { weight: 12, arbitrary: fc.constant("none") },
          { weight: 1, arbitrary: fc.constantFrom("mandatory", "excluded", "locked") },
        ),
        lockedStart: fc.integer({ min: -1, max: H - 1 }),
      })
      .map((r): CandidateProject => {
        const costByMonth = r.costs.slice(0, r.durationMonths);
        const demandByRole: Record<string, number[]> = {};
        roles.forEach((role, i) => {
          demandByRole[role] = r.demand[i]!.slice(0, r.durationMonths);
        });
        return {
          id: `P${String(index + 1).padStart(2, "0")}`,
          value: r.value,
          durationMonths: r.durationMonths,
          costByMonth,
          capexByMonth: costByMonth.map((cost, k) => Math.min(cost, r.capexPart[k]!)),
          demandByRole,
          earliestStart: r.earliest,
          latestStart: Math.min(H - 1, r.earliest + r.windowLength),
          category: r.category,
          objectiveShares: { growth: r.share / 10 },
          ...(r.flag === "mandatory" ? { mandatory: true } : {}),
          ...(r.flag === "excluded" ? { excluded: true } : {}),
          ...(r.flag === "locked" ? { lockedStart: r.lockedStart } : {}),
        };
      });

  return fc
    .record({
      H: fc.integer({ min: 1, max: 3 }),
      n: fc.integer({ min: 1, max: 12 }),
      roleCount: fc.integer({ min: 0, max: 2 }),
    })
    .chain(({ H, n, roleCount }) => {
      const roles = ROLES.slice(0, roleCount);
      const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 2 });
      const series = (min: number, max: number) =>
        fc.array(fc.option(fc.integer({ min, max }), { nil: null, freq: 5 }), { minLength: H, maxLength: H });
      const constraintsArb = fc.record({
        budgetByMonth: optional(series(5, 30)),
        budgetTotal: optional(fc.integer({ min: 10, max: 70 })),
        capexByMonth: optional(series(3, 20)),
        capacityByRole: fc.tuple(...roles.map(() => optional(series(2, 8)))),
        dependencies: fc.array(
          fc.record({
            from: fc.integer({ min: 1, max: 11 }),
            to: fc.integer({ min: 0, max: 10 }),
            timed: fc.boolean(),
          }),
          { maxLength: 3 },
        ),
        groups: fc.array(fc.uniqueArray(fc.integer({ min: 0, max: n - 1 }), { minLength: 2, maxLength: 3 }), {
          maxLength: n >= 2 ? 2 : 0,
        }),
        maxProjects: optional(fc.integer({ min: 1, max: n })),
        balance: fc.array(
          fc.record({
            dimension: fc.constantFrom("category" as const, "objective" as const),
            key: fc.constantFrom("run", "grow", "transform"),
            minShare: optional(fc.integer({ min: 0, max: 4 })),
            maxShare: optional(fc.integer({ min: 5, max: 10 })),
          }),
          { maxLength: 1 },
        ),
      });
      const projectsArb = fc.tuple(...Array.from({ length: n }, (_, i) => projectArb(H, roles, i)));
      return fc.tuple(projectsArb, constraintsArb).map(([projects, k]): SelectionScenario => {
        const constraints: SelectionConstraints = {
          ...(k.budgetByMonth ? { budgetByMonth: k.budgetByMonth } : {}),
          ...(k.budgetTotal !== undefined ? { budgetTotal: k.budgetTotal } : {}),
          ...(k.capexByMonth ? { capexByMonth: k.capexByMonth } : {}),
          capacityByRole: Object.fromEntries(
            roles.flatMap((role, i) => (k.capacityByRole[i] ? [[role, k.capacityByRole[i]!]] : [])),
          ),
          dependencies: k.dependencies
            .filter((d) => d.from < n && d.to < d.from)
            .map((d) => ({ project: projects[d.from]!.id, requires: projects[d.to]!.id, startAfterEnd: d.timed })),
          exclusionGroups: k.groups.map((g, i) => ({ name: `G${i + 1}`, projects: g.map((j) => projects[j]!.id) })),
          ...(k.maxProjects !== undefined ? { maxProjects: k.maxProjects } : {}),
          balance: k.balance.map((b) => ({
            dimension: b.dimension,
            key: b.dimension === "objective" ? "growth" : b.key,
            ...(b.minShare !== undefined ? { minShare: b.minShare / 10 } : {}),
            ...(b.maxShare !== undefined ? { maxShare: b.maxShare / 10 } : {}),
          })),
        };
        const scenario: SelectionScenario = { horizonMonths: H, roles, projects, constraints };
        // Narrow windows (last projects first) until brute force stays cheap.
        const narrowed = projects.map((p) => ({ ...p }));
        for (
          let i = narrowed.length - 1;
          i >= 0 && countPortfolios({ ...scenario, projects: narrowed }) > maxPortfolios;
          i--
        ) {
          narrowed[i]!.latestStart = narrowed[i]!.earliestStart;
        }
        return { ...scenario, projects: narrowed };
      });
    });
}
