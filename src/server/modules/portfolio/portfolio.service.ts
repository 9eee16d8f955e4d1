import { authorize } from "../../platform/authorize.js";
import type { Clock } from "../../platform/clock.js";
import type { RequestContext } from "../../platform/context.js";
import { type Db, inTransaction } from "../../platform/db/database.js";
import { AppError, conflict, notFound, validationError } from "../../platform/errors.js";
import { newId } from "../../platform/ids.js";
import type { AuditService } from "../audit/audit.service.js";
import type {
  ArchiveInput,
  Category,
  CreateCategoryInput,
  CreatePortfolioInput,
  CreateProgramInput,
  CreateResourceRoleInput,
  ListProgramsQuery,
  ListQuery,
  Portfolio,
  Program,
  ResourceRole,
  UpdatePortfolioInput,
  UpdateProgramInput,
} from "./portfolio.schema.js";
import * as store from "./portfolio.store.js";

function afterIdOf(cursor: string | undefined): string | undefined {
  if (cursor === undefined) return undefined;
  if (!/^[0-9a-f-]{36}$/.test(cursor))
    throw validationError([{ path: "cursor", message: "is not a cursor this API returned" }]);
  return cursor;
}

/** Portfolios, programs and the reference data (categories, resource roles) that projects use. */
export class PortfolioService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  // ---------- reference data ----------

  async listCategories(ctx: RequestContext): Promise<Category[]> {
    authorize(ctx, "project.read");
    return (await store.findCategories(this.db, ctx.actor.organizationId)).map((c) => ({
      key: c.key,
      name: c.name,
      description: c.description,
      sortOrder: c.sort_order,
    }));
  }

  async createCategory(ctx: RequestContext, input: CreateCategoryInput): Promise<Category> {
    authorize(ctx, "reference.write");
    const org = ctx.actor.organizationId;
    const existing = await store.findCategories(this.db, org);
    if (existing.some((c) => c.key === input.key))
      throw new AppError("conflict", `Category ${input.key} exists`, {
        fields: [{ path: "key", message: "already exists" }],
      });
    const row = { organization_id: org, ...input, sort_order: existing.length };
    await inTransaction(this.db, async (trx) => {
      await store.insertCategory(trx, row);
      await this.audit.record(trx, ctx, {
        entityType: "category",
        entityId: input.key,
        action: "create",
        after: input,
      });
    });
    return { key: row.key, name: row.name, description: row.description, sortOrder: row.sort_order };
  }

  async listResourceRoles(ctx: RequestContext): Promise<ResourceRole[]> {
    authorize(ctx, "project.read");
    return (await store.findResourceRoles(this.db, ctx.actor.organizationId)).map((r) => ({
      key: r.key,
      name: r.name,
      hoursPerFteMonth: Number(r.hours_per_fte_month),
      sortOrder: r.sort_order,
    }));
  }

  async createResourceRole(ctx: RequestContext, input: CreateResourceRoleInput): Promise<ResourceRole> {
    authorize(ctx, "reference.write");
    const org = ctx.actor.organizationId;
    const existing = await store.findResourceRoles(this.db, org);
    if (existing.some((r) => r.key === input.key))
      throw new AppError("conflict", `Resource role ${input.key} exists`, {
        fields: [{ path: "key", message: "already exists" }],
      });
    const row = {
      organization_id: org,
      key: input.key,
      name: input.name,
      hours_per_fte_month: input.hoursPerFteMonth,
      sort_order: existing.length,
    };
    await inTransaction(this.db, async (trx) => {
      await store.insertResourceRole(trx, row);
      await this.audit.record(trx, ctx, {
        entityType: "resource_role",
        entityId: input.key,
        action: "create",
        after: input,
      });
    });
    return { key: row.key, name: row.name, hoursPerFteMonth: row.hours_per_fte_month, sortOrder: row.sort_order };
  }

  // ---------- portfolios ----------

  async listPortfolios(
    ctx: RequestContext,
    query: ListQuery,
  ): Promise<{ items: Portfolio[]; nextCursor: string | null }> {
    authorize(ctx, "portfolio.read");
    const rows = await store.findPortfolios(this.db, ctx.actor.organizationId, {
      archived: query.archived,
      afterId: afterIdOf(query.cursor),
      limit: query.limit + 1,
    });
    const items = rows.slice(0, query.limit).map(toPortfolio);
    return { items, nextCursor: rows.length > query.limit ? (items[items.length - 1]?.id ?? null) : null };
  }

  async getPortfolio(ctx: RequestContext, id: string): Promise<Portfolio> {
    authorize(ctx, "portfolio.read");
    const row = await store.findPortfolio(this.db, ctx.actor.organizationId, id);
    if (!row) throw notFound("Portfolio", id);
    return toPortfolio(row);
  }

  async createPortfolio(ctx: RequestContext, input: CreatePortfolioInput): Promise<Portfolio> {
    authorize(ctx, "portfolio.write");
    const org = ctx.actor.organizationId;
    const id = newId();
    await inTransaction(this.db, async (trx) => {
      await this.checkPortfolio(trx, org, input.name, input.ownerId, undefined);
      const at = this.clock.now().toISOString();
      await store.insertPortfolio(trx, {
        organization_id: org,
        id,
        name: input.name,
        description: input.description,
        owner_user_id: input.ownerId,
        archived_at: null,
        created_at: at,
        updated_at: at,
      });
      await this.audit.record(trx, ctx, { entityType: "portfolio", entityId: id, action: "create", after: input });
    });
    return this.getPortfolio(ctx, id);
  }

  private async checkPortfolio(db: Db, org: string, name: string, ownerId: string | null, selfId: string | undefined) {
    const problems = [];
    const same = await store.findPortfolioByName(db, org, name);
    if (same && same.id !== selfId) problems.push({ path: "name", message: "another portfolio has this name" });
    if (ownerId && !(await store.findMemberIds(db, org, [ownerId])).has(ownerId))
      problems.push({ path: "ownerId", message: "is not a member of this organization" });
    if (problems.length) throw validationError(problems);
  }

  async updatePortfolio(ctx: RequestContext, id: string, input: UpdatePortfolioInput): Promise<Portfolio> {
    authorize(ctx, "portfolio.write");
    const org = ctx.actor.organizationId;
    await inTransaction(this.db, async (trx) => {
      const row = await store.findPortfolio(trx, org, id);
      if (!row) throw notFound("Portfolio", id);
      const before = toPortfolio(row);
      if (row.version !== input.version) throw conflict("This portfolio was changed by someone else", before);
      const name = input.name ?? row.name;
      const ownerId = input.ownerId !== undefined ? input.ownerId : row.owner_user_id;
      await this.checkPortfolio(trx, org, name, ownerId, id);
      const ok = await store.updatePortfolioRow(trx, org, id, input.version, {
        name,
        description: input.description ?? row.description,
        owner_user_id: ownerId,
        updated_at: this.clock.now().toISOString(),
      });
      if (!ok) throw conflict("This portfolio was changed by someone else", before);
      const after = await store.findPortfolio(trx, org, id);
      await this.audit.record(trx, ctx, {
        entityType: "portfolio",
        entityId: id,
        action: "update",
        before: pick(before),
        after: after ? pick(toPortfolio(after)) : null,
      });
    });
    return this.getPortfolio(ctx, id);
  }

  async archivePortfolio(ctx: RequestContext, id: string, input: ArchiveInput): Promise<Portfolio> {
    authorize(ctx, "portfolio.write");
    const org = ctx.actor.organizationId;
    await inTransaction(this.db, async (trx) => {
      const row = await store.findPortfolio(trx, org, id);
      if (!row) throw notFound("Portfolio", id);
      if (row.version !== input.version) throw conflict("This portfolio was changed by someone else", toPortfolio(row));
      if (input.archived && Number(row.project_count ?? 0) > 0)
        throw new AppError("conflict", "Archive or move this portfolio's projects first", {
          fields: [
            { path: "archived", message: `${row.project_count} active projects still belong to this portfolio` },
          ],
        });
      const at = this.clock.now().toISOString();
      const archivedAt = input.archived ? (row.archived_at ?? at) : null;
      if (!(await store.updatePortfolioRow(trx, org, id, input.version, { archived_at: archivedAt, updated_at: at })))
        throw conflict("This portfolio was changed by someone else");
      await this.audit.record(trx, ctx, {
        entityType: "portfolio",
        entityId: id,
        action: input.archived ? "archive" : "restore",
        changes: { archivedAt: { before: row.archived_at, after: archivedAt } },
      });
    });
    return this.getPortfolio(ctx, id);
  }

  // ---------- programs ----------

  async listPrograms(
    ctx: RequestContext,
    query: ListProgramsQuery,
  ): Promise<{ items: Program[]; nextCursor: string | null }> {
    authorize(ctx, "portfolio.read");
    const rows = await store.findPrograms(this.db, ctx.actor.organizationId, {
      archived: query.archived,
      portfolioId: query.portfolioId,
      afterId: afterIdOf(query.cursor),
      limit: query.limit + 1,
    });
    const items = rows.slice(0, query.limit).map(toProgram);
    return { items, nextCursor: rows.length > query.limit ? (items[items.length - 1]?.id ?? null) : null };
  }

  async getProgram(ctx: RequestContext, id: string): Promise<Program> {
    authorize(ctx, "portfolio.read");
    const row = await store.findProgram(this.db, ctx.actor.organizationId, id);
    if (!row) throw notFound("Program", id);
    return toProgram(row);
  }

  private async checkProgram(
    db: Db,
    org: string,
    draft: { name: string; portfolioId: string; managerId: string | null },
    selfId?: string,
  ) {
    const problems = [];
    const portfolio = await store.findPortfolio(db, org, draft.portfolioId);
    if (!portfolio) problems.push({ path: "portfolioId", message: "no such portfolio in this organization" });
    else if (portfolio.archived_at) problems.push({ path: "portfolioId", message: "this portfolio is archived" });
    const same = await store.findProgramByName(db, org, draft.name);
    if (same && same.id !== selfId) problems.push({ path: "name", message: "another program has this name" });
    if (draft.managerId && !(await store.findMemberIds(db, org, [draft.managerId])).has(draft.managerId))
      problems.push({ path: "managerId", message: "is not a member of this organization" });
    if (problems.length) throw validationError(problems);
  }

  async createProgram(ctx: RequestContext, input: CreateProgramInput): Promise<Program> {
    authorize(ctx, "portfolio.write");
    const org = ctx.actor.organizationId;
    const id = newId();
    await inTransaction(this.db, async (trx) => {
      await this.checkProgram(trx, org, input);
      const at = this.clock.now().toISOString();
      await store.insertProgram(trx, {
        organization_id: org,
        id,
        portfolio_id: input.portfolioId,
        name: input.name,
        description: input.description,
        manager_user_id: input.managerId,
        archived_at: null,
        created_at: at,
        updated_at: at,
      });
      await this.audit.record(trx, ctx, { entityType: "program", entityId: id, action: "create", after: input });
    });
    return this.getProgram(ctx, id);
  }

  async updateProgram(ctx: RequestContext, id: string, input: UpdateProgramInput): Promise<Program> {
    authorize(ctx, "portfolio.write");
    const org = ctx.actor.organizationId;
    await inTransaction(this.db, async (trx) => {
      const row = await store.findProgram(trx, org, id);
      if (!row) throw notFound("Program", id);
      const before = toProgram(row);
      if (row.version !== input.version) throw conflict("This program was changed by someone else", before);
      const draft = {
        name: input.name ?? row.name,
        portfolioId: input.portfolioId ?? row.portfolio_id,
        managerId: input.managerId !== undefined ? input.managerId : row.manager_user_id,
      };
      await this.checkProgram(trx, org, draft, id);
      if (draft.portfolioId !== row.portfolio_id && Number(row.project_count ?? 0) > 0)
        throw validationError([{ path: "portfolioId", message: "move this program's projects first" }]);
      const ok = await store.updateProgramRow(trx, org, id, input.version, {
        name: draft.name,
        portfolio_id: draft.portfolioId,
        manager_user_id: draft.managerId,
        description: input.description ?? row.description,
        updated_at: this.clock.now().toISOString(),
      });
      if (!ok) throw conflict("This program was changed by someone else", before);
      const after = await store.findProgram(trx, org, id);
      await this.audit.record(trx, ctx, {
        entityType: "program",
        entityId: id,
        action: "update",
        before: pickProgram(before),
        after: after ? pickProgram(toProgram(after)) : null,
      });
    });
    return this.getProgram(ctx, id);
  }

  async archiveProgram(ctx: RequestContext, id: string, input: ArchiveInput): Promise<Program> {
    authorize(ctx, "portfolio.write");
    const org = ctx.actor.organizationId;
    await inTransaction(this.db, async (trx) => {
      const row = await store.findProgram(trx, org, id);
      if (!row) throw notFound("Program", id);
      if (row.version !== input.version) throw conflict("This program was changed by someone else", toProgram(row));
      const at = this.clock.now().toISOString();
      const archivedAt = input.archived ? (row.archived_at ?? at) : null;
      if (!(await store.updateProgramRow(trx, org, id, input.version, { archived_at: archivedAt, updated_at: at })))
        throw conflict("This program was changed by someone else");
      await this.audit.record(trx, ctx, {
        entityType: "program",
        entityId: id,
        action: input.archived ? "archive" : "restore",
        changes: { archivedAt: { before: row.archived_at, after: archivedAt } },
      });
    });
    return this.getProgram(ctx, id);
  }

  async organizationStats(db: Db, organizationId: string): Promise<{ isEmpty: boolean }> {
    return { isEmpty: (await store.countProjects(db, organizationId)) === 0 };
  }
}

const pick = (p: Portfolio) => ({ name: p.name, description: p.description, ownerId: p.ownerId });
const pickProgram = (p: Program) => ({
  name: p.name,
  description: p.description,
  managerId: p.managerId,
  portfolioId: p.portfolioId,
});

function toPortfolio(r: store.PortfolioWithStats): Portfolio {
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    ownerId: r.owner_user_id,
    archivedAt: r.archived_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
    projectCount: Number(r.project_count ?? 0),
    budgetTotalCents: Number(r.budget_total_cents ?? 0),
  };
}

function toProgram(r: store.ProgramWithStats): Program {
  return {
    id: r.id,
    portfolioId: r.portfolio_id,
    name: r.name,
    description: r.description,
    managerId: r.manager_user_id,
    archivedAt: r.archived_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
    projectCount: Number(r.project_count ?? 0),
  };
}
