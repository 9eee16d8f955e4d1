import { isAllowed, type RecordRole, type Role } from "../../../domain/identity/permissions.js";
import { findDependencyCycle } from "../../../domain/portfolio/project-rules.js";
import {
  type CriterionNode,
  type AhpEvaluation as DomainEvaluation,
  evaluateAhp,
  evaluateGroup,
  globalWeights,
  matrixFromJudgments,
  missingJudgments,
  RANDOM_INDEX_VARIANTS,
  type RandomIndexVariant,
  validatePairwiseMatrix,
} from "../../../domain/strategy/ahp.js";
import {
  alignmentScore,
  normalizeByRange,
  normalizeScore,
  rankProjects,
  type ScoredProject,
  type Criterion as ScoringCriterion,
  sensitivity,
  strategySpend,
} from "../../../domain/strategy/scoring.js";
import { authorize, can } from "../../platform/authorize.js";
import type { Clock } from "../../platform/clock.js";
import type { RequestContext } from "../../platform/context.js";
import { type Db, inTransaction } from "../../platform/db/database.js";
import { AppError, conflict, type FieldProblem, forbidden, notFound, validationError } from "../../platform/errors.js";
import { newId } from "../../platform/ids.js";
import type { AuditService } from "../audit/audit.service.js";
import type {
  AhpEvaluation,
  AhpSession,
  CreateAhpSessionInput,
  CreateCriterionInput,
  Criterion,
  Judgment,
  Ranking,
  SaveJudgmentsInput,
  ScoringModel,
  UpdateCriterionInput,
} from "./strategy.schema.js";
import * as store from "./strategy.store.js";

type ModelWeight = ScoringModel["weights"][number];

function toEvaluation(e: DomainEvaluation): AhpEvaluation {
  return {
    weights: e.weights,
    lambdaMax: e.lambdaMax,
    ci: e.ci,
    cr: e.cr,
    randomIndex: e.randomIndex,
    randomIndexVariant: e.randomIndexVariant,
    consistent: e.consistent,
    threshold: e.threshold,
    inconsistentJudgments: e.inconsistentJudgments.map((j) => ({
      i: j.i,
      j: j.j,
      given: j.given,
      suggested: j.suggested,
      suggestedSaaty: j.suggestedSaaty,
      error: j.error,
    })),
  };
}

function variantOf(name: string | undefined): RandomIndexVariant {
  if (name === undefined) return "saaty-1980";
  if ((RANDOM_INDEX_VARIANTS as readonly string[]).includes(name)) return name as RandomIndexVariant;
  throw validationError([{ path: "randomIndex", message: `use one of: ${RANDOM_INDEX_VARIANTS.join(", ")}` }]);
}

function toCriterion(r: store.CriterionRow): Criterion {
  return {
    id: r.id,
    parentId: r.parent_id,
    key: r.key,
    name: r.name,
    description: r.description,
    source: r.source as Criterion["source"],
    scaleMin: Number(r.scale_min),
    scaleMax: Number(r.scale_max),
    higherIsBetter: r.higher_is_better === 1,
    levels: JSON.parse(r.levels) as Criterion["levels"],
    sortOrder: r.sort_order,
    archivedAt: r.archived_at,
    version: r.version,
  };
}

function toModel(r: store.ModelRow, activeId: string | undefined): ScoringModel {
  return {
    id: r.id,
    version: r.model_version,
    sessionId: r.session_id,
    weights: JSON.parse(r.weights) as ModelWeight[],
    note: r.note,
    publishedBy: r.published_by,
    publishedAt: r.published_at,
    active: r.id === activeId,
  };
}

/**
 * Executive prioritization: criteria, AHP sessions (pairwise judgments, consistency, group
 * aggregation), the published and versioned scoring model, project scores and objective links,
 * ranking, sensitivity and strategy spend. The math lives in src/domain/strategy.
 */
export class PrioritizationService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    /** NPV of each project's business case (the benefits module provides it; wired by the composition root). */
    private readonly npvs: (db: Db, org: string) => Promise<Map<string, number>> = async () => new Map(),
  ) {}

  // ---------- pure AHP interfaces ----------

  evaluate(matrix: unknown, randomIndex?: string): AhpEvaluation {
    return evaluateMatrix(matrix, randomIndex);
  }

  aggregate(matrices: unknown, weights?: number[], randomIndex?: string): AhpEvaluation & { matrix: number[][] } {
    return aggregateMatrices(matrices, weights, randomIndex);
  }

  // ---------- criteria ----------

  async listCriteria(ctx: RequestContext): Promise<Criterion[]> {
    authorize(ctx, "strategy.read");
    return (await store.findCriteria(this.db, ctx.actor.organizationId)).map(toCriterion);
  }

  private async checkCriterion(db: Db, org: string, c: CreateCriterionInput, selfId?: string): Promise<void> {
    const problems: FieldProblem[] = [];
    const all = await store.findCriteria(db, org);
    if (all.some((x) => x.key === c.key && x.id !== selfId))
      problems.push({ path: "key", message: "another criterion has this key" });
    if (c.parentId) {
      if (!all.some((x) => x.id === c.parentId))
        problems.push({ path: "parentId", message: "no such criterion in this organization" });
      else if (selfId) {
        const edges = new Map<string, string[]>();
        for (const x of all) if (x.parent_id && x.id !== selfId) edges.set(x.id, [x.parent_id]);
        edges.set(selfId, [c.parentId]);
        if (findDependencyCycle(edges))
          problems.push({ path: "parentId", message: "a criterion cannot sit under itself" });
      }
    }
    if (c.source === "scale" && !(c.scaleMax > c.scaleMin))
      problems.push({ path: "scaleMax", message: "must be above scaleMin" });
    c.levels.forEach((l, i) => {
      if (l.value < Math.min(c.scaleMin, c.scaleMax) || l.value > Math.max(c.scaleMin, c.scaleMax))
        problems.push({ path: `levels.${i}.value`, message: `must lie on the scale ${c.scaleMin}–${c.scaleMax}` });
    });
    if (problems.length) throw validationError(problems);
  }

  async createCriterion(ctx: RequestContext, input: CreateCriterionInput): Promise<Criterion> {
    authorize(ctx, "criteria.write");
    const org = ctx.actor.organizationId;
    const id = newId();
    await inTransaction(this.db, async (trx) => {
      await this.checkCriterion(trx, org, input);
      const at = this.clock.now().toISOString();
      await store.insertCriterion(trx, {
        organization_id: org,
        id,
        parent_id: input.parentId,
        key: input.key,
        name: input.name,
        description: input.description,
        source: input.source,
        scale_min: input.scaleMin,
        scale_max: input.scaleMax,
        higher_is_better: input.higherIsBetter ? 1 : 0,
        levels: JSON.stringify(input.levels),
        sort_order: input.sortOrder,
        archived_at: null,
        created_at: at,
        updated_at: at,
      });
      await this.audit.record(trx, ctx, { entityType: "criterion", entityId: id, action: "create", after: input });
    });
    return (await this.listCriteria(ctx)).find((c) => c.id === id) as Criterion;
  }

  async updateCriterion(ctx: RequestContext, id: string, input: UpdateCriterionInput): Promise<Criterion> {
    authorize(ctx, "criteria.write");
    const org = ctx.actor.organizationId;
    await inTransaction(this.db, async (trx) => {
      const row = (await store.findCriteria(trx, org)).find((c) => c.id === id);
      if (!row) throw notFound("Criterion", id);
      const current = toCriterion(row);
      if (row.version !== input.version) throw conflict("This criterion was changed by someone else", current);
      const { version, archived, ...changes } = input;
      const before: CreateCriterionInput = {
        parentId: current.parentId,
        key: current.key,
        name: current.name,
        description: current.description,
        source: current.source,
        scaleMin: current.scaleMin,
        scaleMax: current.scaleMax,
        higherIsBetter: current.higherIsBetter,
        levels: current.levels,
        sortOrder: current.sortOrder,
      };
      const after = {
        ...before,
        ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)),
      } as CreateCriterionInput;
      await this.checkCriterion(trx, org, after, id);
      const at = this.clock.now().toISOString();
      const ok = await store.updateCriterionRow(trx, org, id, version, {
        parent_id: after.parentId,
        key: after.key,
        name: after.name,
        description: after.description,
        source: after.source,
        scale_min: after.scaleMin,
        scale_max: after.scaleMax,
        higher_is_better: after.higherIsBetter ? 1 : 0,
        levels: JSON.stringify(after.levels),
        sort_order: after.sortOrder,
        archived_at: archived === undefined ? row.archived_at : archived ? (row.archived_at ?? at) : null,
        updated_at: at,
      });
      if (!ok) throw conflict("This criterion was changed by someone else", current);
      await this.audit.record(trx, ctx, {
        entityType: "criterion",
        entityId: id,
        action: "update",
        before: { ...before, archived: row.archived_at !== null },
        after: { ...after, archived: archived ?? row.archived_at !== null },
      });
    });
    return (await this.listCriteria(ctx)).find((c) => c.id === id) as Criterion;
  }

  // ---------- AHP sessions ----------

  async listSessions(ctx: RequestContext): Promise<AhpSession[]> {
    authorize(ctx, "strategy.read");
    const rows = await store.findSessions(this.db, ctx.actor.organizationId);
    return Promise.all(rows.map((r) => this.presentSession(this.db, ctx, r)));
  }

  async getSession(ctx: RequestContext, id: string): Promise<AhpSession> {
    authorize(ctx, "strategy.read");
    const row = await store.findSession(this.db, ctx.actor.organizationId, id);
    if (!row) throw notFound("Prioritization", id);
    return this.presentSession(this.db, ctx, row);
  }

  async createSession(ctx: RequestContext, input: CreateAhpSessionInput): Promise<AhpSession> {
    authorize(ctx, "ahp.manage");
    const org = ctx.actor.organizationId;
    const id = newId();
    await inTransaction(this.db, async (trx) => {
      const criteria = (await store.findCriteria(trx, org)).filter((c) => !c.archived_at);
      if (input.parentCriterionId && !criteria.some((c) => c.id === input.parentCriterionId))
        throw validationError([{ path: "parentCriterionId", message: "no such criterion in this organization" }]);
      const compared = criteria.filter((c) => c.parent_id === input.parentCriterionId);
      if (compared.length < 2)
        throw validationError([
          { path: "parentCriterionId", message: "needs at least two criteria to compare at this level" },
        ]);
      if (compared.length > 15)
        throw validationError([{ path: "parentCriterionId", message: "compare at most 15 criteria at one level" }]);
      const people = [...new Set(input.participantIds)];
      const members = await store.memberRoles(trx, org, people);
      const problems = input.participantIds.flatMap((p, i) => {
        const role = members.get(p);
        if (role === undefined)
          return [{ path: `participantIds.${i}`, message: "is not an active member of this organization" }];
        if (!isAllowed(role as Role, "ahp.judge"))
          return [
            { path: `participantIds.${i}`, message: `a ${role} cannot judge; invite executives, PMO staff or admins` },
          ];
        return [];
      });
      if (problems.length) throw validationError(problems);
      const at = this.clock.now().toISOString();
      await store.insertSession(trx, {
        organization_id: org,
        id,
        name: input.name,
        description: input.description,
        business_unit: input.businessUnit,
        parent_criterion_id: input.parentCriterionId,
        criterion_ids: JSON.stringify(compared.map((c) => c.id)),
        status: "open",
        random_index: "saaty-1980",
        created_by: ctx.actor.userId,
        closed_at: null,
        created_at: at,
        updated_at: at,
      });
      await store.insertParticipants(
        trx,
        people.map((userId) => ({
          organization_id: org,
          session_id: id,
          user_id: userId,
          invited_at: at,
          updated_at: at,
        })),
      );
      await this.audit.record(trx, ctx, { entityType: "ahp_session", entityId: id, action: "create", after: input });
    });
    return this.getSession(ctx, id);
  }

  async saveJudgments(ctx: RequestContext, sessionId: string, input: SaveJudgmentsInput): Promise<AhpSession> {
    authorize(ctx, "ahp.judge");
    const org = ctx.actor.organizationId;
    await inTransaction(this.db, async (trx) => {
      const session = await store.findSession(trx, org, sessionId);
      if (!session) throw notFound("Prioritization", sessionId);
      const me = (await store.findParticipants(trx, org, sessionId)).find((p) => p.user_id === ctx.actor.userId);
      if (!me) throw forbidden("You are not invited to this prioritization");
      if (session.status !== "open") throw new AppError("conflict", "This prioritization is closed");
      const ids = JSON.parse(session.criterion_ids) as string[];
      const { judgments, problems } = indexJudgments(ids, input.judgments);
      if (problems.length) throw validationError(problems);
      const n = ids.length;
      const missing = missingJudgments(n, judgments);
      let cr: number | null = null;
      if (missing.length === 0) {
        const m = matrixFromJudgments(n, judgments);
        if (!m.ok)
          throw validationError(m.problems.map((p) => ({ ...p, path: p.path.replace(/^matrix/, "judgments") })));
        cr = evaluateAhp(m.matrix, { randomIndex: variantOf(session.random_index) }).cr;
      } else if (input.submit) {
        throw validationError([
          {
            path: "judgments",
            message: `${missing.length} comparisons are missing; fill every pair before submitting`,
          },
        ]);
      }
      const at = this.clock.now().toISOString();
      await store.updateParticipantRow(trx, org, sessionId, me.user_id, {
        judgments: JSON.stringify(input.judgments),
        consistency_ratio: cr,
        submitted_at: input.submit ? at : me.submitted_at,
        updated_at: at,
      });
      await this.audit.record(trx, ctx, {
        entityType: "ahp_session",
        entityId: sessionId,
        action: input.submit ? "submit_judgments" : "save_judgments",
        changes: {
          judgments: { before: JSON.parse(me.judgments), after: input.judgments },
          consistencyRatio: { before: me.consistency_ratio, after: cr },
        },
      });
    });
    return this.getSession(ctx, sessionId);
  }

  async closeSession(ctx: RequestContext, sessionId: string): Promise<AhpSession> {
    authorize(ctx, "ahp.manage");
    const org = ctx.actor.organizationId;
    await inTransaction(this.db, async (trx) => {
      const session = await store.findSession(trx, org, sessionId);
      if (!session) throw notFound("Prioritization", sessionId);
      if (session.status === "closed") return;
      const at = this.clock.now().toISOString();
      await store.updateSessionRow(trx, org, sessionId, { status: "closed", closed_at: at, updated_at: at });
      await this.audit.record(trx, ctx, {
        entityType: "ahp_session",
        entityId: sessionId,
        action: "close",
        changes: { status: { before: "open", after: "closed" } },
      });
    });
    return this.getSession(ctx, sessionId);
  }

  /** Group weights of a session from its submitted judgments (geometric mean of individual judgments). */
  private async groupOf(db: Db, org: string, session: store.SessionRow) {
    const ids = JSON.parse(session.criterion_ids) as string[];
    const submitted = (await store.findParticipants(db, org, session.id)).filter((p) => p.submitted_at);
    const matrices = submitted.flatMap((p) => {
      const { judgments } = indexJudgments(ids, JSON.parse(p.judgments) as Judgment[]);
      const m = matrixFromJudgments(ids.length, judgments);
      return m.ok ? [m.matrix] : [];
    });
    if (matrices.length === 0) return null;
    const result = evaluateGroup(matrices, { randomIndex: variantOf(session.random_index) });
    if (!result.ok) return null;
    return { ids, submitted: matrices.length, matrix: result.matrix, evaluation: result.evaluation };
  }

  private async presentSession(db: Db, ctx: RequestContext, row: store.SessionRow): Promise<AhpSession> {
    const org = ctx.actor.organizationId;
    const ids = JSON.parse(row.criterion_ids) as string[];
    const criteria = new Map((await store.findCriteria(db, org)).map((c) => [c.id, c]));
    const participants = await store.findParticipants(db, org, row.id);
    const mineRow = participants.find((p) => p.user_id === ctx.actor.userId);
    let mine: AhpSession["mine"] = null;
    if (mineRow) {
      const raw = JSON.parse(mineRow.judgments) as Judgment[];
      const { judgments } = indexJudgments(ids, raw);
      const missing = missingJudgments(ids.length, judgments);
      const m = missing.length === 0 ? matrixFromJudgments(ids.length, judgments) : null;
      mine = {
        judgments: raw,
        evaluation: m?.ok ? toEvaluation(evaluateAhp(m.matrix, { randomIndex: variantOf(row.random_index) })) : null,
        missing: missing.length,
        submittedAt: mineRow.submitted_at,
      };
    }
    const group = await this.groupOf(db, org, row);
    return {
      id: row.id,
      name: row.name,
      description: row.description,
      businessUnit: row.business_unit,
      parentCriterionId: row.parent_criterion_id,
      criteria: ids.map((id) => ({
        id,
        key: criteria.get(id)?.key ?? "?",
        name: criteria.get(id)?.name ?? "(deleted)",
      })),
      status: row.status as AhpSession["status"],
      randomIndexVariant: row.random_index,
      participants: participants.map((p) => ({
        userId: p.user_id,
        name: p.name,
        submittedAt: p.submitted_at,
        consistencyRatio: p.consistency_ratio === null ? null : Number(p.consistency_ratio),
        judgmentCount: (JSON.parse(p.judgments) as unknown[]).length,
      })),
      mine,
      group: group ? { matrix: group.matrix, submitted: group.submitted, ...toEvaluation(group.evaluation) } : null,
      createdAt: row.created_at,
      closedAt: row.closed_at,
      version: row.version,
    };
  }

  // ---------- scoring models ----------

  async listModels(ctx: RequestContext): Promise<ScoringModel[]> {
    authorize(ctx, "strategy.read");
    const rows = await store.findModels(this.db, ctx.actor.organizationId);
    return rows.map((r) => toModel(r, rows[0]?.id));
  }

  async activeModel(db: Db, org: string): Promise<ScoringModel | null> {
    const rows = await store.findModels(db, org);
    return rows[0] ? toModel(rows[0], rows[0].id) : null;
  }

  /**
   * Publishes a new version of the scoring model from the group weights of one session per level
   * (the root's, plus optionally one per criterion with sub-criteria), and scores every project
   * under it. Earlier versions and their scores stay as they were.
   */
  async publishModel(ctx: RequestContext, input: { sessionIds: string[]; note: string }): Promise<ScoringModel> {
    authorize(ctx, "ahp.manage");
    const org = ctx.actor.organizationId;
    const id = newId();
    await inTransaction(this.db, async (trx) => {
      const criteria = new Map((await store.findCriteria(trx, org)).map((c) => [c.id, c]));
      const local = new Map<string, Map<string, number>>(); // parent ("" for root) → child → weight
      for (const [k, sid] of input.sessionIds.entries()) {
        const session = await store.findSession(trx, org, sid);
        if (!session)
          throw validationError([{ path: `sessionIds.${k}`, message: "no such prioritization in this organization" }]);
        const group = await this.groupOf(trx, org, session);
        if (!group)
          throw validationError([
            { path: `sessionIds.${k}`, message: "nobody has submitted judgments in this prioritization yet" },
          ]);
        const parent = session.parent_criterion_id ?? "";
        if (local.has(parent))
          throw validationError([{ path: `sessionIds.${k}`, message: "two prioritizations weigh the same level" }]);
        local.set(parent, new Map(group.ids.map((cid, i) => [cid, group.evaluation.weights[i] ?? 0])));
      }
      if (!local.has(""))
        throw validationError([{ path: "sessionIds", message: "include a prioritization of the top-level criteria" }]);
      const build = (parent: string): CriterionNode[] =>
        [...(local.get(parent) ?? new Map<string, number>()).entries()].map(([cid, w]) => ({
          id: cid,
          localWeight: w,
          ...(local.has(cid) ? { children: build(cid) } : {}),
        }));
      const tree = globalWeights(build(""));
      if (!tree.ok) throw validationError(tree.problems);
      const weights: ModelWeight[] = tree.criteria.map((c) => ({
        criterionId: c.id,
        key: criteria.get(c.id)?.key ?? c.id,
        name: criteria.get(c.id)?.name ?? c.id,
        parentId: c.parentId,
        localWeight: c.localWeight,
        globalWeight: c.globalWeight,
      }));
      const previous = await store.findModels(trx, org);
      const version = (previous[0]?.model_version ?? 0) + 1;
      const at = this.clock.now().toISOString();
      await store.insertModel(trx, {
        organization_id: org,
        id,
        model_version: version,
        session_id: input.sessionIds[0] ?? null,
        weights: JSON.stringify(weights),
        note: input.note,
        published_by: ctx.actor.userId,
        published_at: at,
      });
      await this.audit.record(trx, ctx, {
        entityType: "scoring_model",
        entityId: id,
        action: "publish",
        after: { version, weights: Object.fromEntries(weights.map((w) => [w.key, Number(w.globalWeight.toFixed(6))])) },
      });
      await this.recomputeScores(
        trx,
        org,
        toModel(
          {
            organization_id: org,
            id,
            model_version: version,
            session_id: null,
            weights: JSON.stringify(weights),
            note: input.note,
            published_by: ctx.actor.userId,
            published_at: at,
          },
          id,
        ),
      );
    });
    return (await this.listModels(ctx)).find((m) => m.id === id) as ScoringModel;
  }

  // ---------- project scores and objective links ----------

  private async projectRoles(db: Db, ctx: RequestContext, projectId: string): Promise<RecordRole[]> {
    const p = await store.projectExists(db, ctx.actor.organizationId, projectId);
    if (!p) throw notFound("Project", projectId);
    return p.manager_user_id && p.manager_user_id === ctx.actor.userId ? ["manager"] : [];
  }

  async projectStrategy(ctx: RequestContext, projectId: string) {
    authorize(ctx, "strategy.read");
    const org = ctx.actor.organizationId;
    await this.projectRoles(this.db, ctx, projectId);
    const [scores, links, history, model] = await Promise.all([
      store.findScores(this.db, org, projectId),
      store.findLinks(this.db, org, projectId),
      store.findPriorityHistory(this.db, org, projectId),
      this.activeModel(this.db, org),
    ]);
    const ranking = model ? await this.ranking(ctx) : null;
    const row = ranking?.rows.find((r) => r.projectId === projectId);
    // `priority` is live under the active model (objective weights, new projects and scores all
    // move it), like the ranking; `history` holds the scores stored under each version when it was
    // published or the project's scores and links last changed, so earlier versions keep theirs.
    return {
      projectId,
      scores: scores.map((s) => ({
        criterionId: s.criterion_id,
        value: Number(s.value),
        rationale: s.rationale,
        scoredAt: s.scored_at,
      })),
      links: links.map((l) => ({ objectiveId: l.objective_id, code: l.code, title: l.title, strength: l.strength })),
      priority: model && row ? { modelVersion: model.version, score: row.score, rank: row.rank } : null,
      history: history.map((h) => ({
        modelVersion: h.model_version,
        score: Number(h.score),
        computedAt: h.computed_at,
      })),
      canEdit: can(ctx, "score.write", await this.projectRoles(this.db, ctx, projectId)),
    };
  }

  async saveScores(
    ctx: RequestContext,
    projectId: string,
    scores: { criterionId: string; value: number; rationale: string }[],
  ) {
    const org = ctx.actor.organizationId;
    await inTransaction(this.db, async (trx) => {
      authorize(ctx, "score.write", await this.projectRoles(trx, ctx, projectId));
      const criteria = new Map((await store.findCriteria(trx, org)).map((c) => [c.id, c]));
      const problems: FieldProblem[] = [];
      const seen = new Set<string>();
      scores.forEach((s, i) => {
        const c = criteria.get(s.criterionId);
        if (!c) problems.push({ path: `scores.${i}.criterionId`, message: "no such criterion in this organization" });
        else if (c.source !== "scale")
          problems.push({
            path: `scores.${i}.criterionId`,
            message: `${c.name} is derived from data (${c.source}), not scored by hand`,
          });
        else {
          const lo = Math.min(Number(c.scale_min), Number(c.scale_max));
          const hi = Math.max(Number(c.scale_min), Number(c.scale_max));
          if (s.value < lo || s.value > hi)
            problems.push({ path: `scores.${i}.value`, message: `must lie on ${c.name}'s scale ${lo}–${hi}` });
        }
        if (seen.has(s.criterionId))
          problems.push({ path: `scores.${i}.criterionId`, message: "appears more than once" });
        seen.add(s.criterionId);
      });
      if (problems.length) throw validationError(problems);
      const before = await store.findScores(trx, org, projectId);
      const at = this.clock.now().toISOString();
      await store.replaceScores(
        trx,
        org,
        projectId,
        scores.map((s) => ({
          criterion_id: s.criterionId,
          value: s.value,
          rationale: s.rationale,
          scored_by: ctx.actor.userId,
          scored_at: at,
        })),
      );
      await this.audit.record(trx, ctx, {
        entityType: "project",
        entityId: projectId,
        action: "score",
        before: {
          scores: Object.fromEntries(
            before.map((b) => [criteria.get(b.criterion_id)?.key ?? b.criterion_id, Number(b.value)]),
          ),
        },
        after: {
          scores: Object.fromEntries(scores.map((s) => [criteria.get(s.criterionId)?.key ?? s.criterionId, s.value])),
        },
      });
      const model = await this.activeModel(trx, org);
      if (model) await this.recomputeScores(trx, org, model);
    });
    return this.projectStrategy(ctx, projectId);
  }

  async saveLinks(ctx: RequestContext, projectId: string, links: { objectiveId: string; strength: number }[]) {
    const org = ctx.actor.organizationId;
    await inTransaction(this.db, async (trx) => {
      authorize(ctx, "score.write", await this.projectRoles(trx, ctx, projectId));
      const objectives = new Set((await store.findObjectives(trx, org)).map((o) => o.id));
      const problems: FieldProblem[] = [];
      const seen = new Set<string>();
      links.forEach((l, i) => {
        if (!objectives.has(l.objectiveId))
          problems.push({ path: `links.${i}.objectiveId`, message: "no such objective in this organization" });
        if (seen.has(l.objectiveId))
          problems.push({ path: `links.${i}.objectiveId`, message: "appears more than once" });
        seen.add(l.objectiveId);
      });
      if (problems.length) throw validationError(problems);
      const before = await store.findLinks(trx, org, projectId);
      await store.replaceLinks(
        trx,
        org,
        projectId,
        links.map((l) => ({ objective_id: l.objectiveId, strength: l.strength })),
      );
      await this.audit.record(trx, ctx, {
        entityType: "project",
        entityId: projectId,
        action: "link_objectives",
        before: { objectives: Object.fromEntries(before.map((b) => [b.code, b.strength])) },
        after: { objectives: Object.fromEntries(links.map((l) => [l.objectiveId, l.strength])) },
      });
      const model = await this.activeModel(trx, org);
      if (model) await this.recomputeScores(trx, org, model);
    });
    return this.projectStrategy(ctx, projectId);
  }

  // ---------- ranking ----------

  /** Normalized score of every project on every leaf criterion of a model (0..1; missing when unscored). */
  private async scoreMatrix(db: Db, org: string, model: ScoringModel) {
    const [projects, criteriaRows, scores, links, objectives, npvs] = await Promise.all([
      store.findRankableProjects(db, org),
      store.findCriteria(db, org),
      store.findScores(db, org),
      store.findLinks(db, org),
      store.findObjectives(db, org),
      this.npvs(db, org),
    ]);
    // NPV criteria: min-max across the rankable projects that have a business case (normalizeByRange).
    const withNpv = projects.filter((p) => npvs.has(p.id));
    const npvScore = new Map(
      normalizeByRange(withNpv.map((p) => npvs.get(p.id) as number)).map((v, i) => [withNpv[i]!.id, v]),
    );
    const criteria = new Map(criteriaRows.map((c) => [c.id, c]));
    const parents = new Set(model.weights.map((w) => w.parentId).filter((p): p is string => p !== null));
    const leaves = model.weights.filter((w) => !parents.has(w.criterionId));
    const scoreOf = new Map(scores.map((s) => [`${s.project_id}|${s.criterion_id}`, Number(s.value)]));
    const objectiveWeight = new Map(
      objectives.filter((o) => o.status === "active").map((o) => [o.id, Number(o.weight)]),
    );
    const totalWeight = [...objectiveWeight.values()].reduce((a, b) => a + b, 0);
    const linksOf = new Map<string, { objectiveWeight: number; strength: 0 | 1 | 2 | 3 }[]>();
    for (const l of links) {
      const w = objectiveWeight.get(l.objective_id);
      if (w === undefined) continue;
      linksOf.set(l.project_id, [
        ...(linksOf.get(l.project_id) ?? []),
        { objectiveWeight: w, strength: l.strength as 0 | 1 | 2 | 3 },
      ]);
    }
    const scored: ScoredProject[] = projects.map((p) => {
      const s: Record<string, number | undefined> = {};
      for (const leaf of leaves) {
        const c = criteria.get(leaf.criterionId);
        if (!c) continue;
        if (c.source === "alignment") s[leaf.criterionId] = alignmentScore(linksOf.get(p.id) ?? [], totalWeight);
        else if (c.source === "scale") {
          const v = scoreOf.get(`${p.id}|${c.id}`);
          const scale =
            c.higher_is_better === 1
              ? { min: Number(c.scale_min), max: Number(c.scale_max) }
              : { min: Number(c.scale_max), max: Number(c.scale_min) };
          if (v !== undefined) s[leaf.criterionId] = normalizeScore(v, scale);
        }
        // source "npv": the business case's NPV (benefits module); without one it counts as missing.
        else if (c.source === "npv") {
          const v = npvScore.get(p.id);
          if (v !== undefined) s[leaf.criterionId] = c.higher_is_better === 1 ? v : 1 - v;
        }
      }
      return { id: p.id, scores: s };
    });
    const weights: ScoringCriterion[] = leaves.map((l) => ({ key: l.criterionId, weight: l.globalWeight }));
    return { projects, scored, weights, leaves };
  }

  private async recomputeScores(db: Db, org: string, model: ScoringModel): Promise<void> {
    const { scored, weights } = await this.scoreMatrix(db, org, model);
    const ranked = rankProjects(scored, weights);
    await store.upsertPriorityScores(
      db,
      org,
      model.id,
      model.version,
      ranked.map((r) => ({ projectId: r.id, score: r.score, breakdown: JSON.stringify(r.breakdown) })),
      this.clock.now().toISOString(),
    );
  }

  async ranking(ctx: RequestContext, modelId?: string): Promise<Ranking> {
    authorize(ctx, "strategy.read");
    const org = ctx.actor.organizationId;
    const models = await this.listModels(ctx);
    const model = modelId ? models.find((m) => m.id === modelId) : models[0];
    if (modelId && !model) throw notFound("Scoring model", modelId);
    if (!model) return { model: null, rows: [] };
    const { projects, scored, weights, leaves } = await this.scoreMatrix(this.db, org, model);
    const byId = new Map(projects.map((p) => [p.id, p]));
    const keyOf = new Map(leaves.map((l) => [l.criterionId, l.key]));
    return {
      model,
      rows: rankProjects(scored, weights).map((r) => {
        const p = byId.get(r.id);
        return {
          projectId: r.id,
          code: p?.code ?? "",
          name: p?.name ?? "",
          status: p?.status ?? "",
          category: p?.category ?? "",
          budgetTotalCents: Number(p?.budget_total_cents ?? 0),
          score: r.score,
          rank: r.rank,
          breakdown: r.breakdown.map((b) => ({
            criterionId: b.key,
            key: keyOf.get(b.key) ?? b.key,
            weight: b.weight,
            normalized: b.normalized,
            contribution: b.contribution,
          })),
          missing: r.missing.map((k) => keyOf.get(k) ?? k),
        };
      }),
    };
  }

  async sensitivity(ctx: RequestContext, delta: number) {
    authorize(ctx, "strategy.read");
    const org = ctx.actor.organizationId;
    const model = await this.activeModel(this.db, org);
    if (!model) return { delta, criteria: [] };
    const { scored, weights, leaves } = await this.scoreMatrix(this.db, org, model);
    const report = sensitivity(scored, weights, delta);
    const leafOf = new Map(leaves.map((l) => [l.criterionId, l]));
    return {
      delta,
      criteria: report.criteria.map((c) => ({
        criterionId: c.key,
        key: leafOf.get(c.key)?.key ?? c.key,
        name: leafOf.get(c.key)?.name ?? c.key,
        up: c.increased.ranking.map((r) => ({ projectId: r.id, rank: r.rank, change: r.rankChange })),
        down: c.decreased.ranking.map((r) => ({ projectId: r.id, rank: r.rank, change: r.rankChange })),
      })),
    };
  }

  async strategySpend(ctx: RequestContext) {
    authorize(ctx, "strategy.read");
    const org = ctx.actor.organizationId;
    const [objectives, projects, links] = await Promise.all([
      store.findObjectives(this.db, org),
      store.findRankableProjects(this.db, org),
      store.findLinks(this.db, org),
    ]);
    const active = objectives.filter((o) => o.status === "active");
    const linksOf = new Map<string, { objectiveId: string; strength: number }[]>();
    for (const l of links)
      linksOf.set(l.project_id, [
        ...(linksOf.get(l.project_id) ?? []),
        { objectiveId: l.objective_id, strength: l.strength },
      ]);
    const spend = strategySpend(
      active.map((o) => ({ id: o.id, weight: Number(o.weight) })),
      projects
        .filter((p) => p.status !== "cancelled")
        .map((p) => ({
          projectId: p.id,
          budgetCents: Number(p.budget_total_cents),
          objectives: linksOf.get(p.id) ?? [],
        })),
    );
    const byId = new Map(active.map((o) => [o.id, o]));
    return {
      objectives: spend.objectives.map((o) => ({
        objectiveId: o.objectiveId,
        code: byId.get(o.objectiveId)?.code ?? "",
        title: byId.get(o.objectiveId)?.title ?? "",
        weightShare: o.weightShare,
        spendCents: o.spendCents,
        spendShare: o.spendShare,
        mismatch: o.mismatch,
        flagged: o.flagged,
      })),
      unlinkedSpendCents: spend.unlinkedSpendCents,
      totalSpendCents: spend.totalSpendCents,
    };
  }
}

/** The pure AHP interface (API and CLI): validates the matrix, naming the bad cell, and evaluates it. */
export function evaluateMatrix(matrix: unknown, randomIndex?: string): AhpEvaluation {
  const checked = validatePairwiseMatrix(matrix);
  if (!checked.ok) throw validationError(checked.problems);
  return toEvaluation(evaluateAhp(checked.matrix, { randomIndex: variantOf(randomIndex) }));
}

/** Group judgments by geometric mean, then the same evaluation. */
export function aggregateMatrices(
  matrices: unknown,
  weights?: number[],
  randomIndex?: string,
): AhpEvaluation & { matrix: number[][] } {
  const result = evaluateGroup(matrices, { weights, randomIndex: variantOf(randomIndex) });
  if (!result.ok) throw validationError(result.problems);
  return { matrix: result.matrix, ...toEvaluation(result.evaluation) };
}

/** Turns judgments by criterion id into matrix indices; problems name judgments.k.a / .b. */
function indexJudgments(ids: string[], judgments: readonly Judgment[]) {
  const index = new Map(ids.map((id, i) => [id, i]));
  const problems: FieldProblem[] = [];
  const out: { i: number; j: number; value: number }[] = [];
  judgments.forEach((j, k) => {
    const a = index.get(j.a);
    const b = index.get(j.b);
    if (a === undefined)
      problems.push({ path: `judgments.${k}.a`, message: "is not a criterion of this prioritization" });
    if (b === undefined)
      problems.push({ path: `judgments.${k}.b`, message: "is not a criterion of this prioritization" });
    if (a !== undefined && b !== undefined) {
      if (a === b) problems.push({ path: `judgments.${k}.b`, message: "compare two different criteria" });
      else out.push(a < b ? { i: a, j: b, value: j.value } : { i: b, j: a, value: 1 / j.value });
    }
  });
  return { judgments: out, problems };
}
