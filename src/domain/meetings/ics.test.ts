import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  describeMeeting,
  escapeIcsText,
  foldIcsLine,
  formatIcsUtc,
  type InviteInput,
  quoteIcsParam,
  renderInviteIcs,
} from "./ics.js";

const octets = (s: string) => new TextEncoder().encode(s).length;
/** Unfolding per RFC 5545 §3.1: remove every CRLF followed by one space (or tab). */
const unfold = (s: string) => s.replace(/\r\n[ \t]/g, "");

describe("escapeIcsText (RFC 5545 §3.3.11)", () => {
  it("escapes backslash, semicolon, comma and line breaks exactly", () => {
    expect(escapeIcsText("a\\b;c,d")).toBe("a\\\\b\\;c\\,d");
    expect(escapeIcsText("one\ntwo\r\nthree\rfour")).toBe("one\\ntwo\\nthree\\nfour");
    expect(escapeIcsText("Budget: 1,000; risk\\high")).toBe("Budget: 1\\,000\\; risk\\\\high");
  });

  it("leaves colons, quotes and tabs alone and drops other control characters", () => {
    expect(escapeIcsText('Room: "B"\tnorth')).toBe('Room: "B"\tnorth');
    expect(escapeIcsText("a\u0000b\u0007c\u007fd")).toBe("abcd");
  });
});

describe("quoteIcsParam (RFC 5545 §3.2)", () => {
  it("quotes the value and drops what a quoted string cannot hold", () => {
    expect(quoteIcsParam("Hopper, Grace")).toBe('"Hopper, Grace"');
    expect(quoteIcsParam('Ada "Countess" Lovelace\r\n')).toBe('"Ada Countess Lovelace"');
  });
});

describe("foldIcsLine (RFC 5545 §3.1)", () => {
  it("keeps a line of exactly 75 octets whole and folds the 76th octet onto a continuation line", () => {
    const line75 = `SUMMARY:${"x".repeat(67)}`;
    expect(octets(line75)).toBe(75);
    expect(foldIcsLine(line75)).toBe(line75);
    expect(foldIcsLine(`${line75}y`)).toBe(`${line75}\r\n y`);
  });

  it("puts at most 74 octets after the leading space of each continuation line", () => {
    const line = "x".repeat(75 + 74 + 3);
    expect(foldIcsLine(line)).toBe(`${"x".repeat(75)}\r\n ${"x".repeat(74)}\r\n xxx`);
  });

  it("never splits a multi-octet character", () => {
    // 73 ASCII octets then "é" (2 octets) = 75: fits; a following "€" (3 octets) does not.
    const line = `${"a".repeat(73)}é€`;
    expect(foldIcsLine(line)).toBe(`${"a".repeat(73)}é\r\n €`);
    // 74 ASCII octets and a 4-octet emoji: the emoji moves whole to the next line.
    expect(foldIcsLine(`${"a".repeat(74)}😀`)).toBe(`${"a".repeat(74)}\r\n 😀`);
  });

  it("law: every physical line is at most 75 octets and unfolding gives the line back", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 400 }), (s) => {
        const line = `DESCRIPTION:${escapeIcsText(s)}`;
        const folded = foldIcsLine(line);
        for (const physical of folded.split("\r\n")) expect(octets(physical)).toBeLessThanOrEqual(75);
        expect(unfold(folded)).toBe(line);
      }),
    );
  });
});

describe("formatIcsUtc (RFC 5545 §3.3.5 form #2)", () => {
  it("renders an instant in UTC as YYYYMMDDTHHMMSSZ", () => {
    expect(formatIcsUtc("2027-03-04T09:00:00+01:00")).toBe("20270304T080000Z");
    expect(formatIcsUtc(new Date("2026-12-31T23:59:59.999Z"))).toBe("20261231T235959Z");
  });
});

function makeInvite(overrides: Partial<InviteInput> = {}): InviteInput {
  return {
    id: "01890a5d-ac96-774b-bcce-b302099a8057",
    sequence: 2,
    title: "Steering committee: Q1, billing; risks",
    startsAt: "2027-03-04T08:00:00.000Z",
    durationMinutes: 90,
    location: "Board room 4",
    notes: "",
    status: "planned",
    agenda: [{ title: "Billing engine go/no-go" }, { title: "Budget, Q2" }],
    attendees: [
      { name: "Ada Lovelace", email: "ada@example.test", attendance: "attended" },
      { name: 'Grace "Amazing" Hopper', email: "grace@example.test", attendance: "apologies" },
      { name: "Alan Turing", email: "alan@example.test", attendance: "invited" },
    ],
    ...overrides,
  };
}

describe("renderInviteIcs", () => {
  it("renders the golden invite", () => {
    const ics = renderInviteIcs(makeInvite(), "2027-02-01T12:30:05Z");
    expect(ics).toBe(
      [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Throughline//Steering meetings//EN",
        "CALSCALE:GREGORIAN",
        "BEGIN:VEVENT",
        "UID:01890a5d-ac96-774b-bcce-b302099a8057@throughline",
        "SEQUENCE:2",
        "DTSTAMP:20270201T123005Z",
        "DTSTART:20270304T080000Z",
        "DTEND:20270304T093000Z",
        "SUMMARY:Steering committee: Q1\\, billing\\; risks",
        "LOCATION:Board room 4",
        "DESCRIPTION:Agenda:\\n1. Billing engine go/no-go\\n2. Budget\\, Q2",
        "STATUS:CONFIRMED",
        'ATTENDEE;CN="Ada Lovelace";PARTSTAT=ACCEPTED:mailto:ada@example.test',
        // 77 octets: folded after the 75th.
        'ATTENDEE;CN="Grace Amazing Hopper";PARTSTAT=DECLINED:mailto:grace@example.t',
        " est",
        'ATTENDEE;CN="Alan Turing";PARTSTAT=NEEDS-ACTION:mailto:alan@example.test',
        "END:VEVENT",
        "END:VCALENDAR",
        "",
      ].join("\r\n"),
    );
  });

  it("uses CRLF only, folds long descriptions and marks a cancelled meeting", () => {
    const ics = renderInviteIcs(
      makeInvite({ status: "cancelled", location: "", notes: "Pre-read: the business case.", agenda: [] }),
      new Date("2027-02-01T00:00:00Z"),
    );
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    expect(ics).toContain("STATUS:CANCELLED");
    expect(ics).not.toContain("LOCATION:");
    expect(ics).toContain("DESCRIPTION:Pre-read: the business case.\r\n");

    const long = renderInviteIcs(makeInvite({ notes: "word ".repeat(40) }), "2027-02-01T00:00:00Z");
    for (const line of long.split("\r\n")) expect(octets(line)).toBeLessThanOrEqual(75);
    expect(unfold(long)).toContain(`DESCRIPTION:${"word ".repeat(40).trim()}\\n\\nAgenda:\\n1.`);
  });

  it("ends a meeting that crosses midnight on the next day", () => {
    const ics = renderInviteIcs(
      makeInvite({ startsAt: "2027-03-04T23:30:00.000Z", durationMinutes: 60 }),
      "2027-01-01T00:00:00Z",
    );
    expect(ics).toContain("DTEND:20270305T003000Z\r\n");
  });
});

describe("describeMeeting", () => {
  it("puts the notes before the numbered agenda", () => {
    expect(describeMeeting({ notes: " Bring numbers. ", agenda: [{ title: "A" }, { title: "B" }] })).toBe(
      "Bring numbers.\n\nAgenda:\n1. A\n2. B",
    );
    expect(describeMeeting({ notes: "", agenda: [] })).toBe("");
  });
});
