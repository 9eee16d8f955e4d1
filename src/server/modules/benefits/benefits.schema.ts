import { z } from "zod";

/**
 * Request and response schemas of the benefits module: they type the code, validate requests and
 * generate OpenAPI. Values of a benefit's measure are plain numbers in the measure's unit; money
 * fields are integer cents; months are `YYYY-MM`; dates `YYYY-MM-DD`.
 */

const text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);
const requiredText = (max: number) => text(max).min(1, "is required");
export const IdSchema = z.uuid({ message: "must be a valid id (UUID)" });
export const VersionSchema = z.number().int().min(1);
export const IdParamsSchema = z.object({ id: IdSchema });
export const PeriodSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "must be a month YYYY-MM");
export const DateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD")
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, "is not a calendar date");
const Value = z.number().min(-1e15).max(1e15);
const Limit = z.coerce.number().int().min(1).max(500).default(50);
const Cursor = z.string().max(500).optional();
const csvList = <T extends z.ZodType<string, string>>(item: T) =>
  z
    .union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v : v.split(",")).map((s) => s.trim()).filter((s) => s.length > 0))
    .pipe(z.array(item));

export const BENEFIT_TYPES = ["cash_releasing", "non_cash_releasing", "quantifiable", "qualitative"] as const;
export const DIRECTIONS = ["increase", "decrease"] as const;
export const FREQUENCIES = ["monthly", "quarterly", "semiannual", "annual"] as const;
export const TOLERANCE_KINDS = ["percent", "absolute"] as const;
export const BENEFIT_STATUSES = [
  "identified",
  "planned",
  "realizing",
  "realized",
  "not_realized",
  "cancelled",
] as const;
export const TRACKING_STATUSES = [
  "not_started",
  "on_track",
  "at_risk",
  "off_track",
  "realized",
  "not_realized",
] as const;
export const PROFILE_KINDS = ["manual", "linear", "s_curve", "step"] as const;

export const BenefitTypeSchema = z.enum(BENEFIT_TYPES);
export const TrackingStatusSchema = z.enum(TRACKING_STATUSES);

export const ProfilePointSchema = z.strictObject({ period: PeriodSchema, planned: Value });
/** A realization profile: entered month by month, or generated from the baseline to the target. */
export const ProfileInputSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("manual"), points: z.array(ProfilePointSchema).max(600) }),
  z.strictObject({
    kind: z.enum(["linear", "s_curve", "step"]),
    start: PeriodSchema.describe("First month of the profile (the baseline value)"),
    end: PeriodSchema.describe("Last month (the target value); defaults to the target date's month").optional(),
    stepAt: PeriodSchema.optional().describe("For a step profile: the month the target is reached"),
  }),
]);
export type ProfileInput = z.infer<typeof ProfileInputSchema>;

export const ObjectiveLinkSchema = z.strictObject({
  objectiveId: IdSchema,
  weight: z.number().gt(0, "must be above 0").max(1, "must be at most 1").describe("Contribution weight, 0 < w ≤ 1"),
});

const benefitFields = {
  code: z
    .string()
    .trim()
    .min(1, "is required")
    .max(20, "must be at most 20 characters")
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, "use letters, digits, '.', '-' and '_'"),
  title: requiredText(200),
  description: text(10_000),
  type: BenefitTypeSchema,
  category: z.string().trim().min(1, "is required").max(40),
  isDisbenefit: z.boolean(),
  responsibleOwnerId: IdSchema.nullable(),
  accountableOwnerId: IdSchema.nullable(),
  kpiName: text(200),
  unit: text(40),
  direction: z.enum(DIRECTIONS),
  method: text(2000),
  dataSource: text(500),
  frequency: z.enum(FREQUENCIES),
  baselineValue: Value.nullable(),
  baselineDate: DateSchema.nullable(),
  targetValue: Value.nullable(),
  targetDate: DateSchema.nullable(),
  toleranceKind: z.enum(TOLERANCE_KINDS),
  toleranceValue: z.number().min(0).max(1e15),
  valuePerUnitCents: z
    .number()
    .int()
    .min(0)
    .max(1e14)
    .nullable()
    .describe("Money per unit of the measure (cash-releasing benefits), for business cases and value at risk"),
  status: z.enum(BENEFIT_STATUSES),
  businessChange: text(2000).describe("The business change that must happen for the benefit to be realized"),
  beneficiaries: text(500).describe("Who gains: the stakeholder group, e.g. 'claims clerks and customers'"),
  attributionNote: text(2000).describe("What else could move the KPI, and how this benefit's share is told apart"),
  projectIds: z.array(IdSchema).max(100),
  objectives: z.array(ObjectiveLinkSchema).max(100),
  profile: ProfileInputSchema.nullable(),
};

export const CreateBenefitSchema = z.strictObject({
  ...benefitFields,
  description: benefitFields.description.default(""),
  isDisbenefit: benefitFields.isDisbenefit.default(false),
  responsibleOwnerId: benefitFields.responsibleOwnerId.default(null),
  accountableOwnerId: benefitFields.accountableOwnerId.default(null),
  kpiName: benefitFields.kpiName.default(""),
  unit: benefitFields.unit.default(""),
  direction: benefitFields.direction.default("increase"),
  method: benefitFields.method.default(""),
  dataSource: benefitFields.dataSource.default(""),
  frequency: benefitFields.frequency.default("monthly"),
  baselineValue: benefitFields.baselineValue.default(null),
  baselineDate: benefitFields.baselineDate.default(null),
  targetValue: benefitFields.targetValue.default(null),
  targetDate: benefitFields.targetDate.default(null),
  toleranceKind: benefitFields.toleranceKind.default("percent"),
  toleranceValue: benefitFields.toleranceValue.default(10),
  valuePerUnitCents: benefitFields.valuePerUnitCents.default(null),
  status: benefitFields.status.default("identified"),
  businessChange: benefitFields.businessChange.default(""),
  beneficiaries: benefitFields.beneficiaries.default(""),
  attributionNote: benefitFields.attributionNote.default(""),
  projectIds: benefitFields.projectIds.default([]),
  objectives: benefitFields.objectives.default([]),
  profile: benefitFields.profile.default(null),
});
export type CreateBenefitInput = z.infer<typeof CreateBenefitSchema>;

export const UpdateBenefitSchema = z.strictObject({
  version: VersionSchema,
  ...Object.fromEntries(Object.entries(benefitFields).map(([k, v]) => [k, v.optional()])),
} as { version: typeof VersionSchema } & {
  [K in keyof typeof benefitFields]: z.ZodOptional<(typeof benefitFields)[K]>;
});
export type UpdateBenefitInput = z.infer<typeof UpdateBenefitSchema>;

/** A draft benefit to check live (DOAM) and to preview its generated profile, before saving. */
export const AssessBenefitSchema = CreateBenefitSchema.partial().extend({ code: z.string().max(20).optional() });
export type AssessBenefitInput = z.infer<typeof AssessBenefitSchema>;

export const DoamTestSchema = z.object({
  test: z.enum(["described", "observable", "attributable", "measurable"]),
  pass: z.boolean(),
  reasons: z.array(z.string()),
});
export const DoamSchema = z.object({ pass: z.boolean(), tests: z.array(DoamTestSchema) });

export const PersonRefSchema = z.object({ id: z.string(), name: z.string() }).nullable();

export const BenefitSummarySchema = z.object({
  id: z.string(),
  code: z.string(),
  title: z.string(),
  type: BenefitTypeSchema,
  category: z.string(),
  isDisbenefit: z.boolean(),
  status: z.enum(BENEFIT_STATUSES),
  responsibleOwner: PersonRefSchema,
  accountableOwner: PersonRefSchema,
  operationalOwner: PersonRefSchema,
  kpiName: z.string(),
  unit: z.string(),
  direction: z.enum(DIRECTIONS),
  frequency: z.enum(FREQUENCIES),
  baselineValue: z.number().nullable(),
  targetValue: z.number().nullable(),
  targetDate: z.string().nullable(),
  latestActual: z.object({ period: z.string(), value: z.number() }).nullable(),
  realizationPct: z.number().nullable(),
  trackingStatus: TrackingStatusSchema,
  measurementOverdue: z.boolean(),
  projects: z.array(z.object({ id: z.string(), code: z.string(), name: z.string(), status: z.string() })),
  objectives: z.array(z.object({ id: z.string(), code: z.string(), title: z.string(), weight: z.number() })),
  archivedAt: z.string().nullable(),
  updatedAt: z.string(),
  version: z.number(),
});
export type BenefitSummary = z.infer<typeof BenefitSummarySchema>;

export const BenefitSchema = BenefitSummarySchema.extend({
  description: z.string(),
  method: z.string(),
  dataSource: z.string(),
  baselineDate: z.string().nullable(),
  toleranceKind: z.enum(TOLERANCE_KINDS),
  toleranceValue: z.number(),
  valuePerUnitCents: z.number().nullable(),
  businessChange: z.string(),
  beneficiaries: z.string(),
  attributionNote: z.string(),
  profile: z.array(z.object({ period: z.string(), planned: z.number() })),
  doam: DoamSchema,
  handovers: z.array(
    z.object({
      id: z.string(),
      projectId: z.string().nullable(),
      from: PersonRefSchema,
      to: PersonRefSchema,
      handedOverOn: z.string(),
      remaining: z.string(),
      remainingValue: z.number().nullable(),
      createdAt: z.string(),
    }),
  ),
  createdAt: z.string(),
  permissions: z.object({ edit: z.boolean(), measure: z.boolean() }),
});
export type Benefit = z.infer<typeof BenefitSchema>;

export const ListBenefitsQuerySchema = z.strictObject({
  q: z.string().trim().max(200).optional().describe("Words in the code, title or KPI"),
  status: csvList(z.enum(BENEFIT_STATUSES)).optional(),
  trackingStatus: csvList(TrackingStatusSchema).optional(),
  type: csvList(BenefitTypeSchema).optional(),
  category: z.string().max(40).optional(),
  ownerId: IdSchema.optional().describe("Responsible, accountable or operational owner"),
  projectId: IdSchema.optional(),
  objectiveId: IdSchema.optional(),
  portfolioId: IdSchema.optional(),
  archived: z.enum(["exclude", "include", "only"]).default("exclude"),
  limit: Limit,
  cursor: Cursor,
});
export type ListBenefitsQuery = z.infer<typeof ListBenefitsQuerySchema>;
export const BenefitPageSchema = z.object({ items: z.array(BenefitSummarySchema), nextCursor: z.string().nullable() });

export const ArchiveBenefitSchema = z.strictObject({ version: VersionSchema, archived: z.boolean() });

export const CategorySchema = z.object({ key: z.string(), name: z.string(), sortOrder: z.number() });
export const CreateCategorySchema = z.strictObject({
  key: z
    .string()
    .trim()
    .min(1, "is required")
    .max(40)
    .regex(/^[a-z0-9][a-z0-9_-]*$/, "use lowercase letters, digits, - and _"),
  name: requiredText(100),
});

// ---------- measurements ----------
export const MeasurementSchema = z.object({
  id: z.string(),
  benefitId: z.string(),
  period: z.string(),
  measuredOn: z.string(),
  value: z.number(),
  evidence: z.string(),
  source: z.string(),
  recordedBy: PersonRefSchema,
  recordedVia: z.enum(["manual", "import", "token"]),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});
export type Measurement = z.infer<typeof MeasurementSchema>;
export const CreateMeasurementSchema = z.strictObject({
  period: PeriodSchema.describe("The month the value describes"),
  measuredOn: DateSchema.optional().describe("When it was measured; defaults to today"),
  value: Value,
  evidence: text(5000).default(""),
  source: text(500).default(""),
});
export type CreateMeasurementInput = z.infer<typeof CreateMeasurementSchema>;
export const UpdateMeasurementSchema = z.strictObject({
  version: VersionSchema,
  measuredOn: DateSchema.optional(),
  value: Value.optional(),
  evidence: text(5000).optional(),
  source: text(500).optional(),
});
export type UpdateMeasurementInput = z.infer<typeof UpdateMeasurementSchema>;
export const DeleteMeasurementQuerySchema = z.strictObject({ version: z.coerce.number().int().min(1) });
export const MeasurementListSchema = z.object({ items: z.array(MeasurementSchema) });

export const ImportMeasurementsQuerySchema = z.strictObject({
  dryRun: z
    .enum(["true", "false"])
    .default("false")
    .transform((v) => v === "true"),
  format: z.enum(["csv", "xlsx"]).optional(),
  onDuplicate: z
    .enum(["reject", "update"])
    .default("reject")
    .describe("A row for a period that already has a measurement: reject the file, or update the value"),
});
export const ImportRowProblemSchema = z.object({ line: z.number(), field: z.string(), message: z.string() });
export const ImportReportSchema = z.object({
  dryRun: z.boolean(),
  rows: z.number(),
  created: z.number(),
  updated: z.number(),
  problems: z.array(ImportRowProblemSchema),
});

// ---------- tracking ----------
export const TrackingSchema = z.object({
  benefitId: z.string(),
  periods: z.array(
    z.object({
      period: z.string(),
      planned: z.number().nullable(),
      actual: z.number().nullable(),
      cumulativePlanned: z.number().nullable(),
      cumulativeActual: z.number().nullable(),
      variance: z.number().nullable(),
      low: z.number().nullable().describe("Tolerance band around the plan"),
      high: z.number().nullable(),
    }),
  ),
  realizationPct: z.number().nullable(),
  status: TrackingStatusSchema,
  forecast: z
    .object({
      value: z.number(),
      low: z.number(),
      high: z.number(),
      probabilityOfTarget: z.number(),
      method: z.string(),
      atPeriod: z.string(),
      points: z.array(z.object({ period: z.string(), value: z.number(), low: z.number(), high: z.number() })),
    })
    .nullable(),
  earlyWarning: z.boolean(),
  overdue: z.boolean(),
  nextDue: z.string().nullable(),
  warnings: z.array(z.string()),
  recommendations: z.array(
    z.object({
      rule: z.string(),
      severity: z.enum(["info", "warning", "critical"]),
      reason: z.string(),
      suggestedAction: z.string(),
      openActionId: z.string().nullable().describe("A corrective action already raised for this rule"),
    }),
  ),
  risk: z.object({ exposure: z.number(), expectedRealizationPct: z.number().nullable() }),
});
export type Tracking = z.infer<typeof TrackingSchema>;

// ---------- risks ----------
export const RISK_STATUSES = ["open", "closed"] as const;
export const RiskSchema = z.object({
  id: z.string(),
  benefitId: z.string(),
  title: z.string(),
  description: z.string(),
  probability: z.number(),
  impactPct: z.number(),
  exposurePct: z.number(),
  proximity: z.string().nullable(),
  owner: PersonRefSchema,
  response: z.string(),
  status: z.enum(RISK_STATUSES),
  updatedAt: z.string(),
  version: z.number(),
});
export type Risk = z.infer<typeof RiskSchema>;
export const CreateRiskSchema = z.strictObject({
  title: requiredText(200),
  description: text(5000).default(""),
  probability: z.number().min(0).max(1).describe("0..1"),
  impactPct: z.number().min(0).max(100).describe("Share of the planned benefit lost if the risk occurs, %"),
  proximity: DateSchema.nullable().default(null),
  ownerId: IdSchema.nullable().default(null),
  response: text(5000).default(""),
  status: z.enum(RISK_STATUSES).default("open"),
});
export const UpdateRiskSchema = z.strictObject({
  version: VersionSchema,
  title: requiredText(200).optional(),
  description: text(5000).optional(),
  probability: z.number().min(0).max(1).optional(),
  impactPct: z.number().min(0).max(100).optional(),
  proximity: DateSchema.nullable().optional(),
  ownerId: IdSchema.nullable().optional(),
  response: text(5000).optional(),
  status: z.enum(RISK_STATUSES).optional(),
});
export const RiskListSchema = z.object({ items: z.array(RiskSchema) });

// ---------- recommendations and corrective actions ----------
export const RecommendationSchema = z.object({
  benefitId: z.string(),
  benefitCode: z.string(),
  benefitTitle: z.string(),
  rule: z.string(),
  severity: z.enum(["info", "warning", "critical"]),
  reason: z.string(),
  suggestedAction: z.string(),
  openActionId: z.string().nullable().describe("A corrective action already raised for this rule"),
});
export const RecommendationListSchema = z.object({ items: z.array(RecommendationSchema) });
export const ListRecommendationsQuerySchema = z.strictObject({
  severity: csvList(z.enum(["info", "warning", "critical"])).optional(),
  benefitId: IdSchema.optional(),
  portfolioId: IdSchema.optional(),
});

export const ACTION_STATUSES = ["open", "in_progress", "done", "cancelled"] as const;
export const CorrectiveActionSchema = z.object({
  id: z.string(),
  benefitId: z.string(),
  benefitCode: z.string(),
  benefitTitle: z.string(),
  rule: z.string().nullable(),
  title: z.string(),
  description: z.string(),
  owner: PersonRefSchema,
  dueDate: z.string(),
  status: z.enum(ACTION_STATUSES),
  expectedEffect: z.string(),
  overdue: z.boolean(),
  /** After the due date: the trend of the actuals before the action and since it was raised. */
  effect: z
    .object({
      slopeBefore: z.number().nullable(),
      slopeAfter: z.number().nullable(),
      improved: z.boolean().nullable(),
      summary: z.string(),
    })
    .nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  closedAt: z.string().nullable(),
  version: z.number(),
});
export type CorrectiveAction = z.infer<typeof CorrectiveActionSchema>;
export const CreateCorrectiveActionSchema = z.strictObject({
  benefitId: IdSchema,
  rule: z.string().max(60).nullable().default(null),
  title: requiredText(200),
  description: text(5000).default(""),
  ownerId: IdSchema.nullable().default(null),
  dueDate: DateSchema,
  expectedEffect: text(2000).default(""),
});
export const UpdateCorrectiveActionSchema = z.strictObject({
  version: VersionSchema,
  title: requiredText(200).optional(),
  description: text(5000).optional(),
  ownerId: IdSchema.nullable().optional(),
  dueDate: DateSchema.optional(),
  status: z.enum(ACTION_STATUSES).optional(),
  expectedEffect: text(2000).optional(),
});
export const ListCorrectiveActionsQuerySchema = z.strictObject({
  status: csvList(z.enum(ACTION_STATUSES)).optional(),
  benefitId: IdSchema.optional(),
  ownerId: IdSchema.optional(),
});
export const CorrectiveActionListSchema = z.object({ items: z.array(CorrectiveActionSchema) });

// ---------- hand-over and post-implementation reviews ----------
export const HandoverSchema = z.strictObject({
  toUserId: IdSchema.describe("The operational owner who takes the benefit over"),
  projectId: IdSchema.nullable().default(null),
  handedOverOn: DateSchema.optional(),
  remaining: text(5000).default("").describe("What remains to be realized, in words"),
  remainingValue: Value.nullable().default(null),
});

export const PIR_STATUSES = ["scheduled", "completed", "signed_off"] as const;
export const PirItemSchema = z.object({
  benefitId: z.string(),
  benefitCode: z.string(),
  benefitTitle: z.string(),
  unit: z.string(),
  planned: z.number().nullable(),
  actual: z.number().nullable(),
  realizationPct: z.number().nullable(),
  trackingStatus: TrackingStatusSchema,
  comment: z.string(),
});
export const PirSchema = z.object({
  id: z.string(),
  projectId: z.string(),
  projectCode: z.string(),
  projectName: z.string(),
  offsetMonths: z.number(),
  dueDate: z.string(),
  status: z.enum(PIR_STATUSES),
  overdue: z.boolean(),
  rating: z.number().nullable(),
  summary: z.string(),
  lessons: z.string(),
  recommendations: z.string(),
  items: z.array(PirItemSchema),
  completedAt: z.string().nullable(),
  completedBy: PersonRefSchema,
  signedOffBy: PersonRefSchema,
  signedOffAt: z.string().nullable(),
  sponsor: PersonRefSchema,
  version: z.number(),
  permissions: z.object({ edit: z.boolean(), signOff: z.boolean() }),
});
export type Pir = z.infer<typeof PirSchema>;
export const UpdatePirSchema = z.strictObject({
  version: VersionSchema,
  rating: z.number().int().min(1).max(5).nullable().optional(),
  summary: text(10_000).optional(),
  lessons: text(10_000).optional(),
  recommendations: text(10_000).optional(),
  items: z
    .array(
      z.strictObject({
        benefitId: IdSchema,
        actual: Value.nullable().optional(),
        comment: text(2000).optional(),
      }),
    )
    .max(200)
    .optional(),
  complete: z.boolean().optional().describe("Mark the review completed (needs a rating)"),
});
export const SignOffPirSchema = z.strictObject({ version: VersionSchema });
export const ListPirsQuerySchema = z.strictObject({
  status: csvList(z.enum(PIR_STATUSES)).optional(),
  projectId: IdSchema.optional(),
});
export const PirListSchema = z.object({ items: z.array(PirSchema.omit({ items: true, permissions: true })) });

export const BenefitSettingsSchema = z.object({ pirOffsetsMonths: z.array(z.number()) });
export const UpdateBenefitSettingsSchema = z.strictObject({
  pirOffsetsMonths: z
    .array(z.number().int().min(1).max(60))
    .min(1, "schedule at least one review")
    .max(6)
    .refine((a) => new Set(a).size === a.length, "each offset once"),
});

// ---------- benefits dependency network ----------
export const MAP_NODE_KINDS = ["objective", "benefit", "business_change", "enabler"] as const;
export const MapNodeSchema = z.object({
  id: z
    .string()
    .describe("Stored node id, or `objective:ID`, `benefit:ID`, `project:ID` for nodes derived from the register"),
  kind: z.enum(MAP_NODE_KINDS),
  refId: z.string().nullable(),
  label: z.string(),
  owner: PersonRefSchema,
  status: z.string().nullable().describe("Project status, benefit tracking status"),
  impacted: z.boolean().describe("Downstream of an enabling project that slipped, is on hold or was cancelled"),
  impactReason: z.string().nullable(),
  stored: z.boolean().describe("A node you can edit (business changes); others come from the register"),
});
export const MapEdgeSchema = z.object({ from: z.string(), to: z.string(), stored: z.boolean() });
export const BenefitMapSchema = z.object({ nodes: z.array(MapNodeSchema), edges: z.array(MapEdgeSchema) });
export const BenefitMapQuerySchema = z.strictObject({
  objectiveId: IdSchema.optional(),
  portfolioId: IdSchema.optional(),
  benefitId: IdSchema.optional(),
});
export const CreateMapNodeSchema = z.strictObject({
  label: requiredText(200),
  ownerId: IdSchema.nullable().default(null),
  /** Benefits this business change enables (edges change → benefit). */
  benefitIds: z.array(IdSchema).max(100).default([]),
  /** Enabling projects (edges project → change). */
  projectIds: z.array(IdSchema).max(100).default([]),
});
export const UpdateMapNodeSchema = z.strictObject({
  label: requiredText(200).optional(),
  ownerId: IdSchema.nullable().optional(),
  benefitIds: z.array(IdSchema).max(100).optional(),
  projectIds: z.array(IdSchema).max(100).optional(),
});

// ---------- business case ----------
export const CashFlowSchema = z.strictObject({
  year: z.number().int().min(1900).max(2200),
  costsCents: z.number().int().min(0).max(1e15),
  benefitsCents: z.number().int().min(0).max(1e15),
});
export const PutBusinessCaseSchema = z.strictObject({
  version: VersionSchema.nullable().describe("null to create; the version you read to update"),
  discountRate: z.number().gt(-1).max(10).describe("Per year, e.g. 0.08"),
  financeRate: z.number().gt(-1).max(10).nullable().default(null),
  reinvestRate: z.number().gt(-1).max(10).nullable().default(null),
  firstYear: z.number().int().min(1900).max(2200).describe("Year of cash flow t = 0"),
  flows: z.array(CashFlowSchema).max(100),
  benefitsFromProfiles: z
    .boolean()
    .default(false)
    .describe("Add the planned money value of the project's financial benefits' profiles to the inflows"),
  notes: text(10_000).default(""),
});
export const AppraisalSchema = z.object({
  npv: z.number().nullable().describe("In currency units (not cents), like the appraisal calculator"),
  irr: z.number().nullable(),
  irrKind: z.enum(["unique", "none", "multiple"]),
  mirr: z.number().nullable(),
  paybackPeriods: z.number().nullable(),
  discountedPaybackPeriods: z.number().nullable(),
  roi: z.number().nullable(),
  bcr: z.number().nullable(),
});
export const BusinessCaseSchema = z.object({
  projectId: z.string(),
  discountRate: z.number(),
  financeRate: z.number().nullable(),
  reinvestRate: z.number().nullable(),
  firstYear: z.number(),
  benefitsFromProfiles: z.boolean(),
  notes: z.string(),
  flows: z.array(z.object({ year: z.number(), costsCents: z.number(), benefitsCents: z.number() })),
  /** Net flows per year (cents) as appraised, benefits from profiles included when asked. */
  netFlowsCents: z.array(z.object({ year: z.number(), netCents: z.number(), profileBenefitsCents: z.number() })),
  planned: AppraisalSchema,
  warnings: z.array(z.string()),
  /** Planned vs realized to date: benefits realized so far (money value of actuals) against plan. */
  realizedToDate: z.object({
    plannedBenefitsCents: z.number(),
    realizedBenefitsCents: z.number(),
    asOf: z.string(),
  }),
  updatedAt: z.string(),
  version: z.number(),
});
export type BusinessCase = z.infer<typeof BusinessCaseSchema>;
export const ProjectParamsSchema = z.object({ id: IdSchema });

// ---------- roll-up ----------
export const RollupQuerySchema = z.strictObject({
  by: z.enum(["objective", "portfolio", "quarter"]).default("objective"),
  portfolioId: IdSchema.optional(),
});
export const RollupSchema = z.object({
  by: z.enum(["objective", "portfolio", "quarter"]),
  asOf: z.string(),
  rows: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      benefits: z.number(),
      plannedCents: z.number(),
      realizedCents: z.number(),
      realizationPct: z.number().nullable(),
      atRiskCents: z.number(),
    }),
  ),
  valueAtRiskCents: z.number(),
  byStatus: z.record(z.string(), z.number()),
  topDeviations: z.array(
    z.object({
      benefitId: z.string(),
      code: z.string(),
      title: z.string(),
      trackingStatus: TrackingStatusSchema,
      plannedToDate: z.number().nullable(),
      actual: z.number().nullable(),
      variance: z.number().nullable(),
      variancePct: z.number().nullable(),
      unit: z.string(),
    }),
  ),
});
export type Rollup = z.infer<typeof RollupSchema>;
