import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lnGamma, regularizedIncompleteBeta, studentTCdf, studentTQuantile } from "./student-t.js";

/** Closed forms (Abramowitz & Stegun §26.7; Cauchy for 1): an independent check of the CDF. */
const cauchyCdf = (t: number) => 0.5 + Math.atan(t) / Math.PI;
const t2Cdf = (t: number) => 0.5 + t / (2 * Math.sqrt(2 + t * t));
const t3Cdf = (t: number) => 0.5 + (t / (Math.sqrt(3) * (1 + (t * t) / 3)) + Math.atan(t / Math.sqrt(3))) / Math.PI;

describe("lnGamma", () => {
  it("matches factorials and Γ(½) = √π", () => {
    expect(lnGamma(1)).toBeCloseTo(0, 13);
    expect(lnGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(lnGamma(10)).toBeCloseTo(Math.log(362880), 11);
    expect(lnGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
    expect(lnGamma(0.25)).toBeCloseTo(Math.log(3.625609908221908), 12);
  });
});

describe("regularizedIncompleteBeta", () => {
  it("has the closed forms I_x(1, 1) = x and I_x(2, 1) = x²", () => {
    expect(regularizedIncompleteBeta(0.3, 1, 1)).toBeCloseTo(0.3, 14);
    expect(regularizedIncompleteBeta(0.7, 2, 1)).toBeCloseTo(0.49, 14);
    expect(regularizedIncompleteBeta(0.7, 1, 2)).toBeCloseTo(1 - 0.09, 14);
  });

  it("is 0 at 0, 1 at 1 and NaN for bad shapes", () => {
    expect(regularizedIncompleteBeta(0, 2, 3)).toBe(0);
    expect(regularizedIncompleteBeta(1, 2, 3)).toBe(1);
    expect(regularizedIncompleteBeta(0.5, 0, 3)).toBeNaN();
  });
});

describe("studentTCdf", () => {
  it("matches the closed forms for 1, 2 and 3 degrees of freedom", () => {
    for (const t of [-40, -3.2, -1, -0.25, 0, 0.1, 0.5, 1.886, 3.078, 12]) {
      expect(studentTCdf(t, 1)).toBeCloseTo(cauchyCdf(t), 12);
      expect(studentTCdf(t, 2)).toBeCloseTo(t2Cdf(t), 12);
      expect(studentTCdf(t, 3)).toBeCloseTo(t3Cdf(t), 12);
    }
  });

  it("approaches the normal distribution for many degrees of freedom", () => {
    // Φ(1.959963985) = 0.975
    expect(studentTCdf(1.959963985, 1e7)).toBeCloseTo(0.975, 6);
  });

  it("handles infinities and rejects bad input", () => {
    expect(studentTCdf(Number.POSITIVE_INFINITY, 4)).toBe(1);
    expect(studentTCdf(Number.NEGATIVE_INFINITY, 4)).toBe(0);
    expect(studentTCdf(1, 0)).toBeNaN();
    expect(studentTCdf(Number.NaN, 3)).toBeNaN();
  });

  it("is symmetric and increasing", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -50, max: 50, noNaN: true }),
        fc.double({ min: 0, max: 5, noNaN: true }),
        fc.double({ min: 0.5, max: 200, noNaN: true }),
        (t, step, df) => {
          expect(studentTCdf(t, df) + studentTCdf(-t, df)).toBeCloseTo(1, 12);
          expect(studentTCdf(t + step, df)).toBeGreaterThanOrEqual(studentTCdf(t, df) - 1e-15);
        },
      ),
    );
  });
});

describe("studentTQuantile", () => {
  it("reproduces the table values t(0.9, df)", () => {
    const table: [number, number][] = [
      [1, 3.078],
      [2, 1.886],
      [5, 1.476],
      [10, 1.372],
      [30, 1.31],
    ];
    for (const [df, t] of table) expect(studentTQuantile(0.9, df)).toBeCloseTo(t, 3);
  });

  it("reproduces other table values and the exact forms for df 1 and 2", () => {
    expect(studentTQuantile(0.975, 10)).toBeCloseTo(2.228, 3);
    expect(studentTQuantile(0.995, 5)).toBeCloseTo(4.032, 3);
    expect(studentTQuantile(0.9, 1)).toBeCloseTo(Math.tan(Math.PI * 0.4), 10);
    // df = 2: t = (2p − 1) / √(2p(1 − p))
    expect(studentTQuantile(0.9, 2)).toBeCloseTo(0.8 / Math.sqrt(2 * 0.9 * 0.1), 10);
    expect(studentTQuantile(0.1, 5)).toBeCloseTo(-1.475884, 5);
  });

  it("has the edge values", () => {
    expect(studentTQuantile(0.5, 7)).toBe(0);
    expect(studentTQuantile(0, 7)).toBe(Number.NEGATIVE_INFINITY);
    expect(studentTQuantile(1, 7)).toBe(Number.POSITIVE_INFINITY);
    expect(studentTQuantile(1.2, 7)).toBeNaN();
    expect(studentTQuantile(0.9, -1)).toBeNaN();
  });

  it("inverts the CDF", () => {
    fc.assert(
      fc.property(fc.double({ min: 0.001, max: 0.999, noNaN: true }), fc.integer({ min: 1, max: 100 }), (p, df) => {
        expect(studentTCdf(studentTQuantile(p, df), df)).toBeCloseTo(p, 10);
      }),
    );
  });
});
