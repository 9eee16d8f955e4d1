import { describe, expect, it } from "vitest";
import { evaluatePortfolio } from "./portfolio-evaluation.js";
import { makeProject, makeScenario } from "./selection-test-support.js";

describe("evaluatePortfolio", () => {
  const scenario = makeScenario({
    horizonMonths: 3,
    firstMonth: "2027-01",
    roles: ["dev"],
    projects: [
      makeProject({
        id: "A",
        value: 5,
        durationMonths: 2,
        costByMonth: [6, 4],
        capexByMonth: [6, 0],
        demandByRole: { dev: [2, 1] },
        latestStart: 2,
        category: "grow",
      }),
      makeProject({ id: "B", value: 3, costByMonth: [5], latestStart: 2, category: "run" }),
      makeProject({ id: "M", value: 1, costByMonth: [1], mandatory: true, category: "run" }),
      makeProject({ id: "X", value: 9, costByMonth: [1], excluded: true }),
      makeProject({ id: "L", value: 2, costByMonth: [1, 1], durationMonths: 2, lockedStart: -1, category: "run" }),
    ],
    constraints: {
      budgetByMonth: [10, 8, null],
      budgetTotal: 20,
      capexTotal: 5,
      opexByMonth: [5, 5, 5],
      capacityByRole: { dev: [1, 1, 1] },
      dependencies: [{ project: "B", requires: "A", startAfterEnd: true }],
      exclusionGroups: [{ name: "AB", projects: ["A", "B"] }],
      maxProjects: 3,
      balance: [{ dimension: "category", key: "run", minShare: 0.5, maxShare: 0.9 }],
    },
  });

  it("sums value and use by month, counting only months inside the horizon", () => {
    const evaluation = evaluatePortfolio(
      scenario,
      new Map([
        ["A", 1],
        ["M", 0],
        ["L", -1],
      ]),
    );
    expect(evaluation.value).toBe(8);
    expect(evaluation.spendByMonth).toEqual([2, 6, 4]);
    expect(evaluation.capexByMonth).toEqual([0, 6, 0]);
    expect(evaluation.opexByMonth).toEqual([2, 0, 4]);
    expect(evaluation.demandByRole).toEqual({ dev: [0, 2, 1] });
    expect(evaluation.violations.map((v) => [v.constraint, v.amount])).toEqual([
      ["capex_total", 1],
      ["capacity_dev_2027_02", 1],
      ["balance_category_run_min", 12 * 0.5 - 2],
    ]);
  });

  it("names every broken rule with the model's constraint names and amounts", () => {
    const evaluation = evaluatePortfolio(
      scenario,
      new Map([
        ["A", 0],
        ["B", 1],
        ["X", 0],
        ["L", 0],
      ]),
    );
    expect(evaluation.violations.map((v) => [v.constraint, v.kind, v.amount])).toEqual([
      ["mandatory_M", "mandatory", 1],
      ["excluded_X", "excluded", 1],
      ["locked_L", "locked", 1],
      ["budget_2027_02", "budget", 2],
      ["opex_2027_02", "opex", 5],
      ["capex_total", "capex_total", 1],
      ["capacity_dev_2027_01", "capacity", 1],
      ["dep_B_after_A_2027_02", "dependency_timing", 1],
      ["excl_AB", "exclusion", 1],
      ["max_projects", "max_projects", 1],
      ["balance_category_run_min", "balance_min", 2],
    ]);
    expect(evaluation.value).toBe(5 + 3 + 9 + 2);
  });
});
