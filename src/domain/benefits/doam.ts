/**
 * The DOAM test of a benefit: is it Described, Observable, Attributable and Measurable?
 * (Jenner, "Managing Benefits", APMG 2014, on benefits identification: a benefit is only
 * accepted into the benefits register when it passes the DOAM test; MSP — Managing Successful
 * Programmes, AXELOS, benefits management, on benefit profiles and attribution.)
 *
 * Runs on the server and live in the benefit form, so the input may be partial or malformed
 * (numbers may arrive as text); it never throws. A verdict is a value, not an error. Each test
 * passes or fails; `reasons` lists the problems found, in the order of the table, as sentences a
 * user can act on (empty on pass). The benefit passes when all four tests pass.
 *
 * | test         | fails when (reason text in the code beside each rule)                       |
 * |--------------|-----------------------------------------------------------------------------|
 * | described    | no title                                                                    |
 * |              | title shorter than 8 characters (code points, trimmed)                      |
 * |              | no description                                                              |
 * |              | description shorter than 40 characters: too short to say what changes      |
 * |              | no beneficiaries: who gains from the change is not said                     |
 * | observable   | no KPI name                                                                 |
 * |              | no data source (where the values come from)                                 |
 * |              | no measurement method (how a value is obtained)                             |
 * | attributable | no enabling project (enablingProjectCount missing or < 1)                   |
 * |              | no note on other contributors (attributionNote: what else moves the KPI and |
 * |              | how this benefit's share is told apart)                                     |
 * |              | businessChangeDescribed is false (not checked when absent: the caller may   |
 * |              | not track business changes)                                                 |
 * | measurable   | no unit                                                                     |
 * |              | baseline value missing or not a number; baseline date missing or invalid    |
 * |              | target value missing or not a number; target date missing or invalid        |
 * |              | target date not after the baseline date                                     |
 * |              | direction given but neither increase nor decrease                           |
 * |              | target equals the baseline                                                  |
 * |              | direction given and contradicted: increase with target below baseline, or   |
 * |              | decrease with target above                                                  |
 * |              | no measurement frequency, or not monthly / quarterly / semiannual / annual  |
 *
 * Decisions
 * - Beneficiaries are a field of their own rather than words searched for in the description:
 *   "for whom" cannot be checked reliably in free text, and the register lists benefits by
 *   beneficiary anyway.
 * - Observable asks for the method as well as the KPI and its source: a KPI without a method is
 *   not observed the same way twice (Jenner: "how will we know?").
 * - Dates are `YYYY-MM-DD`; a month `YYYY-MM` is not a date here, because the baseline date is
 *   the day the baseline value was measured.
 */
import { isIsoDate } from "../shared/period.js";
import { MEASUREMENT_FREQUENCIES, type MeasurementFrequency } from "./measurement-schedule.js";
import { BENEFIT_DIRECTIONS } from "./tracking.js";

export const DOAM_TESTS = ["described", "observable", "attributable", "measurable"] as const;
export type DoamTest = (typeof DOAM_TESTS)[number];
export const DOAM_TEST_NAMES: Readonly<Record<DoamTest, string>> = {
  described: "Described",
  observable: "Observable",
  attributable: "Attributable",
  measurable: "Measurable",
};

export const DOAM_TITLE_MIN_LENGTH = 8;
export const DOAM_DESCRIPTION_MIN_LENGTH = 40;

type TextInput = string | null | undefined;
type NumberInput = string | number | null | undefined;

/** What the benefit form holds at any moment; every field may be missing. */
export type DoamBenefitInput = {
  title?: TextInput;
  /** What changes, once the enabling projects deliver. */
  description?: TextInput;
  /** Who gains: the stakeholder group, such as "accounts payable clerks". */
  beneficiaries?: TextInput;
  measure?: {
    kpiName?: TextInput;
    unit?: TextInput;
    method?: TextInput;
    dataSource?: TextInput;
    frequency?: TextInput;
  } | null;
  baseline?: { value?: NumberInput; date?: TextInput } | null;
  target?: { value?: NumberInput; date?: TextInput } | null;
  /** "increase" or "decrease"; optional, checked against baseline and target when given. */
  direction?: TextInput;
  enablingProjectCount?: number | null;
  /** What else could move the KPI and how this benefit's share is told apart. */
  attributionNote?: TextInput;
  /** Whether the business change that turns the project outputs into the benefit is described. */
  businessChangeDescribed?: boolean | null;
};

export type DoamCheck = { test: DoamTest; pass: boolean; reasons: string[] };
export type DoamAssessment = { tests: DoamCheck[]; pass: boolean };

const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

function readText(v: unknown): string | null {
  if (typeof v !== "string") return null;
  const t = v.trim();
  return t === "" ? null : t;
}

type Read<T> = { ok: true; value: T } | { ok: false; missing: boolean };

function readNumber(v: unknown): Read<number> {
  if (typeof v === "number") return Number.isFinite(v) ? { ok: true, value: v } : { ok: false, missing: false };
  if (typeof v !== "string") return { ok: false, missing: v === null || v === undefined };
  const t = v.trim();
  if (t === "") return { ok: false, missing: true };
  const n = Number(t);
  return NUMBER_TEXT.test(t) && Number.isFinite(n) ? { ok: true, value: n } : { ok: false, missing: false };
}

function readDate(v: unknown): Read<string> {
  const t = readText(v);
  if (t === null) return { ok: false, missing: v === null || v === undefined || typeof v === "string" };
  return isIsoDate(t) ? { ok: true, value: t } : { ok: false, missing: false };
}

function readObject(v: unknown): Record<string, unknown> {
  return typeof v === "object" && v !== null ? (v as Record<string, unknown>) : {};
}

const check = (test: DoamTest, reasons: string[]): DoamCheck => ({ test, pass: reasons.length === 0, reasons });

function assessDescribed(b: Record<string, unknown>): DoamCheck {
  const reasons: string[] = [];
  const title = readText(b.title);
  if (title === null)
    reasons.push('The benefit has no title. Name the improvement in a few words, such as "Faster invoice approval".');
  else if ([...title].length < DOAM_TITLE_MIN_LENGTH)
    reasons.push(
      `The title is shorter than ${DOAM_TITLE_MIN_LENGTH} characters. Say what improves, such as "Faster invoice approval".`,
    );
  const description = readText(b.description);
  if (description === null)
    reasons.push("The benefit has no description. Describe what changes, and for whom, once the projects deliver.");
  else if ([...description].length < DOAM_DESCRIPTION_MIN_LENGTH)
    reasons.push(
      `The description is shorter than ${DOAM_DESCRIPTION_MIN_LENGTH} characters, too short to say what changes and for whom.`,
    );
  if (readText(b.beneficiaries) === null)
    reasons.push(
      'The benefit does not say who gains from it. Name the beneficiaries, such as "accounts payable clerks".',
    );
  return check("described", reasons);
}

function assessObservable(b: Record<string, unknown>): DoamCheck {
  const reasons: string[] = [];
  const measure = readObject(b.measure);
  if (readText(measure.kpiName) === null)
    reasons.push('The benefit has no KPI. Name the indicator that shows the change, such as "Invoice approval time".');
  if (readText(measure.dataSource) === null)
    reasons.push("The KPI has no data source. Say where its values come from, such as the ERP's workflow log.");
  if (readText(measure.method) === null)
    reasons.push(
      'The KPI has no measurement method. Say how a value is obtained, such as "median days from receipt to approval, per month".',
    );
  return check("observable", reasons);
}

function assessAttributable(b: Record<string, unknown>): DoamCheck {
  const reasons: string[] = [];
  const count = b.enablingProjectCount;
  if (typeof count !== "number" || !Number.isFinite(count) || count < 1)
    reasons.push("No project enables this benefit. Link at least one project whose outputs make the change possible.");
  if (readText(b.attributionNote) === null)
    reasons.push(
      "Other contributors are not addressed. Note what else could move the KPI (other initiatives, the market, the season) and how this benefit's share is told apart.",
    );
  if (b.businessChangeDescribed === false)
    reasons.push(
      "The business change is not described. Describe how the business will work differently to turn the project outputs into the benefit.",
    );
  return check("attributable", reasons);
}

function assessMeasurable(b: Record<string, unknown>): DoamCheck {
  const reasons: string[] = [];
  const measure = readObject(b.measure);
  if (readText(measure.unit) === null) reasons.push("The KPI has no unit. Add one, such as days, % or EUR per month.");
  const baseline = readObject(b.baseline);
  const target = readObject(b.target);
  const bv = readNumber(baseline.value);
  const bd = readDate(baseline.date);
  const tv = readNumber(target.value);
  const td = readDate(target.date);
  if (!bv.ok)
    reasons.push(
      bv.missing
        ? "The baseline value is missing. Enter the KPI's value before the change."
        : "The baseline value is not a number. Enter it as a number, such as 12.5.",
    );
  if (!bd.ok)
    reasons.push(
      bd.missing
        ? "The baseline date is missing. Enter the date the baseline was measured."
        : "The baseline date is not a valid date. Enter it as YYYY-MM-DD.",
    );
  if (!tv.ok)
    reasons.push(
      tv.missing
        ? "The target value is missing. Enter the KPI's value once the benefit is realized."
        : "The target value is not a number. Enter it as a number, such as 12.5.",
    );
  if (!td.ok)
    reasons.push(
      td.missing
        ? "The target date is missing. Enter the date by which the target should be reached."
        : "The target date is not a valid date. Enter it as YYYY-MM-DD.",
    );
  if (bd.ok && td.ok && td.value <= bd.value)
    reasons.push(`The target date is not after the baseline date ${bd.value}. Set a later target date.`);
  const direction = readText(b.direction);
  if (direction !== null && !(BENEFIT_DIRECTIONS as readonly string[]).includes(direction))
    reasons.push("The direction must be increase or decrease.");
  if (bv.ok && tv.ok) {
    if (tv.value === bv.value)
      reasons.push("The target equals the baseline, so there is no change to realize. Set a different target.");
    else if (direction === "increase" && tv.value < bv.value)
      reasons.push("The benefit should increase the KPI, but the target is below the baseline. Check both values.");
    else if (direction === "decrease" && tv.value > bv.value)
      reasons.push("The benefit should decrease the KPI, but the target is above the baseline. Check both values.");
  }
  const frequency = readText(measure.frequency);
  if (frequency === null)
    reasons.push("The KPI has no measurement frequency. Choose monthly, quarterly, semiannual or annual.");
  else if (!(MEASUREMENT_FREQUENCIES as readonly string[]).includes(frequency as MeasurementFrequency))
    reasons.push("The measurement frequency must be monthly, quarterly, semiannual or annual.");
  return check("measurable", reasons);
}

/** Assesses a (possibly partial) benefit test by test; see the rules table at the top of this file. */
export function assessDoam(benefit: DoamBenefitInput | null | undefined): DoamAssessment {
  const b = readObject(benefit);
  const tests = [assessDescribed(b), assessObservable(b), assessAttributable(b), assessMeasurable(b)];
  return { tests, pass: tests.every((t) => t.pass) };
}
