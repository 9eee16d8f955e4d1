import type { ProjectRole } from "../../../domain/identity/permissions.js";
import {
  canTransition,
  checkProjectPlan,
  type FieldProblem,
  findDependencyCycle,
  type ProjectStatus,
  totalBudgetCents,
} from "../../../domain/portfolio/project-rules.js";
import { authorize, can } from "../../platform/authorize.js";
import type { Clock } from "../../platform/clock.js";
import type { RequestContext } from "../../platform/context.js";
import { type Db, type Engine, inTransaction } from "../../platform/db/database.js";
import { AppError, conflict, notFound, validationError } from "../../platform/errors.js";
import { newId } from "../../platform/ids.js";
import { type AuditService, diffRecords } from "../audit/audit.service.js";
import type {
  ArchiveInput,
  CreateProjectInput,
  ListProjectsQuery,
  Project,
  ProjectPage,
  ProjectSummary,
  UpdateProjectInput,
} from "./portfolio.schema.js";
import * as store from "./portfolio.store.js";

/** The fields of a project as one plain record, the unit of validation and of the audit trail. */
export type ProjectDraft = Omit<CreateProjectInput, never>;

const cursorOf = (value: string | number, id: string) => Buffer.from(JSON.stringify([value, id])).toString("base64url");

function parseCursor(cursor: string): { value: string | number; id: string } {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown;
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[1] === "string") {
      const [value, id] = parsed as [unknown, string];
      const clean = !id.includes("\u0000") && (typeof value !== "string" || !value.includes("\u0000"));
      if ((typeof value === "string" || (typeof value === "number" && Number.isFinite(value))) && clean)
        return { value, id };
    }
  } catch {
    // fall through
  }
  throw validationError([{ path: "cursor", message: "is not a cursor this API returned" }]);
}

const SORT_VALUE: Record<store.ProjectSortKey, (r: store.ProjectRow) => string | number> = {
  code: (r) => r.code,
  name: (r) => r.name,
  status: (r) => r.status,
  category: (r) => r.category,
  plannedStart: (r) => r.planned_start,
  plannedEnd: (r) => r.planned_end,
  budgetTotalCents: (r) => Number(r.budget_total_cents),
  updatedAt: (r) => r.updated_at,
};

export class ProjectService {
  constructor(
    private readonly db: Db,
    private readonly engine: Engine,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  get engineName(): Engine {
    return this.engine;
  }

  async list(ctx: RequestContext, query: ListProjectsQuery): Promise<ProjectPage> {
    authorize(ctx, "project.read");
    const org = ctx.actor.organizationId;
    const filter: store.ProjectFilter = {
      q: query.q,
      status: query.status,
      category: query.category,
      portfolioId: query.portfolioId,
      programId: query.programId,
      managerId: query.managerId,
      archived: query.archived,
    };
    const after = query.cursor ? parseCursor(query.cursor) : undefined;
    if (after && typeof after.value !== (query.sort === "budgetTotalCents" ? "number" : "string")) {
      throw validationError([
        { path: "cursor", message: "belongs to another sort order; start again without a cursor" },
      ]);
    }
    const [rows, total] = await Promise.all([
      store.findProjects(this.db, this.engine, org, filter, {
        sort: query.sort,
        order: query.order,
        after,
        limit: query.limit + 1,
      }),
      store.countFilteredProjects(this.db, this.engine, org, filter),
    ]);
    const more = rows.length > query.limit;
    const items = rows.slice(0, query.limit);
    const last = items[items.length - 1];
    return {
      items: items.map(toSummary),
      nextCursor: more && last ? cursorOf(SORT_VALUE[query.sort](last), last.id) : null,
      total,
    };
  }

  /** Every project matching a filter, in pages, for exports. */
  async listAll(ctx: RequestContext, query: Omit<ListProjectsQuery, "limit" | "cursor">): Promise<Project[]> {
    authorize(ctx, "project.export");
    const out: Project[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.list(ctx, { ...query, limit: 500, cursor });
      for (const item of page.items) out.push(await this.get(ctx, item.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return out;
  }

  async get(ctx: RequestContext, id: string): Promise<Project> {
    authorize(ctx, "project.read");
    const row = await store.findProject(this.db, ctx.actor.organizationId, id);
    if (!row) throw notFound("Project", id);
    return this.present(this.db, ctx, row);
  }

  async projectRolesOf(db: Db, ctx: RequestContext, row: store.ProjectRow): Promise<ProjectRole[]> {
    const userId = ctx.actor.userId;
    if (!userId) return [];
    const roles: ProjectRole[] = [];
    if (row.manager_user_id === userId) roles.push("manager");
    if (row.sponsor_user_id === userId) roles.push("sponsor");
    if (await store.isTeamMember(db, row.organization_id, row.id, userId)) roles.push("team");
    return roles;
  }

  async create(ctx: RequestContext, input: CreateProjectInput): Promise<Project> {
    authorize(ctx, "project.create");
    const id = newId();
    await inTransaction(this.db, async (trx) => {
      const problems = await this.checkDraft(trx, ctx.actor.organizationId, input, undefined);
      if (problems.length > 0) throw validationError(problems);
      await this.insertDraft(trx, ctx, id, input);
    });
    return this.get(ctx, id);
  }

  /**
   * Validates a whole draft against the organization's data. `selfId` is the project being
   * updated (undefined for a new one). `pendingEdges` lets an import check cycles across rows.
   */
  async checkDraft(
    db: Db,
    organizationId: string,
    draft: CreateProjectInput,
    selfId: string | undefined,
    options: { extraCodes?: Set<string>; skipReferences?: { dependencies?: boolean } } = {},
  ): Promise<FieldProblem[]> {
    const problems: FieldProblem[] = [];
    const [portfolio, program, categories, roles] = await Promise.all([
      store.findPortfolio(db, organizationId, draft.portfolioId),
      draft.programId ? store.findProgram(db, organizationId, draft.programId) : Promise.resolve(undefined),
      store.findCategories(db, organizationId),
      store.findResourceRoles(db, organizationId),
    ]);
    if (!portfolio) problems.push({ path: "portfolioId", message: "no such portfolio in this organization" });
    else if (portfolio.archived_at) problems.push({ path: "portfolioId", message: "this portfolio is archived" });
    if (draft.programId) {
      if (!program) problems.push({ path: "programId", message: "no such program in this organization" });
      else if (program.portfolio_id !== draft.portfolioId)
        problems.push({ path: "programId", message: "this program belongs to another portfolio" });
    }
    if (!categories.some((c) => c.key === draft.category)) {
      problems.push({
        path: "category",
        message: `unknown category; use one of: ${categories.map((c) => c.key).join(", ")}`,
      });
    }
    const people = [draft.sponsorId, draft.managerId, ...draft.team.map((t) => t.userId)].filter(
      (x): x is string => typeof x === "string",
    );
    const members = await store.findMemberIds(db, organizationId, [...new Set(people)]);
    if (draft.sponsorId && !members.has(draft.sponsorId))
      problems.push({ path: "sponsorId", message: "is not a member of this organization" });
    if (draft.managerId && !members.has(draft.managerId))
      problems.push({ path: "managerId", message: "is not a member of this organization" });
    const seenTeam = new Set<string>();
    draft.team.forEach((t, i) => {
      if (!members.has(t.userId))
        problems.push({ path: `team.${i}.userId`, message: "is not a member of this organization" });
      if (seenTeam.has(t.userId)) problems.push({ path: `team.${i}.userId`, message: "appears more than once" });
      seenTeam.add(t.userId);
    });
    problems.push(...checkProjectPlan(draft, new Set(roles.map((r) => r.key))));

    // Code uniqueness: a clear field error rather than a constraint violation later.
    const sameCode = await store.findProjectIdsByCodes(db, organizationId, [draft.code]);
    const holder = sameCode.get(draft.code);
    if ((holder && holder !== selfId) || options.extraCodes?.has(draft.code))
      problems.push({ path: "code", message: `${draft.code} is already used by another project` });

    if (!options.skipReferences?.dependencies)
      problems.push(...(await this.checkDependencies(db, organizationId, draft, selfId)));
    return problems;
  }

  private async checkDependencies(
    db: Db,
    organizationId: string,
    draft: CreateProjectInput,
    selfId: string | undefined,
  ): Promise<FieldProblem[]> {
    const problems: FieldProblem[] = [];
    const targetIds = draft.dependencies.map((d) => d.dependsOnId);
    const found = new Map((await store.findProjectsByIds(db, organizationId, targetIds)).map((p) => [p.id, p]));
    const seen = new Set<string>();
    draft.dependencies.forEach((d, i) => {
      if (d.dependsOnId === selfId)
        problems.push({ path: `dependencies.${i}.dependsOnId`, message: "a project cannot depend on itself" });
      else if (!found.has(d.dependsOnId))
        problems.push({ path: `dependencies.${i}.dependsOnId`, message: "no such project in this organization" });
      if (seen.has(d.dependsOnId))
        problems.push({ path: `dependencies.${i}.dependsOnId`, message: "appears more than once" });
      seen.add(d.dependsOnId);
    });
    if (problems.length === 0 && selfId && draft.dependencies.length > 0) {
      const edges = new Map<string, string[]>();
      for (const e of await store.findAllDependencyEdges(db, organizationId)) {
        if (e.project_id === selfId) continue;
        edges.set(e.project_id, [...(edges.get(e.project_id) ?? []), e.depends_on_id]);
      }
      edges.set(selfId, targetIds);
      const cycle = findDependencyCycle(edges);
      if (cycle) {
        const codes = new Map(
          (await store.findProjectsByIds(db, organizationId, [...new Set(cycle)])).map((p) => [p.id, p.code]),
        );
        codes.set(selfId, draft.code);
        problems.push({
          path: "dependencies",
          message: `would create a dependency cycle: ${cycle.map((id) => codes.get(id) ?? id).join(" → ")}`,
        });
      }
    }
    return problems;
  }

  /** Inserts a validated draft with its children, search entry and audit record, inside `db`'s transaction. */
  async insertDraft(
    db: Db,
    ctx: RequestContext,
    id: string,
    draft: CreateProjectInput,
    options: { action?: string; deferDependencies?: boolean } = {},
  ): Promise<void> {
    const action = options.action ?? "create";
    const org = ctx.actor.organizationId;
    const at = this.clock.now().toISOString();
    const row = {
      organization_id: org,
      id,
      code: draft.code,
      name: draft.name,
      description: draft.description,
      portfolio_id: draft.portfolioId,
      program_id: draft.programId,
      category: draft.category,
      lifecycle_stage: draft.lifecycleStage,
      status: draft.status,
      sponsor_user_id: draft.sponsorId,
      manager_user_id: draft.managerId,
      planned_start: draft.plannedStart,
      planned_end: draft.plannedEnd,
      budget_total_cents: totalBudgetCents(draft.budget),
      archived_at: null,
      created_at: at,
      updated_at: at,
    };
    await store.insertProject(db, row);
    await this.writeChildren(db, org, id, options.deferDependencies ? { ...draft, dependencies: undefined } : draft);
    await store.syncProjectSearch(db, this.engine, row);
    await this.audit.record(db, ctx, { entityType: "project", entityId: id, action, after: snapshot(draft) });
  }

  async writeChildren(
    db: Db,
    org: string,
    id: string,
    draft: { [K in keyof CreateProjectInput]?: CreateProjectInput[K] | undefined },
  ): Promise<void> {
    if (draft.budget)
      await store.replaceBudgetLines(
        db,
        org,
        id,
        draft.budget.map((l) => ({
          organization_id: org,
          project_id: id,
          period: l.period,
          expense_type: l.expenseType,
          amount_cents: l.amountCents,
        })),
      );
    if (draft.demand)
      await store.replaceDemandLines(
        db,
        org,
        id,
        draft.demand.map((l) => ({
          organization_id: org,
          project_id: id,
          role_key: l.roleKey,
          period: l.period,
          hours: l.hours,
        })),
      );
    if (draft.dependencies)
      await store.replaceDependencies(
        db,
        org,
        id,
        draft.dependencies.map((d) => ({
          organization_id: org,
          project_id: id,
          depends_on_id: d.dependsOnId,
          kind: d.kind,
        })),
      );
    if (draft.team)
      await store.replaceTeam(
        db,
        org,
        id,
        draft.team.map((t) => t.userId),
      );
  }

  async update(ctx: RequestContext, id: string, input: UpdateProjectInput): Promise<Project> {
    authorize(ctx, "project.read");
    const org = ctx.actor.organizationId;
    await inTransaction(this.db, async (trx) => {
      const row = await store.findProject(trx, org, id);
      if (!row) throw notFound("Project", id);
      authorize(ctx, "project.update", await this.projectRolesOf(trx, ctx, row));
      if (row.version !== input.version) {
        throw conflict(
          `This project was changed by someone else (you edited version ${input.version}, the current one is ${row.version})`,
          await this.present(trx, ctx, row),
        );
      }
      if (row.archived_at) throw new AppError("conflict", "This project is archived; restore it before editing");
      const before = await this.draftOf(trx, row);
      const { version, ...changes } = input;
      const after: CreateProjectInput = { ...before, ...stripUndefined(changes) };
      const problems = await this.checkDraft(trx, org, after, id, {
        skipReferences: { dependencies: changes.dependencies === undefined },
      });
      if (after.status !== before.status && !canTransition(before.status as ProjectStatus, after.status)) {
        problems.push({ path: "status", message: `cannot move from ${before.status} to ${after.status}` });
      }
      if (problems.length > 0) throw validationError(problems);
      // Saving an unchanged form changes nothing: no new version, no empty audit event.
      if (Object.keys(diffRecords(snapshot(before), snapshot(after))).length === 0) return;
      const at = this.clock.now().toISOString();
      const ok = await store.updateProjectRow(trx, org, id, version, {
        code: after.code,
        name: after.name,
        description: after.description,
        portfolio_id: after.portfolioId,
        program_id: after.programId,
        category: after.category,
        lifecycle_stage: after.lifecycleStage,
        status: after.status,
        sponsor_user_id: after.sponsorId,
        manager_user_id: after.managerId,
        planned_start: after.plannedStart,
        planned_end: after.plannedEnd,
        budget_total_cents: totalBudgetCents(after.budget),
        updated_at: at,
      });
      if (!ok) {
        const current = await store.findProject(trx, org, id);
        throw conflict(
          "This project was changed by someone else",
          current ? await this.present(trx, ctx, current) : undefined,
        );
      }
      await this.writeChildren(trx, org, id, changes);
      await store.syncProjectSearch(trx, this.engine, {
        organization_id: org,
        id,
        code: after.code,
        name: after.name,
        description: after.description,
      });
      await this.audit.record(trx, ctx, {
        entityType: "project",
        entityId: id,
        action: "update",
        before: snapshot(before),
        after: snapshot(after),
      });
    });
    return this.get(ctx, id);
  }

  async archive(ctx: RequestContext, id: string, input: ArchiveInput): Promise<Project> {
    authorize(ctx, "project.read");
    const org = ctx.actor.organizationId;
    await inTransaction(this.db, async (trx) => {
      const row = await store.findProject(trx, org, id);
      if (!row) throw notFound("Project", id);
      authorize(ctx, "project.archive");
      if (row.version !== input.version)
        throw conflict("This project was changed by someone else", await this.present(trx, ctx, row));
      const at = this.clock.now().toISOString();
      const archivedAt = input.archived ? (row.archived_at ?? at) : null;
      const ok = await store.updateProjectRow(trx, org, id, input.version, { archived_at: archivedAt, updated_at: at });
      if (!ok) throw conflict("This project was changed by someone else");
      await this.audit.record(trx, ctx, {
        entityType: "project",
        entityId: id,
        action: input.archived ? "archive" : "restore",
        changes: { archivedAt: { before: row.archived_at, after: archivedAt } },
      });
    });
    return this.get(ctx, id);
  }

  async history(ctx: RequestContext, id: string, query: { limit: number; cursor?: string | undefined }) {
    authorize(ctx, "project.read");
    const row = await store.findProject(this.db, ctx.actor.organizationId, id);
    if (!row) throw notFound("Project", id);
    return this.audit.historyOf(ctx, "project", id, query);
  }

  private async draftOf(db: Db, row: store.ProjectRow): Promise<CreateProjectInput> {
    const org = row.organization_id;
    const [budget, demand, deps, team] = await Promise.all([
      store.findBudgetLines(db, org, row.id),
      store.findDemandLines(db, org, row.id),
      store.findDependencies(db, org, row.id),
      store.findTeam(db, org, row.id),
    ]);
    return {
      code: row.code,
      name: row.name,
      description: row.description,
      portfolioId: row.portfolio_id,
      programId: row.program_id,
      category: row.category,
      lifecycleStage: row.lifecycle_stage,
      status: row.status as ProjectStatus,
      sponsorId: row.sponsor_user_id,
      managerId: row.manager_user_id,
      plannedStart: row.planned_start,
      plannedEnd: row.planned_end,
      budget: budget.map((b) => ({
        period: b.period,
        expenseType: b.expense_type as "capex" | "opex",
        amountCents: Number(b.amount_cents),
      })),
      demand: demand.map((d) => ({ roleKey: d.role_key, period: d.period, hours: Number(d.hours) })),
      dependencies: deps.map((d) => ({ dependsOnId: d.depends_on_id, kind: d.kind as "requires" | "finish_to_start" })),
      team: team.map((t) => ({ userId: t.user_id })),
    };
  }

  private async present(db: Db, ctx: RequestContext, row: store.ProjectListRow): Promise<Project> {
    const org = row.organization_id;
    const [budget, demand, deps, dependents, team, myRoles] = await Promise.all([
      store.findBudgetLines(db, org, row.id),
      store.findDemandLines(db, org, row.id),
      store.findDependencies(db, org, row.id),
      store.findDependents(db, org, row.id),
      store.findTeam(db, org, row.id),
      this.projectRolesOf(db, ctx, row),
    ]);
    return {
      ...toSummary(row),
      description: row.description,
      createdAt: row.created_at,
      budget: budget.map((b) => ({
        period: b.period,
        expenseType: b.expense_type as "capex" | "opex",
        amountCents: Number(b.amount_cents),
      })),
      demand: demand.map((d) => ({ roleKey: d.role_key, period: d.period, hours: Number(d.hours) })),
      dependencies: deps.map((d) => ({
        dependsOnId: d.depends_on_id,
        dependsOnCode: d.code,
        dependsOnName: d.name,
        kind: d.kind as "requires" | "finish_to_start",
      })),
      dependents: dependents.map((d) => ({
        projectId: d.project_id,
        code: d.code,
        name: d.name,
        kind: d.kind as "requires" | "finish_to_start",
      })),
      team: team.map((t) => ({ userId: t.user_id, name: t.name, email: t.email })),
      myRoles,
      permissions: {
        update: !row.archived_at && can(ctx, "project.update", myRoles),
        archive: can(ctx, "project.archive"),
      },
    };
  }
}

function stripUndefined<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** The audited view of a project: its fields and children, ids not names (names change). */
function snapshot(d: CreateProjectInput): Record<string, unknown> {
  return {
    ...d,
    budget: [...d.budget].sort((a, b) => (a.period + a.expenseType).localeCompare(b.period + b.expenseType)),
    demand: [...d.demand].sort((a, b) => (a.roleKey + a.period).localeCompare(b.roleKey + b.period)),
    dependencies: [...d.dependencies].sort((a, b) => a.dependsOnId.localeCompare(b.dependsOnId)),
    team: d.team.map((t) => t.userId).sort(),
  };
}

export function toSummary(r: store.ProjectListRow): ProjectSummary {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    portfolioId: r.portfolio_id,
    portfolioName: r.portfolio_name,
    programId: r.program_id,
    programName: r.program_name,
    category: r.category,
    lifecycleStage: r.lifecycle_stage,
    status: r.status as ProjectStatus,
    sponsorId: r.sponsor_user_id,
    sponsorName: r.sponsor_name,
    managerId: r.manager_user_id,
    managerName: r.manager_name,
    plannedStart: r.planned_start,
    plannedEnd: r.planned_end,
    budgetTotalCents: Number(r.budget_total_cents),
    archivedAt: r.archived_at,
    updatedAt: r.updated_at,
    version: r.version,
  };
}
