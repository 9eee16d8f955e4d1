/**
 * Risks to a benefit: exposure and the risk-adjusted expected benefit. Pure functions.
 *
 * | quantity          | formula                                                                 |
 * |-------------------|-------------------------------------------------------------------------|
 * | exposure_i        | probability_i × impact_i                                                |
 * | expected benefit  | max(0, planned − Σ exposure_i)                                          |
 *
 * probability_i is the chance (0–1) that risk i occurs; impact_i is the loss of benefit value if it
 * does, in the unit of the planned value (e.g. EUR). Exposure is the risk's expected loss: the
 * "expected value" of Management of Risk (M_o_R, AXELOS, the "estimate" step) and the expected
 * monetary value of the PMBOK Guide (PMI, 6th ed., Perform Quantitative Risk Analysis). Subtracting the summed exposures
 * gives the expected benefit when the impacts are additive and do not overlap; the floor at 0
 * keeps overlapping risks (two ways of losing the same value) from making a benefit negative.
 * `floored` says when the floor applied, a hint that the register double-counts.
 *
 * Why this formula and not planned × Π(1 − probability_i × share_i): risk registers record impact
 * as an amount, not as a share of one benefit, and the additive form adds up across benefits and
 * portfolios the way exposure is reported. The multiplicative form would avoid the floor but needs
 * every impact restated as a share, and assumes the risks compound.
 *
 * Input checks are values (`checkRisks` → field problems); the arithmetic functions throw
 * RangeError when given a value that check would reject (a programmer error).
 */
import type { FieldProblem } from "./profile.js";

export type BenefitRisk = {
  id: string;
  /** Chance the risk occurs, 0–1. */
  probability: number;
  /** Loss of benefit value if it occurs, ≥ 0, in the unit of the planned value. */
  impact: number;
};

export type RiskAdjustedBenefit = {
  plannedValue: number;
  totalExposure: number;
  /** max(0, plannedValue − totalExposure). */
  expectedValue: number;
  /** The exposures exceeded the planned value and the expected value was floored at 0. */
  floored: boolean;
  /** Exposure per risk, in the order given. */
  risks: { id: string; exposure: number }[];
};

/** Field problems of a risk list (paths `risks.{i}.probability` / `risks.{i}.impact`). */
export function checkRisks(risks: readonly BenefitRisk[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  risks.forEach((r, i) => {
    if (typeof r.probability !== "number" || !(r.probability >= 0 && r.probability <= 1))
      problems.push({ path: `risks.${i}.probability`, message: "must be a number from 0 to 1" });
    if (typeof r.impact !== "number" || !Number.isFinite(r.impact) || r.impact < 0)
      problems.push({ path: `risks.${i}.impact`, message: "must be a finite number, zero or more" });
  });
  return problems;
}

/** probability × impact; RangeError for a probability outside 0–1 or a negative or non-finite impact. */
export function riskExposure(probability: number, impact: number): number {
  if (!(probability >= 0 && probability <= 1)) throw new RangeError(`probability must lie in 0–1, got ${probability}`);
  if (!Number.isFinite(impact) || impact < 0) throw new RangeError(`impact must be finite and ≥ 0, got ${impact}`);
  return probability * impact;
}

/** The expected benefit after risks; see the formulas at the top of this file. */
export function riskAdjustedBenefit(plannedValue: number, risks: readonly BenefitRisk[]): RiskAdjustedBenefit {
  if (!Number.isFinite(plannedValue) || plannedValue < 0)
    throw new RangeError(`plannedValue must be finite and ≥ 0, got ${plannedValue}`);
  const exposures = risks.map((r) => ({ id: r.id, exposure: riskExposure(r.probability, r.impact) }));
  const totalExposure = exposures.reduce((sum, r) => sum + r.exposure, 0);
  const remaining = plannedValue - totalExposure;
  return {
    plannedValue,
    totalExposure,
    expectedValue: Math.max(0, remaining),
    floored: remaining < 0,
    risks: exposures,
  };
}
