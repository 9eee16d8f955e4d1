/**
 * SMART check of a goal (KPI): Specific, Measurable, Achievable, Relevant, Time-bound.
 * Runs on the server and live in the goal form, so the input may be partial or malformed
 * (numbers may arrive as text); it never throws. A verdict is a value, not an error.
 *
 * Each letter gets `pass`, `warn` or `fail`, the reasons for it, and one actionable suggestion
 * (for the first failing rule, else the first warning; null on pass). On `warn`/`fail` the reasons
 * are the problems found, in the order of the table; on `pass` they are informational notes (the
 * kind of the linked objective, the pace needed) and may be empty. The overall verdict is `fail` if
 * any letter fails, else `warn` if any warns, else `pass`. Reason texts are stable (the UI and the
 * tests rely on them); `{x}` marks a value filled in ({p} the pace, {c} a ceiling, {b} the best
 * pace), `a / b` alternatives; `note` rows are informational reasons given on pass. A reason
 * wrapped over several rows is one string.
 *
 * | L | verdict | reason (exact text)                                | when                                          |
 * |---|---------|----------------------------------------------------|-----------------------------------------------|
 * | S | fail    | title is missing                                   | no title                                      |
 * | S | fail    | owner is missing                                   | no owner                                      |
 * | S | fail    | title uses only vague words                        | no title word outside VAGUE_WORDS and         |
 * |   |         |                                                    | FILLER_WORDS                                  |
 * | S | warn    | title is shorter than 10 characters                | fewer than 10 characters (code points)        |
 * | S | warn    | title is longer than 120 characters                | more than 120 characters                      |
 * | S | warn    | title mentions neither the metric nor a number     | no digit, not the whole metric name, and no   |
 * |   |         |                                                    | metric-name word of ≥ 3 letters that is not   |
 * |   |         |                                                    | vague or filler                               |
 * | S | warn    | scope or population is missing                     | no scope                                      |
 * | M | fail    | metric name is missing                             | no metric name                                |
 * | M | fail    | unit is missing                                    | no unit                                       |
 * | M | fail    | direction is missing                               | no direction                                  |
 * | M | fail    | direction must be increase, decrease or maintain   | another direction                             |
 * | M | fail    | baseline value is missing                          | no baseline value                             |
 * | M | fail    | baseline value is not a number                     | baseline value not numeric                    |
 * | M | fail    | target value is missing                            | no target value                               |
 * | M | fail    | target value is not a number                       | target value not numeric                      |
 * | M | fail    | target equals the baseline                         | increase or decrease, target = baseline       |
 * | M | fail    | target must be above the baseline to increase      | increase, target < baseline                   |
 * | M | fail    | target must be below the baseline to decrease      | decrease, target > baseline                   |
 * | M | fail    | a tolerance band above 0 is required to maintain   | maintain without a tolerance > 0 (target =    |
 * |   |         |                                                    | baseline is fine)                             |
 * | A | warn    | cannot judge without baseline, target and dates    | a value or date missing, or target date ≤     |
 * |   |         |                                                    | baseline date                                 |
 * | A | warn    | needs a change of {p} %/year, above the ceiling of | baseline ≠ 0 and pace > ceiling, where pace = |
 * |   |         | {c} %/year                                         | abs(target − baseline) ÷ abs(baseline) ÷      |
 * |   |         |                                                    | years and ceiling = maxAnnualChangeRate       |
 * |   |         |                                                    | (default 0.5)                                 |
 * | A | note    | needs a change of {p} %/year, within the ceiling   | baseline ≠ 0 and pace ≤ ceiling               |
 * |   |         | of {c} %/year                                      |                                               |
 * | A | warn    | needs a change of {p} {unit}/year from a zero      | baseline = 0, maxAnnualAbsoluteChange given   |
 * |   |         | baseline, above the ceiling of {c} {unit}/year     | and abs(target − baseline) ÷ years above it   |
 * |   |         |                                                    | (note when within: …, within the ceiling of   |
 * |   |         |                                                    | …)                                            |
 * | A | note    | baseline is 0, so the pace is not checked against  | baseline = 0, no absolute ceiling             |
 * |   |         | a ceiling                                          |                                               |
 * | A | warn    | needs a change of {p}/year, faster than the best   | ≥ 3 usable finished goals in the unit (case-  |
 * |   |         | pace of {b}/year among {n} finished goals measured | insensitive) and pace > their best; relative, |
 * |   |         | in "{unit}"                                        | or absolute when the baseline is 0            |
 * | A | note    | needs a change of {p}/year, within the best pace   | the same, pace ≤ best                         |
 * |   |         | of {b}/year among …                                |                                               |
 * | R | fail    | not linked to a strategic objective                | no context.objective                          |
 * | R | fail    | linked objective is achieved / retired             | status achieved or retired                    |
 * | R | fail    | linked objective is not active                     | any other status but draft or active          |
 * | R | warn    | linked objective is still a draft                  | status draft                                  |
 * | R | warn    | linked objective has weight 0                      | weight missing or ≤ 0                         |
 * | R | note    | linked to an active organizational / PMO objective | on pass; without a kind: "an active           |
 * |   |         |                                                    | objective"                                    |
 * | T | fail    | baseline date is missing                           | no baseline date                              |
 * | T | fail    | baseline date is not a valid date                  | not a real YYYY-MM-DD date                    |
 * | T | fail    | target date is missing                             | no target date                                |
 * | T | fail    | target date is not a valid date                    | not a real YYYY-MM-DD date                    |
 * | T | fail    | target date is not after the baseline date         | target date ≤ baseline date                   |
 * | T | fail    | target date is before the assessment date {asOf}   | target date < asOf                            |
 * | T | warn    | target date lies outside the objective horizon     | target month outside the horizon (checked     |
 * |   |         | {start} to {end}                                   | when both months are valid YYYY-MM)           |
 *
 * Decisions
 * - Vague-only titles fail rather than warn: with no word beyond the vague and filler lists the
 *   title names nothing that could be checked.
 * - Relevant: a draft objective or weight 0 only warns (strategies are drafted and weighted in
 *   the same cycle as their goals); an achieved or retired objective fails (it can no longer
 *   make the goal relevant). Any objective kind passes; the pass note says which kind.
 * - Achievable with missing data warns instead of failing: the missing pieces already fail M and
 *   T, so A only says it cannot judge. The pace is simple (not compound): the change relative to
 *   the baseline divided by the years between baseline and target date (`yearsBetween`).
 *   A pace exactly at a ceiling passes. Percentages are shown rounded to 0.1.
 */
import { isIsoDate, isPeriod, periodOf } from "../shared/period.js";
import { GOAL_DIRECTIONS, type GoalDirection, yearsBetween } from "./goal-progress.js";

export const SMART_LETTERS = ["S", "M", "A", "R", "T"] as const;
export type SmartLetter = (typeof SMART_LETTERS)[number];
export const SMART_LETTER_NAMES: Readonly<Record<SmartLetter, string>> = {
  S: "Specific",
  M: "Measurable",
  A: "Achievable",
  R: "Relevant",
  T: "Time-bound",
};

export type SmartVerdict = "pass" | "warn" | "fail";
export type SmartCheck = { verdict: SmartVerdict; reasons: string[]; suggestion: string | null };
export type SmartAssessment = Record<SmartLetter, SmartCheck> & { overall: SmartVerdict };

export const OBJECTIVE_KINDS = ["organizational", "pmo"] as const;
export type ObjectiveKind = (typeof OBJECTIVE_KINDS)[number];
export const OBJECTIVE_STATUSES = ["draft", "active", "achieved", "retired"] as const;
export type ObjectiveStatus = (typeof OBJECTIVE_STATUSES)[number];

export const DEFAULT_MAX_ANNUAL_CHANGE_RATE = 0.5;
export const MIN_FINISHED_GOALS_FOR_HISTORY = 3;
export const TITLE_MIN_LENGTH = 10;
export const TITLE_MAX_LENGTH = 120;

/** Words that say a change is wanted without saying what (lower case, matched as whole words). */
export const VAGUE_WORDS: ReadonlySet<string> = new Set(
  `improve improved improves improving improvement improvements better best good great things thing
   stuff optimize optimise optimized optimised optimizing optimising optimization optimisation enhance
   enhanced enhancing enhancement enhancements increase increased increasing reduce reduced reducing
   decrease decreased decreasing boost maximize maximise minimize minimise efficiency efficient
   effectiveness effective performance quality process processes various etc everything excellence`.split(/\s+/),
);

/** Words that carry no content of their own; a title of only these and vague words is vague. */
export const FILLER_WORDS: ReadonlySet<string> = new Set(
  `a an the and or of to in on for with by at from our we us all some more much very overall general be
   is are it its this that`.split(/\s+/),
);

type TextInput = string | null | undefined;
type NumberInput = string | number | null | undefined;

/** What the goal form holds at any moment; every field may be missing. */
export type SmartGoalInput = {
  title?: TextInput;
  metricName?: TextInput;
  unit?: TextInput;
  direction?: TextInput;
  baseline?: { value?: NumberInput; date?: TextInput } | null;
  target?: { value?: NumberInput; date?: TextInput } | null;
  /** ± absolute band around the target, for `maintain`. */
  tolerance?: NumberInput;
  owner?: TextInput;
  /** Scope or population the goal covers, e.g. "customers in the EU". */
  scope?: TextInput;
};

/** The objective the goal contributes to (directly, or as resolved by the caller through its project). */
export type SmartObjective = {
  kind?: TextInput;
  status?: TextInput;
  weight?: number | null;
  /** Horizon months `YYYY-MM`. */
  horizonStart?: TextInput;
  horizonEnd?: TextInput;
};

/** A finished goal of the organization, used to compare the pace asked for with the pace achieved. */
export type FinishedGoal = {
  unit: string;
  baselineValue: number;
  achievedValue: number;
  baselineDate: string;
  achievedDate: string;
};

export type SmartContext = {
  /** Assessment date `YYYY-MM-DD`. */
  asOf: string;
  objective?: SmartObjective | null;
  /** Ceiling on the relative change per year; default DEFAULT_MAX_ANNUAL_CHANGE_RATE (0.5 = 50 %/year). */
  maxAnnualChangeRate?: number | null;
  /** Ceiling on the absolute change per year in the goal's unit, used when the baseline is 0. */
  maxAnnualAbsoluteChange?: number | null;
  history?: readonly FinishedGoal[] | null;
};

type Read<T> = { ok: true; value: T } | { ok: false; missing: boolean };

const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

function readText(v: unknown): string | null {
  if (typeof v !== "string") return null;
  const t = v.trim();
  return t === "" ? null : t;
}

function readNumber(v: unknown): Read<number> {
  if (typeof v === "number") return Number.isFinite(v) ? { ok: true, value: v } : { ok: false, missing: false };
  if (v === null || v === undefined) return { ok: false, missing: true };
  if (typeof v !== "string") return { ok: false, missing: false };
  const t = v.trim();
  if (t === "") return { ok: false, missing: true };
  const n = Number(t);
  return NUMBER_TEXT.test(t) && Number.isFinite(n) ? { ok: true, value: n } : { ok: false, missing: false };
}

function readDate(v: unknown): Read<string> {
  if (v === null || v === undefined) return { ok: false, missing: true };
  if (typeof v !== "string") return { ok: false, missing: false };
  const t = v.trim();
  if (t === "") return { ok: false, missing: true };
  return isIsoDate(t) ? { ok: true, value: t } : { ok: false, missing: false };
}

function readDirection(v: unknown): Read<GoalDirection> {
  const t = readText(v);
  if (t === null) return { ok: false, missing: v === null || v === undefined || typeof v === "string" };
  return (GOAL_DIRECTIONS as readonly string[]).includes(t)
    ? { ok: true, value: t as GoalDirection }
    : { ok: false, missing: false };
}

function readObject(v: unknown): Record<string, unknown> {
  return typeof v === "object" && v !== null ? (v as Record<string, unknown>) : {};
}

type Goal = {
  title: string | null;
  metric: string | null;
  unit: string | null;
  direction: Read<GoalDirection>;
  baselineValue: Read<number>;
  targetValue: Read<number>;
  baselineDate: Read<string>;
  targetDate: Read<string>;
  tolerance: Read<number>;
  owner: string | null;
  scope: string | null;
};

function readGoal(input: unknown): Goal {
  const g = readObject(input);
  const baseline = readObject(g.baseline);
  const target = readObject(g.target);
  return {
    title: readText(g.title),
    metric: readText(g.metricName),
    unit: readText(g.unit),
    direction: readDirection(g.direction),
    baselineValue: readNumber(baseline.value),
    targetValue: readNumber(target.value),
    baselineDate: readDate(baseline.date),
    targetDate: readDate(target.date),
    tolerance: readNumber(g.tolerance),
    owner: readText(g.owner),
    scope: readText(g.scope),
  };
}

type Finding = { verdict: "warn" | "fail"; reason: string; suggestion: string };
const fail = (reason: string, suggestion: string): Finding => ({ verdict: "fail", reason, suggestion });
const warn = (reason: string, suggestion: string): Finding => ({ verdict: "warn", reason, suggestion });

function conclude(findings: readonly Finding[], notes: readonly string[] = []): SmartCheck {
  if (findings.length === 0) return { verdict: "pass", reasons: [...notes], suggestion: null };
  const firstFail = findings.find((f) => f.verdict === "fail");
  return {
    verdict: firstFail ? "fail" : "warn",
    reasons: findings.map((f) => f.reason),
    suggestion: (firstFail ?? findings[0]!).suggestion,
  };
}

/** A number for a message: integers as is, others to at most `decimals` places. */
function formatNumber(x: number, decimals = 2): string {
  if (Number.isInteger(x)) return String(x);
  const f = 10 ** decimals;
  return String(Math.round(x * f) / f);
}

function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== "");
}

function assessSpecific(goal: Goal): SmartCheck {
  const findings: Finding[] = [];
  const title = goal.title;
  if (title === null)
    findings.push(fail("title is missing", "Write a title that says what changes, for whom and by how much"));
  if (goal.owner === null) findings.push(fail("owner is missing", "Assign an owner who is accountable for the goal"));
  if (title !== null) {
    const titleWords = words(title);
    if (titleWords.every((w) => VAGUE_WORDS.has(w) || FILLER_WORDS.has(w)))
      findings.push(
        fail("title uses only vague words", "Replace the vague words with what changes, for whom and by how much"),
      );
    const length = [...title].length;
    if (length < TITLE_MIN_LENGTH)
      findings.push(
        warn(
          `title is shorter than ${TITLE_MIN_LENGTH} characters`,
          "Lengthen the title to say what changes and for whom",
        ),
      );
    if (length > TITLE_MAX_LENGTH)
      findings.push(
        warn(
          `title is longer than ${TITLE_MAX_LENGTH} characters`,
          `Shorten the title to ${TITLE_MAX_LENGTH} characters and move the details to the description`,
        ),
      );
    const metric = goal.metric;
    const metricWords = metric
      ? words(metric).filter((w) => [...w].length >= 3 && !VAGUE_WORDS.has(w) && !FILLER_WORDS.has(w))
      : [];
    const mentionsMetric =
      metric !== null &&
      (title.toLowerCase().includes(metric.toLowerCase()) || metricWords.some((w) => titleWords.includes(w)));
    if (!mentionsMetric && !/\d/.test(title))
      findings.push(
        warn(
          "title mentions neither the metric nor a number",
          metric
            ? `Mention the metric "${metric}" or the target number in the title`
            : "Mention the target number in the title",
        ),
      );
  }
  if (goal.scope === null)
    findings.push(
      warn(
        "scope or population is missing",
        'Describe the scope or population, such as "customers in the EU" or "all IT projects"',
      ),
    );
  return conclude(findings);
}

function assessMeasurable(goal: Goal): SmartCheck {
  const findings: Finding[] = [];
  if (goal.metric === null)
    findings.push(fail("metric name is missing", 'Name the metric, such as "Net promoter score" or "Lead time"'));
  if (goal.unit === null) findings.push(fail("unit is missing", "Add a unit such as % or days"));
  const direction = goal.direction;
  if (!direction.ok)
    findings.push(
      fail(
        direction.missing ? "direction is missing" : "direction must be increase, decrease or maintain",
        "Choose whether the metric should increase, decrease or be maintained",
      ),
    );
  const b = goal.baselineValue;
  const t = goal.targetValue;
  if (!b.ok)
    findings.push(
      fail(
        b.missing ? "baseline value is missing" : "baseline value is not a number",
        "Enter the baseline value as a number",
      ),
    );
  if (!t.ok)
    findings.push(
      fail(
        t.missing ? "target value is missing" : "target value is not a number",
        "Enter the target value as a number",
      ),
    );
  if (direction.ok && direction.value === "maintain") {
    const tol = goal.tolerance;
    if (!tol.ok || tol.value <= 0) {
      const unit = goal.unit ? ` (± in ${goal.unit})` : "";
      findings.push(
        fail(
          "a tolerance band above 0 is required to maintain",
          `Add a tolerance band above 0${unit} within which the value counts as maintained`,
        ),
      );
    }
  } else if (direction.ok && b.ok && t.ok) {
    const base = formatNumber(b.value, 6);
    if (t.value === b.value)
      findings.push(
        fail("target equals the baseline", `Set a target different from the baseline ${base}, or choose maintain`),
      );
    else if (direction.value === "increase" && t.value < b.value)
      findings.push(
        fail(
          "target must be above the baseline to increase",
          `Set a target above the baseline ${base}, or choose decrease`,
        ),
      );
    else if (direction.value === "decrease" && t.value > b.value)
      findings.push(
        fail(
          "target must be below the baseline to decrease",
          `Set a target below the baseline ${base}, or choose increase`,
        ),
      );
  }
  return conclude(findings);
}

type PaceLimit = { limit: number; relative: boolean };

function assessAchievable(goal: Goal, context: SmartContext): SmartCheck {
  const b = goal.baselineValue;
  const t = goal.targetValue;
  const bd = goal.baselineDate;
  const td = goal.targetDate;
  if (!b.ok || !t.ok || !bd.ok || !td.ok || td.value <= bd.value)
    return conclude([
      warn(
        "cannot judge without baseline, target and dates",
        "Enter the baseline and target values and dates to check the pace",
      ),
    ]);

  const years = yearsBetween(bd.value, td.value);
  const change = Math.abs(t.value - b.value);
  const relative = b.value !== 0;
  const pace = relative ? change / Math.abs(b.value) / years : change / years;
  const unitText = goal.unit ?? "";
  const show = (rate: number, isRelative: boolean) =>
    isRelative
      ? `${formatNumber(rate * 100, 1)} %/year`
      : `${formatNumber(rate)}${unitText ? ` ${unitText}` : ""}/year`;
  const findings: Finding[] = [];
  const notes: string[] = [];
  const limits: PaceLimit[] = [];

  const ceiling = relative
    ? positiveOr(context.maxAnnualChangeRate, DEFAULT_MAX_ANNUAL_CHANGE_RATE)
    : positiveOr(context.maxAnnualAbsoluteChange, null);
  if (ceiling === null) {
    notes.push("baseline is 0, so the pace is not checked against a ceiling");
  } else {
    const zero = relative ? "" : " from a zero baseline";
    if (pace > ceiling) {
      findings.push(
        warn(`needs a change of ${show(pace, relative)}${zero}, above the ceiling of ${show(ceiling, relative)}`, ""),
      );
      limits.push({ limit: ceiling, relative });
    } else {
      notes.push(`needs a change of ${show(pace, relative)}${zero}, within the ceiling of ${show(ceiling, relative)}`);
    }
  }

  if (goal.unit !== null) {
    const unitKey = goal.unit.toLowerCase();
    const paces: number[] = [];
    for (const h of context.history ?? []) {
      if (typeof h?.unit !== "string" || h.unit.trim().toLowerCase() !== unitKey) continue;
      if (!Number.isFinite(h.baselineValue) || !Number.isFinite(h.achievedValue)) continue;
      if (relative && h.baselineValue === 0) continue;
      const y = yearsBetween(h.baselineDate, h.achievedDate);
      if (!(y > 0)) continue;
      const c = Math.abs(h.achievedValue - h.baselineValue);
      paces.push(relative ? c / Math.abs(h.baselineValue) / y : c / y);
    }
    if (paces.length >= MIN_FINISHED_GOALS_FOR_HISTORY) {
      const best = Math.max(...paces);
      const among = `among ${paces.length} finished goals measured in "${goal.unit}"`;
      if (pace > best) {
        findings.push(
          warn(
            `needs a change of ${show(pace, relative)}, faster than the best pace of ${show(best, relative)} ${among}`,
            "",
          ),
        );
        limits.push({ limit: best, relative });
      } else {
        notes.push(
          `needs a change of ${show(pace, relative)}, within the best pace of ${show(best, relative)} ${among}`,
        );
      }
    }
  }

  if (findings.length === 0) return conclude([], notes);
  // Suggest the target that meets the strictest limit broken.
  const strictest = limits.reduce((m, l) => (l.limit < m.limit ? l : m));
  const sign = t.value >= b.value ? 1 : -1;
  const allowed = strictest.relative ? strictest.limit * Math.abs(b.value) * years : strictest.limit * years;
  const raw = b.value + sign * allowed;
  const suggested = sign > 0 ? Math.floor(raw * 100 + 1e-9) / 100 : Math.ceil(raw * 100 - 1e-9) / 100;
  const suggestion =
    `Aim for a target of ${formatNumber(suggested)} by ${td.value}, or move the target date later, ` +
    `to stay within ${show(strictest.limit, strictest.relative)}`;
  return conclude(findings.map((f) => ({ ...f, suggestion })));
}

function positiveOr<T extends number | null>(value: number | null | undefined, fallback: T): number | T {
  return typeof value === "number" && Number.isFinite(value) && value > 0 ? value : fallback;
}

function assessRelevant(context: SmartContext): SmartCheck {
  const objective = context.objective;
  if (objective === null || objective === undefined || typeof objective !== "object")
    return conclude([fail("not linked to a strategic objective", "Link the goal to an active strategic objective")]);
  const findings: Finding[] = [];
  const status = readText(objective.status);
  if (status === "achieved" || status === "retired")
    findings.push(
      fail(
        `linked objective is ${status}`,
        `Link the goal to an active objective instead of ${status === "achieved" ? "an achieved" : "a retired"} one`,
      ),
    );
  else if (status === "draft")
    findings.push(
      warn("linked objective is still a draft", "Activate the linked objective, or link the goal to an active one"),
    );
  else if (status !== "active")
    findings.push(fail("linked objective is not active", "Link the goal to an active strategic objective"));
  const weight = objective.weight;
  if (!(typeof weight === "number" && Number.isFinite(weight) && weight > 0))
    findings.push(
      warn("linked objective has weight 0", "Give the objective a weight above 0, or link the goal to a weighted one"),
    );
  const kind = readText(objective.kind);
  const kindText = kind === "organizational" ? "organizational " : kind === "pmo" ? "PMO " : "";
  return conclude(findings, [`linked to an active ${kindText}objective`]);
}

function assessTimeBound(goal: Goal, context: SmartContext): SmartCheck {
  const findings: Finding[] = [];
  const bd = goal.baselineDate;
  const td = goal.targetDate;
  if (!bd.ok)
    findings.push(
      fail(
        bd.missing ? "baseline date is missing" : "baseline date is not a valid date",
        "Enter the baseline date as YYYY-MM-DD",
      ),
    );
  if (!td.ok)
    findings.push(
      fail(
        td.missing ? "target date is missing" : "target date is not a valid date",
        "Enter the target date as YYYY-MM-DD",
      ),
    );
  if (bd.ok && td.ok && td.value <= bd.value)
    findings.push(
      fail("target date is not after the baseline date", `Set the target date after the baseline date ${bd.value}`),
    );
  const asOf = typeof context.asOf === "string" && isIsoDate(context.asOf) ? context.asOf : null;
  if (td.ok && asOf !== null && td.value < asOf)
    findings.push(fail(`target date is before the assessment date ${asOf}`, `Set the target date on or after ${asOf}`));
  const start = readText(context.objective?.horizonStart);
  const end = readText(context.objective?.horizonEnd);
  if (td.ok && start !== null && end !== null && isPeriod(start) && isPeriod(end)) {
    const month = periodOf(td.value);
    if (month < start || month > end)
      findings.push(
        warn(
          `target date lies outside the objective horizon ${start} to ${end}`,
          `Move the target date into the objective horizon ${start} to ${end}, or extend the horizon`,
        ),
      );
  }
  return conclude(findings);
}

/** Assesses a (possibly partial) goal letter by letter; see the rules table at the top of this file. */
export function assessSmart(goal: SmartGoalInput | null | undefined, context: SmartContext): SmartAssessment {
  const g = readGoal(goal);
  const ctx: SmartContext = typeof context === "object" && context !== null ? context : { asOf: "" };
  const result: Record<SmartLetter, SmartCheck> = {
    S: assessSpecific(g),
    M: assessMeasurable(g),
    A: assessAchievable(g, ctx),
    R: assessRelevant(ctx),
    T: assessTimeBound(g, ctx),
  };
  const verdicts = SMART_LETTERS.map((l) => result[l].verdict);
  const overall: SmartVerdict = verdicts.includes("fail") ? "fail" : verdicts.includes("warn") ? "warn" : "pass";
  return { ...result, overall };
}
