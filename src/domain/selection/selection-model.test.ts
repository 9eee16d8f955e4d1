import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { constraintActivity, evaluateObjective } from "./milp.js";
import { evaluatePortfolio } from "./portfolio-evaluation.js";
import { buildSelectionModel, readRelaxations, readSelection, type SelectionModel } from "./selection-model.js";
import type { SelectionScenario } from "./selection-scenario.js";
import { makeProject, makeScenario, scenarioArbitrary } from "./selection-test-support.js";

function build(scenario: SelectionScenario, elastic = false): SelectionModel {
  const result = buildSelectionModel(scenario, { elastic });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.model;
}

/** Each row as readable text, e.g. `budget_2027_01: 5 x_A_2027_01 + 6 x_B_2027_01 <= 10`. */
function rows(model: SelectionModel): string[] {
  return model.constraints.map((row) => {
    const terms = row.variables.map((j, k) => `${row.coefficients[k]} ${model.variables[j]!.name}`).join(" + ");
    const sides =
      row.lower === row.upper
        ? `= ${row.upper}`
        : [row.lower > -Infinity ? `>= ${row.lower}` : "", row.upper < Infinity ? `<= ${row.upper}` : ""]
            .filter(Boolean)
            .join(" ");
    return `${row.name}: ${terms} ${sides}`;
  });
}

const example = makeScenario({
  horizonMonths: 3,
  firstMonth: "2027-01",
  roles: ["developer"],
  projects: [
    makeProject({
      id: "A",
      value: 10,
      durationMonths: 2,
      costByMonth: [5, 4],
      capexByMonth: [5, 0],
      demandByRole: { developer: [1, 2] },
      earliestStart: 0,
      latestStart: 1,
      category: "grow",
    }),
    makeProject({ id: "B", value: 8, costByMonth: [6], earliestStart: 1, latestStart: 2, category: "run" }),
    makeProject({ id: "C", value: 7, costByMonth: [3], mandatory: true, category: "run" }),
    makeProject({ id: "D", value: 9, costByMonth: [2, 2], durationMonths: 2, lockedStart: -1, category: "run" }),
    makeProject({ id: "E", value: 99, excluded: true }),
  ],
  constraints: {
    budgetByMonth: [10, null, 10],
    budgetTotal: 25,
    capexByMonth: [4, 4, 4],
    capacityByRole: { developer: [2, 2, 2] },
    dependencies: [{ project: "B", requires: "A", startAfterEnd: true }],
    exclusionGroups: [{ name: "either C or B", projects: ["B", "C"] }],
    maxProjects: 3,
    balance: [{ dimension: "category", key: "run", minShare: 0.5 }],
  },
});

describe("buildSelectionModel", () => {
  it("builds the time-indexed model of a worked example, row by row", () => {
    const model = build(example);
    expect(model.sense).toBe("maximize");
    expect(model.variables.map((v) => `${v.name}[${v.lower},${v.upper}]=${v.objective}`)).toEqual([
      "x_A_2027_01[0,1]=10",
      "x_A_2027_02[0,1]=10",
      "x_B_2027_02[0,1]=8",
      "x_B_2027_03[0,1]=8",
      "x_C_2027_01[0,1]=7",
      "x_D_2026_12[1,1]=9",
    ]);
    expect(rows(model)).toEqual([
      "once_A: 1 x_A_2027_01 + 1 x_A_2027_02 <= 1",
      "once_B: 1 x_B_2027_02 + 1 x_B_2027_03 <= 1",
      "mandatory_C: 1 x_C_2027_01 = 1",
      "budget_2027_01: 5 x_A_2027_01 + 3 x_C_2027_01 + 2 x_D_2026_12 <= 10",
      "budget_2027_03: 4 x_A_2027_02 + 6 x_B_2027_03 <= 10",
      "capex_2027_01: 5 x_A_2027_01 <= 4",
      "capex_2027_02: 5 x_A_2027_02 <= 4",
      "capacity_developer_2027_01: 1 x_A_2027_01 <= 2",
      "capacity_developer_2027_02: 2 x_A_2027_01 + 1 x_A_2027_02 <= 2",
      "capacity_developer_2027_03: 2 x_A_2027_02 <= 2",
      "budget_total: 9 x_A_2027_01 + 9 x_A_2027_02 + 6 x_B_2027_02 + 6 x_B_2027_03 + 3 x_C_2027_01 + 2 x_D_2026_12 <= 25",
      "dep_B_needs_A: 1 x_B_2027_02 + 1 x_B_2027_03 + -1 x_A_2027_01 + -1 x_A_2027_02 <= 0",
      "dep_B_after_A_2027_02: 1 x_B_2027_02 <= 0",
      "dep_B_after_A_2027_03: 1 x_B_2027_03 + -1 x_A_2027_01 <= 0",
      "excl_either_C_or_B: 1 x_B_2027_02 + 1 x_B_2027_03 + 1 x_C_2027_01 <= 1",
      "max_projects: 1 x_A_2027_01 + 1 x_A_2027_02 + 1 x_B_2027_02 + 1 x_B_2027_03 + 1 x_C_2027_01 + 1 x_D_2026_12 <= 3",
      "balance_category_run_min: -4.5 x_A_2027_01 + -4.5 x_A_2027_02 + 3 x_B_2027_02 + 3 x_B_2027_03 + 1.5 x_C_2027_01 + 1 x_D_2026_12 >= 0",
    ]);
  });

  it("returns the validation problems instead of a model", () => {
    const result = buildSelectionModel(makeScenario({ projects: [makeProject({ id: "A", costByMonth: [-1] })] }));
    expect(result).toEqual({
      ok: false,
      problems: [
        { field: "projects[0].costByMonth[0]", code: "negative", message: "a cost must not be negative (got -1)" },
      ],
    });
  });

  it("splits capex and opex and attributes spend to objectives by share", () => {
    const model = build(
      makeScenario({
        horizonMonths: 1,
        projects: [
          makeProject({ id: "A", costByMonth: [10], capexByMonth: [4], objectiveShares: { growth: 0.5 } }),
          makeProject({ id: "B", costByMonth: [6] }),
        ],
        constraints: {
          opexByMonth: [7],
          opexTotal: 7,
          capexTotal: 3,
          balance: [{ dimension: "objective", key: "growth", maxShare: 0.25 }],
        },
      }),
    );
    expect(rows(model)).toEqual([
      "opex_m00: 6 x_A_m00 + 6 x_B_m00 <= 7",
      "capex_total: 4 x_A_m00 <= 3",
      "opex_total: 6 x_A_m00 + 6 x_B_m00 <= 7",
      "balance_objective_growth_max: 2.5 x_A_m00 + -1.5 x_B_m00 <= 0",
    ]);
  });

  it("makes every start variable's objective its project's value and nothing else", () => {
    fc.assert(
      fc.property(scenarioArbitrary(), (scenario) => {
        const model = build(scenario);
        const all = Object.fromEntries(model.variables.map((v) => [v.name, 1]));
        const byId = new Map(scenario.projects.map((p) => [p.id, p]));
        let expected = 0;
        for (const v of model.variables) {
          if (v.meta?.kind === "start") expected += byId.get(v.meta.project)!.value;
        }
        expect(evaluateObjective(model, all)).toBe(expected);
      }),
      { numRuns: 50 },
    );
  });

  it("agrees with the evaluator on every portfolio: feasible for the model ⇔ no violation", () => {
    // For random scenarios and random start assignments, the model's rows hold exactly when the
    // scenario evaluator finds no violation (mandatory/locked/window rules included).
    let feasibleSeen = 0;
    let infeasibleSeen = 0;
    fc.assert(
      fc.property(
        scenarioArbitrary(),
        fc.infiniteStream(fc.double({ min: 0, max: 1, noNaN: true })),
        (scenario, rnd) => {
          const model = build(scenario);
          const iterator = rnd[Symbol.iterator]();
          for (let trial = 0; trial < 20; trial++) {
            const starts = new Map<string, number>();
            for (const p of scenario.projects) {
              if (p.excluded) continue;
              if (p.lockedStart !== undefined) {
                starts.set(p.id, p.lockedStart);
                continue;
              }
              const r = iterator.next().value as number;
              const span = p.latestStart - p.earliestStart + 1;
              const pick = Math.floor(r * (span + (p.mandatory ? 0 : 1)));
              if (pick < span) starts.set(p.id, p.earliestStart + pick);
            }
            const values: Record<string, number> = {};
            for (const v of model.variables) {
              if (v.meta?.kind === "start") values[v.name] = starts.get(v.meta.project) === v.meta.month ? 1 : 0;
            }
            const modelFeasible = model.constraints.every((row) => {
              const a = constraintActivity(model, row, values);
              return a >= row.lower - 1e-9 && a <= row.upper + 1e-9;
            });
            const evaluation = evaluatePortfolio(scenario, starts);
            expect(modelFeasible).toBe(evaluation.violations.length === 0);
            if (modelFeasible) feasibleSeen++;
            else infeasibleSeen++;
            expect(readSelection(scenario, model, values).value).toBe(evaluation.value);
          }
        },
      ),
      { numRuns: 60 },
    );
    expect(feasibleSeen).toBeGreaterThan(50);
    expect(infeasibleSeen).toBeGreaterThan(50);
  });
});

describe("elastic model", () => {
  it("adds one penalized slack per budget, capacity, balance, mandatory and max-projects row", () => {
    const model = build(example, true);
    const slacks = model.variables.filter((v) => v.meta?.kind === "slack");
    expect(slacks.map((v) => v.name)).toEqual([
      "slack_mandatory_C",
      "slack_budget_2027_01",
      "slack_budget_2027_03",
      "slack_capex_2027_01",
      "slack_capex_2027_02",
      "slack_capacity_developer_2027_01",
      "slack_capacity_developer_2027_02",
      "slack_capacity_developer_2027_03",
      "slack_budget_total",
      "slack_max_projects",
      "slack_balance_category_run_min",
    ]);
    // Relative penalties: per unit of slack ÷ max(limit, largest coefficient).
    expect(model.variables.find((v) => v.name === "slack_budget_2027_01")!.objective).toBeCloseTo(-1 / 10, 12);
    expect(model.variables.find((v) => v.name === "slack_capex_2027_01")!.objective).toBeCloseTo(-1 / 5, 12);
    expect(model.variables.find((v) => v.name === "slack_mandatory_C")).toMatchObject({ upper: 1, objective: -10 });
    // The value no longer counts: the elastic model finds the smallest relaxation.
    expect(model.variables.filter((v) => v.meta?.kind === "start").every((v) => v.objective === 0)).toBe(true);
    const budget = model.constraints.find((r) => r.name === "budget_2027_01")!;
    expect(budget.coefficients.at(-1)).toBe(-1);
    const balance = model.constraints.find((r) => r.name === "balance_category_run_min")!;
    expect(balance.coefficients.at(-1)).toBe(1);
  });

  it("reads the relaxations a solution uses, largest weighted move first", () => {
    const model = build(example, true);
    const relaxations = readRelaxations(model, { slack_budget_2027_01: 3, slack_capacity_developer_2027_02: 1 });
    expect(relaxations).toEqual([
      { constraint: "capacity_developer_2027_02", kind: "capacity", amount: 1, limit: 2, month: 1, role: "developer" },
      { constraint: "budget_2027_01", kind: "budget", amount: 3, limit: 10, month: 0 },
    ]);
  });
});

describe("readSelection", () => {
  it("lists the selected projects with their start months", () => {
    const model = build(example);
    expect(readSelection(example, model, { x_A_2027_02: 1, x_C_2027_01: 0.9999999, x_D_2026_12: 1 })).toEqual({
      selected: [
        { projectId: "A", start: 1, startLabel: "2027_02" },
        { projectId: "C", start: 0, startLabel: "2027_01" },
        { projectId: "D", start: -1, startLabel: "2026_12" },
      ],
      value: 26,
    });
  });
});
