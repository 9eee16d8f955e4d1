import type { Db } from "../../platform/db/database.js";
import type { AuditEventsTable } from "./audit.table.js";

export type AuditFilter = {
  entityType?: string | undefined;
  entityId?: string | undefined;
  actorId?: string | undefined;
  action?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** Return events with id < beforeId (ids are UUIDv7, so newest first by id). */
  beforeId?: string | undefined;
  limit: number;
};

export async function insertAuditEvent(db: Db, row: AuditEventsTable): Promise<void> {
  await db.insertInto("audit_events").values(row).execute();
}

export async function insertAuditEvents(db: Db, rows: AuditEventsTable[]): Promise<void> {
  // 10 columns per row; stay far below both engines' bound-parameter limits.
  for (let i = 0; i < rows.length; i += 1000) {
    await db
      .insertInto("audit_events")
      .values(rows.slice(i, i + 1000))
      .execute();
  }
}

export async function findAuditEvents(db: Db, organizationId: string, f: AuditFilter): Promise<AuditEventsTable[]> {
  let q = db.selectFrom("audit_events").selectAll().where("organization_id", "=", organizationId);
  if (f.entityType) q = q.where("entity_type", "=", f.entityType);
  if (f.entityId) q = q.where("entity_id", "=", f.entityId);
  if (f.actorId) q = q.where("actor_user_id", "=", f.actorId);
  if (f.action) q = q.where("action", "=", f.action);
  if (f.from) q = q.where("occurred_at", ">=", f.from);
  if (f.to) q = q.where("occurred_at", "<=", f.to);
  if (f.beforeId) q = q.where("id", "<", f.beforeId);
  return q.orderBy("id", "desc").limit(f.limit).execute();
}
