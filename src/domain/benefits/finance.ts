/**
 * Business-case appraisal: discounted cash flow measures of one series of net cash flows.
 *
 * Pure and dependency-free: the server (`POST /api/v1/finance/appraise`), the CLI
 * (`throughline finance appraise`) and the browser import it.
 *
 * Conventions, the same in every function:
 * - `cashflows[t]` is the net cash flow of period t (inflow positive, outflow negative), at the END
 *   of period t; `cashflows[0]` is "now" (t = 0) and is not discounted. Periods are equal; `rate`
 *   is the rate per period (monthly flows need a monthly rate).
 * - Rates are decimals: 0.08 is 8 % per period.
 * - Nothing here validates or throws: callers pass finite numbers, a rate above −1 and at least one
 *   cash flow (the API and CLI check that with `AppraiseSchema`). Undefined measures are `null`.
 *   The raw functions can overflow to ±Infinity (or NaN) on extreme inputs (e.g. 1,200 periods at
 *   a rate near −1); `appraise` reports any non-finite result as `null`.
 *
 * Sources: R. A. Brealey, S. C. Myers, F. Allen, "Principles of Corporate Finance", ch. 2 and 5
 * (NPV, IRR and its pitfalls, payback); L. J. Gitman, "Principles of Managerial Finance" (the
 * NPV/IRR definitions numpy-financial cites); Microsoft Excel function reference (NPV, IRR, MIRR);
 * R. P. Brent, "Algorithms for Minimization without Derivatives", Prentice-Hall 1973, ch. 4 (the
 * root finder); HM Treasury, "The Green Book" (benefit-cost ratio).
 */

export type IrrKind = "unique" | "none" | "multiple";

export type IrrResult = { value: number | null; kind: IrrKind };

export type AppraisalInput = {
  /** Discount rate per period (the cost of capital / hurdle rate). */
  rate: number;
  cashflows: readonly number[];
  /** MIRR: rate paid to finance the outflows; defaults to `rate`. */
  financeRate?: number | undefined;
  /** MIRR: rate earned on reinvested inflows; defaults to `rate`. */
  reinvestRate?: number | undefined;
};

export type Appraisal = {
  npv: number | null;
  /** The IRR when it is unique; null when there is none or more than one (see `irrKind`). */
  irr: number | null;
  mirr: number | null;
  paybackPeriods: number | null;
  discountedPaybackPeriods: number | null;
  roi: number | null;
  bcr: number | null;
  irrKind: IrrKind;
};

/** The IRR search range, per period: −99 % to +1,000 %. */
export const IRR_MIN_RATE = -0.99;
export const IRR_MAX_RATE = 10;
/** Brent's method stops when the bracket around the root is narrower than this (in rate). */
export const IRR_TOLERANCE = 1e-12;
/**
 * Grid step in ln(1 + r) for the sign-change scan: 0.002, i.e. rates 0.2 % apart (relative to
 * 1 + r). Two roots closer than one step, or a root where NPV touches zero without crossing it,
 * can be missed; rates 0.2 % apart are the same decision in any business case.
 */
const IRR_GRID_STEP = 0.002;
/**
 * Payback: a cumulative flow within this fraction of the gross flows so far counts as zero, so
 * decimal amounts that should cancel exactly (−0.3 + 0.1 + 0.2) are not missed by rounding.
 */
const PAYBACK_RELATIVE_TOLERANCE = 1e-9;

// ---------------------------------------------------------------------------------------------
// NPV
// ---------------------------------------------------------------------------------------------

/**
 * Net present value: NPV(r) = Σ_{t=0..n} CF_t / (1 + r)^t  (Brealey–Myers–Allen ch. 2; Gitman;
 * numpy-financial `npv`).
 *
 * Excel's NPV is different: it discounts its FIRST value by one period, treating value 1 as the
 * end of period 1, so Excel NPV(r, v1, …, vn) = Σ_{i=1..n} v_i / (1 + r)^i = npv(r, [0, v1, …, vn]).
 * The Excel idiom for an investment made now, `NPV(r, v1..vn) + v0`, equals npv(r, [v0, v1..vn]).
 */
export function npv(rate: number, cashflows: readonly number[]): number {
  let total = 0;
  let growth = 1; // (1 + r)^t
  for (const cf of cashflows) {
    // Skipping zeros avoids 0 / Infinity and 0 / 0 when (1 + r)^t over- or underflows.
    if (cf !== 0) total += cf / growth;
    growth *= 1 + rate;
  }
  return total;
}

// ---------------------------------------------------------------------------------------------
// IRR
// ---------------------------------------------------------------------------------------------

/**
 * NPV(r) times a positive factor, so it has the same sign and roots as NPV but neither over- nor
 * underflows across the search range: with v = 1 / (1 + r),
 *   r ≥ 0: Σ CF_t v^t               (v ≤ 1, Horner from the last flow), and
 *   r < 0: Σ CF_t (1 + r)^(n − t)   (= NPV(r) · (1 + r)^n, 1 + r < 1, Horner from the first).
 * Both equal Σ CF_t at r = 0, so the function is continuous, as Brent's method needs.
 */
function scaledNpv(rate: number, cashflows: Float64Array): number {
  const n = cashflows.length;
  let acc = 0;
  if (rate >= 0) {
    const v = 1 / (1 + rate);
    for (let t = n - 1; t >= 0; t--) acc = acc * v + (cashflows[t] as number);
  } else {
    const g = 1 + rate;
    for (let t = 0; t < n; t++) acc = acc * g + (cashflows[t] as number);
  }
  return acc;
}

/** How many times the sign of the flows changes, zeros ignored (Descartes' rule of signs bound). */
export function countSignChanges(cashflows: readonly number[]): number {
  let changes = 0;
  let previous = 0;
  for (const cf of cashflows) {
    if (cf === 0 || Number.isNaN(cf)) continue;
    const sign = Math.sign(cf);
    if (previous !== 0 && sign !== previous) changes += 1;
    previous = sign;
  }
  return changes;
}

/** Rates r in [IRR_MIN_RATE, IRR_MAX_RATE], evenly spaced in ln(1 + r), with r = 0 a grid point. */
function irrGrid(): number[] {
  const lo = Math.log1p(IRR_MIN_RATE);
  const hi = Math.log1p(IRR_MAX_RATE);
  const below = Math.ceil(-lo / IRR_GRID_STEP);
  const above = Math.ceil(hi / IRR_GRID_STEP);
  const grid: number[] = [];
  for (let i = below; i >= 1; i--) grid.push(Math.expm1((lo * i) / below));
  grid.push(0);
  for (let i = 1; i <= above; i++) grid.push(Math.expm1((hi * i) / above));
  grid[0] = IRR_MIN_RATE;
  grid[grid.length - 1] = IRR_MAX_RATE;
  return grid;
}

let cachedGrid: number[] | undefined;

/**
 * Brent's method (Brent 1973, ch. 4, procedure `zero`): inverse quadratic interpolation or secant
 * steps, falling back to bisection, on a bracket [a, b] with f(a)·f(b) < 0. Converges whenever
 * bisection would, usually superlinearly. Stops when the bracket is within `tolerance` (+ 4ε|b|).
 */
export function brentRoot(f: (x: number) => number, a0: number, b0: number, tolerance = IRR_TOLERANCE): number {
  let a = a0;
  let b = b0;
  let fa = f(a);
  let fb = f(b);
  if (fa === 0) return a;
  if (fb === 0) return b;
  let c = a;
  let fc = fa;
  let d = b - a;
  let e = d;
  for (let iteration = 0; iteration < 200; iteration++) {
    if (Math.sign(fb) === Math.sign(fc)) {
      // The root lies between a and b: make c the far end of the bracket again.
      c = a;
      fc = fa;
      d = b - a;
      e = d;
    }
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tol = 2 * Number.EPSILON * Math.abs(b) + tolerance / 2;
    const m = (c - b) / 2;
    if (Math.abs(m) <= tol || fb === 0) return b;
    if (Math.abs(e) >= tol && Math.abs(fa) > Math.abs(fb)) {
      // Interpolate: secant when only two points are distinct, else inverse quadratic.
      const s = fb / fa;
      let p: number;
      let q: number;
      if (a === c) {
        p = 2 * m * s;
        q = 1 - s;
      } else {
        const qa = fa / fc;
        const r = fb / fc;
        p = s * (2 * m * qa * (qa - r) - (b - a) * (r - 1));
        q = (qa - 1) * (r - 1) * (s - 1);
      }
      if (p > 0) q = -q;
      else p = -p;
      if (2 * p < Math.min(3 * m * q - Math.abs(tol * q), Math.abs(e * q))) {
        e = d;
        d = p / q;
      } else {
        d = m;
        e = m;
      }
    } else {
      d = m;
      e = m;
    }
    a = b;
    fa = fb;
    b += Math.abs(d) > tol ? d : m > 0 ? tol : -tol;
    fb = f(b);
  }
  return b;
}

/**
 * Every rate in [IRR_MIN_RATE, IRR_MAX_RATE] where NPV = 0, ascending: a scan of the grid for
 * sign changes of NPV (and exact zeros on grid points), each bracket refined by Brent's method to
 * IRR_TOLERANCE. By Descartes' rule of signs there are at most as many roots as sign changes of
 * the flows. Flows that never change sign (all zero included) have no root.
 */
export function irrRoots(cashflows: readonly number[]): number[] {
  if (countSignChanges(cashflows) === 0) return [];
  cachedGrid ??= irrGrid();
  const grid = cachedGrid;
  const flows = Float64Array.from(cashflows);
  const f = (r: number) => scaledNpv(r, flows);
  const roots: number[] = [];
  let previousRate = grid[0] as number;
  let previousValue = f(previousRate);
  if (previousValue === 0) roots.push(previousRate);
  for (let i = 1; i < grid.length; i++) {
    const rate = grid[i] as number;
    const value = f(rate);
    if (value === 0) roots.push(rate);
    // A product of −1 is a sign change; NaN (only from flows near the largest double) never is.
    else if (Math.sign(value) * Math.sign(previousValue) === -1) {
      roots.push(brentRoot(f, previousRate, rate));
    }
    previousRate = rate;
    previousValue = value;
  }
  return roots;
}

/**
 * Internal rate of return: the rate r with NPV(r) = 0 (Brealey–Myers–Allen ch. 5), searched in
 * [−0.99, 10] per period.
 * - "unique": exactly one root there (even when the flows change sign more than once);
 * - "none": no root there (always so when the flows never change sign);
 * - "multiple": more than one root (only possible when the flows change sign more than once);
 *   no single IRR is meaningful, so `value` is null: use NPV or MIRR instead. `irrRoots` lists them.
 * Unlike numpy-financial and Excel, which return one root chosen by a starting guess or a rule,
 * this never silently picks one of several.
 */
export function irr(cashflows: readonly number[]): IrrResult {
  const roots = irrRoots(cashflows);
  if (roots.length === 0) return { value: null, kind: "none" };
  if (roots.length > 1) return { value: null, kind: "multiple" };
  return { value: roots[0] as number, kind: "unique" };
}

// ---------------------------------------------------------------------------------------------
// MIRR
// ---------------------------------------------------------------------------------------------

/**
 * Modified internal rate of return, Excel's MIRR definition: with N = cashflows.length − 1 periods,
 *   PV⁻ = Σ_{CF_t < 0} CF_t / (1 + f)^t        (outflows discounted to t = 0 at the finance rate f)
 *   FV⁺ = Σ_{CF_t > 0} CF_t · (1 + g)^(N − t)  (inflows compounded to t = N at the reinvest rate g)
 *   MIRR = (FV⁺ / −PV⁻)^(1/N) − 1.
 * Excel writes it (−NPV(g, positives)·(1 + g)^n / (NPV(f, negatives)·(1 + f)))^(1/(n−1)) − 1 with
 * n = number of values; the (1 + f) and (1 + g)^n undo its one-period shift. Null without at least
 * one negative and one positive flow (Excel: #DIV/0!).
 *
 * Computed in logarithms, ln(FV⁺) = N·ln(1 + g) + ln Σ CF_t (1 + g)^−t, each sum scaled by its
 * largest term (log-sum-exp), so 1,200 periods at extreme rates neither over- nor underflow.
 */
export function mirr(cashflows: readonly number[], financeRate: number, reinvestRate: number): number | null {
  const periods = cashflows.length - 1;
  if (periods < 1 || !cashflows.some((cf) => cf < 0) || !cashflows.some((cf) => cf > 0)) return null;
  const logFutureInflows = periods * Math.log1p(reinvestRate) + logPresentValue(cashflows, reinvestRate, 1);
  const logPresentOutflows = logPresentValue(cashflows, financeRate, -1);
  return Math.expm1((logFutureInflows - logPresentOutflows) / periods);
}

/** ln Σ |CF_t| (1 + rate)^−t over the flows of one sign, without forming the powers themselves. */
function logPresentValue(cashflows: readonly number[], rate: number, sign: 1 | -1): number {
  const logDiscount = -Math.log1p(rate);
  const logTerms: number[] = [];
  let largest = Number.NEGATIVE_INFINITY;
  for (let t = 0; t < cashflows.length; t++) {
    const cf = cashflows[t] as number;
    if (cf * sign <= 0) continue;
    const logTerm = Math.log(cf * sign) + t * logDiscount;
    logTerms.push(logTerm);
    if (logTerm > largest) largest = logTerm;
  }
  let scaled = 0;
  for (const logTerm of logTerms) scaled += Math.exp(logTerm - largest);
  return largest + Math.log(scaled);
}

// ---------------------------------------------------------------------------------------------
// Payback
// ---------------------------------------------------------------------------------------------

/**
 * The first time the cumulative flow reaches ≥ 0, in periods; null if it never does.
 * - If the cumulative flow at t = 0 (CF_0 alone) is already ≥ 0, the payback is 0.
 * - Otherwise, with k the first period whose cumulative C_k ≥ 0, the flow CF_k is taken as spread
 *   evenly over period k, so payback = (k − 1) + (−C_(k−1)) / CF_k (linear interpolation).
 * The FIRST crossing is reported: a later outflow that makes the cumulative negative again (e.g. a
 * decommissioning cost) does not move it. A cumulative flow within 1e−9 of the gross flows so far
 * counts as zero.
 */
function firstCrossing(flows: Iterable<number>): number | null {
  let cumulative = 0;
  let gross = 0;
  let t = 0;
  for (const flow of flows) {
    const before = cumulative;
    cumulative += flow;
    gross += Math.abs(flow);
    if (cumulative >= -PAYBACK_RELATIVE_TOLERANCE * gross) {
      if (t === 0) return 0;
      const fraction = flow > 0 ? Math.min(1, Math.max(0, -before / flow)) : 1;
      return t - 1 + fraction;
    }
    t += 1;
  }
  return null;
}

/** Simple (undiscounted) payback period; see `firstCrossing` for the conventions. */
export function paybackPeriods(cashflows: readonly number[]): number | null {
  return firstCrossing(cashflows);
}

/**
 * Discounted payback period: the same on the discounted flows CF_t / (1 + r)^t, i.e. the first
 * time the running NPV reaches ≥ 0 (Brealey–Myers–Allen ch. 5). For a conventional project (an
 * outflow now, inflows after) and r > 0 it is never shorter than the simple payback.
 */
export function discountedPaybackPeriods(rate: number, cashflows: readonly number[]): number | null {
  return firstCrossing(discounted(rate, cashflows));
}

function* discounted(rate: number, cashflows: readonly number[]): Generator<number> {
  let growth = 1;
  for (const cf of cashflows) {
    yield cf === 0 ? 0 : cf / growth;
    growth *= 1 + rate;
  }
}

// ---------------------------------------------------------------------------------------------
// ROI and BCR
// ---------------------------------------------------------------------------------------------

/**
 * Return on investment, undiscounted: (Σ inflows − Σ outflows) / Σ outflows, with outflows as
 * positive amounts; the same as Σ CF_t / Σ |CF_t < 0|. Null when there are no outflows. Works on
 * the net flow of each period: a period whose benefits exceed its costs counts as an inflow.
 */
export function roi(cashflows: readonly number[]): number | null {
  let inflows = 0;
  let outflows = 0;
  for (const cf of cashflows) {
    if (cf > 0) inflows += cf;
    else outflows -= cf;
  }
  return outflows > 0 ? (inflows - outflows) / outflows : null;
}

/**
 * Benefit-cost ratio: PV(inflows) / PV(outflows) at `rate`, outflows as positive amounts (HM
 * Treasury Green Book: BCR = PV benefits / PV costs; > 1 exactly when NPV > 0). Null when there are
 * no outflows. Like `roi` it sees net flows per period, so it is lower than a BCR of gross benefits
 * and gross costs whenever a period has both.
 */
export function bcr(rate: number, cashflows: readonly number[]): number | null {
  let inflows = 0;
  let outflows = 0;
  for (const cf of discounted(rate, cashflows)) {
    if (cf > 0) inflows += cf;
    else outflows -= cf;
  }
  return outflows > 0 ? inflows / outflows : null;
}

// ---------------------------------------------------------------------------------------------
// Appraisal
// ---------------------------------------------------------------------------------------------

const finiteOrNull = (x: number | null): number | null => (x !== null && Number.isFinite(x) ? x : null);

/**
 * Every measure of one business case. `financeRate` and `reinvestRate` (for MIRR) default to
 * `rate`; `irr` is null unless the IRR is unique (`irrKind` says why). Any result that is
 * undefined or not a finite number is null (JSON has no Infinity or NaN).
 */
export function appraise(input: AppraisalInput): Appraisal {
  const { rate, cashflows } = input;
  const irrResult = irr(cashflows);
  return {
    npv: finiteOrNull(npv(rate, cashflows)),
    irr: finiteOrNull(irrResult.value),
    mirr: finiteOrNull(mirr(cashflows, input.financeRate ?? rate, input.reinvestRate ?? rate)),
    paybackPeriods: finiteOrNull(paybackPeriods(cashflows)),
    discountedPaybackPeriods: finiteOrNull(discountedPaybackPeriods(rate, cashflows)),
    roi: finiteOrNull(roi(cashflows)),
    bcr: finiteOrNull(bcr(rate, cashflows)),
    irrKind: irrResult.kind,
  };
}
