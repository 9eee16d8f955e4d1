import { fitLine } from "../../../domain/benefits/forecast.js";
import { RECOMMENDATION_RULE_IDS } from "../../../domain/benefits/recommendations.js";
import { plannedAt, realizationPct } from "../../../domain/benefits/tracking.js";
import { addMonths, monthsBetween } from "../../../domain/shared/period.js";
import { authorize, can } from "../../platform/authorize.js";
import type { Clock } from "../../platform/clock.js";
import type { RequestContext } from "../../platform/context.js";
import { type Db, inTransaction } from "../../platform/db/database.js";
import { AppError, conflict, type FieldProblem, notFound, validationError } from "../../platform/errors.js";
import { newId } from "../../platform/ids.js";
import type { AuditService } from "../audit/audit.service.js";
import type { CorrectiveAction, Pir, Risk } from "./benefits.schema.js";
import type { BenefitService, LoadedBenefit } from "./benefits.service.js";
import * as store from "./benefits.store.js";

/** Months after closure at which post-implementation reviews fall due, unless configured. */
export const DEFAULT_PIR_OFFSETS = [3, 6, 12] as const;
/** Measured months before and after a corrective action compared to judge its effect. */
const EFFECT_WINDOW = 6;

const todayOf = (clock: Clock) => clock.now().toISOString().slice(0, 10);
const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

/**
 * Governance around the register: risks to benefits, the recommendations inbox and the corrective
 * actions raised from it (with their effect on the trend after the due date), and the
 * post-implementation reviews scheduled after each closed project, with sponsor sign-off.
 */
export class BenefitGovernanceService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly benefits: BenefitService,
  ) {}

  // ---------- risks ----------

  async listRisks(ctx: RequestContext, benefitId: string): Promise<{ items: Risk[] }> {
    authorize(ctx, "benefit.read");
    const org = ctx.actor.organizationId;
    const b = await this.benefits.loadOne(this.db, org, benefitId);
    return { items: await this.presentRisks(b.risks, b) };
  }

  async createRisk(
    ctx: RequestContext,
    benefitId: string,
    input: {
      title: string;
      description: string;
      probability: number;
      impactPct: number;
      proximity: string | null;
      ownerId: string | null;
      response: string;
      status: "open" | "closed";
    },
  ): Promise<Risk> {
    authorize(ctx, "benefit.read");
    const org = ctx.actor.organizationId;
    const id = newId();
    await inTransaction(this.db, async (trx) => {
      const b = await this.benefits.loadOne(trx, org, benefitId);
      authorize(ctx, "benefit.write", this.benefits.recordRoles(ctx, b));
      await this.checkOwner(trx, org, input.ownerId, "ownerId");
      const at = this.clock.now().toISOString();
      await store.insertRisk(trx, {
        organization_id: org,
        id,
        benefit_id: benefitId,
        title: input.title,
        description: input.description,
        probability: input.probability,
        impact_pct: input.impactPct,
        proximity: input.proximity,
        owner_user_id: input.ownerId,
        response: input.response,
        status: input.status,
        created_at: at,
        updated_at: at,
      });
      await this.audit.record(trx, ctx, {
        entityType: "benefit_risk",
        entityId: id,
        action: "create",
        after: { benefitId, ...input },
      });
    });
    return this.riskById(ctx, id);
  }

  async updateRisk(
    ctx: RequestContext,
    id: string,
    input: { version: number } & Partial<{
      title: string;
      description: string;
      probability: number;
      impactPct: number;
      proximity: string | null;
      ownerId: string | null;
      response: string;
      status: "open" | "closed";
    }>,
  ): Promise<Risk> {
    authorize(ctx, "benefit.read");
    const org = ctx.actor.organizationId;
    await inTransaction(this.db, async (trx) => {
      const risk = await store.findRisk(trx, org, id);
      if (!risk) throw notFound("Risk", id);
      const b = await this.benefits.loadOne(trx, org, risk.benefit_id);
      authorize(ctx, "benefit.write", this.benefits.recordRoles(ctx, b));
      if (risk.version !== input.version) throw conflict("This risk was changed by someone else; reload it");
      if (input.ownerId !== undefined) await this.checkOwner(trx, org, input.ownerId, "ownerId");
      await this.saveChanges(trx, ctx, {
        entityType: "benefit_risk",
        id,
        before: risk,
        changes: columnsOf(input, {
          title: "title",
          description: "description",
          probability: "probability",
          impactPct: "impact_pct",
          proximity: "proximity",
          ownerId: "owner_user_id",
          response: "response",
          status: "status",
        }),
        write: (changes) => store.updateRisk(trx, org, id, input.version, changes),
        stale: "This risk was changed by someone else; reload it",
      });
    });
    return this.riskById(ctx, id);
  }

  private async riskById(ctx: RequestContext, id: string): Promise<Risk> {
    const org = ctx.actor.organizationId;
    const risk = await store.findRisk(this.db, org, id);
    if (!risk) throw notFound("Risk", id);
    const b = await this.benefits.loadOne(this.db, org, risk.benefit_id);
    return (await this.presentRisks([risk], b))[0]!;
  }

  private async presentRisks(rows: Awaited<ReturnType<typeof store.findRisks>>, _b: LoadedBenefit): Promise<Risk[]> {
    const names = await store.findUserNames(
      this.db,
      rows.map((r) => r.owner_user_id),
    );
    return rows.map((r) => ({
      id: r.id,
      benefitId: r.benefit_id,
      title: r.title,
      description: r.description,
      probability: Number(r.probability),
      impactPct: Number(r.impact_pct),
      exposurePct: round(Number(r.probability) * Number(r.impact_pct), 4),
      proximity: r.proximity,
      owner: r.owner_user_id
        ? { id: r.owner_user_id, name: names.get(r.owner_user_id) ?? "(no longer a member)" }
        : null,
      response: r.response,
      status: r.status as Risk["status"],
      updatedAt: r.updated_at,
      version: r.version,
    }));
  }

  // ---------- recommendations ----------

  /** Every recommendation the rules raise across the register (or one benefit or portfolio), worst first. */
  async recommendations(
    ctx: RequestContext,
    query: { severity?: string[] | undefined; benefitId?: string | undefined; portfolioId?: string | undefined },
  ) {
    authorize(ctx, "benefit.read");
    const org = ctx.actor.organizationId;
    const rows = query.benefitId
      ? [await store.findBenefit(this.db, org, query.benefitId)].filter((r): r is store.BenefitRow => r !== undefined)
      : await store.findBenefits(this.db, org, {
          archived: "exclude",
          portfolioId: query.portfolioId,
        });
    if (query.benefitId && rows.length === 0) throw notFound("Benefit", query.benefitId);
    const loaded = await this.benefits.load(this.db, org, rows);
    const open = await store.findActions(this.db, org, {
      statuses: ["open", "in_progress"],
      benefitIds: rows.map((r) => r.id),
    });
    const openOf = new Map(open.map((a) => [`${a.benefit_id}|${a.rule}`, a.id]));
    const rank = { critical: 0, warning: 1, info: 2 } as const;
    const items = loaded
      .flatMap((b) =>
        b.computed.recommendations.map((r) => ({
          benefitId: b.row.id,
          benefitCode: b.row.code,
          benefitTitle: b.row.title,
          rule: r.rule,
          severity: r.severity,
          reason: r.reason,
          suggestedAction: r.suggestedAction,
          openActionId: openOf.get(`${b.row.id}|${r.rule}`) ?? null,
        })),
      )
      .filter((r) => !query.severity?.length || query.severity.includes(r.severity))
      .sort((a, b) => rank[a.severity] - rank[b.severity] || a.benefitCode.localeCompare(b.benefitCode));
    return { items };
  }

  // ---------- corrective actions ----------

  async listActions(
    ctx: RequestContext,
    query: { status?: string[] | undefined; benefitId?: string | undefined; ownerId?: string | undefined },
  ): Promise<{ items: CorrectiveAction[] }> {
    authorize(ctx, "benefit.read");
    const org = ctx.actor.organizationId;
    const rows = await store.findActions(this.db, org, {
      statuses: query.status,
      benefitIds: query.benefitId ? [query.benefitId] : undefined,
      ownerId: query.ownerId,
    });
    return { items: await this.presentActions(org, rows) };
  }

  async createAction(
    ctx: RequestContext,
    input: {
      benefitId: string;
      rule: string | null;
      title: string;
      description: string;
      ownerId: string | null;
      dueDate: string;
      expectedEffect: string;
    },
  ): Promise<CorrectiveAction> {
    authorize(ctx, "benefit.read");
    const org = ctx.actor.organizationId;
    const id = newId();
    await inTransaction(this.db, async (trx) => {
      const b = await this.benefits.loadOne(trx, org, input.benefitId).catch(() => {
        throw validationError([{ path: "benefitId", message: "no such benefit in this organization" }]);
      });
      authorize(ctx, "corrective_action.write", this.benefits.recordRoles(ctx, b));
      await this.checkOwner(trx, org, input.ownerId, "ownerId");
      const today = todayOf(this.clock);
      if (input.dueDate < today) throw validationError([{ path: "dueDate", message: "is in the past" }]);
      if (input.rule && !(RECOMMENDATION_RULE_IDS as readonly string[]).includes(input.rule))
        throw validationError([
          { path: "rule", message: `is not a recommendation rule (${RECOMMENDATION_RULE_IDS.join(", ")})` },
        ]);
      if (input.rule) {
        const open = await store.findActions(trx, org, {
          statuses: ["open", "in_progress"],
          benefitIds: [input.benefitId],
        });
        const same = open.find((a) => a.rule === input.rule);
        if (same) throw conflict(`An open corrective action for this recommendation exists already: ${same.title}`);
      }
      const at = this.clock.now().toISOString();
      await store.insertAction(trx, {
        organization_id: org,
        id,
        benefit_id: input.benefitId,
        rule: input.rule,
        title: input.title,
        description: input.description,
        owner_user_id: input.ownerId,
        due_date: input.dueDate,
        status: "open",
        expected_effect: input.expectedEffect,
        slope_before: slopeOf(b, today.slice(0, 7), "before"),
        created_at: at,
        updated_at: at,
        closed_at: null,
      });
      await this.audit.record(trx, ctx, {
        entityType: "corrective_action",
        entityId: id,
        action: "create",
        after: input,
      });
    });
    return this.actionById(ctx, id);
  }

  async updateAction(
    ctx: RequestContext,
    id: string,
    input: { version: number } & Partial<{
      title: string;
      description: string;
      ownerId: string | null;
      dueDate: string;
      status: "open" | "in_progress" | "done" | "cancelled";
      expectedEffect: string;
    }>,
  ): Promise<CorrectiveAction> {
    authorize(ctx, "benefit.read");
    const org = ctx.actor.organizationId;
    await inTransaction(this.db, async (trx) => {
      const a = await store.findAction(trx, org, id);
      if (!a) throw notFound("Corrective action", id);
      const b = await this.benefits.loadOne(trx, org, a.benefit_id);
      const roles = this.benefits.recordRoles(ctx, b);
      if (a.owner_user_id && a.owner_user_id === ctx.actor.userId && !roles.includes("owner")) roles.push("owner");
      authorize(ctx, "corrective_action.write", roles);
      if (a.version !== input.version) throw conflict("This action was changed by someone else; reload it");
      if (input.ownerId !== undefined) await this.checkOwner(trx, org, input.ownerId, "ownerId");
      if (input.dueDate !== undefined && input.dueDate !== a.due_date && input.dueDate < todayOf(this.clock))
        throw validationError([{ path: "dueDate", message: "is in the past" }]);
      const reopening =
        (input.status === "open" || input.status === "in_progress") &&
        (a.status === "done" || a.status === "cancelled");
      if (reopening && a.rule) {
        const open = await store.findActions(trx, org, {
          statuses: ["open", "in_progress"],
          benefitIds: [a.benefit_id],
        });
        const same = open.find((x) => x.rule === a.rule && x.id !== a.id);
        if (same) throw conflict(`Another open corrective action for this recommendation exists: ${same.title}`);
      }
      const closing = input.status === "done" || input.status === "cancelled";
      await this.saveChanges(trx, ctx, {
        entityType: "corrective_action",
        id,
        before: a,
        changes: {
          ...columnsOf(input, {
            title: "title",
            description: "description",
            ownerId: "owner_user_id",
            dueDate: "due_date",
            status: "status",
            expectedEffect: "expected_effect",
          }),
          ...(input.status === undefined
            ? {}
            : { closed_at: closing ? (a.closed_at ?? this.clock.now().toISOString()) : null }),
        },
        write: (changes) => store.updateAction(trx, org, id, input.version, changes),
        stale: "This action was changed by someone else; reload it",
      });
    });
    return this.actionById(ctx, id);
  }

  private async actionById(ctx: RequestContext, id: string): Promise<CorrectiveAction> {
    const org = ctx.actor.organizationId;
    const row = await store.findAction(this.db, org, id);
    if (!row) throw notFound("Corrective action", id);
    return (await this.presentActions(org, [row]))[0]!;
  }

  /**
   * Actions with their effect: once the due date has passed, the slope of the actuals (least squares
   * over up to six measured months) since the action was raised is compared with the slope before
   * it, in the benefit's direction.
   */
  private async presentActions(org: string, rows: store.ActionRow[]): Promise<CorrectiveAction[]> {
    const today = todayOf(this.clock);
    const benefitRows = await Promise.all(
      [...new Set(rows.map((r) => r.benefit_id))].map((id) => store.findBenefit(this.db, org, id)),
    );
    const loaded = await this.benefits.load(
      this.db,
      org,
      benefitRows.filter((r): r is store.BenefitRow => r !== undefined),
    );
    const byId = new Map(loaded.map((b) => [b.row.id, b]));
    const names = await store.findUserNames(
      this.db,
      rows.map((r) => r.owner_user_id),
    );
    return rows.map((a) => {
      const b = byId.get(a.benefit_id);
      let effect: CorrectiveAction["effect"] = null;
      if (b && a.due_date < today) {
        const after = slopeOf(b, a.created_at.slice(0, 7), "after");
        const before = a.slope_before === null ? null : Number(a.slope_before);
        const s = b.computed.tracking?.direction === "decrease" ? -1 : 1;
        const improved = after === null || before === null ? null : s * after > s * before + 1e-12;
        effect = {
          slopeBefore: before === null ? null : round(before, 6),
          slopeAfter: after === null ? null : round(after, 6),
          improved,
          summary:
            improved === null
              ? "Not enough measurements before and after the action to compare the trend."
              : improved
                ? `The trend improved: ${round(s * (after as number), 4)} ${b.row.unit} per month in the benefit's direction since the action, against ${round(s * (before as number), 4)} before.`
                : `The trend did not improve: ${round(s * (after as number), 4)} ${b.row.unit} per month since the action, against ${round(s * (before as number), 4)} before.`,
        };
      }
      return {
        id: a.id,
        benefitId: a.benefit_id,
        benefitCode: a.benefit_code,
        benefitTitle: a.benefit_title,
        rule: a.rule,
        title: a.title,
        description: a.description,
        owner: a.owner_user_id
          ? { id: a.owner_user_id, name: names.get(a.owner_user_id) ?? "(no longer a member)" }
          : null,
        dueDate: a.due_date,
        status: a.status as CorrectiveAction["status"],
        expectedEffect: a.expected_effect,
        overdue: (a.status === "open" || a.status === "in_progress") && a.due_date < today,
        effect,
        createdAt: a.created_at,
        updatedAt: a.updated_at,
        closedAt: a.closed_at,
        version: a.version,
      };
    });
  }

  // ---------- post-implementation reviews ----------

  async settings(ctx: RequestContext) {
    authorize(ctx, "benefit.read");
    return { pirOffsetsMonths: await this.offsets(this.db, ctx.actor.organizationId) };
  }

  async updateSettings(ctx: RequestContext, input: { pirOffsetsMonths: number[] }) {
    authorize(ctx, "benefit.manage");
    const org = ctx.actor.organizationId;
    await inTransaction(this.db, async (trx) => {
      const before = await this.offsets(trx, org);
      const sorted = [...input.pirOffsetsMonths].sort((a, b) => a - b);
      await store.saveSettings(trx, org, sorted, this.clock.now().toISOString());
      await this.audit.record(trx, ctx, {
        entityType: "benefit_settings",
        entityId: org,
        action: "update",
        before: { pirOffsetsMonths: before },
        after: { pirOffsetsMonths: sorted },
      });
    });
    return this.settings(ctx);
  }

  private async offsets(db: Db, org: string): Promise<number[]> {
    const row = await store.findSettings(db, org);
    if (!row) return [...DEFAULT_PIR_OFFSETS];
    try {
      const parsed = JSON.parse(row.pir_offsets) as unknown;
      if (Array.isArray(parsed) && parsed.every((n) => typeof n === "number")) return parsed as number[];
    } catch {
      // fall back to the defaults
    }
    return [...DEFAULT_PIR_OFFSETS];
  }

  /**
   * Schedules the reviews of every closed project with benefits that has none yet for an offset:
   * due `offset` months after the closure date (from the audit trail; the planned end when the
   * trail does not say). Idempotent; run before the reviews are read.
   */
  async scheduleReviews(db: Db, org: string): Promise<number> {
    const closed = await store.findClosedProjectsWithBenefits(db, org);
    if (closed.length === 0) return 0;
    const offsets = await this.offsets(db, org);
    const have = new Set((await store.findReviewKeys(db, org)).map((k) => `${k.project_id}|${k.offset_months}`));
    const closedOn = await store.findClosureDates(
      db,
      org,
      closed.map((p) => p.id),
    );
    const at = this.clock.now().toISOString();
    let created = 0;
    for (const p of closed) {
      const base = closedOn.get(p.id) ?? p.planned_end;
      for (const offset of offsets) {
        if (have.has(`${p.id}|${offset}`)) continue;
        await store.insertReview(db, {
          organization_id: org,
          id: newId(),
          project_id: p.id,
          offset_months: offset,
          due_date: addMonthsToDate(base, offset),
          status: "scheduled",
          rating: null,
          completed_at: null,
          completed_by: null,
          signed_off_by: null,
          signed_off_at: null,
          created_at: at,
          updated_at: at,
        });
        created++;
      }
    }
    return created;
  }

  async listReviews(ctx: RequestContext, query: { status?: string[] | undefined; projectId?: string | undefined }) {
    authorize(ctx, "benefit.read");
    const org = ctx.actor.organizationId;
    await inTransaction(this.db, (trx) => this.scheduleReviews(trx, org));
    const rows = await store.findReviews(this.db, org, { statuses: query.status, projectId: query.projectId });
    const names = await store.findUserNames(
      this.db,
      rows.flatMap((r) => [r.completed_by, r.signed_off_by, r.sponsor_user_id]),
    );
    const today = todayOf(this.clock);
    return {
      items: rows.map((r) => {
        const { items: _items, permissions: _p, ...rest } = this.reviewBase(r, names, today);
        return rest;
      }),
    };
  }

  async getReview(ctx: RequestContext, id: string): Promise<Pir> {
    authorize(ctx, "benefit.read");
    const org = ctx.actor.organizationId;
    const r = await store.findReview(this.db, org, id);
    if (!r) throw notFound("Post-implementation review", id);
    return this.presentReview(ctx, r);
  }

  async updateReview(
    ctx: RequestContext,
    id: string,
    input: {
      version: number;
      rating?: number | null | undefined;
      summary?: string | undefined;
      lessons?: string | undefined;
      recommendations?: string | undefined;
      items?: { benefitId: string; actual?: number | null | undefined; comment?: string | undefined }[] | undefined;
      complete?: boolean | undefined;
    },
  ): Promise<Pir> {
    authorize(ctx, "benefit.read");
    const org = ctx.actor.organizationId;
    await inTransaction(this.db, async (trx) => {
      const r = await store.findReview(trx, org, id);
      if (!r) throw notFound("Post-implementation review", id);
      authorize(ctx, "pir.write", await this.reviewRoles(trx, ctx, r));
      if (r.version !== input.version) throw conflict("This review was changed by someone else; reload it");
      if (r.status === "signed_off")
        throw new AppError("conflict", "This review is signed off and can no longer change");
      const items = await this.reviewItems(trx, org, r);
      const problems: FieldProblem[] = [];
      input.items?.forEach((it, i) => {
        if (!items.some((x) => x.benefitId === it.benefitId))
          problems.push({ path: `items.${i}.benefitId`, message: "is not a benefit of this project" });
      });
      if (input.complete && r.status !== "scheduled") throw conflict("This review is completed already");
      const rating = input.rating === undefined ? r.rating : input.rating;
      if (input.complete && (rating === null || rating === undefined))
        problems.push({ path: "rating", message: "is required to complete the review" });
      if (problems.length) throw validationError(problems);
      for (const it of input.items ?? []) {
        const current = items.find((x) => x.benefitId === it.benefitId)!;
        await store.upsertReviewItem(trx, {
          organization_id: org,
          review_id: id,
          benefit_id: it.benefitId,
          planned: current.planned,
          actual: it.actual === undefined ? current.actual : it.actual,
          comment: it.comment ?? current.comment,
        });
      }
      // Completing freezes the planned vs actual figures as they stand.
      if (input.complete) {
        for (const it of items) {
          if (input.items?.some((x) => x.benefitId === it.benefitId)) continue;
          await store.upsertReviewItem(trx, {
            organization_id: org,
            review_id: id,
            benefit_id: it.benefitId,
            planned: it.planned,
            actual: it.actual,
            comment: it.comment,
          });
        }
      }
      const at = this.clock.now().toISOString();
      const changes = {
        ...(input.rating === undefined ? {} : { rating: input.rating }),
        ...(input.summary === undefined ? {} : { summary: input.summary }),
        ...(input.lessons === undefined ? {} : { lessons: input.lessons }),
        ...(input.recommendations === undefined ? {} : { recommendations: input.recommendations }),
        ...(input.complete ? { status: "completed", completed_at: at, completed_by: ctx.actor.userId } : {}),
      };
      if (!(await store.updateReview(trx, org, id, input.version, { ...changes, updated_at: at })))
        throw conflict("This review was changed by someone else; reload it");
      await this.audit.record(trx, ctx, {
        entityType: "pir",
        entityId: id,
        action: input.complete ? "complete" : "update",
        after: { ...changes, items: input.items ?? [] },
      });
    });
    return this.getReview(ctx, id);
  }

  async signOffReview(ctx: RequestContext, id: string, version: number): Promise<Pir> {
    authorize(ctx, "benefit.read");
    const org = ctx.actor.organizationId;
    await inTransaction(this.db, async (trx) => {
      const r = await store.findReview(trx, org, id);
      if (!r) throw notFound("Post-implementation review", id);
      authorize(ctx, "pir.sign_off", r.sponsor_user_id === ctx.actor.userId ? ["sponsor"] : []);
      if (r.version !== version) throw conflict("This review was changed by someone else; reload it");
      if (r.status !== "completed") throw new AppError("conflict", "Only a completed review can be signed off");
      const at = this.clock.now().toISOString();
      await store.updateReview(trx, org, id, version, {
        status: "signed_off",
        signed_off_by: ctx.actor.userId,
        signed_off_at: at,
        updated_at: at,
      });
      await this.audit.record(trx, ctx, {
        entityType: "pir",
        entityId: id,
        action: "sign_off",
        after: { signedOffAt: at },
      });
    });
    return this.getReview(ctx, id);
  }

  private async reviewRoles(db: Db, ctx: RequestContext, r: store.ReviewRow) {
    const roles: ("manager" | "owner")[] = [];
    if (r.manager_user_id && r.manager_user_id === ctx.actor.userId) roles.push("manager");
    const benefitIds = (
      await store.findBenefits(db, ctx.actor.organizationId, { archived: "include", projectId: r.project_id })
    ).filter((b) =>
      [b.responsible_owner_id, b.accountable_owner_id, b.operational_owner_id].includes(ctx.actor.userId),
    );
    if (benefitIds.length) roles.push("owner");
    return roles;
  }

  /**
   * Planned vs actual of each of the project's benefits at the review's due date (or today, when
   * earlier): planned from the profile at that month, actual the latest measurement up to it —
   * overridden by what the review recorded.
   */
  private async reviewItems(db: Db, org: string, r: store.ReviewRow) {
    const rows = await store.findBenefits(db, org, { archived: "include", projectId: r.project_id });
    const loaded = await this.benefits.load(db, org, rows);
    const saved = new Map((await store.findReviewItems(db, org, r.id)).map((i) => [i.benefit_id, i]));
    const today = todayOf(this.clock).slice(0, 7);
    // The earlier of the due month and this month (months compare as text).
    const at = [r.due_date.slice(0, 7), today].sort()[0]!;
    return loaded.map((b) => {
      const baseline = b.row.baseline_value === null ? null : Number(b.row.baseline_value);
      const target = b.row.target_value === null ? null : Number(b.row.target_value);
      const planned = baseline === null ? null : plannedAt(b.computed.profile, at, baseline);
      const actualRow = [...b.measurements].filter((m) => m.period <= at).at(-1);
      const s = saved.get(b.row.id);
      // A completed review shows what it recorded, not today's figures.
      if (r.status !== "scheduled" && s) {
        const frozenActual = s.actual === null ? null : Number(s.actual);
        const pct =
          baseline !== null && target !== null && frozenActual !== null
            ? realizationPct(baseline, target, frozenActual)
            : null;
        return {
          benefitId: b.row.id,
          benefitCode: b.row.code,
          benefitTitle: b.row.title,
          unit: b.row.unit,
          planned: s.planned === null ? null : Number(s.planned),
          actual: frozenActual,
          realizationPct: pct === null ? null : round(pct, 2),
          trackingStatus: b.computed.status,
          comment: s.comment,
        };
      }
      const actual =
        s?.actual !== undefined && s?.actual !== null ? Number(s.actual) : actualRow ? Number(actualRow.value) : null;
      return {
        benefitId: b.row.id,
        benefitCode: b.row.code,
        benefitTitle: b.row.title,
        unit: b.row.unit,
        planned:
          s?.planned !== undefined && s?.planned !== null
            ? Number(s.planned)
            : planned === null
              ? null
              : round(planned, 6),
        actual,
        realizationPct:
          baseline !== null && target !== null && actual !== null
            ? (() => {
                const pct = realizationPct(baseline, target, actual);
                return pct === null ? null : round(pct, 2);
              })()
            : null,
        trackingStatus: b.computed.status,
        comment: s?.comment ?? "",
      };
    });
  }

  private reviewBase(r: store.ReviewRow, names: ReadonlyMap<string, string>, today: string) {
    const person = (id: string | null) => (id ? { id, name: names.get(id) ?? "(no longer a member)" } : null);
    return {
      id: r.id,
      projectId: r.project_id,
      projectCode: r.project_code,
      projectName: r.project_name,
      offsetMonths: r.offset_months,
      dueDate: r.due_date,
      status: r.status as Pir["status"],
      overdue: r.status === "scheduled" && r.due_date < today,
      rating: r.rating,
      summary: r.summary,
      lessons: r.lessons,
      recommendations: r.recommendations,
      items: [] as Pir["items"],
      completedAt: r.completed_at,
      completedBy: person(r.completed_by),
      signedOffBy: person(r.signed_off_by),
      signedOffAt: r.signed_off_at,
      sponsor: person(r.sponsor_user_id),
      version: r.version,
      permissions: { edit: false, signOff: false },
    };
  }

  private async presentReview(ctx: RequestContext, r: store.ReviewRow): Promise<Pir> {
    const org = ctx.actor.organizationId;
    const names = await store.findUserNames(this.db, [r.completed_by, r.signed_off_by, r.sponsor_user_id]);
    const base = this.reviewBase(r, names, todayOf(this.clock));
    const roles = await this.reviewRoles(this.db, ctx, r);
    return {
      ...base,
      items: await this.reviewItems(this.db, org, r),
      permissions: {
        edit: r.status !== "signed_off" && can(ctx, "pir.write", roles),
        signOff:
          r.status === "completed" &&
          can(ctx, "pir.sign_off", r.sponsor_user_id === ctx.actor.userId ? ["sponsor"] : []),
      },
    };
  }

  /**
   * Writes a record's changed columns under its version and audits them (before = the columns'
   * stored values); a stale version is a 409 with `stale` as the message.
   */
  private async saveChanges(
    trx: Db,
    ctx: RequestContext,
    spec: {
      entityType: string;
      id: string;
      before: object;
      changes: Record<string, unknown>;
      write: (changes: Record<string, unknown>) => Promise<boolean>;
      stale: string;
    },
  ): Promise<void> {
    if (!(await spec.write({ ...spec.changes, updated_at: this.clock.now().toISOString() })))
      throw conflict(spec.stale);
    const stored = spec.before as Record<string, unknown>;
    await this.audit.record(trx, ctx, {
      entityType: spec.entityType,
      entityId: spec.id,
      action: "update",
      before: Object.fromEntries(Object.keys(spec.changes).map((k) => [k, stored[k]])),
      after: spec.changes,
    });
  }

  private async checkOwner(db: Db, org: string, userId: string | null, path: string): Promise<void> {
    if (userId === null) return;
    if (!(await store.findMemberIds(db, org, [userId])).has(userId))
      throw validationError([{ path, message: "is not a member of this organization" }]);
  }
}

/** Slope per month of the actuals in the months before (or from) `period`, up to EFFECT_WINDOW measured months. */
function slopeOf(b: LoadedBenefit, period: string, side: "before" | "after"): number | null {
  const points = b.measurements
    .filter((m) => (side === "before" ? m.period < period : m.period >= period))
    .map((m) => ({ period: m.period, value: Number(m.value) }));
  const window = side === "before" ? points.slice(-EFFECT_WINDOW) : points.slice(0, EFFECT_WINDOW);
  // A line through fewer than 3 points has no error estimate; fitLine needs 3.
  if (window.length < 3) return null;
  const origin = window[0]!.period;
  const fit = fitLine(window.map((p) => ({ x: monthsBetween(origin, p.period), y: p.value })));
  return fit ? fit.slope : null;
}

function addMonthsToDate(date: string, months: number): string {
  const period = addMonths(date.slice(0, 7), months);
  const [y, m] = period.split("-").map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${period}-${String(Math.min(Number(date.slice(8, 10)) || 1, last)).padStart(2, "0")}`;
}

/** The columns of the fields given (not undefined) in `input`, renamed by `map` (field → column). */
function columnsOf<I extends object>(input: I, map: Partial<Record<keyof I, string>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(map) as [keyof I, string][]) {
    if (input[field] !== undefined) out[column] = input[field];
  }
  return out;
}
