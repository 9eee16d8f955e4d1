/**
 * Progress of a goal (KPI) from its check-ins: how far the current value has moved from the baseline
 * towards the target, how far it should have moved by a date, and the resulting status.
 * Pure functions; the date is always a parameter (`asOf`), never the clock.
 *
 * Progress (`progressPercent`)
 * | direction           | progress                                                           |
 * |---------------------|--------------------------------------------------------------------|
 * | increase / decrease | (current − baseline) / (target − baseline) × 100, clamped to 0–100 |
 * |                     | target = baseline: 100 once current is at or beyond the target in  |
 * |                     | the goal's direction, else 0                                       |
 * | maintain            | 100 when abs(current − target) ≤ tolerance (default 0), else 0     |
 * Non-finite inputs give 0.
 *
 * Expected progress (`expectedProgressAt`)
 * | case                | expected progress at a date                                        |
 * |---------------------|--------------------------------------------------------------------|
 * | increase / decrease | 0 on or before the baseline date, 100 on or after the target date, |
 * |                     | linear in calendar days in between — or piecewise linear through   |
 * |                     | the interim milestones, each converted to progress % with          |
 * |                     | `progressPercent`; clamped to 0–100                                |
 * | milestones ignored  | a date not strictly between baseline and target date, or a         |
 * |                     | non-finite value                                                   |
 * | maintain            | 0 before the baseline date, 100 from it on: the value must stay in |
 * |                     | the band the whole time, so milestones do not apply                |
 * | target ≤ baseline   | 0 before the target date, 100 from it on                           |
 *
 * Status (`trackGoal`), first matching row wins
 * | status      | when                                                                        |
 * |-------------|-----------------------------------------------------------------------------|
 * | missed      | no check-in on or before asOf, and asOf is after the target date            |
 * | not_started | no check-in on or before asOf                                               |
 * | achieved    | increase/decrease: progress ≥ 100; maintain: progress = 100 and asOf is on  |
 * |             | or after the target date                                                    |
 * | missed      | asOf is after the target date                                               |
 * | off_track   | progress < expected − margin (OFF_TRACK_MARGIN = 5 percentage points)       |
 * | on_track    | otherwise                                                                   |
 * `onTrack` is true for `on_track` and `achieved`.
 */
import { daysInMonth, isIsoDate } from "../shared/period.js";

export const GOAL_DIRECTIONS = ["increase", "decrease", "maintain"] as const;
export type GoalDirection = (typeof GOAL_DIRECTIONS)[number];

export const GOAL_STATUSES = ["not_started", "on_track", "off_track", "achieved", "missed"] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

/** Percentage points a goal may lag behind its expected progress before it is off track. */
export const OFF_TRACK_MARGIN = 5;

export type GoalMilestone = { date: string; value: number };
export type CheckIn = { date: string; value: number };

/** The fields of a goal that tracking needs; dates are `YYYY-MM-DD`. */
export type TrackedGoal = {
  direction: GoalDirection;
  baseline: { value: number; date: string };
  target: { value: number; date: string };
  /** ± absolute band around the target for `maintain`. */
  tolerance?: number | null;
  milestones?: readonly GoalMilestone[] | null;
};

export type GoalSeriesPoint = { date: string; value: number; progress: number; expected: number };

export type GoalTracking = {
  /** Value of the latest check-in on or before asOf; null without one. */
  current: number | null;
  currentDate: string | null;
  /** Progress of `current`, 0–100; null without a check-in. */
  progress: number | null;
  /** Expected progress at asOf, 0–100. */
  expected: number;
  onTrack: boolean;
  status: GoalStatus;
  /** Check-ins on or before asOf, by date, one per date. */
  series: GoalSeriesPoint[];
};

function clampPercent(x: number): number {
  if (Number.isNaN(x)) return 0;
  return Math.min(100, Math.max(0, x));
}

export function progressPercent(
  direction: GoalDirection,
  baseline: number,
  target: number,
  current: number,
  tolerance?: number | null,
): number {
  if (!Number.isFinite(baseline) || !Number.isFinite(target) || !Number.isFinite(current)) return 0;
  if (direction === "maintain") {
    const band = typeof tolerance === "number" && Number.isFinite(tolerance) && tolerance > 0 ? tolerance : 0;
    return Math.abs(current - target) <= band ? 100 : 0;
  }
  const span = target - baseline;
  if (span === 0) {
    const reached = direction === "increase" ? current >= target : current <= target;
    return reached ? 100 : 0;
  }
  return clampPercent(((current - baseline) / span) * 100);
}

/**
 * Days since 1970-01-01 of a proleptic Gregorian date, by integer arithmetic (H. Hinnant,
 * "chrono-Compatible Low-Level Date Algorithms", days_from_civil). NaN for an invalid date.
 */
function dayNumber(iso: string): number {
  if (!isIsoDate(iso)) return Number.NaN;
  const d = Number(iso.slice(8, 10));
  const m = Number(iso.slice(5, 7));
  const y = Number(iso.slice(0, 4)) - (m <= 2 ? 1 : 0);
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * ((m + 9) % 12) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Calendar days from a to b (b − a); NaN when either is not a valid `YYYY-MM-DD` date. */
export function daysBetween(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}

function anniversary(iso: string, years: number): string {
  const y = Number(iso.slice(0, 4)) + years;
  const m = Number(iso.slice(5, 7));
  const d = Math.min(Number(iso.slice(8, 10)), daysInMonth(y, m));
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/**
 * Years from a to b: whole anniversaries plus the fraction of the following year (by days), so
 * 2026-01-01 → 2027-01-01 is exactly 1 and 2026-01-01 → 2026-07-02 is 182/365. A 29 February
 * anniversary falls on 28 February. Negative when b is earlier; NaN for invalid dates.
 */
export function yearsBetween(a: string, b: string): number {
  if (!isIsoDate(a) || !isIsoDate(b)) return Number.NaN;
  if (b < a) return -yearsBetween(b, a);
  let whole = Number(b.slice(0, 4)) - Number(a.slice(0, 4));
  if (anniversary(a, whole) > b) whole -= 1;
  const start = anniversary(a, whole);
  return whole + daysBetween(start, b) / daysBetween(start, anniversary(a, whole + 1));
}

/** Expected progress (0–100) at `date`; see the table at the top of this file. */
export function expectedProgressAt(goal: TrackedGoal, date: string): number {
  const b = dayNumber(goal.baseline.date);
  const t = dayNumber(goal.target.date);
  const x = dayNumber(date);
  if (Number.isNaN(b) || Number.isNaN(t) || Number.isNaN(x)) return 0;
  if (goal.direction === "maintain") return x >= b ? 100 : 0;
  if (t <= b) return x >= t ? 100 : 0;
  if (x <= b) return 0;
  if (x >= t) return 100;

  const points: { day: number; progress: number }[] = [{ day: b, progress: 0 }];
  const milestones = (goal.milestones ?? [])
    .map((m) => ({ day: dayNumber(m.date), value: m.value }))
    .filter((m) => m.day > b && m.day < t && Number.isFinite(m.value))
    .sort((p, q) => p.day - q.day);
  for (const m of milestones) {
    points.push({
      day: m.day,
      progress: progressPercent(goal.direction, goal.baseline.value, goal.target.value, m.value, goal.tolerance),
    });
  }
  points.push({ day: t, progress: 100 });

  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i]!;
    const to = points[i + 1]!;
    if (x > to.day) continue;
    if (to.day === from.day) return clampPercent(to.progress);
    return clampPercent(from.progress + ((to.progress - from.progress) * (x - from.day)) / (to.day - from.day));
  }
  return 100;
}

export type TrackGoalOptions = {
  /** Percentage points of lag allowed before `off_track`; default OFF_TRACK_MARGIN. */
  offTrackMargin?: number;
};

/**
 * Current value, progress, expected progress and status of a goal as of a date. Check-ins after
 * asOf, with an invalid date or a non-finite value are ignored; of several on one date the last
 * given wins (a correction).
 */
export function trackGoal(
  goal: TrackedGoal,
  checkIns: readonly CheckIn[],
  asOf: string,
  options: TrackGoalOptions = {},
): GoalTracking {
  const margin = options.offTrackMargin ?? OFF_TRACK_MARGIN;
  const byDate = new Map<string, number>();
  for (const c of checkIns) {
    if (isIsoDate(c.date) && Number.isFinite(c.value) && c.date <= asOf) byDate.set(c.date, c.value);
  }
  const series: GoalSeriesPoint[] = [...byDate.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([date, value]) => ({
      date,
      value,
      progress: progressPercent(goal.direction, goal.baseline.value, goal.target.value, value, goal.tolerance),
      expected: expectedProgressAt(goal, date),
    }));

  const expected = expectedProgressAt(goal, asOf);
  const latest = series.at(-1);
  const pastTarget = asOf > goal.target.date;
  const result = (status: GoalStatus): GoalTracking => ({
    current: latest?.value ?? null,
    currentDate: latest?.date ?? null,
    progress: latest?.progress ?? null,
    expected,
    onTrack: status === "on_track" || status === "achieved",
    status,
    series,
  });

  if (!latest) return result(pastTarget ? "missed" : "not_started");
  const achieved =
    goal.direction === "maintain" ? latest.progress === 100 && asOf >= goal.target.date : latest.progress >= 100;
  if (achieved) return result("achieved");
  if (pastTarget) return result("missed");
  return result(latest.progress < expected - margin ? "off_track" : "on_track");
}
