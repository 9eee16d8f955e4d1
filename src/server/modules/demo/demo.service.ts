import { buildDemoDataset, type DemoDataset } from "../../../domain/demo/demo-dataset.js";
import { authorize } from "../../platform/authorize.js";
import type { Clock } from "../../platform/clock.js";
import type { RequestContext } from "../../platform/context.js";
import { type Db, inTransaction } from "../../platform/db/database.js";
import { AppError } from "../../platform/errors.js";
import { newId } from "../../platform/ids.js";
import { AuditService } from "../audit/audit.service.js";
import type { IdentityService } from "../identity/identity.service.js";
import { generatePassword } from "../identity/passwords.js";
import { PortfolioService } from "../portfolio/portfolio.service.js";
import { ProjectService } from "../portfolio/project.service.js";

type Deps = { identity: IdentityService; portfolios: PortfolioService; projects: ProjectService; audit: AuditService };

export type DemoResult = {
  organizationId: string;
  people: number;
  portfolios: number;
  programs: number;
  projects: number;
};

/**
 * Loads the deterministic demo organization (src/domain/demo) into an organization that has no
 * projects yet, through the modules' services and in one transaction: all of it or nothing.
 * Later modules add their demo data here.
 */
export class DemoService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly deps: Deps,
  ) {}

  async load(
    ctx: RequestContext,
    options: { seed?: number; onProgress?: (done: number, total: number) => void } = {},
  ): Promise<DemoResult> {
    authorize(ctx, "organization.manage");
    const data: DemoDataset = buildDemoDataset({ seed: options.seed });
    const org = ctx.actor.organizationId;
    const { isEmpty } = await this.deps.portfolios.organizationStats(this.db, org);
    if (!isEmpty)
      throw new AppError("conflict", "This organization already has projects; the demo loads only into an empty one");

    // Accounts first (password hashing is slow and needs no transaction); demo people get random
    // passwords that nobody knows: an admin resets one to sign in as that person.
    const existingUsers = new Map((await this.deps.identity.listUsers(ctx)).map((u) => [u.email, u.id]));
    for (const person of data.people) {
      if (existingUsers.has(person.email)) continue;
      const user = await this.deps.identity.addUser(
        org,
        { email: person.email, name: person.name, role: person.role, password: generatePassword() },
        ctx.actor.name,
        true,
        ctx,
      );
      existingUsers.set(person.email, user.id);
    }
    const userId = (email: string) => existingUsers.get(email) ?? null;

    return inTransaction(this.db, async (trx) => {
      const audit = new AuditService(trx, this.clock);
      const portfolios = new PortfolioService(trx, this.clock, audit);
      const projects = new ProjectService(trx, this.deps.projects.engineName, this.clock, audit);

      const roles = new Set((await portfolios.listResourceRoles(ctx)).map((r) => r.key));
      for (const r of data.resourceRoles) {
        if (!roles.has(r.key))
          await portfolios.createResourceRole(ctx, { key: r.key, name: r.name, hoursPerFteMonth: r.hoursPerFteMonth });
      }
      const categories = new Set((await portfolios.listCategories(ctx)).map((c) => c.key));
      for (const c of data.categories) {
        if (!categories.has(c.key)) await portfolios.createCategory(ctx, c);
      }
      const portfolioIds = new Map<string, string>();
      for (const p of data.portfolios) {
        const created = await portfolios.createPortfolio(ctx, {
          name: p.name,
          description: p.description,
          ownerId: userId(p.ownerEmail),
        });
        portfolioIds.set(p.key, created.id);
      }
      const programIds = new Map<string, string>();
      for (const p of data.programs) {
        const created = await portfolios.createProgram(ctx, {
          portfolioId: portfolioIds.get(p.portfolioKey) as string,
          name: p.name,
          description: p.description,
          managerId: userId(p.managerEmail),
        });
        programIds.set(p.key, created.id);
      }
      const projectIds = new Map(data.projects.map((p) => [p.code, newId()]));
      for (const [i, p] of data.projects.entries()) {
        await projects.insertDraft(
          trx,
          ctx,
          projectIds.get(p.code) as string,
          {
            code: p.code,
            name: p.name,
            description: p.description,
            portfolioId: portfolioIds.get(p.portfolioKey) as string,
            programId: p.programKey ? (programIds.get(p.programKey) ?? null) : null,
            category: p.category,
            lifecycleStage: p.lifecycleStage,
            status: p.status,
            sponsorId: userId(p.sponsorEmail),
            managerId: userId(p.managerEmail),
            plannedStart: p.plannedStart,
            plannedEnd: p.plannedEnd,
            budget: p.budget,
            demand: p.demand,
            dependencies: p.dependencies.map((d) => ({
              dependsOnId: projectIds.get(d.dependsOnCode) as string,
              kind: d.kind,
            })),
            team: p.teamEmails.flatMap((e) => (userId(e) ? [{ userId: userId(e) as string }] : [])),
          },
          { action: "demo", deferDependencies: true },
        );
        options.onProgress?.(i + 1, data.projects.length);
      }
      for (const p of data.projects) {
        await projects.writeChildren(trx, org, projectIds.get(p.code) as string, {
          dependencies: p.dependencies.map((d) => ({
            dependsOnId: projectIds.get(d.dependsOnCode) as string,
            kind: d.kind,
          })),
        });
      }
      return {
        organizationId: org,
        people: data.people.length,
        portfolios: data.portfolios.length,
        programs: data.programs.length,
        projects: data.projects.length,
      };
    });
  }
}
