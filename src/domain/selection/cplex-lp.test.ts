import { describe, expect, it } from "vitest";
import { toCplexLp } from "./cplex-lp.js";
import { type MilpModel, sanitizeLpName } from "./milp.js";
import { buildSelectionModel } from "./selection-model.js";
import { makeProject, makeScenario } from "./selection-test-support.js";

describe("toCplexLp", () => {
  it("writes the sections, names and coefficients of a selection model", () => {
    const built = buildSelectionModel(
      makeScenario({
        horizonMonths: 2,
        firstMonth: "2027-03",
        roles: ["developer"],
        projects: [
          makeProject({ id: "P07", value: 12.5, costByMonth: [3], demandByRole: { developer: [0.1] }, latestStart: 1 }),
          makeProject({ id: "P12", value: 4, costByMonth: [2], mandatory: true }),
          makeProject({ id: "P01", value: 1, costByMonth: [1], lockedStart: 0 }),
        ],
        constraints: {
          budgetByMonth: [4, 4],
          capacityByRole: { developer: [0.3, 0.3] },
          dependencies: [{ project: "P12", requires: "P07" }],
        },
      }),
    );
    if (!built.ok) throw new Error("invalid");
    expect(toCplexLp(built.model)).toBe(
      [
        "\\ portfolio_selection: 4 variables, 7 constraints",
        "Maximize",
        " value: + 12.5 x_P07_2027_03 + 12.5 x_P07_2027_04 + 4 x_P12_2027_03 + 1 x_P01_2027_03",
        "Subject To",
        " once_P07: + 1 x_P07_2027_03 + 1 x_P07_2027_04 <= 1",
        " mandatory_P12: + 1 x_P12_2027_03 = 1",
        " budget_2027_03: + 3 x_P07_2027_03 + 2 x_P12_2027_03 + 1 x_P01_2027_03 <= 4",
        " budget_2027_04: + 3 x_P07_2027_04 <= 4",
        " capacity_developer_2027_03: + 0.1 x_P07_2027_03 <= 0.3",
        " capacity_developer_2027_04: + 0.1 x_P07_2027_04 <= 0.3",
        " dep_P12_needs_P07: + 1 x_P12_2027_03 - 1 x_P07_2027_03 - 1 x_P07_2027_04 <= 0",
        "Bounds",
        " x_P01_2027_03 = 1",
        "General",
        " x_P01_2027_03",
        "Binary",
        " x_P07_2027_03 x_P07_2027_04 x_P12_2027_03",
        "End",
        "",
      ].join("\n"),
    );
  });

  it("prints numbers in shortest round-trip form, splits ranges, writes bounds and wraps long rows", () => {
    const model: MilpModel = {
      name: "m",
      sense: "minimize",
      objectiveName: "cost",
      objectiveConstant: 0,
      variables: [
        { name: "a", type: "continuous", lower: -Infinity, upper: Infinity, objective: 1 / 3 },
        { name: "b b", type: "integer", lower: -2, upper: 7, objective: -1e-7 },
        { name: "c", type: "continuous", lower: 0, upper: Infinity, objective: 0.1 + 0.2 },
      ],
      constraints: [
        { name: "range", variables: [0, 1], coefficients: [1.5, -2], lower: -1, upper: 2.25 },
        {
          name: "long",
          variables: Array.from({ length: 10 }, (_, k) => k % 3),
          coefficients: Array.from({ length: 10 }, (_, k) => k + 1),
          lower: 1e21,
          upper: Infinity,
        },
      ],
    };
    const text = toCplexLp(model);
    expect(text).toContain(" cost: + 0.3333333333333333 a - 1e-7 b_b + 0.30000000000000004 c\n");
    expect(text).toContain(" range_lo: + 1.5 a - 2 b_b >= -1\n range_hi: + 1.5 a - 2 b_b <= 2.25\n");
    expect(text).toContain(" long: + 1 a + 2 b_b + 3 c + 4 a + 5 b_b + 6 c + 7 a + 8 b_b\n   + 9 c + 10 a >= 1e+21\n");
    expect(text).toContain("Bounds\n a free\n -2 <= b_b <= 7\nGeneral\n b_b\nEnd\n");
    expect(text.startsWith("\\ m: 3 variables, 2 constraints\nMinimize\n")).toBe(true);
  });

  it("refuses a non-finite coefficient rather than writing an unreadable file", () => {
    const model: MilpModel = {
      name: "m",
      sense: "maximize",
      objectiveName: "v",
      objectiveConstant: 0,
      variables: [{ name: "a", type: "binary", lower: 0, upper: 1, objective: Number.NaN }],
      constraints: [],
    };
    expect(() => toCplexLp(model)).toThrow(RangeError);
  });
});

describe("sanitizeLpName", () => {
  it("keeps safe names and repairs the others", () => {
    expect(sanitizeLpName("budget_2027_03")).toBe("budget_2027_03");
    expect(sanitizeLpName("capacity dev/ops (EU)")).toBe("capacity_dev_ops__EU_");
    expect(sanitizeLpName("2027")).toBe("_2027");
    expect(sanitizeLpName("e12")).toBe("_e12");
    expect(sanitizeLpName("excl_a")).toBe("excl_a");
    expect(sanitizeLpName("End")).toBe("_End");
    expect(sanitizeLpName("")).toBe("_");
    expect(sanitizeLpName(sanitizeLpName("x y"))).toBe("x_y");
  });
});
