import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ProfilePoint } from "./profile.js";
import {
  directionOf,
  type PeriodValue,
  plannedAt,
  realizationPct,
  type TrackedBenefit,
  toleranceBand,
  trackBenefit,
  trackingStatus,
} from "./tracking.js";

const series = (start: number, values: number[]): ProfilePoint[] =>
  values.map((planned, i) => ({ period: `2026-${String(start + i).padStart(2, "0")}`, planned }));

/** Increase 100 → 160 linearly over 2026-01 … 2026-07 (+10 a month), tolerance 10 % of 60 = 6. */
function makeIncrease(overrides: Partial<TrackedBenefit> = {}): TrackedBenefit {
  return {
    baseline: 100,
    target: 160,
    targetPeriod: "2026-07",
    profile: series(1, [100, 110, 120, 130, 140, 150, 160]),
    tolerance: { kind: "percent", value: 10 },
    ...overrides,
  };
}

/** Decrease 30 → 20 days over 2026-01 … 2026-05 (−2.5 a month), tolerance ±1 day. */
function makeDecrease(overrides: Partial<TrackedBenefit> = {}): TrackedBenefit {
  return {
    baseline: 30,
    target: 20,
    targetPeriod: "2026-05",
    profile: series(1, [30, 27.5, 25, 22.5, 20]),
    tolerance: { kind: "absolute", value: 1 },
    ...overrides,
  };
}

const one = (period: string, value: number): PeriodValue[] => [{ period, value }];

describe("directionOf and realizationPct", () => {
  it("reads the direction from baseline and target", () => {
    expect(directionOf(100, 160)).toBe("increase");
    expect(directionOf(30, 20)).toBe("decrease");
    expect(directionOf(5, 5)).toBeNull();
    expect(directionOf(Number.NaN, 5)).toBeNull();
  });

  it("is direction-aware and unclamped", () => {
    expect(realizationPct(100, 160, 145)).toBe(75); // 45 / 60
    expect(realizationPct(30, 20, 27)).toBeCloseTo(30, 12); // −3 / −10
    expect(realizationPct(100, 160, 172)).toBeCloseTo(120, 12);
    expect(realizationPct(30, 20, 31)).toBeCloseTo(-10, 12);
    expect(realizationPct(5, 5, 7)).toBeNull();
    expect(realizationPct(100, 160, Number.NaN)).toBeNull();
  });
});

describe("toleranceBand", () => {
  it("converts a percent of the planned change or takes an absolute value", () => {
    expect(toleranceBand({ kind: "percent", value: 10 }, 100, 160)).toBeCloseTo(6, 12);
    expect(toleranceBand({ kind: "percent", value: 10 }, 30, 20)).toBeCloseTo(1, 12);
    expect(toleranceBand({ kind: "absolute", value: 2.5 }, 30, 20)).toBe(2.5);
    expect(toleranceBand({ kind: "absolute", value: -1 }, 30, 20)).toBe(0);
    expect(toleranceBand({ kind: "percent", value: Number.NaN }, 30, 20)).toBe(0);
  });
});

describe("plannedAt", () => {
  const profile = [
    { period: "2026-06", planned: 140 },
    { period: "2026-02", planned: 110 },
    { period: "2026-03", planned: Number.NaN },
  ];
  it("takes the month's point, holds the last one across gaps and after the end, and the baseline before", () => {
    expect(plannedAt(profile, "2026-02", 100)).toBe(110);
    expect(plannedAt(profile, "2026-04", 100)).toBe(110);
    expect(plannedAt(profile, "2026-06", 100)).toBe(140);
    expect(plannedAt(profile, "2027-01", 100)).toBe(140);
    expect(plannedAt(profile, "2026-01", 100)).toBe(100);
  });
});

describe("trackBenefit: rows", () => {
  it("gives planned vs actual per month and like-for-like cumulative sums", () => {
    const t = trackBenefit(
      makeIncrease(),
      [
        { period: "2026-02", value: 108 },
        { period: "2026-04", value: 131 },
      ],
      "2026-04",
    );
    expect(t.rows.map((r) => r.period)).toEqual([
      "2026-01",
      "2026-02",
      "2026-03",
      "2026-04",
      "2026-05",
      "2026-06",
      "2026-07",
    ]);
    const [jan, feb, mar, apr, may] = t.rows;
    expect(jan).toEqual({
      period: "2026-01",
      planned: 100,
      actual: null,
      variance: null,
      variancePct: null,
      cumulativePlanned: 0,
      cumulativeActual: 0,
      withinTolerance: null,
    });
    expect(feb).toMatchObject({
      actual: 108,
      variance: -2,
      cumulativePlanned: 10,
      cumulativeActual: 8,
      withinTolerance: true,
    });
    expect(feb!.variancePct).toBeCloseTo(-3.3333333, 6); // −2 / 60
    expect(mar).toMatchObject({ actual: null, cumulativePlanned: 10, cumulativeActual: 8 });
    expect(apr).toMatchObject({ actual: 131, variance: 1, cumulativePlanned: 40, cumulativeActual: 39 });
    expect(may).toMatchObject({ planned: 140, actual: null, cumulativePlanned: 40 });
    expect(t.latest?.period).toBe("2026-04");
    expect(t.realizationPct).toBeCloseTo(51.666667, 5); // 31 / 60
    expect(t.toleranceBand).toBeCloseTo(6, 12);
  });

  it("counts the change in the benefit's direction for a decrease", () => {
    const t = trackBenefit(makeDecrease(), one("2026-03", 26), "2026-03");
    const mar = t.rows.find((r) => r.period === "2026-03")!;
    // planned 25, actual 26: 1 day behind; cumulative gains 5 planned, 4 actual
    expect(mar).toMatchObject({ variance: -1, cumulativePlanned: 5, cumulativeActual: 4, withinTolerance: true });
    expect(mar.variancePct).toBeCloseTo(-10, 12);
  });

  it("ignores actuals after asOf, invalid ones, and keeps the last of a month", () => {
    const t = trackBenefit(
      makeIncrease(),
      [
        { period: "2026-03", value: 90 },
        { period: "2026-03", value: 121 },
        { period: "2026-05", value: 160 },
        { period: "March", value: 1 },
        { period: "2026-02", value: Number.NaN },
      ],
      "2026-04",
    );
    expect(t.rows.filter((r) => r.actual !== null).map((r) => [r.period, r.actual])).toEqual([["2026-03", 121]]);
    expect(t.status).toBe("on_track");
  });

  it("adds measured months outside the profile", () => {
    const t = trackBenefit(makeIncrease(), one("2025-12", 99), "2026-01");
    expect(t.rows[0]).toMatchObject({ period: "2025-12", planned: 100, actual: 99, variance: -1 });
  });

  it("counts consecutive measured months beyond tolerance back from the latest", () => {
    const actuals = [
      { period: "2026-02", value: 100 }, // 10 behind: beyond
      { period: "2026-03", value: 118 }, // 2 behind: within
      { period: "2026-04", value: 120 }, // 10 behind: beyond
      { period: "2026-06", value: 141 }, // 9 behind: beyond
    ];
    expect(trackBenefit(makeIncrease(), actuals, "2026-06").consecutiveBeyondTolerance).toBe(2);
    expect(trackBenefit(makeIncrease(), actuals, "2026-03").consecutiveBeyondTolerance).toBe(0);
    expect(trackBenefit(makeIncrease(), actuals.slice(0, 1), "2026-06").consecutiveBeyondTolerance).toBe(1);
  });

  it("rejects a malformed asOf or target month", () => {
    expect(() => trackBenefit(makeIncrease(), [], "2026-4")).toThrow(RangeError);
    expect(() => trackBenefit(makeIncrease({ targetPeriod: "2026-07-31" }), [], "2026-04")).toThrow(RangeError);
  });
});

describe("trackingStatus", () => {
  const inc = (period: string, value: number, asOf = period, earlyWarning = false) =>
    trackingStatus(makeIncrease(), one(period, value), asOf, { earlyWarning });
  const dec = (period: string, value: number, asOf = period) =>
    trackingStatus(makeDecrease(), one(period, value), asOf);

  it("is on track within the band, at risk within twice the band, off track beyond (increase)", () => {
    // planned in April: 130; band 6
    expect(inc("2026-04", 140)).toBe("on_track"); // ahead
    expect(inc("2026-04", 128)).toBe("on_track"); // 2 behind
    expect(inc("2026-04", 124)).toBe("on_track"); // exactly 6 behind
    expect(inc("2026-04", 123.9)).toBe("at_risk");
    expect(inc("2026-04", 118)).toBe("at_risk"); // exactly 12 behind
    expect(inc("2026-04", 117.9)).toBe("off_track");
  });

  it("applies the same thresholds for a decrease", () => {
    // planned in March: 25 days; band 1
    expect(dec("2026-03", 24)).toBe("on_track");
    expect(dec("2026-03", 25.8)).toBe("on_track");
    expect(dec("2026-03", 26.5)).toBe("at_risk");
    expect(dec("2026-03", 27.2)).toBe("off_track");
  });

  it("judges the latest actual against the plan of its own month", () => {
    // 121 in March (plan 120) is on track even though June's plan is 150
    expect(inc("2026-03", 121, "2026-06")).toBe("on_track");
  });

  it("is realized once the latest actual reaches the target, in the benefit's direction", () => {
    expect(inc("2026-05", 160)).toBe("realized");
    expect(inc("2026-05", 175)).toBe("realized");
    expect(dec("2026-04", 20)).toBe("realized");
    expect(dec("2026-04", 19.5)).toBe("realized");
    expect(dec("2026-04", 20.5)).not.toBe("realized");
    // realized after the target date too
    expect(inc("2026-09", 161, "2026-10")).toBe("realized");
  });

  it("requires the latest actual, not an earlier one, to be at target", () => {
    const actuals = [
      { period: "2026-05", value: 161 },
      { period: "2026-06", value: 148 },
    ];
    expect(trackingStatus(makeIncrease(), actuals, "2026-06")).toBe("on_track");
  });

  it("is not realized after the target month without reaching the target", () => {
    expect(inc("2026-07", 155, "2026-08")).toBe("not_realized");
    expect(trackingStatus(makeIncrease(), [], "2026-08")).toBe("not_realized");
    // still in the target month: judged on the plan
    expect(inc("2026-07", 155, "2026-07")).toBe("on_track");
  });

  it("has not started without actuals or before the first planned change", () => {
    expect(trackingStatus(makeIncrease(), [], "2026-04")).toBe("not_started");
    expect(inc("2026-01", 95)).toBe("not_started"); // first change planned in February
    expect(
      trackingStatus(makeIncrease({ profile: series(1, [100, 100, 100, 160]) }), one("2026-03", 90), "2026-03"),
    ).toBe("not_started");
    expect(trackingStatus(makeIncrease({ target: 100 }), one("2026-04", 130), "2026-04")).toBe("not_started");
  });

  it("turns on track into at risk on an early warning, and leaves worse states alone", () => {
    expect(inc("2026-04", 128, "2026-04", true)).toBe("at_risk");
    expect(inc("2026-04", 110, "2026-04", true)).toBe("off_track");
    expect(inc("2026-04", 160, "2026-04", true)).toBe("realized");
  });

  it("is off track on any shortfall when the band is 0", () => {
    const b = makeIncrease({ tolerance: { kind: "absolute", value: 0 } });
    expect(trackingStatus(b, one("2026-04", 130), "2026-04")).toBe("on_track");
    expect(trackingStatus(b, one("2026-04", 129.5), "2026-04")).toBe("off_track");
  });

  it("absorbs floating-point rounding at the band's edge", () => {
    // 0.1 → 0.7 over 6 months; tolerance 10 % of 0.6 = 0.06; planned in April 0.4 (computed)
    const b: TrackedBenefit = {
      baseline: 0.1,
      target: 0.7,
      targetPeriod: "2026-07",
      profile: series(1, [0.1, 0.2, 0.3, 0.1 + 0.6 * 0.5, 0.5, 0.6, 0.7]),
      tolerance: { kind: "percent", value: 10 },
    };
    expect(trackingStatus(b, one("2026-04", 0.34), "2026-04")).toBe("on_track");
  });

  it("gives a mirrored decrease the same status and realization as the increase", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9 }),
        fc.double({ min: 80, max: 180, noNaN: true }),
        fc.integer({ min: 1, max: 9 }),
        fc.boolean(),
        (month, value, asOfMonth, earlyWarning) => {
          const period = `2026-0${month}`;
          const asOf = `2026-0${Math.max(month, asOfMonth)}`;
          const up = makeIncrease();
          const down: TrackedBenefit = {
            ...up,
            baseline: -up.baseline,
            target: -up.target,
            profile: up.profile.map((p) => ({ period: p.period, planned: -p.planned })),
          };
          const a = trackBenefit(up, one(period, value), asOf, { earlyWarning });
          const b = trackBenefit(down, one(period, -value), asOf, { earlyWarning });
          expect(b.status).toBe(a.status);
          expect(b.realizationPct).toBeCloseTo(a.realizationPct!, 9);
          expect(b.rows.map((r) => r.variance)).toEqual(a.rows.map((r) => r.variance));
        },
      ),
    );
  });
});
