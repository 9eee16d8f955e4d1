import { afterAll, describe, expect, it } from "vitest";
import type { CandidateProject, SelectionScenario } from "../../../domain/selection/selection-scenario.js";
import { makeProject, makeScenario, solveByBruteForce } from "../../../domain/selection/selection-test-support.js";
import type { AnalysisOptions, AnalysisProgress } from "./analysis.types.js";
import { analyzeScenario } from "./scenario-analysis.js";
import { shutdownSolverPool } from "./solver/solver-pool.js";

afterAll(() => shutdownSolverPool());

const EXACT: AnalysisOptions = { timeLimitSeconds: 10, mipRelGap: 0, explain: false };
const EXPLAIN: AnalysisOptions = { ...EXACT, explain: true, explainTimeLimitSeconds: 5 };

/** Brute-force optimum of the scenario with one project changed (null when nothing is feasible). */
function bruteForceWith(
  scenario: SelectionScenario,
  id: string,
  change: (p: CandidateProject) => CandidateProject,
): number | null {
  const projects = scenario.projects.map((p) => (p.id === id ? change(p) : p));
  return solveByBruteForce({ ...scenario, projects })?.value ?? null;
}

/**
 * Month 2027-01 is tight (budget 10), 2027-02 is not (2 of 100). Best: A + C = 14. E (cost 11)
 * can never fit; its value makes it the LP relaxation's favourite, so the budget has a price.
 */
function explanationScenario(): SelectionScenario {
  const project = (id: string, value: number, first: number, second: number) =>
    makeProject({ id, value, durationMonths: 2, costByMonth: [first, second] });
  return makeScenario({
    horizonMonths: 2,
    firstMonth: "2027-01",
    roles: [],
    projects: [
      project("A", 9, 6, 1),
      project("B", 7, 5, 1),
      project("C", 5, 4, 1),
      project("D", 2, 3, 1),
      project("E", 20, 11, 0),
    ],
    constraints: { budgetByMonth: [10, 100] },
  });
}

/** A correlated multidimensional knapsack that HiGHS cannot prove optimal in seconds. */
function hardKnapsack(n: number, m: number, seed: number): SelectionScenario {
  let state = seed;
  const random = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
  const weights = Array.from({ length: n }, () => Array.from({ length: m }, () => Math.floor(random() * 1000)));
  const capacity = Array.from({ length: m }, (_, i) => Math.floor(0.25 * weights.reduce((s, w) => s + w[i]!, 0)));
  return makeScenario({
    horizonMonths: m,
    roles: [],
    projects: weights.map((w, j) =>
      makeProject({
        id: `I${j}`,
        value: Math.floor(w.reduce((a, b) => a + b, 0) / m + 500 * random()),
        durationMonths: m,
        costByMonth: w,
      }),
    ),
    constraints: { budgetByMonth: capacity },
  });
}

describe("the chosen portfolio", () => {
  it("beats the greedy cut line where value ÷ cost ranks the wrong project first", async () => {
    const scenario = makeScenario({
      horizonMonths: 1,
      projects: [
        makeProject({ id: "A", value: 7, costByMonth: [6] }),
        makeProject({ id: "B", value: 5, costByMonth: [5] }),
        makeProject({ id: "C", value: 5, costByMonth: [5] }),
      ],
      constraints: { budgetByMonth: [10] },
    });
    const analysis = await analyzeScenario(scenario, EXACT);
    expect(analysis.status).toBe("optimal");
    expect(analysis.objective).toBeCloseTo(10, 9);
    expect(analysis.value).toBe(10);
    expect(analysis.starts).toEqual({ B: 0, C: 0 });
    expect(analysis.violations).toEqual([]);
    expect(analysis.greedy.byValuePerCost).toMatchObject({ value: 7, isFeasible: true, starts: { A: 0 } });
    expect(analysis.greedy.byValue).toMatchObject({ value: 7, isFeasible: true, starts: { A: 0 } });
    expect(analysis.objective!).toBeGreaterThanOrEqual(analysis.greedy.byValuePerCost.value);
    expect(analysis.binding).toEqual([{ constraint: "budget_m00", kind: "budget", month: 0, activity: 10, limit: 10 }]);
    expect(analysis.explanations).toEqual([]);
    expect(analysis.frontier).toEqual([]);
  });

  it("shifts a project to a later month of its window to fit the monthly budgets", async () => {
    const scenario = makeScenario({
      horizonMonths: 3,
      projects: [
        makeProject({ id: "A", value: 10, costByMonth: [8], category: "run" }),
        makeProject({ id: "B", value: 8, costByMonth: [6], earliestStart: 0, latestStart: 2, category: "grow" }),
      ],
      constraints: { budgetByMonth: [10, 10, 5] },
    });
    const analysis = await analyzeScenario(scenario, EXACT);
    expect(analysis.status).toBe("optimal");
    expect(analysis.starts).toEqual({ A: 0, B: 1 });
    expect(analysis.objective).toBeCloseTo(18, 9);
    // The greedy takes B (better value ÷ cost) at its earliest start and then A no longer fits.
    expect(analysis.greedy.byValuePerCost.starts).toEqual({ B: 0 });
    expect(analysis.greedy.byValuePerCost.value).toBe(8);
    expect(analysis.usage).toEqual({
      spend: [8, 6, 0],
      capex: [0, 0, 0],
      opex: [8, 6, 0],
      spendByCategory: { run: [8, 0, 0], grow: [0, 6, 0] },
      demandByRole: { dev: [0, 0, 0], ops: [0, 0, 0] },
    });
  });

  it("reports field problems as an error value instead of throwing", async () => {
    const scenario = makeScenario({ projects: [makeProject({ id: "A", costByMonth: [-1] })] });
    const analysis = await analyzeScenario(scenario, EXPLAIN);
    expect(analysis.status).toBe("error");
    expect(analysis.message).toContain("projects[0].costByMonth[0]");
    expect(analysis.usage).toBeNull();
  });
});

describe("explanations", () => {
  it("gives each project the value lost by forcing it in or out, as brute force does", async () => {
    const scenario = explanationScenario();
    const analysis = await analyzeScenario(scenario, EXPLAIN);
    expect(analysis.status).toBe("optimal");
    expect(analysis.starts).toEqual({ A: 0, C: 0 });
    const best = solveByBruteForce(scenario)!.value;
    expect(analysis.value).toBe(best);

    const byId = new Map(analysis.explanations.map((e) => [e.projectId, e]));
    expect([...byId.keys()]).toEqual(["A", "B", "C", "D", "E"]);
    for (const id of ["A", "C"]) {
      const without = bruteForceWith(scenario, id, (p) => ({ ...p, excluded: true }))!;
      expect(byId.get(id)).toMatchObject({ status: "optimal", binding: [] });
      expect(byId.get(id)!.loss).toBeCloseTo(best - without, 9);
    }
    for (const id of ["B", "D"]) {
      const forced = bruteForceWith(scenario, id, (p) => ({ ...p, mandatory: true }))!;
      const explanation = byId.get(id)!;
      expect(explanation.status).toBe("optimal");
      expect(explanation.loss).toBeCloseTo(best - forced, 9);
      expect(explanation.loss!).toBeGreaterThan(0);
      expect(explanation.binding).toEqual([
        { constraint: "budget_2027_01", kind: "budget", month: 0, activity: 10, limit: 10 },
      ]);
    }
  });

  it("says which limit must move for a project that cannot be forced in", async () => {
    const analysis = await analyzeScenario(explanationScenario(), EXPLAIN);
    const e = analysis.explanations.find((x) => x.projectId === "E")!;
    expect(e.status).toBe("infeasible");
    expect(e.loss).toBeNull();
    expect(e.blockedBy).toHaveLength(1);
    expect(e.blockedBy![0]).toMatchObject({ constraint: "budget_2027_01", kind: "budget", month: 0, limit: 10 });
    expect(e.blockedBy![0]!.amount).toBeCloseTo(1, 6);
  });

  it("prices the binding monthly budget and not the slack one", async () => {
    const analysis = await analyzeScenario(explanationScenario(), EXPLAIN);
    const prices = new Map(analysis.shadowPrices.map((p) => [p.constraint, p]));
    // LP relaxation: the whole month-1 budget goes to E (best value per cost), 20 per 11.
    expect(prices.get("budget_2027_01")).toMatchObject({ kind: "budget", month: 0 });
    expect(prices.get("budget_2027_01")!.price).toBeCloseTo(20 / 11, 6);
    expect(prices.get("budget_2027_02")?.price ?? 0).toBe(0);
    expect(analysis.isPartial).toBeUndefined();
  });
});

describe("infeasible scenarios", () => {
  it("says the mandatory projects need 50 more budget in 2027-03", async () => {
    const scenario = makeScenario({
      horizonMonths: 3,
      firstMonth: "2027-01",
      projects: [
        makeProject({ id: "M1", costByMonth: [80], mandatory: true, earliestStart: 2, latestStart: 2 }),
        makeProject({ id: "M2", costByMonth: [70], mandatory: true, earliestStart: 1, latestStart: 2 }),
        makeProject({ id: "L", costByMonth: [60, 90], durationMonths: 2, lockedStart: 0 }),
        makeProject({ id: "X", costByMonth: [5] }),
      ],
      constraints: { budgetByMonth: [100, 100, 100] },
    });
    const analysis = await analyzeScenario(scenario, EXPLAIN);
    expect(analysis.status).toBe("infeasible");
    expect(analysis.objective).toBeNull();
    expect(analysis.relaxations).toHaveLength(1);
    expect(analysis.relaxations[0]).toMatchObject({ constraint: "budget_2027_03", kind: "budget", month: 2 });
    expect(analysis.relaxations[0]!.amount).toBeCloseTo(50, 6);
    expect(analysis.starts).toEqual({});
    expect(analysis.usage).toBeNull();
    expect(analysis.explanations).toEqual([]);
    expect(analysis.greedy.byValue.isFeasible).toBe(false);
  });
});

describe("frontier", () => {
  const budgetTotal = 20;
  const scenario = () =>
    makeScenario({
      horizonMonths: 2,
      roles: [],
      projects: [
        makeProject({ id: "P1", value: 12, durationMonths: 2, costByMonth: [5, 3] }),
        makeProject({ id: "P2", value: 9, costByMonth: [6], earliestStart: 0, latestStart: 1 }),
        makeProject({ id: "P3", value: 7, costByMonth: [4] }),
        makeProject({ id: "P4", value: 5, durationMonths: 2, costByMonth: [3, 2] }),
        makeProject({ id: "P5", value: 3, costByMonth: [2] }),
      ],
      constraints: { budgetTotal },
    });

  it("gives the brute-force optimum at each budget, never falling as the budget grows", async () => {
    const progress: AnalysisProgress[] = [];
    const analysis = await analyzeScenario(scenario(), { ...EXPLAIN, onProgress: (p) => progress.push(p) });
    expect(analysis.status).toBe("optimal");
    const fractions = [0.6, 0.7, 0.8, 0.9, 1.0, 1.1, 1.2, 1.3, 1.4];
    expect(analysis.frontier.map((p) => p.fraction)).toEqual(fractions);
    analysis.frontier.forEach((point, i) => {
      expect(point.status).toBe("optimal");
      expect(point.budgetTotal).toBeCloseTo(budgetTotal * point.fraction, 9);
      const s = scenario();
      const best = solveByBruteForce({ ...s, constraints: { budgetTotal: budgetTotal * point.fraction } })!;
      expect(point.value).toBeCloseTo(best.value, 9);
      if (i > 0) expect(point.value!).toBeGreaterThanOrEqual(analysis.frontier[i - 1]!.value!);
    });
    expect(analysis.frontier[0]!.value!).toBeLessThan(analysis.frontier[8]!.value!);
    const full = analysis.frontier[4]!;
    expect(full.value).toBe(analysis.objective);
    expect(full.projectIds.sort()).toEqual(Object.keys(analysis.starts).sort());

    // Progress: every phase in order, fractions never falling, done at 1.
    const phases = progress.map((p) => p.phase);
    expect(phases.at(-1)).toBe("done");
    expect(progress.at(-1)!.fraction).toBe(1);
    expect(phases.indexOf("explaining")).toBeLessThan(phases.indexOf("frontier"));
    for (let i = 1; i < progress.length; i++) {
      expect(progress[i]!.fraction).toBeGreaterThanOrEqual(progress[i - 1]!.fraction);
    }
    expect(progress.some((p) => p.message === "Explaining 5 of 5")).toBe(true);
  });

  it("is empty when the scenario has no budget limit", async () => {
    const capacityOnly = makeScenario({
      horizonMonths: 1,
      projects: [
        makeProject({ id: "A", demandByRole: { dev: [3] } }),
        makeProject({ id: "B", demandByRole: { dev: [3] } }),
      ],
      constraints: { capacityByRole: { dev: [4] } },
    });
    const analysis = await analyzeScenario(capacityOnly, EXPLAIN);
    expect(analysis.status).toBe("optimal");
    expect(analysis.frontier).toEqual([]);
    expect(analysis.explanations).toHaveLength(2);
    expect(analysis.shadowPrices.map((p) => p.constraint)).toEqual(["capacity_dev_m00"]);
  });
});

describe("cancel", () => {
  it("stops the main solve through the AbortSignal and returns", async () => {
    const controller = new AbortController();
    const started = performance.now();
    const analysis = await analyzeScenario(hardKnapsack(250, 5, 42), {
      timeLimitSeconds: 60,
      mipRelGap: 0,
      explain: true,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.phase === "solving") controller.abort();
      },
    });
    expect(analysis.status).toBe("cancelled");
    expect((performance.now() - started) / 1000).toBeLessThan(15);
    expect(analysis.explanations).toEqual([]);
    expect(analysis.frontier).toEqual([]);
  }, 30_000);

  it("stops explaining and returns what is done, keeping the main solve's status", async () => {
    const controller = new AbortController();
    const analysis = await analyzeScenario(explanationScenario(), {
      ...EXPLAIN,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.message === "Explaining 3 of 5") controller.abort();
      },
    });
    expect(analysis.status).toBe("optimal");
    expect(analysis.starts).toEqual({ A: 0, C: 0 });
    expect(analysis.isPartial).toBe(true);
    expect(analysis.explanations.length).toBeGreaterThanOrEqual(1);
    expect(analysis.explanations.length).toBeLessThan(5);
    expect(analysis.frontier).toEqual([]);
  });
});
