import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findInitialSolution, portfolioToValues } from "./initial-solution.js";
import { constraintActivity, evaluateObjective, type MilpModel } from "./milp.js";
import { geneticSearch } from "./milp-genetic-search.js";
import { buildSelectionModel, type SelectionModel } from "./selection-model.js";
import type { SelectionScenario } from "./selection-scenario.js";
import { makeProject, makeScenario, scenarioArbitrary, solveByBruteForce } from "./selection-test-support.js";

function build(scenario: SelectionScenario): SelectionModel {
  const result = buildSelectionModel(scenario);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.model;
}

const named = (model: MilpModel, values: ArrayLike<number>) =>
  Object.fromEntries(model.variables.map((v, j) => [v.name, values[j]!]));

const isFeasible = (model: MilpModel, values: Record<string, number>) =>
  model.constraints.every((row) => {
    const a = constraintActivity(model, row, values);
    return a >= row.lower - 1e-9 && a <= row.upper + 1e-9;
  });

/** A multidimensional knapsack (one month per constraint) where greedy orders fall short. */
function knapsack(n: number, m: number, seed: number): SelectionScenario {
  let state = seed;
  const random = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
  const weights = Array.from({ length: n }, () => Array.from({ length: m }, () => 1 + Math.floor(random() * 100)));
  return makeScenario({
    horizonMonths: m,
    roles: [],
    projects: weights.map((w, j) =>
      makeProject({
        id: `I${j}`,
        value: Math.floor(w.reduce((a, b) => a + b, 0) / m + 40 * random()),
        durationMonths: m,
        costByMonth: w,
      }),
    ),
    constraints: {
      budgetByMonth: Array.from({ length: m }, (_, i) => Math.floor(0.5 * weights.reduce((s, w) => s + w[i]!, 0))),
    },
  });
}

describe("geneticSearch", () => {
  it("reaches the exhaustive optimum of a correlated knapsack that the greedy start misses", () => {
    const scenario = knapsack(14, 3, 7);
    const model = build(scenario);
    const best = solveByBruteForce(scenario)!;
    const result = geneticSearch(model, [], { maxWork: 2_000_000, populationSize: 30 });
    expect(result).not.toBeNull();
    expect(result!.objective).toBe(best.value);
    expect(isFeasible(model, named(model, result!.values))).toBe(true);
  });

  it("only improves on its seeds and reports each better solution", () => {
    const scenario = knapsack(30, 4, 3);
    const model = build(scenario);
    const seed = portfolioToValues(model, new Map([["I0", 0]]));
    const seedValue = evaluateObjective(model, named(model, seed));
    const improvements: number[] = [];
    const result = geneticSearch(model, [seed], {
      maxWork: 1_000_000,
      onImprove: (values, objective) => {
        expect(objective).toBe(evaluateObjective(model, named(model, values)));
        improvements.push(objective);
      },
    });
    expect(result!.objective).toBeGreaterThan(seedValue);
    expect(improvements.at(-1)).toBe(result!.objective);
    expect([...improvements].sort((a, b) => a - b)).toEqual(improvements);
  });

  it("stops when asked and takes an outside solution into its population", () => {
    const model = build(knapsack(60, 5, 11));
    const long = geneticSearch(model, [], { maxWork: 5_000_000 })!;
    const optimum = long.values;
    const run = (outside: boolean) => {
      let polls = 0;
      const result = geneticSearch(model, [], {
        maxWork: Number.POSITIVE_INFINITY,
        populationSize: 3,
        restartAfter: Number.POSITIVE_INFINITY,
        ...(outside ? { takeSolution: () => (polls === 1 ? optimum : null) } : {}),
        shouldStop: () => ++polls >= 2,
      });
      expect(polls).toBe(2);
      return result!.objective;
    };
    expect(run(false)).toBeLessThan(long.objective); // 256 children alone do not get there
    expect(run(true)).toBe(long.objective);
  });

  it("repairs ≥ rows (a mandatory project, a minimum share) and gives null when nothing is feasible", () => {
    const scenario = makeScenario({
      horizonMonths: 1,
      roles: [],
      projects: [
        makeProject({ id: "A", value: 10, costByMonth: [6], category: "run" }),
        makeProject({ id: "B", value: 9, costByMonth: [5], category: "grow", mandatory: true }),
        makeProject({ id: "C", value: 8, costByMonth: [4], category: "run" }),
      ],
      constraints: { budgetByMonth: [10], balance: [{ dimension: "category", key: "run", minShare: 0.4 }] },
    });
    const model = build(scenario);
    const result = geneticSearch(model, [], { maxWork: 200_000, populationSize: 4 });
    expect(result!.objective).toBe(17); // B + C: A does not fit beside the mandatory B
    const impossible = build({ ...scenario, constraints: { budgetByMonth: [4] } });
    expect(geneticSearch(impossible, [], { maxWork: 200_000 })).toBeNull();
  });

  it("stays feasible, never beats brute force, and is deterministic", () => {
    let optimal = 0;
    let found = 0;
    fc.assert(
      fc.property(scenarioArbitrary(2_000), (scenario) => {
        const model = build(scenario);
        const start = findInitialSolution(scenario, model, { maxWork: 20_000 });
        const seeds = start ? [Float64Array.from(model.variables, (v) => start.values[v.name] ?? 0)] : [];
        const options = { maxWork: 100_000, populationSize: 20 };
        const result = geneticSearch(model, seeds, options);
        const best = solveByBruteForce(scenario);
        if (result === null) return;
        found++;
        const values = named(model, result.values);
        expect(isFeasible(model, values)).toBe(true);
        expect(result.objective).toBe(evaluateObjective(model, values));
        expect(best).not.toBeNull();
        expect(result.objective).toBeLessThanOrEqual(best!.value);
        if (start) expect(result.objective).toBeGreaterThanOrEqual(start.objective);
        expect(geneticSearch(model, seeds, options)).toEqual(result);
        if (result.objective === best!.value) optimal++;
      }),
      { numRuns: 40 },
    );
    expect(found).toBeGreaterThan(20);
    expect(optimal).toBeGreaterThan(found * 0.8);
  }, 60_000);
});
