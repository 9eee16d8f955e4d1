import { describe, expect, it } from "vitest";
import {
  escapeMarkdownInline,
  formatMeetingTime,
  type MinutesInput,
  markdownBlock,
  renderMinutesMarkdown,
} from "./minutes.js";

function makeMeeting(overrides: Partial<MinutesInput> = {}): MinutesInput {
  return {
    title: "Q1 steering committee",
    type: "steering_committee",
    status: "held",
    startsAt: "2027-03-04T08:00:00.000Z",
    durationMinutes: 90,
    location: "Board room 4",
    notes: "Quorum reached.",
    attendees: [
      { name: "Ada Lovelace", attendance: "attended" },
      { name: "Alan Turing", attendance: "apologies" },
      { name: "Grace Hopper", attendance: "attended" },
    ],
    agenda: [
      {
        title: "Billing engine go/no-go",
        notes: "Business case v3.\n\n- cost\n- risk",
        refLabel: "Project BILL-1 · Billing engine",
      },
      { title: "AOB", notes: "", refLabel: null },
    ],
    decisions: [
      {
        kind: "approve",
        title: "Fund phase 2 of the billing engine",
        rationale: "Payback in 14 months.",
        decidedOn: "2027-03-04",
        decidedBy: ["Ada Lovelace", "Grace Hopper"],
        refLabel: "Project BILL-1 · Billing engine",
      },
      {
        kind: "defer",
        title: "CRM upgrade",
        rationale: "",
        decidedOn: "2027-03-04",
        decidedBy: [],
        refLabel: null,
      },
    ],
    actionItems: [
      {
        title: "Prepare phase 2 budget",
        ownerName: "Grace Hopper",
        dueDate: "2027-03-18",
        status: "open",
        overdue: false,
      },
      { title: "Send minutes", ownerName: "Ada Lovelace", dueDate: "2027-03-05", status: "done", overdue: false },
      { title: "Chase vendor | quote", ownerName: null, dueDate: "2027-03-01", status: "open", overdue: true },
    ],
    ...overrides,
  };
}

describe("renderMinutesMarkdown", () => {
  it("renders the golden minutes of a crafted meeting", () => {
    expect(renderMinutesMarkdown(makeMeeting())).toBe(`# Q1 steering committee

- **When:** 2027-03-04 08:00–09:30 UTC (90 minutes)
- **Type:** Steering committee
- **Location:** Board room 4
- **Status:** Held

## Attendees

- **Attended:** Ada Lovelace, Grace Hopper
- **Apologies:** Alan Turing

## Notes

Quorum reached.

## Agenda

### 1. Billing engine go/no-go

About: Project BILL-1 · Billing engine

Business case v3.

- cost
- risk

### 2. AOB

## Decisions

### 1. Approved: Fund phase 2 of the billing engine

- **Decided on:** 2027-03-04
- **Decided by:** Ada Lovelace, Grace Hopper
- **About:** Project BILL-1 · Billing engine

Payback in 14 months.

### 2. Deferred: CRM upgrade

- **Decided on:** 2027-03-04
- **Decided by:** not recorded

## Action items

| # | Action | Owner | Due | Status |
|---|---|---|---|---|
| 1 | Prepare phase 2 budget | Grace Hopper | 2027-03-18 | Open |
| 2 | Send minutes | Ada Lovelace | 2027-03-05 | Done |
| 3 | Chase vendor \\| quote | — | 2027-03-01 | Open (overdue) |
`);
  });

  it("says so when a meeting has no attendees, agenda, decisions or actions", () => {
    const md = renderMinutesMarkdown(
      makeMeeting({ location: " ", notes: "", attendees: [], agenda: [], decisions: [], actionItems: [] }),
    );
    expect(md).not.toContain("**Location:**");
    expect(md).not.toContain("## Notes");
    expect(md).toContain("## Attendees\n\nNo attendees recorded.\n");
    expect(md).toContain("## Agenda\n\nNo agenda items.\n");
    expect(md).toContain("## Decisions\n\nNo decisions recorded.\n");
    expect(md.endsWith("## Action items\n\nNo action items.\n")).toBe(true);
  });
});

describe("escapeMarkdownInline", () => {
  it("escapes Markdown characters and joins lines", () => {
    expect(escapeMarkdownInline("*Go* [live] <b>#1</b> a_b `x` | y \\")).toBe(
      "\\*Go\\* \\[live\\] \\<b\\>\\#1\\</b\\> a\\_b \\`x\\` \\| y \\\\",
    );
    expect(escapeMarkdownInline(" one\r\n two \n")).toBe("one two");
  });
});

describe("markdownBlock", () => {
  it("keeps Markdown, normalizes line endings and escapes raw HTML", () => {
    expect(markdownBlock("**Bold**  \r\n<script>x</script>\r\n\r\n")).toBe("**Bold**\n&lt;script>x&lt;/script>");
  });
});

describe("formatMeetingTime", () => {
  it("shows the UTC span and names both dates across midnight", () => {
    expect(formatMeetingTime("2027-03-04T09:00:00+01:00", 30)).toBe("2027-03-04 08:00–08:30 UTC (30 minutes)");
    expect(formatMeetingTime("2027-03-04T23:00:00Z", 120)).toBe(
      "2027-03-04 23:00 – 2027-03-05 01:00 UTC (120 minutes)",
    );
  });
});
