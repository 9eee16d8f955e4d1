/**
 * The goal form's values and their conversion to API bodies and to the SMART check's input. Numbers
 * are typed as text; a value that is not a number is reported under the API's own field path.
 */
import type { SmartContext, SmartGoalInput } from "../../../domain/strategy/smart.js";
import type { CreateGoalBody, Goal, GoalDirection, GoalLevel, GoalStatus, Objective, UpdateGoalBody } from "./types.js";

export type MilestoneRow = { key: string; date: string; value: string };

export type GoalFormValues = {
  level: GoalLevel;
  objectiveId: string | null;
  projectId: string | null;
  title: string;
  description: string;
  scope: string;
  metricName: string;
  unit: string;
  direction: GoalDirection;
  baselineValue: string;
  baselineDate: string;
  targetValue: string;
  targetDate: string;
  tolerance: string;
  milestones: MilestoneRow[];
  ownerId: string | null;
  status: GoalStatus;
};

export type FormProblems = Record<string, string>;

let rowCounter = 0;
export function newMilestoneKey(): string {
  rowCounter += 1;
  return `milestone-${rowCounter}`;
}

export function emptyGoalForm(defaults: Partial<GoalFormValues> = {}): GoalFormValues {
  return {
    level: "organizational",
    objectiveId: null,
    projectId: null,
    title: "",
    description: "",
    scope: "",
    metricName: "",
    unit: "",
    direction: "increase",
    baselineValue: "",
    baselineDate: "",
    targetValue: "",
    targetDate: "",
    tolerance: "",
    milestones: [],
    ownerId: null,
    status: "active",
    ...defaults,
  };
}

const text = (n: number | null) => (n === null ? "" : String(n));

export function goalToForm(g: Goal): GoalFormValues {
  return {
    level: g.level,
    objectiveId: g.objectiveId,
    projectId: g.projectId,
    title: g.title,
    description: g.description,
    scope: g.scope,
    metricName: g.metricName,
    unit: g.unit,
    direction: g.direction,
    baselineValue: text(g.baselineValue),
    baselineDate: g.baselineDate ?? "",
    targetValue: text(g.targetValue),
    targetDate: g.targetDate ?? "",
    tolerance: text(g.tolerance),
    milestones: g.milestones.map((m) => ({ key: newMilestoneKey(), date: m.date, value: String(m.value) })),
    ownerId: g.ownerId,
    status: g.status,
  };
}

const NUMBER = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;

function parseNumber(value: string, path: string, problems: FormProblems): number | null {
  if (value.trim() === "") return null;
  if (!NUMBER.test(value)) {
    problems[path] = "enter a number, such as 40 or 12.5";
    return null;
  }
  return Number(value);
}

type GoalFields = Omit<CreateGoalBody, "milestones"> & { milestones: { date: string; value: number }[] };

/** Every field as the API wants it, plus the problems found converting them. */
export function toGoalFields(values: GoalFormValues): { fields: GoalFields; problems: FormProblems } {
  const problems: FormProblems = {};
  const milestones = values.milestones.map((m, i) => {
    const value = parseNumber(m.value, `milestones.${i}.value`, problems);
    if (value === null && !problems[`milestones.${i}.value`]) problems[`milestones.${i}.value`] = "is required";
    if (!m.date) problems[`milestones.${i}.date`] = "is required";
    return { date: m.date, value: value ?? 0 };
  });
  if (values.level === "project" && !values.projectId) problems.projectId = "choose the project this goal belongs to";
  const fields: GoalFields = {
    level: values.level,
    objectiveId: values.objectiveId,
    projectId: values.level === "project" ? values.projectId : null,
    title: values.title,
    description: values.description,
    scope: values.scope,
    metricName: values.metricName,
    unit: values.unit,
    direction: values.direction,
    baselineValue: parseNumber(values.baselineValue, "baselineValue", problems),
    baselineDate: values.baselineDate || null,
    targetValue: parseNumber(values.targetValue, "targetValue", problems),
    targetDate: values.targetDate || null,
    tolerance: parseNumber(values.tolerance, "tolerance", problems),
    milestones,
    ownerId: values.ownerId,
    status: values.status,
  };
  return { fields, problems };
}

export function toCreateGoalBody(values: GoalFormValues): { body: CreateGoalBody; problems: FormProblems } {
  const { fields, problems } = toGoalFields(values);
  return { body: fields, problems };
}

/** The PATCH body: the version read plus only the fields that differ from it. */
export function toUpdateGoalBody(
  values: GoalFormValues,
  base: Goal,
): { body: UpdateGoalBody; problems: FormProblems; changed: number } {
  const { fields, problems } = toGoalFields(values);
  const body: Record<string, unknown> = { version: base.version };
  let changed = 0;
  for (const [key, value] of Object.entries(fields)) {
    const before = base[key as keyof Goal];
    if (JSON.stringify(value) !== JSON.stringify(before)) {
      body[key] = value;
      changed++;
    }
  }
  return { body: body as UpdateGoalBody, problems, changed };
}

/** Paths that an input of the form shows beside itself; others go in the summary. */
export function isGoalFieldPath(path: string): boolean {
  return (
    /^(level|objectiveId|projectId|title|description|scope|metricName|unit|direction|baselineValue|baselineDate|targetValue|targetDate|tolerance|ownerId|status|milestones)$/.test(
      path,
    ) || /^milestones\.\d+\.(date|value)$/.test(path)
  );
}

/** What the SMART check reads from the form as it stands (text numbers are fine). */
export function toSmartInput(values: GoalFormValues): SmartGoalInput {
  return {
    title: values.title,
    metricName: values.metricName,
    unit: values.unit,
    direction: values.direction,
    baseline: { value: values.baselineValue, date: values.baselineDate },
    target: { value: values.targetValue, date: values.targetDate },
    tolerance: values.tolerance,
    owner: values.ownerId,
    scope: values.scope,
  };
}

export function smartContextFor(objective: Objective | undefined, asOf: string): SmartContext {
  return {
    asOf,
    objective: objective
      ? {
          kind: objective.kind,
          status: objective.status,
          weight: objective.weight,
          horizonStart: objective.horizonStart,
          horizonEnd: objective.horizonEnd,
        }
      : null,
  };
}
