import { renderInviteIcs } from "../../../domain/meetings/ics.js";
import {
  type Attendance,
  canChangeMeetingStatus,
  type MeetingStatus,
  type MeetingType,
  meetingEndsAt,
  moveAgendaItem,
  type RefType,
} from "../../../domain/meetings/meeting-rules.js";
import { renderMinutesMarkdown } from "../../../domain/meetings/minutes.js";
import { authorize } from "../../platform/authorize.js";
import type { Clock } from "../../platform/clock.js";
import type { RequestContext } from "../../platform/context.js";
import { type Db, inTransaction } from "../../platform/db/database.js";
import { conflict, type FieldProblem, notFound, validationError } from "../../platform/errors.js";
import { newId } from "../../platform/ids.js";
import type { AuditService } from "../audit/audit.service.js";
import { ActionItemService, toActionItem } from "./action-item.service.js";
import { decodeCursor, pageRows } from "./cursor.js";
import { checkRef, DecisionService } from "./decision.service.js";
import type {
  AgendaItem,
  CreateAgendaItemInput,
  CreateMeetingInput,
  ListMeetingsQuery,
  Meeting,
  MeetingPage,
  MeetingSummary,
  UpdateAgendaItemInput,
  UpdateMeetingInput,
} from "./meetings.schema.js";
import * as store from "./meetings.store.js";

export type ExportedFile = { filename: string; contentType: string; body: string };

/**
 * Steering meetings: scheduling, attendees, the agenda, and the minutes and calendar invite made
 * from them. The meeting's version covers its attendees and agenda. Decisions and action items
 * have their own services, reachable from here so the app wires one service.
 */
export class MeetingService {
  readonly decisions: DecisionService;
  readonly actionItems: ActionItemService;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {
    this.decisions = new DecisionService(db, clock, audit);
    this.actionItems = new ActionItemService(db, clock, audit);
  }

  // ---------- meetings ----------

  async list(ctx: RequestContext, query: ListMeetingsQuery): Promise<MeetingPage> {
    authorize(ctx, "meeting.read");
    if (query.from && query.to && query.from > query.to)
      throw validationError([{ path: "query.to", message: "is before from" }]);
    const rows = await store.findMeetings(
      this.db,
      ctx.actor.organizationId,
      { from: query.from, to: query.to, types: query.type, statuses: query.status },
      { after: decodeCursor(query.cursor), limit: query.limit + 1 },
    );
    const page = pageRows(rows, query.limit, (r) => r.starts_at);
    return { items: page.rows.map(toSummary), nextCursor: page.nextCursor };
  }

  async get(ctx: RequestContext, id: string): Promise<Meeting> {
    authorize(ctx, "meeting.read");
    const row = await store.findMeeting(this.db, ctx.actor.organizationId, id);
    if (!row) throw notFound("Meeting", id);
    return this.present(this.db, row);
  }

  async create(ctx: RequestContext, input: CreateMeetingInput): Promise<Meeting> {
    authorize(ctx, "meeting.write");
    const org = ctx.actor.organizationId;
    const id = newId();
    await inTransaction(this.db, async (trx) => {
      await this.checkAttendees(trx, org, input.attendees);
      const at = this.clock.now().toISOString();
      const startsAt = new Date(input.startsAt).toISOString();
      await store.insertMeeting(trx, {
        organization_id: org,
        id,
        title: input.title,
        meeting_type: input.type,
        starts_at: startsAt,
        duration_minutes: input.durationMinutes,
        location: input.location,
        notes: input.notes,
        status: input.status,
        created_at: at,
        updated_at: at,
      });
      await store.replaceAttendees(trx, org, id, input.attendees);
      await this.audit.record(trx, ctx, {
        entityType: "meeting",
        entityId: id,
        action: "create",
        after: { ...input, startsAt },
      });
    });
    return this.get(ctx, id);
  }

  async update(ctx: RequestContext, id: string, input: UpdateMeetingInput): Promise<Meeting> {
    authorize(ctx, "meeting.write");
    const org = ctx.actor.organizationId;
    await inTransaction(this.db, async (trx) => {
      const row = await this.lockedMeeting(trx, org, id, input.version);
      const before = await this.auditView(trx, row);
      const status = input.status ?? (row.status as MeetingStatus);
      if (!canChangeMeetingStatus(row.status as MeetingStatus, status))
        throw validationError([{ path: "status", message: "a meeting that was held cannot be cancelled" }]);
      if (input.attendees) await this.checkAttendees(trx, org, input.attendees);
      const ok = await store.updateMeetingRow(trx, org, id, input.version, {
        title: input.title ?? row.title,
        meeting_type: input.type ?? row.meeting_type,
        starts_at: input.startsAt ? new Date(input.startsAt).toISOString() : row.starts_at,
        duration_minutes: input.durationMinutes ?? row.duration_minutes,
        location: input.location ?? row.location,
        notes: input.notes ?? row.notes,
        status,
        updated_at: this.clock.now().toISOString(),
      });
      if (!ok) {
        const current = await store.findMeeting(trx, org, id);
        throw conflict("This meeting was changed by someone else", current && (await this.present(trx, current)));
      }
      if (input.attendees) await store.replaceAttendees(trx, org, id, input.attendees);
      const after = await store.findMeeting(trx, org, id);
      await this.audit.record(trx, ctx, {
        entityType: "meeting",
        entityId: id,
        action: "update",
        before,
        after: after ? await this.auditView(trx, after) : null,
      });
    });
    return this.get(ctx, id);
  }

  private async checkAttendees(db: Db, org: string, attendees: readonly { userId: string }[]): Promise<void> {
    const problems: FieldProblem[] = [];
    const members = await store.findMembers(
      db,
      org,
      attendees.map((a) => a.userId),
    );
    const seen = new Set<string>();
    attendees.forEach((a, i) => {
      if (seen.has(a.userId)) problems.push({ path: `attendees.${i}.userId`, message: "is listed twice" });
      else if (!members.has(a.userId))
        problems.push({ path: `attendees.${i}.userId`, message: "is not a member of this organization" });
      seen.add(a.userId);
    });
    if (problems.length) throw validationError(problems);
  }

  /** The meeting at the version the caller read: 404 when absent, 409 carrying the current meeting when stale. */
  private async lockedMeeting(db: Db, org: string, id: string, version: number): Promise<store.MeetingRow> {
    const row = await store.findMeeting(db, org, id);
    if (!row) throw notFound("Meeting", id);
    if (row.version !== version)
      throw conflict("This meeting was changed by someone else", await this.present(db, row));
    return row;
  }

  /** Counts an agenda change as a change of the meeting: bumps its version, or 409 when someone got there first. */
  private async touch(db: Db, row: store.MeetingRow): Promise<void> {
    const ok = await store.updateMeetingRow(db, row.organization_id, row.id, row.version, {
      updated_at: this.clock.now().toISOString(),
    });
    if (!ok) throw conflict("This meeting was changed by someone else");
  }

  private async auditView(db: Db, row: store.MeetingRow) {
    const attendees = await store.findAttendees(db, row.organization_id, row.id);
    return {
      title: row.title,
      type: row.meeting_type,
      startsAt: row.starts_at,
      durationMinutes: row.duration_minutes,
      location: row.location,
      notes: row.notes,
      status: row.status,
      attendees: attendees.map((a) => ({ userId: a.user_id, attendance: a.attendance })),
    };
  }

  // ---------- agenda ----------

  async addAgendaItem(ctx: RequestContext, meetingId: string, input: CreateAgendaItemInput): Promise<Meeting> {
    authorize(ctx, "meeting.write");
    const org = ctx.actor.organizationId;
    const id = newId();
    await inTransaction(this.db, async (trx) => {
      const meeting = await store.findMeeting(trx, org, meetingId);
      if (!meeting) throw notFound("Meeting", meetingId);
      const problems: FieldProblem[] = [];
      await checkRef(trx, org, input.refType, input.refId, problems);
      if (problems.length) throw validationError(problems);
      const items = await store.findAgendaItems(trx, org, meetingId);
      await store.insertAgendaItem(trx, {
        organization_id: org,
        id,
        meeting_id: meetingId,
        position: items.length + 1,
        title: input.title,
        notes: input.notes,
        ref_type: input.refType,
        ref_id: input.refId,
      });
      const all = [...items, { id, position: items.length + 1 }];
      const order = moveAgendaItem(
        all.map((i) => i.id),
        id,
        input.position ?? all.length,
      );
      await store.renumberAgenda(trx, org, all, order);
      await this.touch(trx, meeting);
      await this.audit.record(trx, ctx, {
        entityType: "agenda_item",
        entityId: id,
        action: "create",
        after: {
          meetingId,
          title: input.title,
          notes: input.notes,
          refType: input.refType,
          refId: input.refId,
          position: order.indexOf(id) + 1,
        },
      });
    });
    return this.get(ctx, meetingId);
  }

  async updateAgendaItem(
    ctx: RequestContext,
    meetingId: string,
    itemId: string,
    input: UpdateAgendaItemInput,
  ): Promise<Meeting> {
    authorize(ctx, "meeting.write");
    const org = ctx.actor.organizationId;
    await inTransaction(this.db, async (trx) => {
      const meeting = await this.lockedMeeting(trx, org, meetingId, input.version);
      const item = await store.findAgendaItem(trx, org, itemId);
      if (!item || item.meeting_id !== meetingId) throw notFound("Agenda item", itemId);
      const before = agendaView(item);
      const refType = input.refType !== undefined ? input.refType : (item.ref_type as RefType | null);
      const refId = input.refId !== undefined ? input.refId : item.ref_id;
      const problems: FieldProblem[] = [];
      await checkRef(trx, org, refType, refId, problems);
      if (problems.length) throw validationError(problems);
      await store.updateAgendaItemRow(trx, org, itemId, {
        title: input.title ?? item.title,
        notes: input.notes ?? item.notes,
        ref_type: refType,
        ref_id: refId,
      });
      let position = item.position;
      if (input.position !== undefined) {
        const items = await store.findAgendaItems(trx, org, meetingId);
        const order = moveAgendaItem(
          items.map((i) => i.id),
          itemId,
          input.position,
        );
        await store.renumberAgenda(trx, org, items, order);
        position = order.indexOf(itemId) + 1;
      }
      await this.touch(trx, meeting);
      await this.audit.record(trx, ctx, {
        entityType: "agenda_item",
        entityId: itemId,
        action: "update",
        before,
        after: {
          ...before,
          title: input.title ?? item.title,
          notes: input.notes ?? item.notes,
          refType,
          refId,
          position,
        },
      });
    });
    return this.get(ctx, meetingId);
  }

  /** Removes an agenda item; its decisions stay on the meeting, detached from the item. */
  async removeAgendaItem(ctx: RequestContext, meetingId: string, itemId: string, version: number): Promise<Meeting> {
    authorize(ctx, "meeting.write");
    const org = ctx.actor.organizationId;
    await inTransaction(this.db, async (trx) => {
      const meeting = await this.lockedMeeting(trx, org, meetingId, version);
      const item = await store.findAgendaItem(trx, org, itemId);
      if (!item || item.meeting_id !== meetingId) throw notFound("Agenda item", itemId);
      const at = this.clock.now().toISOString();
      const detached = await store.detachDecisionsFromAgendaItem(trx, org, itemId, at);
      await store.deleteAgendaItemRow(trx, org, itemId);
      const rest = await store.findAgendaItems(trx, org, meetingId);
      await store.renumberAgenda(
        trx,
        org,
        rest,
        rest.map((i) => i.id),
      );
      await this.touch(trx, meeting);
      await this.audit.record(trx, ctx, {
        entityType: "agenda_item",
        entityId: itemId,
        action: "delete",
        before: agendaView(item),
        after: null,
      });
      for (const decisionId of detached)
        await this.audit.record(trx, ctx, {
          entityType: "decision",
          entityId: decisionId,
          action: "update",
          changes: { agendaItemId: { before: itemId, after: null } },
        });
    });
    return this.get(ctx, meetingId);
  }

  // ---------- minutes and invite ----------

  /** The minutes as Markdown: attendance, agenda, decisions and action items. */
  async minutes(ctx: RequestContext, id: string): Promise<ExportedFile> {
    const m = await this.get(ctx, id);
    const body = renderMinutesMarkdown({
      title: m.title,
      type: m.type,
      status: m.status,
      startsAt: m.startsAt,
      durationMinutes: m.durationMinutes,
      location: m.location,
      notes: m.notes,
      attendees: m.attendees.map((a) => ({ name: a.name, attendance: a.attendance })),
      agenda: m.agenda.map((a) => ({ title: a.title, notes: a.notes, refLabel: a.refLabel })),
      decisions: m.decisions.map((d) => ({
        kind: d.kind,
        title: d.title,
        rationale: d.rationale,
        decidedOn: d.decidedOn,
        decidedBy: d.decidedBy.map((p) => p.name),
        refLabel: d.refLabel,
      })),
      actionItems: m.actionItems.map((a) => ({
        title: a.title,
        ownerName: a.ownerName,
        dueDate: a.dueDate,
        status: a.status,
        overdue: a.overdue,
      })),
    });
    return {
      filename: `${fileStem(m)}-minutes.md`,
      contentType: "text/markdown; charset=utf-8",
      body,
    };
  }

  /** The meeting as an iCalendar (RFC 5545) invite; DTSTAMP is now, from the service's clock. */
  async invite(ctx: RequestContext, id: string): Promise<ExportedFile> {
    const m = await this.get(ctx, id);
    const body = renderInviteIcs(
      {
        id: m.id,
        sequence: m.version - 1,
        title: m.title,
        startsAt: m.startsAt,
        durationMinutes: m.durationMinutes,
        location: m.location,
        notes: m.notes,
        status: m.status,
        agenda: m.agenda.map((a) => ({ title: a.title })),
        attendees: m.attendees,
      },
      this.clock.now(),
    );
    return { filename: `${fileStem(m)}.ics`, contentType: "text/calendar; charset=utf-8", body };
  }

  // ---------- presentation ----------

  private async present(db: Db, row: store.MeetingRow): Promise<Meeting> {
    const org = row.organization_id;
    const [attendees, agendaRows, decisionRows, actionRows] = await Promise.all([
      store.findAttendees(db, org, row.id),
      store.findAgendaItems(db, org, row.id),
      store.findDecisionsOfMeeting(db, org, row.id),
      store.findActionItemsOfMeeting(db, org, row.id),
    ]);
    const labels = await store.findRefLabels(
      db,
      org,
      agendaRows.flatMap((a) => (a.ref_type && a.ref_id ? [{ type: a.ref_type as RefType, id: a.ref_id }] : [])),
    );
    const today = this.actionItems.today();
    return {
      ...toSummary(row),
      notes: row.notes,
      attendees: attendees.map((a) => ({
        userId: a.user_id,
        name: a.name,
        email: a.email,
        attendance: a.attendance as Attendance,
      })),
      agenda: agendaRows.map((a) => toAgendaItem(a, labels)),
      decisions: await this.decisions.present(db, org, decisionRows),
      actionItems: actionRows.map((a) => toActionItem(a, today)),
    };
  }
}

function toSummary(r: store.MeetingRow): MeetingSummary {
  return {
    id: r.id,
    title: r.title,
    type: r.meeting_type as MeetingType,
    startsAt: r.starts_at,
    endsAt: meetingEndsAt(r.starts_at, r.duration_minutes),
    durationMinutes: r.duration_minutes,
    location: r.location,
    status: r.status as MeetingStatus,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
  };
}

function toAgendaItem(r: store.AgendaItemRow, labels: Map<string, string>): AgendaItem {
  return {
    id: r.id,
    meetingId: r.meeting_id,
    position: r.position,
    title: r.title,
    notes: r.notes,
    refType: (r.ref_type as RefType | null) ?? null,
    refId: r.ref_id,
    refLabel: r.ref_type && r.ref_id ? (labels.get(store.refKey(r.ref_type, r.ref_id)) ?? null) : null,
  };
}

const agendaView = (r: store.AgendaItemRow) => ({
  meetingId: r.meeting_id,
  title: r.title,
  notes: r.notes,
  refType: r.ref_type,
  refId: r.ref_id,
  position: r.position,
});

/** "2027-03-04-q1-steering-committee": the date and a slug of the title, safe in a filename. */
function fileStem(m: { startsAt: string; title: string }): string {
  const slug = m.title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return `${m.startsAt.slice(0, 10)}-${slug || "meeting"}`;
}
