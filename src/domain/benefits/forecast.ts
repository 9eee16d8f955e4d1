/**
 * Forecast of a benefit's KPI at its target date: a straight-line trend through the recent
 * actuals, an 80 % prediction interval and the probability of reaching the target; plus the early
 * warning that the forecast misses the target while the actuals are still within tolerance.
 * Pure functions; the actuals are those known at the assessment date.
 *
 * Method: ordinary least squares on the last `window` measured months (default 12).
 *   x = months from the first month of the window (`monthsBetween`), y = the KPI value;
 *   x̄, ȳ the means, Sxx = Σ(x − x̄)², Sxy = Σ(x − x̄)(y − ȳ);
 *   slope b = Sxy / Sxx, intercept a = ȳ − b·x̄, residuals e_i = y_i − (a + b·x_i);
 *   s² = Σ e_i² / (n − 2), the residual variance with n − 2 degrees of freedom.
 * Forecast at x₀ (the target month): ŷ = a + b·x₀, with standard error of prediction
 *   se = s · √(1 + 1/n + (x₀ − x̄)² / Sxx),
 * and the central prediction interval ŷ ± t_{(1+level)/2, n−2} · se, i.e. ŷ ± t_{0.9, n−2} · se
 * at 80 % (Montgomery, Peck & Vining, "Introduction to Linear Regression Analysis", 5th ed.,
 * §2.5, prediction of new observations; Hyndman & Athanasopoulos, "Forecasting: Principles and Practice", 3rd ed., §7.6, who
 * show the same interval with a normal quantile). (ŷ − Y₀)/se follows Student's t with n − 2
 * degrees of freedom, so the probability of reaching the target T is
 *   increase: P(Y₀ ≥ T) = 1 − F_{n−2}((T − ŷ)/se);   decrease: P(Y₀ ≤ T) = F_{n−2}((T − ŷ)/se).
 *
 * Why not Holt's linear method (Hyndman & Athanasopoulos §8.2)? It needs evenly spaced
 * observations — a quarterly KPI or a skipped month breaks its time index, while regression takes
 * x as the real month — and its smoothing parameters α, β* and its interval (§8.7) are estimated
 * from the series itself, which benefits rarely provide: a KPI measured monthly for a year has 12
 * points, often fewer. OLS on a short window has no parameters to fit beyond the line, its
 * interval includes the uncertainty of the slope (the (x₀ − x̄)²/Sxx term) and uses t with n − 2
 * degrees of freedom, which is honest for small n. The window plays the part of Holt's
 * discounting: after a reversal, the last 12 points follow the new direction.
 *
 * Cases
 * | case                                  | result                                                 |
 * |---------------------------------------|--------------------------------------------------------|
 * | target = baseline                     | no forecast: `no_planned_change`                       |
 * | fewer than 3 measured months          | no forecast: `too_few_points` (a line through 2 points |
 * |                                       | has no residuals, so no interval)                      |
 * | target month ≤ the latest measured    | no forecast: `target_date_passed` (compare the actuals |
 * | month                                 | with the target instead)                               |
 * | a flat series                         | slope ≈ 0 by the same formulas; the interval comes     |
 * |                                       | from the residuals                                     |
 * | residuals all 0 (a perfect line or a  | `degenerate`: the interval is the point ŷ and the      |
 * | constant series)                      | probability is 1 if ŷ reaches the target, else 0       |
 * "All 0" means every |e_i| ≤ 1e-9 · max(1, max |y_i|) (rounding); the same slack decides whether
 * a degenerate ŷ reaches the target. Actuals with an invalid month or a non-finite value are
 * ignored; of several in one month the last given wins.
 *
 * Early warning (`earlyWarning`): the forecast misses the target by more than the tolerance band
 * (s · (T − ŷ) > band, s = +1 for an increase, −1 for a decrease) while the latest actual is still
 * within tolerance. It is the signal that turns an on-track benefit at risk (tracking.ts).
 */
import { isPeriod, monthsBetween } from "../shared/period.js";
import { studentTCdf, studentTQuantile } from "./student-t.js";
import { type BenefitDirection, directionOf, type PeriodValue } from "./tracking.js";

export const DEFAULT_FORECAST_WINDOW = 12;
export const MIN_FORECAST_POINTS = 3;
export const DEFAULT_PREDICTION_LEVEL = 0.8;
const ZERO_RESIDUAL = 1e-9;

export type XY = { x: number; y: number };

export type LineFit = {
  n: number;
  slope: number;
  intercept: number;
  xMean: number;
  sxx: number;
  /** s = √(SSE / (n − 2)); 0 when the fit is degenerate. */
  residualStdError: number;
  /** Every residual is 0 up to rounding. */
  degenerate: boolean;
};

/**
 * Least-squares line through at least 3 points with at least 2 distinct x; null otherwise.
 * Centred sums, for accuracy with large x or y.
 */
export function fitLine(points: readonly XY[]): LineFit | null {
  const n = points.length;
  if (n < MIN_FORECAST_POINTS) return null;
  const xMean = points.reduce((sum, p) => sum + p.x, 0) / n;
  const yMean = points.reduce((sum, p) => sum + p.y, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (const p of points) {
    sxx += (p.x - xMean) ** 2;
    sxy += (p.x - xMean) * (p.y - yMean);
  }
  if (!(sxx > 0)) return null;
  const slope = sxy / sxx;
  const intercept = yMean - slope * xMean;
  let sse = 0;
  let maxResidual = 0;
  let scale = 1;
  for (const p of points) {
    const e = p.y - (intercept + slope * p.x);
    sse += e * e;
    maxResidual = Math.max(maxResidual, Math.abs(e));
    scale = Math.max(scale, Math.abs(p.y));
  }
  const degenerate = maxResidual <= ZERO_RESIDUAL * scale;
  return {
    n,
    slope,
    intercept,
    xMean,
    sxx,
    residualStdError: degenerate ? 0 : Math.sqrt(sse / (n - 2)),
    degenerate,
  };
}

export type ForecastInput = {
  actuals: readonly PeriodValue[];
  baseline: number;
  target: number;
  /** Month of the target date `YYYY-MM`. */
  targetPeriod: string;
  /** Measured months to fit, the latest ones; default DEFAULT_FORECAST_WINDOW. */
  window?: number;
  /** Coverage of the central prediction interval; default DEFAULT_PREDICTION_LEVEL (0.8). */
  level?: number;
};

export const FORECAST_UNAVAILABLE_REASONS = ["no_planned_change", "too_few_points", "target_date_passed"] as const;
export type ForecastUnavailableReason = (typeof FORECAST_UNAVAILABLE_REASONS)[number];

export type BenefitForecast =
  | {
      ok: true;
      method: "ols";
      /** The month forecast: the target month. */
      period: string;
      value: number;
      lower: number;
      upper: number;
      level: number;
      /** Probability (0–1) that the KPI reaches the target by the target month. */
      probability: number;
      slopePerMonth: number;
      /** Standard error of prediction at the target month; 0 when degenerate. */
      standardError: number;
      degenerate: boolean;
      /** The months fitted. */
      window: { from: string; to: string; points: number };
    }
  | { ok: false; reason: ForecastUnavailableReason; message: string };

/** Forecast at the target month; see the method and the cases at the top of this file. */
export function forecastBenefit(input: ForecastInput): BenefitForecast {
  const window = input.window ?? DEFAULT_FORECAST_WINDOW;
  const level = input.level ?? DEFAULT_PREDICTION_LEVEL;
  if (!Number.isInteger(window) || window < MIN_FORECAST_POINTS)
    throw new RangeError(`window must be a whole number ≥ ${MIN_FORECAST_POINTS}, got ${window}`);
  if (!(level > 0 && level < 1)) throw new RangeError(`level must lie strictly between 0 and 1, got ${level}`);
  if (!isPeriod(input.targetPeriod))
    throw new RangeError(`targetPeriod must be a month YYYY-MM, got "${input.targetPeriod}"`);
  const { target } = input;
  const direction = directionOf(input.baseline, target);
  if (direction === null)
    return {
      ok: false,
      reason: "no_planned_change",
      message: "No forecast: the target equals the baseline, so there is no change to forecast.",
    };

  const byPeriod = new Map<string, number>();
  for (const a of input.actuals) if (isPeriod(a.period) && Number.isFinite(a.value)) byPeriod.set(a.period, a.value);
  const measured = [...byPeriod.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (measured.length < MIN_FORECAST_POINTS)
    return {
      ok: false,
      reason: "too_few_points",
      message: `No forecast yet: it needs at least ${MIN_FORECAST_POINTS} measured months and there ${
        measured.length === 1 ? "is 1" : `are ${measured.length}`
      }.`,
    };
  const recent = measured.slice(-window);
  const from = recent[0]![0];
  const to = recent.at(-1)![0];
  if (input.targetPeriod <= to)
    return {
      ok: false,
      reason: "target_date_passed",
      message: `No forecast: the target month ${input.targetPeriod} is not after the latest measurement ${to}; compare the actuals with the target instead.`,
    };

  const fit = fitLine(recent.map(([period, value]) => ({ x: monthsBetween(from, period), y: value })))!;
  const x0 = monthsBetween(from, input.targetPeriod);
  const value = fit.intercept + fit.slope * x0;
  const s = direction === "increase" ? 1 : -1;
  let lower = value;
  let upper = value;
  let probability: number;
  let standardError = 0;
  if (fit.degenerate) {
    const scale = Math.max(1, ...recent.map(([, y]) => Math.abs(y)), Math.abs(target));
    probability = s * (value - target) >= -ZERO_RESIDUAL * scale ? 1 : 0;
  } else {
    const df = fit.n - 2;
    standardError = fit.residualStdError * Math.sqrt(1 + 1 / fit.n + (x0 - fit.xMean) ** 2 / fit.sxx);
    const half = studentTQuantile((1 + level) / 2, df) * standardError;
    lower = value - half;
    upper = value + half;
    const z = (target - value) / standardError;
    probability = s > 0 ? 1 - studentTCdf(z, df) : studentTCdf(z, df);
  }
  return {
    ok: true,
    method: "ols",
    period: input.targetPeriod,
    value,
    lower,
    upper,
    level,
    probability,
    slopePerMonth: fit.slope,
    standardError,
    degenerate: fit.degenerate,
    window: { from, to, points: fit.n },
  };
}

export type EarlyWarningInput = {
  /** Forecast value at the target month; null without a forecast (then no warning). */
  forecast: number | null;
  direction: BenefitDirection | null;
  target: number;
  /** Tolerance band in KPI units (tracking.ts `toleranceBand`). */
  tolerance: number;
  /** Whether the latest actual is within tolerance (tracking.ts `latestWithinTolerance`). */
  latestWithinTolerance: boolean | null;
};

/** True when the forecast misses the target by more than the tolerance while the latest actual is within it. */
export function earlyWarning(input: EarlyWarningInput): boolean {
  const { forecast, direction, target, tolerance, latestWithinTolerance } = input;
  if (latestWithinTolerance !== true || forecast === null || direction === null || !Number.isFinite(forecast))
    return false;
  const s = direction === "increase" ? 1 : -1;
  const band = Number.isFinite(tolerance) && tolerance > 0 ? tolerance : 0;
  return s * (target - forecast) > band;
}
