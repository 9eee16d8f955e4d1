import { z } from "zod";

/**
 * Request and response schemas of the portfolio-selection module: they type the code, validate
 * requests and generate OpenAPI. Money is in integer cents like the rest of the API; capacity is in
 * the scenario's unit (hours or FTE per month); months are `YYYY-MM`.
 */

const text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);
const requiredText = (max: number) => text(max).min(1, "is required");
export const IdSchema = z.uuid({ message: "must be a valid id (UUID)" });
export const VersionSchema = z.number().int().min(1);
export const IdParamsSchema = z.object({ id: IdSchema });
export const PeriodSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "must be a month YYYY-MM");

export const MAX_HORIZON_MONTHS = 120;
const Cents = z.number().int("must be a whole number of cents").min(0, "must not be negative").max(1e15);
const CentsSeries = z.array(Cents.nullable()).max(MAX_HORIZON_MONTHS);
const Capacity = z.number().min(0, "must not be negative").max(1e9);

export const VALUE_SOURCES = ["priority", "npv", "custom"] as const;
export const ValueSourceSchema = z
  .enum(VALUE_SOURCES)
  .describe(
    "priority: the project's priority score under the active scoring model; npv: the net present value of the project's business case (currency units); custom: the value set per candidate in the scenario",
  );
export const CAPACITY_UNITS = ["hours", "fte"] as const;
export const CANDIDATE_STATUSES = ["proposed", "approved", "active", "on_hold"] as const;

export const SolverSettingsSchema = z.strictObject({
  timeLimitSeconds: z.number().min(1).max(600).default(30),
  /** Relative optimality gap in percent at which the solver may stop. */
  gapPct: z.number().min(0).max(10).default(0.01),
  /** Compute why-not-selected, loss-if-removed, frontier and shadow prices after the solve. */
  explain: z.boolean().default(true),
});
export type SolverSettings = z.infer<typeof SolverSettingsSchema>;

export const CapacityLimitSchema = z.strictObject({
  roleKey: z.string().trim().min(1, "is required").max(40),
  /** Capacity per horizon month in the scenario's unit; null = no limit that month. */
  byMonth: z.array(Capacity.nullable()).max(MAX_HORIZON_MONTHS),
});
export const ExclusionGroupSchema = z.strictObject({
  name: requiredText(80),
  projectIds: z.array(IdSchema).min(2, "needs at least two projects").max(200),
});
export const ScenarioDependencySchema = z.strictObject({
  projectId: IdSchema.describe("B, the project that needs another"),
  requiresId: IdSchema.describe("A, the project B needs"),
  startAfterEnd: z.boolean().default(false).describe("B starts no earlier than the month after A's end"),
});
export const BalanceRuleSchema = z.strictObject({
  dimension: z.enum(["category", "objective"]),
  /** Category key, or objective id. */
  key: z.string().trim().min(1, "is required").max(60),
  minPct: z.number().min(0).max(100).nullable().default(null),
  maxPct: z.number().min(0).max(100).nullable().default(null),
});

export const ScenarioConstraintsSchema = z.strictObject({
  budgetByMonthCents: CentsSeries.default([]),
  budgetTotalCents: Cents.nullable().default(null),
  capexByMonthCents: CentsSeries.default([]),
  capexTotalCents: Cents.nullable().default(null),
  opexByMonthCents: CentsSeries.default([]),
  opexTotalCents: Cents.nullable().default(null),
  capacity: z.array(CapacityLimitSchema).max(100).default([]),
  maxProjects: z.number().int().min(0).max(100_000).nullable().default(null),
  exclusionGroups: z.array(ExclusionGroupSchema).max(200).default([]),
  /** Dependencies beyond the projects' own (which always apply). */
  dependencies: z.array(ScenarioDependencySchema).max(1000).default([]),
  balance: z.array(BalanceRuleSchema).max(100).default([]),
});
export type ScenarioConstraints = z.infer<typeof ScenarioConstraintsSchema>;

/** Per-candidate settings; a candidate without an entry takes the scenario defaults. */
export const CandidateSettingSchema = z.strictObject({
  projectId: IdSchema,
  mandatory: z.boolean().default(false),
  excluded: z.boolean().default(false),
  /** First and last allowed start month; null = the scenario default (planned start … + flex). */
  earliestStart: PeriodSchema.nullable().default(null),
  latestStart: PeriodSchema.nullable().default(null),
  /** The value to maximize when the scenario's value source is `custom`. */
  customValue: z.number().min(-1e12).max(1e12).nullable().default(null),
});
export type CandidateSetting = z.infer<typeof CandidateSettingSchema>;

const scenarioFields = {
  name: requiredText(120),
  description: text(5000),
  portfolioId: IdSchema,
  firstMonth: PeriodSchema,
  horizonMonths: z.number().int().min(1).max(MAX_HORIZON_MONTHS),
  valueSource: ValueSourceSchema,
  capacityUnit: z.enum(CAPACITY_UNITS),
  candidateStatuses: z.array(z.enum(CANDIDATE_STATUSES)).min(1, "choose at least one status").max(4),
  lockActive: z.boolean().describe("Active projects are locked in at their planned start with their committed spend"),
  startFlexMonths: z
    .number()
    .int()
    .min(0)
    .max(MAX_HORIZON_MONTHS)
    .describe("Default start window: from the planned start to this many months later"),
  constraints: ScenarioConstraintsSchema,
  candidates: z.array(CandidateSettingSchema).max(5000),
  solver: SolverSettingsSchema,
};

export const CreateScenarioSchema = z.strictObject({
  ...scenarioFields,
  description: scenarioFields.description.default(""),
  valueSource: scenarioFields.valueSource.default("priority"),
  capacityUnit: scenarioFields.capacityUnit.default("hours"),
  candidateStatuses: scenarioFields.candidateStatuses.default(["proposed", "approved", "active"]),
  lockActive: scenarioFields.lockActive.default(true),
  startFlexMonths: scenarioFields.startFlexMonths.default(0),
  constraints: scenarioFields.constraints.default(ScenarioConstraintsSchema.parse({})),
  candidates: scenarioFields.candidates.default([]),
  solver: scenarioFields.solver.default(SolverSettingsSchema.parse({})),
});
export type CreateScenarioInput = z.infer<typeof CreateScenarioSchema>;

export const UpdateScenarioSchema = z.strictObject({
  version: VersionSchema,
  name: scenarioFields.name.optional(),
  description: scenarioFields.description.optional(),
  firstMonth: scenarioFields.firstMonth.optional(),
  horizonMonths: scenarioFields.horizonMonths.optional(),
  valueSource: scenarioFields.valueSource.optional(),
  capacityUnit: scenarioFields.capacityUnit.optional(),
  candidateStatuses: scenarioFields.candidateStatuses.optional(),
  lockActive: scenarioFields.lockActive.optional(),
  startFlexMonths: scenarioFields.startFlexMonths.optional(),
  constraints: scenarioFields.constraints.optional(),
  candidates: scenarioFields.candidates.optional(),
  solver: scenarioFields.solver.optional(),
});
export type UpdateScenarioInput = z.infer<typeof UpdateScenarioSchema>;

export const CopyScenarioSchema = z.strictObject({ name: requiredText(120) });
export const DeleteScenarioQuerySchema = z.strictObject({ version: z.coerce.number().int().min(1) });

// ---------- responses ----------

/** A candidate project as the scenario sees it: its data and the settings that apply. */
export const CandidateSchema = z.object({
  projectId: z.string(),
  code: z.string(),
  name: z.string(),
  status: z.string(),
  category: z.string(),
  plannedStart: z.string().describe("YYYY-MM"),
  durationMonths: z.number(),
  costCents: z.number().describe("Whole budget of the project"),
  costInHorizonCents: z.number().describe("Spend inside the horizon when it starts as planned"),
  value: z.number().describe("The value the optimizer maximizes (per the scenario's value source)"),
  priorityScore: z.number().nullable(),
  npv: z.number().nullable().describe("Net present value of the project's business case, when it has one"),
  valueMissing: z
    .boolean()
    .describe("No priority score, no business case (value source npv) or no custom value: counts as 0"),
  locked: z.boolean().describe("Active and locked in at its planned start"),
  mandatory: z.boolean(),
  excluded: z.boolean(),
  earliestStart: z.string().nullable().describe("YYYY-MM; null when locked or excluded"),
  latestStart: z.string().nullable(),
  customValue: z.number().nullable(),
  risk: z.number().nullable().describe("The project's score on a criterion whose key contains 'risk', if any"),
  objectiveShares: z.record(z.string(), z.number()),
  demandHours: z.number().describe("Total demand in hours"),
});
export type Candidate = z.infer<typeof CandidateSchema>;

export const ScenarioRunSummarySchema = z.object({
  id: z.string(),
  status: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  value: z.number().nullable(),
  gapPct: z.number().nullable(),
  selectedCount: z.number().nullable(),
  stale: z.boolean().describe("The scenario or its projects changed after this run"),
});
export type ScenarioRunSummary = z.infer<typeof ScenarioRunSummarySchema>;

export const ScenarioSummarySchema = z.object({
  id: z.string(),
  portfolioId: z.string(),
  portfolioName: z.string(),
  name: z.string(),
  description: z.string(),
  firstMonth: z.string(),
  horizonMonths: z.number(),
  valueSource: ValueSourceSchema,
  status: z.enum(["draft", "committed"]),
  committedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
  latestRun: ScenarioRunSummarySchema.nullable(),
});
export type ScenarioSummary = z.infer<typeof ScenarioSummarySchema>;

export const RoleInfoSchema = z.object({ key: z.string(), name: z.string(), hoursPerFteMonth: z.number() });
export const ObjectiveInfoSchema = z.object({ id: z.string(), code: z.string(), title: z.string() });
export const CategoryInfoSchema = z.object({ key: z.string(), name: z.string() });

export const ScenarioSchema = ScenarioSummarySchema.extend({
  capacityUnit: z.enum(CAPACITY_UNITS),
  candidateStatuses: z.array(z.enum(CANDIDATE_STATUSES)),
  lockActive: z.boolean(),
  startFlexMonths: z.number(),
  constraints: ScenarioConstraintsSchema,
  candidateSettings: z.array(CandidateSettingSchema),
  solver: SolverSettingsSchema,
  /** The horizon's months, `firstMonth` onwards. */
  months: z.array(z.string()),
  candidates: z.array(CandidateSchema),
  roles: z.array(RoleInfoSchema),
  categories: z.array(CategoryInfoSchema),
  objectives: z.array(ObjectiveInfoSchema),
  committedRunId: z.string().nullable(),
  commitDecisionId: z.string().nullable(),
  permissions: z.object({ edit: z.boolean(), solve: z.boolean(), commit: z.boolean() }),
});
export type Scenario = z.infer<typeof ScenarioSchema>;

// ---------- runs ----------
export const RUN_STATUSES = [
  "running",
  "optimal",
  "feasible",
  "infeasible",
  "time_limit",
  "cancelled",
  "error",
] as const;
export const RunStatusSchema = z
  .enum(RUN_STATUSES)
  .describe(
    "running; optimal (proven); feasible (stopped at the gap tolerance); infeasible (see relaxations); time_limit (best found when the time ran out); cancelled; error",
  );

export const RunProgressSchema = z.object({
  phase: z.enum(["solving", "explaining", "frontier", "done"]),
  fraction: z.number(),
  incumbent: z.number().nullable().optional(),
  bound: z.number().nullable().optional(),
  gapPct: z.number().nullable().optional(),
  nodes: z.number().optional(),
  elapsedSeconds: z.number(),
  message: z.string().optional(),
});

export const ConstraintRefSchema = z.object({
  constraint: z.string().describe("Model row name, as in the CPLEX-LP download"),
  kind: z.string(),
  month: z.string().nullable(),
  roleKey: z.string().nullable(),
  label: z.string().describe("The constraint in words"),
  activity: z.number().nullable(),
  limit: z.number().nullable(),
});

export const SelectedProjectSchema = z.object({
  projectId: z.string(),
  code: z.string(),
  name: z.string(),
  status: z.string(),
  category: z.string(),
  start: z.string().describe("YYYY-MM chosen start"),
  plannedStart: z.string(),
  shiftMonths: z.number().describe("Chosen start minus planned start, in months"),
  value: z.number(),
  costInHorizonCents: z.number(),
  locked: z.boolean(),
  mandatory: z.boolean(),
  lossIfRemoved: z.number().nullable().describe("Value lost if this project were forced out (re-solve)"),
  lossExact: z.boolean(),
});

export const RelaxationSchema = z.object({
  constraint: z.string(),
  kind: z.string(),
  month: z.string().nullable(),
  roleKey: z.string().nullable(),
  projectId: z.string().nullable(),
  amount: z.number().describe("Cents for money limits, the capacity unit for capacity, projects for counts"),
  limit: z.number(),
  message: z.string().describe("e.g. 'Budget in 2027-03 must grow by €1.2 M'"),
});

export const NotSelectedProjectSchema = z.object({
  projectId: z.string(),
  code: z.string(),
  name: z.string(),
  status: z.string(),
  category: z.string(),
  value: z.number(),
  costInHorizonCents: z.number(),
  reason: z.enum(["excluded", "not_chosen"]),
  lossIfForced: z.number().nullable().describe("Value lost if it were forced in; null when it cannot be"),
  lossExact: z.boolean(),
  binding: z.array(ConstraintRefSchema),
  blockedBy: z.array(RelaxationSchema),
  explanation: z.string().describe("The reason in one sentence"),
});

export const GreedyResultSchema = z.object({
  ranking: z.enum(["value_per_cost", "value"]),
  value: z.number(),
  feasible: z.boolean(),
  projectIds: z.array(z.string()),
  violations: z.array(z.object({ constraint: z.string(), amount: z.number() })),
});

export const ShadowPriceSchema = z.object({
  constraint: z.string(),
  kind: z.string(),
  month: z.string().nullable(),
  roleKey: z.string().nullable(),
  price: z.number().describe("Value per cent (money) or per capacity unit"),
  label: z
    .string()
    .describe(
      "e.g. '€100K more budget in 2027-04 is worth 0.12 value' or 'One more hour of Analyst capacity in 2027-04 is worth 0.001 value'",
    ),
});

export const FrontierPointSchema = z.object({
  budgetPct: z.number(),
  budgetCents: z.number().nullable(),
  value: z.number().nullable(),
  status: z.string(),
  gapPct: z.number().nullable(),
  projectCount: z.number(),
});

export const UsageSchema = z.object({
  months: z.array(z.string()),
  spendCents: z.array(z.number()),
  capexCents: z.array(z.number()),
  opexCents: z.array(z.number()),
  spendByCategoryCents: z.record(z.string(), z.array(z.number())),
  budgetLimitCents: z.array(z.number().nullable()),
  capacity: z.array(
    z.object({
      roleKey: z.string(),
      roleName: z.string(),
      demand: z.array(z.number()),
      limit: z.array(z.number().nullable()),
    }),
  ),
  capacityUnit: z.enum(CAPACITY_UNITS),
});

export const RunResultSchema = z.object({
  objective: z.number().nullable(),
  bound: z.number().nullable(),
  gapPct: z.number().nullable(),
  seconds: z.number(),
  nodes: z.number(),
  value: z.number(),
  spendInHorizonCents: z.number(),
  selected: z.array(SelectedProjectSchema),
  notSelected: z.array(NotSelectedProjectSchema),
  greedy: z.object({
    byValuePerCost: GreedyResultSchema,
    byValue: GreedyResultSchema,
    /** Optimizer value over the better feasible greedy value, in percent; null without both. */
    gainPct: z.number().nullable(),
  }),
  relaxations: z.array(RelaxationSchema),
  binding: z.array(ConstraintRefSchema),
  shadowPrices: z.array(ShadowPriceSchema),
  frontier: z.array(FrontierPointSchema),
  usage: UsageSchema.nullable(),
  /** False when the run was stopped before every explanation, the frontier and the prices were computed. */
  explanationsComplete: z.boolean(),
  /** Violations of the chosen portfolio found by the independent checker (empty unless something is wrong). */
  violations: z.array(z.object({ constraint: z.string(), amount: z.number() })),
  warnings: z.array(z.string()),
});
export type RunResult = z.infer<typeof RunResultSchema>;

export const RunSchema = z.object({
  id: z.string(),
  scenarioId: z.string(),
  status: RunStatusSchema,
  message: z.string().nullable(),
  requestedBy: z.string().nullable(),
  requestedByName: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  stale: z.boolean(),
  progress: RunProgressSchema.nullable(),
  result: RunResultSchema.nullable(),
});
export type Run = z.infer<typeof RunSchema>;

export const StartRunSchema = z.strictObject({
  /** Override the scenario's solver settings for this run. */
  timeLimitSeconds: z.number().min(1).max(600).optional(),
  gapPct: z.number().min(0).max(10).optional(),
  explain: z.boolean().optional(),
});
export type StartRunInput = z.infer<typeof StartRunSchema>;

export const CommitScenarioSchema = z.strictObject({
  version: VersionSchema,
  runId: IdSchema.describe("The run whose portfolio is approved (optimal, feasible or time_limit with a solution)"),
  meetingId: IdSchema.nullable().default(null).describe("Record the decision under this steering meeting"),
  rationale: text(5000).default(""),
});
export type CommitScenarioInput = z.infer<typeof CommitScenarioSchema>;

export const CommitResultSchema = z.object({
  scenario: ScenarioSchema,
  approvedProjectIds: z.array(z.string()),
  decisionId: z.string(),
});

export const ListScenariosQuerySchema = z.strictObject({ portfolioId: IdSchema.optional() });
export const ScenarioListSchema = z.object({ items: z.array(ScenarioSummarySchema) });
export const RunListSchema = z.object({ items: z.array(ScenarioRunSummarySchema) });

export const CompareQuerySchema = z.strictObject({
  ids: z
    .union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v : v.split(",")).map((s) => s.trim()).filter((s) => s.length > 0))
    .pipe(z.array(IdSchema).min(2, "compare at least 2 scenarios").max(4, "compare at most 4 scenarios")),
});

export const ComparisonSchema = z.object({
  scenarios: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      runId: z.string().nullable(),
      status: z.string().nullable(),
      value: z.number().nullable(),
      gapPct: z.number().nullable(),
      spendInHorizonCents: z.number().nullable(),
      selectedCount: z.number(),
      months: z.array(z.string()),
      spendCents: z.array(z.number()),
      budgetLimitCents: z.array(z.number().nullable()),
      demandByRole: z.record(z.string(), z.array(z.number())),
      capacityUnit: z.enum(CAPACITY_UNITS),
    }),
  ),
  /** Every project selected in at least one scenario, with its start month in each (null = not selected). */
  projects: z.array(
    z.object({
      projectId: z.string(),
      code: z.string(),
      name: z.string(),
      starts: z.array(z.string().nullable()),
      inAll: z.boolean(),
    }),
  ),
});
export type Comparison = z.infer<typeof ComparisonSchema>;
