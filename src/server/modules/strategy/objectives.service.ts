import { findDependencyCycle } from "../../../domain/portfolio/project-rules.js";
import { authorize } from "../../platform/authorize.js";
import type { Clock } from "../../platform/clock.js";
import type { RequestContext } from "../../platform/context.js";
import { type Db, inTransaction } from "../../platform/db/database.js";
import { conflict, type FieldProblem, notFound, validationError } from "../../platform/errors.js";
import { newId } from "../../platform/ids.js";
import type { AuditService } from "../audit/audit.service.js";
import type { CreateObjectiveInput, Objective, UpdateObjectiveInput } from "./strategy.schema.js";
import * as store from "./strategy.store.js";

/** Strategic objectives: a tree of organizational and PMO objectives with weights and horizons. */
export class ObjectiveService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  async list(ctx: RequestContext): Promise<Objective[]> {
    authorize(ctx, "strategy.read");
    return this.present(this.db, ctx.actor.organizationId);
  }

  async get(ctx: RequestContext, id: string): Promise<Objective> {
    authorize(ctx, "strategy.read");
    const found = (await this.present(this.db, ctx.actor.organizationId)).find((o) => o.id === id);
    if (!found) throw notFound("Objective", id);
    return found;
  }

  private async present(db: Db, org: string): Promise<Objective[]> {
    const [rows, goals, projects] = await Promise.all([
      store.findObjectives(db, org),
      store.countGoalsByObjective(db, org),
      store.countProjectsByObjective(db, org),
    ]);
    const activeTotal = rows.filter((r) => r.status === "active").reduce((s, r) => s + Number(r.weight), 0);
    return rows.map((r) => ({
      id: r.id,
      parentId: r.parent_id,
      kind: r.kind as Objective["kind"],
      code: r.code,
      title: r.title,
      description: r.description,
      ownerId: r.owner_user_id,
      ownerName: r.owner_name,
      horizonStart: r.horizon_start,
      horizonEnd: r.horizon_end,
      status: r.status as Objective["status"],
      weight: Number(r.weight),
      normalizedWeight: r.status === "active" && activeTotal > 0 ? Number(r.weight) / activeTotal : 0,
      sortOrder: r.sort_order,
      goalCount: goals.get(r.id) ?? 0,
      projectCount: projects.get(r.id) ?? 0,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      version: r.version,
    }));
  }

  private async check(db: Db, org: string, draft: CreateObjectiveInput, selfId: string | undefined): Promise<void> {
    const problems: FieldProblem[] = [];
    if (draft.horizonEnd < draft.horizonStart)
      problems.push({ path: "horizonEnd", message: "must be on or after the horizon start" });
    const all = await store.findObjectives(db, org);
    if (all.some((o) => o.code === draft.code && o.id !== selfId))
      problems.push({ path: "code", message: `${draft.code} is already used by another objective` });
    if (draft.parentId) {
      const parent = all.find((o) => o.id === draft.parentId);
      if (!parent) problems.push({ path: "parentId", message: "no such objective in this organization" });
      else if (selfId) {
        const edges = new Map<string, string[]>();
        for (const o of all) if (o.parent_id && o.id !== selfId) edges.set(o.id, [o.parent_id]);
        edges.set(selfId, [draft.parentId]);
        if (findDependencyCycle(edges))
          problems.push({ path: "parentId", message: "an objective cannot sit under itself or its own sub-objective" });
      }
    }
    if (draft.ownerId && !(await store.memberIds(db, org, [draft.ownerId])).has(draft.ownerId))
      problems.push({ path: "ownerId", message: "is not a member of this organization" });
    if (problems.length) throw validationError(problems);
  }

  async create(ctx: RequestContext, input: CreateObjectiveInput): Promise<Objective> {
    authorize(ctx, "objective.write");
    const org = ctx.actor.organizationId;
    const id = newId();
    await inTransaction(this.db, async (trx) => {
      await this.check(trx, org, input, undefined);
      const at = this.clock.now().toISOString();
      await store.insertObjective(trx, {
        organization_id: org,
        id,
        parent_id: input.parentId,
        kind: input.kind,
        code: input.code,
        title: input.title,
        description: input.description,
        owner_user_id: input.ownerId,
        horizon_start: input.horizonStart,
        horizon_end: input.horizonEnd,
        status: input.status,
        weight: input.weight,
        sort_order: input.sortOrder,
        created_at: at,
        updated_at: at,
      });
      await this.audit.record(trx, ctx, { entityType: "objective", entityId: id, action: "create", after: input });
    });
    return this.get(ctx, id);
  }

  async update(ctx: RequestContext, id: string, input: UpdateObjectiveInput): Promise<Objective> {
    authorize(ctx, "objective.write");
    const org = ctx.actor.organizationId;
    await inTransaction(this.db, async (trx) => {
      const row = await store.findObjective(trx, org, id);
      if (!row) throw notFound("Objective", id);
      const before: CreateObjectiveInput = {
        parentId: row.parent_id,
        kind: row.kind as CreateObjectiveInput["kind"],
        code: row.code,
        title: row.title,
        description: row.description,
        ownerId: row.owner_user_id,
        horizonStart: row.horizon_start,
        horizonEnd: row.horizon_end,
        status: row.status as CreateObjectiveInput["status"],
        weight: Number(row.weight),
        sortOrder: row.sort_order,
      };
      if (row.version !== input.version) {
        throw conflict(
          "This objective was changed by someone else",
          (await this.present(trx, org)).find((o) => o.id === id),
        );
      }
      const { version, ...changes } = input;
      const after = {
        ...before,
        ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)),
      } as CreateObjectiveInput;
      await this.check(trx, org, after, id);
      const ok = await store.updateObjectiveRow(trx, org, id, version, {
        parent_id: after.parentId,
        kind: after.kind,
        code: after.code,
        title: after.title,
        description: after.description,
        owner_user_id: after.ownerId,
        horizon_start: after.horizonStart,
        horizon_end: after.horizonEnd,
        status: after.status,
        weight: after.weight,
        sort_order: after.sortOrder,
        updated_at: this.clock.now().toISOString(),
      });
      if (!ok) throw conflict("This objective was changed by someone else");
      await this.audit.record(trx, ctx, { entityType: "objective", entityId: id, action: "update", before, after });
    });
    return this.get(ctx, id);
  }
}
