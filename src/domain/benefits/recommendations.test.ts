import { describe, expect, it } from "vitest";
import type { BenefitForecast } from "./forecast.js";
import { overdueMeasurements } from "./measurement-schedule.js";
import {
  type BenefitState,
  type EnablingProject,
  RECOMMENDATION_RULE_IDS,
  RECOMMENDATION_RULES,
  type RecommendationRuleId,
  recommendBenefitActions,
} from "./recommendations.js";

function makeForecast(probability: number): BenefitForecast {
  return {
    ok: true,
    method: "ols",
    period: "2026-12",
    value: 151.234,
    lower: 140,
    upper: 162.5,
    level: 0.8,
    probability,
    slopePerMonth: 2,
    standardError: 8,
    degenerate: false,
    window: { from: "2026-01", to: "2026-06", points: 6 },
  };
}

function makeProject(overrides: Partial<EnablingProject> = {}): EnablingProject {
  return { id: "p1", name: "ERP workflow", status: "active", plannedEnd: "2026-02-28", ...overrides };
}

/** A healthy benefit in July 2026: owned, measured on time, on track, likely to reach its target. */
function makeState(overrides: Partial<BenefitState> = {}): BenefitState {
  return {
    asOf: "2026-07",
    ownerId: "user-1",
    hasMeasure: true,
    hasBaseline: true,
    realizationStart: "2026-03",
    targetPeriod: "2026-12",
    schedule: overdueMeasurements("monthly", "2026-06", "2026-07-10"),
    tracking: { status: "on_track", consecutiveBeyondTolerance: 0 },
    forecast: makeForecast(0.8),
    enablingProjects: [
      makeProject(),
      makeProject({ id: "p2", name: "Training", status: "closed", plannedEnd: "2026-09-30" }),
    ],
    ...overrides,
  };
}

const rules = (state: BenefitState): RecommendationRuleId[] => recommendBenefitActions(state).map((r) => r.rule);

describe("the rules table", () => {
  it("lists every rule once, in the order of the ids, with words for docs and UI", () => {
    expect(RECOMMENDATION_RULES.map((r) => r.id)).toEqual([...RECOMMENDATION_RULE_IDS]);
    for (const r of RECOMMENDATION_RULES) {
      expect(r.description.length).toBeGreaterThan(10);
      expect(r.condition).toMatch(/\.$/);
    }
  });
});

describe("recommendBenefitActions", () => {
  it("stays silent on a healthy benefit", () => {
    expect(recommendBenefitActions(makeState())).toEqual([]);
  });

  it("no_owner fires without an owner", () => {
    for (const ownerId of [null, undefined, "  "])
      expect(recommendBenefitActions(makeState({ ownerId }))).toEqual([
        {
          rule: "no_owner",
          severity: "critical",
          reason: "The benefit has no owner, so no one is accountable for realizing it.",
          suggestedAction: "Assign a benefit owner, usually the manager of the business area that changes.",
        },
      ]);
  });

  it("missing_measure_or_baseline fires without a measure or a baseline, saying which", () => {
    const reason = (o: Partial<BenefitState>) => recommendBenefitActions(makeState(o))[0]!;
    expect(reason({ hasMeasure: false })).toMatchObject({
      rule: "missing_measure_or_baseline",
      severity: "critical",
      reason: "The benefit has no measure, so its realization cannot be tracked.",
    });
    expect(reason({ hasBaseline: false }).reason).toBe(
      "The benefit has no baseline, so its realization cannot be tracked.",
    );
    expect(reason({ hasMeasure: false, hasBaseline: false }).reason).toBe(
      "The benefit has no measure and no baseline, so its realization cannot be tracked.",
    );
  });

  it("measurement_overdue fires when a measurement is past due", () => {
    expect(
      recommendBenefitActions(makeState({ schedule: overdueMeasurements("monthly", "2026-05", "2026-07-16") })),
    ).toEqual([
      {
        rule: "measurement_overdue",
        severity: "warning",
        reason: "The measurement for 2026-06 is overdue; it was due by 2026-07-15.",
        suggestedAction: "Record the latest KPI value, or ask the benefit owner for it.",
      },
    ]);
    const many = recommendBenefitActions(
      makeState({ schedule: overdueMeasurements("quarterly", null, "2026-10-20", "2026-01") }),
    );
    expect(many[0]!.reason).toBe("3 measurements are overdue, the oldest for 2026-03 (due by 2026-04-15).");
    expect(rules(makeState({ schedule: null }))).toEqual([]);
  });

  it("below_tolerance fires from two consecutive measurements beyond tolerance", () => {
    const state = (n: number) => makeState({ tracking: { status: "off_track", consecutiveBeyondTolerance: n } });
    expect(rules(state(1))).toEqual([]);
    expect(recommendBenefitActions(state(2))).toEqual([
      {
        rule: "below_tolerance",
        severity: "critical",
        reason: "The benefit has been behind its profile by more than the tolerance for 2 measurements in a row.",
        suggestedAction: "Raise an exception to the sponsor: agree corrective actions, or re-plan the benefit profile.",
      },
    ]);
  });

  it("low_forecast_probability fires below 50 % while the outcome is open", () => {
    expect(recommendBenefitActions(makeState({ forecast: makeForecast(0.31) }))).toEqual([
      {
        rule: "low_forecast_probability",
        severity: "warning",
        reason:
          "The trend of the recent measurements gives a 31 % chance of reaching the target by 2026-12 (forecast 151.23, 80 % range 140 to 162.5).",
        suggestedAction:
          "Review the business change with the benefit owner and agree corrective actions, or revise the target.",
      },
    ]);
    expect(rules(makeState({ forecast: makeForecast(0.5) }))).toEqual([]);
    expect(rules(makeState({ forecast: { ok: false, reason: "too_few_points", message: "…" } }))).toEqual([]);
    expect(
      rules(
        makeState({ forecast: makeForecast(0.1), tracking: { status: "not_realized", consecutiveBeyondTolerance: 0 } }),
      ),
    ).toEqual([]);
    expect(rules(makeState({ forecast: makeForecast(0.1), asOf: "2027-01" }))).toEqual([]);
  });

  it("realized_early fires when the target is reached before the target month", () => {
    const realized = { status: "realized" as const, consecutiveBeyondTolerance: 0 };
    expect(recommendBenefitActions(makeState({ tracking: realized }))).toEqual([
      {
        rule: "realized_early",
        severity: "info",
        reason: "The target is reached ahead of the target date 2026-12.",
        suggestedAction:
          "Consider raising the target, or harvest the benefit: release the freed budget or capacity and record where it goes.",
      },
    ]);
    expect(rules(makeState({ tracking: realized, asOf: "2026-12" }))).toEqual([]);
  });

  it("enabling_project_cancelled fires per cancelled project, without also calling it delayed", () => {
    const cancelled = makeProject({ id: "p9", name: "Supplier portal", status: "cancelled", plannedEnd: "2027-06-30" });
    expect(recommendBenefitActions(makeState({ enablingProjects: [makeProject(), cancelled] }))).toEqual([
      {
        rule: "enabling_project_cancelled",
        severity: "critical",
        reason: "The enabling project Supplier portal was cancelled.",
        suggestedAction:
          "Reassess whether the benefit can still be realized: find another enabler, reduce the target, or retire the benefit.",
        projectId: "p9",
      },
    ]);
  });

  it("enabling_project_delayed fires for a project on hold or ending after realization starts", () => {
    const late = makeProject({ id: "p3", name: "Data migration", plannedEnd: "2026-05-31" });
    const held = makeProject({ id: "p4", name: "Archive", status: "on_hold", plannedEnd: "2026-01-31" });
    expect(recommendBenefitActions(makeState({ enablingProjects: [late, held] }))).toEqual([
      {
        rule: "enabling_project_delayed",
        severity: "warning",
        reason:
          "The enabling project Data migration is planned to end in 2026-05, after realization was due to start in 2026-03.",
        suggestedAction:
          "Shift the benefit profile to the new delivery date, or agree interim measures with the benefit owner.",
        projectId: "p3",
      },
      {
        rule: "enabling_project_delayed",
        severity: "warning",
        reason: "The enabling project Archive is on hold.",
        suggestedAction: "Agree with the sponsor when the project resumes, and shift the benefit profile accordingly.",
        projectId: "p4",
      },
    ]);
    // ending in the month realization starts is on time; no planned end says nothing
    expect(
      rules(
        makeState({ enablingProjects: [makeProject({ plannedEnd: "2026-03-31" }), makeProject({ plannedEnd: null })] }),
      ),
    ).toEqual([]);
  });

  it("lists several findings in the order of the table, and can fire every rule", () => {
    const all = recommendBenefitActions(
      makeState({
        ownerId: null,
        hasBaseline: false,
        schedule: overdueMeasurements("monthly", "2026-04", "2026-07-20"),
        tracking: { status: "realized", consecutiveBeyondTolerance: 3 },
        enablingProjects: [makeProject({ id: "a", status: "on_hold" }), makeProject({ id: "b", status: "cancelled" })],
      }),
    );
    const lowForecast = rules(makeState({ forecast: makeForecast(0.2) }));
    const fired = new Set([...all.map((r) => r.rule), ...lowForecast]);
    expect(all.map((r) => r.rule)).toEqual([
      "no_owner",
      "missing_measure_or_baseline",
      "measurement_overdue",
      "below_tolerance",
      "realized_early",
      "enabling_project_cancelled",
      "enabling_project_delayed",
    ]);
    expect([...fired].sort()).toEqual([...RECOMMENDATION_RULE_IDS].sort());
    for (const r of all) expect(r.severity).toBe(RECOMMENDATION_RULES.find((x) => x.id === r.rule)!.severity);
  });
});
