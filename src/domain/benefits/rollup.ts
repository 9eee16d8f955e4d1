/**
 * Roll-ups of benefit value for dashboards: planned vs realized by key (objective, portfolio …) or
 * by quarter, the value at risk, and the largest deviations. Pure functions; `asOf` is a month
 * parameter.
 *
 * Roll-ups add values, so they take each benefit's value per month in one common unit (such as
 * EUR gained per month, from the valuation of its KPI), not KPI levels: days and percentages do
 * not add up across benefits.
 *
 * | quantity            | formula                                                                 |
 * |---------------------|-------------------------------------------------------------------------|
 * | plannedTotal(k)     | Σ_b w_{b,k} · Σ_{all months} planned_b(m)                              |
 * | plannedToDate(k)    | Σ_b w_{b,k} · Σ_{m ≤ asOf} planned_b(m)                                 |
 * | realizedToDate(k)   | Σ_b w_{b,k} · Σ_{m ≤ asOf} actual_b(m)                                  |
 * | variance            | realizedToDate − plannedToDate (negative = behind plan)                 |
 * | realizedPctOfPlan   | realizedToDate / plannedToDate × 100; null when plannedToDate = 0       |
 * | value at risk       | Σ plannedValue of the benefits whose status is at_risk or off_track     |
 * | deviation           | actual − planned; sorted by abs(deviation), largest first               |
 *
 * - w_{b,k} is benefit b's contribution weight to key k: the share of the benefit credited to an
 *   objective (a benefit serving two objectives equally has 0.5 and 0.5), or 1 for the portfolio
 *   that owns it. Weights are not required to sum to 1 (a benefit may count fully towards
 *   several overlapping keys); a weight must be finite and ≥ 0.
 * - By quarter the key is `YYYY-Qn` of the month, each benefit weighted by its `weight`
 *   (default 1): plannedTotal is the plan of the quarter, the to-date sums stop at asOf.
 * - A month without an actual counts as nothing realized (conservative: the measurement
 *   schedule reports missing measurements separately). Values with an invalid month or that are
 *   not finite are ignored; of several in one month for one benefit the last given wins.
 * - Value at risk sums whatever planned value the caller passes: the remaining planned value
 *   (from asOf to the end) is the usual choice, the total planned value the conservative one.
 */
import { isPeriod } from "../shared/period.js";
import type { PeriodValue, TrackingStatus } from "./tracking.js";

export type Contribution = { key: string; weight: number };

/** A benefit's value per month, planned and actual, in a common unit. */
export type BenefitValueSeries = {
  benefitId: string;
  planned: readonly PeriodValue[];
  actual: readonly PeriodValue[];
};

export type KeyedBenefitValueSeries = BenefitValueSeries & { contributions: readonly Contribution[] };
export type WeightedBenefitValueSeries = BenefitValueSeries & { weight?: number };

export type PlannedVsRealized = {
  key: string;
  plannedTotal: number;
  plannedToDate: number;
  realizedToDate: number;
  variance: number;
  realizedPctOfPlan: number | null;
};

function checkWeight(weight: number, benefitId: string): void {
  if (!Number.isFinite(weight) || weight < 0)
    throw new RangeError(`contribution weight of benefit ${benefitId} must be finite and ≥ 0, got ${weight}`);
}

function byMonth(values: readonly PeriodValue[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const v of values) if (isPeriod(v.period) && Number.isFinite(v.value)) map.set(v.period, v.value);
  return map;
}

export type ValueTotals = { plannedTotal: number; plannedToDate: number; realizedToDate: number };

function finish(key: string, s: ValueTotals): PlannedVsRealized {
  return {
    key,
    ...s,
    variance: s.realizedToDate - s.plannedToDate,
    realizedPctOfPlan: s.plannedToDate === 0 ? null : (s.realizedToDate / s.plannedToDate) * 100,
  };
}

function checkAsOf(asOf: string): void {
  if (!isPeriod(asOf)) throw new RangeError(`asOf must be a month YYYY-MM, got "${asOf}"`);
}

/** A benefit's planned and realized sums up to asOf, and its planned total. */
export function totalsToDate(series: BenefitValueSeries, asOf: string): ValueTotals {
  checkAsOf(asOf);
  const sums: ValueTotals = { plannedTotal: 0, plannedToDate: 0, realizedToDate: 0 };
  for (const [period, value] of byMonth(series.planned)) {
    sums.plannedTotal += value;
    if (period <= asOf) sums.plannedToDate += value;
  }
  for (const [period, value] of byMonth(series.actual)) if (period <= asOf) sums.realizedToDate += value;
  return sums;
}

/** Planned vs realized per key (objective, portfolio …), weighted by contribution; keys in sort order. */
export function rollupByKey(benefits: readonly KeyedBenefitValueSeries[], asOf: string): PlannedVsRealized[] {
  checkAsOf(asOf);
  const byKey = new Map<string, ValueTotals>();
  for (const b of benefits) {
    const t = totalsToDate(b, asOf);
    for (const c of b.contributions) {
      checkWeight(c.weight, b.benefitId);
      const s = byKey.get(c.key) ?? { plannedTotal: 0, plannedToDate: 0, realizedToDate: 0 };
      s.plannedTotal += c.weight * t.plannedTotal;
      s.plannedToDate += c.weight * t.plannedToDate;
      s.realizedToDate += c.weight * t.realizedToDate;
      byKey.set(c.key, s);
    }
  }
  return [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, s]) => finish(key, s));
}

/** The quarter `YYYY-Qn` of a month `YYYY-MM`. */
export function quarterOf(period: string): string {
  return `${period.slice(0, 4)}-Q${Math.ceil(Number(period.slice(5, 7)) / 3)}`;
}

/** Planned vs realized per calendar quarter, in order; a quarter appears when it has a plan or an actual. */
export function rollupByQuarter(benefits: readonly WeightedBenefitValueSeries[], asOf: string): PlannedVsRealized[] {
  checkAsOf(asOf);
  const byQuarter = new Map<string, ValueTotals>();
  const at = (period: string): ValueTotals => {
    const q = quarterOf(period);
    let s = byQuarter.get(q);
    if (!s) {
      s = { plannedTotal: 0, plannedToDate: 0, realizedToDate: 0 };
      byQuarter.set(q, s);
    }
    return s;
  };
  for (const b of benefits) {
    const w = b.weight ?? 1;
    checkWeight(w, b.benefitId);
    for (const [period, value] of byMonth(b.planned)) {
      const s = at(period);
      s.plannedTotal += w * value;
      if (period <= asOf) s.plannedToDate += w * value;
    }
    for (const [period, value] of byMonth(b.actual)) if (period <= asOf) at(period).realizedToDate += w * value;
  }
  return [...byQuarter.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, s]) => finish(key, s));
}

export type BenefitAtRiskInput = { benefitId: string; status: TrackingStatus; plannedValue: number };
export type ValueAtRisk = {
  /** atRisk + offTrack. */
  total: number;
  atRisk: number;
  offTrack: number;
  /** The benefits counted, in the order given. */
  benefitIds: string[];
};

/** Planned value of the benefits at risk or off track; non-finite values count as 0. */
export function valueAtRisk(benefits: readonly BenefitAtRiskInput[]): ValueAtRisk {
  let atRisk = 0;
  let offTrack = 0;
  const benefitIds: string[] = [];
  for (const b of benefits) {
    if (b.status !== "at_risk" && b.status !== "off_track") continue;
    const v = Number.isFinite(b.plannedValue) ? b.plannedValue : 0;
    if (b.status === "at_risk") atRisk += v;
    else offTrack += v;
    benefitIds.push(b.benefitId);
  }
  return { total: atRisk + offTrack, atRisk, offTrack, benefitIds };
}

export type DeviationInput = { benefitId: string; planned: number; actual: number };
export type Deviation = DeviationInput & {
  /** actual − planned. */
  variance: number;
  /** variance / abs(planned) × 100; null when planned = 0. */
  variancePct: number | null;
};

export const DEFAULT_TOP_DEVIATIONS = 5;

/**
 * The `limit` benefits deviating most from plan, by abs(actual − planned), largest first; ties by
 * benefitId. Rows with a non-finite planned or actual value are left out.
 */
export function topDeviations(rows: readonly DeviationInput[], limit = DEFAULT_TOP_DEVIATIONS): Deviation[] {
  return rows
    .filter((r) => Number.isFinite(r.planned) && Number.isFinite(r.actual))
    .map((r) => {
      const variance = r.actual - r.planned;
      return { ...r, variance, variancePct: r.planned === 0 ? null : (variance / Math.abs(r.planned)) * 100 };
    })
    .sort(
      (a, b) =>
        Math.abs(b.variance) - Math.abs(a.variance) ||
        (a.benefitId < b.benefitId ? -1 : a.benefitId > b.benefitId ? 1 : 0),
    )
    .slice(0, Math.max(0, limit));
}
