import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rank, runGreedy, runGreedyCutLine } from "./greedy-cut-line.js";
import { makeProject, makeScenario, scenarioArbitrary, solveByBruteForce } from "./selection-test-support.js";

describe("runGreedyCutLine", () => {
  // Three one-month projects that each use a whole month's budget: the cut line puts every one at
  // its earliest start and fits one; the optimum staggers them over the window.
  const staggered = makeScenario({
    horizonMonths: 3,
    projects: [
      makeProject({ id: "A", value: 9, costByMonth: [10], latestStart: 2 }),
      makeProject({ id: "B", value: 8, costByMonth: [10], latestStart: 2 }),
      makeProject({ id: "C", value: 7, costByMonth: [10], latestStart: 2 }),
      makeProject({ id: "D", value: 12, durationMonths: 2, costByMonth: [10, 10], latestStart: 1 }),
    ],
    constraints: { budgetByMonth: [10, 10, 10] },
  });

  it("ranks by value ÷ cost and by value, taking each project at its earliest start", () => {
    const { byValuePerCost, byValue } = runGreedyCutLine(staggered);
    expect([...byValuePerCost.starts]).toEqual([["A", 0]]);
    expect(byValuePerCost.value).toBe(9);
    expect([...byValue.starts]).toEqual([["D", 0]]);
    expect(byValue.value).toBe(12);
    expect(byValuePerCost.isFeasible && byValue.isFeasible).toBe(true);
    // What the optimizer can do by choosing start months: A, B and C in different months.
    expect(solveByBruteForce(staggered)?.value).toBe(24);
  });

  it("puts locked-in and mandatory projects first, then respects groups, dependencies and the count", () => {
    const scenario = makeScenario({
      horizonMonths: 2,
      projects: [
        makeProject({ id: "L", value: 1, costByMonth: [4], lockedStart: 0 }),
        makeProject({ id: "M", value: 1, costByMonth: [4], mandatory: true, earliestStart: 1, latestStart: 1 }),
        makeProject({ id: "X", value: 50, costByMonth: [1] }),
        makeProject({ id: "Y", value: 40, costByMonth: [1] }),
        makeProject({ id: "N", value: 60, costByMonth: [1] }),
        makeProject({ id: "W", value: 30, costByMonth: [1] }),
        makeProject({ id: "Z", value: 5, costByMonth: [1] }),
      ],
      constraints: {
        budgetByMonth: [10, 10],
        exclusionGroups: [{ name: "xy", projects: ["X", "Y"] }],
        dependencies: [{ project: "N", requires: "W" }],
        maxProjects: 5,
      },
    });
    const greedy = runGreedy(scenario, "value");
    // N (needs W, not yet taken) is skipped; X beats Y in their group; W; then the count is full.
    expect([...greedy.starts.keys()]).toEqual(["L", "M", "X", "W", "Z"]);
    expect(greedy.isFeasible).toBe(true);
    expect(runGreedy(scenario, "value", { stopAtFirstMisfit: true }).starts.size).toBe(2);
  });

  it("reports the violations of forced projects and of balance rules instead of hiding them", () => {
    const scenario = makeScenario({
      horizonMonths: 1,
      projects: [
        makeProject({ id: "M", costByMonth: [12], mandatory: true, category: "run" }),
        makeProject({ id: "G", value: 90, costByMonth: [0], category: "grow" }),
      ],
      constraints: { budgetByMonth: [10], balance: [{ dimension: "category", key: "grow", minShare: 0.2 }] },
    });
    const greedy = runGreedy(scenario, "value_per_cost");
    expect(greedy.isFeasible).toBe(false);
    expect(greedy.violations.map((v) => [v.constraint, v.amount])).toEqual([
      ["budget_m00", 2],
      ["balance_category_grow_min", 12 * 0.2],
    ]);
  });

  it("never beats the exhaustive optimum when its portfolio is feasible", () => {
    let compared = 0;
    fc.assert(
      fc.property(scenarioArbitrary(5_000), (scenario) => {
        const best = solveByBruteForce(scenario);
        for (const greedy of Object.values(runGreedyCutLine(scenario))) {
          if (!greedy.isFeasible) continue;
          expect(best).not.toBeNull();
          expect(greedy.value).toBeLessThanOrEqual(best!.value);
          compared++;
        }
      }),
      { numRuns: 60 },
    );
    expect(compared).toBeGreaterThan(40);
  });

  it("only fails on balance or on what forced projects already break", () => {
    fc.assert(
      fc.property(scenarioArbitrary(5_000), (scenario) => {
        const forcedOnly = runGreedy(
          {
            ...scenario,
            projects: scenario.projects.map((p) =>
              p.mandatory || p.lockedStart !== undefined ? p : { ...p, excluded: true },
            ),
          },
          "value",
        );
        const forcedBreaks = new Set(forcedOnly.violations.map((v) => v.constraint));
        const forced = new Set(
          scenario.projects.filter((p) => p.mandatory || p.lockedStart !== undefined).map((p) => p.id),
        );
        for (const greedy of Object.values(runGreedyCutLine(scenario))) {
          for (const v of greedy.violations) {
            const explained =
              v.kind === "balance_min" ||
              v.kind === "balance_max" ||
              forcedBreaks.has(v.constraint) ||
              (v.project !== undefined && forced.has(v.project)); // e.g. a mandatory project's dependency timing
            expect(explained, `${v.constraint} ${v.amount}`).toBe(true);
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe("rank", () => {
  it("orders by ratio with zero-cost projects first and ties by value then id", () => {
    const projects = [
      makeProject({ id: "b", value: 4, costByMonth: [2] }),
      makeProject({ id: "a", value: 4, costByMonth: [2] }),
      makeProject({ id: "free", value: 1, costByMonth: [0] }),
      makeProject({ id: "big", value: 8, costByMonth: [4] }),
    ];
    expect(rank(projects, "value_per_cost").map((p) => p.id)).toEqual(["free", "big", "a", "b"]);
    expect(rank(projects, "value").map((p) => p.id)).toEqual(["big", "a", "b", "free"]);
  });
});
