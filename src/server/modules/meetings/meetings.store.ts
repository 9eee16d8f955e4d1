import { type Expression, type Insertable, type Selectable, type SqlBool, sql } from "kysely";
import type { RefType } from "../../../domain/meetings/meeting-rules.js";
import type { Db } from "../../platform/db/database.js";
import type {
  ActionItemsTable,
  AgendaItemsTable,
  DecisionsTable,
  MeetingAttendeesTable,
  MeetingsTable,
} from "./meetings.table.js";

/** Kysely queries of the meetings module. Every query names the organization; ids of another one find nothing. */

export type MeetingRow = Selectable<MeetingsTable>;
export type AgendaItemRow = Selectable<AgendaItemsTable>;
export type DecisionRow = Selectable<DecisionsTable>;
export type ActionItemRow = Selectable<ActionItemsTable>;
export type AttendeeRow = { user_id: string; attendance: string; name: string; email: string };

/** A keyset position in a list: the sort column's value and the id that breaks ties. */
export type After = { value: string; id: string };

/** A `like` pattern matching `text` anywhere, with LIKE's own characters (% _ \) taken literally (escape '\'). */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Whitespace-separated search terms, at most 8, each matched as a substring. */
export function searchTerms(q: string): string[] {
  return q
    .split(/\s+/)
    .filter((t) => t.length > 0)
    .slice(0, 8);
}

// ---------- people and references ----------

/** Members of the organization among `userIds`, with their names and emails. */
export async function findMembers(
  db: Db,
  organizationId: string,
  userIds: readonly string[],
): Promise<Map<string, { name: string; email: string }>> {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom("memberships as ms")
    .innerJoin("users as u", "u.id", "ms.user_id")
    .select(["u.id", "u.name", "u.email"])
    .where("ms.organization_id", "=", organizationId)
    .where("u.id", "in", ids)
    .execute();
  return new Map(rows.map((r) => [r.id, { name: r.name, email: r.email }]));
}

export const refKey = (type: string, id: string) => `${type}:${id}`;

/**
 * Labels of referenced records of the organization, keyed by `refKey(type, id)`; a reference
 * missing from the map does not exist in this organization. Reads the owning modules' tables for
 * existence and names only.
 */
export async function findRefLabels(
  db: Db,
  organizationId: string,
  refs: readonly { type: RefType; id: string }[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const idsOf = (type: RefType) => [...new Set(refs.filter((r) => r.type === type).map((r) => r.id))];
  const projectIds = idsOf("project");
  const goalIds = idsOf("goal");
  const objectiveIds = idsOf("objective");
  const scenarioIds = idsOf("scenario");
  if (scenarioIds.length > 0) {
    const rows = await db
      .selectFrom("selection_scenarios")
      .select(["id", "name"])
      .where("organization_id", "=", organizationId)
      .where("id", "in", scenarioIds)
      .execute();
    for (const r of rows) out.set(refKey("scenario", r.id), `Scenario · ${r.name}`);
  }
  if (projectIds.length > 0) {
    const rows = await db
      .selectFrom("projects")
      .select(["id", "code", "name"])
      .where("organization_id", "=", organizationId)
      .where("id", "in", projectIds)
      .execute();
    for (const r of rows) out.set(refKey("project", r.id), `Project ${r.code} · ${r.name}`);
  }
  if (goalIds.length > 0) {
    const rows = await db
      .selectFrom("goals")
      .select(["id", "title"])
      .where("organization_id", "=", organizationId)
      .where("id", "in", goalIds)
      .execute();
    for (const r of rows) out.set(refKey("goal", r.id), `Goal · ${r.title}`);
  }
  if (objectiveIds.length > 0) {
    const rows = await db
      .selectFrom("strategic_objectives")
      .select(["id", "code", "title"])
      .where("organization_id", "=", organizationId)
      .where("id", "in", objectiveIds)
      .execute();
    for (const r of rows) out.set(refKey("objective", r.id), `Objective ${r.code} · ${r.title}`);
  }
  return out;
}

export async function projectExists(db: Db, organizationId: string, projectId: string): Promise<boolean> {
  const r = await db
    .selectFrom("projects")
    .select("id")
    .where("organization_id", "=", organizationId)
    .where("id", "=", projectId)
    .executeTakeFirst();
  return r !== undefined;
}

// ---------- meetings ----------

export type MeetingFilter = {
  from?: string | undefined;
  to?: string | undefined;
  types?: string[] | undefined;
  statuses?: string[] | undefined;
};

/** Newest first. `starts_at` is stored as a UTC ISO instant of fixed width, so text order is time order. */
export async function findMeetings(
  db: Db,
  organizationId: string,
  filter: MeetingFilter,
  page: { after?: After | undefined; limit: number },
): Promise<MeetingRow[]> {
  let q = db.selectFrom("meetings").selectAll().where("organization_id", "=", organizationId);
  if (filter.from) q = q.where("starts_at", ">=", `${filter.from}T00:00:00.000Z`);
  if (filter.to) q = q.where("starts_at", "<=", `${filter.to}T23:59:59.999Z`);
  if (filter.types?.length) q = q.where("meeting_type", "in", filter.types);
  if (filter.statuses?.length) q = q.where("status", "in", filter.statuses);
  const after = page.after;
  if (after)
    q = q.where(
      (eb) =>
        eb.or([
          eb("starts_at", "<", after.value),
          eb.and([eb("starts_at", "=", after.value), eb("id", "<", after.id)]),
        ]) as Expression<SqlBool>,
    );
  return q.orderBy("starts_at", "desc").orderBy("id", "desc").limit(page.limit).execute();
}

export async function findMeeting(db: Db, organizationId: string, id: string): Promise<MeetingRow | undefined> {
  return db
    .selectFrom("meetings")
    .selectAll()
    .where("organization_id", "=", organizationId)
    .where("id", "=", id)
    .executeTakeFirst();
}

export async function findMeetingTitles(
  db: Db,
  organizationId: string,
  ids: readonly string[],
): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .selectFrom("meetings")
    .select(["id", "title"])
    .where("organization_id", "=", organizationId)
    .where("id", "in", unique)
    .execute();
  return new Map(rows.map((r) => [r.id, r.title]));
}

export async function insertMeeting(db: Db, row: Insertable<MeetingsTable>): Promise<void> {
  await db.insertInto("meetings").values(row).execute();
}

/**
 * Updates a meeting at the expected version and bumps it; false when the version moved on. Agenda
 * and attendee changes pass an empty patch: the meeting's version covers them.
 */
export async function updateMeetingRow(
  db: Db,
  organizationId: string,
  id: string,
  expectedVersion: number,
  patch: Partial<Omit<MeetingRow, "organization_id" | "id" | "version" | "created_at">> & { updated_at: string },
): Promise<boolean> {
  const r = await db
    .updateTable("meetings")
    .set((eb) => ({ ...patch, version: eb("version", "+", 1) }))
    .where("organization_id", "=", organizationId)
    .where("id", "=", id)
    .where("version", "=", expectedVersion)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function findAttendees(db: Db, organizationId: string, meetingId: string): Promise<AttendeeRow[]> {
  return db
    .selectFrom("meeting_attendees as a")
    .innerJoin("users as u", "u.id", "a.user_id")
    .select(["a.user_id", "a.attendance", "u.name", "u.email"])
    .where("a.organization_id", "=", organizationId)
    .where("a.meeting_id", "=", meetingId)
    .orderBy("u.name")
    .orderBy("a.user_id")
    .execute();
}

export async function replaceAttendees(
  db: Db,
  organizationId: string,
  meetingId: string,
  attendees: readonly { userId: string; attendance: string }[],
): Promise<void> {
  await db
    .deleteFrom("meeting_attendees")
    .where("organization_id", "=", organizationId)
    .where("meeting_id", "=", meetingId)
    .execute();
  if (attendees.length === 0) return;
  const rows: MeetingAttendeesTable[] = attendees.map((a) => ({
    organization_id: organizationId,
    meeting_id: meetingId,
    user_id: a.userId,
    attendance: a.attendance,
  }));
  await db.insertInto("meeting_attendees").values(rows).execute();
}

// ---------- agenda items ----------

export async function findAgendaItems(db: Db, organizationId: string, meetingId: string): Promise<AgendaItemRow[]> {
  return db
    .selectFrom("agenda_items")
    .selectAll()
    .where("organization_id", "=", organizationId)
    .where("meeting_id", "=", meetingId)
    .orderBy("position")
    .orderBy("id")
    .execute();
}

export async function findAgendaItem(db: Db, organizationId: string, id: string): Promise<AgendaItemRow | undefined> {
  return db
    .selectFrom("agenda_items")
    .selectAll()
    .where("organization_id", "=", organizationId)
    .where("id", "=", id)
    .executeTakeFirst();
}

export async function insertAgendaItem(db: Db, row: Insertable<AgendaItemsTable>): Promise<void> {
  await db.insertInto("agenda_items").values(row).execute();
}

export async function updateAgendaItemRow(
  db: Db,
  organizationId: string,
  id: string,
  patch: Partial<Pick<AgendaItemRow, "title" | "notes" | "ref_type" | "ref_id" | "position">>,
): Promise<void> {
  await db
    .updateTable("agenda_items")
    .set(patch)
    .where("organization_id", "=", organizationId)
    .where("id", "=", id)
    .execute();
}

export async function deleteAgendaItemRow(db: Db, organizationId: string, id: string): Promise<void> {
  await db.deleteFrom("agenda_items").where("organization_id", "=", organizationId).where("id", "=", id).execute();
}

/** Writes positions 1..n in the given order, touching only the items whose position changes. */
export async function renumberAgenda(
  db: Db,
  organizationId: string,
  items: readonly { id: string; position: number }[],
  orderedIds: readonly string[],
): Promise<void> {
  const current = new Map(items.map((i) => [i.id, i.position]));
  for (const [index, id] of orderedIds.entries()) {
    if (current.get(id) === index + 1) continue;
    await updateAgendaItemRow(db, organizationId, id, { position: index + 1 });
  }
}

// ---------- decisions ----------

export type DecisionFilter = {
  q?: string | undefined;
  kinds?: string[] | undefined;
  refType?: string | undefined;
  refId?: string | undefined;
  meetingId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
};

/** The decision log, newest first (decision date, then id: UUIDv7 ids sort by creation). */
export async function findDecisions(
  db: Db,
  organizationId: string,
  filter: DecisionFilter,
  page: { after?: After | undefined; limit: number },
): Promise<DecisionRow[]> {
  let q = db.selectFrom("decisions as d").selectAll("d").where("d.organization_id", "=", organizationId);
  if (filter.kinds?.length) q = q.where("d.kind", "in", filter.kinds);
  if (filter.refType) q = q.where("d.ref_type", "=", filter.refType);
  if (filter.refId) q = q.where("d.ref_id", "=", filter.refId);
  if (filter.meetingId) q = q.where("d.meeting_id", "=", filter.meetingId);
  if (filter.from) q = q.where("d.decided_on", ">=", filter.from);
  if (filter.to) q = q.where("d.decided_on", "<=", filter.to);
  // Portable on both engines: lower() on both sides, the user's text escaped for LIKE.
  for (const term of filter.q ? searchTerms(filter.q) : []) {
    const pattern = containsPattern(term);
    q = q.where(
      (eb) =>
        eb.or([
          sql<SqlBool>`lower(${eb.ref("d.title")}) like lower(${pattern}) escape '\\'`,
          sql<SqlBool>`lower(${eb.ref("d.rationale")}) like lower(${pattern}) escape '\\'`,
        ]) as Expression<SqlBool>,
    );
  }
  const after = page.after;
  if (after)
    q = q.where(
      (eb) =>
        eb.or([
          eb("d.decided_on", "<", after.value),
          eb.and([eb("d.decided_on", "=", after.value), eb("d.id", "<", after.id)]),
        ]) as Expression<SqlBool>,
    );
  return q.orderBy("d.decided_on", "desc").orderBy("d.id", "desc").limit(page.limit).execute();
}

export async function findDecision(db: Db, organizationId: string, id: string): Promise<DecisionRow | undefined> {
  return db
    .selectFrom("decisions")
    .selectAll()
    .where("organization_id", "=", organizationId)
    .where("id", "=", id)
    .executeTakeFirst();
}

/** A meeting's decisions in the order they were recorded. */
export async function findDecisionsOfMeeting(
  db: Db,
  organizationId: string,
  meetingId: string,
): Promise<DecisionRow[]> {
  return db
    .selectFrom("decisions")
    .selectAll()
    .where("organization_id", "=", organizationId)
    .where("meeting_id", "=", meetingId)
    .orderBy("id")
    .execute();
}

export async function insertDecision(db: Db, row: Insertable<DecisionsTable>): Promise<void> {
  await db.insertInto("decisions").values(row).execute();
}

export async function updateDecisionRow(
  db: Db,
  organizationId: string,
  id: string,
  expectedVersion: number,
  patch: Partial<Omit<DecisionRow, "organization_id" | "id" | "version" | "created_at">> & { updated_at: string },
): Promise<boolean> {
  const r = await db
    .updateTable("decisions")
    .set((eb) => ({ ...patch, version: eb("version", "+", 1) }))
    .where("organization_id", "=", organizationId)
    .where("id", "=", id)
    .where("version", "=", expectedVersion)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Detaches decisions from a deleted agenda item (they stay on the meeting); returns their ids. */
export async function detachDecisionsFromAgendaItem(
  db: Db,
  organizationId: string,
  agendaItemId: string,
  at: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom("decisions")
    .select("id")
    .where("organization_id", "=", organizationId)
    .where("agenda_item_id", "=", agendaItemId)
    .execute();
  if (rows.length === 0) return [];
  await db
    .updateTable("decisions")
    .set((eb) => ({ agenda_item_id: null, updated_at: at, version: eb("version", "+", 1) }))
    .where("organization_id", "=", organizationId)
    .where("agenda_item_id", "=", agendaItemId)
    .execute();
  return rows.map((r) => r.id);
}

// ---------- action items ----------

export type ActionItemListRow = ActionItemRow & { owner_name: string | null; meeting_title: string | null };

export type ActionItemFilter = {
  ownerId?: string | undefined;
  statuses?: string[] | undefined;
  /** true: open and due before `today`; false: the rest. */
  overdue?: boolean | undefined;
  today: string;
  meetingId?: string | undefined;
  decisionId?: string | undefined;
};

const actionItemBase = (db: Db, organizationId: string) =>
  db
    .selectFrom("action_items as ai")
    .leftJoin("users as ou", "ou.id", "ai.owner_user_id")
    .leftJoin("meetings as m", (j) =>
      j.onRef("m.organization_id", "=", "ai.organization_id").onRef("m.id", "=", "ai.meeting_id"),
    )
    .selectAll("ai")
    .select(["ou.name as owner_name", "m.title as meeting_title"])
    .where("ai.organization_id", "=", organizationId);

/** Most urgent first: due date, then id. */
export async function findActionItems(
  db: Db,
  organizationId: string,
  filter: ActionItemFilter,
  page: { after?: After | undefined; limit: number },
): Promise<ActionItemListRow[]> {
  let q = actionItemBase(db, organizationId);
  if (filter.ownerId) q = q.where("ai.owner_user_id", "=", filter.ownerId);
  if (filter.statuses?.length) q = q.where("ai.status", "in", filter.statuses);
  if (filter.meetingId) q = q.where("ai.meeting_id", "=", filter.meetingId);
  if (filter.decisionId) q = q.where("ai.decision_id", "=", filter.decisionId);
  if (filter.overdue === true) q = q.where("ai.status", "=", "open").where("ai.due_date", "<", filter.today);
  if (filter.overdue === false)
    q = q.where((eb) => eb.or([eb("ai.status", "<>", "open"), eb("ai.due_date", ">=", filter.today)]));
  const after = page.after;
  if (after)
    q = q.where(
      (eb) =>
        eb.or([
          eb("ai.due_date", ">", after.value),
          eb.and([eb("ai.due_date", "=", after.value), eb("ai.id", ">", after.id)]),
        ]) as Expression<SqlBool>,
    );
  return q.orderBy("ai.due_date", "asc").orderBy("ai.id", "asc").limit(page.limit).execute();
}

export async function findActionItem(
  db: Db,
  organizationId: string,
  id: string,
): Promise<ActionItemListRow | undefined> {
  return actionItemBase(db, organizationId).where("ai.id", "=", id).executeTakeFirst();
}

/** A meeting's action items in due-date order (an action on a decision takes the decision's meeting). */
export async function findActionItemsOfMeeting(
  db: Db,
  organizationId: string,
  meetingId: string,
): Promise<ActionItemListRow[]> {
  return actionItemBase(db, organizationId)
    .where("ai.meeting_id", "=", meetingId)
    .orderBy("ai.due_date")
    .orderBy("ai.id")
    .execute();
}

export async function insertActionItem(db: Db, row: Insertable<ActionItemsTable>): Promise<void> {
  await db.insertInto("action_items").values(row).execute();
}

export async function updateActionItemRow(
  db: Db,
  organizationId: string,
  id: string,
  expectedVersion: number,
  patch: Partial<Omit<ActionItemRow, "organization_id" | "id" | "version" | "created_at">> & { updated_at: string },
): Promise<boolean> {
  const r = await db
    .updateTable("action_items")
    .set((eb) => ({ ...patch, version: eb("version", "+", 1) }))
    .where("organization_id", "=", organizationId)
    .where("id", "=", id)
    .where("version", "=", expectedVersion)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
