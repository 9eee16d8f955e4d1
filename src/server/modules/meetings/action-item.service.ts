import { mayEver, type RecordRole } from "../../../domain/identity/permissions.js";
import { type ActionStatus, isActionOverdue } from "../../../domain/meetings/meeting-rules.js";
import { authorize, can } from "../../platform/authorize.js";
import type { Clock } from "../../platform/clock.js";
import type { RequestContext } from "../../platform/context.js";
import { type Db, inTransaction } from "../../platform/db/database.js";
import { conflict, type FieldProblem, forbidden, notFound, validationError } from "../../platform/errors.js";
import { newId } from "../../platform/ids.js";
import type { AuditService } from "../audit/audit.service.js";
import { decodeCursor, pageRows } from "./cursor.js";
import type {
  ActionItem,
  ActionItemPage,
  CreateActionItemInput,
  ListActionItemsQuery,
  UpdateActionItemInput,
} from "./meetings.schema.js";
import * as store from "./meetings.store.js";

/**
 * Action items: who does what by when, from a meeting or a decision. People with meeting.write
 * edit them; an action's owner may change its status (action.update, "own" = owner).
 */
export class ActionItemService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  /** Today in UTC, from the injected clock: the day an open action becomes overdue after its due date. */
  today(): string {
    return this.clock.now().toISOString().slice(0, 10);
  }

  async list(ctx: RequestContext, query: ListActionItemsQuery): Promise<ActionItemPage> {
    authorize(ctx, "meeting.read");
    const today = this.today();
    const rows = await store.findActionItems(
      this.db,
      ctx.actor.organizationId,
      {
        ownerId: query.ownerId,
        statuses: query.status,
        overdue: query.overdue,
        today,
        meetingId: query.meetingId,
        decisionId: query.decisionId,
      },
      { after: decodeCursor(query.cursor), limit: query.limit + 1 },
    );
    const page = pageRows(rows, query.limit, (r) => r.due_date);
    return { items: page.rows.map((r) => toActionItem(r, today)), nextCursor: page.nextCursor };
  }

  async get(ctx: RequestContext, id: string): Promise<ActionItem> {
    authorize(ctx, "meeting.read");
    const row = await store.findActionItem(this.db, ctx.actor.organizationId, id);
    if (!row) throw notFound("Action item", id);
    return toActionItem(row, this.today());
  }

  async create(ctx: RequestContext, input: CreateActionItemInput): Promise<ActionItem> {
    authorize(ctx, "meeting.write");
    const org = ctx.actor.organizationId;
    const id = newId();
    await inTransaction(this.db, async (trx) => {
      const problems: FieldProblem[] = [];
      let meetingId = input.meetingId;
      if (input.decisionId) {
        const decision = await store.findDecision(trx, org, input.decisionId);
        if (!decision) problems.push({ path: "decisionId", message: "no such decision in this organization" });
        else if (meetingId === null) meetingId = decision.meeting_id;
        else if (decision.meeting_id !== null && decision.meeting_id !== meetingId)
          problems.push({ path: "decisionId", message: "was taken in another meeting" });
      }
      if (input.meetingId && !(await store.findMeeting(trx, org, input.meetingId)))
        problems.push({ path: "meetingId", message: "no such meeting in this organization" });
      if (!(await store.findMembers(trx, org, [input.ownerId])).has(input.ownerId))
        problems.push({ path: "ownerId", message: "is not a member of this organization" });
      if (problems.length) throw validationError(problems);
      const at = this.clock.now().toISOString();
      await store.insertActionItem(trx, {
        organization_id: org,
        id,
        meeting_id: meetingId,
        decision_id: input.decisionId,
        title: input.title,
        owner_user_id: input.ownerId,
        due_date: input.dueDate,
        status: "open",
        completed_at: null,
        created_at: at,
        updated_at: at,
      });
      await this.audit.record(trx, ctx, {
        entityType: "action_item",
        entityId: id,
        action: "create",
        after: {
          meetingId,
          decisionId: input.decisionId,
          title: input.title,
          ownerId: input.ownerId,
          dueDate: input.dueDate,
          status: "open",
        },
      });
    });
    return this.get(ctx, id);
  }

  /**
   * Edits an action item. With meeting.write every field; as its owner (action.update "own") only
   * the status. Fields sent unchanged do not count as edits, so a form may send the whole record.
   */
  async update(ctx: RequestContext, id: string, input: UpdateActionItemInput): Promise<ActionItem> {
    if (!mayEver(ctx.actor.role, "action.update")) authorize(ctx, "action.update");
    const org = ctx.actor.organizationId;
    await inTransaction(this.db, async (trx) => {
      const row = await store.findActionItem(trx, org, id);
      if (!row) throw notFound("Action item", id);
      const roles: RecordRole[] = ctx.actor.userId !== null && row.owner_user_id === ctx.actor.userId ? ["owner"] : [];
      authorize(ctx, "action.update", roles);
      const before = pick(row);
      const after = {
        title: input.title ?? row.title,
        ownerId: input.ownerId ?? row.owner_user_id,
        dueDate: input.dueDate ?? row.due_date,
        status: input.status ?? (row.status as ActionStatus),
      };
      const editsDetails =
        after.title !== before.title || after.ownerId !== before.ownerId || after.dueDate !== before.dueDate;
      if (editsDetails && !can(ctx, "meeting.write"))
        throw forbidden("As the owner of this action item you may change only its status");
      if (row.version !== input.version)
        throw conflict("This action item was changed by someone else", toActionItem(row, this.today()));
      if (after.ownerId !== before.ownerId && after.ownerId !== null) {
        if (!(await store.findMembers(trx, org, [after.ownerId])).has(after.ownerId))
          throw validationError([{ path: "ownerId", message: "is not a member of this organization" }]);
      }
      const at = this.clock.now().toISOString();
      const completedAt = after.status === "done" ? (row.status === "done" ? row.completed_at : at) : null;
      const ok = await store.updateActionItemRow(trx, org, id, input.version, {
        title: after.title,
        owner_user_id: after.ownerId,
        due_date: after.dueDate,
        status: after.status,
        completed_at: completedAt,
        updated_at: at,
      });
      if (!ok) throw conflict("This action item was changed by someone else", toActionItem(row, this.today()));
      await this.audit.record(trx, ctx, { entityType: "action_item", entityId: id, action: "update", before, after });
    });
    return this.get(ctx, id);
  }
}

const pick = (r: store.ActionItemRow) => ({
  title: r.title,
  ownerId: r.owner_user_id,
  dueDate: r.due_date,
  status: r.status as ActionStatus,
});

export function toActionItem(r: store.ActionItemListRow, today: string): ActionItem {
  const status = r.status as ActionStatus;
  return {
    id: r.id,
    meetingId: r.meeting_id,
    meetingTitle: r.meeting_title,
    decisionId: r.decision_id,
    title: r.title,
    ownerId: r.owner_user_id,
    ownerName: r.owner_name,
    dueDate: r.due_date,
    status,
    completedAt: r.completed_at,
    overdue: isActionOverdue({ status, dueDate: r.due_date }, today),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
  };
}
