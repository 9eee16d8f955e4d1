import { type Expression, type ExpressionBuilder, type Insertable, type Selectable, type SqlBool, sql } from "kysely";
import { DEFAULT_CATEGORIES } from "../../../domain/portfolio/project-rules.js";
import type { Database } from "../../db/schema.js";
import type { Db, Engine } from "../../platform/db/database.js";
import type {
  PortfoliosTable,
  ProgramsTable,
  ProjectBudgetLinesTable,
  ProjectDemandLinesTable,
  ProjectDependenciesTable,
  ProjectsTable,
} from "./portfolio.table.js";

export type PortfolioRow = Selectable<PortfoliosTable>;
export type ProgramRow = Selectable<ProgramsTable>;
export type ProjectRow = Selectable<ProjectsTable>;

/** Bulk inserts are chunked below SQLite's 32,766 and PostgreSQL's 65,535 bound-parameter limits. */
async function inChunks<T>(rows: T[], columns: number, write: (chunk: T[]) => Promise<unknown>): Promise<void> {
  const size = Math.max(1, Math.floor(30_000 / columns));
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
}

// ---------- reference data ----------

export const DEFAULT_RESOURCE_ROLES = [
  { key: "project_manager", name: "Project manager" },
  { key: "business_analyst", name: "Business analyst" },
  { key: "architect", name: "Architect" },
  { key: "developer", name: "Developer" },
  { key: "tester", name: "Tester" },
] as const;

export async function seedReferenceData(db: Db, organizationId: string): Promise<void> {
  await db
    .insertInto("project_categories")
    .values(DEFAULT_CATEGORIES.map((c, i) => ({ organization_id: organizationId, ...c, sort_order: i })))
    .execute();
  await db
    .insertInto("resource_roles")
    .values(DEFAULT_RESOURCE_ROLES.map((r, i) => ({ organization_id: organizationId, ...r, sort_order: i })))
    .execute();
}

export async function findCategories(db: Db, organizationId: string) {
  return db
    .selectFrom("project_categories")
    .selectAll()
    .where("organization_id", "=", organizationId)
    .orderBy("sort_order")
    .orderBy("key")
    .execute();
}

export async function insertCategory(db: Db, row: Insertable<Database["project_categories"]>): Promise<void> {
  await db.insertInto("project_categories").values(row).execute();
}

export async function findResourceRoles(db: Db, organizationId: string) {
  return db
    .selectFrom("resource_roles")
    .selectAll()
    .where("organization_id", "=", organizationId)
    .orderBy("sort_order")
    .orderBy("key")
    .execute();
}

export async function insertResourceRole(db: Db, row: Insertable<Database["resource_roles"]>): Promise<void> {
  await db.insertInto("resource_roles").values(row).execute();
}

export async function countProjects(db: Db, organizationId: string): Promise<number> {
  const r = await db
    .selectFrom("projects")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("organization_id", "=", organizationId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

// ---------- portfolios ----------

const portfolioWithStats = (db: Db, organizationId: string) =>
  db
    .selectFrom("portfolios as pf")
    .selectAll("pf")
    .select((eb) => [
      eb
        .selectFrom("projects")
        .select((e) => e.fn.countAll<number>().as("n"))
        .whereRef("projects.organization_id", "=", "pf.organization_id")
        .whereRef("projects.portfolio_id", "=", "pf.id")
        .where("projects.archived_at", "is", null)
        .as("project_count"),
      eb
        .selectFrom("projects")
        .select((e) => e.fn.coalesce(e.fn.sum<number>("budget_total_cents"), sql<number>`0`).as("s"))
        .whereRef("projects.organization_id", "=", "pf.organization_id")
        .whereRef("projects.portfolio_id", "=", "pf.id")
        .where("projects.archived_at", "is", null)
        .as("budget_total_cents"),
    ])
    .where("pf.organization_id", "=", organizationId);

export type PortfolioWithStats = PortfolioRow & { project_count: number | null; budget_total_cents: number | null };

export async function findPortfolios(
  db: Db,
  organizationId: string,
  opts: { archived: "exclude" | "include" | "only"; afterId?: string | undefined; limit: number },
): Promise<PortfolioWithStats[]> {
  let q = portfolioWithStats(db, organizationId);
  if (opts.archived === "exclude") q = q.where("pf.archived_at", "is", null);
  if (opts.archived === "only") q = q.where("pf.archived_at", "is not", null);
  if (opts.afterId) q = q.where("pf.id", ">", opts.afterId);
  return q.orderBy("pf.id").limit(opts.limit).execute();
}

export async function findPortfolio(
  db: Db,
  organizationId: string,
  id: string,
): Promise<PortfolioWithStats | undefined> {
  return portfolioWithStats(db, organizationId).where("pf.id", "=", id).executeTakeFirst();
}

export async function findPortfolioByName(
  db: Db,
  organizationId: string,
  name: string,
): Promise<PortfolioRow | undefined> {
  return db
    .selectFrom("portfolios")
    .selectAll()
    .where("organization_id", "=", organizationId)
    .where("name", "=", name)
    .executeTakeFirst();
}

export async function insertPortfolio(db: Db, row: Omit<PortfolioRow, "version">): Promise<void> {
  await db.insertInto("portfolios").values(row).execute();
}

export async function updatePortfolioRow(
  db: Db,
  organizationId: string,
  id: string,
  expectedVersion: number,
  patch: Partial<Omit<PortfolioRow, "organization_id" | "id" | "version" | "created_at">>,
): Promise<boolean> {
  const r = await db
    .updateTable("portfolios")
    .set((eb) => ({ ...patch, version: eb("version", "+", 1) }))
    .where("organization_id", "=", organizationId)
    .where("id", "=", id)
    .where("version", "=", expectedVersion)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

// ---------- programs ----------

const programWithStats = (db: Db, organizationId: string) =>
  db
    .selectFrom("programs as pg")
    .selectAll("pg")
    .select((eb) =>
      eb
        .selectFrom("projects")
        .select((e) => e.fn.countAll<number>().as("n"))
        .whereRef("projects.organization_id", "=", "pg.organization_id")
        .whereRef("projects.program_id", "=", "pg.id")
        .where("projects.archived_at", "is", null)
        .as("project_count"),
    )
    .where("pg.organization_id", "=", organizationId);

export type ProgramWithStats = ProgramRow & { project_count: number | null };

export async function findPrograms(
  db: Db,
  organizationId: string,
  opts: {
    archived: "exclude" | "include" | "only";
    portfolioId?: string | undefined;
    afterId?: string | undefined;
    limit: number;
  },
): Promise<ProgramWithStats[]> {
  let q = programWithStats(db, organizationId);
  if (opts.archived === "exclude") q = q.where("pg.archived_at", "is", null);
  if (opts.archived === "only") q = q.where("pg.archived_at", "is not", null);
  if (opts.portfolioId) q = q.where("pg.portfolio_id", "=", opts.portfolioId);
  if (opts.afterId) q = q.where("pg.id", ">", opts.afterId);
  return q.orderBy("pg.id").limit(opts.limit).execute();
}

export async function findProgram(db: Db, organizationId: string, id: string): Promise<ProgramWithStats | undefined> {
  return programWithStats(db, organizationId).where("pg.id", "=", id).executeTakeFirst();
}

export async function findProgramByName(db: Db, organizationId: string, name: string): Promise<ProgramRow | undefined> {
  return db
    .selectFrom("programs")
    .selectAll()
    .where("organization_id", "=", organizationId)
    .where("name", "=", name)
    .executeTakeFirst();
}

export async function insertProgram(db: Db, row: Omit<ProgramRow, "version">): Promise<void> {
  await db.insertInto("programs").values(row).execute();
}

export async function updateProgramRow(
  db: Db,
  organizationId: string,
  id: string,
  expectedVersion: number,
  patch: Partial<Omit<ProgramRow, "organization_id" | "id" | "version" | "created_at">>,
): Promise<boolean> {
  const r = await db
    .updateTable("programs")
    .set((eb) => ({ ...patch, version: eb("version", "+", 1) }))
    .where("organization_id", "=", organizationId)
    .where("id", "=", id)
    .where("version", "=", expectedVersion)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

// ---------- projects ----------

export type ProjectListRow = ProjectRow & {
  portfolio_name: string;
  program_name: string | null;
  sponsor_name: string | null;
  manager_name: string | null;
};

const SORT_COLUMNS = {
  code: "p.code",
  name: "p.name",
  status: "p.status",
  category: "p.category",
  plannedStart: "p.planned_start",
  plannedEnd: "p.planned_end",
  budgetTotalCents: "p.budget_total_cents",
  updatedAt: "p.updated_at",
} as const;
export type ProjectSortKey = keyof typeof SORT_COLUMNS;

export type ProjectFilter = {
  q?: string | undefined;
  status?: string[] | undefined;
  category?: string[] | undefined;
  portfolioId?: string | undefined;
  programId?: string | undefined;
  managerId?: string | undefined;
  archived: "exclude" | "include" | "only";
};

/** Splits free text into search terms: letters and digits only, so no query syntax reaches the engine. */
export function searchTerms(q: string): string[] {
  return (q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 12);
}

const projectBase = (db: Db, organizationId: string) =>
  db
    .selectFrom("projects as p")
    .innerJoin("portfolios as pf", (j) =>
      j.onRef("pf.organization_id", "=", "p.organization_id").onRef("pf.id", "=", "p.portfolio_id"),
    )
    .leftJoin("programs as pg", (j) =>
      j.onRef("pg.organization_id", "=", "p.organization_id").onRef("pg.id", "=", "p.program_id"),
    )
    .leftJoin("users as su", "su.id", "p.sponsor_user_id")
    .leftJoin("users as mu", "mu.id", "p.manager_user_id")
    .where("p.organization_id", "=", organizationId);

function applyFilter<QB extends ReturnType<typeof projectBase>>(
  qb: QB,
  engine: Engine,
  organizationId: string,
  f: ProjectFilter,
): QB {
  let q = qb;
  if (f.archived === "exclude") q = q.where("p.archived_at", "is", null) as QB;
  if (f.archived === "only") q = q.where("p.archived_at", "is not", null) as QB;
  if (f.status?.length) q = q.where("p.status", "in", f.status) as QB;
  if (f.category?.length) q = q.where("p.category", "in", f.category) as QB;
  if (f.portfolioId) q = q.where("p.portfolio_id", "=", f.portfolioId) as QB;
  if (f.programId) q = q.where("p.program_id", "=", f.programId) as QB;
  if (f.managerId) q = q.where("p.manager_user_id", "=", f.managerId) as QB;
  const terms = f.q ? searchTerms(f.q) : [];
  if (terms.length > 0) {
    if (engine === "postgres") {
      const query = terms.map((t) => `${t}:*`).join(" & ");
      q = q.where(sql<SqlBool>`p.search_vector @@ to_tsquery('simple', ${query})`) as QB;
    } else {
      const query = terms.map((t) => `"${t}"*`).join(" ");
      q = q.where((eb: ExpressionBuilder<Database & { p: ProjectsTable }, "p">) =>
        eb(
          "p.id",
          "in",
          eb
            .selectFrom("projects_fts")
            .select("projects_fts.project_id")
            .where("projects_fts.organization_id", "=", organizationId)
            .where(sql<SqlBool>`projects_fts match ${query}`),
        ),
      ) as QB;
    }
  }
  return q;
}

export async function findProjects(
  db: Db,
  engine: Engine,
  organizationId: string,
  filter: ProjectFilter,
  page: {
    sort: ProjectSortKey;
    order: "asc" | "desc";
    after?: { value: string | number; id: string } | undefined;
    limit: number;
  },
): Promise<ProjectListRow[]> {
  const col = SORT_COLUMNS[page.sort];
  let q = applyFilter(projectBase(db, organizationId), engine, organizationId, filter)
    .selectAll("p")
    .select([
      "pf.name as portfolio_name",
      "pg.name as program_name",
      "su.name as sponsor_name",
      "mu.name as manager_name",
    ]);
  if (page.after) {
    const { value, id } = page.after;
    const op = page.order === "asc" ? ">" : "<";
    q = q.where(
      (eb) =>
        eb.or([
          eb(col, op, value as never),
          eb.and([eb(col, "=", value as never), eb("p.id", op, id)]),
        ]) as Expression<SqlBool>,
    );
  }
  return q.orderBy(col, page.order).orderBy("p.id", page.order).limit(page.limit).execute() as Promise<
    ProjectListRow[]
  >;
}

/** Counts without the joins: every filter is on the project row or the search index. */
export async function countFilteredProjects(
  db: Db,
  engine: Engine,
  organizationId: string,
  filter: ProjectFilter,
): Promise<number> {
  const base = db.selectFrom("projects as p").where("p.organization_id", "=", organizationId);
  const r = await applyFilter(base as unknown as ReturnType<typeof projectBase>, engine, organizationId, filter)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function findProject(db: Db, organizationId: string, id: string): Promise<ProjectListRow | undefined> {
  return projectBase(db, organizationId)
    .selectAll("p")
    .select([
      "pf.name as portfolio_name",
      "pg.name as program_name",
      "su.name as sponsor_name",
      "mu.name as manager_name",
    ])
    .where("p.id", "=", id)
    .executeTakeFirst() as Promise<ProjectListRow | undefined>;
}

export async function findProjectIdsByCodes(
  db: Db,
  organizationId: string,
  codes: string[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < codes.length; i += 500) {
    const rows = await db
      .selectFrom("projects")
      .select(["id", "code"])
      .where("organization_id", "=", organizationId)
      .where("code", "in", codes.slice(i, i + 500))
      .execute();
    for (const r of rows) out.set(r.code, r.id);
  }
  return out;
}

export async function findProjectsByIds(db: Db, organizationId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom("projects")
    .select(["id", "code", "name"])
    .where("organization_id", "=", organizationId)
    .where("id", "in", ids)
    .execute();
}

export async function insertProject(db: Db, row: Omit<ProjectRow, "version">): Promise<void> {
  await db.insertInto("projects").values(row).execute();
}

export async function updateProjectRow(
  db: Db,
  organizationId: string,
  id: string,
  expectedVersion: number,
  patch: Partial<Omit<ProjectRow, "organization_id" | "id" | "version" | "created_at">>,
): Promise<boolean> {
  const r = await db
    .updateTable("projects")
    .set((eb) => ({ ...patch, version: eb("version", "+", 1) }))
    .where("organization_id", "=", organizationId)
    .where("id", "=", id)
    .where("version", "=", expectedVersion)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Keeps the SQLite FTS index in step with a project's text (PostgreSQL uses a generated column). */
export async function syncProjectSearch(
  db: Db,
  engine: Engine,
  row: { organization_id: string; id: string; code: string; name: string; description: string },
): Promise<void> {
  if (engine !== "sqlite") return;
  await db.deleteFrom("projects_fts").where("project_id", "=", row.id).execute();
  await db
    .insertInto("projects_fts")
    .values({
      organization_id: row.organization_id,
      project_id: row.id,
      code: row.code,
      name: row.name,
      description: row.description,
    })
    .execute();
}

export async function findBudgetLines(db: Db, organizationId: string, projectId: string) {
  return db
    .selectFrom("project_budget_lines")
    .selectAll()
    .where("organization_id", "=", organizationId)
    .where("project_id", "=", projectId)
    .orderBy("period")
    .orderBy("expense_type")
    .execute();
}

export async function findBudgetLinesOfProjects(db: Db, organizationId: string, projectIds: string[]) {
  const out: ProjectBudgetLinesTable[] = [];
  for (let i = 0; i < projectIds.length; i += 500) {
    out.push(
      ...(await db
        .selectFrom("project_budget_lines")
        .selectAll()
        .where("organization_id", "=", organizationId)
        .where("project_id", "in", projectIds.slice(i, i + 500))
        .execute()),
    );
  }
  return out;
}

export async function replaceBudgetLines(
  db: Db,
  organizationId: string,
  projectId: string,
  lines: ProjectBudgetLinesTable[],
) {
  await db
    .deleteFrom("project_budget_lines")
    .where("organization_id", "=", organizationId)
    .where("project_id", "=", projectId)
    .execute();
  await inChunks(lines, 5, (c) => db.insertInto("project_budget_lines").values(c).execute());
}

export async function findDemandLines(db: Db, organizationId: string, projectId: string) {
  return db
    .selectFrom("project_demand_lines")
    .selectAll()
    .where("organization_id", "=", organizationId)
    .where("project_id", "=", projectId)
    .orderBy("role_key")
    .orderBy("period")
    .execute();
}

export async function replaceDemandLines(
  db: Db,
  organizationId: string,
  projectId: string,
  lines: ProjectDemandLinesTable[],
) {
  await db
    .deleteFrom("project_demand_lines")
    .where("organization_id", "=", organizationId)
    .where("project_id", "=", projectId)
    .execute();
  await inChunks(lines, 5, (c) => db.insertInto("project_demand_lines").values(c).execute());
}

export async function findDependencies(db: Db, organizationId: string, projectId: string) {
  return db
    .selectFrom("project_dependencies as d")
    .innerJoin("projects as t", (j) =>
      j.onRef("t.organization_id", "=", "d.organization_id").onRef("t.id", "=", "d.depends_on_id"),
    )
    .select(["d.depends_on_id", "d.kind", "t.code", "t.name"])
    .where("d.organization_id", "=", organizationId)
    .where("d.project_id", "=", projectId)
    .orderBy("t.code")
    .execute();
}

export async function findDependents(db: Db, organizationId: string, projectId: string) {
  return db
    .selectFrom("project_dependencies as d")
    .innerJoin("projects as s", (j) =>
      j.onRef("s.organization_id", "=", "d.organization_id").onRef("s.id", "=", "d.project_id"),
    )
    .select(["d.project_id", "d.kind", "s.code", "s.name"])
    .where("d.organization_id", "=", organizationId)
    .where("d.depends_on_id", "=", projectId)
    .orderBy("s.code")
    .execute();
}

export async function findAllDependencyEdges(db: Db, organizationId: string) {
  return db
    .selectFrom("project_dependencies")
    .select(["project_id", "depends_on_id"])
    .where("organization_id", "=", organizationId)
    .execute();
}

export async function replaceDependencies(
  db: Db,
  organizationId: string,
  projectId: string,
  rows: ProjectDependenciesTable[],
) {
  await db
    .deleteFrom("project_dependencies")
    .where("organization_id", "=", organizationId)
    .where("project_id", "=", projectId)
    .execute();
  await inChunks(rows, 4, (c) => db.insertInto("project_dependencies").values(c).execute());
}

export async function findTeam(db: Db, organizationId: string, projectId: string) {
  return db
    .selectFrom("project_members as m")
    .innerJoin("users as u", "u.id", "m.user_id")
    .select(["m.user_id", "m.role", "u.name", "u.email"])
    .where("m.organization_id", "=", organizationId)
    .where("m.project_id", "=", projectId)
    .orderBy("u.name")
    .execute();
}

export async function replaceTeam(db: Db, organizationId: string, projectId: string, userIds: string[]) {
  await db
    .deleteFrom("project_members")
    .where("organization_id", "=", organizationId)
    .where("project_id", "=", projectId)
    .execute();
  await inChunks(
    userIds.map((user_id) => ({ organization_id: organizationId, project_id: projectId, user_id, role: "team" })),
    4,
    (c) => db.insertInto("project_members").values(c).execute(),
  );
}

export async function isTeamMember(
  db: Db,
  organizationId: string,
  projectId: string,
  userId: string,
): Promise<boolean> {
  const r = await db
    .selectFrom("project_members")
    .select("user_id")
    .where("organization_id", "=", organizationId)
    .where("project_id", "=", projectId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return r !== undefined;
}

export async function findMemberIds(db: Db, organizationId: string, userIds: string[]): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const rows = await db
    .selectFrom("memberships")
    .select("user_id")
    .where("organization_id", "=", organizationId)
    .where("user_id", "in", userIds)
    .execute();
  return new Set(rows.map((r) => r.user_id));
}

export async function findMembersByEmail(db: Db, organizationId: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom("memberships")
    .innerJoin("users", "users.id", "memberships.user_id")
    .select(["users.id", "users.email"])
    .where("memberships.organization_id", "=", organizationId)
    .execute();
  return new Map(rows.map((r) => [r.email.toLowerCase(), r.id]));
}
