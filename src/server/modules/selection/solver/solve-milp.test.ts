import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { toCplexLp } from "../../../../domain/selection/cplex-lp.js";
import { runGreedyCutLine } from "../../../../domain/selection/greedy-cut-line.js";
import { findInitialSolution } from "../../../../domain/selection/initial-solution.js";
import { evaluateObjective } from "../../../../domain/selection/milp.js";
import { evaluatePortfolio } from "../../../../domain/selection/portfolio-evaluation.js";
import {
  buildSelectionModel,
  readRelaxations,
  readSelection,
  type SelectionModel,
} from "../../../../domain/selection/selection-model.js";
import type { SelectionScenario } from "../../../../domain/selection/selection-scenario.js";
import {
  makeProject,
  makeScenario,
  scenarioArbitrary,
  solveByBruteForce,
} from "../../../../domain/selection/selection-test-support.js";
import {
  combineBounds,
  relativeGap,
  type SolverProgress,
  solveCplexLp,
  solveLpRelaxation,
  solveMilp,
} from "./solve-milp.js";
import { shutdownSolverPool } from "./solver-pool.js";

afterAll(() => shutdownSolverPool());

const EXACT = { timeLimitSeconds: 20, mipRelGap: 0 };

function build(scenario: SelectionScenario, elastic = false): SelectionModel {
  const result = buildSelectionModel(scenario, { elastic });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.model;
}

async function solveScenario(scenario: SelectionScenario) {
  const model = build(scenario);
  const result = await solveMilp(model, EXACT);
  const selection = readSelection(scenario, model, result.values);
  const starts = new Map(selection.selected.map((s) => [s.projectId, s.start]));
  return { result, selection, starts, evaluation: evaluatePortfolio(scenario, starts) };
}

/** A correlated multidimensional knapsack (Chu & Beasley's recipe) as a scenario: month = constraint. */
function knapsackScenario(n: number, m: number, seed: number): SelectionScenario {
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

describe("solveMilp against brute force", () => {
  it("finds the exhaustive optimum of small random scenarios; the greedy cut line never beats it", async () => {
    let feasible = 0;
    await fc.assert(
      fc.asyncProperty(scenarioArbitrary(), async (scenario) => {
        const best = solveByBruteForce(scenario);
        const { result, selection, evaluation } = await solveScenario(scenario);
        if (best === null) {
          expect(result.status).toBe("infeasible");
          return;
        }
        feasible++;
        expect(result.status).toBe("optimal");
        expect(result.objective).toBeCloseTo(best.value, 6);
        expect(selection.value).toBe(best.value);
        expect(evaluation.violations).toEqual([]);
        for (const greedy of Object.values(runGreedyCutLine(scenario))) {
          if (greedy.isFeasible) expect(greedy.value).toBeLessThanOrEqual(result.objective! + 1e-9);
        }
      }),
      { numRuns: 30, seed: 20270301 },
    );
    expect(feasible).toBeGreaterThan(15);
  }, 60_000);
});

describe("each constraint type holds in the solution", () => {
  const cases: { name: string; scenario: SelectionScenario; starts: Record<string, number> }[] = [
    {
      name: "monthly budget",
      scenario: makeScenario({
        horizonMonths: 1,
        projects: [
          makeProject({ id: "A", value: 10, costByMonth: [6] }),
          makeProject({ id: "B", value: 9, costByMonth: [6] }),
          makeProject({ id: "C", value: 2, costByMonth: [4] }),
        ],
        constraints: { budgetByMonth: [10] },
      }),
      starts: { A: 0, C: 0 },
    },
    {
      name: "total budget and capex",
      scenario: makeScenario({
        horizonMonths: 2,
        projects: [
          makeProject({ id: "A", value: 13, costByMonth: [5, 5], durationMonths: 2, capexByMonth: [5, 5] }),
          makeProject({ id: "B", value: 6, costByMonth: [4] }),
          makeProject({ id: "C", value: 6, costByMonth: [4], capexByMonth: [1] }),
        ],
        constraints: { budgetTotal: 10, capexTotal: 2 },
      }),
      starts: { B: 0, C: 0 },
    },
    {
      name: "capacity per role and month",
      scenario: makeScenario({
        horizonMonths: 1,
        projects: [
          makeProject({ id: "A", value: 10, demandByRole: { dev: [2] } }),
          makeProject({ id: "B", value: 6, demandByRole: { dev: [1] } }),
          makeProject({ id: "C", value: 6, demandByRole: { dev: [1], ops: [1] } }),
        ],
        constraints: { capacityByRole: { dev: [2], ops: [1] } },
      }),
      starts: { B: 0, C: 0 },
    },
    {
      name: "dependency with timing",
      scenario: makeScenario({
        horizonMonths: 4,
        projects: [
          makeProject({ id: "A", value: 1, durationMonths: 2, costByMonth: [1, 1], latestStart: 1 }),
          makeProject({ id: "B", value: 20, latestStart: 3 }),
          makeProject({ id: "C", value: 5, latestStart: 0 }),
        ],
        constraints: {
          dependencies: [
            { project: "B", requires: "A", startAfterEnd: true },
            { project: "C", requires: "A", startAfterEnd: true },
          ],
        },
      }),
      starts: { A: 0, B: 2 },
    },
    {
      name: "mutual exclusion group and maximum count",
      scenario: makeScenario({
        horizonMonths: 1,
        projects: ["A:10", "B:9", "C:5", "D:4", "E:3"].map((s) => {
          const [id, value] = s.split(":");
          return makeProject({ id: id!, value: Number(value) });
        }),
        constraints: { exclusionGroups: [{ name: "ab", projects: ["A", "B"] }], maxProjects: 3 },
      }),
      starts: { A: 0, C: 0, D: 0 },
    },
    {
      name: "balance by category",
      scenario: makeScenario({
        horizonMonths: 1,
        projects: [
          makeProject({ id: "G", value: 50, costByMonth: [8], category: "grow" }),
          makeProject({ id: "R1", value: 1, costByMonth: [4], category: "run" }),
          makeProject({ id: "R2", value: 2, costByMonth: [5], category: "run" }),
          makeProject({ id: "T", value: 3, costByMonth: [4], category: "transform" }),
        ],
        constraints: { balance: [{ dimension: "category", key: "run", minShare: 0.5 }] },
      }),
      starts: { G: 0, R1: 0, R2: 0 },
    },
    {
      name: "balance by objective",
      scenario: makeScenario({
        horizonMonths: 1,
        projects: [
          makeProject({ id: "G", value: 50, costByMonth: [8], objectiveShares: { cx: 1 } }),
          makeProject({ id: "H", value: 10, costByMonth: [4], objectiveShares: { cx: 0.5 } }),
          makeProject({ id: "R", value: 1, costByMonth: [8] }),
        ],
        constraints: { balance: [{ dimension: "objective", key: "cx", maxShare: 0.45 }] },
      }),
      starts: { H: 0, R: 0 },
    },
    {
      name: "mandatory, excluded and locked-in projects",
      scenario: makeScenario({
        horizonMonths: 2,
        projects: [
          makeProject({ id: "M", value: 1, costByMonth: [9], mandatory: true, latestStart: 1 }),
          makeProject({ id: "X", value: 99, costByMonth: [1], excluded: true }),
          makeProject({ id: "L", value: 1, costByMonth: [5, 5], durationMonths: 2, lockedStart: -1 }),
          makeProject({ id: "A", value: 10, costByMonth: [6] }),
        ],
        constraints: { budgetByMonth: [11, 10] },
      }),
      starts: { M: 1, L: -1, A: 0 },
    },
    {
      name: "start windows",
      scenario: makeScenario({
        horizonMonths: 3,
        projects: [
          makeProject({ id: "A", value: 5, costByMonth: [10], earliestStart: 1, latestStart: 2 }),
          makeProject({ id: "B", value: 5, costByMonth: [10], earliestStart: 1, latestStart: 1 }),
        ],
        constraints: { budgetByMonth: [10, 10, 10] },
      }),
      starts: { A: 2, B: 1 },
    },
  ];

  it.each(cases)("$name", async ({ scenario, starts }) => {
    const { result, starts: chosen, evaluation } = await solveScenario(scenario);
    expect(result.status).toBe("optimal");
    expect(evaluation.violations).toEqual([]);
    expect(Object.fromEntries(chosen)).toEqual(starts);
    // The unconstrained choice would break the constraint: dropping the constraints changes the answer.
    const free = await solveScenario({ ...scenario, constraints: {} });
    expect(Object.fromEntries(free.starts)).not.toEqual(starts);
  });
});

describe("elastic explanation of infeasible scenarios", () => {
  const explain = async (scenario: SelectionScenario) => {
    expect((await solveMilp(build(scenario), EXACT)).status).toBe("infeasible");
    const model = build(scenario, true);
    const result = await solveMilp(model, EXACT);
    expect(result.status).toBe("optimal");
    return readRelaxations(model, result.values).map((r) => ({ constraint: r.constraint, amount: r.amount }));
  };

  it("says mandatory projects need 50 more budget in 2027-03", async () => {
    const scenario = makeScenario({
      horizonMonths: 3,
      firstMonth: "2027-01",
      projects: [
        makeProject({ id: "M1", costByMonth: [80], mandatory: true, earliestStart: 2, latestStart: 2 }),
        makeProject({ id: "M2", costByMonth: [70], mandatory: true, earliestStart: 1, latestStart: 2 }),
        makeProject({ id: "L", costByMonth: [60, 90], durationMonths: 2, lockedStart: 0 }),
      ],
      constraints: { budgetByMonth: [100, 100, 100] },
    });
    const relaxations = await explain(scenario);
    expect(relaxations).toHaveLength(1);
    expect(relaxations[0]!.constraint).toBe("budget_2027_03");
    expect(relaxations[0]!.amount).toBeCloseTo(50, 6);
  });

  it("names the role and month short of capacity", async () => {
    const scenario = makeScenario({
      horizonMonths: 2,
      projects: [
        makeProject({
          id: "M",
          mandatory: true,
          durationMonths: 2,
          costByMonth: [0, 0],
          demandByRole: { ops: [1, 3] },
        }),
      ],
      constraints: { capacityByRole: { ops: [2, 2] } },
    });
    const relaxations = await explain(scenario);
    expect(relaxations.map((r) => r.constraint)).toEqual(["capacity_ops_m01"]);
    expect(relaxations[0]!.amount).toBeCloseTo(1, 6);
  });

  it("drops one of two mandatory projects that exclude each other", async () => {
    const scenario = makeScenario({
      horizonMonths: 1,
      projects: [makeProject({ id: "A", mandatory: true }), makeProject({ id: "B", mandatory: true })],
      constraints: { exclusionGroups: [{ name: "ab", projects: ["A", "B"] }] },
    });
    const relaxations = await explain(scenario);
    expect(relaxations).toHaveLength(1);
    expect(relaxations[0]!.constraint).toMatch(/^mandatory_[AB]$/);
    expect(relaxations[0]!.amount).toBeCloseTo(1, 6);
  });

  it("says how much spend a balance minimum is short", async () => {
    const scenario = makeScenario({
      horizonMonths: 1,
      projects: [
        makeProject({ id: "R", costByMonth: [10], category: "run", lockedStart: 0 }),
        makeProject({ id: "G", costByMonth: [2], category: "grow", mandatory: true }),
      ],
      constraints: { balance: [{ dimension: "category", key: "grow", minShare: 0.5 }] },
    });
    const relaxations = await explain(scenario);
    expect(relaxations.map((r) => r.constraint)).toEqual(["balance_category_grow_min"]);
    expect(relaxations[0]!.amount).toBeCloseTo(0.5 * 12 - 2, 6);
  });
});

describe("CPLEX-LP text", () => {
  it("reads back in HiGHS with the same optimum", async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArbitrary(), fc.boolean(), async (scenario, elastic) => {
        const model = build(scenario, elastic);
        const direct = await solveMilp(model, EXACT);
        const fromText = await solveCplexLp(toCplexLp(model), EXACT);
        expect(fromText.status).toBe(direct.status);
        if (direct.objective !== null) expect(fromText.objective).toBeCloseTo(direct.objective, 6);
      }),
      { numRuns: 12, seed: 7 },
    );
  }, 60_000);
});

describe("LP relaxation", () => {
  it("gives shadow prices that predict the objective change of a budget increase", async () => {
    const scenario = (budget: number) =>
      makeScenario({
        horizonMonths: 1,
        projects: [
          makeProject({ id: "A", value: 10, costByMonth: [6] }),
          makeProject({ id: "B", value: 9, costByMonth: [6] }),
        ],
        constraints: { budgetByMonth: [budget], capacityByRole: { dev: [5] } },
      });
    const lp = await solveLpRelaxation(build(scenario(10)), { timeLimitSeconds: 10 });
    expect(lp.status).toBe("optimal");
    expect(lp.objective).toBeCloseTo(10 + (4 / 6) * 9, 9);
    expect(lp.shadowPrices.budget_m00).toBeCloseTo(9 / 6, 9);
    expect(lp.values.x_B_m00).toBeCloseTo(4 / 6, 9);
    const more = await solveLpRelaxation(build(scenario(11)), { timeLimitSeconds: 10 });
    expect(more.objective! - lp.objective!).toBeCloseTo(lp.shadowPrices.budget_m00!, 9);
  });
});

describe("limits, cancel, progress and errors", () => {
  const hard = build(knapsackScenario(250, 5, 42));

  it("stops at the time limit with an incumbent, a bound and a gap", async () => {
    const progress: SolverProgress[] = [];
    const result = await solveMilp(hard, {
      timeLimitSeconds: 1,
      mipRelGap: 0,
      progressIntervalMs: 50,
      onProgress: (p) => progress.push(p),
    });
    expect(result.status).toBe("time_limit");
    expect(result.objective).not.toBeNull();
    expect(result.bound!).toBeGreaterThan(result.objective!);
    expect(result.gapPct!).toBeGreaterThan(0);
    expect(Object.keys(result.values)).toHaveLength(hard.variables.length);
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.some((p) => p.objective !== null)).toBe(true);
  }, 30_000);

  it("cancels through the AbortSignal, keeping the incumbent", async () => {
    const controller = new AbortController();
    const pending = solveMilp(hard, {
      timeLimitSeconds: 60,
      mipRelGap: 0,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.objective !== null) controller.abort();
      },
    });
    const result = await pending;
    expect(result.status).toBe("cancelled");
    expect(result.objective).not.toBeNull();
    expect(result.seconds).toBeLessThan(20);
  }, 30_000);

  it("returns at once for an already-aborted signal and for a model with nothing to choose", async () => {
    const controller = new AbortController();
    controller.abort();
    expect((await solveMilp(hard, { ...EXACT, signal: controller.signal })).status).toBe("cancelled");
    const empty = build(makeScenario({ projects: [makeProject({ id: "X", excluded: true })] }));
    expect(await solveMilp(empty, EXACT)).toMatchObject({ status: "optimal", objective: 0, values: {} });
  });

  it("starts from a given feasible solution", async () => {
    const scenario = knapsackScenario(250, 5, 42);
    const model = build(scenario);
    const start = findInitialSolution(scenario, model, { maxWork: 2_000_000 });
    expect(start).not.toBeNull();
    const result = await solveMilp(model, { timeLimitSeconds: 0.5, mipRelGap: 0, initialValues: start!.values });
    expect(["time_limit", "optimal", "feasible"]).toContain(result.status);
    expect(result.objective!).toBeGreaterThanOrEqual(start!.objective - 1e-6);
  }, 30_000);

  it("reports a solver failure as an error value", async () => {
    const result = await solveMilp(hard, { ...EXACT, highsOptions: { no_such_option: 1 } });
    expect(result.status).toBe("error");
    expect(result.message).toMatch(/^HiGHS option no_such_option: /);
    // The pool recovers: the next solve works.
    expect((await solveMilp(build(knapsackScenario(8, 2, 1)), EXACT)).status).toBe("optimal");
  });
});

describe("parallel solve (parallelism 2)", () => {
  const hard = build(knapsackScenario(250, 5, 42));
  const PARALLEL = { ...EXACT, parallelism: 2 };

  it("combines lanes: best incumbent, tightest bound, gap recomputed as HiGHS does", () => {
    expect(relativeGap(100, 110)).toBeCloseTo(0.1, 12);
    expect(relativeGap(-50, -40)).toBeCloseTo(0.2, 12);
    expect(relativeGap(0, 0)).toBe(0);
    expect(relativeGap(0, 1)).toBeNull();
    expect(relativeGap(null, 3)).toBeNull();
    const max = combineBounds("maximize", [
      { objective: 90, bound: 120 },
      { objective: 95, bound: null },
      { objective: null, bound: 110 },
    ]);
    expect(max).toEqual({ objective: 95, bound: 110, gap: 15 / 95, bestIndex: 1 });
    const min = combineBounds("minimize", [
      { objective: 12, bound: 8 },
      { objective: 11, bound: 9 },
    ]);
    expect(min).toEqual({ objective: 11, bound: 9, gap: 2 / 11, bestIndex: 1 });
  });

  it("finds the exhaustive optimum (or proves infeasibility) with HiGHS + genetic and with two HiGHS lanes", async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArbitrary(), fc.boolean(), async (scenario, twoHighs) => {
        const model = build(scenario);
        const best = solveByBruteForce(scenario);
        const result = await solveMilp(model, {
          ...PARALLEL,
          ...(twoHighs ? { lanes: [{ kind: "highs" }, { kind: "highs" }] } : {}),
        });
        if (best === null) {
          expect(result.status).toBe("infeasible");
          return;
        }
        expect(result.status).toBe("optimal");
        expect(result.objective).toBeCloseTo(best.value, 6);
        expect(result.gapPct).toBeLessThanOrEqual(1e-4);
        const starts = new Map(
          readSelection(scenario, model, result.values).selected.map((s) => [s.projectId, s.start]),
        );
        expect(evaluatePortfolio(scenario, starts).violations).toEqual([]);
      }),
      { numRuns: 20, seed: 20261126 },
    );
  }, 120_000);

  it("stops at the time limit with the best incumbent of both lanes and a proven bound", async () => {
    const progress: SolverProgress[] = [];
    const single = await solveMilp(hard, { timeLimitSeconds: 1.5, mipRelGap: 0 });
    const result = await solveMilp(hard, {
      timeLimitSeconds: 1.5,
      mipRelGap: 0,
      parallelism: 2,
      progressIntervalMs: 50,
      onProgress: (p) => progress.push(p),
    });
    expect(result.status).toBe("time_limit");
    expect(result.seconds).toBeLessThan(10);
    expect(result.bound!).toBeGreaterThanOrEqual(result.objective!);
    expect(result.gapPct!).toBeCloseTo(relativeGap(result.objective, result.bound)! * 100, 9);
    expect(result.objective).toBeCloseTo(evaluateObjective(hard, result.values), 6);
    expect(Object.keys(result.values)).toHaveLength(hard.variables.length);
    // Both bounds are proofs for the same model: neither cuts below the other's incumbent.
    expect(result.bound!).toBeGreaterThanOrEqual(single.objective! - 1e-6);
    expect(single.bound!).toBeGreaterThanOrEqual(result.objective! - 1e-6);
    expect(progress.some((p) => p.objective !== null && p.bound !== null)).toBe(true);
  }, 30_000);

  it("ends every lane as soon as the shared gap reaches mipRelGap", async () => {
    const result = await solveMilp(hard, { timeLimitSeconds: 30, mipRelGap: 0.05, parallelism: 2 });
    expect(result.status).toBe("feasible");
    expect(result.gapPct!).toBeLessThanOrEqual(5);
    expect(result.seconds).toBeLessThan(20);
  }, 40_000);

  it("cancels through the AbortSignal, keeping the incumbent", async () => {
    const controller = new AbortController();
    const result = await solveMilp(hard, {
      timeLimitSeconds: 60,
      mipRelGap: 0,
      parallelism: 2,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.objective !== null) controller.abort();
      },
    });
    expect(result.status).toBe("cancelled");
    expect(result.objective).not.toBeNull();
    expect(result.seconds).toBeLessThan(20);
  }, 30_000);

  it("reports an error only when every HiGHS lane fails", async () => {
    const small = build(knapsackScenario(8, 2, 1));
    const bad = { kind: "highs" as const, highsOptions: { no_such_option: 1 } };
    const oneBad = await solveMilp(small, { ...PARALLEL, lanes: [bad, { kind: "highs" }] });
    expect(oneBad.status).toBe("optimal");
    const allBad = await solveMilp(small, { ...PARALLEL, lanes: [bad, { kind: "genetic" }] });
    expect(allBad.status).toBe("error");
    expect(allBad.message).toMatch(/^HiGHS option no_such_option: /);
  }, 30_000);
});
