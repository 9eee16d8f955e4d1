/**
 * A meeting as an iCalendar invite (RFC 5545): one VEVENT in a VCALENDAR, CRLF line endings,
 * content lines folded at 75 octets, TEXT values escaped. Pure functions; no I/O.
 */
import { type Attendance, type MeetingStatus, meetingEndsAt } from "./meeting-rules.js";

export type InviteAttendee = { name: string; email: string; attendance: Attendance };

export type InviteInput = {
  /** The meeting id; the event's UID is `<id>@throughline`. */
  id: string;
  /** Increases with every change so calendars replace the earlier copy (the record's version - 1). */
  sequence: number;
  title: string;
  /** ISO instant. */
  startsAt: string;
  durationMinutes: number;
  location: string;
  notes: string;
  status: MeetingStatus;
  agenda: { title: string }[];
  attendees: InviteAttendee[];
};

const CRLF = "\r\n";
const MAX_OCTETS = 75;

/** Octets of one code point in UTF-8 (a lone surrogate is replaced by U+FFFD: 3 octets). */
function utf8Length(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  if (codePoint < 0x10000) return 3;
  return 4;
}

/** Drops control characters, which TEXT and parameter values may not hold (RFC 5545 §3.1, §3.3.11), keeping TAB and LF. */
function withoutControls(value: string): string {
  let out = "";
  for (const ch of value) {
    const cp = ch.codePointAt(0) ?? 0;
    if ((cp < 0x20 && cp !== 0x09 && cp !== 0x0a) || cp === 0x7f) continue;
    out += ch;
  }
  return out;
}

/**
 * Escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon and comma get a backslash, a line
 * break (CRLF, CR or LF) becomes `\n`, and other control characters are dropped.
 */
export function escapeIcsText(value: string): string {
  return withoutControls(value.replace(/\r\n?/g, "\n")).replace(/[\\;,\n]/g, (c) => (c === "\n" ? "\\n" : `\\${c}`));
}

/** A parameter value (RFC 5545 §3.2) as a quoted string: DQUOTE and control characters cannot appear in one. */
export function quoteIcsParam(value: string): string {
  return `"${withoutControls(value).replace(/[\t\n"]/g, "")}"`;
}

/**
 * Folds a content line (RFC 5545 §3.1): no line longer than 75 octets, continuation lines start
 * with one space, and a multi-octet UTF-8 character is never split.
 */
export function foldIcsLine(line: string): string {
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  let limit = MAX_OCTETS;
  for (const ch of line) {
    const n = utf8Length(ch.codePointAt(0) ?? 0);
    if (octets + n > limit) {
      parts.push(current);
      current = "";
      octets = 0;
      limit = MAX_OCTETS - 1; // the leading space of a continuation line counts
    }
    current += ch;
    octets += n;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

/** A UTC DATE-TIME (RFC 5545 §3.3.5, form #2): `YYYYMMDDTHHMMSSZ`. */
export function formatIcsUtc(instant: Date | string): string {
  const d = typeof instant === "string" ? new Date(instant) : instant;
  return `${d.toISOString().slice(0, 19).replace(/[-:]/g, "")}Z`;
}

const PARTSTAT: Record<Attendance, string> = {
  invited: "NEEDS-ACTION",
  attended: "ACCEPTED",
  apologies: "DECLINED",
};

/** The DESCRIPTION of the invite: the meeting notes, then the numbered agenda. */
export function describeMeeting(input: Pick<InviteInput, "notes" | "agenda">): string {
  const parts: string[] = [];
  if (input.notes.trim()) parts.push(input.notes.trim());
  if (input.agenda.length > 0)
    parts.push(["Agenda:", ...input.agenda.map((item, i) => `${i + 1}. ${item.title}`)].join("\n"));
  return parts.join("\n\n");
}

/** The invite as an iCalendar object. `stamp` is when it was produced (DTSTAMP). */
export function renderInviteIcs(input: InviteInput, stamp: Date | string): string {
  const description = describeMeeting(input);
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Throughline//Steering meetings//EN",
    "CALSCALE:GREGORIAN",
    "BEGIN:VEVENT",
    `UID:${input.id}@throughline`,
    `SEQUENCE:${Math.max(0, Math.trunc(input.sequence))}`,
    `DTSTAMP:${formatIcsUtc(stamp)}`,
    `DTSTART:${formatIcsUtc(input.startsAt)}`,
    `DTEND:${formatIcsUtc(meetingEndsAt(input.startsAt, input.durationMinutes))}`,
    `SUMMARY:${escapeIcsText(input.title)}`,
    ...(input.location ? [`LOCATION:${escapeIcsText(input.location)}`] : []),
    ...(description ? [`DESCRIPTION:${escapeIcsText(description)}`] : []),
    `STATUS:${input.status === "cancelled" ? "CANCELLED" : "CONFIRMED"}`,
    ...input.attendees.map(
      (a) =>
        `ATTENDEE;CN=${quoteIcsParam(a.name)};PARTSTAT=${PARTSTAT[a.attendance]}:mailto:${withoutControls(a.email).replace(/[\t\n ]/g, "")}`,
    ),
    "END:VEVENT",
    "END:VCALENDAR",
  ];
  return lines.map(foldIcsLine).join(CRLF) + CRLF;
}
