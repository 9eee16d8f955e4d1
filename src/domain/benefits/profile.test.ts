import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addMonths } from "../shared/period.js";
import { checkProfile, generateProfile, PROFILE_KINDS, type ProfilePoint, type ProfileSpec } from "./profile.js";

function makeSpec(overrides: Partial<ProfileSpec> = {}): ProfileSpec {
  return { kind: "linear", baseline: 100, target: 160, start: "2026-01", end: "2026-07", ...overrides };
}

function points(spec: ProfileSpec): ProfilePoint[] {
  const result = generateProfile(spec);
  if (!result.ok) throw new Error(`unexpected problems: ${JSON.stringify(result.problems)}`);
  return result.points;
}

describe("generateProfile", () => {
  it("interpolates linearly, one point per month, baseline first and target last", () => {
    expect(points(makeSpec())).toEqual([
      { period: "2026-01", planned: 100 },
      { period: "2026-02", planned: 110 },
      { period: "2026-03", planned: 120 },
      { period: "2026-04", planned: 130 },
      { period: "2026-05", planned: 140 },
      { period: "2026-06", planned: 150 },
      { period: "2026-07", planned: 160 },
    ]);
  });

  it("runs a decrease the same way and crosses a year end", () => {
    // 30 → 20 over 2025-11 … 2026-03 (4 steps of −2.5)
    expect(
      points(makeSpec({ baseline: 30, target: 20, start: "2025-11", end: "2026-03" })).map((p) => p.planned),
    ).toEqual([30, 27.5, 25, 22.5, 20]);
  });

  it("follows smoothstep 3u² − 2u³ for an S-curve", () => {
    // u = ¼: 3/16 − 2/64 = 0.15625; u = ½: 0.5; u = ¾: 27/16 − 54/64 = 0.84375
    expect(points(makeSpec({ kind: "s_curve", baseline: 0, target: 100, end: "2026-05" }))).toEqual([
      { period: "2026-01", planned: 0 },
      { period: "2026-02", planned: 15.625 },
      { period: "2026-03", planned: 50 },
      { period: "2026-04", planned: 84.375 },
      { period: "2026-05", planned: 100 },
    ]);
  });

  it("jumps to the target at stepAt, and at the end by default", () => {
    expect(points(makeSpec({ kind: "step", end: "2026-06", stepAt: "2026-04" })).map((p) => p.planned)).toEqual([
      100, 100, 100, 160, 160, 160,
    ]);
    expect(points(makeSpec({ kind: "step", end: "2026-04" })).map((p) => p.planned)).toEqual([100, 100, 100, 160]);
  });

  it("gives the target alone for a one-month profile", () => {
    for (const kind of PROFILE_KINDS)
      expect(points(makeSpec({ kind, end: "2026-01" }))).toEqual([{ period: "2026-01", planned: 160 }]);
  });

  it("ends exactly on the target despite rounding", () => {
    const last = points(makeSpec({ baseline: 0.1, target: 0.3, end: "2026-04" })).at(-1)!;
    expect(last.planned).toBe(0.3);
  });

  it("returns field problems instead of throwing", () => {
    expect(generateProfile(makeSpec({ start: "2026-13", end: "2025-12" }))).toEqual({
      ok: false,
      problems: [{ path: "start", message: "must be a month YYYY-MM" }],
    });
    expect(generateProfile(makeSpec({ end: "2025-12" }))).toEqual({
      ok: false,
      problems: [{ path: "end", message: "must be on or after the start month" }],
    });
    expect(generateProfile(makeSpec({ baseline: Number.NaN, target: Number.POSITIVE_INFINITY }))).toEqual({
      ok: false,
      problems: [
        { path: "baseline", message: "must be a finite number" },
        { path: "target", message: "must be a finite number" },
      ],
    });
    for (const stepAt of ["2026-01", "2026-08", "2025-12"])
      expect(generateProfile(makeSpec({ kind: "step", stepAt }))).toEqual({
        ok: false,
        problems: [{ path: "stepAt", message: "must lie after the start 2026-01 and on or before the end 2026-07" }],
      });
    expect(generateProfile(makeSpec({ kind: "step", stepAt: "July" })).ok).toBe(false);
    expect(generateProfile(makeSpec({ kind: "cubic" as never })).ok).toBe(false);
  });

  it("ignores stepAt for the other kinds", () => {
    expect(generateProfile(makeSpec({ stepAt: "1999-01" })).ok).toBe(true);
  });

  it("is monotone from baseline to target, one point per month, for every kind", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PROFILE_KINDS),
        fc.integer({ min: -1000, max: 1000 }),
        fc.integer({ min: -1000, max: 1000 }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 60 }),
        (kind, baseline, target, months, stepOffset) => {
          const end = addMonths("2026-01", months);
          const stepAt = addMonths("2026-01", Math.min(stepOffset, months));
          const pts = points({ kind, baseline, target, start: "2026-01", end, stepAt });
          expect(pts).toHaveLength(months + 1);
          expect(pts[0]!.planned).toBe(baseline);
          expect(pts.at(-1)!.planned).toBe(target);
          const sign = Math.sign(target - baseline);
          for (let i = 1; i < pts.length; i++) {
            expect(pts[i]!.period).toBe(addMonths(pts[i - 1]!.period, 1));
            expect(sign * (pts[i]!.planned - pts[i - 1]!.planned)).toBeGreaterThanOrEqual(0);
          }
        },
      ),
    );
  });
});

describe("checkProfile", () => {
  const dates = { startDate: "2026-01-15", targetDate: "2026-12-31" };

  it("accepts points inside the benefit's dates, in any order and with gaps", () => {
    const pts = [
      { period: "2026-12", planned: 160 },
      { period: "2026-01", planned: 100 },
      { period: "2026-06", planned: 130 },
    ];
    expect(checkProfile(pts, dates)).toEqual([]);
    expect(checkProfile(pts, { startDate: "2026-01", targetDate: "2026-12" })).toEqual([]);
  });

  it("reports periods outside the dates, duplicates, bad periods and non-finite values", () => {
    const pts = [
      { period: "2025-12", planned: 100 },
      { period: "2026-03", planned: 120 },
      { period: "2027-01", planned: 160 },
      { period: "2026-03", planned: 121 },
      { period: "2026-3", planned: 1 },
      { period: "2026-04", planned: Number.NaN },
    ];
    expect(checkProfile(pts, dates)).toEqual([
      { path: "points.0.period", message: "lies before the start of realization 2026-01" },
      { path: "points.2.period", message: "lies after the target date 2026-12" },
      { path: "points.3.period", message: "repeats 2026-03, already given at point 1" },
      { path: "points.4.period", message: "must be a month YYYY-MM" },
      { path: "points.5.planned", message: "must be a finite number" },
    ]);
  });

  it("reports unusable dates and still checks the points", () => {
    expect(
      checkProfile([{ period: "2026-02", planned: Number.POSITIVE_INFINITY }], { startDate: "soon", targetDate: "" }),
    ).toEqual([
      { path: "startDate", message: "must be a date YYYY-MM-DD or a month YYYY-MM" },
      { path: "targetDate", message: "must be a date YYYY-MM-DD or a month YYYY-MM" },
      { path: "points.0.planned", message: "must be a finite number" },
    ]);
  });
});
