/**
 * Benefit realization profiles: the planned value of a benefit's KPI for each month from the start
 * of realization to the target date ("benefit profile", MSP — Managing Successful Programmes,
 * AXELOS, benefits management; Jenner, "Managing Benefits", APMG 2014, on benefits realization
 * planning). Pure functions; periods are months `YYYY-MM` (see shared/period.ts).
 *
 * `generateProfile` gives one point per month from `start` to `end` inclusive. With n = months
 * from start to end and u_i = i / n for the i-th month (i = 0 … n):
 *
 * | kind    | planned_i                                                                   |
 * |---------|-----------------------------------------------------------------------------|
 * | linear  | baseline + (target − baseline) · u_i                                        |
 * | s_curve | baseline + (target − baseline) · (3u_i² − 2u_i³)   (smoothstep)             |
 * | step    | baseline before `stepAt`, target from `stepAt` on (default `stepAt` = end)  |
 *
 * - The first point is the baseline and the last is the target, exactly (set, not computed, so
 *   floating-point rounding never leaves the last month a hair off the target). A one-month
 *   profile (start = end) is the target alone: the change happens in that month.
 * - S-curve: smoothstep, the cubic Hermite ease with zero slope at both ends, rather than a
 *   logistic curve. It starts slowly, changes fastest half-way and levels off — the usual shape of
 *   adoption-driven benefits — and it passes exactly through baseline and target, whereas a
 *   logistic only approaches them and needs a rescaling and a steepness parameter to choose.
 *   It is symmetric: the midpoint month of an even span is exactly half-way.
 * - Step: `stepAt` must lie after `start` and on or before `end`, so the first month is still the
 *   baseline. (A one-month profile accepts `stepAt` = start.)
 *
 * Invalid input is a value, not an exception: `generateProfile` returns `{ ok: false, problems }`
 * with `{ path, message }` field problems, like the other domain checks.
 *
 * `checkProfile` validates profile points entered or edited by hand against the benefit's dates.
 */
import { addMonths, isIsoDate, isPeriod, monthsBetween } from "../shared/period.js";

export const PROFILE_KINDS = ["linear", "s_curve", "step"] as const;
export type ProfileKind = (typeof PROFILE_KINDS)[number];

export type FieldProblem = { path: string; message: string };

export type ProfilePoint = { period: string; planned: number };

export type ProfileSpec = {
  kind: ProfileKind;
  baseline: number;
  target: number;
  /** First month of realization `YYYY-MM`. */
  start: string;
  /** Month of the target date `YYYY-MM`. */
  end: string;
  /** For `step`: the month the target is reached; default `end`. */
  stepAt?: string | null;
};

export type ProfileResult = { ok: true; points: ProfilePoint[] } | { ok: false; problems: FieldProblem[] };

/** Smoothstep 3u² − 2u³ on [0, 1]. */
function smoothstep(u: number): number {
  return u * u * (3 - 2 * u);
}

/** The monthly planned values of a profile; see the table at the top of this file. */
export function generateProfile(spec: ProfileSpec): ProfileResult {
  const problems: FieldProblem[] = [];
  if (!(PROFILE_KINDS as readonly string[]).includes(spec.kind))
    problems.push({ path: "kind", message: `must be one of ${PROFILE_KINDS.join(", ")}` });
  if (!Number.isFinite(spec.baseline)) problems.push({ path: "baseline", message: "must be a finite number" });
  if (!Number.isFinite(spec.target)) problems.push({ path: "target", message: "must be a finite number" });
  const startOk = isPeriod(spec.start);
  const endOk = isPeriod(spec.end);
  if (!startOk) problems.push({ path: "start", message: "must be a month YYYY-MM" });
  if (!endOk) problems.push({ path: "end", message: "must be a month YYYY-MM" });
  if (startOk && endOk && spec.end < spec.start)
    problems.push({ path: "end", message: "must be on or after the start month" });
  const stepAt = spec.kind === "step" ? (spec.stepAt ?? spec.end) : null;
  if (stepAt !== null) {
    if (!isPeriod(stepAt)) problems.push({ path: "stepAt", message: "must be a month YYYY-MM" });
    else if (startOk && endOk && spec.start <= spec.end) {
      const single = spec.start === spec.end;
      if (stepAt > spec.end || stepAt < spec.start || (!single && stepAt === spec.start))
        problems.push({
          path: "stepAt",
          message: single
            ? `must be ${spec.start}`
            : `must lie after the start ${spec.start} and on or before the end ${spec.end}`,
        });
    }
  }
  if (problems.length > 0) return { ok: false, problems };

  const { baseline, target } = spec;
  const n = monthsBetween(spec.start, spec.end);
  if (n === 0) return { ok: true, points: [{ period: spec.start, planned: target }] };
  const points: ProfilePoint[] = [];
  for (let i = 0; i <= n; i++) {
    const period = addMonths(spec.start, i);
    let planned: number;
    if (i === 0) planned = baseline;
    else if (i === n) planned = target;
    else if (spec.kind === "linear") planned = baseline + (target - baseline) * (i / n);
    else if (spec.kind === "s_curve") planned = baseline + (target - baseline) * smoothstep(i / n);
    else planned = period >= stepAt! ? target : baseline;
    points.push({ period, planned });
  }
  return { ok: true, points };
}

export type ProfileDates = {
  /** Start of realization: a date `YYYY-MM-DD` or a month `YYYY-MM`. */
  startDate: string;
  /** Target date: a date `YYYY-MM-DD` or a month `YYYY-MM`. */
  targetDate: string;
};

function monthOf(value: string): string | null {
  if (isPeriod(value)) return value;
  if (isIsoDate(value)) return value.slice(0, 7);
  return null;
}

/**
 * Field problems of hand-entered profile points (paths `points.{i}.period` / `points.{i}.planned`):
 * a period that is not a month, lies before the month of `startDate` or after the month of
 * `targetDate`, or repeats an earlier point; a planned value that is not a finite number. Dates
 * that are neither a date nor a month give a problem on `startDate` / `targetDate` and skip the
 * window check. Points may come in any order; gaps are allowed (tracking holds the last planned
 * value across a gap).
 */
export function checkProfile(points: readonly ProfilePoint[], dates: ProfileDates): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const from = monthOf(dates.startDate);
  const to = monthOf(dates.targetDate);
  if (from === null) problems.push({ path: "startDate", message: "must be a date YYYY-MM-DD or a month YYYY-MM" });
  if (to === null) problems.push({ path: "targetDate", message: "must be a date YYYY-MM-DD or a month YYYY-MM" });
  const seen = new Map<string, number>();
  points.forEach((point, i) => {
    const period = point.period;
    if (typeof period !== "string" || !isPeriod(period)) {
      problems.push({ path: `points.${i}.period`, message: "must be a month YYYY-MM" });
    } else {
      if (from !== null && period < from)
        problems.push({ path: `points.${i}.period`, message: `lies before the start of realization ${from}` });
      else if (to !== null && period > to)
        problems.push({ path: `points.${i}.period`, message: `lies after the target date ${to}` });
      const first = seen.get(period);
      if (first !== undefined)
        problems.push({ path: `points.${i}.period`, message: `repeats ${period}, already given at point ${first}` });
      else seen.set(period, i);
    }
    if (typeof point.planned !== "number" || !Number.isFinite(point.planned))
      problems.push({ path: `points.${i}.planned`, message: "must be a finite number" });
  });
  return problems;
}
