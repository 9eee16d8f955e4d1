/**
 * The minutes of a meeting as a Markdown document: when and where, who attended, the agenda, the
 * decisions and the action items. Pure functions; no I/O.
 *
 * Titles, names and places are plain text: Markdown characters in them are escaped so the minutes
 * show exactly what was typed. Notes and rationale are Markdown and appear as written, except that
 * raw HTML is escaped.
 */
import {
  ACTION_STATUS_LABELS,
  type ActionStatus,
  type Attendance,
  DECISION_KIND_LABELS,
  type DecisionKind,
  MEETING_STATUS_LABELS,
  MEETING_TYPE_LABELS,
  type MeetingStatus,
  type MeetingType,
  meetingEndsAt,
} from "./meeting-rules.js";

export type MinutesInput = {
  title: string;
  type: MeetingType;
  status: MeetingStatus;
  /** ISO instant. */
  startsAt: string;
  durationMinutes: number;
  location: string;
  notes: string;
  attendees: { name: string; attendance: Attendance }[];
  /** In agenda order. `refLabel` names what the item is about, e.g. "Project P-1 · Billing engine". */
  agenda: { title: string; notes: string; refLabel: string | null }[];
  decisions: {
    kind: DecisionKind;
    title: string;
    rationale: string;
    decidedOn: string;
    decidedBy: string[];
    refLabel: string | null;
  }[];
  actionItems: { title: string; ownerName: string | null; dueDate: string; status: ActionStatus; overdue: boolean }[];
};

/** Plain text for one line of Markdown: line breaks become spaces and Markdown characters are escaped. */
export function escapeMarkdownInline(text: string): string {
  return text
    .replace(/\s*[\r\n]+\s*/g, " ")
    .trim()
    .replace(/[\\`*_[\]<>|#]/g, (c) => `\\${c}`);
}

/** A block of Markdown as written, with line endings normalized, trailing blanks trimmed and raw HTML escaped. */
export function markdownBlock(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.trimEnd())
    .join("\n")
    .trim()
    .replace(/</g, "&lt;");
}

/** "2027-03-04 08:00–09:30 UTC (90 minutes)"; both ends get a date when the meeting crosses midnight. */
export function formatMeetingTime(startsAt: string, durationMinutes: number): string {
  const start = new Date(startsAt).toISOString();
  const end = meetingEndsAt(start, durationMinutes);
  const day = (iso: string) => iso.slice(0, 10);
  const time = (iso: string) => iso.slice(11, 16);
  const span =
    day(start) === day(end)
      ? `${day(start)} ${time(start)}–${time(end)}`
      : `${day(start)} ${time(start)} – ${day(end)} ${time(end)}`;
  return `${span} UTC (${durationMinutes} minutes)`;
}

const names = (list: string[]) => list.map(escapeMarkdownInline).join(", ");

export function renderMinutesMarkdown(m: MinutesInput): string {
  const out: string[] = [];
  const section = (heading: string) => out.push("", `## ${heading}`, "");

  out.push(`# ${escapeMarkdownInline(m.title)}`, "");
  out.push(`- **When:** ${formatMeetingTime(m.startsAt, m.durationMinutes)}`);
  out.push(`- **Type:** ${MEETING_TYPE_LABELS[m.type]}`);
  if (m.location.trim()) out.push(`- **Location:** ${escapeMarkdownInline(m.location)}`);
  out.push(`- **Status:** ${MEETING_STATUS_LABELS[m.status]}`);

  section("Attendees");
  const by = (a: Attendance) => m.attendees.filter((x) => x.attendance === a).map((x) => x.name);
  const groups: [string, string[]][] = [
    ["Attended", by("attended")],
    ["Apologies", by("apologies")],
    ["Invited", by("invited")],
  ];
  const listed = groups.filter(([, people]) => people.length > 0);
  if (listed.length === 0) out.push("No attendees recorded.");
  for (const [label, people] of listed) out.push(`- **${label}:** ${names(people)}`);

  if (m.notes.trim()) {
    section("Notes");
    out.push(markdownBlock(m.notes));
  }

  section("Agenda");
  if (m.agenda.length === 0) out.push("No agenda items.");
  m.agenda.forEach((item, i) => {
    if (i > 0) out.push("");
    out.push(`### ${i + 1}. ${escapeMarkdownInline(item.title)}`);
    if (item.refLabel) out.push("", `About: ${escapeMarkdownInline(item.refLabel)}`);
    if (item.notes.trim()) out.push("", markdownBlock(item.notes));
  });

  section("Decisions");
  if (m.decisions.length === 0) out.push("No decisions recorded.");
  m.decisions.forEach((d, i) => {
    if (i > 0) out.push("");
    out.push(`### ${i + 1}. ${DECISION_KIND_LABELS[d.kind]}: ${escapeMarkdownInline(d.title)}`, "");
    out.push(`- **Decided on:** ${d.decidedOn}`);
    out.push(`- **Decided by:** ${d.decidedBy.length > 0 ? names(d.decidedBy) : "not recorded"}`);
    if (d.refLabel) out.push(`- **About:** ${escapeMarkdownInline(d.refLabel)}`);
    if (d.rationale.trim()) out.push("", markdownBlock(d.rationale));
  });

  section("Action items");
  if (m.actionItems.length === 0) out.push("No action items.");
  else {
    out.push("| # | Action | Owner | Due | Status |", "|---|---|---|---|---|");
    m.actionItems.forEach((a, i) => {
      const status = `${ACTION_STATUS_LABELS[a.status]}${a.overdue ? " (overdue)" : ""}`;
      const owner = a.ownerName === null ? "—" : escapeMarkdownInline(a.ownerName);
      out.push(`| ${i + 1} | ${escapeMarkdownInline(a.title)} | ${owner} | ${a.dueDate} | ${status} |`);
    });
  }
  return `${out.join("\n")}\n`;
}
