import type { DecisionKind, RefType } from "../../../domain/meetings/meeting-rules.js";
import { authorize } from "../../platform/authorize.js";
import type { Clock } from "../../platform/clock.js";
import type { RequestContext } from "../../platform/context.js";
import { type Db, inTransaction } from "../../platform/db/database.js";
import { conflict, type FieldProblem, notFound, validationError } from "../../platform/errors.js";
import { newId } from "../../platform/ids.js";
import type { AuditService } from "../audit/audit.service.js";
import { decodeCursor, pageRows } from "./cursor.js";
import type {
  CreateDecisionInput,
  Decision,
  DecisionPage,
  ListDecisionsQuery,
  ProjectDecisionsQuery,
  UpdateDecisionInput,
} from "./meetings.schema.js";
import * as store from "./meetings.store.js";

/** The fields of a decision as one plain record: the unit of validation and of the audit trail. */
type DecisionDraft = {
  meetingId: string | null;
  agendaItemId: string | null;
  kind: DecisionKind;
  title: string;
  rationale: string;
  refType: RefType | null;
  refId: string | null;
  decidedBy: string[];
  decidedOn: string;
};

export const FORMER_MEMBER = "(no longer a member)";

/** Parses the stored JSON array of user ids; anything else reads as nobody. */
export function decidedByIds(json: string): string[] {
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
  } catch {
    return [];
  }
}

/** Checks that a reference names a record of the organization; pairs refType with refId. */
export async function checkRef(
  db: Db,
  organizationId: string,
  refType: RefType | null,
  refId: string | null,
  problems: FieldProblem[],
): Promise<void> {
  if (refType === null && refId === null) return;
  if (refType === null) {
    problems.push({ path: "refType", message: "is required when refId is set" });
    return;
  }
  if (refId === null) {
    problems.push({ path: "refId", message: "is required when refType is set" });
    return;
  }
  const labels = await store.findRefLabels(db, organizationId, [{ type: refType, id: refId }]);
  if (!labels.has(store.refKey(refType, refId)))
    problems.push({ path: "refId", message: `no such ${refType} in this organization` });
}

/** The decision log: what steering meetings decided, why, by whom, about which project, goal or objective. */
export class DecisionService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  async list(ctx: RequestContext, query: ListDecisionsQuery): Promise<DecisionPage> {
    authorize(ctx, "meeting.read");
    return this.page(ctx.actor.organizationId, query, {
      refType: query.refType,
      refId: query.refId,
      meetingId: query.meetingId,
    });
  }

  /** Decisions about one project, for its page. */
  async listForProject(ctx: RequestContext, projectId: string, query: ProjectDecisionsQuery): Promise<DecisionPage> {
    authorize(ctx, "meeting.read");
    const org = ctx.actor.organizationId;
    if (!(await store.projectExists(this.db, org, projectId))) throw notFound("Project", projectId);
    return this.page(org, query, { refType: "project", refId: projectId });
  }

  private async page(
    org: string,
    query: ProjectDecisionsQuery,
    more: Pick<store.DecisionFilter, "refType" | "refId" | "meetingId">,
  ): Promise<DecisionPage> {
    const rows = await store.findDecisions(
      this.db,
      org,
      { q: query.q, kinds: query.kind, from: query.from, to: query.to, ...more },
      { after: decodeCursor(query.cursor), limit: query.limit + 1 },
    );
    const page = pageRows(rows, query.limit, (r) => r.decided_on);
    return { items: await this.present(this.db, org, page.rows), nextCursor: page.nextCursor };
  }

  async get(ctx: RequestContext, id: string): Promise<Decision> {
    authorize(ctx, "meeting.read");
    const org = ctx.actor.organizationId;
    const row = await store.findDecision(this.db, org, id);
    if (!row) throw notFound("Decision", id);
    const [decision] = await this.present(this.db, org, [row]);
    return decision as Decision;
  }

  async create(ctx: RequestContext, input: CreateDecisionInput): Promise<Decision> {
    authorize(ctx, "meeting.write");
    const org = ctx.actor.organizationId;
    const id = newId();
    await inTransaction(this.db, async (trx) => {
      const problems: FieldProblem[] = [];
      const agendaItem = input.agendaItemId ? await store.findAgendaItem(trx, org, input.agendaItemId) : undefined;
      const meetingId = input.meetingId ?? agendaItem?.meeting_id ?? null;
      const meeting = meetingId ? await store.findMeeting(trx, org, meetingId) : undefined;
      // Left out, the reference is the agenda item's; null says "about nothing in particular".
      const inherit = input.refType === undefined && input.refId === undefined;
      const draft: DecisionDraft = {
        meetingId,
        agendaItemId: input.agendaItemId,
        kind: input.kind,
        title: input.title,
        rationale: input.rationale,
        refType: inherit ? ((agendaItem?.ref_type as RefType | null | undefined) ?? null) : (input.refType ?? null),
        refId: inherit ? (agendaItem?.ref_id ?? null) : (input.refId ?? null),
        decidedBy: input.decidedBy,
        decidedOn: input.decidedOn ?? meeting?.starts_at.slice(0, 10) ?? this.today(),
      };
      await this.check(trx, org, draft, problems);
      if (problems.length) throw validationError(problems);
      const at = this.clock.now().toISOString();
      await store.insertDecision(trx, {
        organization_id: org,
        id,
        meeting_id: draft.meetingId,
        agenda_item_id: draft.agendaItemId,
        kind: draft.kind,
        title: draft.title,
        rationale: draft.rationale,
        ref_type: draft.refType,
        ref_id: draft.refId,
        decided_by: JSON.stringify(draft.decidedBy),
        decided_on: draft.decidedOn,
        created_at: at,
        updated_at: at,
      });
      await this.audit.record(trx, ctx, { entityType: "decision", entityId: id, action: "create", after: draft });
    });
    return this.get(ctx, id);
  }

  async update(ctx: RequestContext, id: string, input: UpdateDecisionInput): Promise<Decision> {
    authorize(ctx, "meeting.write");
    const org = ctx.actor.organizationId;
    await inTransaction(this.db, async (trx) => {
      const row = await store.findDecision(trx, org, id);
      if (!row) throw notFound("Decision", id);
      const stale = async () =>
        conflict("This decision was changed by someone else", (await this.present(trx, org, [row]))[0]);
      if (row.version !== input.version) throw await stale();
      const before = draftOf(row);
      const draft: DecisionDraft = {
        meetingId: input.meetingId !== undefined ? input.meetingId : before.meetingId,
        agendaItemId: input.agendaItemId !== undefined ? input.agendaItemId : before.agendaItemId,
        kind: input.kind ?? before.kind,
        title: input.title ?? before.title,
        rationale: input.rationale ?? before.rationale,
        refType: input.refType !== undefined ? input.refType : before.refType,
        refId: input.refId !== undefined ? input.refId : before.refId,
        decidedBy: input.decidedBy ?? before.decidedBy,
        decidedOn: input.decidedOn ?? before.decidedOn,
      };
      // Moving a decision to an agenda item without naming a meeting moves it to that item's meeting.
      if (input.agendaItemId && input.meetingId === undefined) {
        const item = await store.findAgendaItem(trx, org, input.agendaItemId);
        if (item) draft.meetingId = item.meeting_id;
      }
      const problems: FieldProblem[] = [];
      await this.check(trx, org, draft, problems);
      if (problems.length) throw validationError(problems);
      const ok = await store.updateDecisionRow(trx, org, id, input.version, {
        meeting_id: draft.meetingId,
        agenda_item_id: draft.agendaItemId,
        kind: draft.kind,
        title: draft.title,
        rationale: draft.rationale,
        ref_type: draft.refType,
        ref_id: draft.refId,
        decided_by: JSON.stringify(draft.decidedBy),
        decided_on: draft.decidedOn,
        updated_at: this.clock.now().toISOString(),
      });
      if (!ok) throw await stale();
      await this.audit.record(trx, ctx, {
        entityType: "decision",
        entityId: id,
        action: "update",
        before,
        after: draft,
      });
    });
    return this.get(ctx, id);
  }

  private async check(db: Db, org: string, d: DecisionDraft, problems: FieldProblem[]): Promise<void> {
    if (d.meetingId && !(await store.findMeeting(db, org, d.meetingId)))
      problems.push({ path: "meetingId", message: "no such meeting in this organization" });
    if (d.agendaItemId) {
      const item = await store.findAgendaItem(db, org, d.agendaItemId);
      if (!item) problems.push({ path: "agendaItemId", message: "no such agenda item in this organization" });
      else if (item.meeting_id !== d.meetingId)
        problems.push({ path: "agendaItemId", message: "belongs to another meeting" });
    }
    await checkRef(db, org, d.refType, d.refId, problems);
    if (new Set(d.decidedBy).size !== d.decidedBy.length)
      problems.push({ path: "decidedBy", message: "names someone twice" });
    const members = await store.findMembers(db, org, d.decidedBy);
    d.decidedBy.forEach((userId, i) => {
      if (!members.has(userId))
        problems.push({ path: `decidedBy.${i}`, message: "is not a member of this organization" });
    });
  }

  private today(): string {
    return this.clock.now().toISOString().slice(0, 10);
  }

  /** Decisions as the API shows them: names of who decided, what the reference names, the meeting's title. */
  async present(db: Db, org: string, rows: readonly store.DecisionRow[]): Promise<Decision[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => decidedByIds(r.decided_by));
    const refs = rows.flatMap((r) => (r.ref_type && r.ref_id ? [{ type: r.ref_type as RefType, id: r.ref_id }] : []));
    const [people, labels, titles] = await Promise.all([
      store.findMembers(db, org, ids.flat()),
      store.findRefLabels(db, org, refs),
      store.findMeetingTitles(
        db,
        org,
        rows.flatMap((r) => (r.meeting_id ? [r.meeting_id] : [])),
      ),
    ]);
    return rows.map((r, i) => ({
      id: r.id,
      meetingId: r.meeting_id,
      meetingTitle: r.meeting_id ? (titles.get(r.meeting_id) ?? null) : null,
      agendaItemId: r.agenda_item_id,
      kind: r.kind as DecisionKind,
      title: r.title,
      rationale: r.rationale,
      refType: (r.ref_type as RefType | null) ?? null,
      refId: r.ref_id,
      refLabel: r.ref_type && r.ref_id ? (labels.get(store.refKey(r.ref_type, r.ref_id)) ?? null) : null,
      decidedBy: (ids[i] ?? []).map((userId) => ({ userId, name: people.get(userId)?.name ?? FORMER_MEMBER })),
      decidedOn: r.decided_on,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      version: r.version,
    }));
  }
}

function draftOf(r: store.DecisionRow): DecisionDraft {
  return {
    meetingId: r.meeting_id,
    agendaItemId: r.agenda_item_id,
    kind: r.kind as DecisionKind,
    title: r.title,
    rationale: r.rationale,
    refType: (r.ref_type as RefType | null) ?? null,
    refId: r.ref_id,
    decidedBy: decidedByIds(r.decided_by),
    decidedOn: r.decided_on,
  };
}
