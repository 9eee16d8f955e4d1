/**
 * Recommendations for a benefit: a rules table that turns its state (owner, measure, measurement
 * schedule, tracking, forecast, enabling projects) into actions. Pure; the state is assembled by
 * the caller from tracking.ts, forecast.ts and measurement-schedule.ts.
 *
 * Management by exception (MSP — Managing Successful Programmes, AXELOS, benefits management;
 * Jenner, "Managing Benefits", APMG 2014, on benefits realization and review): every benefit has an owner and a measure with
 * a baseline; measurements arrive on schedule; sustained deviation beyond tolerance is escalated;
 * a forecast miss is an early warning; benefits realized early are "harvested" or stretched;
 * changes to the enabling projects ripple into the benefit profile.
 *
 * The table is exported (`RECOMMENDATION_RULES`) so docs and UI list exactly what the code checks.
 * Recommendations come out in the order of the table; project rules give one recommendation per
 * affected project, in the order given. A cancelled project is reported only as cancelled.
 *
 * | rule                         | severity | condition                                              |
 * |------------------------------|----------|--------------------------------------------------------|
 * | no_owner                     | critical | no owner                                               |
 * | missing_measure_or_baseline  | critical | no measure (KPI and unit) or no baseline               |
 * | measurement_overdue          | warning  | at least one measurement is past its due date          |
 * | below_tolerance              | critical | behind the profile beyond tolerance for 2 or more      |
 * |                              |          | measurements in a row (CONSECUTIVE_BEYOND_TOLERANCE)   |
 * | low_forecast_probability     | warning  | a forecast exists and its probability of reaching the  |
 * |                              |          | target is below 50 % (LOW_FORECAST_PROBABILITY), while |
 * |                              |          | the outcome is still open (not realized, not past the  |
 * |                              |          | target date)                                           |
 * | realized_early               | info     | status realized and asOf before the target month       |
 * | enabling_project_cancelled   | critical | an enabling project is cancelled                       |
 * | enabling_project_delayed     | warning  | an enabling project is on hold, or (not closed) its    |
 * |                              |          | planned end month is after the first month of          |
 * |                              |          | realization                                            |
 */
import type { ProjectStatus } from "../portfolio/project-rules.js";
import type { BenefitForecast } from "./forecast.js";
import type { MeasurementSchedule } from "./measurement-schedule.js";
import type { BenefitTracking } from "./tracking.js";

export const RECOMMENDATION_SEVERITIES = ["info", "warning", "critical"] as const;
export type RecommendationSeverity = (typeof RECOMMENDATION_SEVERITIES)[number];

export const RECOMMENDATION_RULE_IDS = [
  "no_owner",
  "missing_measure_or_baseline",
  "measurement_overdue",
  "below_tolerance",
  "low_forecast_probability",
  "realized_early",
  "enabling_project_cancelled",
  "enabling_project_delayed",
] as const;
export type RecommendationRuleId = (typeof RECOMMENDATION_RULE_IDS)[number];

export type RecommendationRule = {
  id: RecommendationRuleId;
  severity: RecommendationSeverity;
  /** What the rule is about, for a list of rules. */
  description: string;
  /** When it fires, in words. */
  condition: string;
};

/** Measurements in a row beyond tolerance before `below_tolerance` fires. */
export const CONSECUTIVE_BEYOND_TOLERANCE = 2;
/** Forecast probability of reaching the target below which `low_forecast_probability` fires. */
export const LOW_FORECAST_PROBABILITY = 0.5;

export const RECOMMENDATION_RULES: readonly RecommendationRule[] = Object.freeze([
  {
    id: "no_owner",
    severity: "critical",
    description: "The benefit has no owner",
    condition: "No benefit owner is assigned.",
  },
  {
    id: "missing_measure_or_baseline",
    severity: "critical",
    description: "The benefit cannot be tracked",
    condition: "The benefit has no measure (a KPI with a unit) or no baseline.",
  },
  {
    id: "measurement_overdue",
    severity: "warning",
    description: "A measurement is overdue",
    condition:
      "A measurement is missing after its due date: the 15th of the month after each measurement period (month, quarter, half-year or year).",
  },
  {
    id: "below_tolerance",
    severity: "critical",
    description: "Sustained shortfall against the benefit profile",
    condition: `The last ${CONSECUTIVE_BEYOND_TOLERANCE} or more measurements in a row are behind the profile by more than the tolerance.`,
  },
  {
    id: "low_forecast_probability",
    severity: "warning",
    description: "The target is unlikely to be reached",
    condition: `The trend forecast gives less than a ${LOW_FORECAST_PROBABILITY * 100} % chance of reaching the target by the target date, and the target date has not passed.`,
  },
  {
    id: "realized_early",
    severity: "info",
    description: "The benefit is realized ahead of plan",
    condition: "The latest measurement has reached the target before the target date.",
  },
  {
    id: "enabling_project_cancelled",
    severity: "critical",
    description: "An enabling project was cancelled",
    condition: "A project that enables the benefit is cancelled.",
  },
  {
    id: "enabling_project_delayed",
    severity: "warning",
    description: "An enabling project is delayed",
    condition:
      "A project that enables the benefit is on hold, or, not yet closed, is planned to end after the month realization starts.",
  },
]);

const SEVERITY: Readonly<Record<RecommendationRuleId, RecommendationSeverity>> = Object.fromEntries(
  RECOMMENDATION_RULES.map((r) => [r.id, r.severity]),
) as Record<RecommendationRuleId, RecommendationSeverity>;

export type Recommendation = {
  rule: RecommendationRuleId;
  severity: RecommendationSeverity;
  reason: string;
  suggestedAction: string;
  /** The project a project rule is about. */
  projectId?: string;
};

export type EnablingProject = {
  id: string;
  name: string;
  status: ProjectStatus;
  /** Planned end `YYYY-MM-DD` (or `YYYY-MM`); null when not planned. */
  plannedEnd: string | null;
};

export type BenefitState = {
  /** Assessment month `YYYY-MM`. */
  asOf: string;
  ownerId: string | null | undefined;
  /** The benefit has a KPI with a unit. */
  hasMeasure: boolean;
  /** The benefit has a baseline value and date. */
  hasBaseline: boolean;
  /** First month of realization `YYYY-MM` (the profile's start). */
  realizationStart: string;
  /** Month of the target date `YYYY-MM`. */
  targetPeriod: string;
  /** From `overdueMeasurements`; null when there is no schedule (no frequency). */
  schedule: MeasurementSchedule | null;
  /** From `trackBenefit`; null when the benefit cannot be tracked. */
  tracking: Pick<BenefitTracking, "status" | "consecutiveBeyondTolerance"> | null;
  /** From `forecastBenefit`; null when not computed. */
  forecast: BenefitForecast | null;
  enablingProjects: readonly EnablingProject[];
};

const make = (
  rule: RecommendationRuleId,
  reason: string,
  suggestedAction: string,
  projectId?: string,
): Recommendation => ({ rule, severity: SEVERITY[rule], reason, suggestedAction, ...(projectId ? { projectId } : {}) });

function formatNumber(x: number): string {
  return String(Math.round(x * 100) / 100);
}

/** The recommendations for a benefit, in the order of the rules table at the top of this file. */
export function recommendBenefitActions(state: BenefitState): Recommendation[] {
  const out: Recommendation[] = [];
  const owner = typeof state.ownerId === "string" ? state.ownerId.trim() : "";
  if (owner === "")
    out.push(
      make(
        "no_owner",
        "The benefit has no owner, so no one is accountable for realizing it.",
        "Assign a benefit owner, usually the manager of the business area that changes.",
      ),
    );

  if (!state.hasMeasure || !state.hasBaseline) {
    const missing =
      !state.hasMeasure && !state.hasBaseline
        ? "no measure and no baseline"
        : !state.hasMeasure
          ? "no measure"
          : "no baseline";
    out.push(
      make(
        "missing_measure_or_baseline",
        `The benefit has ${missing}, so its realization cannot be tracked.`,
        "Define the KPI and its unit, and record the baseline value and date, before realization starts.",
      ),
    );
  }

  const overdue = state.schedule?.overdue ?? [];
  if (overdue.length > 0) {
    const oldest = overdue[0]!;
    out.push(
      make(
        "measurement_overdue",
        overdue.length === 1
          ? `The measurement for ${oldest.period} is overdue; it was due by ${oldest.dueDate}.`
          : `${overdue.length} measurements are overdue, the oldest for ${oldest.period} (due by ${oldest.dueDate}).`,
        "Record the latest KPI value, or ask the benefit owner for it.",
      ),
    );
  }

  const status = state.tracking?.status ?? null;
  const streak = state.tracking?.consecutiveBeyondTolerance ?? 0;
  if (streak >= CONSECUTIVE_BEYOND_TOLERANCE)
    out.push(
      make(
        "below_tolerance",
        `The benefit has been behind its profile by more than the tolerance for ${streak} measurements in a row.`,
        "Raise an exception to the sponsor: agree corrective actions, or re-plan the benefit profile.",
      ),
    );

  const f = state.forecast;
  const open = status !== "realized" && status !== "not_realized" && state.asOf <= state.targetPeriod;
  if (f?.ok && open && f.probability < LOW_FORECAST_PROBABILITY)
    out.push(
      make(
        "low_forecast_probability",
        `The trend of the recent measurements gives a ${Math.round(f.probability * 100)} % chance of reaching the target by ${f.period} (forecast ${formatNumber(f.value)}, 80 % range ${formatNumber(f.lower)} to ${formatNumber(f.upper)}).`,
        "Review the business change with the benefit owner and agree corrective actions, or revise the target.",
      ),
    );

  if (status === "realized" && state.asOf < state.targetPeriod)
    out.push(
      make(
        "realized_early",
        `The target is reached ahead of the target date ${state.targetPeriod}.`,
        "Consider raising the target, or harvest the benefit: release the freed budget or capacity and record where it goes.",
      ),
    );

  for (const p of state.enablingProjects)
    if (p.status === "cancelled")
      out.push(
        make(
          "enabling_project_cancelled",
          `The enabling project ${p.name} was cancelled.`,
          "Reassess whether the benefit can still be realized: find another enabler, reduce the target, or retire the benefit.",
          p.id,
        ),
      );

  for (const p of state.enablingProjects) {
    if (p.status === "cancelled" || p.status === "closed") {
      continue;
    }
    const endMonth = p.plannedEnd ? p.plannedEnd.slice(0, 7) : null;
    if (p.status === "on_hold")
      out.push(
        make(
          "enabling_project_delayed",
          `The enabling project ${p.name} is on hold.`,
          "Agree with the sponsor when the project resumes, and shift the benefit profile accordingly.",
          p.id,
        ),
      );
    else if (endMonth !== null && endMonth > state.realizationStart)
      out.push(
        make(
          "enabling_project_delayed",
          `The enabling project ${p.name} is planned to end in ${endMonth}, after realization was due to start in ${state.realizationStart}.`,
          "Shift the benefit profile to the new delivery date, or agree interim measures with the benefit owner.",
          p.id,
        ),
      );
  }
  return out;
}
