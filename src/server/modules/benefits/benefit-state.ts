/**
 * Everything the benefits module says about one benefit at a point in time, computed from its
 * stored data with the pure domain functions: tracking against the profile, the forecast and the
 * early warning, the measurement schedule, the recommendations and the risk-adjusted expectation.
 * No I/O: the service loads the rows, `today` comes from the clock.
 */
import { type BenefitForecast, earlyWarning, forecastBenefit } from "../../../domain/benefits/forecast.js";
import { type MeasurementSchedule, overdueMeasurements } from "../../../domain/benefits/measurement-schedule.js";
import { generateProfile, type ProfilePoint } from "../../../domain/benefits/profile.js";
import { type Recommendation, recommendBenefitActions } from "../../../domain/benefits/recommendations.js";
import { riskAdjustedBenefit } from "../../../domain/benefits/risk.js";
import {
  type BenefitTracking,
  directionOf,
  type PeriodValue,
  type TrackingStatus,
  toleranceBand,
  trackBenefit,
} from "../../../domain/benefits/tracking.js";
import type { ProjectStatus } from "../../../domain/portfolio/project-rules.js";
import { addMonths, monthsBetween } from "../../../domain/shared/period.js";
import type { BenefitRow } from "./benefits.store.js";

export interface BenefitInputs {
  row: BenefitRow;
  /** Stored profile points (may be empty: a linear profile from the baseline to the target is assumed). */
  profile: readonly ProfilePoint[];
  actuals: readonly PeriodValue[];
  projects: readonly { id: string; name: string; status: string; planned_end: string }[];
  risks: readonly { id: string; probability: number; impact_pct: number; status: string }[];
}

export interface ForecastCone {
  value: number;
  low: number;
  high: number;
  probabilityOfTarget: number;
  method: string;
  atPeriod: string;
  points: { period: string; value: number; low: number; high: number }[];
}

export interface BenefitComputed {
  trackable: boolean;
  profile: ProfilePoint[];
  tracking: BenefitTracking | null;
  status: TrackingStatus;
  realizationPct: number | null;
  latest: { period: string; value: number } | null;
  forecast: BenefitForecast | null;
  cone: ForecastCone | null;
  earlyWarning: boolean;
  schedule: MeasurementSchedule | null;
  recommendations: Recommendation[];
  risk: { exposure: number; expectedRealizationPct: number | null };
  /** The tolerance in KPI units (0 when untrackable). */
  band: number;
  warnings: string[];
}

/** The profile to track against: the stored one, or a linear one from the baseline's month to the target's. */
export function effectiveProfile(row: BenefitRow, stored: readonly ProfilePoint[]): ProfilePoint[] {
  if (stored.length > 0) return [...stored];
  if (row.baseline_value === null || row.target_value === null || !row.baseline_date || !row.target_date) return [];
  const generated = generateProfile({
    kind: "linear",
    baseline: row.baseline_value,
    target: row.target_value,
    start: row.baseline_date.slice(0, 7),
    end: row.target_date.slice(0, 7),
  });
  return generated.ok ? generated.points : [];
}

/** `withCone`: also forecast every month up to the target, for the chart (costlier; lists skip it). */
export function computeBenefit(inputs: BenefitInputs, today: string, withCone = false): BenefitComputed {
  const { row } = inputs;
  const asOf = today.slice(0, 7);
  const warnings: string[] = [];
  const profile = effectiveProfile(row, inputs.profile);
  const baseline = row.baseline_value;
  const target = row.target_value;
  const targetPeriod = row.target_date?.slice(0, 7) ?? null;
  const trackable =
    baseline !== null && target !== null && targetPeriod !== null && directionOf(baseline, target) !== null;
  const latestActual = [...inputs.actuals]
    .filter((a) => a.period <= asOf)
    .sort((a, b) => (a.period < b.period ? -1 : 1))
    .at(-1);

  let tracking: BenefitTracking | null = null;
  let forecast: BenefitForecast | null = null;
  let cone: ForecastCone | null = null;
  let early = false;
  let band = 0;
  if (trackable) {
    const tracked = {
      baseline: baseline as number,
      target: target as number,
      targetPeriod: targetPeriod as string,
      profile,
      tolerance: { kind: row.tolerance_kind as "percent" | "absolute", value: row.tolerance_value },
    };
    band = toleranceBand(tracked.tolerance, tracked.baseline, tracked.target);
    const past = inputs.actuals.filter((a) => a.period <= asOf);
    tracking = trackBenefit(tracked, past, asOf);
    forecast = forecastBenefit({
      actuals: past,
      baseline: tracked.baseline,
      target: tracked.target,
      targetPeriod: tracked.targetPeriod,
    });
    if (forecast.ok) {
      early = earlyWarning({
        forecast: forecast.value,
        direction: tracking.direction,
        target: tracked.target,
        tolerance: band,
        latestWithinTolerance: tracking.latestWithinTolerance,
      });
      if (early) tracking = trackBenefit(tracked, past, asOf, { earlyWarning: true });
      cone = withCone ? coneOf(forecast, past, tracked) : null;
    } else if (forecast.reason !== "too_few_points") {
      warnings.push(forecast.message);
    }
  } else if (baseline !== null && target !== null && baseline === target) {
    warnings.push("The target equals the baseline: there is no change to track.");
  }

  const since = profile[0]?.period ?? row.baseline_date?.slice(0, 7) ?? null;
  let schedule: MeasurementSchedule | null = null;
  try {
    schedule = overdueMeasurements(
      row.frequency as "monthly",
      latestActual?.period ?? null,
      today,
      row.status === "identified" ? null : since,
    );
  } catch {
    schedule = null;
  }

  // Cancelled or archived benefits need no advice; the others get the rules' verdicts.
  const advise = row.status !== "cancelled" && !row.archived_at;
  const recommendations = !advise
    ? []
    : recommendBenefitActions({
        asOf,
        ownerId: row.responsible_owner_id ?? row.accountable_owner_id ?? row.operational_owner_id,
        hasMeasure: row.kpi_name.trim() !== "" && row.unit.trim() !== "",
        hasBaseline: baseline !== null && row.baseline_date !== null,
        // Realization starts with the first planned change, not at the baseline month the profile begins with.
        realizationStart: tracking?.firstChangePeriod ?? since ?? asOf,
        targetPeriod: targetPeriod ?? asOf,
        schedule,
        tracking: tracking
          ? { status: tracking.status, consecutiveBeyondTolerance: tracking.consecutiveBeyondTolerance }
          : null,
        forecast,
        enablingProjects: inputs.projects.map((p) => ({
          id: p.id,
          name: p.name,
          status: p.status as ProjectStatus,
          plannedEnd: p.planned_end,
        })),
      });

  const plannedChange = trackable ? Math.abs((target as number) - (baseline as number)) : 0;
  let exposure = 0;
  let expectedRealizationPct: number | null = null;
  const openRisks = inputs.risks.filter((r) => r.status === "open");
  if (plannedChange > 0) {
    const adjusted = riskAdjustedBenefit(
      plannedChange,
      openRisks.map((r) => ({ id: r.id, probability: r.probability, impact: (r.impact_pct / 100) * plannedChange })),
    );
    exposure = adjusted.totalExposure;
    expectedRealizationPct = (adjusted.expectedValue / plannedChange) * 100;
  }

  const status: TrackingStatus = tracking?.status ?? "not_started";
  return {
    trackable,
    profile,
    tracking,
    status,
    realizationPct: tracking?.realizationPct ?? null,
    latest: latestActual ? { period: latestActual.period, value: latestActual.value } : null,
    forecast,
    cone,
    earlyWarning: early,
    schedule,
    recommendations,
    risk: { exposure, expectedRealizationPct },
    band,
    warnings,
  };
}

/**
 * The forecast cone for the chart: the fitted line's prediction and its 80 % interval for every
 * month from the latest actual to the target month (each month forecast as if it were the target).
 */
function coneOf(
  forecast: Extract<BenefitForecast, { ok: true }>,
  actuals: readonly PeriodValue[],
  benefit: { baseline: number; target: number; targetPeriod: string },
): ForecastCone {
  const last =
    [...actuals]
      .map((a) => a.period)
      .sort()
      .at(-1) ?? forecast.window.to;
  const points: ForecastCone["points"] = [];
  const months = Math.max(0, monthsBetween(last, benefit.targetPeriod));
  for (let i = 0; i <= months; i++) {
    const period = addMonths(last, i);
    const f = forecastBenefit({ actuals, baseline: benefit.baseline, target: benefit.target, targetPeriod: period });
    if (f.ok) points.push({ period, value: f.value, low: f.lower, high: f.upper });
  }
  return {
    value: forecast.value,
    low: forecast.lower,
    high: forecast.upper,
    probabilityOfTarget: forecast.probability,
    method: `Least squares on the last ${forecast.window.points} measured months (${forecast.window.from} … ${forecast.window.to}), ${Math.round(forecast.level * 100)} % prediction interval`,
    atPeriod: forecast.period,
    points,
  };
}
