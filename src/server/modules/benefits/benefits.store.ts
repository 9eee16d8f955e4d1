import type { Insertable, Selectable, Updateable } from "kysely";
import type { Database } from "../../db/schema.js";
import type { Db } from "../../platform/db/database.js";
import { deleteVersioned, inChunks, updateVersioned } from "../../platform/db/rows.js";
import type { BenefitsTable } from "./benefits.table.js";

/**
 * SQL of the benefits module. Its own tables are read and written here; projects, objectives,
 * portfolios and users are only read (labels, statuses, dates, sponsors) for links and checks.
 */

export type BenefitRow = Selectable<BenefitsTable>;

// ---------- categories and settings ----------

export const DEFAULT_BENEFIT_CATEGORIES = [
  { key: "revenue", name: "Revenue" },
  { key: "cost_saving", name: "Cost saving" },
  { key: "cost_avoidance", name: "Cost avoidance" },
  { key: "risk_reduction", name: "Risk reduction" },
  { key: "compliance", name: "Compliance" },
  { key: "customer", name: "Customer" },
  { key: "employee", name: "Employee" },
] as const;

export async function seedBenefitCategories(db: Db, org: string): Promise<void> {
  await db
    .insertInto("benefit_categories")
    .values(DEFAULT_BENEFIT_CATEGORIES.map((c, i) => ({ organization_id: org, ...c, sort_order: i })))
    .execute();
}

export async function findCategories(db: Db, org: string) {
  return db
    .selectFrom("benefit_categories")
    .select(["key", "name", "sort_order"])
    .where("organization_id", "=", org)
    .orderBy("sort_order")
    .orderBy("key")
    .execute();
}

export async function insertCategory(db: Db, row: Insertable<Database["benefit_categories"]>): Promise<void> {
  await db.insertInto("benefit_categories").values(row).execute();
}

export async function findSettings(db: Db, org: string) {
  return db.selectFrom("benefit_settings").selectAll().where("organization_id", "=", org).executeTakeFirst();
}

export async function saveSettings(db: Db, org: string, pirOffsets: number[], at: string): Promise<void> {
  const existing = await findSettings(db, org);
  if (existing) {
    await db
      .updateTable("benefit_settings")
      .set({ pir_offsets: JSON.stringify(pirOffsets), updated_at: at })
      .where("organization_id", "=", org)
      .execute();
  } else {
    await db
      .insertInto("benefit_settings")
      .values({ organization_id: org, pir_offsets: JSON.stringify(pirOffsets), updated_at: at })
      .execute();
  }
}

// ---------- benefits ----------

export type BenefitFilter = {
  q?: string | undefined;
  statuses?: readonly string[] | undefined;
  types?: readonly string[] | undefined;
  category?: string | undefined;
  ownerId?: string | undefined;
  projectId?: string | undefined;
  objectiveId?: string | undefined;
  portfolioId?: string | undefined;
  archived: "exclude" | "include" | "only";
};

/** Benefits matching the filter, by code, after `afterCode` (cursor), at most `limit` (all when undefined). */
export async function findBenefits(db: Db, org: string, filter: BenefitFilter, afterCode?: string, limit?: number) {
  let q = db.selectFrom("benefits as b").selectAll("b").where("b.organization_id", "=", org);
  if (filter.archived === "exclude") q = q.where("b.archived_at", "is", null);
  if (filter.archived === "only") q = q.where("b.archived_at", "is not", null);
  if (filter.statuses?.length) q = q.where("b.status", "in", [...filter.statuses]);
  if (filter.types?.length) q = q.where("b.type", "in", [...filter.types]);
  if (filter.category) q = q.where("b.category", "=", filter.category);
  if (filter.q) {
    const like = `%${filter.q.toLowerCase().replace(/[%_\\]/g, (m) => `\\${m}`)}%`;
    q = q.where((eb) =>
      eb.or([
        eb(eb.fn("lower", ["b.code"]), "like", like),
        eb(eb.fn("lower", ["b.title"]), "like", like),
        eb(eb.fn("lower", ["b.kpi_name"]), "like", like),
      ]),
    );
  }
  if (filter.ownerId) {
    const id = filter.ownerId;
    q = q.where((eb) =>
      eb.or([
        eb("b.responsible_owner_id", "=", id),
        eb("b.accountable_owner_id", "=", id),
        eb("b.operational_owner_id", "=", id),
      ]),
    );
  }
  if (filter.projectId) {
    const projectId = filter.projectId;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom("benefit_projects as bp")
          .select("bp.benefit_id")
          .whereRef("bp.organization_id", "=", "b.organization_id")
          .whereRef("bp.benefit_id", "=", "b.id")
          .where("bp.project_id", "=", projectId),
      ),
    );
  }
  if (filter.objectiveId) {
    const objectiveId = filter.objectiveId;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom("benefit_objectives as bo")
          .select("bo.benefit_id")
          .whereRef("bo.organization_id", "=", "b.organization_id")
          .whereRef("bo.benefit_id", "=", "b.id")
          .where("bo.objective_id", "=", objectiveId),
      ),
    );
  }
  if (filter.portfolioId) {
    const portfolioId = filter.portfolioId;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom("benefit_projects as bp")
          .innerJoin("projects as p", (j) =>
            j.onRef("p.organization_id", "=", "bp.organization_id").onRef("p.id", "=", "bp.project_id"),
          )
          .select("bp.benefit_id")
          .whereRef("bp.organization_id", "=", "b.organization_id")
          .whereRef("bp.benefit_id", "=", "b.id")
          .where("p.portfolio_id", "=", portfolioId),
      ),
    );
  }
  if (afterCode !== undefined) q = q.where("b.code", ">", afterCode);
  q = q.orderBy("b.code");
  if (limit !== undefined) q = q.limit(limit);
  return q.execute();
}

export async function findBenefit(db: Db, org: string, id: string) {
  return db
    .selectFrom("benefits")
    .selectAll()
    .where("organization_id", "=", org)
    .where("id", "=", id)
    .executeTakeFirst();
}

export async function findBenefitByCode(db: Db, org: string, code: string) {
  return db
    .selectFrom("benefits")
    .selectAll()
    .where("organization_id", "=", org)
    .where("code", "=", code)
    .executeTakeFirst();
}

export async function insertBenefit(db: Db, row: Insertable<BenefitsTable>): Promise<void> {
  await db.insertInto("benefits").values(row).execute();
}

export async function updateBenefit(
  db: Db,
  org: string,
  id: string,
  version: number,
  changes: Updateable<Database["benefits"]>,
): Promise<boolean> {
  return updateVersioned(db, "benefits", org, id, version, changes);
}

// ---------- links and profiles ----------

export async function replaceLinks(
  db: Db,
  org: string,
  benefitId: string,
  projectIds: readonly string[] | undefined,
  objectives: readonly { objectiveId: string; weight: number }[] | undefined,
): Promise<void> {
  if (projectIds) {
    await db
      .deleteFrom("benefit_projects")
      .where("organization_id", "=", org)
      .where("benefit_id", "=", benefitId)
      .execute();
    if (projectIds.length) {
      await db
        .insertInto("benefit_projects")
        .values(
          [...new Set(projectIds)].map((project_id) => ({ organization_id: org, benefit_id: benefitId, project_id })),
        )
        .execute();
    }
  }
  if (objectives) {
    await db
      .deleteFrom("benefit_objectives")
      .where("organization_id", "=", org)
      .where("benefit_id", "=", benefitId)
      .execute();
    if (objectives.length) {
      await db
        .insertInto("benefit_objectives")
        .values(
          objectives.map((o) => ({
            organization_id: org,
            benefit_id: benefitId,
            objective_id: o.objectiveId,
            weight: o.weight,
          })),
        )
        .execute();
    }
  }
}

export async function findProjectLinks(db: Db, org: string, benefitIds: readonly string[]) {
  return inChunks(benefitIds, (chunk) =>
    db
      .selectFrom("benefit_projects as bp")
      .innerJoin("projects as p", (j) =>
        j.onRef("p.organization_id", "=", "bp.organization_id").onRef("p.id", "=", "bp.project_id"),
      )
      .select([
        "bp.benefit_id",
        "p.id",
        "p.code",
        "p.name",
        "p.status",
        "p.planned_start",
        "p.planned_end",
        "p.portfolio_id",
        "p.manager_user_id",
        "p.sponsor_user_id",
        "p.updated_at",
      ])
      .where("bp.organization_id", "=", org)
      .where("bp.benefit_id", "in", chunk)
      .orderBy("p.code")
      .execute(),
  );
}
export type ProjectLinkRow = Awaited<ReturnType<typeof findProjectLinks>>[number];

export async function findObjectiveLinks(db: Db, org: string, benefitIds: readonly string[]) {
  return inChunks(benefitIds, (chunk) =>
    db
      .selectFrom("benefit_objectives as bo")
      .innerJoin("strategic_objectives as o", (j) =>
        j.onRef("o.organization_id", "=", "bo.organization_id").onRef("o.id", "=", "bo.objective_id"),
      )
      .select(["bo.benefit_id", "o.id", "o.code", "o.title", "bo.weight"])
      .where("bo.organization_id", "=", org)
      .where("bo.benefit_id", "in", chunk)
      .orderBy("o.code")
      .execute(),
  );
}

export async function replaceProfile(
  db: Db,
  org: string,
  benefitId: string,
  points: readonly { period: string; planned: number }[],
): Promise<void> {
  await db
    .deleteFrom("benefit_profile_points")
    .where("organization_id", "=", org)
    .where("benefit_id", "=", benefitId)
    .execute();
  for (let i = 0; i < points.length; i += 200) {
    await db
      .insertInto("benefit_profile_points")
      .values(points.slice(i, i + 200).map((p) => ({ organization_id: org, benefit_id: benefitId, ...p })))
      .execute();
  }
}

export async function findProfiles(db: Db, org: string, benefitIds: readonly string[]) {
  return inChunks(benefitIds, (chunk) =>
    db
      .selectFrom("benefit_profile_points")
      .select(["benefit_id", "period", "planned"])
      .where("organization_id", "=", org)
      .where("benefit_id", "in", chunk)
      .orderBy("period")
      .execute(),
  );
}

// ---------- measurements ----------

export async function findMeasurements(db: Db, org: string, benefitIds: readonly string[]) {
  return inChunks(benefitIds, (chunk) =>
    db
      .selectFrom("benefit_measurements as m")
      .leftJoin("users as u", "u.id", "m.recorded_by")
      .selectAll("m")
      .select("u.name as recorded_by_name")
      .where("m.organization_id", "=", org)
      .where("m.benefit_id", "in", chunk)
      .orderBy("m.period")
      .execute(),
  );
}
export type MeasurementRow = Awaited<ReturnType<typeof findMeasurements>>[number];

export async function findMeasurement(db: Db, org: string, id: string) {
  return db
    .selectFrom("benefit_measurements as m")
    .leftJoin("users as u", "u.id", "m.recorded_by")
    .selectAll("m")
    .select("u.name as recorded_by_name")
    .where("m.organization_id", "=", org)
    .where("m.id", "=", id)
    .executeTakeFirst();
}

export async function findMeasurementForPeriod(db: Db, org: string, benefitId: string, period: string) {
  return db
    .selectFrom("benefit_measurements")
    .selectAll()
    .where("organization_id", "=", org)
    .where("benefit_id", "=", benefitId)
    .where("period", "=", period)
    .executeTakeFirst();
}

export async function insertMeasurement(db: Db, row: Insertable<Database["benefit_measurements"]>): Promise<void> {
  await db.insertInto("benefit_measurements").values(row).execute();
}

export async function updateMeasurement(
  db: Db,
  org: string,
  id: string,
  version: number,
  changes: Updateable<Database["benefit_measurements"]>,
): Promise<boolean> {
  return updateVersioned(db, "benefit_measurements", org, id, version, changes);
}

export async function deleteMeasurement(db: Db, org: string, id: string, version: number): Promise<boolean> {
  return deleteVersioned(db, "benefit_measurements", org, id, version);
}

// ---------- people, projects, objectives ----------

export async function findUserNames(db: Db, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter((x): x is string => x !== null))];
  const rows = await inChunks(unique, (chunk) =>
    db.selectFrom("users").select(["id", "name"]).where("id", "in", chunk).execute(),
  );
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function findMemberIds(db: Db, org: string, ids: readonly string[]): Promise<Set<string>> {
  const rows = await inChunks([...new Set(ids)], (chunk) =>
    db
      .selectFrom("memberships")
      .select("user_id")
      .where("organization_id", "=", org)
      .where("user_id", "in", chunk)
      .execute(),
  );
  return new Set(rows.map((r) => r.user_id));
}

export async function findProjects(db: Db, org: string, ids: readonly string[]) {
  return inChunks([...new Set(ids)], (chunk) =>
    db
      .selectFrom("projects")
      .select([
        "id",
        "code",
        "name",
        "status",
        "planned_start",
        "planned_end",
        "portfolio_id",
        "manager_user_id",
        "sponsor_user_id",
        "updated_at",
      ])
      .where("organization_id", "=", org)
      .where("id", "in", chunk)
      .execute(),
  );
}

export async function findObjectiveRows(db: Db, org: string, ids?: readonly string[]) {
  let q = db
    .selectFrom("strategic_objectives")
    .select(["id", "code", "title", "owner_user_id"])
    .where("organization_id", "=", org);
  if (ids) {
    if (ids.length === 0) return [];
    q = q.where("id", "in", [...new Set(ids)]);
  }
  return q.orderBy("code").execute();
}

export async function findPortfolios(db: Db, org: string) {
  return db
    .selectFrom("portfolios")
    .select(["id", "name"])
    .where("organization_id", "=", org)
    .orderBy("name")
    .execute();
}

/** Closed projects that enable at least one benefit: the ones post-implementation reviews are for. */
export async function findClosedProjectsWithBenefits(db: Db, org: string) {
  return db
    .selectFrom("projects as p")
    .select(["p.id", "p.planned_end", "p.updated_at"])
    .where("p.organization_id", "=", org)
    .where("p.status", "=", "closed")
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom("benefit_projects as bp")
          .select("bp.project_id")
          .whereRef("bp.organization_id", "=", "p.organization_id")
          .whereRef("bp.project_id", "=", "p.id"),
      ),
    )
    .execute();
}

/** When each project was closed, from the audit trail (the update that set status closed). */
export async function findClosureDates(
  db: Db,
  org: string,
  projectIds: readonly string[],
): Promise<Map<string, string>> {
  const rows = await inChunks(projectIds, (chunk) =>
    db
      .selectFrom("audit_events")
      .select(["entity_id", "occurred_at", "changes"])
      .where("organization_id", "=", org)
      .where("entity_type", "=", "project")
      .where("entity_id", "in", chunk)
      .orderBy("occurred_at")
      .execute(),
  );
  const out = new Map<string, string>();
  for (const r of rows) {
    try {
      const changes = JSON.parse(String(r.changes)) as Record<string, { after?: unknown }>;
      if (changes.status?.after === "closed") out.set(r.entity_id, String(r.occurred_at).slice(0, 10));
    } catch {
      // an unreadable audit entry says nothing about closure
    }
  }
  return out;
}

// ---------- risks ----------

export async function findRisks(db: Db, org: string, benefitIds: readonly string[]) {
  return inChunks(benefitIds, (chunk) =>
    db
      .selectFrom("benefit_risks")
      .selectAll()
      .where("organization_id", "=", org)
      .where("benefit_id", "in", chunk)
      .orderBy("created_at")
      .execute(),
  );
}

export async function findRisk(db: Db, org: string, id: string) {
  return db
    .selectFrom("benefit_risks")
    .selectAll()
    .where("organization_id", "=", org)
    .where("id", "=", id)
    .executeTakeFirst();
}

export async function insertRisk(db: Db, row: Insertable<Database["benefit_risks"]>): Promise<void> {
  await db.insertInto("benefit_risks").values(row).execute();
}

export async function updateRisk(
  db: Db,
  org: string,
  id: string,
  version: number,
  changes: Updateable<Database["benefit_risks"]>,
): Promise<boolean> {
  return updateVersioned(db, "benefit_risks", org, id, version, changes);
}

// ---------- corrective actions ----------

export async function findActions(
  db: Db,
  org: string,
  filter: {
    statuses?: readonly string[] | undefined;
    benefitIds?: readonly string[] | undefined;
    ownerId?: string | undefined;
  },
) {
  let q = db
    .selectFrom("corrective_actions as a")
    .innerJoin("benefits as b", (j) =>
      j.onRef("b.organization_id", "=", "a.organization_id").onRef("b.id", "=", "a.benefit_id"),
    )
    .selectAll("a")
    .select(["b.code as benefit_code", "b.title as benefit_title"])
    .where("a.organization_id", "=", org);
  if (filter.statuses?.length) q = q.where("a.status", "in", [...filter.statuses]);
  if (filter.benefitIds) {
    if (filter.benefitIds.length === 0) return [];
    q = q.where("a.benefit_id", "in", [...filter.benefitIds]);
  }
  if (filter.ownerId) q = q.where("a.owner_user_id", "=", filter.ownerId);
  return q.orderBy("a.due_date").orderBy("a.id").execute();
}
export type ActionRow = Awaited<ReturnType<typeof findActions>>[number];

export async function findAction(db: Db, org: string, id: string) {
  const rows = await db
    .selectFrom("corrective_actions as a")
    .innerJoin("benefits as b", (j) =>
      j.onRef("b.organization_id", "=", "a.organization_id").onRef("b.id", "=", "a.benefit_id"),
    )
    .selectAll("a")
    .select(["b.code as benefit_code", "b.title as benefit_title"])
    .where("a.organization_id", "=", org)
    .where("a.id", "=", id)
    .execute();
  return rows[0];
}

export async function insertAction(db: Db, row: Insertable<Database["corrective_actions"]>): Promise<void> {
  await db.insertInto("corrective_actions").values(row).execute();
}

export async function updateAction(
  db: Db,
  org: string,
  id: string,
  version: number,
  changes: Updateable<Database["corrective_actions"]>,
): Promise<boolean> {
  return updateVersioned(db, "corrective_actions", org, id, version, changes);
}

// ---------- hand-overs ----------

export async function insertHandover(db: Db, row: Insertable<Database["benefit_handovers"]>): Promise<void> {
  await db.insertInto("benefit_handovers").values(row).execute();
}

export async function findHandovers(db: Db, org: string, benefitId: string) {
  return db
    .selectFrom("benefit_handovers")
    .selectAll()
    .where("organization_id", "=", org)
    .where("benefit_id", "=", benefitId)
    .orderBy("created_at")
    .execute();
}

// ---------- post-implementation reviews ----------

export async function findReviews(
  db: Db,
  org: string,
  filter: { statuses?: readonly string[] | undefined; projectId?: string | undefined },
) {
  let q = db
    .selectFrom("pir_reviews as r")
    .innerJoin("projects as p", (j) =>
      j.onRef("p.organization_id", "=", "r.organization_id").onRef("p.id", "=", "r.project_id"),
    )
    .selectAll("r")
    .select(["p.code as project_code", "p.name as project_name", "p.sponsor_user_id", "p.manager_user_id"])
    .where("r.organization_id", "=", org);
  if (filter.statuses?.length) q = q.where("r.status", "in", [...filter.statuses]);
  if (filter.projectId) q = q.where("r.project_id", "=", filter.projectId);
  return q.orderBy("r.due_date").orderBy("r.id").execute();
}
export type ReviewRow = Awaited<ReturnType<typeof findReviews>>[number];

export async function findReview(db: Db, org: string, id: string): Promise<ReviewRow | undefined> {
  const rows = await db
    .selectFrom("pir_reviews as r")
    .innerJoin("projects as p", (j) =>
      j.onRef("p.organization_id", "=", "r.organization_id").onRef("p.id", "=", "r.project_id"),
    )
    .selectAll("r")
    .select(["p.code as project_code", "p.name as project_name", "p.sponsor_user_id", "p.manager_user_id"])
    .where("r.organization_id", "=", org)
    .where("r.id", "=", id)
    .execute();
  return rows[0];
}

export async function findReviewKeys(db: Db, org: string) {
  return db
    .selectFrom("pir_reviews")
    .select(["project_id", "offset_months"])
    .where("organization_id", "=", org)
    .execute();
}

export async function insertReview(db: Db, row: Insertable<Database["pir_reviews"]>): Promise<void> {
  await db.insertInto("pir_reviews").values(row).execute();
}

export async function updateReview(
  db: Db,
  org: string,
  id: string,
  version: number,
  changes: Updateable<Database["pir_reviews"]>,
): Promise<boolean> {
  return updateVersioned(db, "pir_reviews", org, id, version, changes);
}

export async function findReviewItems(db: Db, org: string, reviewId: string) {
  return db
    .selectFrom("pir_review_items")
    .selectAll()
    .where("organization_id", "=", org)
    .where("review_id", "=", reviewId)
    .execute();
}

export async function upsertReviewItem(
  db: Db,
  row: {
    organization_id: string;
    review_id: string;
    benefit_id: string;
    planned: number | null;
    actual: number | null;
    comment: string;
  },
): Promise<void> {
  const existing = await db
    .selectFrom("pir_review_items")
    .select("benefit_id")
    .where("organization_id", "=", row.organization_id)
    .where("review_id", "=", row.review_id)
    .where("benefit_id", "=", row.benefit_id)
    .executeTakeFirst();
  if (existing) {
    await db
      .updateTable("pir_review_items")
      .set({ planned: row.planned, actual: row.actual, comment: row.comment })
      .where("organization_id", "=", row.organization_id)
      .where("review_id", "=", row.review_id)
      .where("benefit_id", "=", row.benefit_id)
      .execute();
  } else await db.insertInto("pir_review_items").values(row).execute();
}

// ---------- dependency network ----------

export async function findMapNodes(db: Db, org: string) {
  return db
    .selectFrom("benefit_map_nodes")
    .selectAll()
    .where("organization_id", "=", org)
    .orderBy("created_at")
    .execute();
}

export async function findMapEdges(db: Db, org: string) {
  return db.selectFrom("benefit_map_edges").selectAll().where("organization_id", "=", org).execute();
}

export async function findMapNode(db: Db, org: string, id: string) {
  return db
    .selectFrom("benefit_map_nodes")
    .selectAll()
    .where("organization_id", "=", org)
    .where("id", "=", id)
    .executeTakeFirst();
}

export async function insertMapNode(db: Db, row: Insertable<Database["benefit_map_nodes"]>): Promise<void> {
  await db.insertInto("benefit_map_nodes").values(row).execute();
}

export async function updateMapNode(
  db: Db,
  org: string,
  id: string,
  changes: Updateable<Database["benefit_map_nodes"]>,
) {
  await db
    .updateTable("benefit_map_nodes")
    .set(changes)
    .where("organization_id", "=", org)
    .where("id", "=", id)
    .execute();
}

export async function deleteMapNode(db: Db, org: string, id: string): Promise<void> {
  await db.deleteFrom("benefit_map_nodes").where("organization_id", "=", org).where("id", "=", id).execute();
}

/** Replaces the edges around a business-change node: enabling projects → change → benefits. */
export async function replaceNodeEdges(
  db: Db,
  org: string,
  nodeId: string,
  benefitNodeIds: readonly string[] | undefined,
  projectNodeIds: readonly string[] | undefined,
): Promise<void> {
  if (benefitNodeIds) {
    await db
      .deleteFrom("benefit_map_edges")
      .where("organization_id", "=", org)
      .where("from_node_id", "=", nodeId)
      .execute();
    for (const to of new Set(benefitNodeIds)) {
      await db
        .insertInto("benefit_map_edges")
        .values({ organization_id: org, from_node_id: nodeId, to_node_id: to })
        .execute();
    }
  }
  if (projectNodeIds) {
    await db
      .deleteFrom("benefit_map_edges")
      .where("organization_id", "=", org)
      .where("to_node_id", "=", nodeId)
      .execute();
    for (const from of new Set(projectNodeIds)) {
      await db
        .insertInto("benefit_map_edges")
        .values({ organization_id: org, from_node_id: from, to_node_id: nodeId })
        .execute();
    }
  }
}

// ---------- business cases ----------

export async function findBusinessCase(db: Db, org: string, projectId: string) {
  return db
    .selectFrom("business_cases")
    .selectAll()
    .where("organization_id", "=", org)
    .where("project_id", "=", projectId)
    .executeTakeFirst();
}

export async function findBusinessCases(db: Db, org: string) {
  return db.selectFrom("business_cases").selectAll().where("organization_id", "=", org).execute();
}

export async function findBusinessCaseFlows(db: Db, org: string, projectId: string) {
  return db
    .selectFrom("business_case_flows")
    .selectAll()
    .where("organization_id", "=", org)
    .where("project_id", "=", projectId)
    .orderBy("year")
    .execute();
}

export async function findAllBusinessCaseFlows(db: Db, org: string) {
  return db
    .selectFrom("business_cases as c")
    .innerJoin("business_case_flows as f", (j) =>
      j.onRef("f.organization_id", "=", "c.organization_id").onRef("f.project_id", "=", "c.project_id"),
    )
    .select(["c.project_id", "c.discount_rate", "c.first_year", "f.year", "f.costs_cents", "f.benefits_cents"])
    .where("c.organization_id", "=", org)
    .orderBy("f.year")
    .execute();
}

export async function saveBusinessCase(
  db: Db,
  org: string,
  projectId: string,
  version: number | null,
  row: Omit<Insertable<Database["business_cases"]>, "organization_id" | "project_id" | "version">,
  flows: readonly { year: number; costsCents: number; benefitsCents: number }[],
): Promise<boolean> {
  if (version === null) {
    await db
      .insertInto("business_cases")
      .values({ organization_id: org, project_id: projectId, ...row })
      .execute();
  } else {
    const r = await db
      .updateTable("business_cases")
      .set({ ...row, version: version + 1 })
      .where("organization_id", "=", org)
      .where("project_id", "=", projectId)
      .where("version", "=", version)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) return false;
  }
  await db
    .deleteFrom("business_case_flows")
    .where("organization_id", "=", org)
    .where("project_id", "=", projectId)
    .execute();
  if (flows.length) {
    await db
      .insertInto("business_case_flows")
      .values(
        flows.map((f) => ({
          organization_id: org,
          project_id: projectId,
          year: f.year,
          costs_cents: f.costsCents,
          benefits_cents: f.benefitsCents,
        })),
      )
      .execute();
  }
  return true;
}

/**
 * Benefits as data sources of strategy goals: each benefit's code, title and measurements as
 * dated readings (a month's value is dated on the month's last day). Given to the goals service by
 * the composition root, so strategy never reads this module's tables.
 */
export async function readBenefitSources(db: Db, org: string, benefitIds: readonly string[]) {
  const ids = [...new Set(benefitIds)];
  const out = new Map<
    string,
    {
      code: string;
      title: string;
      readings: {
        id: string;
        date: string;
        value: number;
        recordedBy: string | null;
        recordedByName: string | null;
        createdAt: string;
      }[];
    }
  >();
  if (ids.length === 0) return out;
  const benefits = await inChunks(ids, (chunk) =>
    db
      .selectFrom("benefits")
      .select(["id", "code", "title"])
      .where("organization_id", "=", org)
      .where("id", "in", chunk)
      .execute(),
  );
  for (const b of benefits) out.set(b.id, { code: b.code, title: b.title, readings: [] });
  for (const m of await findMeasurements(db, org, ids)) {
    const [y, mo] = m.period.split("-").map(Number) as [number, number];
    const last = new Date(Date.UTC(y, mo, 0)).getUTCDate();
    out.get(m.benefit_id)?.readings.push({
      id: m.id,
      date: `${m.period}-${String(last).padStart(2, "0")}`,
      value: Number(m.value),
      recordedBy: m.recorded_by,
      recordedByName: m.recorded_by_name,
      createdAt: m.created_at,
    });
  }
  return out;
}
