/**
 * When a benefit's KPI must be measured, and which measurements are overdue. Pure; `today` is a
 * parameter. (MSP — Managing Successful Programmes, AXELOS: each benefit's profile states how often
 * it is measured; Jenner, "Managing Benefits", APMG 2014, on benefits realization: measurement is scheduled,
 * and a missing measurement is itself an exception to report.)
 *
 * Measurement periods are calendar-aligned buckets of months, named by their last month:
 * | frequency  | buckets                          | a measurement is due for the month |
 * |------------|----------------------------------|------------------------------------|
 * | monthly    | every month                      | each month                         |
 * | quarterly  | Jan–Mar, Apr–Jun, Jul–Sep, Oct–Dec | 03, 06, 09, 12                   |
 * | semiannual | Jan–Jun, Jul–Dec                 | 06, 12                             |
 * | annual     | Jan–Dec                          | 12                                 |
 *
 * Rules
 * - A bucket counts as measured when a measurement falls in any of its months (a quarterly KPI
 *   entered for February covers Q1).
 * - Grace: the measurement of a bucket is due by day 15 (MEASUREMENT_GRACE_DAY) of the month after
 *   the bucket ends, inclusive; it is overdue from the day after. Q1 is due by 15 April.
 * - The schedule starts in the bucket after the last measured one; without a measurement, in the
 *   bucket holding `since` (the start of realization); with neither there is nothing to measure
 *   yet (no overdue, no next due).
 * - `overdue` lists every missed bucket, oldest first; `nextDue` is the first bucket whose due date
 *   is today or later.
 */
import { addMonths, isIsoDate, isPeriod } from "../shared/period.js";

export const MEASUREMENT_FREQUENCIES = ["monthly", "quarterly", "semiannual", "annual"] as const;
export type MeasurementFrequency = (typeof MEASUREMENT_FREQUENCIES)[number];

/** Months per measurement bucket. */
export const FREQUENCY_MONTHS: Readonly<Record<MeasurementFrequency, number>> = {
  monthly: 1,
  quarterly: 3,
  semiannual: 6,
  annual: 12,
};

/** Day of the month after a bucket by which its measurement is due (inclusive). */
export const MEASUREMENT_GRACE_DAY = 15;

export type DueMeasurement = {
  /** Last month of the bucket `YYYY-MM`. */
  period: string;
  /** Due by this date `YYYY-MM-DD`, inclusive. */
  dueDate: string;
};

export type MeasurementSchedule = {
  overdue: DueMeasurement[];
  nextDue: DueMeasurement | null;
  isOverdue: boolean;
};

/** Last month of the bucket holding `period`. */
export function bucketEndOf(frequency: MeasurementFrequency, period: string): string {
  const size = FREQUENCY_MONTHS[frequency];
  const month = Number(period.slice(5, 7));
  return addMonths(period, (size - (month % size)) % size);
}

/** Due date of the measurement of the bucket ending in `bucketEnd`: day 15 of the month after. */
export function measurementDueDate(bucketEnd: string): string {
  return `${addMonths(bucketEnd, 1)}-${String(MEASUREMENT_GRACE_DAY).padStart(2, "0")}`;
}

/**
 * Overdue measurements and the next one due; see the rules at the top of this file.
 * Throws RangeError for a malformed frequency, month or date (the caller validated them).
 */
export function overdueMeasurements(
  frequency: MeasurementFrequency,
  lastMeasuredPeriod: string | null,
  today: string,
  since: string | null = null,
): MeasurementSchedule {
  if (!(MEASUREMENT_FREQUENCIES as readonly string[]).includes(frequency))
    throw new RangeError(`unknown measurement frequency "${frequency}"`);
  if (!isIsoDate(today)) throw new RangeError(`today must be a date YYYY-MM-DD, got "${today}"`);
  if (lastMeasuredPeriod !== null && !isPeriod(lastMeasuredPeriod))
    throw new RangeError(`lastMeasuredPeriod must be a month YYYY-MM, got "${lastMeasuredPeriod}"`);
  if (since !== null && !isPeriod(since)) throw new RangeError(`since must be a month YYYY-MM, got "${since}"`);

  const size = FREQUENCY_MONTHS[frequency];
  let bucket: string;
  if (lastMeasuredPeriod !== null) bucket = addMonths(bucketEndOf(frequency, lastMeasuredPeriod), size);
  else if (since !== null) bucket = bucketEndOf(frequency, since);
  else return { overdue: [], nextDue: null, isOverdue: false };

  const overdue: DueMeasurement[] = [];
  while (measurementDueDate(bucket) < today) {
    overdue.push({ period: bucket, dueDate: measurementDueDate(bucket) });
    bucket = addMonths(bucket, size);
  }
  return { overdue, nextDue: { period: bucket, dueDate: measurementDueDate(bucket) }, isOverdue: overdue.length > 0 };
}
