import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type BenefitRisk, checkRisks, riskAdjustedBenefit, riskExposure } from "./risk.js";

describe("riskExposure", () => {
  it("is probability × impact", () => {
    expect(riskExposure(0.25, 40_000)).toBe(10_000);
    expect(riskExposure(0, 40_000)).toBe(0);
    expect(riskExposure(1, 40_000)).toBe(40_000);
  });

  it("rejects a probability outside 0–1 and a negative or non-finite impact", () => {
    expect(() => riskExposure(1.1, 10)).toThrow(RangeError);
    expect(() => riskExposure(-0.1, 10)).toThrow(RangeError);
    expect(() => riskExposure(Number.NaN, 10)).toThrow(RangeError);
    expect(() => riskExposure(0.5, -1)).toThrow(RangeError);
    expect(() => riskExposure(0.5, Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe("riskAdjustedBenefit", () => {
  it("subtracts the summed exposures from the planned value", () => {
    // 200 000 − (0.25 × 40 000 + 0.1 × 150 000) = 200 000 − 25 000 = 175 000
    expect(
      riskAdjustedBenefit(200_000, [
        { id: "r1", probability: 0.25, impact: 40_000 },
        { id: "r2", probability: 0.1, impact: 150_000 },
      ]),
    ).toEqual({
      plannedValue: 200_000,
      totalExposure: 25_000,
      expectedValue: 175_000,
      floored: false,
      risks: [
        { id: "r1", exposure: 10_000 },
        { id: "r2", exposure: 15_000 },
      ],
    });
  });

  it("floors at 0 and says so", () => {
    // 0.9 × 80 000 + 0.8 × 50 000 = 112 000 > 100 000
    const r = riskAdjustedBenefit(100_000, [
      { id: "a", probability: 0.9, impact: 80_000 },
      { id: "b", probability: 0.8, impact: 50_000 },
    ]);
    expect(r).toMatchObject({ totalExposure: 112_000, expectedValue: 0, floored: true });
    expect(riskAdjustedBenefit(100_000, [{ id: "c", probability: 1, impact: 100_000 }])).toMatchObject({
      expectedValue: 0,
      floored: false,
    });
  });

  it("keeps the planned value without risks", () => {
    expect(riskAdjustedBenefit(5_000, [])).toMatchObject({ expectedValue: 5_000, totalExposure: 0, risks: [] });
  });

  it("rejects a negative planned value", () => {
    expect(() => riskAdjustedBenefit(-1, [])).toThrow(RangeError);
  });

  it("lies between 0 and the planned value and falls as a probability rises", () => {
    const risk = fc.record({
      id: fc.string(),
      probability: fc.double({ min: 0, max: 1, noNaN: true }),
      impact: fc.double({ min: 0, max: 1e6, noNaN: true }),
    });
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e7, noNaN: true }), fc.array(risk, { maxLength: 8 }), (planned, risks) => {
        const r = riskAdjustedBenefit(planned, risks);
        expect(r.expectedValue).toBeGreaterThanOrEqual(0);
        expect(r.expectedValue).toBeLessThanOrEqual(planned);
        if (risks.length > 0) {
          const worse: BenefitRisk[] = [{ ...risks[0]!, probability: 1 }, ...risks.slice(1)];
          expect(riskAdjustedBenefit(planned, worse).expectedValue).toBeLessThanOrEqual(r.expectedValue);
        }
      }),
    );
  });
});

describe("checkRisks", () => {
  it("reports each bad field", () => {
    expect(
      checkRisks([
        { id: "ok", probability: 0.5, impact: 10 },
        { id: "bad", probability: 2, impact: -5 },
        { id: "nan", probability: Number.NaN, impact: Number.POSITIVE_INFINITY },
      ]),
    ).toEqual([
      { path: "risks.1.probability", message: "must be a number from 0 to 1" },
      { path: "risks.1.impact", message: "must be a finite number, zero or more" },
      { path: "risks.2.probability", message: "must be a number from 0 to 1" },
      { path: "risks.2.impact", message: "must be a finite number, zero or more" },
    ]);
  });
});
