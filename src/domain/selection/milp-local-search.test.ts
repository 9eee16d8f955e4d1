import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findInitialSolution, portfolioToValues } from "./initial-solution.js";
import { constraintActivity, evaluateObjective } from "./milp.js";
import { improveSolution } from "./milp-local-search.js";
import { buildSelectionModel, type SelectionModel } from "./selection-model.js";
import type { SelectionScenario } from "./selection-scenario.js";
import { makeProject, makeScenario, scenarioArbitrary, solveByBruteForce } from "./selection-test-support.js";

function build(scenario: SelectionScenario): SelectionModel {
  const result = buildSelectionModel(scenario);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.model;
}

const isFeasible = (model: SelectionModel, values: Record<string, number>) =>
  model.constraints.every((row) => {
    const a = constraintActivity(model, row, values);
    return a >= row.lower - 1e-9 && a <= row.upper + 1e-9;
  });

describe("improveSolution", () => {
  it("staggers start months to fit more projects than the greedy start", () => {
    const scenario = makeScenario({
      horizonMonths: 3,
      projects: ["A:9", "B:8", "C:7"].map((s) => {
        const [id, value] = s.split(":");
        return makeProject({ id: id!, value: Number(value), costByMonth: [10], latestStart: 2 });
      }),
      constraints: { budgetByMonth: [10, 10, 10] },
    });
    const model = build(scenario);
    const start = portfolioToValues(model, new Map([["A", 0]]));
    const improved = improveSolution(model, start, { maxWork: 10_000 });
    expect(improved?.objective).toBe(24);
  });

  it("refuses an infeasible start", () => {
    const model = build(
      makeScenario({
        horizonMonths: 1,
        projects: [makeProject({ id: "A", costByMonth: [5] })],
        constraints: { budgetByMonth: [4] },
      }),
    );
    expect(improveSolution(model, [1])).toBeNull();
  });

  it("stays feasible, never loses value, never beats brute force, and is deterministic", () => {
    let improvedSome = 0;
    fc.assert(
      fc.property(scenarioArbitrary(2_000), (scenario) => {
        const model = build(scenario);
        const first = findInitialSolution(scenario, model, { maxWork: 50_000, maxStall: 200 });
        const best = solveByBruteForce(scenario);
        if (first === null) return;
        expect(isFeasible(model, first.values)).toBe(true);
        expect(first.objective).toBe(evaluateObjective(model, first.values));
        expect(best).not.toBeNull();
        expect(first.objective).toBeLessThanOrEqual(best!.value);
        expect(findInitialSolution(scenario, model, { maxWork: 50_000, maxStall: 200 })).toEqual(first);
        if (first.objective === best!.value) improvedSome++;
      }),
      { numRuns: 30 },
    );
    expect(improvedSome).toBeGreaterThan(10);
  }, 30_000);
});
