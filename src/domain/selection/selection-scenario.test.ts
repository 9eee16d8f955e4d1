import { describe, expect, it } from "vitest";
import { allowedStarts, findDependencyCycles, monthLabel, validateScenario } from "./selection-scenario.js";
import { makeProject, makeScenario } from "./selection-test-support.js";

const codesAt = (problems: ReturnType<typeof validateScenario>) => problems.map((p) => `${p.field}:${p.code}`);

describe("validateScenario", () => {
  it("accepts a well-formed scenario", () => {
    const scenario = makeScenario({
      projects: [makeProject({ id: "A", demandByRole: { dev: [2] } }), makeProject({ id: "B", latestStart: 2 })],
      constraints: { budgetByMonth: [5, null, 5], capacityByRole: { dev: [1, 1, 1] }, maxProjects: 1 },
    });
    expect(validateScenario(scenario)).toEqual([]);
  });

  it("names negative costs, demands, budgets and capacities", () => {
    const scenario = makeScenario({
      projects: [makeProject({ id: "A", costByMonth: [-1], demandByRole: { dev: [-2] } })],
      constraints: { budgetByMonth: [1, -5], budgetTotal: -1, capacityByRole: { ops: [1, -1] } },
    });
    expect(codesAt(validateScenario(scenario))).toEqual([
      "projects[0].costByMonth[0]:negative",
      "projects[0].demandByRole.dev[0]:negative",
      "constraints.budgetByMonth[1]:negative",
      "constraints.budgetTotal:negative",
      "constraints.capacityByRole.ops[1]:negative",
    ]);
  });

  it("names start windows outside the horizon and inverted windows", () => {
    const scenario = makeScenario({
      horizonMonths: 3,
      projects: [
        makeProject({ id: "A", earliestStart: -1, latestStart: 1 }),
        makeProject({ id: "B", earliestStart: 1, latestStart: 3 }),
        makeProject({ id: "C", earliestStart: 2, latestStart: 1 }),
        makeProject({ id: "D", lockedStart: 5 }),
      ],
    });
    expect(codesAt(validateScenario(scenario))).toEqual([
      "projects[0].earliestStart:out_of_horizon",
      "projects[1].latestStart:out_of_horizon",
      "projects[2].latestStart:invalid_window",
      "projects[3].lockedStart:out_of_horizon",
    ]);
  });

  it("reports a dependency cycle with its path", () => {
    const scenario = makeScenario({
      projects: ["A", "B", "C", "D"].map((id) => makeProject({ id })),
      constraints: {
        dependencies: [
          { project: "A", requires: "B" },
          { project: "B", requires: "C" },
          { project: "C", requires: "A" },
          { project: "D", requires: "A" },
        ],
      },
    });
    const problems = validateScenario(scenario);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      field: "constraints.dependencies",
      code: "dependency_cycle",
      cycle: ["A", "B", "C", "A"],
      message: "dependency cycle: A → B → C → A",
    });
  });

  it("rejects a project both mandatory and excluded, and a locked-in one excluded", () => {
    const scenario = makeScenario({
      projects: [
        makeProject({ id: "A", mandatory: true, excluded: true }),
        makeProject({ id: "B", lockedStart: 0, excluded: true }),
      ],
    });
    expect(codesAt(validateScenario(scenario))).toEqual([
      "projects[0].mandatory:mandatory_and_excluded",
      "projects[1].excluded:mandatory_and_excluded",
    ]);
  });

  it("rejects demand and capacity for unknown roles", () => {
    const scenario = makeScenario({
      roles: ["dev"],
      projects: [makeProject({ id: "A", demandByRole: { tester: [1] } })],
      constraints: { capacityByRole: { architect: [1, 1, 1] } },
    });
    expect(codesAt(validateScenario(scenario))).toEqual([
      "projects[0].demandByRole.tester:unknown_role",
      "constraints.capacityByRole.architect:unknown_role",
    ]);
  });

  it("rejects unknown projects, duplicate ids, ids that collide as LP names, bad shares", () => {
    const scenario = makeScenario({
      projects: [
        makeProject({ id: "A" }),
        makeProject({ id: "A" }),
        makeProject({ id: "x-1" }),
        makeProject({ id: "x_1", objectiveShares: { growth: 0.7, cost: 0.6 } }),
      ],
      constraints: {
        dependencies: [{ project: "Z", requires: "A" }],
        exclusionGroups: [{ name: "g", projects: ["A", "Q"] }],
        balance: [{ dimension: "category", key: "run", minShare: 0.6, maxShare: 0.4 }],
      },
    });
    expect(codesAt(validateScenario(scenario))).toEqual([
      "projects[1].id:duplicate_id",
      "projects[3].objectiveShares:share_out_of_range",
      "constraints.dependencies[0].project:unknown_project",
      "constraints.exclusionGroups[0].projects[1]:unknown_project",
      "constraints.balance[0]:share_out_of_range",
      "projects[3].id:duplicate_id",
    ]);
  });

  it("rejects costs beyond the duration and capex above cost", () => {
    const scenario = makeScenario({
      projects: [makeProject({ id: "A", durationMonths: 1, costByMonth: [2, 2], capexByMonth: [3] })],
    });
    expect(codesAt(validateScenario(scenario))).toEqual([
      "projects[0].costByMonth:beyond_duration",
      "projects[0].capexByMonth[0]:capex_above_cost",
    ]);
  });
});

describe("findDependencyCycles", () => {
  it("finds none in a chain and a self-dependency as a cycle", () => {
    expect(findDependencyCycles([{ project: "B", requires: "A" }])).toEqual([]);
    expect(findDependencyCycles([{ project: "A", requires: "A" }])).toEqual([["A", "A"]]);
  });
});

describe("monthLabel and allowedStarts", () => {
  it("labels months by calendar when the first month is known, by index otherwise", () => {
    expect(monthLabel({ firstMonth: "2026-11" }, 4)).toBe("2027_03");
    expect(monthLabel({ firstMonth: "2027-01" }, -2)).toBe("2026_11");
    expect(monthLabel({}, 3)).toBe("m03");
    expect(monthLabel({}, -1)).toBe("mneg01");
  });

  it("gives the window, the lock, or nothing for an excluded project", () => {
    expect(allowedStarts(makeProject({ id: "A", earliestStart: 1, latestStart: 3 }))).toEqual([1, 2, 3]);
    expect(allowedStarts(makeProject({ id: "A", lockedStart: -2 }))).toEqual([-2]);
    expect(allowedStarts(makeProject({ id: "A", excluded: true }))).toEqual([]);
  });
});
