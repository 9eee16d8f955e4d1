import type { Insertable, Selectable, Updateable } from "kysely";
import type { Database } from "../../db/schema.js";
import type { Db } from "../../platform/db/database.js";
import { deleteVersioned, inChunks, updateVersioned } from "../../platform/db/rows.js";
import type { SelectionRunsTable, SelectionScenariosTable } from "./selection.table.js";

/**
 * SQL of the selection module. Its own tables are read and written here; the portfolio's and the
 * strategy's tables are only read (projects, their time-phased lines and dependencies, priority
 * scores, risk scores, objective links, roles, categories) to assemble a scenario's candidates.
 */

export type ScenarioRow = Selectable<SelectionScenariosTable>;
export type RunRow = Selectable<SelectionRunsTable>;

export async function findScenarios(db: Db, org: string, portfolioId?: string) {
  let q = db
    .selectFrom("selection_scenarios as s")
    .innerJoin("portfolios as p", (j) =>
      j.onRef("p.organization_id", "=", "s.organization_id").onRef("p.id", "=", "s.portfolio_id"),
    )
    .selectAll("s")
    .select("p.name as portfolio_name")
    .where("s.organization_id", "=", org);
  if (portfolioId) q = q.where("s.portfolio_id", "=", portfolioId);
  return q.orderBy("s.updated_at", "desc").orderBy("s.id").execute();
}

export async function findScenario(db: Db, org: string, id: string) {
  return db
    .selectFrom("selection_scenarios as s")
    .innerJoin("portfolios as p", (j) =>
      j.onRef("p.organization_id", "=", "s.organization_id").onRef("p.id", "=", "s.portfolio_id"),
    )
    .selectAll("s")
    .select("p.name as portfolio_name")
    .where("s.organization_id", "=", org)
    .where("s.id", "=", id)
    .executeTakeFirst();
}
export type ScenarioWithPortfolio = NonNullable<Awaited<ReturnType<typeof findScenario>>>;

export async function insertScenario(db: Db, row: Insertable<SelectionScenariosTable>): Promise<void> {
  await db.insertInto("selection_scenarios").values(row).execute();
}

/** Updates when the version still matches; false when someone else wrote first. */
export async function updateScenario(
  db: Db,
  org: string,
  id: string,
  version: number,
  changes: Updateable<Database["selection_scenarios"]>,
): Promise<boolean> {
  return updateVersioned(db, "selection_scenarios", org, id, version, changes);
}

export async function deleteScenario(db: Db, org: string, id: string, version: number): Promise<boolean> {
  return deleteVersioned(db, "selection_scenarios", org, id, version);
}

export async function findPortfolio(db: Db, org: string, id: string) {
  return db
    .selectFrom("portfolios")
    .select(["id", "name", "archived_at"])
    .where("organization_id", "=", org)
    .where("id", "=", id)
    .executeTakeFirst();
}

export async function findOrganizationSettings(db: Db, org: string): Promise<string> {
  const r = await db.selectFrom("organizations").select("settings").where("id", "=", org).executeTakeFirst();
  return r?.settings ?? "{}";
}

// ---------- candidates ----------

export async function findCandidateProjects(db: Db, org: string, portfolioId: string, statuses: readonly string[]) {
  if (statuses.length === 0) return [];
  return db
    .selectFrom("projects")
    .select([
      "id",
      "code",
      "name",
      "status",
      "category",
      "planned_start",
      "planned_end",
      "budget_total_cents",
      "version",
      "updated_at",
    ])
    .where("organization_id", "=", org)
    .where("portfolio_id", "=", portfolioId)
    .where("archived_at", "is", null)
    .where("status", "in", [...statuses])
    .orderBy("code")
    .execute();
}
export type CandidateProjectRow = Awaited<ReturnType<typeof findCandidateProjects>>[number];

export async function findBudgetLines(db: Db, org: string, projectIds: readonly string[]) {
  return inChunks(projectIds, (chunk) =>
    db
      .selectFrom("project_budget_lines")
      .select(["project_id", "period", "expense_type", "amount_cents"])
      .where("organization_id", "=", org)
      .where("project_id", "in", chunk)
      .execute(),
  );
}

export async function findDemandLines(db: Db, org: string, projectIds: readonly string[]) {
  return inChunks(projectIds, (chunk) =>
    db
      .selectFrom("project_demand_lines")
      .select(["project_id", "role_key", "period", "hours"])
      .where("organization_id", "=", org)
      .where("project_id", "in", chunk)
      .execute(),
  );
}

export async function findDependencies(db: Db, org: string, projectIds: readonly string[]) {
  return inChunks(projectIds, (chunk) =>
    db
      .selectFrom("project_dependencies")
      .select(["project_id", "depends_on_id", "kind"])
      .where("organization_id", "=", org)
      .where("project_id", "in", chunk)
      .execute(),
  );
}

export async function findProjectLabels(db: Db, org: string, projectIds: readonly string[]) {
  return inChunks(projectIds, (chunk) =>
    db
      .selectFrom("projects")
      .select(["id", "code", "name", "status"])
      .where("organization_id", "=", org)
      .where("id", "in", chunk)
      .execute(),
  );
}

/** Priority scores under the newest published scoring model (the active one). */
export async function findActivePriorityScores(db: Db, org: string): Promise<Map<string, number>> {
  const model = await db
    .selectFrom("scoring_models")
    .select("id")
    .where("organization_id", "=", org)
    .orderBy("model_version", "desc")
    .limit(1)
    .executeTakeFirst();
  if (!model) return new Map();
  const rows = await db
    .selectFrom("project_priority_scores")
    .select(["project_id", "score"])
    .where("organization_id", "=", org)
    .where("model_id", "=", model.id)
    .execute();
  return new Map(rows.map((r) => [r.project_id, Number(r.score)]));
}

/** Each project's score on the first active criterion whose key mentions risk, with that criterion's scale. */
export async function findRiskScores(db: Db, org: string) {
  const criterion = await db
    .selectFrom("criteria")
    .select(["id", "scale_min", "scale_max", "higher_is_better"])
    .where("organization_id", "=", org)
    .where("archived_at", "is", null)
    .where("key", "like", "%risk%")
    .orderBy("sort_order")
    .limit(1)
    .executeTakeFirst();
  if (!criterion) return new Map<string, number>();
  const rows = await db
    .selectFrom("project_scores")
    .select(["project_id", "value"])
    .where("organization_id", "=", org)
    .where("criterion_id", "=", criterion.id)
    .execute();
  return new Map(rows.map((r) => [r.project_id, Number(r.value)]));
}

export async function findObjectiveLinks(db: Db, org: string, projectIds: readonly string[]) {
  return inChunks(projectIds, (chunk) =>
    db
      .selectFrom("project_objective_links")
      .select(["project_id", "objective_id", "strength"])
      .where("organization_id", "=", org)
      .where("project_id", "in", chunk)
      .execute(),
  );
}

export async function findRoles(db: Db, org: string) {
  return db
    .selectFrom("resource_roles")
    .select(["key", "name", "hours_per_fte_month"])
    .where("organization_id", "=", org)
    .orderBy("sort_order")
    .orderBy("key")
    .execute();
}

export async function findCategories(db: Db, org: string) {
  return db
    .selectFrom("project_categories")
    .select(["key", "name"])
    .where("organization_id", "=", org)
    .orderBy("sort_order")
    .orderBy("key")
    .execute();
}

export async function findObjectives(db: Db, org: string) {
  return db
    .selectFrom("strategic_objectives")
    .select(["id", "code", "title"])
    .where("organization_id", "=", org)
    .orderBy("code")
    .execute();
}

// ---------- runs ----------

export async function insertRun(db: Db, row: Insertable<SelectionRunsTable>): Promise<void> {
  await db.insertInto("selection_runs").values(row).execute();
}

export async function finishRun(
  db: Db,
  org: string,
  id: string,
  changes: Pick<
    Updateable<SelectionRunsTable>,
    "status" | "message" | "result" | "finished_at" | "value" | "gap_pct" | "selected_count"
  >,
): Promise<void> {
  await db
    .updateTable("selection_runs")
    .set(changes)
    .where("organization_id", "=", org)
    .where("id", "=", id)
    .where((eb) => eb.or([eb("status", "=", "running"), eb("message", "=", INTERRUPTED)]))
    .execute();
}

export async function findRun(db: Db, org: string, id: string) {
  return db
    .selectFrom("selection_runs as r")
    .leftJoin("users as u", "u.id", "r.requested_by")
    .selectAll("r")
    .select("u.name as requested_by_name")
    .where("r.organization_id", "=", org)
    .where("r.id", "=", id)
    .executeTakeFirst();
}
export type RunWithUser = NonNullable<Awaited<ReturnType<typeof findRun>>>;

/** Runs of one scenario, newest first, without their result documents. */
export async function findRuns(db: Db, org: string, scenarioId: string, limit = 50) {
  return db
    .selectFrom("selection_runs")
    .select([
      "id",
      "status",
      "fingerprint",
      "started_at",
      "finished_at",
      "message",
      "value",
      "gap_pct",
      "selected_count",
    ])
    .where("organization_id", "=", org)
    .where("scenario_id", "=", scenarioId)
    .orderBy("started_at", "desc")
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
}

export type RunSummaryRow = Awaited<ReturnType<typeof findRuns>>[number] & { scenario_id: string };

/** The newest run of each scenario, without its result document, for lists. */
export async function findLatestRuns(db: Db, org: string, scenarioIds: readonly string[]) {
  if (scenarioIds.length === 0) return new Map<string, RunSummaryRow>();
  const rows = await inChunks(scenarioIds, (chunk) =>
    db
      .selectFrom("selection_runs")
      .select([
        "id",
        "scenario_id",
        "status",
        "fingerprint",
        "started_at",
        "finished_at",
        "message",
        "value",
        "gap_pct",
        "selected_count",
      ])
      .where("organization_id", "=", org)
      .where("scenario_id", "in", chunk)
      .orderBy("started_at", "desc")
      .orderBy("id", "desc")
      .execute(),
  );
  const latest = new Map<string, RunSummaryRow>();
  for (const r of rows) if (!latest.has(r.scenario_id)) latest.set(r.scenario_id, r);
  return latest;
}

/** The newest finished run of a scenario that has a portfolio (for comparisons). */
export async function findLatestSolvedRun(db: Db, org: string, scenarioId: string) {
  return db
    .selectFrom("selection_runs")
    .selectAll()
    .where("organization_id", "=", org)
    .where("scenario_id", "=", scenarioId)
    .where("status", "in", ["optimal", "feasible", "time_limit"])
    .where("selected_count", "is not", null)
    .orderBy("started_at", "desc")
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
}

/**
 * Marks the organization's runs that no process has finished for a long time as interrupted (a
 * restart or a crash), leaving alone the ones this process is running. A late result still lands:
 * `finishRun` also overwrites an interrupted mark.
 */
export async function failAbandonedRuns(
  db: Db,
  org: string,
  liveIds: readonly string[],
  olderThan: string,
  at: string,
): Promise<void> {
  let q = db
    .updateTable("selection_runs")
    .set({ status: "error", message: INTERRUPTED, finished_at: at })
    .where("organization_id", "=", org)
    .where("status", "=", "running")
    .where("started_at", "<", olderThan);
  if (liveIds.length > 0) q = q.where("id", "not in", [...liveIds]);
  await q.execute();
}

export const INTERRUPTED = "The run was interrupted (the server stopped before it finished)";
