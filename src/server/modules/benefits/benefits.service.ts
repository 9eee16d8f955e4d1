import { assessDoam } from "../../../domain/benefits/doam.js";
import { checkProfile, generateProfile, type ProfilePoint } from "../../../domain/benefits/profile.js";
import { directionOf, type PeriodValue } from "../../../domain/benefits/tracking.js";
import { mayEver, type RecordRole } from "../../../domain/identity/permissions.js";
import { isIsoDate } from "../../../domain/shared/period.js";
import { authorize, can } from "../../platform/authorize.js";
import type { Clock } from "../../platform/clock.js";
import type { RequestContext } from "../../platform/context.js";
import { type Db, inTransaction } from "../../platform/db/database.js";
import { AppError, conflict, type FieldProblem, notFound, validationError } from "../../platform/errors.js";
import { newId } from "../../platform/ids.js";
import { readSheet } from "../../platform/spreadsheet.js";
import type { AuditService } from "../audit/audit.service.js";
import { type BenefitComputed, computeBenefit } from "./benefit-state.js";
import type {
  AssessBenefitInput,
  Benefit,
  BenefitSummary,
  CreateBenefitInput,
  CreateMeasurementInput,
  ListBenefitsQuery,
  Measurement,
  ProfileInput,
  Tracking,
  UpdateBenefitInput,
  UpdateMeasurementInput,
} from "./benefits.schema.js";
import * as store from "./benefits.store.js";

/** A benefit's rows as loaded for presenting and computing. */
export interface LoadedBenefit {
  row: store.BenefitRow;
  projects: store.ProjectLinkRow[];
  objectives: { id: string; code: string; title: string; weight: number }[];
  profile: ProfilePoint[];
  measurements: store.MeasurementRow[];
  risks: Awaited<ReturnType<typeof store.findRisks>>;
  computed: BenefitComputed;
}

type Draft = Omit<CreateBenefitInput, "profile"> & { profile: ProfilePoint[] | null };

const todayOf = (clock: Clock) => clock.now().toISOString().slice(0, 10);

/**
 * The benefits register: benefits with their measure, baseline, target, profile, owners and links;
 * measurements (one per benefit and month, recorded, corrected, imported or fed by API tokens);
 * tracking, forecast and recommendations computed on read; risks; hand-over to operations.
 */
export class BenefitService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  // ---------- loading and computing ----------

  /** Loads benefits with their links, profiles, measurements and risks, and computes their state. */
  async load(
    db: Db,
    org: string,
    rows: store.BenefitRow[],
    options: { withCone?: boolean } = {},
  ): Promise<LoadedBenefit[]> {
    const ids = rows.map((r) => r.id);
    const [projects, objectives, profiles, measurements, risks] = await Promise.all([
      store.findProjectLinks(db, org, ids),
      store.findObjectiveLinks(db, org, ids),
      store.findProfiles(db, org, ids),
      store.findMeasurements(db, org, ids),
      store.findRisks(db, org, ids),
    ]);
    const group = <T extends { benefit_id: string }>(items: T[]) => {
      const out = new Map<string, T[]>();
      for (const item of items) {
        const list = out.get(item.benefit_id);
        if (list) list.push(item);
        else out.set(item.benefit_id, [item]);
      }
      return out;
    };
    const projectsOf = group(projects);
    const objectivesOf = group(objectives);
    const profilesOf = group(profiles);
    const measurementsOf = group(measurements);
    const risksOf = group(risks);
    const today = todayOf(this.clock);
    return rows.map((row) => {
      const profile = (profilesOf.get(row.id) ?? []).map((p) => ({ period: p.period, planned: Number(p.planned) }));
      const ms = measurementsOf.get(row.id) ?? [];
      const rs = risksOf.get(row.id) ?? [];
      const ps = projectsOf.get(row.id) ?? [];
      const actuals: PeriodValue[] = ms.map((m) => ({ period: m.period, value: Number(m.value) }));
      return {
        row,
        projects: ps,
        objectives: (objectivesOf.get(row.id) ?? []).map((o) => ({
          id: o.id,
          code: o.code,
          title: o.title,
          weight: Number(o.weight),
        })),
        profile,
        measurements: ms,
        risks: rs,
        computed: computeBenefit(
          {
            row,
            profile,
            actuals,
            projects: ps,
            risks: rs.map((r) => ({ ...r, probability: Number(r.probability), impact_pct: Number(r.impact_pct) })),
          },
          today,
          options.withCone ?? false,
        ),
      };
    });
  }

  async loadOne(db: Db, org: string, id: string, options: { withCone?: boolean } = {}): Promise<LoadedBenefit> {
    const row = await store.findBenefit(db, org, id);
    if (!row) throw notFound("Benefit", id);
    const [loaded] = await this.load(db, org, [row], options);
    return loaded as LoadedBenefit;
  }

  /** The caller's relation to a benefit: owner (any of its three owners) and manager (of an enabling project). */
  recordRoles(ctx: RequestContext, b: Pick<LoadedBenefit, "row" | "projects">): RecordRole[] {
    const me = ctx.actor.userId;
    if (!me) return [];
    const roles: RecordRole[] = [];
    const r = b.row;
    if ([r.responsible_owner_id, r.accountable_owner_id, r.operational_owner_id].includes(me)) roles.push("owner");
    if (b.projects.some((p) => p.manager_user_id === me)) roles.push("manager");
    return roles;
  }

  // ---------- register ----------

  async list(
    ctx: RequestContext,
    query: ListBenefitsQuery,
  ): Promise<{ items: BenefitSummary[]; nextCursor: string | null }> {
    authorize(ctx, "benefit.read");
    const org = ctx.actor.organizationId;
    const filter: store.BenefitFilter = {
      q: query.q,
      statuses: query.status,
      types: query.type,
      category: query.category,
      ownerId: query.ownerId,
      projectId: query.projectId,
      objectiveId: query.objectiveId,
      portfolioId: query.portfolioId,
      archived: query.archived,
    };
    const after = query.cursor ? decodeCodeCursor(query.cursor) : undefined;
    if (!query.trackingStatus?.length) {
      const rows = await store.findBenefits(this.db, org, filter, after, query.limit + 1);
      const page = rows.slice(0, query.limit);
      const loaded = await this.load(this.db, org, page);
      const names = await this.names(loaded);
      return {
        items: loaded.map((b) => this.summary(b, names)),
        nextCursor: rows.length > query.limit ? encodeCodeCursor(page.at(-1)!.code) : null,
      };
    }
    // Tracking status is computed, not stored: filter after computing, page in memory.
    const rows = await store.findBenefits(this.db, org, filter, after);
    const wanted = new Set(query.trackingStatus);
    const items: LoadedBenefit[] = [];
    let more = false;
    for (let i = 0; i < rows.length && !more; i += 200) {
      for (const b of await this.load(this.db, org, rows.slice(i, i + 200))) {
        if (!wanted.has(b.computed.status)) continue;
        if (items.length === query.limit) {
          more = true;
          break;
        }
        items.push(b);
      }
    }
    const names = await this.names(items);
    return {
      items: items.map((b) => this.summary(b, names)),
      nextCursor: more ? encodeCodeCursor(items.at(-1)!.row.code) : null,
    };
  }

  async get(ctx: RequestContext, id: string): Promise<Benefit> {
    authorize(ctx, "benefit.read");
    const org = ctx.actor.organizationId;
    const b = await this.loadOne(this.db, org, id);
    return this.present(this.db, ctx, b);
  }

  /** A draft benefit checked live: DOAM verdicts and the profile it would get. */
  async assess(ctx: RequestContext, input: AssessBenefitInput) {
    authorize(ctx, "benefit.read");
    const doam = assessDoam({
      title: input.title,
      description: input.description,
      measure: {
        kpiName: input.kpiName,
        unit: input.unit,
        method: input.method,
        dataSource: input.dataSource,
        frequency: input.frequency,
      },
      baseline: { value: input.baselineValue, date: input.baselineDate },
      target: { value: input.targetValue, date: input.targetDate },
      direction: input.direction,
      enablingProjectCount: input.projectIds?.length ?? 0,
      beneficiaries: input.beneficiaries,
      attributionNote: input.attributionNote,
      businessChangeDescribed: (input.businessChange ?? "").trim().length > 0,
    });
    const problems: FieldProblem[] = [];
    const profile = input.profile ? this.resolveProfile(input as CreateBenefitInput, input.profile, problems) : null;
    return { doam, profile, problems };
  }

  async create(ctx: RequestContext, input: CreateBenefitInput): Promise<Benefit> {
    // Creating needs "all", or owning the new benefit, or managing every project it names.
    const me = ctx.actor.userId;
    const roles: RecordRole[] = [];
    if (me && (input.responsibleOwnerId === me || input.accountableOwnerId === me)) roles.push("owner");
    const named = input.projectIds.length
      ? await store.findProjects(this.db, ctx.actor.organizationId, input.projectIds)
      : [];
    if (me && named.length > 0 && named.every((p) => p.manager_user_id === me)) roles.push("manager");
    authorize(ctx, "benefit.write", roles);
    const org = ctx.actor.organizationId;
    const id = newId();
    await inTransaction(this.db, async (trx) => {
      const problems: FieldProblem[] = [];
      const profile = input.profile ? this.resolveProfile(input, input.profile, problems) : null;
      const draft: Draft = { ...input, profile };
      await this.check(trx, org, draft, problems);
      if (problems.length) throw validationError(problems);
      const at = this.clock.now().toISOString();
      await store.insertBenefit(trx, { organization_id: org, id, ...columnsOf(draft), created_at: at, updated_at: at });
      await store.replaceLinks(trx, org, id, input.projectIds, input.objectives);
      if (profile) await store.replaceProfile(trx, org, id, profile);
      await this.audit.record(trx, ctx, {
        entityType: "benefit",
        entityId: id,
        action: "create",
        after: snapshot(draft),
      });
    });
    return this.get(ctx, id);
  }

  async update(ctx: RequestContext, id: string, input: UpdateBenefitInput): Promise<Benefit> {
    authorize(ctx, "benefit.read");
    const org = ctx.actor.organizationId;
    await inTransaction(this.db, async (trx) => {
      const b = await this.loadOne(trx, org, id);
      authorize(ctx, "benefit.write", this.recordRoles(ctx, b));
      if (b.row.version !== input.version) {
        throw conflict(
          `This benefit was changed by someone else (you edited version ${input.version}, the current one is ${b.row.version})`,
          await this.present(trx, ctx, b),
        );
      }
      if (b.row.archived_at) throw new AppError("conflict", "This benefit is archived; restore it before editing");
      const before = draftOf(b);
      const { version, profile: profileInput, ...changes } = input;
      const merged = { ...before, ...stripUndefined(changes) } as Draft;
      const problems: FieldProblem[] = [];
      let profile = before.profile;
      if (profileInput !== undefined) {
        profile = profileInput ? this.resolveProfile(merged as CreateBenefitInput, profileInput, problems) : null;
      }
      const after: Draft = { ...merged, profile };
      // A kept profile must still fit the benefit's dates (and a generated one its baseline and target).
      const datesMoved = ["baselineDate", "targetDate", "baselineValue", "targetValue"].some(
        (k) => changes[k as keyof typeof changes] !== undefined,
      );
      if (profileInput === undefined && datesMoved && profile && after.targetDate) {
        const stale = checkProfile(profile, {
          startDate: after.baselineDate ?? profile[0]!.period,
          targetDate: after.targetDate,
        });
        if (stale.length > 0)
          problems.push({
            path: "profile",
            message: "the stored profile lies outside the new dates; send a new profile with them",
          });
      }
      await this.check(trx, org, after, problems, id);
      if (problems.length) throw validationError(problems);
      if (changes.projectIds) await this.authorizeProjects(trx, ctx, org, changes.projectIds, this.recordRoles(ctx, b));
      if (JSON.stringify(snapshot(before)) === JSON.stringify(snapshot(after))) return;
      const ok = await store.updateBenefit(trx, org, id, version, {
        ...columnsOf(after),
        updated_at: this.clock.now().toISOString(),
      });
      if (!ok) throw conflict("This benefit was changed by someone else");
      await store.replaceLinks(trx, org, id, changes.projectIds, changes.objectives);
      if (profileInput !== undefined) await store.replaceProfile(trx, org, id, profile ?? []);
      await this.audit.record(trx, ctx, {
        entityType: "benefit",
        entityId: id,
        action: "update",
        before: snapshot(before),
        after: snapshot(after),
      });
    });
    return this.get(ctx, id);
  }

  async archive(ctx: RequestContext, id: string, input: { version: number; archived: boolean }): Promise<Benefit> {
    authorize(ctx, "benefit.read");
    const org = ctx.actor.organizationId;
    await inTransaction(this.db, async (trx) => {
      const b = await this.loadOne(trx, org, id);
      authorize(ctx, "benefit.write", this.recordRoles(ctx, b));
      if (b.row.version !== input.version) throw conflict("This benefit was changed by someone else; reload it");
      const archivedAt = input.archived ? (b.row.archived_at ?? this.clock.now().toISOString()) : null;
      if (archivedAt === b.row.archived_at) return;
      await store.updateBenefit(trx, org, id, input.version, {
        archived_at: archivedAt,
        updated_at: this.clock.now().toISOString(),
      });
      await this.audit.record(trx, ctx, {
        entityType: "benefit",
        entityId: id,
        action: input.archived ? "archive" : "restore",
        before: { archivedAt: b.row.archived_at },
        after: { archivedAt },
      });
    });
    return this.get(ctx, id);
  }

  async listCategories(ctx: RequestContext) {
    authorize(ctx, "benefit.read");
    const rows = await store.findCategories(this.db, ctx.actor.organizationId);
    return rows.map((r) => ({ key: r.key, name: r.name, sortOrder: r.sort_order }));
  }

  async createCategory(ctx: RequestContext, input: { key: string; name: string }) {
    authorize(ctx, "benefit.manage");
    const org = ctx.actor.organizationId;
    await inTransaction(this.db, async (trx) => {
      const existing = await store.findCategories(trx, org);
      if (existing.some((c) => c.key === input.key)) throw conflict(`The category ${input.key} exists already`);
      await store.insertCategory(trx, {
        organization_id: org,
        key: input.key,
        name: input.name,
        sort_order: existing.length,
      });
      await this.audit.record(trx, ctx, {
        entityType: "benefit_category",
        entityId: input.key,
        action: "create",
        after: input,
      });
    });
    return (await this.listCategories(ctx)).find((c) => c.key === input.key)!;
  }

  // ---------- measurements ----------

  async listMeasurements(ctx: RequestContext, benefitId: string): Promise<{ items: Measurement[] }> {
    authorize(ctx, "benefit.read");
    const org = ctx.actor.organizationId;
    if (!(await store.findBenefit(this.db, org, benefitId))) throw notFound("Benefit", benefitId);
    const rows = await store.findMeasurements(this.db, org, [benefitId]);
    return { items: rows.map(presentMeasurement) };
  }

  /**
   * Records the value of one month. A month holds one measurement: a second one for the same month
   * is a 409 naming the existing record (correct it with PATCH), never a silent overwrite.
   */
  async recordMeasurement(ctx: RequestContext, benefitId: string, input: CreateMeasurementInput): Promise<Measurement> {
    authorize(ctx, "benefit.read");
    const org = ctx.actor.organizationId;
    const id = newId();
    await inTransaction(this.db, async (trx) => {
      const b = await this.loadOne(trx, org, benefitId);
      authorize(ctx, "benefit.measure", this.recordRoles(ctx, b));
      this.checkMeasurable(b, input.period);
      const existing = await store.findMeasurementForPeriod(trx, org, benefitId, input.period);
      if (existing) {
        throw conflict(
          `${b.row.code} already has a measurement for ${input.period} (${existing.value}); correct that one instead`,
          presentMeasurement((await store.findMeasurement(trx, org, existing.id))!),
        );
      }
      const at = this.clock.now().toISOString();
      await store.insertMeasurement(trx, {
        organization_id: org,
        id,
        benefit_id: benefitId,
        period: input.period,
        measured_on: input.measuredOn ?? todayOf(this.clock),
        value: input.value,
        evidence: input.evidence,
        source: input.source,
        recorded_by: ctx.actor.userId,
        recorded_via: ctx.actor.via === "token" ? "token" : "manual",
        created_at: at,
        updated_at: at,
      });
      await this.audit.record(trx, ctx, {
        entityType: "benefit_measurement",
        entityId: id,
        action: "create",
        after: { benefitId, period: input.period, value: input.value },
      });
    });
    const row = await store.findMeasurement(this.db, org, id);
    return presentMeasurement(row!);
  }

  /**
   * Records several months of one benefit at once (a back-fill of its history, the demo), with the
   * checks of recordMeasurement for every row: the caller may measure the benefit, each month lies
   * inside its life, is given once and has no value yet. All rows or none, in one transaction, with
   * one audit entry. Returns the number of measurements recorded.
   */
  async recordMeasurements(
    ctx: RequestContext,
    benefitId: string,
    rows: readonly CreateMeasurementInput[],
  ): Promise<number> {
    authorize(ctx, "benefit.read");
    const org = ctx.actor.organizationId;
    await inTransaction(this.db, async (trx) => {
      const b = await this.loadOne(trx, org, benefitId);
      authorize(ctx, "benefit.measure", this.recordRoles(ctx, b));
      const problems: FieldProblem[] = [];
      const seen = new Set<string>();
      rows.forEach((input, i) => {
        try {
          this.checkMeasurable(b, input.period);
        } catch (e) {
          if (!(e instanceof AppError) || e.code !== "validation") throw e;
          for (const f of e.details.fields ?? []) problems.push({ path: `${i}.${f.path}`, message: f.message });
        }
        if (seen.has(input.period)) problems.push({ path: `${i}.period`, message: `${input.period} is given twice` });
        seen.add(input.period);
      });
      if (problems.length) throw validationError(problems);
      const existing = b.measurements.find((m) => seen.has(m.period));
      if (existing) {
        throw conflict(
          `${b.row.code} already has a measurement for ${existing.period} (${existing.value}); correct that one instead`,
          presentMeasurement(existing),
        );
      }
      const at = this.clock.now().toISOString();
      const via = ctx.actor.via === "token" ? "token" : "manual";
      for (const input of rows) {
        await store.insertMeasurement(trx, {
          organization_id: org,
          id: newId(),
          benefit_id: benefitId,
          period: input.period,
          measured_on: input.measuredOn ?? todayOf(this.clock),
          value: input.value,
          evidence: input.evidence,
          source: input.source,
          recorded_by: ctx.actor.userId,
          recorded_via: via,
          created_at: at,
          updated_at: at,
        });
      }
      if (rows.length > 0)
        await this.audit.record(trx, ctx, {
          entityType: "benefit_measurement",
          entityId: benefitId,
          action: "create_many",
          after: { benefitId, periods: rows.map((r) => r.period), values: rows.map((r) => r.value) },
        });
    });
    return rows.length;
  }

  async updateMeasurement(ctx: RequestContext, id: string, input: UpdateMeasurementInput): Promise<Measurement> {
    authorize(ctx, "benefit.read");
    const org = ctx.actor.organizationId;
    await inTransaction(this.db, async (trx) => {
      const m = await store.findMeasurement(trx, org, id);
      if (!m) throw notFound("Measurement", id);
      const b = await this.loadOne(trx, org, m.benefit_id);
      authorize(ctx, "benefit.measure", this.recordRoles(ctx, b));
      if (m.version !== input.version) throw conflict("This measurement was changed by someone else; reload it");
      const { version, ...changes } = input;
      const ok = await store.updateMeasurement(trx, org, id, version, {
        ...(changes.measuredOn === undefined ? {} : { measured_on: changes.measuredOn }),
        ...(changes.value === undefined ? {} : { value: changes.value }),
        ...(changes.evidence === undefined ? {} : { evidence: changes.evidence }),
        ...(changes.source === undefined ? {} : { source: changes.source }),
        updated_at: this.clock.now().toISOString(),
      });
      if (!ok) throw conflict("This measurement was changed by someone else; reload it");
      await this.audit.record(trx, ctx, {
        entityType: "benefit_measurement",
        entityId: id,
        action: "update",
        before: { value: Number(m.value), measuredOn: m.measured_on, evidence: m.evidence, source: m.source },
        after: {
          value: changes.value ?? Number(m.value),
          measuredOn: changes.measuredOn ?? m.measured_on,
          evidence: changes.evidence ?? m.evidence,
          source: changes.source ?? m.source,
        },
      });
    });
    return presentMeasurement((await store.findMeasurement(this.db, org, id))!);
  }

  async deleteMeasurement(ctx: RequestContext, id: string, version: number): Promise<void> {
    authorize(ctx, "benefit.read");
    const org = ctx.actor.organizationId;
    await inTransaction(this.db, async (trx) => {
      const m = await store.findMeasurement(trx, org, id);
      if (!m) throw notFound("Measurement", id);
      const b = await this.loadOne(trx, org, m.benefit_id);
      authorize(ctx, "benefit.measure", this.recordRoles(ctx, b));
      if (!(await store.deleteMeasurement(trx, org, id, version)))
        throw conflict("This measurement was changed by someone else; reload it");
      await this.audit.record(trx, ctx, {
        entityType: "benefit_measurement",
        entityId: id,
        action: "delete",
        before: { benefitId: m.benefit_id, period: m.period, value: Number(m.value) },
      });
    });
  }

  /**
   * Imports measurements from CSV or XLSX (columns benefit, period, value, and optionally
   * measured_on, evidence, source): every row is checked first and reported by line and column;
   * a real import writes all rows or none. A row for a month that already has a value is a problem
   * unless `onDuplicate` is `update`; two rows for one benefit and month in the file always are.
   */
  async importMeasurements(
    ctx: RequestContext,
    input: { data: Buffer; format: "csv" | "xlsx"; dryRun: boolean; onDuplicate: "reject" | "update" },
  ) {
    authorize(ctx, "benefit.read");
    if (!mayEver(ctx.actor.role, "benefit.measure")) authorize(ctx, "benefit.measure");
    const org = ctx.actor.organizationId;
    const known = ["benefit", "period", "value", "measured_on", "evidence", "source"];
    const { rows, problems } = await readSheet(input.data, input.format, (header) => [
      ...["benefit", "period", "value"]
        .filter((c) => !header.includes(c))
        .map((c) => ({ line: 1, field: c, message: "column is missing" })),
      ...header
        .filter((h) => h !== "" && !known.includes(h))
        .map((h) => ({ line: 1, field: h, message: "unknown column" })),
    ]);
    let created = 0;
    let updated = 0;
    const run = async (trx: Db) => {
      const codes = [...new Set(rows.map((r) => (r.cells.benefit ?? "").trim()).filter((c) => c !== ""))];
      const byCode = new Map<string, LoadedBenefit>();
      for (const code of codes) {
        const row = await store.findBenefitByCode(trx, org, code);
        if (row) byCode.set(code, (await this.load(trx, org, [row]))[0]!);
      }
      const seen = new Set<string>();
      const writes: {
        benefit: LoadedBenefit;
        period: string;
        value: number;
        measuredOn: string;
        evidence: string;
        source: string;
        existing?: store.MeasurementRow;
      }[] = [];
      for (const r of rows) {
        const code = (r.cells.benefit ?? "").trim();
        const period = (r.cells.period ?? "").trim();
        const valueText = (r.cells.value ?? "").trim().replace(/\s/g, "");
        const measuredOn = (r.cells.measured_on ?? "").trim() || todayOf(this.clock);
        const before = problems.length;
        const benefit = byCode.get(code);
        if (!code) problems.push({ line: r.line, field: "benefit", message: "is required" });
        else if (!benefit)
          problems.push({ line: r.line, field: "benefit", message: `no benefit has the code ${code}` });
        else if (!can(ctx, "benefit.measure", this.recordRoles(ctx, benefit)))
          problems.push({ line: r.line, field: "benefit", message: `you may not record measurements of ${code}` });
        if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(period))
          problems.push({ line: r.line, field: "period", message: "must be a month YYYY-MM" });
        const value = Number(valueText);
        if (valueText === "" || !/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(valueText) || !Number.isFinite(value))
          problems.push({ line: r.line, field: "value", message: `"${r.cells.value ?? ""}" is not a number` });
        if (!isIsoDate(measuredOn))
          problems.push({ line: r.line, field: "measured_on", message: "must be a calendar date YYYY-MM-DD" });
        if (Number.isFinite(value) && Math.abs(value) > 1e15)
          problems.push({ line: r.line, field: "value", message: "is out of range (±1e15)" });
        if ((r.cells.evidence ?? "").length > 5000)
          problems.push({ line: r.line, field: "evidence", message: "must be at most 5000 characters" });
        if ((r.cells.source ?? "").length > 500)
          problems.push({ line: r.line, field: "source", message: "must be at most 500 characters" });
        if (problems.length > before || !benefit) continue;
        try {
          this.checkMeasurable(benefit, period);
        } catch (e) {
          problems.push({
            line: r.line,
            field: "period",
            message: (e as AppError).details.fields?.[0]?.message ?? (e as Error).message,
          });
          continue;
        }
        const key = `${code}|${period}`;
        if (seen.has(key)) {
          problems.push({
            line: r.line,
            field: "period",
            message: `${code} has another row for ${period} in this file`,
          });
          continue;
        }
        seen.add(key);
        const existing = benefit.measurements.find((m) => m.period === period);
        if (existing && input.onDuplicate === "reject") {
          problems.push({
            line: r.line,
            field: "period",
            message: `${code} already has a measurement for ${period} (${existing.value}); import with onDuplicate=update to replace it`,
          });
          continue;
        }
        writes.push({
          benefit,
          period,
          value,
          measuredOn,
          evidence: r.cells.evidence ?? "",
          source: r.cells.source ?? "",
          ...(existing ? { existing } : {}),
        });
      }
      if (problems.length > 0) return;
      if (input.dryRun) {
        created = writes.filter((w) => !w.existing).length;
        updated = writes.length - created;
        return;
      }
      const at = this.clock.now().toISOString();
      for (const w of writes) {
        if (w.existing) {
          await store.updateMeasurement(trx, org, w.existing.id, w.existing.version, {
            value: w.value,
            measured_on: w.measuredOn,
            evidence: w.evidence,
            source: w.source,
            recorded_by: ctx.actor.userId,
            recorded_via: "import",
            updated_at: at,
          });
          updated++;
        } else {
          await store.insertMeasurement(trx, {
            organization_id: org,
            id: newId(),
            benefit_id: w.benefit.row.id,
            period: w.period,
            measured_on: w.measuredOn,
            value: w.value,
            evidence: w.evidence,
            source: w.source,
            recorded_by: ctx.actor.userId,
            recorded_via: "import",
            created_at: at,
            updated_at: at,
          });
          created++;
        }
      }
      await this.audit.record(trx, ctx, {
        entityType: "benefit_measurement",
        entityId: "import",
        action: "import",
        after: { rows: rows.length, created, updated },
      });
    };
    if (problems.length === 0) await inTransaction(this.db, run);
    const report = {
      dryRun: input.dryRun,
      rows: rows.length,
      created,
      updated,
      problems: problems.sort((a, b) => a.line - b.line),
    };
    if (problems.length > 0 && !input.dryRun) {
      throw new AppError("infeasible_input", `The file has ${problems.length} problems; nothing was imported`, {
        report,
      });
    }
    return report;
  }

  // ---------- tracking ----------

  async tracking(ctx: RequestContext, id: string): Promise<Tracking> {
    authorize(ctx, "benefit.read");
    const org = ctx.actor.organizationId;
    const b = await this.loadOne(this.db, org, id, { withCone: true });
    const open = await store.findActions(this.db, org, { statuses: ["open", "in_progress"], benefitIds: [id] });
    const tracking = presentTracking(b);
    return {
      ...tracking,
      recommendations: tracking.recommendations.map((r) => ({
        ...r,
        openActionId: open.find((a) => a.rule === r.rule)?.id ?? null,
      })),
    };
  }

  // ---------- hand-over ----------

  async handOver(
    ctx: RequestContext,
    id: string,
    input: {
      toUserId: string;
      projectId: string | null;
      handedOverOn?: string | undefined;
      remaining: string;
      remainingValue: number | null;
    },
  ): Promise<Benefit> {
    authorize(ctx, "benefit.read");
    const org = ctx.actor.organizationId;
    await inTransaction(this.db, async (trx) => {
      const b = await this.loadOne(trx, org, id);
      authorize(ctx, "benefit.write", this.recordRoles(ctx, b));
      const problems: FieldProblem[] = [];
      if (!(await store.findMemberIds(trx, org, [input.toUserId])).has(input.toUserId))
        problems.push({ path: "toUserId", message: "is not a member of this organization" });
      if (input.projectId && !b.projects.some((p) => p.id === input.projectId))
        problems.push({ path: "projectId", message: "is not an enabling project of this benefit" });
      if (problems.length) throw validationError(problems);
      const at = this.clock.now().toISOString();
      const handoverId = newId();
      await store.insertHandover(trx, {
        organization_id: org,
        id: handoverId,
        benefit_id: id,
        project_id: input.projectId,
        from_user_id: b.row.operational_owner_id ?? b.row.responsible_owner_id,
        to_user_id: input.toUserId,
        handed_over_on: input.handedOverOn ?? todayOf(this.clock),
        remaining: input.remaining,
        remaining_value: input.remainingValue,
        recorded_by: ctx.actor.userId,
        created_at: at,
      });
      await store.updateBenefit(trx, org, id, b.row.version, {
        operational_owner_id: input.toUserId,
        status: b.row.status === "identified" || b.row.status === "planned" ? "realizing" : b.row.status,
        updated_at: at,
      });
      await this.audit.record(trx, ctx, {
        entityType: "benefit",
        entityId: id,
        action: "hand_over",
        before: { operationalOwnerId: b.row.operational_owner_id },
        after: { operationalOwnerId: input.toUserId, remaining: input.remaining },
      });
    });
    return this.get(ctx, id);
  }

  // ---------- helpers ----------

  /** A measurement must name a month inside the benefit's life: from its baseline's month on, not in the future. */
  private checkMeasurable(b: LoadedBenefit, period: string): void {
    if (b.row.archived_at)
      throw new AppError("conflict", `${b.row.code} is archived; restore it to record measurements`);
    const today = todayOf(this.clock).slice(0, 7);
    if (period > today) throw validationError([{ path: "period", message: `${period} is in the future` }]);
    const from = b.row.baseline_date?.slice(0, 7) ?? b.profile[0]?.period ?? null;
    if (from && period < from)
      throw validationError([{ path: "period", message: `${period} is before the benefit's baseline (${from})` }]);
  }

  private resolveProfile(
    draft: Pick<CreateBenefitInput, "baselineValue" | "baselineDate" | "targetValue" | "targetDate">,
    input: ProfileInput,
    problems: FieldProblem[],
  ): ProfilePoint[] | null {
    if (input.kind === "manual") {
      const start = draft.baselineDate ?? input.points.map((p) => p.period).sort()[0];
      const end = draft.targetDate;
      if (!end) {
        problems.push({ path: "targetDate", message: "is required for a profile" });
        return null;
      }
      for (const p of checkProfile(input.points, { startDate: start ?? end, targetDate: end }))
        problems.push({ path: `profile.${p.path}`, message: p.message });
      return [...input.points].sort((a, b) => (a.period < b.period ? -1 : 1));
    }
    const missing = (["baselineValue", "targetValue", "targetDate"] as const).filter(
      (k) => draft[k] === null || draft[k] === undefined,
    );
    for (const k of missing) problems.push({ path: k, message: `is required to generate a ${input.kind} profile` });
    if (missing.length) return null;
    const end = input.end ?? (draft.targetDate as string).slice(0, 7);
    if (end !== (draft.targetDate as string).slice(0, 7))
      problems.push({ path: "profile.end", message: "must be the month of the target date" });
    if (draft.baselineDate && input.start < draft.baselineDate.slice(0, 7))
      problems.push({ path: "profile.start", message: "is before the baseline date" });
    const generated = generateProfile({
      kind: input.kind,
      baseline: draft.baselineValue as number,
      target: draft.targetValue as number,
      start: input.start,
      end,
      stepAt: input.stepAt ?? null,
    });
    if (!generated.ok) {
      for (const p of generated.problems) problems.push({ path: `profile.${p.path}`, message: p.message });
      return null;
    }
    return generated.points;
  }

  private async check(db: Db, org: string, d: Draft, problems: FieldProblem[], selfId?: string): Promise<void> {
    const categories = await store.findCategories(db, org);
    if (!categories.some((c) => c.key === d.category))
      problems.push({ path: "category", message: `unknown category ${d.category}` });
    const other = await store.findBenefitByCode(db, org, d.code);
    if (other && other.id !== selfId)
      problems.push({ path: "code", message: `${d.code} is already used by another benefit` });
    const people = [d.responsibleOwnerId, d.accountableOwnerId].filter((x): x is string => x !== null);
    const members = await store.findMemberIds(db, org, people);
    if (d.responsibleOwnerId && !members.has(d.responsibleOwnerId))
      problems.push({ path: "responsibleOwnerId", message: "is not a member of this organization" });
    if (d.accountableOwnerId && !members.has(d.accountableOwnerId))
      problems.push({ path: "accountableOwnerId", message: "is not a member of this organization" });
    const projects = new Set((await store.findProjects(db, org, d.projectIds)).map((p) => p.id));
    d.projectIds.forEach((pid, i) => {
      if (!projects.has(pid))
        problems.push({ path: `projectIds.${i}`, message: "no such project in this organization" });
    });
    const objectives = new Set(
      (
        await store.findObjectiveRows(
          db,
          org,
          d.objectives.map((o) => o.objectiveId),
        )
      ).map((o) => o.id),
    );
    const seen = new Set<string>();
    d.objectives.forEach((o, i) => {
      if (!objectives.has(o.objectiveId))
        problems.push({ path: `objectives.${i}.objectiveId`, message: "no such objective in this organization" });
      if (seen.has(o.objectiveId)) problems.push({ path: `objectives.${i}.objectiveId`, message: "is listed twice" });
      seen.add(o.objectiveId);
    });
    if (d.baselineValue !== null && d.targetValue !== null) {
      const dir = directionOf(d.baselineValue, d.targetValue);
      if (dir === null)
        problems.push({ path: "targetValue", message: "equals the baseline: a benefit must plan a change" });
      else if (dir !== d.direction)
        problems.push({
          path: "targetValue",
          message: `must be ${d.direction === "increase" ? "above" : "below"} the baseline for a benefit that should ${d.direction}`,
        });
    }
    if (d.baselineDate && d.targetDate && d.targetDate <= d.baselineDate)
      problems.push({ path: "targetDate", message: "must be after the baseline date" });
    if (d.type === "cash_releasing" && d.isDisbenefit)
      problems.push({ path: "isDisbenefit", message: "a dis-benefit cannot be cash-releasing" });
  }

  /**
   * Who may link a benefit to projects: anyone who may write every benefit, or the benefit's owner;
   * a project manager writing it as manager of an enabling project may link only projects they manage.
   */
  private async authorizeProjects(
    db: Db,
    ctx: RequestContext,
    org: string,
    projectIds: readonly string[],
    roles: readonly RecordRole[],
  ): Promise<void> {
    if (can(ctx, "benefit.write") || (roles.includes("owner") && can(ctx, "benefit.write", ["owner"]))) return;
    const projects = await store.findProjects(db, org, projectIds);
    const foreign = projects.filter((p) => p.manager_user_id !== ctx.actor.userId);
    if (foreign.length > 0)
      throw new AppError("forbidden", `You do not manage ${foreign.map((p) => p.code).join(", ")}`);
  }

  async names(items: LoadedBenefit[]): Promise<Map<string, string>> {
    return store.findUserNames(
      this.db,
      items.flatMap((b) => [b.row.responsible_owner_id, b.row.accountable_owner_id, b.row.operational_owner_id]),
    );
  }

  summary(b: LoadedBenefit, names: ReadonlyMap<string, string>): BenefitSummary {
    const r = b.row;
    const person = (id: string | null) => (id ? { id, name: names.get(id) ?? "(no longer a member)" } : null);
    return {
      id: r.id,
      code: r.code,
      title: r.title,
      type: r.type as BenefitSummary["type"],
      category: r.category,
      isDisbenefit: Boolean(r.is_disbenefit),
      status: r.status as BenefitSummary["status"],
      responsibleOwner: person(r.responsible_owner_id),
      accountableOwner: person(r.accountable_owner_id),
      operationalOwner: person(r.operational_owner_id),
      kpiName: r.kpi_name,
      unit: r.unit,
      direction: r.direction as BenefitSummary["direction"],
      frequency: r.frequency as BenefitSummary["frequency"],
      baselineValue: r.baseline_value === null ? null : Number(r.baseline_value),
      targetValue: r.target_value === null ? null : Number(r.target_value),
      targetDate: r.target_date,
      latestActual: b.computed.latest,
      realizationPct: b.computed.realizationPct === null ? null : round(b.computed.realizationPct, 2),
      trackingStatus: b.computed.status,
      measurementOverdue: b.computed.schedule?.isOverdue ?? false,
      projects: b.projects.map((p) => ({ id: p.id, code: p.code, name: p.name, status: p.status })),
      objectives: b.objectives,
      archivedAt: r.archived_at,
      updatedAt: r.updated_at,
      version: r.version,
    };
  }

  async present(db: Db, ctx: RequestContext, b: LoadedBenefit): Promise<Benefit> {
    const org = ctx.actor.organizationId;
    const handovers = await store.findHandovers(db, org, b.row.id);
    const names = await store.findUserNames(db, [
      b.row.responsible_owner_id,
      b.row.accountable_owner_id,
      b.row.operational_owner_id,
      ...handovers.flatMap((h) => [h.from_user_id, h.to_user_id]),
    ]);
    const person = (id: string | null) => (id ? { id, name: names.get(id) ?? "(no longer a member)" } : null);
    const r = b.row;
    const roles = this.recordRoles(ctx, b);
    return {
      ...this.summary(b, names),
      description: r.description,
      method: r.method,
      dataSource: r.data_source,
      baselineDate: r.baseline_date,
      toleranceKind: r.tolerance_kind as Benefit["toleranceKind"],
      toleranceValue: Number(r.tolerance_value),
      valuePerUnitCents: r.value_per_unit_cents === null ? null : Number(r.value_per_unit_cents),
      businessChange: r.business_change,
      beneficiaries: r.beneficiaries,
      attributionNote: r.attribution_note,
      profile: b.profile,
      doam: assessDoam({
        title: r.title,
        description: r.description,
        measure: {
          kpiName: r.kpi_name,
          unit: r.unit,
          method: r.method,
          dataSource: r.data_source,
          frequency: r.frequency,
        },
        baseline: { value: r.baseline_value, date: r.baseline_date },
        target: { value: r.target_value, date: r.target_date },
        direction: r.direction,
        enablingProjectCount: b.projects.length,
        beneficiaries: r.beneficiaries,
        attributionNote: r.attribution_note,
        businessChangeDescribed: r.business_change.trim().length > 0,
      }),
      handovers: handovers.map((h) => ({
        id: h.id,
        projectId: h.project_id,
        from: person(h.from_user_id),
        to: person(h.to_user_id),
        handedOverOn: h.handed_over_on,
        remaining: h.remaining,
        remainingValue: h.remaining_value === null ? null : Number(h.remaining_value),
        createdAt: h.created_at,
      })),
      createdAt: r.created_at,
      permissions: {
        edit: !r.archived_at && can(ctx, "benefit.write", roles),
        measure: !r.archived_at && can(ctx, "benefit.measure", roles),
      },
    };
  }
}

export function presentTracking(b: LoadedBenefit): Tracking {
  const c = b.computed;
  const rows = c.tracking?.rows ?? [];
  const band = c.band;
  const s = c.tracking?.direction === "decrease" ? -1 : 1;
  const actualOnly = c.tracking
    ? []
    : b.measurements.map((m) => ({ period: m.period, planned: null, actual: Number(m.value) }));
  return {
    benefitId: b.row.id,
    periods: c.tracking
      ? rows.map((row) => ({
          period: row.period,
          planned: round(row.planned, 6),
          actual: row.actual,
          cumulativePlanned: round(row.cumulativePlanned, 6),
          cumulativeActual: round(row.cumulativeActual, 6),
          variance: row.variance === null ? null : round(row.variance, 6),
          // The band lies on the behind side of the plan only: being ahead never breaks tolerance.
          low: round(s > 0 ? row.planned - band : row.planned, 6),
          high: round(s > 0 ? row.planned : row.planned + band, 6),
        }))
      : actualOnly.map((a) => ({
          ...a,
          cumulativePlanned: null,
          cumulativeActual: null,
          variance: null,
          low: null,
          high: null,
        })),
    realizationPct: c.realizationPct === null ? null : round(c.realizationPct, 2),
    status: c.status,
    forecast: c.cone
      ? {
          value: round(c.cone.value, 6),
          low: round(c.cone.low, 6),
          high: round(c.cone.high, 6),
          probabilityOfTarget: round(c.cone.probabilityOfTarget, 4),
          method: c.cone.method,
          atPeriod: c.cone.atPeriod,
          points: c.cone.points.map((p) => ({
            period: p.period,
            value: round(p.value, 6),
            low: round(p.low, 6),
            high: round(p.high, 6),
          })),
        }
      : null,
    earlyWarning: c.earlyWarning,
    overdue: c.schedule?.isOverdue ?? false,
    nextDue: c.schedule?.nextDue?.dueDate ?? null,
    warnings: [
      ...c.warnings,
      ...(c.earlyWarning
        ? [
            "Early warning: the forecast misses the target by more than the tolerance, although the latest value is still within it.",
          ]
        : []),
      ...(c.schedule?.isOverdue
        ? [`Measurement overdue for ${c.schedule.overdue.map((o) => o.period).join(", ")}`]
        : []),
    ],
    recommendations: c.recommendations.map((r) => ({
      rule: r.rule,
      severity: r.severity,
      reason: r.reason,
      suggestedAction: r.suggestedAction,
      openActionId: null,
    })),
    risk: {
      exposure: round(c.risk.exposure, 6),
      expectedRealizationPct: c.risk.expectedRealizationPct === null ? null : round(c.risk.expectedRealizationPct, 2),
    },
  };
}

export function presentMeasurement(m: store.MeasurementRow): Measurement {
  return {
    id: m.id,
    benefitId: m.benefit_id,
    period: m.period,
    measuredOn: m.measured_on,
    value: Number(m.value),
    evidence: m.evidence,
    source: m.source,
    recordedBy: m.recorded_by ? { id: m.recorded_by, name: m.recorded_by_name ?? "(no longer a member)" } : null,
    recordedVia: m.recorded_via as Measurement["recordedVia"],
    createdAt: m.created_at,
    updatedAt: m.updated_at,
    version: m.version,
  };
}

function draftOf(b: LoadedBenefit): Draft {
  const r = b.row;
  return {
    code: r.code,
    title: r.title,
    description: r.description,
    type: r.type as Draft["type"],
    category: r.category,
    isDisbenefit: Boolean(r.is_disbenefit),
    responsibleOwnerId: r.responsible_owner_id,
    accountableOwnerId: r.accountable_owner_id,
    kpiName: r.kpi_name,
    unit: r.unit,
    direction: r.direction as Draft["direction"],
    method: r.method,
    dataSource: r.data_source,
    frequency: r.frequency as Draft["frequency"],
    baselineValue: r.baseline_value === null ? null : Number(r.baseline_value),
    baselineDate: r.baseline_date,
    targetValue: r.target_value === null ? null : Number(r.target_value),
    targetDate: r.target_date,
    toleranceKind: r.tolerance_kind as Draft["toleranceKind"],
    toleranceValue: Number(r.tolerance_value),
    valuePerUnitCents: r.value_per_unit_cents === null ? null : Number(r.value_per_unit_cents),
    status: r.status as Draft["status"],
    businessChange: r.business_change,
    beneficiaries: r.beneficiaries,
    attributionNote: r.attribution_note,
    projectIds: b.projects.map((p) => p.id),
    objectives: b.objectives.map((o) => ({ objectiveId: o.id, weight: o.weight })),
    profile: b.profile.length ? b.profile : null,
  };
}

function columnsOf(d: Draft) {
  return {
    code: d.code,
    title: d.title,
    description: d.description,
    type: d.type,
    category: d.category,
    is_disbenefit: d.isDisbenefit ? 1 : 0,
    responsible_owner_id: d.responsibleOwnerId,
    accountable_owner_id: d.accountableOwnerId,
    kpi_name: d.kpiName,
    unit: d.unit,
    direction: d.direction,
    method: d.method,
    data_source: d.dataSource,
    frequency: d.frequency,
    baseline_value: d.baselineValue,
    baseline_date: d.baselineDate,
    target_value: d.targetValue,
    target_date: d.targetDate,
    tolerance_kind: d.toleranceKind,
    tolerance_value: d.toleranceValue,
    value_per_unit_cents: d.valuePerUnitCents,
    status: d.status,
    business_change: d.businessChange,
    beneficiaries: d.beneficiaries,
    attribution_note: d.attributionNote,
  };
}

function snapshot(d: Draft): Record<string, unknown> {
  return { ...d, projectIds: [...d.projectIds].sort(), profile: d.profile ?? [] };
}

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

function encodeCodeCursor(code: string): string {
  return Buffer.from(JSON.stringify([code]), "utf8").toString("base64url");
}

function decodeCodeCursor(cursor: string): string {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown;
    if (Array.isArray(parsed) && typeof parsed[0] === "string") return parsed[0];
  } catch {
    // fall through to the validation error
  }
  throw validationError([{ path: "cursor", message: "is not a cursor this API returned" }]);
}

function stripUndefined<T extends object>(o: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]: Exclude<T[K], undefined>;
  };
}
