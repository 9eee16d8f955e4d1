import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type KeyedBenefitValueSeries,
  quarterOf,
  rollupByKey,
  rollupByQuarter,
  topDeviations,
  totalsToDate,
  valueAtRisk,
  type WeightedBenefitValueSeries,
} from "./rollup.js";

/** 1 000 a month planned Jan–Jun 2026; 800 a month realized Jan–Mar, nothing measured since. */
function makeSeries(overrides: Partial<KeyedBenefitValueSeries> = {}): KeyedBenefitValueSeries {
  return {
    benefitId: "b1",
    planned: ["01", "02", "03", "04", "05", "06"].map((m) => ({ period: `2026-${m}`, value: 1000 })),
    actual: ["01", "02", "03"].map((m) => ({ period: `2026-${m}`, value: 800 })),
    contributions: [{ key: "objective-a", weight: 1 }],
    ...overrides,
  };
}

describe("totalsToDate", () => {
  it("sums the plan to asOf, the whole plan and the actuals to asOf", () => {
    expect(totalsToDate(makeSeries(), "2026-04")).toEqual({
      plannedTotal: 6000,
      plannedToDate: 4000,
      realizedToDate: 2400,
    });
  });

  it("ignores invalid values, keeps the last of a month and rejects a bad asOf", () => {
    const s = makeSeries({
      actual: [
        { period: "2026-01", value: 500 },
        { period: "2026-01", value: 800 },
        { period: "2026-02", value: Number.NaN },
        { period: "Feb", value: 9 },
      ],
    });
    expect(totalsToDate(s, "2026-06").realizedToDate).toBe(800);
    expect(() => totalsToDate(s, "2026")).toThrow(RangeError);
  });
});

describe("rollupByKey", () => {
  it("weights each benefit by its contribution to each key", () => {
    const b1 = makeSeries({
      contributions: [
        { key: "objective-a", weight: 0.5 },
        { key: "objective-b", weight: 0.5 },
      ],
    });
    const b2 = makeSeries({
      benefitId: "b2",
      planned: [{ period: "2026-02", value: 3000 }],
      actual: [{ period: "2026-02", value: 3300 }],
      contributions: [{ key: "objective-b", weight: 1 }],
    });
    expect(rollupByKey([b1, b2], "2026-04")).toEqual([
      {
        key: "objective-a",
        plannedTotal: 3000,
        plannedToDate: 2000,
        realizedToDate: 1200,
        variance: -800,
        realizedPctOfPlan: 60,
      },
      {
        key: "objective-b",
        plannedTotal: 6000,
        plannedToDate: 5000,
        realizedToDate: 4500,
        variance: -500,
        realizedPctOfPlan: 90,
      },
    ]);
  });

  it("gives no percentage before anything was planned", () => {
    expect(rollupByKey([makeSeries()], "2025-12")[0]).toMatchObject({ plannedToDate: 0, realizedPctOfPlan: null });
  });

  it("rejects a negative weight", () => {
    expect(() => rollupByKey([makeSeries({ contributions: [{ key: "x", weight: -1 }] })], "2026-04")).toThrow(
      RangeError,
    );
  });

  it("keeps the weighted total: Σ over keys equals Σ over benefits of weight × value", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.integer({ min: 0, max: 5000 }), fc.constantFrom("a", "b", "c"), fc.integer({ min: 0, max: 4 })),
          {
            maxLength: 10,
          },
        ),
        (items) => {
          const benefits = items.map(([value, key, w], i) =>
            makeSeries({
              benefitId: `b${i}`,
              planned: [{ period: "2026-01", value }],
              actual: [],
              contributions: [{ key, weight: w / 4 }],
            }),
          );
          const total = rollupByKey(benefits, "2026-12").reduce((sum, r) => sum + r.plannedTotal, 0);
          const expected = items.reduce((sum, [value, , w]) => sum + (value * w) / 4, 0);
          expect(total).toBeCloseTo(expected, 6);
        },
      ),
    );
  });
});

describe("rollupByQuarter", () => {
  it("groups months into calendar quarters", () => {
    expect(quarterOf("2026-01")).toBe("2026-Q1");
    expect(quarterOf("2026-06")).toBe("2026-Q2");
    expect(quarterOf("2026-12")).toBe("2026-Q4");
  });

  it("sums plan and actuals per quarter, to date and in total", () => {
    const late: WeightedBenefitValueSeries = {
      benefitId: "b2",
      planned: [{ period: "2026-07", value: 500 }],
      actual: [],
      weight: 2,
    };
    expect(rollupByQuarter([makeSeries(), late], "2026-05")).toEqual([
      {
        key: "2026-Q1",
        plannedTotal: 3000,
        plannedToDate: 3000,
        realizedToDate: 2400,
        variance: -600,
        realizedPctOfPlan: 80,
      },
      {
        key: "2026-Q2",
        plannedTotal: 3000,
        plannedToDate: 2000,
        realizedToDate: 0,
        variance: -2000,
        realizedPctOfPlan: 0,
      },
      { key: "2026-Q3", plannedTotal: 1000, plannedToDate: 0, realizedToDate: 0, variance: 0, realizedPctOfPlan: null },
    ]);
  });
});

describe("valueAtRisk", () => {
  it("sums the planned value of benefits at risk or off track", () => {
    expect(
      valueAtRisk([
        { benefitId: "a", status: "on_track", plannedValue: 100 },
        { benefitId: "b", status: "at_risk", plannedValue: 250 },
        { benefitId: "c", status: "off_track", plannedValue: 400 },
        { benefitId: "d", status: "at_risk", plannedValue: 50 },
        { benefitId: "e", status: "not_realized", plannedValue: 999 },
        { benefitId: "f", status: "realized", plannedValue: 999 },
      ]),
    ).toEqual({ total: 700, atRisk: 300, offTrack: 400, benefitIds: ["b", "c", "d"] });
  });

  it("is 0 for a healthy portfolio", () => {
    expect(valueAtRisk([{ benefitId: "a", status: "on_track", plannedValue: 100 }])).toEqual({
      total: 0,
      atRisk: 0,
      offTrack: 0,
      benefitIds: [],
    });
  });
});

describe("topDeviations", () => {
  const rows = [
    { benefitId: "a", planned: 1000, actual: 900 }, // −100
    { benefitId: "b", planned: 500, actual: 800 }, // +300
    { benefitId: "c", planned: 0, actual: -100 }, // −100
    { benefitId: "d", planned: 2000, actual: 1500 }, // −500
    { benefitId: "e", planned: Number.NaN, actual: 1 },
  ];

  it("sorts by absolute variance, largest first, ties by id", () => {
    expect(topDeviations(rows)).toEqual([
      { benefitId: "d", planned: 2000, actual: 1500, variance: -500, variancePct: -25 },
      { benefitId: "b", planned: 500, actual: 800, variance: 300, variancePct: 60 },
      { benefitId: "a", planned: 1000, actual: 900, variance: -100, variancePct: -10 },
      { benefitId: "c", planned: 0, actual: -100, variance: -100, variancePct: null },
    ]);
  });

  it("keeps the first `limit` rows", () => {
    expect(topDeviations(rows, 2).map((d) => d.benefitId)).toEqual(["d", "b"]);
    expect(topDeviations(rows, 0)).toEqual([]);
  });
});
