import { describe, expect, it } from "vitest";
import { addMonths } from "../shared/period.js";
import { type BenefitForecast, earlyWarning, type ForecastInput, fitLine, forecastBenefit } from "./forecast.js";
import type { PeriodValue } from "./tracking.js";

/** mulberry32: a small seeded generator, so every "random" series is the same on every run. */
function makeRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal by Box–Muller. */
function makeNormal(seed: number): () => number {
  const random = makeRandom(seed);
  return () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** Monthly values from 2026-01 on. */
const monthly = (values: readonly number[], start = "2026-01"): PeriodValue[] =>
  values.map((value, i) => ({ period: addMonths(start, i), value }));

function makeInput(overrides: Partial<ForecastInput> = {}): ForecastInput {
  return { actuals: [], baseline: 0, target: 10, targetPeriod: "2026-12", ...overrides };
}

function ok(f: BenefitForecast): Extract<BenefitForecast, { ok: true }> {
  if (!f.ok) throw new Error(`expected a forecast, got ${f.reason}`);
  return f;
}

/** Closed-form CDF of t with 3 degrees of freedom (Abramowitz & Stegun §26.7), to check independently. */
const t3Cdf = (t: number) => 0.5 + (t / (Math.sqrt(3) * (1 + (t * t) / 3)) + Math.atan(t / Math.sqrt(3))) / Math.PI;

describe("fitLine", () => {
  it("fits a worked example", () => {
    // x̄ = 2, ȳ = 3, Sxx = 10, Sxy = 8 → b = 0.8, a = 1.4; SSE = 3.6, s² = 1.2
    const fit = fitLine([1, 3, 2, 5, 4].map((y, x) => ({ x, y })))!;
    expect(fit.slope).toBeCloseTo(0.8, 12);
    expect(fit.intercept).toBeCloseTo(1.4, 12);
    expect(fit.sxx).toBe(10);
    expect(fit.residualStdError).toBeCloseTo(Math.sqrt(1.2), 12);
    expect(fit.degenerate).toBe(false);
  });

  it("needs 3 points and 2 distinct x", () => {
    expect(
      fitLine([
        { x: 0, y: 1 },
        { x: 1, y: 2 },
      ]),
    ).toBeNull();
    expect(
      fitLine([
        { x: 4, y: 1 },
        { x: 4, y: 2 },
        { x: 4, y: 3 },
      ]),
    ).toBeNull();
  });
});

describe("forecastBenefit: worked example", () => {
  // 2026-01 … 2026-05 = x 0 … 4; target month 2026-10 = x₀ 9
  const input = makeInput({ actuals: monthly([1, 3, 2, 5, 4]), targetPeriod: "2026-10" });

  it("gives ŷ = 1.4 + 0.8·9 = 8.6 and the 80 % interval ŷ ± t(0.9, 3)·se", () => {
    const f = ok(forecastBenefit(input));
    // se = √(1.2 · (1 + 1/5 + (9 − 2)²/10)) = √7.32; t(0.9, 3) = 1.637744
    const se = Math.sqrt(7.32);
    expect(f.value).toBeCloseTo(8.6, 12);
    expect(f.standardError).toBeCloseTo(se, 12);
    expect(f.lower).toBeCloseTo(8.6 - 1.637744 * se, 5);
    expect(f.upper).toBeCloseTo(8.6 + 1.637744 * se, 5);
    expect(f.slopePerMonth).toBeCloseTo(0.8, 12);
    expect(f.level).toBe(0.8);
    expect(f.window).toEqual({ from: "2026-01", to: "2026-05", points: 5 });
    expect(f.period).toBe("2026-10");
    // P(Y ≥ 10) = 1 − F₃((10 − 8.6)/se)
    expect(f.probability).toBeCloseTo(1 - t3Cdf(1.4 / se), 10);
  });

  it("puts probability 0.9 at the lower bound, 0.5 at ŷ and 0.1 at the upper bound", () => {
    const f = ok(forecastBenefit(input));
    expect(ok(forecastBenefit({ ...input, target: f.lower })).probability).toBeCloseTo(0.9, 9);
    expect(ok(forecastBenefit({ ...input, target: f.value })).probability).toBeCloseTo(0.5, 9);
    expect(ok(forecastBenefit({ ...input, target: f.upper })).probability).toBeCloseTo(0.1, 9);
  });

  it("reverses the probability for a decrease benefit", () => {
    // the same forecast; a decrease from 20 to 10 succeeds when Y ≤ 10
    const f = ok(forecastBenefit({ ...input, baseline: 20 }));
    expect(f.probability).toBeCloseTo(t3Cdf(1.4 / Math.sqrt(7.32)), 10);
  });

  it("widens with the level", () => {
    const f80 = ok(forecastBenefit(input));
    const f95 = ok(forecastBenefit({ ...input, level: 0.95 }));
    // t(0.975, 3) = 3.182446
    expect(f95.upper - f95.value).toBeCloseTo(3.182446 * Math.sqrt(7.32), 4);
    expect(f95.upper - f95.lower).toBeGreaterThan(f80.upper - f80.lower);
  });
});

describe("forecastBenefit: synthetic series", () => {
  it("forecasts a perfect line exactly, with a zero-width interval and probability 1 or 0", () => {
    // y = 10 + 2x for 2026-01 … 2026-06; at 2026-12 (x = 11): 32
    const actuals = monthly([10, 12, 14, 16, 18, 20]);
    const at = (target: number, baseline = 10) => ok(forecastBenefit(makeInput({ actuals, baseline, target })));
    const miss = at(50);
    expect(miss).toMatchObject({ degenerate: true, standardError: 0, probability: 0 });
    expect(miss.value).toBeCloseTo(32, 10);
    expect(miss.lower).toBe(miss.value);
    expect(miss.upper).toBe(miss.value);
    expect(at(30).probability).toBe(1);
    expect(at(32).probability).toBe(1); // reaches the target exactly
    expect(at(5, 40).probability).toBe(0); // a decrease the rising line never meets
  });

  it("forecasts a falling perfect line for a decrease benefit", () => {
    // y = 100 − 5x; at 2026-11 (x = 10): 50
    const actuals = monthly([100, 95, 90, 85]);
    const f = ok(forecastBenefit(makeInput({ actuals, baseline: 100, target: 50, targetPeriod: "2026-11" })));
    expect(f.value).toBeCloseTo(50, 10);
    expect(f.probability).toBe(1);
    expect(
      ok(forecastBenefit(makeInput({ actuals, baseline: 100, target: 45, targetPeriod: "2026-11" }))).probability,
    ).toBe(0);
  });

  it("recovers the slope of a line with known noise and covers the true value", () => {
    // y = 100 − 3x + ε, ε ~ N(0, 2²), 12 months; σ/√Sxx = 2/√143 ≈ 0.167. One seeded draw (seed 7
    // gives a slope of −2.85); the coverage test below checks the interval over 2000 draws.
    const normal = makeNormal(7);
    const actuals = monthly(Array.from({ length: 12 }, (_, x) => 100 - 3 * x + 2 * normal()));
    const f = ok(forecastBenefit(makeInput({ actuals, baseline: 100, target: 40, targetPeriod: "2027-06" })));
    expect(Math.abs(f.slopePerMonth + 3)).toBeLessThan(3 * (2 / Math.sqrt(143)));
    const truth = 100 - 3 * 17; // 2027-06 is x = 17
    expect(f.lower).toBeLessThan(truth);
    expect(f.upper).toBeGreaterThan(truth);
    expect(f.degenerate).toBe(false);
  });

  it("covers about 80 % of new observations, as a t interval should with few points", () => {
    // 5 points (3 degrees of freedom): a normal quantile would cover only about 71 %
    const normal = makeNormal(7);
    const runs = 2000;
    let covered = 0;
    for (let run = 0; run < runs; run++) {
      const actuals = monthly(Array.from({ length: 5 }, (_, x) => 20 + 0.5 * x + normal()));
      const f = ok(forecastBenefit(makeInput({ actuals, baseline: 20, target: 30, targetPeriod: "2026-09" })));
      const observed = 20 + 0.5 * 8 + normal();
      if (observed >= f.lower && observed <= f.upper) covered++;
    }
    expect(covered / runs).toBeGreaterThan(0.77);
    expect(covered / runs).toBeLessThan(0.83);
  });

  it("gives a flat series a slope near 0 and an interval from the residuals", () => {
    const normal = makeNormal(3);
    const actuals = monthly(Array.from({ length: 10 }, () => 50 + normal()));
    const f = ok(forecastBenefit(makeInput({ actuals, baseline: 50, target: 60 })));
    expect(Math.abs(f.slopePerMonth)).toBeLessThan(3 / Math.sqrt(82.5)); // 3 σ/√Sxx, Sxx = 82.5
    expect(f.lower).toBeLessThan(50);
    expect(f.upper).toBeGreaterThan(50);
    expect(f.probability).toBeGreaterThan(0);
    expect(f.probability).toBeLessThan(0.05);
  });

  it("makes a constant series degenerate: probability 0 short of the target, 1 at it", () => {
    const actuals = monthly([50, 50, 50, 50]);
    const f = ok(forecastBenefit(makeInput({ actuals, baseline: 40, target: 60 })));
    expect(f).toMatchObject({ value: 50, lower: 50, upper: 50, slopePerMonth: 0, degenerate: true, probability: 0 });
    expect(ok(forecastBenefit(makeInput({ actuals, baseline: 60, target: 50 }))).probability).toBe(1);
  });

  it("follows the new direction after a reversal", () => {
    // 20 months up (+1), then 12 months down (−2)
    const up = Array.from({ length: 20 }, (_, i) => 10 + i);
    const down = Array.from({ length: 12 }, (_, i) => 27 - 2 * i);
    const actuals = monthly([...up, ...down]); // 2026-01 … 2028-08
    const input = makeInput({ actuals, baseline: 10, target: 40, targetPeriod: "2028-12" });
    const recent = ok(forecastBenefit(input));
    expect(recent.window).toEqual({ from: "2027-09", to: "2028-08", points: 12 });
    expect(recent.slopePerMonth).toBeCloseTo(-2, 10);
    expect(recent.value).toBeCloseTo(5 - 2 * 4, 10);
    expect(recent.probability).toBe(0);
    // the whole history, dominated by the rise, is almost flat (slope −0.015) and forecasts 17.9
    const whole = ok(forecastBenefit({ ...input, window: 32 }));
    expect(whole.slopePerMonth).toBeGreaterThan(-0.5);
    expect(whole.value).toBeGreaterThan(recent.value + 10);
  });

  it("places irregular measurements at their real months", () => {
    // quarterly: +3 a quarter = +1 a month; 2027-06 is 6 months after 2026-12
    const actuals = ["2026-03", "2026-06", "2026-09", "2026-12"].map((period, i) => ({ period, value: 10 + 3 * i }));
    const f = ok(forecastBenefit(makeInput({ actuals, baseline: 10, target: 25, targetPeriod: "2027-06" })));
    expect(f.slopePerMonth).toBeCloseTo(1, 12);
    expect(f.value).toBeCloseTo(25, 10);
    expect(f.probability).toBe(1);
  });

  it("ignores invalid actuals and keeps the last of a month", () => {
    const actuals = [
      ...monthly([10, 12, 14]),
      { period: "2026-02", value: 12 },
      { period: "2026-03", value: Number.NaN },
      { period: "Q1", value: 0 },
    ];
    const f = ok(forecastBenefit(makeInput({ actuals, target: 30 })));
    expect(f.window.points).toBe(3);
    expect(f.value).toBeCloseTo(32, 10);
  });
});

describe("forecastBenefit: no forecast", () => {
  it("says why with fewer than 3 points", () => {
    expect(forecastBenefit(makeInput({ actuals: monthly([1, 2]) }))).toEqual({
      ok: false,
      reason: "too_few_points",
      message: "No forecast yet: it needs at least 3 measured months and there are 2.",
    });
    expect(forecastBenefit(makeInput({ actuals: monthly([1]) }))).toMatchObject({
      message: "No forecast yet: it needs at least 3 measured months and there is 1.",
    });
  });

  it("says why without a planned change or after the target month", () => {
    expect(forecastBenefit(makeInput({ actuals: monthly([1, 2, 3]), target: 0 }))).toMatchObject({
      ok: false,
      reason: "no_planned_change",
    });
    expect(forecastBenefit(makeInput({ actuals: monthly([1, 2, 3]), targetPeriod: "2026-03" }))).toEqual({
      ok: false,
      reason: "target_date_passed",
      message:
        "No forecast: the target month 2026-03 is not after the latest measurement 2026-03; compare the actuals with the target instead.",
    });
  });

  it("rejects a bad window, level or target month", () => {
    expect(() => forecastBenefit(makeInput({ window: 2 }))).toThrow(RangeError);
    expect(() => forecastBenefit(makeInput({ level: 1 }))).toThrow(RangeError);
    expect(() => forecastBenefit(makeInput({ targetPeriod: "2026-12-31" }))).toThrow(RangeError);
  });
});

describe("earlyWarning", () => {
  const base = { direction: "increase" as const, target: 160, tolerance: 6, latestWithinTolerance: true };

  it("warns when the forecast misses by more than the tolerance while the latest actual is within it", () => {
    expect(earlyWarning({ ...base, forecast: 150 })).toBe(true); // 10 short
    expect(earlyWarning({ ...base, forecast: 154 })).toBe(false); // exactly 6 short
    expect(earlyWarning({ ...base, forecast: 170 })).toBe(false);
  });

  it("is direction-aware", () => {
    const dec = { direction: "decrease" as const, target: 20, tolerance: 1, latestWithinTolerance: true };
    expect(earlyWarning({ ...dec, forecast: 21.5 })).toBe(true);
    expect(earlyWarning({ ...dec, forecast: 18 })).toBe(false);
  });

  it("stays silent when the latest actual is already out of tolerance or there is no forecast", () => {
    expect(earlyWarning({ ...base, forecast: 150, latestWithinTolerance: false })).toBe(false);
    expect(earlyWarning({ ...base, forecast: 150, latestWithinTolerance: null })).toBe(false);
    expect(earlyWarning({ ...base, forecast: null })).toBe(false);
    expect(earlyWarning({ ...base, forecast: 150, direction: null })).toBe(false);
  });
});
