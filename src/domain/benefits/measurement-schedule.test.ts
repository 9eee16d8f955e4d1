import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addMonths } from "../shared/period.js";
import {
  bucketEndOf,
  FREQUENCY_MONTHS,
  MEASUREMENT_FREQUENCIES,
  measurementDueDate,
  overdueMeasurements,
} from "./measurement-schedule.js";

describe("bucketEndOf", () => {
  it("aligns buckets to the calendar", () => {
    expect(bucketEndOf("monthly", "2026-02")).toBe("2026-02");
    expect(bucketEndOf("quarterly", "2026-01")).toBe("2026-03");
    expect(bucketEndOf("quarterly", "2026-03")).toBe("2026-03");
    expect(bucketEndOf("quarterly", "2026-11")).toBe("2026-12");
    expect(bucketEndOf("semiannual", "2026-07")).toBe("2026-12");
    expect(bucketEndOf("semiannual", "2026-06")).toBe("2026-06");
    expect(bucketEndOf("annual", "2026-01")).toBe("2026-12");
  });

  it("gives the due date on the 15th of the following month, across a year end", () => {
    expect(measurementDueDate("2026-03")).toBe("2026-04-15");
    expect(measurementDueDate("2026-12")).toBe("2027-01-15");
  });
});

describe("overdueMeasurements", () => {
  it("is not overdue up to and including the due date, and overdue the day after", () => {
    // last measured in February covers Q1; Q2 ends in June and is due by 2026-07-15
    expect(overdueMeasurements("quarterly", "2026-02", "2026-07-15")).toEqual({
      overdue: [],
      nextDue: { period: "2026-06", dueDate: "2026-07-15" },
      isOverdue: false,
    });
    expect(overdueMeasurements("quarterly", "2026-02", "2026-07-16")).toEqual({
      overdue: [{ period: "2026-06", dueDate: "2026-07-15" }],
      nextDue: { period: "2026-09", dueDate: "2026-10-15" },
      isOverdue: true,
    });
  });

  it("lists every missed month, oldest first", () => {
    expect(overdueMeasurements("monthly", "2026-01", "2026-05-02")).toEqual({
      overdue: [
        { period: "2026-02", dueDate: "2026-03-15" },
        { period: "2026-03", dueDate: "2026-04-15" },
      ],
      nextDue: { period: "2026-04", dueDate: "2026-05-15" },
      isOverdue: true,
    });
  });

  it("handles semiannual and annual measurement", () => {
    expect(overdueMeasurements("semiannual", "2025-12", "2026-07-20").overdue).toEqual([
      { period: "2026-06", dueDate: "2026-07-15" },
    ]);
    // a measurement in May 2025 covers all of 2025; the next is for 2026, due by 2027-01-15
    expect(overdueMeasurements("annual", "2025-05", "2027-01-15")).toMatchObject({ isOverdue: false });
    expect(overdueMeasurements("annual", "2024-05", "2026-01-15")).toMatchObject({ isOverdue: false });
    expect(overdueMeasurements("annual", "2024-05", "2026-01-16").overdue).toEqual([
      { period: "2025-12", dueDate: "2026-01-15" },
    ]);
  });

  it("starts from the start of realization when nothing was measured", () => {
    expect(overdueMeasurements("quarterly", null, "2026-08-01", "2026-02")).toEqual({
      overdue: [
        { period: "2026-03", dueDate: "2026-04-15" },
        { period: "2026-06", dueDate: "2026-07-15" },
      ],
      nextDue: { period: "2026-09", dueDate: "2026-10-15" },
      isOverdue: true,
    });
    expect(overdueMeasurements("quarterly", null, "2026-01-10", "2026-02")).toEqual({
      overdue: [],
      nextDue: { period: "2026-03", dueDate: "2026-04-15" },
      isOverdue: false,
    });
    expect(overdueMeasurements("monthly", null, "2026-08-01")).toEqual({
      overdue: [],
      nextDue: null,
      isOverdue: false,
    });
  });

  it("prefers the last measurement over the start of realization", () => {
    expect(overdueMeasurements("monthly", "2026-06", "2026-07-10", "2026-01").isOverdue).toBe(false);
  });

  it("rejects malformed input", () => {
    expect(() => overdueMeasurements("weekly" as never, "2026-01", "2026-05-02")).toThrow(RangeError);
    expect(() => overdueMeasurements("monthly", "2026-1", "2026-05-02")).toThrow(RangeError);
    expect(() => overdueMeasurements("monthly", "2026-01", "2026-02-30")).toThrow(RangeError);
    expect(() => overdueMeasurements("monthly", null, "2026-02-03", "x")).toThrow(RangeError);
  });

  it("never leaves a bucket due before today unlisted, and lists none twice", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...MEASUREMENT_FREQUENCIES),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 1, max: 28 }),
        (frequency, lastOffset, todayOffset, day) => {
          const last = addMonths("2024-01", lastOffset);
          const today = `${addMonths("2024-01", todayOffset)}-${String(day).padStart(2, "0")}`;
          const s = overdueMeasurements(frequency, last, today);
          const size = FREQUENCY_MONTHS[frequency];
          let expected = addMonths(bucketEndOf(frequency, last), size);
          for (const o of s.overdue) {
            expect(o.period).toBe(expected);
            expect(o.dueDate < today).toBe(true);
            expected = addMonths(expected, size);
          }
          expect(s.nextDue?.period).toBe(expected);
          expect(s.nextDue!.dueDate >= today).toBe(true);
        },
      ),
    );
  });
});
