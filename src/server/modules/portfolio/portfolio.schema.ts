import { z } from "zod";
import { DEPENDENCY_KINDS, EXPENSE_TYPES, PROJECT_STATUSES } from "../../../domain/portfolio/project-rules.js";

/** Request and response schemas of the portfolio module: they type the code, validate requests and generate OpenAPI. */

const text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);
const requiredText = (max: number) => text(max).min(1, "is required");
export const IdSchema = z.uuid({ message: "must be a valid id (UUID)" });
export const PeriodSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "must be a month YYYY-MM");
export const DateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD");
const Key = z
  .string()
  .trim()
  .min(1, "is required")
  .max(40)
  .regex(/^[a-z0-9][a-z0-9_-]*$/, "use lowercase letters, digits, - and _");

export const VersionSchema = z.number().int().min(1);
export const IdParamsSchema = z.object({ id: IdSchema });

// ---------- reference data ----------
export const CategorySchema = z.object({
  key: z.string(),
  name: z.string(),
  description: z.string(),
  sortOrder: z.number(),
});
export type Category = z.infer<typeof CategorySchema>;
export const ResourceRoleSchema = z.object({
  key: z.string(),
  name: z.string(),
  hoursPerFteMonth: z.number(),
  sortOrder: z.number(),
});
export type ResourceRole = z.infer<typeof ResourceRoleSchema>;
export const CreateResourceRoleSchema = z.strictObject({
  key: Key,
  name: requiredText(100),
  hoursPerFteMonth: z.number().positive().max(744).default(140),
});
export type CreateResourceRoleInput = z.infer<typeof CreateResourceRoleSchema>;
export const CreateCategorySchema = z.strictObject({
  key: Key,
  name: requiredText(100),
  description: text(500).default(""),
});
export type CreateCategoryInput = z.infer<typeof CreateCategorySchema>;

// ---------- portfolios and programs ----------
export const PortfolioSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  ownerId: z.string().nullable(),
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
  projectCount: z.number(),
  budgetTotalCents: z.number(),
});
export type Portfolio = z.infer<typeof PortfolioSchema>;
export const CreatePortfolioSchema = z.strictObject({
  name: requiredText(120),
  description: text(5000).default(""),
  ownerId: IdSchema.nullable().default(null),
});
export type CreatePortfolioInput = z.infer<typeof CreatePortfolioSchema>;
export const UpdatePortfolioSchema = z.strictObject({
  version: VersionSchema,
  name: requiredText(120).optional(),
  description: text(5000).optional(),
  ownerId: IdSchema.nullable().optional(),
});
export type UpdatePortfolioInput = z.infer<typeof UpdatePortfolioSchema>;

export const ProgramSchema = z.object({
  id: z.string(),
  portfolioId: z.string(),
  name: z.string(),
  description: z.string(),
  managerId: z.string().nullable(),
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
  projectCount: z.number(),
});
export type Program = z.infer<typeof ProgramSchema>;
export const CreateProgramSchema = z.strictObject({
  portfolioId: IdSchema,
  name: requiredText(120),
  description: text(5000).default(""),
  managerId: IdSchema.nullable().default(null),
});
export type CreateProgramInput = z.infer<typeof CreateProgramSchema>;
export const UpdateProgramSchema = z.strictObject({
  version: VersionSchema,
  portfolioId: IdSchema.optional(),
  name: requiredText(120).optional(),
  description: text(5000).optional(),
  managerId: IdSchema.nullable().optional(),
});
export type UpdateProgramInput = z.infer<typeof UpdateProgramSchema>;

export const ArchiveSchema = z.strictObject({ version: VersionSchema, archived: z.boolean() });
export type ArchiveInput = z.infer<typeof ArchiveSchema>;

// ---------- projects ----------
export const BudgetLineSchema = z.strictObject({
  period: PeriodSchema,
  expenseType: z.enum(EXPENSE_TYPES).default("opex"),
  amountCents: z.number().int("must be a whole number of cents").min(0).max(1e14),
});
export const DemandLineSchema = z.strictObject({
  roleKey: z.string().trim().min(1).max(40),
  period: PeriodSchema,
  hours: z.number().min(0).max(100_000),
});
export const DependencySchema = z.strictObject({
  dependsOnId: IdSchema,
  kind: z.enum(DEPENDENCY_KINDS).default("requires"),
});
export const TeamMemberSchema = z.strictObject({ userId: IdSchema });

export const ProjectStatusSchema = z.enum(PROJECT_STATUSES);

const projectFields = {
  code: z
    .string()
    .trim()
    .min(1, "is required")
    .max(20, "must be at most 20 characters")
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, "use letters, digits, '.', '-' and '_'"),
  name: requiredText(200),
  description: text(20_000),
  portfolioId: IdSchema,
  programId: IdSchema.nullable(),
  category: z.string().trim().min(1, "is required").max(40),
  lifecycleStage: z.string().trim().min(1, "is required").max(60),
  status: ProjectStatusSchema,
  sponsorId: IdSchema.nullable(),
  managerId: IdSchema.nullable(),
  plannedStart: DateSchema,
  plannedEnd: DateSchema,
  budget: z.array(BudgetLineSchema).max(1200),
  demand: z.array(DemandLineSchema).max(5000),
  dependencies: z.array(DependencySchema).max(200),
  team: z.array(TeamMemberSchema).max(500),
};

export const CreateProjectSchema = z.strictObject({
  ...projectFields,
  description: projectFields.description.default(""),
  programId: projectFields.programId.default(null),
  lifecycleStage: projectFields.lifecycleStage.default("idea"),
  status: projectFields.status.default("proposed"),
  sponsorId: projectFields.sponsorId.default(null),
  managerId: projectFields.managerId.default(null),
  budget: projectFields.budget.default([]),
  demand: projectFields.demand.default([]),
  dependencies: projectFields.dependencies.default([]),
  team: projectFields.team.default([]),
});
export type CreateProjectInput = z.infer<typeof CreateProjectSchema>;

export const UpdateProjectSchema = z.strictObject({
  version: VersionSchema,
  code: projectFields.code.optional(),
  name: projectFields.name.optional(),
  description: projectFields.description.optional(),
  portfolioId: projectFields.portfolioId.optional(),
  programId: projectFields.programId.optional(),
  category: projectFields.category.optional(),
  lifecycleStage: projectFields.lifecycleStage.optional(),
  status: projectFields.status.optional(),
  sponsorId: projectFields.sponsorId.optional(),
  managerId: projectFields.managerId.optional(),
  plannedStart: projectFields.plannedStart.optional(),
  plannedEnd: projectFields.plannedEnd.optional(),
  budget: projectFields.budget.optional(),
  demand: projectFields.demand.optional(),
  dependencies: projectFields.dependencies.optional(),
  team: projectFields.team.optional(),
});
export type UpdateProjectInput = z.infer<typeof UpdateProjectSchema>;

export const ProjectSummarySchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  portfolioId: z.string(),
  portfolioName: z.string(),
  programId: z.string().nullable(),
  programName: z.string().nullable(),
  category: z.string(),
  lifecycleStage: z.string(),
  status: ProjectStatusSchema,
  sponsorId: z.string().nullable(),
  sponsorName: z.string().nullable(),
  managerId: z.string().nullable(),
  managerName: z.string().nullable(),
  plannedStart: z.string(),
  plannedEnd: z.string(),
  budgetTotalCents: z.number(),
  archivedAt: z.string().nullable(),
  updatedAt: z.string(),
  version: z.number(),
});
export type ProjectSummary = z.infer<typeof ProjectSummarySchema>;

export const ProjectSchema = ProjectSummarySchema.extend({
  description: z.string(),
  createdAt: z.string(),
  budget: z.array(z.object({ period: z.string(), expenseType: z.enum(EXPENSE_TYPES), amountCents: z.number() })),
  demand: z.array(z.object({ roleKey: z.string(), period: z.string(), hours: z.number() })),
  dependencies: z.array(
    z.object({
      dependsOnId: z.string(),
      dependsOnCode: z.string(),
      dependsOnName: z.string(),
      kind: z.enum(DEPENDENCY_KINDS),
    }),
  ),
  dependents: z.array(
    z.object({ projectId: z.string(), code: z.string(), name: z.string(), kind: z.enum(DEPENDENCY_KINDS) }),
  ),
  team: z.array(z.object({ userId: z.string(), name: z.string(), email: z.string() })),
  /** The caller's per-project roles and what the caller may do here. */
  myRoles: z.array(z.enum(["manager", "sponsor", "team"])),
  permissions: z.object({ update: z.boolean(), archive: z.boolean() }),
});
export type Project = z.infer<typeof ProjectSchema>;

export const PROJECT_SORT_FIELDS = [
  "code",
  "name",
  "status",
  "category",
  "plannedStart",
  "plannedEnd",
  "budgetTotalCents",
  "updatedAt",
] as const;
export type ProjectSortField = (typeof PROJECT_SORT_FIELDS)[number];

const csvList = <T extends z.ZodType<string, string>>(item: T) =>
  z
    .union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v : v.split(",")).map((s) => s.trim()).filter((s) => s.length > 0))
    .pipe(z.array(item));

export const ListProjectsQuerySchema = z.strictObject({
  q: z.string().trim().max(200).optional(),
  status: csvList(ProjectStatusSchema).optional(),
  category: csvList(z.string().max(40)).optional(),
  portfolioId: IdSchema.optional(),
  programId: IdSchema.optional(),
  managerId: IdSchema.optional(),
  archived: z.enum(["exclude", "include", "only"]).default("exclude"),
  sort: z.enum(PROJECT_SORT_FIELDS).default("code"),
  order: z.enum(["asc", "desc"]).default("asc"),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(500).optional(),
});
export type ListProjectsQuery = z.infer<typeof ListProjectsQuerySchema>;

export const ProjectPageSchema = z.object({
  items: z.array(ProjectSummarySchema),
  nextCursor: z.string().nullable(),
  total: z.number(),
});
export type ProjectPage = z.infer<typeof ProjectPageSchema>;

export const ListQuerySchema = z.strictObject({
  archived: z.enum(["exclude", "include", "only"]).default("exclude"),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(500).optional(),
});
export type ListQuery = z.infer<typeof ListQuerySchema>;
export const PortfolioPageSchema = z.object({ items: z.array(PortfolioSchema), nextCursor: z.string().nullable() });
export const ProgramPageSchema = z.object({ items: z.array(ProgramSchema), nextCursor: z.string().nullable() });
export const ListProgramsQuerySchema = ListQuerySchema.extend({ portfolioId: IdSchema.optional() });
export type ListProgramsQuery = z.infer<typeof ListProgramsQuerySchema>;

// ---------- import / export ----------
export const ImportQuerySchema = z.strictObject({
  dryRun: z
    .enum(["true", "false", "1", "0"])
    .default("false")
    .transform((v) => v === "true" || v === "1"),
  format: z.enum(["csv", "xlsx"]).optional(),
});
export const ImportRowProblemSchema = z.object({ line: z.number(), field: z.string(), message: z.string() });
export type ImportRowProblem = z.infer<typeof ImportRowProblemSchema>;
export const ImportReportSchema = z.object({
  dryRun: z.boolean(),
  rows: z.number(),
  valid: z.number(),
  created: z.number(),
  problems: z.array(ImportRowProblemSchema),
});
export type ImportReport = z.infer<typeof ImportReportSchema>;
export const ExportQuerySchema = ListProjectsQuerySchema.omit({ limit: true, cursor: true }).extend({
  format: z.enum(["csv", "xlsx"]).default("csv"),
});
export type ExportQuery = z.infer<typeof ExportQuerySchema>;
