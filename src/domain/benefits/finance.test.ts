import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  appraise,
  bcr,
  brentRoot,
  countSignChanges,
  discountedPaybackPeriods,
  IRR_MAX_RATE,
  IRR_MIN_RATE,
  irr,
  irrRoots,
  mirr,
  npv,
  paybackPeriods,
  roi,
} from "./finance.js";

/** |actual − expected| ≤ tolerance, with both numbers in the failure message. */
function expectNear(actual: number | null, expected: number, tolerance: number): void {
  expect(actual).not.toBeNull();
  const diff = Math.abs((actual as number) - expected);
  expect(diff, `${actual} vs ${expected} (±${tolerance})`).toBeLessThanOrEqual(tolerance);
}

/** A value published rounded to `decimals` places: |actual − published| ≤ half a unit of the last place. */
function expectRoundsTo(actual: number | null, published: number, decimals: number): void {
  expectNear(actual, published, 0.5 * 10 ** -decimals + 1e-12);
}

/**
 * Independent NPV in exact rational arithmetic (BigInt) for integer flows and a rate p/q:
 * NPV = Σ CF_t (q/(p+q))^t = Σ CF_t q^t (p+q)^(n−t) / (p+q)^n, converted to a double once at the end.
 */
function exactNpv(p: bigint, q: bigint, cashflows: number[]): number {
  const n = cashflows.length - 1;
  const base = p + q;
  let numerator = 0n;
  for (const [t, cf] of cashflows.entries()) {
    numerator += BigInt(cf) * q ** BigInt(t) * base ** BigInt(n - t);
  }
  const denominator = base ** BigInt(n);
  // Split into integer part and remainder so huge numerators keep their precision.
  const whole = numerator / denominator;
  const rest = numerator - whole * denominator;
  return Number(whole) + Number(rest) / Number(denominator);
}

/** Excel's MIRR formula written out directly with powers (the independent check for `mirr`). */
function excelMirr(values: number[], financeRate: number, reinvestRate: number): number {
  const n = values.length;
  let npvNegative = 0; // Excel NPV(frate, negatives): first value discounted by one period
  let npvPositive = 0;
  for (const [i, v] of values.entries()) {
    if (v < 0) npvNegative += v / (1 + financeRate) ** (i + 1);
    if (v > 0) npvPositive += v / (1 + reinvestRate) ** (i + 1);
  }
  return ((-npvPositive * (1 + reinvestRate) ** n) / (npvNegative * (1 + financeRate))) ** (1 / (n - 1)) - 1;
}

describe("npv", () => {
  it("matches numpy-financial's documented example, exactly derived", () => {
    // numpy-financial docs, npf.npv: rate 0.08, [-40_000, 5_000, 8_000, 12_000, 30_000] →
    // np.round(npf.npv(rate, cashflows), 5) = 3065.22267
    // (https://numpy.org/numpy-financial/latest/npv.html).
    // By hand: 1.08 = 27/25, so NPV = −40000 + 5000·25/27 + 8000·625/729 + 12000·15625/19683
    //   + 30000·390625/531441 = 542995000/177147 = 3065.2226681795345… (177147 = 3^11).
    const flows = [-40_000, 5_000, 8_000, 12_000, 30_000];
    const value = npv(0.08, flows);
    expectNear(value, 542_995_000 / 177_147, 1e-6);
    expectNear(exactNpv(8n, 100n, flows), 542_995_000 / 177_147, 1e-9);
    expectRoundsTo(value, 3065.22267, 5);
  });

  it("equals Excel's NPV with a leading zero (Excel discounts its first value by one period)", () => {
    // Microsoft Excel, NPV function, example 1: rate 10 %, −10,000 one year from today, then
    // 3,000, 4,200, 6,800 → $1,188.44. Excel NPV(r, v1..vn) = our npv(r, [0, v1..vn]).
    // Exact: 17400000/14641 = 1188.4434123352… (14641 = 11^4).
    const excel1 = npv(0.1, [0, -10_000, 3_000, 4_200, 6_800]);
    expectNear(excel1, 17_400_000 / 14_641, 1e-6);
    expectRoundsTo(excel1, 1188.44, 2);
    // Excel NPV example 2: rate 8 %, an investment of 40,000 now (added outside NPV), then 8,000,
    // 9,200, 10,000, 12,000, 14,500 → $1,922.06; with a 9,000 loss in year 6 → −$3,749.47.
    // `NPV(8%, B3:B7) + B2` is our npv with the investment at t = 0.
    const flows2 = [-40_000, 8_000, 9_200, 10_000, 12_000, 14_500];
    expectNear(npv(0.08, flows2), exactNpv(8n, 100n, flows2), 1e-6);
    expectRoundsTo(npv(0.08, flows2), 1922.06, 2);
    const flows3 = [...flows2, -9_000];
    expectNear(npv(0.08, flows3), exactNpv(8n, 100n, flows3), 1e-6);
    expectRoundsTo(npv(0.08, flows3), -3749.47, 2);
  });

  it("matches Adobe FormCalc's NPV example (Excel convention) to full precision", () => {
    // Adobe LiveCycle Designer, FormCalc reference, NPV: NPV(0.10, 500, 1500, 4000, 10000) =
    // 11529.60863329007 (each value at the end of years 1..4).
    expectNear(npv(0.1, [0, 500, 1_500, 4_000, 10_000]), 11529.60863329007, 1e-6);
    expectNear(exactNpv(1n, 10n, [0, 500, 1_500, 4_000, 10_000]), 11529.60863329007, 1e-6);
  });

  it("is the plain sum at rate 0 and the first flow alone when nothing follows", () => {
    expect(npv(0, [-100, 30, 40, 50])).toBe(20);
    expect(npv(0.25, [-7])).toBe(-7);
    expect(npv(0.1, [])).toBe(0);
  });
});

describe("irr", () => {
  it("matches numpy's documented examples", () => {
    // numpy docs, numpy.irr (1.3 … 1.17; now numpy-financial npf.irr, which cites Gitman 2003, p. 348):
    //   irr([-100, 39, 59, 55, 20]) = 0.2809484211599611 (printed in full in the numpy 1.3 docs),
    //   round(irr([-100, 0, 0, 74]), 5) = -0.0955,
    //   round(irr([-100, 100, 0, 7]), 5) = 0.06206.
    const a = irr([-100, 39, 59, 55, 20]);
    expect(a.kind).toBe("unique");
    expectNear(a.value, 0.2809484211599611, 1e-9);

    // [-100, 0, 0, 74] has the closed form (1 + r)^3 = 74/100.
    const b = irr([-100, 0, 0, 74]);
    expect(b.kind).toBe("unique");
    expectNear(b.value, 0.74 ** (1 / 3) - 1, 1e-9);
    expectRoundsTo(b.value, -0.0955, 5);

    const c = irr([-100, 100, 0, 7]);
    expect(c.kind).toBe("unique");
    expectRoundsTo(c.value, 0.06206, 5);
    expectNear(npv(c.value as number, [-100, 100, 0, 7]), 0, 1e-9);
  });

  it("reports several roots instead of picking one where numpy picks one", () => {
    // numpy docs: round(irr([-100, 100, 0, -7]), 5) = -0.0833 and round(irr([-5, 10.5, 1, -8, 1]), 5)
    // = 0.0886. Both series change sign more than once and have more than one root in [-0.99, 10]:
    // 7x³ − 100x + 100 = 0 (x = 1/(1+r)) has the roots r ≈ −0.6789 and r ≈ −0.0833; the second
    // series has r ≈ −0.8702, 0.0886 and 0.7096 (roots checked with mpmath.polyroots). numpy
    // returns one of them; we return kind "multiple" and list them all in irrRoots.
    const d = [-100, 100, 0, -7];
    expect(countSignChanges(d)).toBe(2);
    expect(irr(d)).toEqual({ value: null, kind: "multiple" });
    const dRoots = irrRoots(d);
    expect(dRoots).toHaveLength(2);
    expectNear(dRoots[0] as number, -0.6788943736323865, 1e-9);
    expectRoundsTo(dRoots[1] as number, -0.0833, 5);
    for (const r of dRoots) expectNear(7 / (1 + r) ** 3 - 100 / (1 + r) + 100, 0, 1e-8);

    const e = [-5, 10.5, 1, -8, 1];
    expect(irr(e)).toEqual({ value: null, kind: "multiple" });
    const eRoots = irrRoots(e);
    expect(eRoots).toHaveLength(3);
    expectNear(eRoots[0] as number, -0.870201247484741, 1e-9);
    expectRoundsTo(eRoots[1] as number, 0.0886, 5);
    expectNear(eRoots[2] as number, 0.7095595276861836, 1e-9);
  });

  it("matches Excel's documented IRR example", () => {
    // Microsoft Excel, IRR function: initial cost −70,000 then net income 12,000, 15,000, 18,000,
    // 21,000, 26,000 → IRR after five years 8.66 %, after four years −2.12 %, after two years −44.35 %.
    const five = irr([-70_000, 12_000, 15_000, 18_000, 21_000, 26_000]);
    expect(five.kind).toBe("unique");
    expectRoundsTo(five.value, 0.0866, 4);
    expectNear(five.value, 0.08663094803653161, 1e-9); // mpmath, 40 digits
    const four = irr([-70_000, 12_000, 15_000, 18_000, 21_000]);
    expectRoundsTo(four.value, -0.0212, 4);
    expectNear(four.value, -0.021244848273411, 1e-9);
    // Two years is a quadratic in x = 1/(1+r): 15000x² + 12000x − 70000 = 0.
    const two = irr([-70_000, 12_000, 15_000]);
    const x = (-12_000 + Math.sqrt(12_000 ** 2 + 4 * 15_000 * 70_000)) / (2 * 15_000);
    expectNear(two.value, 1 / x - 1, 1e-9);
    expectRoundsTo(two.value, -0.4435, 4);
  });

  it("has no root when the flows never change sign, and finds exact roots on grid points", () => {
    expect(irr([100, 20, 30])).toEqual({ value: null, kind: "none" });
    expect(irr([-100, -20, -30])).toEqual({ value: null, kind: "none" });
    expect(irr([0, 0, 0])).toEqual({ value: null, kind: "none" });
    expect(irr([])).toEqual({ value: null, kind: "none" });
    // Break-even: NPV is 0 exactly at r = 0, a grid point.
    expect(irr([-100, 100])).toEqual({ value: 0, kind: "unique" });
    expect(irr([-100, 50, 50])).toEqual({ value: 0, kind: "unique" });
    // A root outside the search range (IRR = 1,100 % per period) is reported as none.
    expect(irr([-1, 12])).toEqual({ value: null, kind: "none" });
    expect(irr([-1, 10]).value).toBeCloseTo(9, 10);
  });

  it("returns the one root when the flows change sign twice but NPV crosses zero once", () => {
    // −100, +230, −132: 132x² − 230x + 100 = 0 (x = 1/(1+r)) → x = (230 ± 10)/264 → r = 10 % and 20 %.
    const two = irrRoots([-100, 230, -132]);
    expect(two).toHaveLength(2);
    expectNear(two[0] as number, 0.1, 1e-11);
    expectNear(two[1] as number, 0.2, 1e-11);
    // −100, +230, −1: x² − 230x + 100 = 0 → x = (230 ± √52500)/2; the larger root is r ≈ −0.99564,
    // below the search range, so one root remains: r = 2/(230 − √52500) − 1 ≈ 1.2956.
    const flows = [-100, 230, -1];
    expect(countSignChanges(flows)).toBe(2);
    const single = irr(flows);
    expect(single.kind).toBe("unique");
    expectNear(single.value, 2 / (230 - Math.sqrt(52_500)) - 1, 1e-9);
  });

  it("stays finite over 1,200 monthly periods", () => {
    const flows = [-1_000_000, ...Array.from({ length: 1_199 }, () => 1_000)];
    const result = irr(flows);
    expect(result.kind).toBe("unique");
    // Relative to the 2.2 million of gross flows: Brent's 1e−12 in the rate leaves about 1e−4 of NPV.
    expectNear(npv(result.value as number, flows), 0, 1e-9 * 2_199_000);
    expect(result.value as number).toBeGreaterThan(0);
  });
});

describe("brentRoot", () => {
  it("solves x³ − 2x − 5 = 0 (Wallis's example) to the tolerance", () => {
    expectNear(
      brentRoot((x) => x ** 3 - 2 * x - 5, 2, 3),
      2.0945514815423265,
      1e-12,
    );
  });
});

describe("mirr", () => {
  const excelFlows = [-120_000, 39_000, 30_000, 21_000, 37_000, 46_000];

  it("matches Excel's documented MIRR example", () => {
    // Microsoft Excel, MIRR function: −120,000 cost, income 39,000, 30,000, 21,000, 37,000,
    // 46,000; 10 % on the loan, 12 % on reinvested profits → 13 % after five years, −5 % after
    // three, 13 % with 14 % reinvestment. Full precision 0.1260941303659051 (mpmath), i.e. 12.61 %.
    const five = mirr(excelFlows, 0.1, 0.12);
    expectNear(five, excelMirr(excelFlows, 0.1, 0.12), 1e-9);
    expectNear(five, 0.1260941303659051, 1e-9);
    expectRoundsTo(five, 0.126094, 6);
    expectRoundsTo(five, 0.13, 2);
    const three = mirr(excelFlows.slice(0, 4), 0.1, 0.12);
    expectNear(three, excelMirr(excelFlows.slice(0, 4), 0.1, 0.12), 1e-9);
    expectRoundsTo(three, -0.05, 2);
    const at14 = mirr(excelFlows, 0.1, 0.14);
    expectNear(at14, excelMirr(excelFlows, 0.1, 0.14), 1e-9);
    expectRoundsTo(at14, 0.13, 2);
  });

  it("matches other published MIRR examples", () => {
    // MathWorks Financial Toolbox, mirr: [-100000 20000 -10000 30000 38000 50000], finance 9 %,
    // reinvest 12 % → 0.0832 (the year-2 outflow is discounted at the finance rate).
    const matlab = [-100_000, 20_000, -10_000, 30_000, 38_000, 50_000];
    expectRoundsTo(mirr(matlab, 0.09, 0.12), 0.0832, 4);
    expectNear(mirr(matlab, 0.09, 0.12), excelMirr(matlab, 0.09, 0.12), 1e-9);
    // numpy.mirr as shown by w3resource (numpy 1.15): mirr([-1000, 100, 50, 10, 15], .34, .21)
    // = -0.2742274708267268.
    expectNear(mirr([-1_000, 100, 50, 10, 15], 0.34, 0.21), -0.2742274708267268, 1e-9);
    // MESCIUS Spread formula reference, MIRR({7300,-15000,4036,3050},6.5%,8%) = 0.056405: a positive
    // first flow is compounded like any other inflow.
    expectRoundsTo(mirr([7_300, -15_000, 4_036, 3_050], 0.065, 0.08), 0.056405, 6);
  });

  it("is null without both an outflow and an inflow, and handles negative rates without overflow", () => {
    expect(mirr([100, 200], 0.1, 0.1)).toBeNull();
    expect(mirr([-100, -200], 0.1, 0.1)).toBeNull();
    expect(mirr([-100], 0.1, 0.1)).toBeNull();
    expect(mirr([], 0.1, 0.1)).toBeNull();
    // Negative finance and reinvest rates use the compounding form: same answer as the formula.
    const flows = [-100, 30, -20, 60, 70];
    expectNear(mirr(flows, -0.05, -0.1), excelMirr(flows, -0.05, -0.1), 1e-12);
    // 1,200 periods at −50 %: (1 + r)^−t overflows in the formula, not here.
    const long = [-1, ...Array.from({ length: 1_199 }, () => 0), 1];
    expectNear(mirr(long, -0.5, -0.5), 0, 1e-12);
  });
});

describe("payback", () => {
  it("interpolates inside the period where the cumulative flow turns non-negative", () => {
    // −1000, 300, 400, 500: cumulative −1000, −700, −300, +200 → 2 + 300/500 = 2.6 periods.
    expect(paybackPeriods([-1_000, 300, 400, 500])).toBeCloseTo(2.6, 12);
    // −100, 60, 60 at 10 %: discounted 54.5454…, 49.5867… → cumulative −45.4545…, +4.1322…
    // → 1 + (500/11)/(6000/121) = 1 + 11/12; simple payback 1 + 40/60.
    expectNear(discountedPaybackPeriods(0.1, [-100, 60, 60]), 1 + 11 / 12, 1e-12);
    expectNear(paybackPeriods([-100, 60, 60]), 1 + 2 / 3, 1e-12);
  });

  it("is 0 when the first flow is already ≥ 0, null when never paid back, and reports the first crossing", () => {
    expect(paybackPeriods([0, -10, 20])).toBe(0);
    expect(paybackPeriods([5, -10, 20])).toBe(0);
    expect(paybackPeriods([-1_000, 300, 400])).toBeNull();
    expect(discountedPaybackPeriods(0.1, [-1_000, 300, 400, 500])).toBeNull(); // cumulative −21.04
    expect(paybackPeriods([-100, 100, -50, 10])).toBe(1);
    expect(paybackPeriods([-100, 50, 50])).toBe(2);
    // Decimal amounts that cancel exactly on paper are not lost to rounding.
    expect(paybackPeriods([-0.3, 0.1, 0.2])).toBeCloseTo(2, 9);
    expect(paybackPeriods([])).toBeNull();
  });
});

describe("roi and bcr", () => {
  it("follow their definitions on worked examples", () => {
    // −100, 60, 60: ROI = (120 − 100)/100 = 0.2; BCR at 10 % = (6000/121 + 600/11)/100 = 126/121.
    expectNear(roi([-100, 60, 60]), 0.2, 1e-15);
    expectNear(bcr(0.1, [-100, 60, 60]), 126 / 121, 1e-12);
    // −100, 50, −20, 90: inflows 140, outflows 120 → ROI = 20/120.
    expectNear(roi([-100, 50, -20, 90]), 1 / 6, 1e-15);
    expect(roi([10, 20])).toBeNull();
    expect(bcr(0.1, [10, 20])).toBeNull();
    expect(roi([-10, -20])).toBe(-1);
    expect(bcr(0.1, [-10, -20])).toBe(0);
  });
});

describe("appraise", () => {
  it("returns every measure, with MIRR rates defaulting to the discount rate", () => {
    const flows = [-100, 60, 60];
    const result = appraise({ rate: 0.1, cashflows: flows });
    expect(Object.keys(result)).toEqual([
      "npv",
      "irr",
      "mirr",
      "paybackPeriods",
      "discountedPaybackPeriods",
      "roi",
      "bcr",
      "irrKind",
    ]);
    expectNear(result.npv, 500 / 121, 1e-12); // −100 + 60/1.1 + 60/1.21 = 500/121
    // IRR: 100(1+r)² = 60(1+r) + 60 → 1 + r = (60 + √(3600 + 24000))/200 = (3 + √69)/10.
    expectNear(result.irr, (3 + Math.sqrt(69)) / 10 - 1, 1e-12);
    expect(result.irrKind).toBe("unique");
    expectNear(result.mirr, mirr(flows, 0.1, 0.1) as number, 0);
    expectNear(result.paybackPeriods, 5 / 3, 1e-12);
    expectNear(result.discountedPaybackPeriods, 23 / 12, 1e-12);
    expectNear(result.roi, 0.2, 1e-15);
    expectNear(result.bcr, 126 / 121, 1e-12);

    const explicit = appraise({ rate: 0.1, cashflows: excelMirrFlows(), financeRate: 0.1, reinvestRate: 0.12 });
    expectRoundsTo(explicit.mirr, 0.126094, 6);
  });

  it("gives null for undefined measures and for results beyond a double", () => {
    const gains = appraise({ rate: 0.05, cashflows: [10, 20] });
    expect(gains).toMatchObject({ irr: null, irrKind: "none", mirr: null, roi: null, bcr: null, paybackPeriods: 0 });
    const multiple = appraise({ rate: 0.05, cashflows: [-100, 230, -132] });
    expect(multiple.irr).toBeNull();
    expect(multiple.irrKind).toBe("multiple");
    // (1 − 0.999999)^−1199 overflows: NPV is not a finite double, so it is null, never Infinity.
    const extreme = appraise({ rate: -0.999999, cashflows: [-1, ...Array.from({ length: 1_199 }, () => 1)] });
    expect(extreme.npv).toBeNull();
    for (const value of Object.values(extreme)) {
      if (typeof value === "number") expect(Number.isFinite(value)).toBe(true);
    }
  });
});

function excelMirrFlows(): number[] {
  return [-120_000, 39_000, 30_000, 21_000, 37_000, 46_000];
}

// ---------------------------------------------------------------------------------------------
// Laws
// ---------------------------------------------------------------------------------------------

const amount = fc.integer({ min: -1_000_000, max: 1_000_000 });
const positiveAmount = fc.integer({ min: 1, max: 1_000_000 });
const flowsArb = fc.array(amount, { minLength: 1, maxLength: 40 });
/** A conventional project: an investment now, then non-negative flows, at least one positive. */
const conventionalArb = fc
  .tuple(
    positiveAmount,
    fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 40 }),
    positiveAmount,
  )
  .map(([investment, later, last]) => [-investment, ...later, last]);
const rateArb = fc.double({ min: -0.5, max: 2, noNaN: true, noDefaultInfinity: true });

/** Σ |CF_t| / (1 + r)^t: the scale against which "NPV ≈ 0" is judged. */
const grossPv = (rate: number, flows: number[]) => flows.reduce((s, cf, t) => s + Math.abs(cf) / (1 + rate) ** t, 0);

describe("laws (fast-check)", () => {
  it("NPV is zero at every IRR root, and the IRR is unique or absent for a conventional project", () => {
    fc.assert(
      fc.property(flowsArb, (flows) => {
        for (const r of irrRoots(flows)) {
          expect(r).toBeGreaterThanOrEqual(IRR_MIN_RATE);
          expect(r).toBeLessThanOrEqual(IRR_MAX_RATE);
          // Brent stops within 1e−12 of the root; |dNPV/dr| ≤ n/(1 + r) · Σ|CF_t|/(1 + r)^t bounds the NPV left.
          const slope = (1 + flows.length / (1 + r)) * grossPv(r, flows);
          expect(Math.abs(npv(r, flows))).toBeLessThanOrEqual(1e-10 * slope);
        }
      }),
    );
    fc.assert(
      fc.property(conventionalArb, (flows) => {
        const result = irr(flows);
        expect(result.kind).not.toBe("multiple");
        if (result.kind === "unique") {
          expect(Math.abs(npv(result.value as number, flows))).toBeLessThanOrEqual(
            1e-9 * grossPv(result.value as number, flows),
          );
        }
      }),
    );
  });

  it("NPV decreases as the rate rises for a conventional project", () => {
    fc.assert(
      fc.property(conventionalArb, rateArb, rateArb, (flows, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(npv(hi, flows)).toBeLessThanOrEqual(npv(lo, flows) + 1e-9 * grossPv(lo, flows));
      }),
    );
  });

  it("MIRR equals the IRR when both of its rates are the IRR", () => {
    fc.assert(
      fc.property(conventionalArb, (flows) => {
        const { value, kind } = irr(flows);
        if (kind !== "unique" || value === null || value < -0.9) return;
        expectNear(mirr(flows, value, value), value, 1e-7);
      }),
    );
  });

  it("payback agrees with the cumulative sums", () => {
    fc.assert(
      fc.property(flowsArb, (flows) => {
        const cumulative = flows.map((_, t) => flows.slice(0, t + 1).reduce((s, x) => s + x, 0));
        const k = cumulative.findIndex((c) => c >= 0);
        const payback = paybackPeriods(flows);
        if (k === -1) expect(payback).toBeNull();
        else if (k === 0) expect(payback).toBe(0);
        else {
          const before = cumulative[k - 1] as number;
          expectNear(payback, k - 1 + -before / (flows[k] as number), 1e-12);
          expect(payback as number).toBeGreaterThan(k - 1);
          expect(payback as number).toBeLessThanOrEqual(k);
        }
      }),
    );
  });

  it("discounted payback is never shorter than simple payback at a positive rate, and BCR > 1 iff NPV > 0", () => {
    fc.assert(
      fc.property(conventionalArb, fc.double({ min: 0.001, max: 1, noNaN: true }), (flows, rate) => {
        const simple = paybackPeriods(flows);
        const discountedPayback = discountedPaybackPeriods(rate, flows);
        if (discountedPayback !== null) {
          expect(simple).not.toBeNull();
          expect(discountedPayback).toBeGreaterThanOrEqual((simple as number) - 1e-9);
        }
        const value = npv(rate, flows);
        const ratio = bcr(rate, flows) as number;
        if (Math.abs(value) > 1e-6 * grossPv(rate, flows)) expect(ratio > 1).toBe(value > 0);
      }),
    );
  });
});
