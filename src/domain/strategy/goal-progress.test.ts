import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type CheckIn,
  daysBetween,
  expectedProgressAt,
  GOAL_DIRECTIONS,
  progressPercent,
  type TrackedGoal,
  trackGoal,
  yearsBetween,
} from "./goal-progress.js";

/** 0 → 100 over exactly 100 days (Jan 31 + Feb 28 + Mar 31 = 90, + 10 → 2026-04-11). */
function makeGoal(overrides: Partial<TrackedGoal> = {}): TrackedGoal {
  return {
    direction: "increase",
    baseline: { value: 0, date: "2026-01-01" },
    target: { value: 100, date: "2026-04-11" },
    ...overrides,
  };
}

describe("progressPercent", () => {
  it("measures an increase from baseline towards target", () => {
    // (45 − 40) / (60 − 40) × 100 = 25
    expect(progressPercent("increase", 40, 60, 45)).toBe(25);
    expect(progressPercent("increase", 40, 60, 60)).toBe(100);
    expect(progressPercent("increase", 40, 60, 40)).toBe(0);
  });

  it("measures a decrease from baseline towards target", () => {
    // (27 − 30) / (20 − 30) × 100 = 30
    expect(progressPercent("decrease", 30, 20, 27)).toBeCloseTo(30, 10);
    expect(progressPercent("decrease", 30, 20, 20)).toBe(100);
  });

  it("clamps overshoot to 100 and regression to 0", () => {
    expect(progressPercent("increase", 40, 60, 70)).toBe(100); // 150 %
    expect(progressPercent("increase", 40, 60, 35)).toBe(0); // −25 %
    expect(progressPercent("decrease", 30, 20, 15)).toBe(100);
    expect(progressPercent("decrease", 30, 20, 33)).toBe(0);
  });

  it("counts a maintained value as 100 inside the tolerance band and 0 outside", () => {
    expect(progressPercent("maintain", 95, 95, 97, 2)).toBe(100); // |97 − 95| = 2 ≤ 2
    expect(progressPercent("maintain", 95, 95, 93, 2)).toBe(100);
    expect(progressPercent("maintain", 95, 95, 97.5, 2)).toBe(0);
    expect(progressPercent("maintain", 95, 95, 95)).toBe(100); // no band: only the exact target
    expect(progressPercent("maintain", 95, 95, 95.1)).toBe(0);
    expect(progressPercent("maintain", 95, 95, 95.1, -1)).toBe(0); // a negative band counts as 0
  });

  it("handles a target equal to the baseline by direction", () => {
    expect(progressPercent("increase", 50, 50, 50)).toBe(100);
    expect(progressPercent("increase", 50, 50, 49)).toBe(0);
    expect(progressPercent("decrease", 50, 50, 49)).toBe(100);
    expect(progressPercent("decrease", 50, 50, 51)).toBe(0);
  });

  it("gives 0 for non-finite input", () => {
    expect(progressPercent("increase", 0, 10, Number.NaN)).toBe(0);
    expect(progressPercent("increase", 0, Number.POSITIVE_INFINITY, 5)).toBe(0);
  });

  it("always lies in [0, 100] (property)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...GOAL_DIRECTIONS),
        fc.double(),
        fc.double(),
        fc.double(),
        fc.option(fc.double()),
        (direction, b, t, c, tol) => {
          const p = progressPercent(direction, b, t, c, tol);
          expect(p).toBeGreaterThanOrEqual(0);
          expect(p).toBeLessThanOrEqual(100);
        },
      ),
    );
  });
});

describe("daysBetween and yearsBetween", () => {
  it("counts calendar days across leap years", () => {
    expect(daysBetween("2024-02-28", "2024-03-01")).toBe(2);
    expect(daysBetween("2023-02-28", "2023-03-01")).toBe(1);
    expect(daysBetween("1970-01-01", "2000-01-01")).toBe(10957);
    expect(daysBetween("2026-04-11", "2026-01-01")).toBe(-100);
    expect(daysBetween("2026-02-30", "2026-03-01")).toBeNaN();
  });

  it("agrees with Date.UTC (property)", () => {
    const date = fc
      .date({ min: new Date("1601-01-01T00:00:00Z"), max: new Date("2399-12-31T00:00:00Z"), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(date, date, (a, b) => {
        expect(daysBetween(a, b)).toBe((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
      }),
    );
  });

  it("counts whole anniversaries plus the fraction of the next year", () => {
    expect(yearsBetween("2026-01-01", "2027-01-01")).toBe(1);
    expect(yearsBetween("2026-01-01", "2028-01-01")).toBe(2);
    expect(yearsBetween("2026-01-01", "2026-07-02")).toBe(182 / 365);
    expect(yearsBetween("2024-01-01", "2024-07-01")).toBe(182 / 366); // leap year
    expect(yearsBetween("2024-02-29", "2025-02-28")).toBe(1); // anniversary falls on 28 Feb
    expect(yearsBetween("2028-01-01", "2026-01-01")).toBe(-2);
    expect(yearsBetween("2026-01-01", "nope")).toBeNaN();
  });
});

describe("expectedProgressAt", () => {
  it("runs in a straight line from baseline date to target date", () => {
    const goal = makeGoal();
    expect(expectedProgressAt(goal, "2025-12-01")).toBe(0);
    expect(expectedProgressAt(goal, "2026-01-01")).toBe(0);
    expect(expectedProgressAt(goal, "2026-01-31")).toBe(30); // day 30 of 100
    expect(expectedProgressAt(goal, "2026-02-20")).toBe(50); // day 50
    expect(expectedProgressAt(goal, "2026-04-11")).toBe(100);
    expect(expectedProgressAt(goal, "2027-01-01")).toBe(100);
  });

  it("follows the interim milestones piecewise", () => {
    // Baseline 100 on 01-01, target 200 on 01-11; milestone 160 on 01-03 = 60 % after 2 of 10 days.
    const goal = makeGoal({
      baseline: { value: 100, date: "2026-01-01" },
      target: { value: 200, date: "2026-01-11" },
      milestones: [
        { date: "2026-01-03", value: 160 },
        { date: "2026-02-01", value: 150 }, // after the target date: ignored
        { date: "2026-01-01", value: 190 }, // on the baseline date: ignored
      ],
    });
    expect(expectedProgressAt(goal, "2026-01-02")).toBe(30); // halfway to 60
    expect(expectedProgressAt(goal, "2026-01-03")).toBe(60);
    expect(expectedProgressAt(goal, "2026-01-07")).toBe(80); // 60 + 40 × 4/8
    expect(expectedProgressAt(goal, "2026-01-11")).toBe(100);
  });

  it("sorts milestones and converts them for a decrease", () => {
    // Lead time 30 → 10 days; milestones 25 (25 %) on day 5 and 15 (75 %) on day 8, given out of order.
    const goal = makeGoal({
      direction: "decrease",
      baseline: { value: 30, date: "2026-01-01" },
      target: { value: 10, date: "2026-01-11" },
      milestones: [
        { date: "2026-01-09", value: 15 },
        { date: "2026-01-06", value: 25 },
      ],
    });
    expect(expectedProgressAt(goal, "2026-01-06")).toBe(25);
    expect(expectedProgressAt(goal, "2026-01-09")).toBe(75);
    expect(expectedProgressAt(goal, "2026-01-10")).toBe(87.5);
  });

  it("clamps milestones beyond the target", () => {
    const goal = makeGoal({
      baseline: { value: 0, date: "2026-01-01" },
      target: { value: 10, date: "2026-01-11" },
      milestones: [{ date: "2026-01-06", value: 20 }], // 200 % → 100
    });
    expect(expectedProgressAt(goal, "2026-01-06")).toBe(100);
    expect(expectedProgressAt(goal, "2026-01-04")).toBe(60);
  });

  it("expects a maintained value in the band from the baseline date on", () => {
    const goal = makeGoal({ direction: "maintain", baseline: { value: 95, date: "2026-01-01" }, tolerance: 2 });
    expect(expectedProgressAt(goal, "2025-12-31")).toBe(0);
    expect(expectedProgressAt(goal, "2026-01-01")).toBe(100);
    expect(expectedProgressAt(goal, "2026-02-01")).toBe(100);
  });

  it("is non-decreasing in the date and within [0, 100] without milestones (property)", () => {
    const day = fc.integer({ min: -50, max: 150 });
    const date = (n: number) => {
      const d = new Date(Date.UTC(2026, 0, 1 + n));
      return d.toISOString().slice(0, 10);
    };
    fc.assert(
      fc.property(fc.constantFrom(...GOAL_DIRECTIONS), day, day, (direction, x, y) => {
        const goal = makeGoal({ direction, tolerance: 1 });
        const [early, late] = x <= y ? [x, y] : [y, x];
        const e1 = expectedProgressAt(goal, date(early));
        const e2 = expectedProgressAt(goal, date(late));
        expect(e1).toBeGreaterThanOrEqual(0);
        expect(e2).toBeLessThanOrEqual(100);
        expect(e1).toBeLessThanOrEqual(e2);
      }),
    );
  });
});

describe("trackGoal", () => {
  // On 2026-02-20 (day 50 of 100) the expected progress is 50; off track below 50 − 5 = 45.
  const asOf = "2026-02-20";

  it("is not started without a check-in", () => {
    const t = trackGoal(makeGoal(), [], asOf);
    expect(t).toMatchObject({ current: null, progress: null, expected: 50, status: "not_started", onTrack: false });
    expect(t.series).toEqual([]);
  });

  it("is on track within 5 points of the expected progress", () => {
    expect(trackGoal(makeGoal(), [{ date: "2026-02-15", value: 46 }], asOf)).toMatchObject({
      current: 46,
      currentDate: "2026-02-15",
      progress: 46,
      status: "on_track",
      onTrack: true,
    });
    expect(trackGoal(makeGoal(), [{ date: "2026-02-15", value: 45 }], asOf).status).toBe("on_track"); // 45 = 50 − 5
  });

  it("is off track more than 5 points behind", () => {
    const t = trackGoal(makeGoal(), [{ date: "2026-02-15", value: 44 }], asOf);
    expect(t.status).toBe("off_track");
    expect(t.onTrack).toBe(false);
  });

  it("takes the margin as an option", () => {
    const checkIns = [{ date: "2026-02-15", value: 44 }];
    expect(trackGoal(makeGoal(), checkIns, asOf, { offTrackMargin: 10 }).status).toBe("on_track");
    expect(trackGoal(makeGoal(), [{ date: "2026-02-15", value: 49 }], asOf, { offTrackMargin: 0 }).status).toBe(
      "off_track",
    );
  });

  it("is achieved once progress reaches 100, even before the target date", () => {
    const t = trackGoal(makeGoal(), [{ date: "2026-02-01", value: 104 }], asOf);
    expect(t).toMatchObject({ status: "achieved", onTrack: true, progress: 100, current: 104 });
  });

  it("is missed after the target date when not achieved, with or without check-ins", () => {
    expect(trackGoal(makeGoal(), [{ date: "2026-04-01", value: 90 }], "2026-04-12").status).toBe("missed");
    expect(trackGoal(makeGoal(), [], "2026-04-12").status).toBe("missed");
    // On the target date itself it is not missed yet.
    expect(trackGoal(makeGoal(), [{ date: "2026-04-01", value: 96 }], "2026-04-11").status).toBe("on_track");
  });

  it("uses the latest check-in on or before asOf, in date order, one per date", () => {
    const checkIns: CheckIn[] = [
      { date: "2026-03-01", value: 70 }, // after asOf: ignored
      { date: "2026-02-10", value: 30 },
      { date: "2026-01-21", value: 15 },
      { date: "2026-02-10", value: 40 }, // same date, given later: a correction
      { date: "2026-02-31", value: 99 }, // not a date: ignored
      { date: "2026-02-11", value: Number.NaN }, // not a value: ignored
    ];
    const t = trackGoal(makeGoal(), checkIns, asOf);
    expect(t.current).toBe(40);
    expect(t.series).toEqual([
      { date: "2026-01-21", value: 15, progress: 15, expected: 20 },
      { date: "2026-02-10", value: 40, progress: 40, expected: 40 },
    ]);
    expect(t.status).toBe("off_track"); // 40 < 50 − 5
  });

  it("tracks a decrease", () => {
    // Lead time 30 → 10 days over 100 days; on day 50, 21 days is (30 − 21)/20 = 45 % → on track.
    const goal = makeGoal({
      direction: "decrease",
      baseline: { value: 30, date: "2026-01-01" },
      target: { value: 10, date: "2026-04-11" },
    });
    expect(trackGoal(goal, [{ date: asOf, value: 21 }], asOf)).toMatchObject({ progress: 45, status: "on_track" });
    expect(trackGoal(goal, [{ date: asOf, value: 22 }], asOf).status).toBe("off_track"); // 40 %
  });

  it("tracks a maintained value: in the band is on track until the target date, then achieved", () => {
    const goal = makeGoal({
      direction: "maintain",
      baseline: { value: 95, date: "2026-01-01" },
      target: { value: 95, date: "2026-04-11" },
      tolerance: 2,
    });
    expect(trackGoal(goal, [{ date: "2026-02-01", value: 96 }], asOf)).toMatchObject({
      progress: 100,
      expected: 100,
      status: "on_track",
    });
    expect(trackGoal(goal, [{ date: "2026-02-01", value: 92 }], asOf).status).toBe("off_track");
    expect(trackGoal(goal, [{ date: "2026-04-10", value: 94 }], "2026-04-11").status).toBe("achieved");
    expect(trackGoal(goal, [{ date: "2026-04-10", value: 92 }], "2026-04-20").status).toBe("missed");
  });
});
