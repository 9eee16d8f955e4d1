import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addMonths, isIsoDate, isPeriod, monthsBetween, periodRange } from "./period.js";

describe("periods", () => {
  it("recognizes months and real calendar dates", () => {
    expect(isPeriod("2027-01")).toBe(true);
    expect(isPeriod("2027-13")).toBe(false);
    expect(isPeriod("2027-1")).toBe(false);
    expect(isIsoDate("2028-02-29")).toBe(true); // leap year
    expect(isIsoDate("2027-02-29")).toBe(false);
    expect(isIsoDate("2027-04-31")).toBe(false);
    expect(isIsoDate("2027-4-01")).toBe(false);
  });

  it("adds months across year ends", () => {
    expect(addMonths("2026-11", 3)).toBe("2027-02");
    expect(addMonths("2027-01", -1)).toBe("2026-12");
    expect(monthsBetween("2026-11", "2027-02")).toBe(3);
    expect(periodRange("2026-11", "2027-02")).toEqual(["2026-11", "2026-12", "2027-01", "2027-02"]);
    expect(periodRange("2027-02", "2026-11")).toEqual([]);
  });

  it("addMonths and monthsBetween are inverse (property)", () => {
    const period = fc
      .tuple(fc.integer({ min: 1900, max: 2200 }), fc.integer({ min: 1, max: 12 }))
      .map(([y, m]) => `${y}-${String(m).padStart(2, "0")}`);
    fc.assert(
      fc.property(period, fc.integer({ min: -600, max: 600 }), (p, n) => {
        const q = addMonths(p, n);
        expect(isPeriod(q)).toBe(true);
        expect(monthsBetween(p, q)).toBe(n);
      }),
    );
  });
});
