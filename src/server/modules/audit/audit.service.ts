import { authorize } from "../../platform/authorize.js";
import type { Clock } from "../../platform/clock.js";
import type { RequestContext } from "../../platform/context.js";
import type { Db } from "../../platform/db/database.js";
import { validationError } from "../../platform/errors.js";
import { newId } from "../../platform/ids.js";
import type { AuditEvent, AuditQuery } from "./audit.schema.js";
import { findAuditEvents, insertAuditEvent } from "./audit.store.js";
import type { AuditEventsTable } from "./audit.table.js";

export type Changes = Record<string, { before: unknown; after: unknown }>;

/** Field-level difference of two plain records; arrays and objects compare by JSON value. */
export function diffRecords(before: Record<string, unknown> | null, after: Record<string, unknown> | null): Changes {
  const out: Changes = {};
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const k of keys) {
    if (k === "version" || k === "updatedAt" || k === "createdAt") continue;
    const b = before?.[k];
    const a = after?.[k];
    if (JSON.stringify(b) !== JSON.stringify(a)) out[k] = { before: b ?? null, after: a ?? null };
  }
  return out;
}

export type AuditEntry = {
  entityType: string;
  entityId: string;
  action: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  changes?: Changes;
};

export class AuditService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  /** Records one event with `db` — pass the transaction of the write so both commit or neither does. */
  async record(db: Db, ctx: RequestContext, entry: AuditEntry): Promise<void> {
    const changes = entry.changes ?? diffRecords(entry.before ?? null, entry.after ?? null);
    await insertAuditEvent(db, this.toRow(ctx, entry, changes));
  }

  toRow(ctx: RequestContext, entry: AuditEntry, changes: Changes): AuditEventsTable {
    return {
      organization_id: ctx.actor.organizationId,
      id: newId(),
      occurred_at: this.clock.now().toISOString(),
      actor_user_id: ctx.actor.userId,
      actor_name: ctx.actor.name,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      action: entry.action,
      changes: JSON.stringify(changes),
      request_id: ctx.requestId ?? null,
    };
  }

  async list(ctx: RequestContext, query: AuditQuery): Promise<{ items: AuditEvent[]; nextCursor: string | null }> {
    authorize(ctx, "audit.read");
    return this.page(ctx.actor.organizationId, query);
  }

  /** History of one record; the caller checks read access to that record first. */
  async historyOf(
    ctx: RequestContext,
    entityType: string,
    entityId: string,
    query: { limit: number; cursor?: string | undefined },
  ): Promise<{ items: AuditEvent[]; nextCursor: string | null }> {
    return this.page(ctx.actor.organizationId, { ...query, entityType, entityId });
  }

  private async page(
    organizationId: string,
    query: Omit<AuditQuery, "limit"> & { limit: number },
  ): Promise<{ items: AuditEvent[]; nextCursor: string | null }> {
    if (query.cursor !== undefined && !/^[0-9a-f-]{36}$/.test(query.cursor)) {
      throw validationError([{ path: "cursor", message: "is not a cursor this API returned" }]);
    }
    // Stored times are UTC ISO strings with milliseconds; compare like with like.
    const instant = (x: string | undefined, endOfDay: boolean) =>
      x === undefined
        ? undefined
        : x.length === 10
          ? `${x}T${endOfDay ? "23:59:59.999" : "00:00:00.000"}Z`
          : new Date(x).toISOString();
    const from = instant(query.from, false);
    const to = instant(query.to, true);
    const rows = await findAuditEvents(this.db, organizationId, {
      entityType: query.entityType,
      entityId: query.entityId,
      actorId: query.actorId,
      action: query.action,
      from,
      to,
      beforeId: query.cursor,
      limit: query.limit + 1,
    });
    const more = rows.length > query.limit;
    const items = rows.slice(0, query.limit).map(toAuditEvent);
    return { items, nextCursor: more ? (items[items.length - 1]?.id ?? null) : null };
  }
}

function toAuditEvent(r: AuditEventsTable): AuditEvent {
  return {
    id: r.id,
    occurredAt: r.occurred_at,
    actorId: r.actor_user_id,
    actorName: r.actor_name,
    entityType: r.entity_type,
    entityId: r.entity_id,
    action: r.action,
    changes: JSON.parse(r.changes) as AuditEvent["changes"],
    requestId: r.request_id,
  };
}
