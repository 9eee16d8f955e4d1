/**
 * Calendar months `YYYY-MM` are the unit of time-phased data (budgets, demand, capacity).
 * Pure helpers; no clock access.
 */

export const PERIOD_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;
export const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isPeriod(value: string): boolean {
  return PERIOD_PATTERN.test(value);
}

/** A real calendar date in `YYYY-MM-DD` form (rejects 2027-02-30). */
export function isIsoDate(value: string): boolean {
  const m = DATE_PATTERN.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function periodOf(isoDate: string): string {
  return isoDate.slice(0, 7);
}

/** Months from a to b (b − a); negative when b is earlier. */
export function monthsBetween(a: string, b: string): number {
  const [ay, am] = a.split("-").map(Number) as [number, number];
  const [by, bm] = b.split("-").map(Number) as [number, number];
  return (by - ay) * 12 + (bm - am);
}

export function addMonths(period: string, months: number): string {
  const [y, m] = period.split("-").map(Number) as [number, number];
  const index = y * 12 + (m - 1) + months;
  const ny = Math.floor(index / 12);
  const nm = index - ny * 12 + 1;
  return `${String(ny).padStart(4, "0")}-${String(nm).padStart(2, "0")}`;
}

/** Every period from `from` to `to` inclusive; empty when `to` is before `from`. */
export function periodRange(from: string, to: string): string[] {
  const n = monthsBetween(from, to);
  const out: string[] = [];
  for (let i = 0; i <= n; i++) out.push(addMonths(from, i));
  return out;
}
