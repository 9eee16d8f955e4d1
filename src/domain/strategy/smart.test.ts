import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  assessSmart,
  FILLER_WORDS,
  type FinishedGoal,
  SMART_LETTERS,
  type SmartContext,
  type SmartGoalInput,
  type SmartObjective,
  VAGUE_WORDS,
} from "./smart.js";

/** A goal that passes every letter: 40 → 55 points in exactly one year is 37.5 %/year. */
function makeGoal(overrides: SmartGoalInput = {}): SmartGoalInput {
  return {
    title: "Raise the net promoter score of EU customers to 55",
    metricName: "Net promoter score",
    unit: "points",
    direction: "increase",
    baseline: { value: 40, date: "2026-01-01" },
    target: { value: 55, date: "2027-01-01" },
    owner: "user-1",
    scope: "customers in the EU",
    ...overrides,
  };
}

function makeObjective(overrides: SmartObjective = {}): SmartObjective {
  return {
    kind: "organizational",
    status: "active",
    weight: 3,
    horizonStart: "2026-01",
    horizonEnd: "2027-12",
    ...overrides,
  };
}

function makeContext(overrides: Partial<SmartContext> = {}): SmartContext {
  return { asOf: "2026-03-01", objective: makeObjective(), ...overrides };
}

function finished(unit: string, from: number, to: number, start: string, end: string): FinishedGoal {
  return { unit, baselineValue: from, achievedValue: to, baselineDate: start, achievedDate: end };
}

describe("assessSmart: a complete goal", () => {
  it("passes every letter, with notes where they inform", () => {
    const a = assessSmart(makeGoal(), makeContext());
    expect(a.overall).toBe("pass");
    expect(a.S).toEqual({ verdict: "pass", reasons: [], suggestion: null });
    expect(a.M).toEqual({ verdict: "pass", reasons: [], suggestion: null });
    expect(a.A).toEqual({
      verdict: "pass",
      reasons: ["needs a change of 37.5 %/year, within the ceiling of 50 %/year"],
      suggestion: null,
    });
    expect(a.R).toEqual({
      verdict: "pass",
      reasons: ["linked to an active organizational objective"],
      suggestion: null,
    });
    expect(a.T).toEqual({ verdict: "pass", reasons: [], suggestion: null });
  });
});

describe("Specific", () => {
  const specific = (goal: SmartGoalInput) => assessSmart(makeGoal(goal), makeContext()).S;

  it("fails without a title", () => {
    for (const title of [undefined, null, "", "   "]) {
      expect(specific({ title })).toEqual({
        verdict: "fail",
        reasons: ["title is missing"],
        suggestion: "Write a title that says what changes, for whom and by how much",
      });
    }
  });

  it("fails without an owner", () => {
    expect(specific({ owner: " " })).toEqual({
      verdict: "fail",
      reasons: ["owner is missing"],
      suggestion: "Assign an owner who is accountable for the goal",
    });
  });

  it("fails a title of only vague words", () => {
    expect(specific({ title: "Improve efficiency and things, etc." })).toEqual({
      verdict: "fail",
      reasons: ["title uses only vague words", "title mentions neither the metric nor a number"],
      suggestion: "Replace the vague words with what changes, for whom and by how much",
    });
    expect(specific({ title: "Improve" }).reasons).toEqual([
      "title uses only vague words",
      "title is shorter than 10 characters",
      "title mentions neither the metric nor a number",
    ]);
    // One concrete word is enough.
    expect(specific({ title: "Improve onboarding of new customers to 55" }).verdict).toBe("pass");
  });

  it("warns when the title is shorter than 10 or longer than 120 characters", () => {
    expect(specific({ title: "NPS to 55" })).toEqual({
      verdict: "warn",
      reasons: ["title is shorter than 10 characters"],
      suggestion: "Lengthen the title to say what changes and for whom",
    });
    expect(specific({ title: "NPS at 55!" }).verdict).toBe("pass"); // exactly 10
    const long = `Raise the net promoter score to 55 ${"x".repeat(86)}`; // 35 + 86 = 121
    expect(specific({ title: long })).toEqual({
      verdict: "warn",
      reasons: ["title is longer than 120 characters"],
      suggestion: "Shorten the title to 120 characters and move the details to the description",
    });
    expect(specific({ title: long.slice(0, 120) }).verdict).toBe("pass");
    expect(specific({ title: "Zufriedenheit von Kunden in der EU: 55 Punkte" }).verdict).toBe("pass");
  });

  it("warns when the title mentions neither the metric nor a number", () => {
    expect(specific({ title: "Delight customers in every market" })).toEqual({
      verdict: "warn",
      reasons: ["title mentions neither the metric nor a number"],
      suggestion: 'Mention the metric "Net promoter score" or the target number in the title',
    });
    expect(specific({ title: "Cut churn among EU customers", metricName: "Churn rate" }).verdict).toBe("pass");
    expect(specific({ title: "Grow the promoter share among customers" }).verdict).toBe("pass"); // "promoter"
    expect(specific({ title: "Reach 55 among EU customers" }).verdict).toBe("pass");
    expect(specific({ title: "Delight customers in every market", metricName: null }).suggestion).toBe(
      "Mention the target number in the title",
    );
  });

  it("warns without a scope or population", () => {
    expect(specific({ scope: null })).toEqual({
      verdict: "warn",
      reasons: ["scope or population is missing"],
      suggestion: 'Describe the scope or population, such as "customers in the EU" or "all IT projects"',
    });
  });

  it("documents its word lists in lower case, with the words the issue names", () => {
    for (const w of [...VAGUE_WORDS, ...FILLER_WORDS]) expect(w).toMatch(/^[a-z]+$/);
    expect([...VAGUE_WORDS]).toEqual(
      expect.arrayContaining(["improve", "better", "things", "stuff", "optimize", "enhance", "increase"]),
    );
    expect([...VAGUE_WORDS]).toEqual(expect.arrayContaining(["efficiency", "various", "etc"]));
  });

  it("lists every problem and suggests a fix for the first failure", () => {
    expect(specific({ title: "Stuff", owner: null, scope: null })).toEqual({
      verdict: "fail",
      reasons: [
        "owner is missing",
        "title uses only vague words",
        "title is shorter than 10 characters",
        "title mentions neither the metric nor a number",
        "scope or population is missing",
      ],
      suggestion: "Assign an owner who is accountable for the goal",
    });
  });
});

describe("Measurable", () => {
  const measurable = (goal: SmartGoalInput) => assessSmart(makeGoal(goal), makeContext()).M;

  it("names every missing piece of an empty goal", () => {
    expect(assessSmart({}, makeContext()).M).toEqual({
      verdict: "fail",
      reasons: [
        "metric name is missing",
        "unit is missing",
        "direction is missing",
        "baseline value is missing",
        "target value is missing",
      ],
      suggestion: 'Name the metric, such as "Net promoter score" or "Lead time"',
    });
  });

  it("fails without a unit", () => {
    expect(measurable({ unit: "" })).toEqual({
      verdict: "fail",
      reasons: ["unit is missing"],
      suggestion: "Add a unit such as % or days",
    });
  });

  it("fails on a missing or unknown direction", () => {
    const suggestion = "Choose whether the metric should increase, decrease or be maintained";
    expect(measurable({ direction: undefined })).toEqual({
      verdict: "fail",
      reasons: ["direction is missing"],
      suggestion,
    });
    expect(measurable({ direction: "grow" })).toEqual({
      verdict: "fail",
      reasons: ["direction must be increase, decrease or maintain"],
      suggestion,
    });
  });

  it("fails on values that are missing or not numbers, and reads numbers typed as text", () => {
    expect(measurable({ baseline: { value: "", date: "2026-01-01" } }).reasons).toEqual(["baseline value is missing"]);
    expect(measurable({ baseline: { value: "forty", date: "2026-01-01" } })).toEqual({
      verdict: "fail",
      reasons: ["baseline value is not a number"],
      suggestion: "Enter the baseline value as a number",
    });
    expect(measurable({ target: null }).reasons).toEqual(["target value is missing"]);
    expect(measurable({ target: { value: "55%", date: "2027-01-01" } })).toEqual({
      verdict: "fail",
      reasons: ["target value is not a number"],
      suggestion: "Enter the target value as a number",
    });
    expect(measurable({ target: { value: Number.NaN, date: "2027-01-01" } }).reasons).toEqual([
      "target value is not a number",
    ]);
    expect(
      measurable({ baseline: { value: " 40 ", date: "2026-01-01" }, target: { value: "55.5", date: "2027-01-01" } })
        .verdict,
    ).toBe("pass");
  });

  it("fails a target equal to the baseline unless maintaining", () => {
    expect(measurable({ target: { value: 40, date: "2027-01-01" } })).toEqual({
      verdict: "fail",
      reasons: ["target equals the baseline"],
      suggestion: "Set a target different from the baseline 40, or choose maintain",
    });
  });

  it("fails a target on the wrong side of the baseline for the direction", () => {
    expect(measurable({ target: { value: 35, date: "2027-01-01" } })).toEqual({
      verdict: "fail",
      reasons: ["target must be above the baseline to increase"],
      suggestion: "Set a target above the baseline 40, or choose decrease",
    });
    expect(measurable({ direction: "decrease" })).toEqual({
      verdict: "fail",
      reasons: ["target must be below the baseline to decrease"],
      suggestion: "Set a target below the baseline 40, or choose increase",
    });
    expect(measurable({ direction: "decrease", target: { value: 30, date: "2027-01-01" } }).verdict).toBe("pass");
  });

  it("requires a tolerance band above 0 to maintain, and accepts target = baseline", () => {
    const maintain = { direction: "maintain", target: { value: 40, date: "2027-01-01" } };
    const failure = {
      verdict: "fail",
      reasons: ["a tolerance band above 0 is required to maintain"],
      suggestion: "Add a tolerance band above 0 (± in points) within which the value counts as maintained",
    };
    expect(measurable(maintain)).toEqual(failure);
    expect(measurable({ ...maintain, tolerance: 0 })).toEqual(failure);
    expect(measurable({ ...maintain, tolerance: -2 })).toEqual(failure);
    expect(measurable({ ...maintain, tolerance: "two" })).toEqual(failure);
    expect(measurable({ ...maintain, tolerance: 2 })).toEqual({ verdict: "pass", reasons: [], suggestion: null });
    expect(measurable({ ...maintain, tolerance: "1.5" }).verdict).toBe("pass");
  });
});

describe("Achievable", () => {
  const achievable = (goal: SmartGoalInput, context: Partial<SmartContext> = {}) =>
    assessSmart(makeGoal(goal), makeContext(context)).A;

  it("warns when it cannot compute the pace", () => {
    const cannot = {
      verdict: "warn",
      reasons: ["cannot judge without baseline, target and dates"],
      suggestion: "Enter the baseline and target values and dates to check the pace",
    };
    expect(achievable({ baseline: { value: 40 } })).toEqual(cannot);
    expect(achievable({ target: { value: null, date: "2027-01-01" } })).toEqual(cannot);
    expect(achievable({ target: { value: 55, date: "2026-01-01" } })).toEqual(cannot); // no time to change
    expect(assessSmart({}, makeContext()).A).toEqual(cannot);
  });

  it("passes at the ceiling and warns above it", () => {
    // 40 → 60 in one year: 20 / 40 / 1 = 50 %/year, exactly the default ceiling.
    expect(achievable({ target: { value: 60, date: "2027-01-01" } })).toEqual({
      verdict: "pass",
      reasons: ["needs a change of 50 %/year, within the ceiling of 50 %/year"],
      suggestion: null,
    });
    // 40 → 80 in one year: 100 %/year; the ceiling allows 40 + 0.5 × 40 × 1 = 60.
    expect(achievable({ target: { value: 80, date: "2027-01-01" } })).toEqual({
      verdict: "warn",
      reasons: ["needs a change of 100 %/year, above the ceiling of 50 %/year"],
      suggestion: "Aim for a target of 60 by 2027-01-01, or move the target date later, to stay within 50 %/year",
    });
  });

  it("takes the ceiling from the context and handles a decrease over two years", () => {
    // 30 → 10 days over 2 years: 20 / 30 / 2 = 33.3 %/year.
    const goal = {
      direction: "decrease",
      unit: "days",
      baseline: { value: 30, date: "2026-01-01" },
      target: { value: 10, date: "2028-01-01" },
    };
    expect(achievable(goal).verdict).toBe("pass");
    // Ceiling 20 %/year allows 30 − 0.2 × 30 × 2 = 18.
    expect(achievable(goal, { maxAnnualChangeRate: 0.2 })).toEqual({
      verdict: "warn",
      reasons: ["needs a change of 33.3 %/year, above the ceiling of 20 %/year"],
      suggestion: "Aim for a target of 18 by 2028-01-01, or move the target date later, to stay within 20 %/year",
    });
  });

  it("checks a zero baseline only against an absolute ceiling", () => {
    // 0 → 30 points over 2 years = 15 points/year.
    const goal = { baseline: { value: 0, date: "2026-01-01" }, target: { value: 30, date: "2028-01-01" } };
    expect(achievable(goal)).toEqual({
      verdict: "pass",
      reasons: ["baseline is 0, so the pace is not checked against a ceiling"],
      suggestion: null,
    });
    expect(achievable(goal, { maxAnnualAbsoluteChange: 10 })).toEqual({
      verdict: "warn",
      reasons: ["needs a change of 15 points/year from a zero baseline, above the ceiling of 10 points/year"],
      suggestion: "Aim for a target of 20 by 2028-01-01, or move the target date later, to stay within 10 points/year",
    });
    expect(achievable(goal, { maxAnnualAbsoluteChange: 15 }).reasons).toEqual([
      "needs a change of 15 points/year from a zero baseline, within the ceiling of 15 points/year",
    ]);
  });

  // Paces: 50 → 60 in 1 year = 20 %; 20 → 26 in 1 year = 30 %; 100 → 150 in 2 years = 25 %. Best: 30 %.
  const history: FinishedGoal[] = [
    finished("points", 50, 60, "2024-01-01", "2025-01-01"),
    finished("Points", 20, 26, "2024-01-01", "2025-01-01"), // unit compared without case
    finished("points", 100, 150, "2022-01-01", "2024-01-01"),
    finished("%", 10, 100, "2024-01-01", "2025-01-01"), // another unit
    finished("points", 0, 10, "2024-01-01", "2025-01-01"), // zero baseline: no relative pace
    finished("points", 10, 90, "2025-01-01", "2024-01-01"), // achieved before its baseline: unusable
  ];

  it("warns when the pace beats the best achieved on at least 3 finished goals in the unit", () => {
    // 40 → 56 in one year: 40 %/year, within the 50 % ceiling but above the best of 30 %.
    expect(achievable({ target: { value: 56, date: "2027-01-01" } }, { history })).toEqual({
      verdict: "warn",
      reasons: [
        'needs a change of 40 %/year, faster than the best pace of 30 %/year among 3 finished goals measured in "points"',
      ],
      suggestion: "Aim for a target of 52 by 2027-01-01, or move the target date later, to stay within 30 %/year",
    });
    expect(achievable({ target: { value: 50, date: "2027-01-01" } }, { history }).reasons).toEqual([
      "needs a change of 25 %/year, within the ceiling of 50 %/year",
      'needs a change of 25 %/year, within the best pace of 30 %/year among 3 finished goals measured in "points"',
    ]);
  });

  it("ignores history with fewer than 3 usable finished goals", () => {
    expect(achievable({ target: { value: 56, date: "2027-01-01" } }, { history: history.slice(1) })).toEqual({
      verdict: "pass",
      reasons: ["needs a change of 40 %/year, within the ceiling of 50 %/year"],
      suggestion: null,
    });
  });

  it("reports both limits and suggests the stricter one", () => {
    // 40 → 80: 100 %/year breaks the ceiling (50 %) and the history (30 %); 40 + 0.3 × 40 = 52.
    const a = achievable({ target: { value: 80, date: "2027-01-01" } }, { history });
    expect(a.reasons).toEqual([
      "needs a change of 100 %/year, above the ceiling of 50 %/year",
      'needs a change of 100 %/year, faster than the best pace of 30 %/year among 3 finished goals measured in "points"',
    ]);
    expect(a.suggestion).toBe(
      "Aim for a target of 52 by 2027-01-01, or move the target date later, to stay within 30 %/year",
    );
  });

  it("compares absolute paces for a zero baseline", () => {
    // Finished zero-baseline goals count too: 0 → 10, 5 → 13, 20 → 32 in a year: best 12 points/year.
    const absolute = [
      finished("points", 0, 10, "2024-01-01", "2025-01-01"),
      finished("points", 5, 13, "2024-01-01", "2025-01-01"),
      finished("points", 20, 32, "2024-01-01", "2025-01-01"),
    ];
    const goal = { baseline: { value: 0, date: "2026-01-01" }, target: { value: 30, date: "2028-01-01" } };
    // On a warning only the problems are listed, not the note that no ceiling applies.
    expect(achievable(goal, { history: absolute }).reasons).toEqual([
      'needs a change of 15 points/year, faster than the best pace of 12 points/year among 3 finished goals measured in "points"',
    ]);
    expect(achievable(goal, { history: absolute }).verdict).toBe("warn");
  });
});

describe("Relevant", () => {
  const relevant = (objective: SmartObjective | null | undefined) =>
    assessSmart(makeGoal(), makeContext({ objective })).R;

  it("fails when not linked", () => {
    const failure = {
      verdict: "fail",
      reasons: ["not linked to a strategic objective"],
      suggestion: "Link the goal to an active strategic objective",
    };
    expect(relevant(null)).toEqual(failure);
    expect(relevant(undefined)).toEqual(failure);
  });

  it("names the kind of an active objective with weight", () => {
    expect(relevant(makeObjective({ kind: "pmo" }))).toEqual({
      verdict: "pass",
      reasons: ["linked to an active PMO objective"],
      suggestion: null,
    });
    expect(relevant(makeObjective({ kind: null })).reasons).toEqual(["linked to an active objective"]);
  });

  it("warns on a draft objective", () => {
    expect(relevant(makeObjective({ status: "draft" }))).toEqual({
      verdict: "warn",
      reasons: ["linked objective is still a draft"],
      suggestion: "Activate the linked objective, or link the goal to an active one",
    });
  });

  it("fails on an achieved, retired or otherwise inactive objective", () => {
    expect(relevant(makeObjective({ status: "achieved" }))).toEqual({
      verdict: "fail",
      reasons: ["linked objective is achieved"],
      suggestion: "Link the goal to an active objective instead of an achieved one",
    });
    expect(relevant(makeObjective({ status: "retired" }))).toEqual({
      verdict: "fail",
      reasons: ["linked objective is retired"],
      suggestion: "Link the goal to an active objective instead of a retired one",
    });
    expect(relevant(makeObjective({ status: "paused" })).reasons).toEqual(["linked objective is not active"]);
    expect(relevant(makeObjective({ status: null })).verdict).toBe("fail");
  });

  it("warns on an objective with weight 0", () => {
    const warning = {
      verdict: "warn",
      reasons: ["linked objective has weight 0"],
      suggestion: "Give the objective a weight above 0, or link the goal to a weighted one",
    };
    expect(relevant(makeObjective({ weight: 0 }))).toEqual(warning);
    expect(relevant(makeObjective({ weight: null }))).toEqual(warning);
    expect(relevant(makeObjective({ status: "draft", weight: 0 })).reasons).toEqual([
      "linked objective is still a draft",
      "linked objective has weight 0",
    ]);
  });
});

describe("Time-bound", () => {
  const timeBound = (goal: SmartGoalInput, context: Partial<SmartContext> = {}) =>
    assessSmart(makeGoal(goal), makeContext(context)).T;

  it("fails on missing or impossible dates", () => {
    expect(timeBound({ baseline: { value: 40 } })).toEqual({
      verdict: "fail",
      reasons: ["baseline date is missing"],
      suggestion: "Enter the baseline date as YYYY-MM-DD",
    });
    expect(timeBound({ baseline: { value: 40, date: "2026-02-30" } }).reasons).toEqual([
      "baseline date is not a valid date",
    ]);
    expect(timeBound({ target: { value: 55, date: "" } })).toEqual({
      verdict: "fail",
      reasons: ["target date is missing"],
      suggestion: "Enter the target date as YYYY-MM-DD",
    });
    expect(timeBound({ target: { value: 55, date: "1/1/2027" } }).reasons).toEqual(["target date is not a valid date"]);
  });

  it("fails when the target date is not after the baseline date", () => {
    const failure = {
      verdict: "fail",
      reasons: ["target date is not after the baseline date"],
      suggestion: "Set the target date after the baseline date 2026-01-01",
    };
    const context = { asOf: "2025-12-01", objective: makeObjective({ horizonStart: "2025-01" }) };
    expect(timeBound({ target: { value: 55, date: "2026-01-01" } }, context)).toEqual(failure);
    expect(timeBound({ target: { value: 55, date: "2025-12-31" } }, context)).toEqual(failure);
  });

  it("fails when the target date is before the assessment date, passes on it", () => {
    expect(timeBound({}, { asOf: "2027-01-02" })).toEqual({
      verdict: "fail",
      reasons: ["target date is before the assessment date 2027-01-02"],
      suggestion: "Set the target date on or after 2027-01-02",
    });
    expect(timeBound({}, { asOf: "2027-01-01" }).verdict).toBe("pass");
  });

  it("warns when the target month lies outside the objective horizon", () => {
    const objective = makeObjective({ horizonStart: "2026-01", horizonEnd: "2026-12" });
    expect(timeBound({}, { objective })).toEqual({
      verdict: "warn",
      reasons: ["target date lies outside the objective horizon 2026-01 to 2026-12"],
      suggestion: "Move the target date into the objective horizon 2026-01 to 2026-12, or extend the horizon",
    });
    expect(timeBound({ target: { value: 55, date: "2026-12-31" } }, { objective }).verdict).toBe("pass"); // last month
    const late = makeObjective({ horizonStart: "2027-02", horizonEnd: "2028-12" });
    expect(timeBound({}, { objective: late }).verdict).toBe("warn");
    // Without a complete, valid horizon there is nothing to compare with.
    expect(timeBound({}, { objective: makeObjective({ horizonEnd: null }) }).verdict).toBe("pass");
    expect(timeBound({}, { objective: makeObjective({ horizonEnd: "2026-13" }) }).verdict).toBe("pass");
    expect(timeBound({}, { objective: null }).verdict).toBe("pass");
  });
});

describe("overall verdict", () => {
  it("is fail if any letter fails, else warn if any warns, else pass", () => {
    expect(assessSmart(makeGoal({ scope: null }), makeContext()).overall).toBe("warn");
    expect(assessSmart(makeGoal({ scope: null, owner: null }), makeContext()).overall).toBe("fail");
    expect(assessSmart(makeGoal(), makeContext({ objective: null })).overall).toBe("fail");
    expect(assessSmart(makeGoal(), makeContext()).overall).toBe("pass");
  });

  it("never throws on whatever the form holds, and stays consistent (property)", () => {
    const value = fc.oneof(
      fc.constant(undefined),
      fc.constant(null),
      fc.string(),
      fc.double(),
      fc.constantFrom("2026-01-01", "2027-06-30", "2026-02-30", "40", "increase", "maintain"),
      fc.anything(),
    );
    const goal = fc.record(
      {
        title: value,
        metricName: value,
        unit: value,
        direction: value,
        baseline: fc.oneof(value, fc.record({ value, date: value }, { requiredKeys: [] })),
        target: fc.oneof(value, fc.record({ value, date: value }, { requiredKeys: [] })),
        tolerance: value,
        owner: value,
        scope: value,
      },
      { requiredKeys: [] },
    );
    const objective = fc.oneof(
      value,
      fc.record(
        { kind: value, status: value, weight: value, horizonStart: value, horizonEnd: value },
        { requiredKeys: [] },
      ),
    );
    const history = fc.oneof(
      fc.constant(undefined),
      fc.array(
        fc.record({
          unit: value,
          baselineValue: value,
          achievedValue: value,
          baselineDate: value,
          achievedDate: value,
        }),
      ),
    );
    fc.assert(
      fc.property(goal, objective, history, fc.oneof(value, fc.constant("2026-03-01")), (g, o, h, asOf) => {
        // The form and stored data may hold anything; that is the point of this property.
        const a = assessSmart(g as SmartGoalInput, { asOf, objective: o, history: h } as unknown as SmartContext);
        const verdicts = SMART_LETTERS.map((l) => a[l].verdict);
        const worst = verdicts.includes("fail") ? "fail" : verdicts.includes("warn") ? "warn" : "pass";
        expect(a.overall).toBe(worst);
        for (const l of SMART_LETTERS) {
          expect(a[l].suggestion === null).toBe(a[l].verdict === "pass");
          if (a[l].verdict !== "pass") expect(a[l].reasons.length).toBeGreaterThan(0);
        }
      }),
    );
  });
});
