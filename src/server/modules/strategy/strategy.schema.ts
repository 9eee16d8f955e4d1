import { z } from "zod";

/** Request and response schemas of the strategy module (objectives, goals, criteria, AHP, scoring). */

const text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);
const requiredText = (max: number) => text(max).min(1, "is required");
export const IdSchema = z.uuid({ message: "must be a valid id (UUID)" });
const PeriodSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "must be a month YYYY-MM");
const DateSchema = z.iso.date({ message: "must be a date YYYY-MM-DD" });
const Version = z.number().int().min(1);
const Key = z
  .string()
  .trim()
  .min(1, "is required")
  .max(40)
  .regex(/^[a-z0-9][a-z0-9_-]*$/, "use lowercase letters, digits, - and _");

export const OBJECTIVE_KINDS = ["organizational", "pmo"] as const;
export const OBJECTIVE_STATUSES = ["draft", "active", "achieved", "retired"] as const;
export const GOAL_LEVELS = ["organizational", "project", "pmo"] as const;
export const GOAL_DIRECTIONS = ["increase", "decrease", "maintain"] as const;
export const GOAL_STATUSES = ["active", "finished", "cancelled"] as const;
export const CRITERION_SOURCES = ["scale", "alignment", "npv"] as const;

// ---------- objectives ----------
export const ObjectiveSchema = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  kind: z.enum(OBJECTIVE_KINDS),
  code: z.string(),
  title: z.string(),
  description: z.string(),
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable(),
  horizonStart: z.string(),
  horizonEnd: z.string(),
  status: z.enum(OBJECTIVE_STATUSES),
  weight: z.number(),
  /** The weight's share among active objectives (weights need not sum to 1). */
  normalizedWeight: z.number(),
  sortOrder: z.number(),
  goalCount: z.number(),
  projectCount: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});
export type Objective = z.infer<typeof ObjectiveSchema>;

const objectiveFields = {
  parentId: IdSchema.nullable(),
  kind: z.enum(OBJECTIVE_KINDS),
  code: z
    .string()
    .trim()
    .min(1, "is required")
    .max(20)
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, "use letters, digits, '.', '-' and '_'"),
  title: requiredText(200),
  description: text(5000),
  ownerId: IdSchema.nullable(),
  horizonStart: PeriodSchema,
  horizonEnd: PeriodSchema,
  status: z.enum(OBJECTIVE_STATUSES),
  weight: z.number().min(0, "must be zero or more").max(1000),
  sortOrder: z.number().int().min(0).max(10_000),
};
export const CreateObjectiveSchema = z.strictObject({
  ...objectiveFields,
  parentId: objectiveFields.parentId.default(null),
  kind: objectiveFields.kind.default("organizational"),
  description: objectiveFields.description.default(""),
  ownerId: objectiveFields.ownerId.default(null),
  status: objectiveFields.status.default("active"),
  weight: objectiveFields.weight.default(1),
  sortOrder: objectiveFields.sortOrder.default(0),
});
export type CreateObjectiveInput = z.infer<typeof CreateObjectiveSchema>;
export const UpdateObjectiveSchema = z.strictObject({
  version: Version,
  ...Object.fromEntries(Object.entries(objectiveFields).map(([k, v]) => [k, v.optional()])),
} as { version: typeof Version } & { [K in keyof typeof objectiveFields]: z.ZodOptional<(typeof objectiveFields)[K]> });
export type UpdateObjectiveInput = z.infer<typeof UpdateObjectiveSchema>;

// ---------- goals ----------
export const MilestoneSchema = z.strictObject({ date: DateSchema, value: z.number() });
const goalFields = {
  level: z.enum(GOAL_LEVELS),
  objectiveId: IdSchema.nullable(),
  projectId: IdSchema.nullable(),
  title: requiredText(200),
  description: text(5000),
  scope: text(500),
  metricName: text(200),
  unit: text(40),
  direction: z.enum(GOAL_DIRECTIONS),
  baselineValue: z.number().nullable(),
  baselineDate: DateSchema.nullable(),
  targetValue: z.number().nullable(),
  targetDate: DateSchema.nullable(),
  tolerance: z.number().min(0).nullable(),
  milestones: z.array(MilestoneSchema).max(60),
  ownerId: IdSchema.nullable(),
  status: z.enum(GOAL_STATUSES),
  dataSourceBenefitId: IdSchema.nullable().describe(
    "A benefit whose measurements are this goal's values: the goal follows them, and takes no check-ins of its own",
  ),
};
export const CreateGoalSchema = z.strictObject({
  ...goalFields,
  level: goalFields.level.default("organizational"),
  objectiveId: goalFields.objectiveId.default(null),
  projectId: goalFields.projectId.default(null),
  description: goalFields.description.default(""),
  scope: goalFields.scope.default(""),
  metricName: goalFields.metricName.default(""),
  unit: goalFields.unit.default(""),
  direction: goalFields.direction.default("increase"),
  baselineValue: goalFields.baselineValue.default(null),
  baselineDate: goalFields.baselineDate.default(null),
  targetValue: goalFields.targetValue.default(null),
  targetDate: goalFields.targetDate.default(null),
  tolerance: goalFields.tolerance.default(null),
  milestones: goalFields.milestones.default([]),
  ownerId: goalFields.ownerId.default(null),
  status: goalFields.status.default("active"),
  dataSourceBenefitId: goalFields.dataSourceBenefitId.default(null),
});
export type CreateGoalInput = z.infer<typeof CreateGoalSchema>;
export const UpdateGoalSchema = z.strictObject({
  version: Version,
  ...Object.fromEntries(Object.entries(goalFields).map(([k, v]) => [k, v.optional()])),
} as { version: typeof Version } & { [K in keyof typeof goalFields]: z.ZodOptional<(typeof goalFields)[K]> });
export type UpdateGoalInput = z.infer<typeof UpdateGoalSchema>;

export const VerdictSchema = z.enum(["pass", "warn", "fail"]);
export const SmartLetterSchema = z.object({
  verdict: VerdictSchema,
  reasons: z.array(z.string()),
  suggestion: z.string().nullable(),
});
export const SmartSchema = z.object({
  overall: VerdictSchema,
  S: SmartLetterSchema,
  M: SmartLetterSchema,
  A: SmartLetterSchema,
  R: SmartLetterSchema,
  T: SmartLetterSchema,
});

export const GoalTrackingSchema = z.object({
  current: z.number().nullable(),
  currentDate: z.string().nullable(),
  progressPct: z.number().nullable(),
  expectedPct: z.number().nullable(),
  status: z.string(),
  onTrack: z.boolean().nullable(),
});

export const GoalSchema = z.object({
  id: z.string(),
  level: z.enum(GOAL_LEVELS),
  objectiveId: z.string().nullable(),
  objectiveTitle: z.string().nullable(),
  projectId: z.string().nullable(),
  projectCode: z.string().nullable(),
  title: z.string(),
  description: z.string(),
  scope: z.string(),
  metricName: z.string(),
  unit: z.string(),
  direction: z.enum(GOAL_DIRECTIONS),
  baselineValue: z.number().nullable(),
  baselineDate: z.string().nullable(),
  targetValue: z.number().nullable(),
  targetDate: z.string().nullable(),
  tolerance: z.number().nullable(),
  milestones: z.array(z.object({ date: z.string(), value: z.number() })),
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable(),
  status: z.enum(GOAL_STATUSES),
  dataSource: z
    .object({ benefitId: z.string(), code: z.string(), title: z.string() })
    .nullable()
    .describe("The benefit the goal's values come from"),
  smart: SmartSchema,
  tracking: GoalTrackingSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});
export type Goal = z.infer<typeof GoalSchema>;

export const CheckInSchema = z.object({
  id: z.string(),
  goalId: z.string(),
  date: z.string(),
  value: z.number(),
  note: z.string(),
  recordedBy: z.string().nullable(),
  recordedByName: z.string().nullable(),
  createdAt: z.string(),
});
export type CheckIn = z.infer<typeof CheckInSchema>;
export const CreateCheckInSchema = z.strictObject({
  date: DateSchema,
  value: z.number(),
  note: text(2000).default(""),
});
export type CreateCheckInInput = z.infer<typeof CreateCheckInSchema>;

export const ListGoalsQuerySchema = z.strictObject({
  level: z.enum(GOAL_LEVELS).optional(),
  objectiveId: IdSchema.optional(),
  projectId: IdSchema.optional(),
  status: z.enum(GOAL_STATUSES).optional(),
});

// ---------- criteria ----------
export const LevelSchema = z.strictObject({
  value: z.number(),
  label: requiredText(60),
  description: text(500).default(""),
});
export const CriterionSchema = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  key: z.string(),
  name: z.string(),
  description: z.string(),
  source: z.enum(CRITERION_SOURCES),
  scaleMin: z.number(),
  scaleMax: z.number(),
  higherIsBetter: z.boolean(),
  levels: z.array(z.object({ value: z.number(), label: z.string(), description: z.string() })),
  sortOrder: z.number(),
  archivedAt: z.string().nullable(),
  version: z.number(),
});
export type Criterion = z.infer<typeof CriterionSchema>;
const criterionFields = {
  parentId: IdSchema.nullable(),
  key: Key,
  name: requiredText(120),
  description: text(2000),
  source: z.enum(CRITERION_SOURCES),
  scaleMin: z.number().min(-1e6).max(1e6),
  scaleMax: z.number().min(-1e6).max(1e6),
  higherIsBetter: z.boolean(),
  levels: z.array(LevelSchema).max(20),
  sortOrder: z.number().int().min(0).max(10_000),
};
export const CreateCriterionSchema = z.strictObject({
  ...criterionFields,
  parentId: criterionFields.parentId.default(null),
  description: criterionFields.description.default(""),
  source: criterionFields.source.default("scale"),
  scaleMin: criterionFields.scaleMin.default(0),
  scaleMax: criterionFields.scaleMax.default(5),
  higherIsBetter: criterionFields.higherIsBetter.default(true),
  levels: criterionFields.levels.default([]),
  sortOrder: criterionFields.sortOrder.default(0),
});
export type CreateCriterionInput = z.infer<typeof CreateCriterionSchema>;
export const UpdateCriterionSchema = z.strictObject({
  version: Version,
  ...Object.fromEntries(Object.entries(criterionFields).map(([k, v]) => [k, v.optional()])),
  archived: z.boolean().optional(),
} as { version: typeof Version; archived: z.ZodOptional<z.ZodBoolean> } & {
  [K in keyof typeof criterionFields]: z.ZodOptional<(typeof criterionFields)[K]>;
});
export type UpdateCriterionInput = z.infer<typeof UpdateCriterionSchema>;

// ---------- AHP ----------
export const MatrixSchema = z.array(z.array(z.number()));
export const EvaluateAhpSchema = z.strictObject({
  matrix: MatrixSchema,
  randomIndex: z.string().max(40).optional(),
});
export const AggregateAhpSchema = z.strictObject({
  matrices: z.array(MatrixSchema).min(1).max(100),
  weights: z.array(z.number().positive()).optional(),
  randomIndex: z.string().max(40).optional(),
});
export const InconsistentJudgmentSchema = z.object({
  i: z.number(),
  j: z.number(),
  given: z.number(),
  suggested: z.number(),
  suggestedSaaty: z.number().optional(),
  error: z.number().optional(),
});
export const AhpEvaluationSchema = z.object({
  weights: z.array(z.number()),
  lambdaMax: z.number(),
  ci: z.number(),
  cr: z.number(),
  randomIndex: z.number(),
  randomIndexVariant: z.string(),
  consistent: z.boolean(),
  threshold: z.number(),
  inconsistentJudgments: z.array(InconsistentJudgmentSchema),
});
export type AhpEvaluation = z.infer<typeof AhpEvaluationSchema>;
export const AhpAggregateResultSchema = AhpEvaluationSchema.extend({ matrix: MatrixSchema });

export const JudgmentSchema = z.strictObject({
  a: IdSchema,
  b: IdSchema,
  /** How many times more important a is than b, on Saaty's scale (1..9 or 1/9..1). */
  value: z
    .number()
    .positive()
    .min(1 / 9 - 1e-9)
    .max(9),
});
export type Judgment = z.infer<typeof JudgmentSchema>;

export const CreateAhpSessionSchema = z.strictObject({
  name: requiredText(120),
  description: text(2000).default(""),
  businessUnit: text(120).default(""),
  parentCriterionId: IdSchema.nullable().default(null),
  participantIds: z.array(IdSchema).min(1, "invite at least one person").max(50),
});
export type CreateAhpSessionInput = z.infer<typeof CreateAhpSessionSchema>;

export const SaveJudgmentsSchema = z.strictObject({
  judgments: z.array(JudgmentSchema).max(120),
  submit: z.boolean().default(false),
});
export type SaveJudgmentsInput = z.infer<typeof SaveJudgmentsSchema>;

export const ParticipantSchema = z.object({
  userId: z.string(),
  name: z.string(),
  submittedAt: z.string().nullable(),
  consistencyRatio: z.number().nullable(),
  judgmentCount: z.number(),
});

export const AhpSessionSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  businessUnit: z.string(),
  parentCriterionId: z.string().nullable(),
  criteria: z.array(z.object({ id: z.string(), key: z.string(), name: z.string() })),
  status: z.enum(["open", "closed"]),
  randomIndexVariant: z.string(),
  participants: z.array(ParticipantSchema),
  /** The caller's own judgments and their evaluation, when the caller is invited. */
  mine: z
    .object({
      judgments: z.array(z.object({ a: z.string(), b: z.string(), value: z.number() })),
      evaluation: AhpEvaluationSchema.nullable(),
      missing: z.number(),
      submittedAt: z.string().nullable(),
    })
    .nullable(),
  /** Group result from the submitted judgments (geometric mean), once anyone has submitted. */
  group: AhpAggregateResultSchema.extend({ submitted: z.number() }).nullable(),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
  version: z.number(),
});
export type AhpSession = z.infer<typeof AhpSessionSchema>;

// ---------- scoring model, scores, ranking ----------
export const ModelWeightSchema = z.object({
  criterionId: z.string(),
  key: z.string(),
  name: z.string(),
  parentId: z.string().nullable(),
  localWeight: z.number(),
  globalWeight: z.number(),
});
export const ScoringModelSchema = z.object({
  id: z.string(),
  version: z.number(),
  sessionId: z.string().nullable(),
  weights: z.array(ModelWeightSchema),
  note: z.string(),
  publishedBy: z.string().nullable(),
  publishedAt: z.string(),
  active: z.boolean(),
});
export type ScoringModel = z.infer<typeof ScoringModelSchema>;
export const PublishModelSchema = z.strictObject({
  /** One closed-or-open session per level of the hierarchy: the root's and, optionally, one per parent criterion. */
  sessionIds: z.array(IdSchema).min(1).max(20),
  note: text(500).default(""),
});

export const ProjectScoreInputSchema = z.strictObject({
  criterionId: IdSchema,
  value: z.number(),
  rationale: text(2000).default(""),
});
export const SaveScoresSchema = z.strictObject({ scores: z.array(ProjectScoreInputSchema).max(100) });
export const ObjectiveLinkSchema = z.strictObject({ objectiveId: IdSchema, strength: z.number().int().min(0).max(3) });
export const SaveObjectiveLinksSchema = z.strictObject({ links: z.array(ObjectiveLinkSchema).max(100) });

export const ProjectStrategySchema = z.object({
  projectId: z.string(),
  scores: z.array(
    z.object({ criterionId: z.string(), value: z.number(), rationale: z.string(), scoredAt: z.string() }),
  ),
  links: z.array(z.object({ objectiveId: z.string(), code: z.string(), title: z.string(), strength: z.number() })),
  priority: z
    .object({ modelVersion: z.number(), score: z.number(), rank: z.number().nullable() })
    .nullable()
    .describe("The project's priority under the active model, computed live as in the ranking"),
  history: z.array(z.object({ modelVersion: z.number(), score: z.number(), computedAt: z.string() })),
});

export const RankingRowSchema = z.object({
  projectId: z.string(),
  code: z.string(),
  name: z.string(),
  status: z.string(),
  category: z.string(),
  budgetTotalCents: z.number(),
  score: z.number(),
  rank: z.number(),
  breakdown: z.array(
    z.object({
      criterionId: z.string(),
      key: z.string(),
      weight: z.number(),
      normalized: z.number(),
      contribution: z.number(),
    }),
  ),
  missing: z.array(z.string()),
});
export const RankingSchema = z.object({
  model: ScoringModelSchema.nullable(),
  rows: z.array(RankingRowSchema),
});
export type Ranking = z.infer<typeof RankingSchema>;
export const SensitivitySchema = z.object({
  delta: z.number(),
  criteria: z.array(
    z.object({
      criterionId: z.string(),
      key: z.string(),
      name: z.string(),
      up: z.array(z.object({ projectId: z.string(), rank: z.number(), change: z.number() })),
      down: z.array(z.object({ projectId: z.string(), rank: z.number(), change: z.number() })),
    }),
  ),
});
export const StrategySpendSchema = z.object({
  objectives: z.array(
    z.object({
      objectiveId: z.string(),
      code: z.string(),
      title: z.string(),
      weightShare: z.number(),
      spendCents: z.number(),
      spendShare: z.number(),
      mismatch: z.number(),
      flagged: z.boolean(),
    }),
  ),
  unlinkedSpendCents: z.number(),
  totalSpendCents: z.number(),
});
