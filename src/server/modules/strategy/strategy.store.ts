import type { Insertable, Selectable } from "kysely";
import type { Db } from "../../platform/db/database.js";
import type {
  AhpParticipantsTable,
  AhpSessionsTable,
  CriteriaTable,
  GoalCheckInsTable,
  GoalsTable,
  ScoringModelsTable,
  StrategicObjectivesTable,
} from "./strategy.table.js";

export type ObjectiveRow = Selectable<StrategicObjectivesTable> & { owner_name: string | null };
export type GoalRow = Selectable<GoalsTable> & {
  owner_name: string | null;
  objective_title: string | null;
  project_code: string | null;
};
export type CheckInRow = Selectable<GoalCheckInsTable> & { recorded_by_name: string | null };
export type CriterionRow = Selectable<CriteriaTable>;
export type SessionRow = Selectable<AhpSessionsTable>;
export type ParticipantRow = Selectable<AhpParticipantsTable> & { name: string };
export type ModelRow = Selectable<ScoringModelsTable>;

// ---------- objectives ----------

export async function findObjectives(db: Db, org: string): Promise<ObjectiveRow[]> {
  return db
    .selectFrom("strategic_objectives as o")
    .leftJoin("users as u", "u.id", "o.owner_user_id")
    .selectAll("o")
    .select("u.name as owner_name")
    .where("o.organization_id", "=", org)
    .orderBy("o.sort_order")
    .orderBy("o.code")
    .execute();
}

export async function findObjective(db: Db, org: string, id: string): Promise<ObjectiveRow | undefined> {
  return db
    .selectFrom("strategic_objectives as o")
    .leftJoin("users as u", "u.id", "o.owner_user_id")
    .selectAll("o")
    .select("u.name as owner_name")
    .where("o.organization_id", "=", org)
    .where("o.id", "=", id)
    .executeTakeFirst();
}

export async function insertObjective(db: Db, row: Insertable<StrategicObjectivesTable>): Promise<void> {
  await db.insertInto("strategic_objectives").values(row).execute();
}

export async function updateObjectiveRow(
  db: Db,
  org: string,
  id: string,
  expected: number,
  patch: Partial<Omit<Selectable<StrategicObjectivesTable>, "organization_id" | "id" | "version" | "created_at">>,
): Promise<boolean> {
  const r = await db
    .updateTable("strategic_objectives")
    .set((eb) => ({ ...patch, version: eb("version", "+", 1) }))
    .where("organization_id", "=", org)
    .where("id", "=", id)
    .where("version", "=", expected)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function countGoalsByObjective(db: Db, org: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom("goals")
    .select(["objective_id", (eb) => eb.fn.countAll<number>().as("n")])
    .where("organization_id", "=", org)
    .where("objective_id", "is not", null)
    .groupBy("objective_id")
    .execute();
  return new Map(rows.map((r) => [r.objective_id as string, Number(r.n)]));
}

export async function countProjectsByObjective(db: Db, org: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom("project_objective_links")
    .select(["objective_id", (eb) => eb.fn.countAll<number>().as("n")])
    .where("organization_id", "=", org)
    .where("strength", ">", 0)
    .groupBy("objective_id")
    .execute();
  return new Map(rows.map((r) => [r.objective_id, Number(r.n)]));
}

// ---------- goals ----------

const goalBase = (db: Db, org: string) =>
  db
    .selectFrom("goals as g")
    .leftJoin("users as u", "u.id", "g.owner_user_id")
    .leftJoin("strategic_objectives as o", (j) =>
      j.onRef("o.organization_id", "=", "g.organization_id").onRef("o.id", "=", "g.objective_id"),
    )
    .leftJoin("projects as p", (j) =>
      j.onRef("p.organization_id", "=", "g.organization_id").onRef("p.id", "=", "g.project_id"),
    )
    .selectAll("g")
    .select(["u.name as owner_name", "o.title as objective_title", "p.code as project_code"])
    .where("g.organization_id", "=", org);

export async function findGoals(
  db: Db,
  org: string,
  f: {
    level?: string | undefined;
    objectiveId?: string | undefined;
    projectId?: string | undefined;
    status?: string | undefined;
  },
): Promise<GoalRow[]> {
  let q = goalBase(db, org);
  if (f.level) q = q.where("g.level", "=", f.level);
  if (f.objectiveId) q = q.where("g.objective_id", "=", f.objectiveId);
  if (f.projectId) q = q.where("g.project_id", "=", f.projectId);
  if (f.status) q = q.where("g.status", "=", f.status);
  return q.orderBy("g.title").orderBy("g.id").execute();
}

export async function findGoal(db: Db, org: string, id: string): Promise<GoalRow | undefined> {
  return goalBase(db, org).where("g.id", "=", id).executeTakeFirst();
}

export async function insertGoal(db: Db, row: Insertable<GoalsTable>): Promise<void> {
  await db.insertInto("goals").values(row).execute();
}

export async function updateGoalRow(
  db: Db,
  org: string,
  id: string,
  expected: number,
  patch: Partial<Omit<Selectable<GoalsTable>, "organization_id" | "id" | "version" | "created_at">>,
): Promise<boolean> {
  const r = await db
    .updateTable("goals")
    .set((eb) => ({ ...patch, version: eb("version", "+", 1) }))
    .where("organization_id", "=", org)
    .where("id", "=", id)
    .where("version", "=", expected)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function findCheckIns(db: Db, org: string, goalIds: string[]): Promise<CheckInRow[]> {
  if (goalIds.length === 0) return [];
  const out: CheckInRow[] = [];
  for (let i = 0; i < goalIds.length; i += 500) {
    out.push(
      ...(await db
        .selectFrom("goal_check_ins as c")
        .leftJoin("users as u", "u.id", "c.recorded_by")
        .selectAll("c")
        .select("u.name as recorded_by_name")
        .where("c.organization_id", "=", org)
        .where("c.goal_id", "in", goalIds.slice(i, i + 500))
        .orderBy("c.date")
        .orderBy("c.id")
        .execute()),
    );
  }
  return out;
}

export async function insertCheckIn(db: Db, row: Insertable<GoalCheckInsTable>): Promise<void> {
  await db.insertInto("goal_check_ins").values(row).execute();
}

/** Finished goals with their achieved values, for the SMART achievability history. */
export async function findFinishedGoalHistory(db: Db, org: string) {
  const goals = await db
    .selectFrom("goals")
    .select(["id", "unit", "baseline_value", "baseline_date"])
    .where("organization_id", "=", org)
    .where("status", "=", "finished")
    .execute();
  const checkIns = await findCheckIns(
    db,
    org,
    goals.map((g) => g.id),
  );
  const last = new Map<string, CheckInRow>();
  for (const c of checkIns) last.set(c.goal_id, c);
  return goals.flatMap((g) => {
    const c = last.get(g.id);
    if (!c || g.baseline_value === null || !g.baseline_date) return [];
    return [
      {
        unit: g.unit,
        baselineValue: Number(g.baseline_value),
        achievedValue: Number(c.value),
        baselineDate: g.baseline_date,
        achievedDate: c.date,
      },
    ];
  });
}

// ---------- criteria ----------

export async function findCriteria(db: Db, org: string): Promise<CriterionRow[]> {
  return db
    .selectFrom("criteria")
    .selectAll()
    .where("organization_id", "=", org)
    .orderBy("sort_order")
    .orderBy("key")
    .execute();
}

export async function insertCriterion(db: Db, row: Insertable<CriteriaTable>): Promise<void> {
  await db.insertInto("criteria").values(row).execute();
}

export async function updateCriterionRow(
  db: Db,
  org: string,
  id: string,
  expected: number,
  patch: Partial<Omit<Selectable<CriteriaTable>, "organization_id" | "id" | "version" | "created_at">>,
): Promise<boolean> {
  const r = await db
    .updateTable("criteria")
    .set((eb) => ({ ...patch, version: eb("version", "+", 1) }))
    .where("organization_id", "=", org)
    .where("id", "=", id)
    .where("version", "=", expected)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

// ---------- AHP sessions ----------

export async function findSessions(db: Db, org: string): Promise<SessionRow[]> {
  return db.selectFrom("ahp_sessions").selectAll().where("organization_id", "=", org).orderBy("id", "desc").execute();
}

export async function findSession(db: Db, org: string, id: string): Promise<SessionRow | undefined> {
  return db
    .selectFrom("ahp_sessions")
    .selectAll()
    .where("organization_id", "=", org)
    .where("id", "=", id)
    .executeTakeFirst();
}

export async function insertSession(db: Db, row: Insertable<AhpSessionsTable>): Promise<void> {
  await db.insertInto("ahp_sessions").values(row).execute();
}

export async function updateSessionRow(
  db: Db,
  org: string,
  id: string,
  patch: Partial<Pick<Selectable<AhpSessionsTable>, "status" | "closed_at" | "updated_at">>,
): Promise<void> {
  await db
    .updateTable("ahp_sessions")
    .set((eb) => ({ ...patch, version: eb("version", "+", 1) }))
    .where("organization_id", "=", org)
    .where("id", "=", id)
    .execute();
}

export async function findParticipants(db: Db, org: string, sessionId: string): Promise<ParticipantRow[]> {
  return db
    .selectFrom("ahp_participants as p")
    .innerJoin("users as u", "u.id", "p.user_id")
    .selectAll("p")
    .select("u.name as name")
    .where("p.organization_id", "=", org)
    .where("p.session_id", "=", sessionId)
    .orderBy("u.name")
    .execute();
}

export async function insertParticipants(db: Db, rows: Insertable<AhpParticipantsTable>[]): Promise<void> {
  if (rows.length) await db.insertInto("ahp_participants").values(rows).execute();
}

export async function updateParticipantRow(
  db: Db,
  org: string,
  sessionId: string,
  userId: string,
  patch: Partial<
    Pick<Selectable<AhpParticipantsTable>, "judgments" | "consistency_ratio" | "submitted_at" | "updated_at">
  >,
): Promise<void> {
  await db
    .updateTable("ahp_participants")
    .set((eb) => ({ ...patch, version: eb("version", "+", 1) }))
    .where("organization_id", "=", org)
    .where("session_id", "=", sessionId)
    .where("user_id", "=", userId)
    .execute();
}

// ---------- scoring models ----------

export async function findModels(db: Db, org: string): Promise<ModelRow[]> {
  return db
    .selectFrom("scoring_models")
    .selectAll()
    .where("organization_id", "=", org)
    .orderBy("model_version", "desc")
    .execute();
}

export async function insertModel(db: Db, row: Insertable<ScoringModelsTable>): Promise<void> {
  await db.insertInto("scoring_models").values(row).execute();
}

// ---------- project scores, links, priority scores ----------

export async function findScores(db: Db, org: string, projectId?: string) {
  let q = db.selectFrom("project_scores").selectAll().where("organization_id", "=", org);
  if (projectId) q = q.where("project_id", "=", projectId);
  return q.execute();
}

export async function replaceScores(
  db: Db,
  org: string,
  projectId: string,
  rows: { criterion_id: string; value: number; rationale: string; scored_by: string | null; scored_at: string }[],
): Promise<void> {
  await db
    .deleteFrom("project_scores")
    .where("organization_id", "=", org)
    .where("project_id", "=", projectId)
    .execute();
  if (rows.length)
    await db
      .insertInto("project_scores")
      .values(rows.map((r) => ({ organization_id: org, project_id: projectId, ...r })))
      .execute();
}

export async function findLinks(db: Db, org: string, projectId?: string) {
  let q = db
    .selectFrom("project_objective_links as l")
    .innerJoin("strategic_objectives as o", (j) =>
      j.onRef("o.organization_id", "=", "l.organization_id").onRef("o.id", "=", "l.objective_id"),
    )
    .select(["l.project_id", "l.objective_id", "l.strength", "o.code", "o.title"])
    .where("l.organization_id", "=", org);
  if (projectId) q = q.where("l.project_id", "=", projectId);
  return q.orderBy("o.code").execute();
}

export async function replaceLinks(
  db: Db,
  org: string,
  projectId: string,
  links: { objective_id: string; strength: number }[],
) {
  await db
    .deleteFrom("project_objective_links")
    .where("organization_id", "=", org)
    .where("project_id", "=", projectId)
    .execute();
  if (links.length)
    await db
      .insertInto("project_objective_links")
      .values(links.map((l) => ({ organization_id: org, project_id: projectId, ...l })))
      .execute();
}

export async function findRankableProjects(db: Db, org: string) {
  return (
    db
      .selectFrom("projects")
      .select(["id", "code", "name", "status", "category", "budget_total_cents"])
      .where("organization_id", "=", org)
      .where("archived_at", "is", null)
      // Rank what is still to be decided or delivered; finished work no longer competes.
      .where("status", "not in", ["closed", "cancelled"])
      .orderBy("code")
      .execute()
  );
}

export async function upsertPriorityScores(
  db: Db,
  org: string,
  modelId: string,
  modelVersion: number,
  rows: { projectId: string; score: number; breakdown: string }[],
  at: string,
): Promise<void> {
  const ids = rows.map((r) => r.projectId);
  for (let i = 0; i < ids.length; i += 500) {
    await db
      .deleteFrom("project_priority_scores")
      .where("organization_id", "=", org)
      .where("model_id", "=", modelId)
      .where("project_id", "in", ids.slice(i, i + 500))
      .execute();
  }
  for (let i = 0; i < rows.length; i += 1000) {
    await db
      .insertInto("project_priority_scores")
      .values(
        rows.slice(i, i + 1000).map((r) => ({
          organization_id: org,
          project_id: r.projectId,
          model_id: modelId,
          model_version: modelVersion,
          score: r.score,
          breakdown: r.breakdown,
          computed_at: at,
        })),
      )
      .execute();
  }
}

export async function findPriorityHistory(db: Db, org: string, projectId: string) {
  return db
    .selectFrom("project_priority_scores")
    .select(["model_version", "score", "computed_at"])
    .where("organization_id", "=", org)
    .where("project_id", "=", projectId)
    .orderBy("model_version", "desc")
    .execute();
}

export async function findPriorityScores(db: Db, org: string, modelId: string) {
  return db
    .selectFrom("project_priority_scores")
    .select(["project_id", "score"])
    .where("organization_id", "=", org)
    .where("model_id", "=", modelId)
    .execute();
}

export async function projectExists(db: Db, org: string, id: string) {
  return db
    .selectFrom("projects")
    .select(["id", "manager_user_id"])
    .where("organization_id", "=", org)
    .where("id", "=", id)
    .executeTakeFirst();
}

export async function memberRoles(db: Db, org: string, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db
    .selectFrom("memberships")
    .select(["user_id", "role"])
    .where("organization_id", "=", org)
    .where("user_id", "in", ids)
    .where("disabled_at", "is", null)
    .execute();
  return new Map(rows.map((r) => [r.user_id, r.role]));
}

export async function memberIds(db: Db, org: string, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db
    .selectFrom("memberships")
    .select("user_id")
    .where("organization_id", "=", org)
    .where("user_id", "in", ids)
    .execute();
  return new Set(rows.map((r) => r.user_id));
}
