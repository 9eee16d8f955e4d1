/** Display and input formatting for meetings: times in the viewer's locale and time zone. */

const rangeFormat = new Intl.DateTimeFormat(undefined, {
  weekday: "short",
  year: "numeric",
  month: "short",
  day: "numeric",
  hour: "numeric",
  minute: "2-digit",
});
const zoneFormat = new Intl.DateTimeFormat(undefined, { timeZoneName: "short" });

/** "Thu, Mar 4, 2027, 9:00 – 10:30 AM" in the viewer's locale and time zone. */
export function formatMeetingTime(startsAt: string, endsAt: string): string {
  const start = new Date(startsAt);
  const end = new Date(endsAt);
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) return startsAt;
  return rangeFormat.formatRange(start, end);
}

/** The viewer's time zone as the locale writes it ("CET", "GMT+2"), to say which clock a time is on. */
export function localZoneName(at: Date = new Date()): string {
  return zoneFormat.formatToParts(at).find((p) => p.type === "timeZoneName")?.value ?? "";
}

/** "1 h 30 min", "45 min". */
export function formatDuration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** A calendar date YYYY-MM-DD of an instant, on the viewer's clock. */
export function localDate(at: Date = new Date()): string {
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

/** Today (UTC), the day the API's "overdue" and date filters count in. */
export function utcToday(): string {
  return new Date().toISOString().slice(0, 10);
}

/** An ISO instant as the value of an `<input type="datetime-local">` (viewer's clock). */
export function toDateTimeLocal(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "";
  return `${localDate(d)}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The value of a datetime-local input as an instant with the viewer's offset; null when incomplete. */
export function fromDateTimeLocal(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return null;
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return null;
  const offset = -d.getTimezoneOffset();
  const sign = offset >= 0 ? "+" : "-";
  const abs = Math.abs(offset);
  return `${localDate(d)}T${pad(d.getHours())}:${pad(d.getMinutes())}:00${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** The first `max` characters of a Markdown text as one plain line. */
export function excerpt(text: string, max = 160): string {
  const plain = text
    .replace(/[#>*_`~]+/g, "")
    .replace(/\s+/g, " ")
    .trim();
  return plain.length <= max ? plain : `${plain.slice(0, max - 1).trimEnd()}…`;
}
