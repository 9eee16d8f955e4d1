import { type BenefitsDemo, buildBenefitsDemo } from "../../../domain/demo/benefits-demo.js";
import { buildDemoDataset, type DemoDataset } from "../../../domain/demo/demo-dataset.js";
import { buildStrategyDemo, type DemoRef, type StrategyDemo } from "../../../domain/demo/strategy-demo.js";
import type { Role } from "../../../domain/identity/permissions.js";
import { authorize } from "../../platform/authorize.js";
import type { Clock } from "../../platform/clock.js";
import type { RequestContext } from "../../platform/context.js";
import { type Db, inTransaction } from "../../platform/db/database.js";
import { AppError } from "../../platform/errors.js";
import { newId } from "../../platform/ids.js";
import { AuditService } from "../audit/audit.service.js";
import { BenefitGovernanceService } from "../benefits/benefit-governance.service.js";
import { BenefitInsightService } from "../benefits/benefit-insight.service.js";
import { BenefitService } from "../benefits/benefits.service.js";
import { findBenefits, readBenefitSources } from "../benefits/benefits.store.js";
import type { IdentityService } from "../identity/identity.service.js";
import { generatePassword } from "../identity/passwords.js";
import { MeetingService } from "../meetings/meetings.service.js";
import { PortfolioService } from "../portfolio/portfolio.service.js";
import { ProjectService } from "../portfolio/project.service.js";
import { ScenarioConstraintsSchema } from "../selection/selection.schema.js";
import { SelectionService } from "../selection/selection.service.js";
import { GoalService } from "../strategy/goals.service.js";
import { ObjectiveService } from "../strategy/objectives.service.js";
import { PrioritizationService } from "../strategy/prioritization.service.js";

type Deps = { identity: IdentityService; portfolios: PortfolioService; projects: ProjectService; audit: AuditService };

export type DemoResult = {
  organizationId: string;
  people: number;
  portfolios: number;
  programs: number;
  projects: number;
  objectives: number;
  goals: number;
  checkIns: number;
  criteria: number;
  scoredProjects: number;
  meetings: number;
  decisions: number;
  actionItems: number;
  benefits: number;
  measurements: number;
  handovers: number;
  benefitRisks: number;
  correctiveActions: number;
  businessChanges: number;
  businessCases: number;
  scenarios: number;
};

type StrategyCounts = Pick<
  DemoResult,
  "objectives" | "goals" | "checkIns" | "criteria" | "scoredProjects" | "meetings" | "decisions" | "actionItems"
>;
type BenefitCounts = Pick<
  DemoResult,
  "benefits" | "measurements" | "handovers" | "benefitRisks" | "correctiveActions" | "businessChanges" | "businessCases"
>;

/** A clock stopped at 09:00 UTC of a day: the loader raises past corrective actions as of their date. */
const clockAt = (date: string): Clock => ({ now: () => new Date(`${date}T09:00:00.000Z`) });

/** The demo's people as members of the organization: ids by email, and a context to act as one of them. */
type Members = {
  idOf(email: string): string;
  /** A context acting as the person (their demo role), for what they do themselves: judgments, check-ins. */
  actingAs(email: string): RequestContext;
};

/**
 * Loads the deterministic demo organization (src/domain/demo) into an organization that has no
 * projects yet, through the modules' services and in one transaction: all of it or nothing.
 * After the projects come the strategy and governance data (src/domain/demo/strategy-demo.ts):
 * criteria, objectives, goals with check-ins up to today, project scores and objective links, the
 * executives' AHP weighting and the scoring model published from it, and two steering meetings.
 * Then the benefits register (src/domain/demo/benefits-demo.ts): benefits with their measurements
 * up to last month, hand-overs, risks, corrective actions, business changes and business cases.
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
    const asOf = this.clock.now().toISOString().slice(0, 10);
    const strategy = buildStrategyDemo({ asOf, seed: options.seed }, data);
    const benefitsDemo = buildBenefitsDemo(data, strategy, { today: asOf, seed: options.seed });
    const org = ctx.actor.organizationId;
    const { isEmpty } = await this.deps.portfolios.organizationStats(this.db, org);
    if (!isEmpty)
      throw new AppError("conflict", "This organization already has projects; the demo loads only into an empty one");
    const [existingObjectives, existingCriteria] = await Promise.all([
      new ObjectiveService(this.db, this.clock, this.deps.audit).list(ctx),
      new PrioritizationService(this.db, this.clock, this.deps.audit).listCriteria(ctx),
    ]);
    if (existingObjectives.length > 0 || existingCriteria.length > 0)
      throw new AppError(
        "conflict",
        "This organization already has objectives or prioritization criteria; the demo loads only into an empty one",
      );
    if ((await findBenefits(this.db, org, { archived: "include" }, undefined, 1)).length > 0)
      throw new AppError("conflict", "This organization already has benefits; the demo loads only into an empty one");

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
    const people = new Map(data.people.map((p) => [p.email, p]));
    const idOf = (email: string): string => {
      const id = userId(email);
      if (!id) throw new AppError("conflict", `The demo person ${email} is not a member of this organization`);
      return id;
    };
    const members: Members = {
      idOf,
      actingAs: (email) => {
        const person = people.get(email);
        const role: Role = person?.role ?? "viewer";
        const actor = { userId: idOf(email), name: person?.name ?? email, email, organizationId: org, role };
        return { ...ctx, actor: { ...actor, via: "system" } };
      },
    };

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
      const { counts, objectiveIds } = await this.loadStrategy(trx, audit, ctx, strategy, members, projectIds);
      const pmo = data.people.find((p) => p.role === "pmo");
      const benefitCounts = await this.loadBenefits(trx, audit, ctx, benefitsDemo, members, {
        projectIds,
        objectiveIds,
        managerOf: new Map(data.projects.map((p) => [p.code, p.managerEmail])),
        pmoEmail: pmo?.email ?? null,
      });
      const scenarios = await loadDemoScenarios(
        new SelectionService(trx, this.deps.projects.engineName, this.clock, audit),
        trx,
        pmo ? members.actingAs(pmo.email) : ctx,
        portfolioIds.get(DEMO_SELECTION_PORTFOLIO) as string,
      );
      return {
        organizationId: org,
        people: data.people.length,
        portfolios: data.portfolios.length,
        programs: data.programs.length,
        projects: data.projects.length,
        ...counts,
        ...benefitCounts,
        scenarios,
      };
    });
  }

  /**
   * Strategy and governance, inside the caller's transaction. Scores and links are saved before
   * the scoring model is published, so the ranking is computed once, by the publication. The
   * steering decisions only record what was decided: they change no project's status.
   */
  private async loadStrategy(
    trx: Db,
    audit: AuditService,
    ctx: RequestContext,
    strategy: StrategyDemo,
    members: Members,
    projectIds: ReadonlyMap<string, string>,
  ): Promise<{ counts: StrategyCounts; objectiveIds: ReadonlyMap<string, string> }> {
    const objectives = new ObjectiveService(trx, this.clock, audit);
    const goals = new GoalService(trx, this.clock, audit, readBenefitSources);
    const prioritization = new PrioritizationService(trx, this.clock, audit);
    const meetings = new MeetingService(trx, this.clock, audit);
    const lookup = (ids: ReadonlyMap<string, string>, what: string, key: string): string => {
      const id = ids.get(key);
      if (!id) throw new Error(`demo strategy refers to unknown ${what} "${key}"`);
      return id;
    };

    const criterionIds = new Map<string, string>();
    for (const c of strategy.criteria) {
      const created = await prioritization.createCriterion(ctx, {
        parentId: null,
        key: c.key,
        name: c.name,
        description: c.description,
        source: c.source,
        scaleMin: c.scaleMin,
        scaleMax: c.scaleMax,
        higherIsBetter: c.higherIsBetter,
        levels: c.levels,
        sortOrder: c.sortOrder,
      });
      criterionIds.set(c.key, created.id);
    }

    const objectiveIds = new Map<string, string>();
    for (const o of strategy.objectives) {
      const created = await objectives.create(ctx, {
        parentId: o.parentCode ? lookup(objectiveIds, "objective", o.parentCode) : null,
        kind: o.kind,
        code: o.code,
        title: o.title,
        description: o.description,
        ownerId: members.idOf(o.ownerEmail),
        horizonStart: o.horizonStart,
        horizonEnd: o.horizonEnd,
        status: "active",
        weight: o.weight,
        sortOrder: o.sortOrder,
      });
      objectiveIds.set(o.code, created.id);
    }

    const goalIds = new Map<string, string>();
    let checkIns = 0;
    for (const g of strategy.goals) {
      const created = await goals.create(ctx, {
        level: g.level,
        objectiveId: g.objectiveCode ? lookup(objectiveIds, "objective", g.objectiveCode) : null,
        projectId: g.projectCode ? lookup(projectIds, "project", g.projectCode) : null,
        title: g.title,
        description: g.description,
        scope: g.scope,
        metricName: g.metricName,
        unit: g.unit,
        direction: g.direction,
        baselineValue: g.baselineValue,
        baselineDate: g.baselineDate,
        targetValue: g.targetValue,
        targetDate: g.targetDate,
        tolerance: g.tolerance,
        milestones: g.milestones,
        ownerId: members.idOf(g.ownerEmail),
        status: "active",
        dataSourceBenefitId: null,
      });
      goalIds.set(g.key, created.id);
      const owner = members.actingAs(g.ownerEmail);
      for (const c of g.checkIns) await goals.checkIn(owner, created.id, c);
      checkIns += g.checkIns.length;
    }

    let scoredProjects = 0;
    for (const p of strategy.projects) {
      const projectId = lookup(projectIds, "project", p.projectCode);
      if (p.scores.length > 0) {
        await prioritization.saveScores(
          ctx,
          projectId,
          p.scores.map((s) => ({
            criterionId: lookup(criterionIds, "criterion", s.criterionKey),
            value: s.value,
            rationale: s.rationale,
          })),
        );
        scoredProjects++;
      }
      if (p.links.length > 0)
        await prioritization.saveLinks(
          ctx,
          projectId,
          p.links.map((l) => ({
            objectiveId: lookup(objectiveIds, "objective", l.objectiveCode),
            strength: l.strength,
          })),
        );
    }

    const weighting = strategy.prioritization;
    const session = await prioritization.createSession(ctx, {
      name: weighting.name,
      description: weighting.description,
      businessUnit: weighting.businessUnit,
      parentCriterionId: null,
      participantIds: weighting.participants.map((p) => members.idOf(p.email)),
    });
    for (const p of weighting.participants) {
      await prioritization.saveJudgments(members.actingAs(p.email), session.id, {
        judgments: p.judgments.map((j) => ({
          a: lookup(criterionIds, "criterion", j.a),
          b: lookup(criterionIds, "criterion", j.b),
          value: j.value,
        })),
        submit: true,
      });
    }
    await prioritization.closeSession(ctx, session.id);
    await prioritization.publishModel(ctx, { sessionIds: [session.id], note: weighting.modelNote });

    const refOf = (ref: DemoRef | null): { refType: DemoRef["type"] | null; refId: string | null } => {
      if (ref === null) return { refType: null, refId: null };
      if (ref.type === "project") return { refType: ref.type, refId: lookup(projectIds, "project", ref.code) };
      if (ref.type === "goal") return { refType: ref.type, refId: lookup(goalIds, "goal", ref.key) };
      return { refType: ref.type, refId: lookup(objectiveIds, "objective", ref.code) };
    };
    let decisions = 0;
    let actionItems = 0;
    for (const m of strategy.meetings) {
      const meeting = await meetings.create(ctx, {
        title: m.title,
        type: m.type,
        startsAt: m.startsAt,
        durationMinutes: m.durationMinutes,
        location: m.location,
        notes: m.notes,
        status: m.status,
        attendees: m.attendees.map((a) => ({ userId: members.idOf(a.email), attendance: a.attendance })),
      });
      const agendaIds = new Map<string, string>();
      for (const a of m.agenda) {
        const updated = await meetings.addAgendaItem(ctx, meeting.id, {
          title: a.title,
          notes: a.notes,
          ...refOf(a.ref),
        });
        const known = new Set(agendaIds.values());
        const added = updated.agenda.find((item) => !known.has(item.id));
        if (!added) throw new Error(`agenda item "${a.title}" was not added`);
        agendaIds.set(a.key, added.id);
      }
      const decisionIds = new Map<string, string>();
      for (const d of m.decisions) {
        const created = await meetings.decisions.create(ctx, {
          meetingId: meeting.id,
          agendaItemId: lookup(agendaIds, "agenda item", d.agendaKey),
          kind: d.kind,
          title: d.title,
          rationale: d.rationale,
          decidedBy: d.decidedByEmails.map((e) => members.idOf(e)),
        });
        decisionIds.set(d.key, created.id);
        decisions++;
      }
      for (const a of m.actionItems) {
        const created = await meetings.actionItems.create(ctx, {
          meetingId: meeting.id,
          decisionId: a.decisionKey ? lookup(decisionIds, "decision", a.decisionKey) : null,
          title: a.title,
          ownerId: members.idOf(a.ownerEmail),
          dueDate: a.dueDate,
        });
        if (a.status !== "open")
          await meetings.actionItems.update(members.actingAs(a.ownerEmail), created.id, {
            version: created.version,
            status: a.status,
          });
        actionItems++;
      }
    }

    return {
      counts: {
        objectives: strategy.objectives.length,
        goals: strategy.goals.length,
        checkIns,
        criteria: strategy.criteria.length,
        scoredProjects,
        meetings: strategy.meetings.length,
        decisions,
        actionItems,
      },
      objectiveIds,
    };
  }

  /**
   * The benefits register, inside the caller's transaction. Each benefit is registered and measured
   * by its responsible owner (months after a hand-over by the operational owner who took it over),
   * the history in one bulk call per owner; risks by the benefit's owner. Past corrective actions
   * are raised (and closed) as of their own dates, through services given a clock stopped on that
   * day, so their effect on the trend reads as it would have; the PMO maps the business changes and
   * each project manager enters the business case.
   */
  private async loadBenefits(
    trx: Db,
    audit: AuditService,
    ctx: RequestContext,
    demo: BenefitsDemo,
    members: Members,
    refs: {
      projectIds: ReadonlyMap<string, string>;
      objectiveIds: ReadonlyMap<string, string>;
      /** Project code → its manager's email. */
      managerOf: ReadonlyMap<string, string>;
      pmoEmail: string | null;
    },
  ): Promise<BenefitCounts> {
    const { projectIds, objectiveIds } = refs;
    const benefits = new BenefitService(trx, this.clock, audit);
    const insight = new BenefitInsightService(trx, this.clock, audit, benefits);
    const governance = new BenefitGovernanceService(trx, this.clock, audit, benefits);
    const lookup = (ids: ReadonlyMap<string, string>, what: string, key: string): string => {
      const id = ids.get(key);
      if (!id) throw new Error(`demo benefits refer to unknown ${what} "${key}"`);
      return id;
    };

    const categories = new Set((await benefits.listCategories(ctx)).map((c) => c.key));
    for (const c of demo.categories) if (!categories.has(c.key)) await benefits.createCategory(ctx, c);

    const benefitIds = new Map<string, string>();
    let measurements = 0;
    let handovers = 0;
    for (const b of demo.benefits) {
      const owner = members.actingAs(b.responsibleOwnerEmail);
      const created = await benefits.create(owner, {
        code: b.code,
        title: b.title,
        description: b.description,
        type: b.type,
        category: b.category,
        isDisbenefit: false,
        responsibleOwnerId: members.idOf(b.responsibleOwnerEmail),
        accountableOwnerId: members.idOf(b.accountableOwnerEmail),
        kpiName: b.kpiName,
        unit: b.unit,
        direction: b.direction,
        method: b.method,
        dataSource: b.dataSource,
        frequency: b.frequency,
        baselineValue: b.baselineValue,
        baselineDate: b.baselineDate,
        targetValue: b.targetValue,
        targetDate: b.targetDate,
        toleranceKind: b.toleranceKind,
        toleranceValue: b.toleranceValue,
        valuePerUnitCents: b.valuePerUnitCents,
        status: b.status,
        businessChange: b.businessChange,
        beneficiaries: b.beneficiaries,
        attributionNote: b.attributionNote,
        projectIds: b.projectCodes.map((code) => lookup(projectIds, "project", code)),
        objectives: b.objectives.map((o) => ({
          objectiveId: lookup(objectiveIds, "objective", o.code),
          weight: o.weight,
        })),
        profile: {
          kind: b.profile.kind,
          start: b.profile.start,
          ...(b.profile.stepAt === null ? {} : { stepAt: b.profile.stepAt }),
        },
      });
      benefitIds.set(b.code, created.id);
      const rows = (email: string) =>
        b.measurements
          .filter((m) => m.recordedByEmail === email)
          .map((m) => ({
            period: m.period,
            measuredOn: m.measuredOn,
            value: m.value,
            evidence: m.evidence,
            source: m.source,
          }));
      measurements += await benefits.recordMeasurements(owner, created.id, rows(b.responsibleOwnerEmail));
      if (b.handover) {
        await benefits.handOver(owner, created.id, {
          toUserId: members.idOf(b.handover.toEmail),
          projectId: lookup(projectIds, "project", b.handover.projectCode),
          handedOverOn: b.handover.handedOverOn,
          remaining: b.handover.remaining,
          remainingValue: b.handover.remainingValue,
        });
        handovers++;
        measurements += await benefits.recordMeasurements(
          members.actingAs(b.handover.toEmail),
          created.id,
          rows(b.handover.toEmail),
        );
      }
    }
    const responsibleOf = new Map(demo.benefits.map((b) => [b.code, b.responsibleOwnerEmail]));
    const actorFor = (code: string) => members.actingAs(lookup(responsibleOf, "benefit", code));

    for (const r of demo.risks) {
      await governance.createRisk(actorFor(r.benefitCode), lookup(benefitIds, "benefit", r.benefitCode), {
        title: r.title,
        description: r.description,
        probability: r.probability,
        impactPct: r.impactPct,
        proximity: r.proximity,
        ownerId: members.idOf(r.ownerEmail),
        response: r.response,
        status: r.status,
      });
    }

    for (const a of demo.actions) {
      const actor = actorFor(a.benefitCode);
      const raisedThen = new BenefitGovernanceService(
        trx,
        clockAt(a.raisedOn),
        new AuditService(trx, clockAt(a.raisedOn)),
        benefits,
      );
      const created = await raisedThen.createAction(actor, {
        benefitId: lookup(benefitIds, "benefit", a.benefitCode),
        rule: a.rule,
        title: a.title,
        description: a.description,
        ownerId: members.idOf(a.ownerEmail),
        dueDate: a.dueDate,
        expectedEffect: a.expectedEffect,
      });
      if (a.status === "open") continue;
      const when = a.closedOn ?? a.raisedOn;
      await new BenefitGovernanceService(
        trx,
        clockAt(when),
        new AuditService(trx, clockAt(when)),
        benefits,
      ).updateAction(actor, created.id, { version: created.version, status: a.status });
    }

    const pmo = refs.pmoEmail ? members.actingAs(refs.pmoEmail) : ctx;
    for (const c of demo.changes) {
      await insight.createChange(pmo, {
        label: c.label,
        ownerId: members.idOf(c.ownerEmail),
        benefitIds: c.benefitCodes.map((code) => lookup(benefitIds, "benefit", code)),
        projectIds: c.projectCodes.map((code) => lookup(projectIds, "project", code)),
      });
    }

    for (const bc of demo.businessCases) {
      const manager = members.actingAs(lookup(refs.managerOf, "project", bc.projectCode));
      await insight.saveBusinessCase(manager, lookup(projectIds, "project", bc.projectCode), {
        version: null,
        discountRate: bc.discountRate,
        financeRate: null,
        reinvestRate: null,
        firstYear: bc.firstYear,
        flows: bc.flows,
        benefitsFromProfiles: false,
        notes: bc.notes,
      });
    }

    return {
      benefits: demo.benefits.length,
      measurements,
      handovers,
      benefitRisks: demo.risks.length,
      correctiveActions: demo.actions.length,
      businessChanges: demo.changes.length,
      businessCases: demo.businessCases.length,
    };
  }
}

/** The portfolio whose proposals the demo scenarios weigh: big network projects, tight field capacity. */
const DEMO_SELECTION_PORTFOLIO = "network";
const DEMO_FIRST_MONTH = "2026-04";
const DEMO_HORIZON = 24;

/**
 * Two selection scenarios on the network portfolio, with limits derived from the demo's own plans so
 * that not every proposal fits: "Budget held flat" gives each month the locked-in spend plus 55 % of
 * what the proposals would spend on average; "Growth case" adds 20 %, lets starts move up to three
 * months and caps field technicians at 85 % of their peak demand. Values are the priority scores.
 */
async function loadDemoScenarios(
  selection: SelectionService,
  trx: Db,
  ctx: RequestContext,
  portfolioId: string,
): Promise<number> {
  const base = {
    portfolioId,
    firstMonth: DEMO_FIRST_MONTH,
    horizonMonths: DEMO_HORIZON,
    valueSource: "priority" as const,
    capacityUnit: "hours" as const,
    candidateStatuses: ["proposed" as const, "approved" as const, "active" as const],
    lockActive: true,
    candidates: [],
    solver: { timeLimitSeconds: 20, gapPct: 0.01, explain: true },
  };
  const assembled = await selection.assemble(trx, ctx.actor.organizationId, portfolioId, {
    ...base,
    startFlexMonths: 0,
    constraints: ScenarioConstraintsSchema.parse({}),
  });
  const H = DEMO_HORIZON;
  const locked = Array.from({ length: H }, () => 0);
  const proposed = Array.from({ length: H }, () => 0);
  const technicians = Array.from({ length: H }, () => 0);
  for (const p of assembled.scenario.projects) {
    if (p.excluded) continue;
    const start = p.lockedStart ?? p.earliestStart;
    const into = p.lockedStart === undefined ? proposed : locked;
    p.costByMonth.forEach((c, k) => {
      if (start + k >= 0 && start + k < H) into[start + k]! += c;
    });
    (p.demandByRole?.field_technician ?? []).forEach((d, k) => {
      if (start + k >= 0 && start + k < H) technicians[start + k]! += d;
    });
  }
  const activeMonths = proposed.filter((v) => v > 0).length || 1;
  const average = proposed.reduce((a, b) => a + b, 0) / activeMonths;
  const roundCents = (units: number) => Math.round(units / 10_000) * 10_000 * 100;
  const flat = locked.map((l) => roundCents(l + 0.55 * average));
  await selection.create(ctx, {
    ...base,
    name: "Network 2026–28: budget held flat",
    description:
      "Each month's budget is the locked-in spend of active projects plus 55 % of what the proposals would spend on average. Starts as planned.",
    startFlexMonths: 0,
    constraints: ScenarioConstraintsSchema.parse({ budgetByMonthCents: flat }),
  });
  const peak = Math.max(...technicians);
  await selection.create(ctx, {
    ...base,
    name: "Network 2026–28: growth case",
    description:
      "20 % more budget each month, starts may move up to three months, and field technicians are capped at 85 % of their peak demand.",
    startFlexMonths: 3,
    constraints: ScenarioConstraintsSchema.parse({
      budgetByMonthCents: flat.map((b) => Math.round((b * 1.2) / 100) * 100),
      capacity: [{ roleKey: "field_technician", byMonth: technicians.map(() => Math.round(peak * 0.85)) }],
      balance: [{ dimension: "category", key: "transform", minPct: 25, maxPct: null }],
    }),
  });
  return 2;
}
