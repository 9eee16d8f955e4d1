import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ACTION_STATUSES,
  canChangeMeetingStatus,
  isActionOverdue,
  MEETING_STATUSES,
  meetingEndsAt,
  moveAgendaItem,
} from "./meeting-rules.js";

describe("isActionOverdue", () => {
  it("is true only for an open action whose due date has passed", () => {
    expect(isActionOverdue({ status: "open", dueDate: "2027-03-03" }, "2027-03-04")).toBe(true);
    expect(isActionOverdue({ status: "open", dueDate: "2027-03-04" }, "2027-03-04")).toBe(false);
    expect(isActionOverdue({ status: "done", dueDate: "2027-01-01" }, "2027-03-04")).toBe(false);
    expect(isActionOverdue({ status: "cancelled", dueDate: "2027-01-01" }, "2027-03-04")).toBe(false);
  });

  it("law: a closed action is never overdue", () => {
    fc.assert(
      fc.property(fc.constantFrom(...ACTION_STATUSES.filter((s) => s !== "open")), fc.date(), fc.date(), (s, a, b) => {
        if (Number.isNaN(a.getTime()) || Number.isNaN(b.getTime())) return;
        const day = (d: Date) => d.toISOString().slice(0, 10);
        expect(isActionOverdue({ status: s, dueDate: day(a) }, day(b))).toBe(false);
      }),
    );
  });
});

describe("canChangeMeetingStatus", () => {
  it("refuses only cancelling a meeting that was held", () => {
    for (const from of MEETING_STATUSES)
      for (const to of MEETING_STATUSES)
        expect(canChangeMeetingStatus(from, to)).toBe(!(from === "held" && to === "cancelled"));
  });
});

describe("meetingEndsAt", () => {
  it("adds the duration to the start", () => {
    expect(meetingEndsAt("2027-03-04T23:30:00.000Z", 45)).toBe("2027-03-05T00:15:00.000Z");
  });
});

describe("moveAgendaItem", () => {
  it("moves an item to a 1-based position, clamped to the list", () => {
    expect(moveAgendaItem(["a", "b", "c", "d"], "d", 1)).toEqual(["d", "a", "b", "c"]);
    expect(moveAgendaItem(["a", "b", "c", "d"], "a", 3)).toEqual(["b", "c", "a", "d"]);
    expect(moveAgendaItem(["a", "b", "c"], "b", 99)).toEqual(["a", "c", "b"]);
    expect(moveAgendaItem(["a", "b", "c"], "c", -4)).toEqual(["c", "a", "b"]);
    expect(moveAgendaItem(["a", "b"], "zzz", 1)).toEqual(["a", "b"]);
  });

  it("law: a move is a permutation that puts the item where asked", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string(), { minLength: 1, maxLength: 20 }), fc.nat(), fc.nat(25), (ids, i, p) => {
        const moved = ids[i % ids.length] as string;
        const out = moveAgendaItem(ids, moved, p);
        expect([...out].sort()).toEqual([...ids].sort());
        expect(out.indexOf(moved)).toBe(Math.min(Math.max(p, 1), ids.length) - 1);
      }),
    );
  });
});
