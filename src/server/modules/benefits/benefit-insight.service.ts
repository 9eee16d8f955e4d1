import { appraise } from "../../../domain/benefits/finance.js";
import {
  type KeyedBenefitValueSeries,
  quarterOf,
  rollupByKey,
  rollupByQuarter,
  valueAtRisk,
} from "../../../domain/benefits/rollup.js";
import { directionOf } from "../../../domain/benefits/tracking.js";
import { authorize } from "../../platform/authorize.js";
import type { Clock } from "../../platform/clock.js";
import type { RequestContext } from "../../platform/context.js";
import { type Db, inTransaction } from "../../platform/db/database.js";
import { conflict, type FieldProblem, notFound, validationError } from "../../platform/errors.js";
import { newId } from "../../platform/ids.js";
import type { AuditService } from "../audit/audit.service.js";
import type { BusinessCase, Rollup } from "./benefits.schema.js";
import type { BenefitService, LoadedBenefit } from "./benefits.service.js";
import * as store from "./benefits.store.js";

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;
const todayOf = (clock: Clock) => clock.now().toISOString().slice(0, 10);

/** Project statuses and slips that put the benefits downstream at risk. */
const IMPACTING_STATUSES = new Set(["on_hold", "cancelled"]);

/**
 * A benefit's money per month: the planned and the measured change from the baseline, in the
 * benefit's direction, times the money value of one unit of the measure. Only benefits with a
 * value per unit have one; a dis-benefit counts negative.
 */
export function moneySeries(b: LoadedBenefit, asOf: string) {
  const perUnit = b.row.value_per_unit_cents === null ? null : Number(b.row.value_per_unit_cents);
  const baseline = b.row.baseline_value === null ? null : Number(b.row.baseline_value);
  const target = b.row.target_value === null ? null : Number(b.row.target_value);
  if (perUnit === null || baseline === null || target === null) return null;
  const direction = directionOf(baseline, target);
  if (direction === null) return null;
  const s = (direction === "increase" ? 1 : -1) * (b.row.is_disbenefit ? -1 : 1);
  const planned = b.computed.profile.map((p) => ({ period: p.period, value: s * (p.planned - baseline) * perUnit }));
  const actual = b.measurements
    .filter((m) => m.period <= asOf)
    .map((m) => ({ period: m.period, value: s * (Number(m.value) - baseline) * perUnit }));
  return { benefitId: b.row.id, planned, actual };
}

/**
 * Insight across benefits: the benefits dependency network (objective ← benefit ← business change
 * ← enabling project) with the nodes downstream of troubled projects highlighted, business cases
 * with their appraisal, and the executive roll-up.
 */
export class BenefitInsightService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly benefits: BenefitService,
  ) {}

  // ---------- dependency network ----------

  /**
   * The network as a graph. Objective, benefit and project nodes come from the register (ids
   * `objective:…`, `benefit:…`, `project:…`); business-change nodes are stored and edited here and
   * sit between the projects that enable them and the benefits they enable. A project linked to a
   * benefit with no business change between them gets a direct edge. A project on hold, cancelled,
   * or planned to end after a benefit's target date marks everything downstream as impacted.
   */
  async map(
    ctx: RequestContext,
    query: { objectiveId?: string | undefined; portfolioId?: string | undefined; benefitId?: string | undefined },
  ) {
    authorize(ctx, "benefit.read");
    const org = ctx.actor.organizationId;
    const rows = await store.findBenefits(this.db, org, {
      archived: "exclude",
      objectiveId: query.objectiveId,
      portfolioId: query.portfolioId,
    });
    const picked = query.benefitId ? rows.filter((r) => r.id === query.benefitId) : rows;
    const loaded = await this.benefits.load(this.db, org, picked);
    const stored = await store.findMapNodes(this.db, org);
    const storedEdges = await store.findMapEdges(this.db, org);
    const names = await store.findUserNames(this.db, [
      ...loaded.map((b) => b.row.accountable_owner_id ?? b.row.responsible_owner_id),
      ...stored.map((n) => n.owner_user_id),
      ...loaded.flatMap((b) => b.projects.map((p) => p.manager_user_id)),
    ]);
    const person = (id: string | null) => (id ? { id, name: names.get(id) ?? "(no longer a member)" } : null);

    type Node = {
      id: string;
      kind: "objective" | "benefit" | "business_change" | "enabler";
      refId: string | null;
      label: string;
      owner: { id: string; name: string } | null;
      status: string | null;
      impacted: boolean;
      impactReason: string | null;
      stored: boolean;
    };
    const nodes = new Map<string, Node>();
    const edges = new Map<string, { from: string; to: string; stored: boolean }>();
    const addEdge = (from: string, to: string, isStored: boolean) =>
      edges.set(`${from}>${to}`, { from, to, stored: isStored });

    const objectiveIds = [...new Set(loaded.flatMap((b) => b.objectives.map((o) => o.id)))];
    const objectives = await store.findObjectiveRows(this.db, org, objectiveIds);
    for (const o of objectives) {
      nodes.set(`objective:${o.id}`, {
        id: `objective:${o.id}`,
        kind: "objective",
        refId: o.id,
        label: `${o.code} · ${o.title}`,
        owner: null,
        status: null,
        impacted: false,
        impactReason: null,
        stored: false,
      });
    }
    const benefitNode = new Map<string, string>();
    for (const b of loaded) {
      const id = `benefit:${b.row.id}`;
      benefitNode.set(b.row.id, id);
      nodes.set(id, {
        id,
        kind: "benefit",
        refId: b.row.id,
        label: `${b.row.code} · ${b.row.title}`,
        owner: person(b.row.accountable_owner_id ?? b.row.responsible_owner_id),
        status: b.computed.status,
        impacted: false,
        impactReason: null,
        stored: false,
      });
      for (const o of b.objectives) addEdge(id, `objective:${o.id}`, false);
      for (const p of b.projects) {
        const pid = `project:${p.id}`;
        if (!nodes.has(pid))
          nodes.set(pid, {
            id: pid,
            kind: "enabler",
            refId: p.id,
            label: `${p.code} · ${p.name}`,
            owner: person(p.manager_user_id),
            status: p.status,
            impacted: false,
            impactReason: null,
            stored: false,
          });
      }
    }
    // Business changes: stored nodes; their edges connect project → change → benefit.
    const changeIds = new Set<string>();
    for (const n of stored) {
      if (n.kind !== "business_change") continue;
      const into = storedEdges.filter((e) => e.from_node_id === n.id).map((e) => e.to_node_id);
      const from = storedEdges.filter((e) => e.to_node_id === n.id).map((e) => e.from_node_id);
      // Shown when it touches a node on the map (with a filter, changes elsewhere are left out).
      const filtered =
        query.benefitId !== undefined || query.objectiveId !== undefined || query.portfolioId !== undefined;
      const relevant = !filtered || into.some((t) => nodes.has(t)) || from.some((f) => nodes.has(f));
      if (!relevant) continue;
      changeIds.add(n.id);
      nodes.set(n.id, {
        id: n.id,
        kind: "business_change",
        refId: null,
        label: n.label,
        owner: person(n.owner_user_id),
        status: null,
        impacted: false,
        impactReason: null,
        stored: true,
      });
      for (const t of into) if (nodes.has(t)) addEdge(n.id, t, true);
      for (const f of from) if (nodes.has(f)) addEdge(f, n.id, true);
    }
    // Projects that reach a benefit through no business change link to it directly.
    for (const b of loaded) {
      const bid = benefitNode.get(b.row.id)!;
      for (const p of b.projects) {
        const pid = `project:${p.id}`;
        const viaChange = [...edges.values()].some(
          (e) => e.from === pid && changeIds.has(e.to) && edges.has(`${e.to}>${bid}`),
        );
        if (!viaChange) addEdge(pid, bid, false);
      }
    }
    // Impact. A project on hold or cancelled puts everything downstream of it at risk. A project
    // that is planned to end after a benefit's target date puts that benefit (and what is downstream
    // of it) at risk, and the project itself; closed projects have delivered and slip no more.
    const out = new Map<string, string[]>();
    for (const e of edges.values()) out.set(e.from, [...(out.get(e.from) ?? []), e.to]);
    const mark = (id: string, reason: string) => {
      const n = nodes.get(id);
      if (n && !n.impacted) {
        n.impacted = true;
        n.impactReason = reason;
      }
    };
    const spread = (from: string, reason: string) => {
      const queue = [...(out.get(from) ?? [])];
      const seen = new Set<string>();
      while (queue.length) {
        const next = queue.shift()!;
        if (seen.has(next)) continue;
        seen.add(next);
        mark(next, reason);
        queue.push(...(out.get(next) ?? []));
      }
    };
    for (const b of loaded) {
      for (const p of b.projects) {
        const start = `project:${p.id}`;
        if (IMPACTING_STATUSES.has(p.status)) {
          const reason = `${p.code} is ${p.status === "on_hold" ? "on hold" : "cancelled"}`;
          mark(start, reason);
          spread(start, reason);
        } else if (p.status !== "closed" && b.row.target_date !== null && p.planned_end > b.row.target_date) {
          const reason = `${p.code} ends after the target date of ${b.row.code}`;
          mark(start, reason);
          const benefit = `benefit:${b.row.id}`;
          mark(benefit, reason);
          spread(benefit, reason);
        }
      }
    }
    return { nodes: [...nodes.values()], edges: [...edges.values()] };
  }

  async createChange(
    ctx: RequestContext,
    input: { label: string; ownerId: string | null; benefitIds: string[]; projectIds: string[] },
  ) {
    authorize(ctx, "benefit.manage");
    const org = ctx.actor.organizationId;
    const id = newId();
    await inTransaction(this.db, async (trx) => {
      await this.checkChange(trx, org, input);
      const at = this.clock.now().toISOString();
      await this.ensureRefNodes(trx, org, input.benefitIds, input.projectIds, at);
      await store.insertMapNode(trx, {
        organization_id: org,
        id,
        kind: "business_change",
        ref_id: null,
        label: input.label,
        owner_user_id: input.ownerId,
        created_at: at,
        updated_at: at,
      });
      await store.replaceNodeEdges(
        trx,
        org,
        id,
        input.benefitIds.map((b) => `benefit:${b}`),
        input.projectIds.map((p) => `project:${p}`),
      );
      await this.audit.record(trx, ctx, {
        entityType: "business_change",
        entityId: id,
        action: "create",
        after: input,
      });
    });
    return { id };
  }

  async updateChange(
    ctx: RequestContext,
    id: string,
    input: {
      label?: string | undefined;
      ownerId?: string | null | undefined;
      benefitIds?: string[] | undefined;
      projectIds?: string[] | undefined;
    },
  ) {
    authorize(ctx, "benefit.manage");
    const org = ctx.actor.organizationId;
    await inTransaction(this.db, async (trx) => {
      const node = await store.findMapNode(trx, org, id);
      if (node?.kind !== "business_change") throw notFound("Business change", id);
      await this.checkChange(trx, org, {
        ownerId: input.ownerId ?? null,
        benefitIds: input.benefitIds ?? [],
        projectIds: input.projectIds ?? [],
      });
      const at = this.clock.now().toISOString();
      await this.ensureRefNodes(trx, org, input.benefitIds ?? [], input.projectIds ?? [], at);
      await store.updateMapNode(trx, org, id, {
        ...(input.label === undefined ? {} : { label: input.label }),
        ...(input.ownerId === undefined ? {} : { owner_user_id: input.ownerId }),
        updated_at: at,
      });
      await store.replaceNodeEdges(
        trx,
        org,
        id,
        input.benefitIds?.map((b) => `benefit:${b}`),
        input.projectIds?.map((p) => `project:${p}`),
      );
      await this.audit.record(trx, ctx, {
        entityType: "business_change",
        entityId: id,
        action: "update",
        after: input,
      });
    });
    return { id };
  }

  async deleteChange(ctx: RequestContext, id: string): Promise<void> {
    authorize(ctx, "benefit.manage");
    const org = ctx.actor.organizationId;
    await inTransaction(this.db, async (trx) => {
      const node = await store.findMapNode(trx, org, id);
      if (node?.kind !== "business_change") throw notFound("Business change", id);
      await store.deleteMapNode(trx, org, id);
      await this.audit.record(trx, ctx, {
        entityType: "business_change",
        entityId: id,
        action: "delete",
        before: { label: node.label },
      });
    });
  }

  private async checkChange(
    db: Db,
    org: string,
    input: { ownerId: string | null; benefitIds: string[]; projectIds: string[] },
  ) {
    const problems: FieldProblem[] = [];
    if (input.ownerId && !(await store.findMemberIds(db, org, [input.ownerId])).has(input.ownerId))
      problems.push({ path: "ownerId", message: "is not a member of this organization" });
    for (const [i, id] of input.benefitIds.entries())
      if (!(await store.findBenefit(db, org, id)))
        problems.push({ path: `benefitIds.${i}`, message: "no such benefit" });
    const projects = new Set((await store.findProjects(db, org, input.projectIds)).map((p) => p.id));
    input.projectIds.forEach((id, i) => {
      if (!projects.has(id)) problems.push({ path: `projectIds.${i}`, message: "no such project" });
    });
    if (problems.length) throw validationError(problems);
  }

  /** Edges need both ends stored: register nodes get a stored twin on first use (by their derived id). */
  private async ensureRefNodes(db: Db, org: string, benefitIds: string[], projectIds: string[], at: string) {
    for (const [kind, ids] of [
      ["benefit", benefitIds],
      ["project", projectIds],
    ] as const) {
      for (const refId of ids) {
        const id = `${kind}:${refId}`;
        if (await store.findMapNode(db, org, id)) continue;
        await store.insertMapNode(db, {
          organization_id: org,
          id,
          kind: kind === "benefit" ? "benefit" : "enabler",
          ref_id: refId,
          label: id,
          owner_user_id: null,
          created_at: at,
          updated_at: at,
        });
      }
    }
  }

  // ---------- business cases ----------

  async businessCase(ctx: RequestContext, projectId: string): Promise<BusinessCase> {
    authorize(ctx, "benefit.read");
    const org = ctx.actor.organizationId;
    const [project] = await store.findProjects(this.db, org, [projectId]);
    if (!project) throw notFound("Project", projectId);
    const row = await store.findBusinessCase(this.db, org, projectId);
    if (!row) throw notFound("Business case of project", project.code);
    return this.presentCase(org, row);
  }

  async saveBusinessCase(
    ctx: RequestContext,
    projectId: string,
    input: {
      version: number | null;
      discountRate: number;
      financeRate: number | null;
      reinvestRate: number | null;
      firstYear: number;
      flows: { year: number; costsCents: number; benefitsCents: number }[];
      benefitsFromProfiles: boolean;
      notes: string;
    },
  ): Promise<BusinessCase> {
    authorize(ctx, "benefit.read");
    const org = ctx.actor.organizationId;
    await inTransaction(this.db, async (trx) => {
      const [project] = await store.findProjects(trx, org, [projectId]);
      if (!project) throw notFound("Project", projectId);
      authorize(ctx, "project.update", project.manager_user_id === ctx.actor.userId ? ["manager"] : []);
      const existing = await store.findBusinessCase(trx, org, projectId);
      if (existing && input.version === null)
        throw conflict("This project has a business case already; name its version to change it");
      if (!existing && input.version !== null) throw notFound("Business case of project", project.code);
      if (existing && existing.version !== input.version)
        throw conflict("This business case was changed by someone else; reload it");
      const problems: FieldProblem[] = [];
      const years = new Set<number>();
      input.flows.forEach((f, i) => {
        if (years.has(f.year)) problems.push({ path: `flows.${i}.year`, message: `${f.year} is listed twice` });
        years.add(f.year);
        if (f.year < input.firstYear)
          problems.push({ path: `flows.${i}.year`, message: `is before the first year ${input.firstYear}` });
      });
      if (problems.length) throw validationError(problems);
      const ok = await store.saveBusinessCase(
        trx,
        org,
        projectId,
        input.version,
        {
          discount_rate: input.discountRate,
          finance_rate: input.financeRate,
          reinvest_rate: input.reinvestRate,
          first_year: input.firstYear,
          benefits_from_profiles: input.benefitsFromProfiles ? 1 : 0,
          notes: input.notes,
          updated_at: this.clock.now().toISOString(),
        },
        [...input.flows].sort((a, b) => a.year - b.year),
      );
      if (!ok) throw conflict("This business case was changed by someone else; reload it");
      await this.audit.record(trx, ctx, {
        entityType: "business_case",
        entityId: projectId,
        action: existing ? "update" : "create",
        after: { ...input, version: undefined },
      });
    });
    return this.businessCase(ctx, projectId);
  }

  /** The NPV of each project with a business case, for the portfolio optimizer's NPV value source. */
  async npvByProject(db: Db, org: string): Promise<Map<string, number>> {
    const projectIds = [...new Set((await store.findAllBusinessCaseFlows(db, org)).map((r) => r.project_id))];
    const cases = await store.findBusinessCases(db, org);
    const out = new Map<string, number>();
    for (const row of cases) {
      if (!projectIds.includes(row.project_id) && !row.benefits_from_profiles) continue;
      const { appraisal } = await this.appraiseCase(db, org, row);
      if (appraisal.npv !== null) out.set(row.project_id, appraisal.npv);
    }
    return out;
  }

  /**
   * A business case's net flows by year — its own flows, plus (when asked) the planned money of the
   * project's financial benefits by calendar year — and their appraisal, with the money planned and
   * realized to date. The one computation behind the business case page, the optimizer's NPV value
   * source and the NPV prioritization criterion.
   */
  private async appraiseCase(
    db: Db,
    org: string,
    row: NonNullable<Awaited<ReturnType<typeof store.findBusinessCase>>>,
  ) {
    const flows = await store.findBusinessCaseFlows(db, org, row.project_id);
    const asOf = todayOf(this.clock).slice(0, 7);
    const benefitRows = await store.findBenefits(db, org, { archived: "exclude", projectId: row.project_id });
    const loaded = await this.benefits.load(db, org, benefitRows);
    const profileByYear = new Map<number, number>();
    let plannedToDate = 0;
    let realizedToDate = 0;
    for (const b of loaded) {
      const series = moneySeries(b, asOf);
      if (!series) continue;
      for (const p of series.planned) {
        const year = Number(p.period.slice(0, 4));
        profileByYear.set(year, (profileByYear.get(year) ?? 0) + p.value);
        if (p.period <= asOf) plannedToDate += p.value;
      }
      for (const a of series.actual) realizedToDate += a.value;
    }
    const fromProfiles = Boolean(row.benefits_from_profiles);
    const lastYear = Math.max(
      row.first_year,
      ...flows.map((f) => f.year),
      ...(fromProfiles ? [...profileByYear.keys()] : []),
    );
    const net: BusinessCase["netFlowsCents"] = [];
    for (let year = row.first_year; year <= lastYear; year++) {
      const f = flows.find((x) => x.year === year);
      const profileCents = fromProfiles ? Math.round(profileByYear.get(year) ?? 0) : 0;
      net.push({
        year,
        netCents: (f ? Number(f.benefits_cents) - Number(f.costs_cents) : 0) + profileCents,
        profileBenefitsCents: profileCents,
      });
    }
    // Profile money in years before the case's first year cannot be discounted to it: say so.
    const before = fromProfiles ? [...profileByYear.keys()].filter((y) => y < row.first_year) : [];
    const appraisal = appraise({
      rate: Number(row.discount_rate),
      cashflows: net.map((n) => n.netCents / 100),
      ...(row.finance_rate === null ? {} : { financeRate: Number(row.finance_rate) }),
      ...(row.reinvest_rate === null ? {} : { reinvestRate: Number(row.reinvest_rate) }),
    });
    return { flows, net, appraisal, plannedToDate, realizedToDate, asOf, yearsBeforeFirst: before };
  }

  private async presentCase(
    org: string,
    row: NonNullable<Awaited<ReturnType<typeof store.findBusinessCase>>>,
  ): Promise<BusinessCase> {
    const { flows, net, appraisal, plannedToDate, realizedToDate, asOf, yearsBeforeFirst } = await this.appraiseCase(
      this.db,
      org,
      row,
    );
    const money = (v: number | null) => (v === null ? null : round(v, 2));
    return {
      projectId: row.project_id,
      discountRate: Number(row.discount_rate),
      financeRate: row.finance_rate === null ? null : Number(row.finance_rate),
      reinvestRate: row.reinvest_rate === null ? null : Number(row.reinvest_rate),
      firstYear: row.first_year,
      benefitsFromProfiles: Boolean(row.benefits_from_profiles),
      notes: row.notes,
      flows: flows.map((f) => ({
        year: f.year,
        costsCents: Number(f.costs_cents),
        benefitsCents: Number(f.benefits_cents),
      })),
      netFlowsCents: net,
      planned: {
        npv: money(appraisal.npv),
        irr: appraisal.irr,
        irrKind: appraisal.irrKind,
        mirr: appraisal.mirr,
        paybackPeriods: appraisal.paybackPeriods,
        discountedPaybackPeriods: appraisal.discountedPaybackPeriods,
        roi: appraisal.roi,
        bcr: appraisal.bcr,
      },
      warnings: yearsBeforeFirst.length
        ? [`Benefit profiles plan money in ${yearsBeforeFirst.join(", ")}, before the first year; it is left out.`]
        : [],
      realizedToDate: {
        plannedBenefitsCents: Math.round(plannedToDate),
        realizedBenefitsCents: Math.round(realizedToDate),
        asOf,
      },
      updatedAt: row.updated_at,
      version: row.version,
    };
  }

  // ---------- roll-up ----------

  /**
   * The executive view of benefits realization: planned vs realized money by objective (weighted
   * by contribution), by portfolio (of the enabling projects, shared equally) or by quarter; value
   * at risk (the planned money still to come of benefits at risk or off track); status counts; and
   * the largest deviations from plan in each benefit's own unit.
   */
  async rollup(
    ctx: RequestContext,
    query: { by: "objective" | "portfolio" | "quarter"; portfolioId?: string | undefined },
  ): Promise<Rollup> {
    authorize(ctx, "benefit.read");
    const org = ctx.actor.organizationId;
    const asOf = todayOf(this.clock).slice(0, 7);
    // Cancelled benefits are no longer expected: they leave the roll-up.
    const rows = (
      await store.findBenefits(this.db, org, { archived: "exclude", portfolioId: query.portfolioId })
    ).filter((r) => r.status !== "cancelled");
    const loaded: LoadedBenefit[] = [];
    for (let i = 0; i < rows.length; i += 500)
      loaded.push(...(await this.benefits.load(this.db, org, rows.slice(i, i + 500))));
    const series = loaded.map((b) => ({ b, s: moneySeries(b, asOf) }));
    const byStatus: Record<string, number> = {};
    for (const b of loaded) byStatus[b.computed.status] = (byStatus[b.computed.status] ?? 0) + 1;

    const atRiskOf = new Map<string, number>();
    const risk = valueAtRisk(
      series.flatMap(({ b, s }) => {
        if (!s) return [];
        const remaining = s.planned.filter((p) => p.period > asOf).reduce((t, p) => t + Math.max(0, p.value), 0);
        atRiskOf.set(b.row.id, b.computed.status === "at_risk" || b.computed.status === "off_track" ? remaining : 0);
        return [{ benefitId: b.row.id, status: b.computed.status, plannedValue: remaining }];
      }),
    );

    let labels = new Map<string, string>();
    let grouped: {
      key: string;
      plannedTotal: number;
      plannedToDate: number;
      realizedToDate: number;
      realizedPctOfPlan: number | null;
    }[];
    const counts = new Map<string, number>();
    const atRisk = new Map<string, number>();
    if (query.by === "quarter") {
      grouped = rollupByQuarter(
        series.flatMap(({ s }) => (s ? [s] : [])),
        asOf,
      );
      for (const { b, s } of series) {
        if (!s) continue;
        const risky = b.computed.status === "at_risk" || b.computed.status === "off_track";
        for (const q of new Set(s.planned.map((p) => quarter(p.period)))) counts.set(q, (counts.get(q) ?? 0) + 1);
        if (!risky) continue;
        for (const p of s.planned)
          if (p.period > asOf)
            atRisk.set(quarter(p.period), (atRisk.get(quarter(p.period)) ?? 0) + Math.max(0, p.value));
      }
    } else {
      const keyed: KeyedBenefitValueSeries[] = [];
      for (const { b, s } of series) {
        const contributions =
          query.by === "objective"
            ? b.objectives.map((o) => ({ key: o.id, weight: o.weight }))
            : [...new Set(b.projects.map((p) => p.portfolio_id))].map((key, _i, all) => ({
                key,
                weight: 1 / all.length,
              }));
        for (const c of contributions) {
          counts.set(c.key, (counts.get(c.key) ?? 0) + 1);
          atRisk.set(c.key, (atRisk.get(c.key) ?? 0) + c.weight * (atRiskOf.get(b.row.id) ?? 0));
        }
        if (s) keyed.push({ ...s, contributions });
      }
      grouped = rollupByKey(keyed, asOf);
      for (const key of counts.keys())
        if (!grouped.some((g) => g.key === key))
          grouped.push({ key, plannedTotal: 0, plannedToDate: 0, realizedToDate: 0, realizedPctOfPlan: null });
      labels =
        query.by === "objective"
          ? new Map((await store.findObjectiveRows(this.db, org)).map((o) => [o.id, `${o.code} · ${o.title}`]))
          : new Map((await store.findPortfolios(this.db, org)).map((p) => [p.id, p.name]));
    }
    // Deviations compare across units as a share of each benefit's whole planned change.
    const deviations = loaded
      .flatMap((b) => {
        const latest = b.computed.tracking?.latest;
        if (!latest || latest.actual === null || latest.variancePct === null) return [];
        return [
          { benefitId: b.row.id, planned: latest.planned, actual: latest.actual, variancePct: latest.variancePct },
        ];
      })
      .sort((a, b) => Math.abs(b.variancePct) - Math.abs(a.variancePct) || a.benefitId.localeCompare(b.benefitId))
      .slice(0, 10);
    const byId = new Map(loaded.map((b) => [b.row.id, b]));
    return {
      by: query.by,
      asOf,
      rows: grouped
        .map((g) => ({
          key: g.key,
          label: labels.get(g.key) ?? g.key,
          benefits: counts.get(g.key) ?? 0,
          plannedCents: Math.round(g.plannedToDate),
          realizedCents: Math.round(g.realizedToDate),
          realizationPct: g.realizedPctOfPlan === null ? null : round(g.realizedPctOfPlan, 2),
          atRiskCents: Math.round(atRisk.get(g.key) ?? 0),
        }))
        .sort((a, b) => a.key.localeCompare(b.key)),
      valueAtRiskCents: Math.round(risk.atRisk + risk.offTrack),
      byStatus,
      topDeviations: deviations.map((d) => {
        const b = byId.get(d.benefitId)!;
        const s = b.computed.tracking?.direction === "decrease" ? -1 : 1;
        return {
          benefitId: d.benefitId,
          code: b.row.code,
          title: b.row.title,
          trackingStatus: b.computed.status,
          plannedToDate: round(d.planned, 6),
          actual: round(d.actual, 6),
          variance: round(s * (d.actual - d.planned), 6),
          variancePct: round(d.variancePct, 2),
          unit: b.row.unit,
        };
      }),
    };
  }
}

const quarter = quarterOf;
