/**
 * Tracking a benefit: actual KPI values against the benefit profile, month by month and cumulative,
 * with the realization percentage, the variance, the tolerance and the resulting status.
 * Pure functions; the assessment month `asOf` is always a parameter, never the clock.
 *
 * Terms (MSP — Managing Successful Programmes, AXELOS, benefits management; Jenner, "Managing
 * Benefits", APMG 2014, on benefits realization and tolerances: a benefit is managed by
 * exception, within tolerances set around its profile).
 *
 * Direction. A benefit changes its KPI from `baseline` to `target`; it is an "increase" benefit
 * when target > baseline and a "decrease" benefit when target < baseline (`directionOf`). The sign
 * s = +1 / −1 turns every comparison "in the benefit's direction", so the same rules serve revenue
 * (up is good) and cycle time (down is good). A benefit with target = baseline plans no change; it
 * has no direction, no realization % and stays `not_started` (DOAM's Measurable test flags it).
 *
 * Formulas
 * | quantity          | formula                                                                     |
 * |-------------------|-----------------------------------------------------------------------------|
 * | realization %     | (actual − baseline) / (target − baseline) × 100 — direction-aware by itself |
 * |                   | (both differences flip sign for a decrease); not clamped, so 120 % is an    |
 * |                   | overshoot and −10 % a move the wrong way                                    |
 * | planned(p)        | the profile point of month p; before the first point the baseline; after    |
 * |                   | the last point its value (the target, sustained); in a gap the last point   |
 * |                   | before p (`plannedAt`)                                                      |
 * | variance          | s · (actual − planned): positive = ahead of plan, negative = behind         |
 * | variance %        | variance / abs(target − baseline) × 100 — a share of the whole planned      |
 * |                   | change, so it is defined from the first month and not inflated while       |
 * |                   | little change is planned yet                                                |
 * | shortfall         | max(0, −variance): only falling behind uses up tolerance                    |
 * | tolerance band    | percent: value / 100 × abs(target − baseline); absolute: value in the KPI's |
 * |                   | unit; a negative or non-finite value counts as 0 (`toleranceBand`)          |
 * | within tolerance  | shortfall ≤ band                                                            |
 * | cumulative        | Σ s · (value − baseline) over the months measured so far, for the plan and  |
 * |                   | the actuals alike ("like for like": a month without a measurement adds to   |
 * |                   | neither, so quarterly measurement is not read as a shortfall). In KPI-unit  |
 * |                   | months: for a flow KPI such as "cost per month" it is the total saved       |
 *
 * Comparisons with the band and the target allow a rounding slack of 1e-9 × abs(target − baseline).
 *
 * Status (`trackingStatus`), first matching row wins; "latest" is the latest actual on or before asOf
 * | status       | when                                                                        |
 * |--------------|-----------------------------------------------------------------------------|
 * | not_started  | target = baseline (no planned change)                                       |
 * | realized     | the latest actual has reached the target: ≥ target for an increase, ≤ for a |
 * |              | decrease (the latest, not any: a benefit must be sustained)                 |
 * | not_realized | asOf is after the target month                                              |
 * | not_started  | no actual on or before asOf, or asOf is before the first month whose        |
 * |              | planned value differs from the baseline (the first planned change)          |
 * | on_track     | shortfall of the latest actual against planned(its month) ≤ band, and no    |
 * |              | early warning                                                               |
 * | at_risk      | shortfall ≤ 2 × band, or on track by the rule above but `earlyWarning` is   |
 * |              | set (the forecast misses the target; see `earlyWarning` in forecast.ts)     |
 * | off_track    | shortfall > 2 × band                                                        |
 * The latest actual is compared with the plan of its own month, not of asOf: a quarterly KPI
 * measured in March is judged against March's plan. Staleness is the job of the measurement
 * schedule (measurement-schedule.ts). With a band of 0 any shortfall is off track.
 *
 * Actuals with an invalid period or a non-finite value are ignored, as are those after asOf; of
 * several in one month the last given wins (a correction).
 */
import { isPeriod } from "../shared/period.js";
import type { ProfilePoint } from "./profile.js";

export const BENEFIT_DIRECTIONS = ["increase", "decrease"] as const;
export type BenefitDirection = (typeof BENEFIT_DIRECTIONS)[number];

export const TRACKING_STATUSES = [
  "not_started",
  "on_track",
  "at_risk",
  "off_track",
  "realized",
  "not_realized",
] as const;
export type TrackingStatus = (typeof TRACKING_STATUSES)[number];

/** A value of the benefit's KPI in a month `YYYY-MM`. */
export type PeriodValue = { period: string; value: number };

export const TOLERANCE_KINDS = ["percent", "absolute"] as const;
export type ToleranceKind = (typeof TOLERANCE_KINDS)[number];
/** How far behind the profile a benefit may fall: a percent of the planned change, or KPI units. */
export type Tolerance = { kind: ToleranceKind; value: number };

/** Multiplier of the band beyond which a benefit is off track rather than at risk. */
export const OFF_TRACK_BAND_FACTOR = 2;
const SLACK = 1e-9;

export type TrackedBenefit = {
  baseline: number;
  target: number;
  /** Month of the target date `YYYY-MM`. */
  targetPeriod: string;
  profile: readonly ProfilePoint[];
  tolerance: Tolerance;
};

export type TrackingRow = {
  period: string;
  planned: number;
  /** Null when the month has no measurement (or lies after asOf). */
  actual: number | null;
  /** s · (actual − planned); null without an actual. */
  variance: number | null;
  /** variance / abs(target − baseline) × 100; null without an actual or a planned change. */
  variancePct: number | null;
  /** Running Σ s · (planned − baseline) over the measured months up to this one. */
  cumulativePlanned: number;
  /** Running Σ s · (actual − baseline) over the measured months up to this one. */
  cumulativeActual: number;
  /** Null without an actual. */
  withinTolerance: boolean | null;
};

export type TrackOptions = {
  /** Set when the forecast misses the target by more than the tolerance (forecast.ts `earlyWarning`). */
  earlyWarning?: boolean;
};

export type BenefitTracking = {
  direction: BenefitDirection | null;
  /** The tolerance in KPI units. */
  toleranceBand: number;
  /** Every month of the profile and every measured month up to asOf, in order. */
  rows: TrackingRow[];
  /** The row of the latest actual on or before asOf. */
  latest: TrackingRow | null;
  /** Realization % of the latest actual; null without one or without a planned change. */
  realizationPct: number | null;
  /** Latest shortfall against the plan in KPI units (≥ 0); null without an actual. */
  shortfall: number | null;
  /** Whether the latest actual is within tolerance; null without one. */
  latestWithinTolerance: boolean | null;
  /** Measured months in a row, back from the latest, that are beyond tolerance. */
  consecutiveBeyondTolerance: number;
  /** First month whose planned value differs from the baseline; null if none. */
  firstChangePeriod: string | null;
  status: TrackingStatus;
};

/** "increase" when target > baseline, "decrease" when below, null when equal or not finite. */
export function directionOf(baseline: number, target: number): BenefitDirection | null {
  if (!Number.isFinite(baseline) || !Number.isFinite(target) || target === baseline) return null;
  return target > baseline ? "increase" : "decrease";
}

/** (actual − baseline) / (target − baseline) × 100; null when target = baseline or a value is not finite. */
export function realizationPct(baseline: number, target: number, actual: number): number | null {
  if (!Number.isFinite(actual) || directionOf(baseline, target) === null) return null;
  return ((actual - baseline) / (target - baseline)) * 100;
}

/** The tolerance in the KPI's unit; see the formulas at the top of this file. */
export function toleranceBand(tolerance: Tolerance, baseline: number, target: number): number {
  const v = tolerance.value;
  if (!Number.isFinite(v) || v <= 0) return 0;
  if (tolerance.kind === "absolute") return v;
  const span = Math.abs(target - baseline);
  return Number.isFinite(span) ? (v / 100) * span : 0;
}

function validPoints(profile: readonly ProfilePoint[]): ProfilePoint[] {
  const byPeriod = new Map<string, number>();
  for (const p of profile) if (isPeriod(p.period) && Number.isFinite(p.planned)) byPeriod.set(p.period, p.planned);
  return [...byPeriod.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([period, planned]) => ({ period, planned }));
}

/** Planned value in a month from sorted, valid points. */
function plannedIn(points: readonly ProfilePoint[], period: string, baseline: number): number {
  let planned = baseline;
  for (const p of points) {
    if (p.period > period) break;
    planned = p.planned;
  }
  return planned;
}

/**
 * The planned value of month `period`: the profile point of that month, else the last point before
 * it, else the baseline. Invalid points are ignored; of duplicates the last wins.
 */
export function plannedAt(profile: readonly ProfilePoint[], period: string, baseline: number): number {
  return plannedIn(validPoints(profile), period, baseline);
}

/** Planned vs actual per month and cumulative, the latest position and the status. */
export function trackBenefit(
  benefit: TrackedBenefit,
  actuals: readonly PeriodValue[],
  asOf: string,
  options: TrackOptions = {},
): BenefitTracking {
  if (!isPeriod(asOf)) throw new RangeError(`asOf must be a month YYYY-MM, got "${asOf}"`);
  if (!isPeriod(benefit.targetPeriod))
    throw new RangeError(`targetPeriod must be a month YYYY-MM, got "${benefit.targetPeriod}"`);
  const { baseline, target } = benefit;
  const direction = directionOf(baseline, target);
  const s = direction === "decrease" ? -1 : 1;
  const span = Math.abs(target - baseline);
  const slack = SLACK * (Number.isFinite(span) ? span : 0);
  const band = direction === null ? 0 : toleranceBand(benefit.tolerance, baseline, target);
  const points = validPoints(benefit.profile);

  const measured = new Map<string, number>();
  for (const a of actuals)
    if (isPeriod(a.period) && Number.isFinite(a.value) && a.period <= asOf) measured.set(a.period, a.value);
  const periods = [...new Set([...points.map((p) => p.period), ...measured.keys()])].sort();

  let cumulativePlanned = 0;
  let cumulativeActual = 0;
  const rows: TrackingRow[] = periods.map((period) => {
    const planned = plannedIn(points, period, baseline);
    const actual = measured.get(period) ?? null;
    if (actual === null)
      return {
        period,
        planned,
        actual,
        variance: null,
        variancePct: null,
        cumulativePlanned,
        cumulativeActual,
        withinTolerance: null,
      };
    const variance = s * (actual - planned);
    cumulativePlanned += s * (planned - baseline);
    cumulativeActual += s * (actual - baseline);
    return {
      period,
      planned,
      actual,
      variance,
      variancePct: direction === null ? null : (variance / span) * 100,
      cumulativePlanned,
      cumulativeActual,
      withinTolerance: Math.max(0, -variance) <= band + slack,
    };
  });

  const measuredRows = rows.filter((r) => r.actual !== null);
  const latest = measuredRows.at(-1) ?? null;
  let consecutiveBeyondTolerance = 0;
  for (let i = measuredRows.length - 1; i >= 0 && measuredRows[i]!.withinTolerance === false; i--)
    consecutiveBeyondTolerance++;
  const shortfall = latest === null ? null : Math.max(0, -latest.variance!);
  const firstChangePeriod = points.find((p) => p.planned !== baseline)?.period ?? null;

  let status: TrackingStatus;
  if (direction === null) status = "not_started";
  else if (latest !== null && s * (latest.actual! - target) >= -slack) status = "realized";
  else if (asOf > benefit.targetPeriod) status = "not_realized";
  else if (latest === null || shortfall === null || (firstChangePeriod !== null && asOf < firstChangePeriod))
    status = "not_started";
  else if (shortfall <= band + slack) status = options.earlyWarning ? "at_risk" : "on_track";
  else if (shortfall <= OFF_TRACK_BAND_FACTOR * band + slack) status = "at_risk";
  else status = "off_track";

  return {
    direction,
    toleranceBand: band,
    rows,
    latest,
    realizationPct: latest === null ? null : realizationPct(baseline, target, latest.actual!),
    shortfall,
    latestWithinTolerance: latest?.withinTolerance ?? null,
    consecutiveBeyondTolerance,
    firstChangePeriod,
    status,
  };
}

/** The status alone; see the rules table at the top of this file. */
export function trackingStatus(
  benefit: TrackedBenefit,
  actuals: readonly PeriodValue[],
  asOf: string,
  options: TrackOptions = {},
): TrackingStatus {
  return trackBenefit(benefit, actuals, asOf, options).status;
}
