/**
 * The benefit form's values and their conversion to API bodies (create, edit with changed fields
 * only) and to the draft the live DOAM check sends. Numbers are typed as text; one that is not a
 * number is reported under the API's own field path, so it shows beside its input like a server
 * error would.
 */
import { isPeriod } from "../../../domain/shared/period.js";
import type {
  Benefit,
  BenefitStatus,
  BenefitType,
  CreateBenefitBody,
  Direction,
  Frequency,
  ProfileInput,
  ToleranceKind,
  UpdateBenefitBody,
} from "./types.js";

export type ProfileMode = "none" | "keep" | "generated" | "manual";
export type GeneratedKind = "linear" | "s_curve" | "step";
export type ObjectiveRow = { key: string; objectiveId: string | null; weight: string };
export type PointRow = { key: string; period: string; planned: string };

export type BenefitFormValues = {
  code: string;
  title: string;
  description: string;
  type: BenefitType;
  category: string | null;
  isDisbenefit: boolean;
  responsibleOwnerId: string | null;
  accountableOwnerId: string | null;
  kpiName: string;
  unit: string;
  direction: Direction;
  method: string;
  dataSource: string;
  frequency: Frequency;
  baselineValue: string;
  baselineDate: string;
  targetValue: string;
  targetDate: string;
  toleranceKind: ToleranceKind;
  toleranceValue: string;
  /** Money per unit of the measure, in the organization's currency (not cents). */
  valuePerUnit: string;
  status: BenefitStatus;
  businessChange: string;
  beneficiaries: string;
  attributionNote: string;
  projectIds: string[];
  objectives: ObjectiveRow[];
  profileMode: ProfileMode;
  profileKind: GeneratedKind;
  profileStart: string;
  profileStepAt: string;
  points: PointRow[];
};

export type FormProblems = Record<string, string>;

let rowCounter = 0;
export function newRowKey(prefix: string): string {
  rowCounter += 1;
  return `${prefix}-${rowCounter}`;
}

export function emptyBenefitForm(defaults: Partial<BenefitFormValues> = {}): BenefitFormValues {
  return {
    code: "",
    title: "",
    description: "",
    type: "quantifiable",
    category: null,
    isDisbenefit: false,
    responsibleOwnerId: null,
    accountableOwnerId: null,
    kpiName: "",
    unit: "",
    direction: "increase",
    method: "",
    dataSource: "",
    frequency: "monthly",
    baselineValue: "",
    baselineDate: "",
    targetValue: "",
    targetDate: "",
    toleranceKind: "percent",
    toleranceValue: "10",
    valuePerUnit: "",
    status: "identified",
    businessChange: "",
    beneficiaries: "",
    attributionNote: "",
    projectIds: [],
    objectives: [],
    profileMode: "generated",
    profileKind: "linear",
    profileStart: "",
    profileStepAt: "",
    points: [],
    ...defaults,
  };
}

const text = (n: number | null) => (n === null ? "" : String(n));

export function benefitToForm(b: Benefit): BenefitFormValues {
  return {
    code: b.code,
    title: b.title,
    description: b.description,
    type: b.type,
    category: b.category,
    isDisbenefit: b.isDisbenefit,
    responsibleOwnerId: b.responsibleOwner?.id ?? null,
    accountableOwnerId: b.accountableOwner?.id ?? null,
    kpiName: b.kpiName,
    unit: b.unit,
    direction: b.direction,
    method: b.method,
    dataSource: b.dataSource,
    frequency: b.frequency,
    baselineValue: text(b.baselineValue),
    baselineDate: b.baselineDate ?? "",
    targetValue: text(b.targetValue),
    targetDate: b.targetDate ?? "",
    toleranceKind: b.toleranceKind,
    toleranceValue: String(b.toleranceValue),
    valuePerUnit: b.valuePerUnitCents === null ? "" : String(b.valuePerUnitCents / 100),
    status: b.status,
    businessChange: b.businessChange,
    beneficiaries: b.beneficiaries,
    attributionNote: b.attributionNote,
    projectIds: b.projects.map((p) => p.id),
    objectives: b.objectives.map((o) => ({ key: newRowKey("objective"), objectiveId: o.id, weight: String(o.weight) })),
    // The server keeps the profile's months, not how they were made: keep them unless asked to change.
    profileMode: b.profile.length > 0 ? "keep" : "none",
    profileKind: "linear",
    profileStart: b.baselineDate?.slice(0, 7) ?? "",
    profileStepAt: "",
    points: b.profile.map((p) => ({ key: newRowKey("point"), period: p.period, planned: String(p.planned) })),
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

/** The profile as the API wants it; undefined leaves the stored one as it is. */
function toProfile(values: BenefitFormValues, problems: FormProblems): ProfileInput | null | undefined {
  switch (values.profileMode) {
    case "keep":
      return undefined;
    case "none":
      return null;
    case "manual":
      return {
        kind: "manual",
        points: values.points.map((p, i) => {
          const planned = parseNumber(p.planned, `profile.points.${i}.planned`, problems);
          if (planned === null && !problems[`profile.points.${i}.planned`])
            problems[`profile.points.${i}.planned`] = "is required";
          return { period: p.period, planned: planned ?? 0 };
        }),
      };
    default:
      if (!values.profileStart) problems["profile.start"] = "choose the first month of realization";
      return {
        kind: values.profileKind,
        start: values.profileStart,
        ...(values.profileKind === "step" && values.profileStepAt ? { stepAt: values.profileStepAt } : {}),
      };
  }
}

type BenefitFields = Omit<CreateBenefitBody, "profile"> & { profile?: ProfileInput | null };

/** Every field as the API wants it, plus the problems found converting them. */
export function toBenefitFields(values: BenefitFormValues): { fields: BenefitFields; problems: FormProblems } {
  const problems: FormProblems = {};
  const valuePerUnit = parseNumber(values.valuePerUnit, "valuePerUnitCents", problems);
  const tolerance = parseNumber(values.toleranceValue, "toleranceValue", problems);
  if (tolerance === null && !problems.toleranceValue) problems.toleranceValue = "is required";
  if (!values.category) problems.category = "choose a category";
  const objectives = values.objectives.map((o, i) => {
    const weight = parseNumber(o.weight, `objectives.${i}.weight`, problems);
    if (weight === null && !problems[`objectives.${i}.weight`]) problems[`objectives.${i}.weight`] = "is required";
    if (!o.objectiveId) problems[`objectives.${i}.objectiveId`] = "choose an objective";
    return { objectiveId: o.objectiveId ?? "", weight: weight ?? 0 };
  });
  const profile = toProfile(values, problems);
  const fields: BenefitFields = {
    code: values.code,
    title: values.title,
    description: values.description,
    type: values.type,
    category: values.category ?? "",
    isDisbenefit: values.isDisbenefit,
    responsibleOwnerId: values.responsibleOwnerId,
    accountableOwnerId: values.accountableOwnerId,
    kpiName: values.kpiName,
    unit: values.unit,
    direction: values.direction,
    method: values.method,
    dataSource: values.dataSource,
    frequency: values.frequency,
    baselineValue: parseNumber(values.baselineValue, "baselineValue", problems),
    baselineDate: values.baselineDate || null,
    targetValue: parseNumber(values.targetValue, "targetValue", problems),
    targetDate: values.targetDate || null,
    toleranceKind: values.toleranceKind,
    toleranceValue: tolerance ?? 0,
    valuePerUnitCents: valuePerUnit === null ? null : Math.round(valuePerUnit * 100),
    status: values.status,
    businessChange: values.businessChange,
    beneficiaries: values.beneficiaries,
    attributionNote: values.attributionNote,
    projectIds: values.projectIds,
    objectives,
    ...(profile === undefined ? {} : { profile }),
  };
  return { fields, problems };
}

export function toCreateBenefitBody(values: BenefitFormValues): { body: CreateBenefitBody; problems: FormProblems } {
  const { fields, problems } = toBenefitFields(values);
  return { body: { ...fields, profile: fields.profile ?? null }, problems };
}

/** The PATCH body: the version read plus only the fields that differ from it. */
export function toUpdateBenefitBody(
  values: BenefitFormValues,
  base: Benefit,
): { body: UpdateBenefitBody; problems: FormProblems; changed: number } {
  const { fields, problems } = toBenefitFields(values);
  const { fields: before } = toBenefitFields(benefitToForm(base));
  const body: Record<string, unknown> = { version: base.version };
  let changed = 0;
  for (const [key, value] of Object.entries(fields)) {
    if (key === "profile") continue;
    if (JSON.stringify(value) !== JSON.stringify(before[key as keyof BenefitFields])) {
      body[key] = value;
      changed++;
    }
  }
  if (fields.profile !== undefined && !(fields.profile === null && base.profile.length === 0)) {
    body.profile = fields.profile;
    changed++;
  }
  return { body: body as UpdateBenefitBody, problems, changed };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The draft the live check sends: what the form holds, leaving out what the request schema would
 * refuse (empty required text, numbers that are not numbers, half-chosen rows), so the DOAM
 * verdicts speak about the benefit rather than the request.
 */
export function toAssessDraft(values: BenefitFormValues): Record<string, unknown> {
  const ignore: FormProblems = {};
  const number = (v: string) => parseNumber(v, "_", ignore);
  const draft: Record<string, unknown> = {
    description: values.description,
    type: values.type,
    isDisbenefit: values.isDisbenefit,
    kpiName: values.kpiName,
    unit: values.unit,
    direction: values.direction,
    method: values.method,
    dataSource: values.dataSource,
    frequency: values.frequency,
    baselineValue: number(values.baselineValue),
    baselineDate: DATE.test(values.baselineDate) ? values.baselineDate : null,
    targetValue: number(values.targetValue),
    targetDate: DATE.test(values.targetDate) ? values.targetDate : null,
    toleranceKind: values.toleranceKind,
    businessChange: values.businessChange,
    beneficiaries: values.beneficiaries,
    attributionNote: values.attributionNote,
    projectIds: values.projectIds.filter((id) => UUID.test(id)),
    objectives: values.objectives
      .map((o) => ({ objectiveId: o.objectiveId ?? "", weight: number(o.weight) }))
      .filter((o) => UUID.test(o.objectiveId) && o.weight !== null && o.weight > 0 && o.weight <= 1),
  };
  if (values.title.trim()) draft.title = values.title;
  if (values.code.trim()) draft.code = values.code.trim().slice(0, 20);
  if (values.category) draft.category = values.category;
  const tolerance = number(values.toleranceValue);
  if (tolerance !== null && tolerance >= 0) draft.toleranceValue = tolerance;
  if (values.profileMode === "generated" && isPeriod(values.profileStart)) {
    draft.profile = {
      kind: values.profileKind,
      start: values.profileStart,
      ...(values.profileKind === "step" && isPeriod(values.profileStepAt) ? { stepAt: values.profileStepAt } : {}),
    };
  } else if (values.profileMode === "manual") {
    const points = values.points
      .map((p) => ({ period: p.period, planned: number(p.planned) }))
      .filter((p): p is { period: string; planned: number } => isPeriod(p.period) && p.planned !== null);
    draft.profile = { kind: "manual", points };
  }
  return draft;
}

/** Paths that an input of the form shows beside itself; others go in the summary. */
export function isBenefitFieldPath(path: string): boolean {
  return (
    /^(code|title|description|type|category|isDisbenefit|responsibleOwnerId|accountableOwnerId|kpiName|unit|direction|method|dataSource|frequency|baselineValue|baselineDate|targetValue|targetDate|toleranceKind|toleranceValue|valuePerUnitCents|status|businessChange|beneficiaries|attributionNote|projectIds|objectives|profile|profile\.start|profile\.end|profile\.stepAt|profile\.kind|profile\.points)$/.test(
      path,
    ) ||
    /^projectIds\.\d+$/.test(path) ||
    /^objectives\.\d+\.(objectiveId|weight)$/.test(path) ||
    /^profile\.points\.\d+\.(period|planned)$/.test(path)
  );
}
