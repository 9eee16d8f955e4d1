import type { RecordRole } from "../../../domain/identity/permissions.js";
import { type GoalDirection, trackGoal } from "../../../domain/strategy/goal-progress.js";
import { assessSmart, type SmartAssessment } from "../../../domain/strategy/smart.js";
import { authorize } from "../../platform/authorize.js";
import type { Clock } from "../../platform/clock.js";
import type { RequestContext } from "../../platform/context.js";
import { type Db, inTransaction } from "../../platform/db/database.js";
import { conflict, type FieldProblem, notFound, validationError } from "../../platform/errors.js";
import { newId } from "../../platform/ids.js";
import type { AuditService } from "../audit/audit.service.js";
import type { CheckIn, CreateCheckInInput, CreateGoalInput, Goal, UpdateGoalInput } from "./strategy.schema.js";
import * as store from "./strategy.store.js";

type Draft = CreateGoalInput;

/** A benefit as a goal's data source: its label and its measurements as dated readings. */
export type BenefitSource = {
  code: string;
  title: string;
  readings: {
    id: string;
    date: string;
    value: number;
    recordedBy: string | null;
    recordedByName: string | null;
    createdAt: string;
  }[];
};
/** Reads benefits for goals (the benefits module provides it; the composition root wires it). */
export type BenefitSourceReader = (
  db: Db,
  org: string,
  benefitIds: readonly string[],
) => Promise<Map<string, BenefitSource>>;

/** Goals (KPIs) on objectives, projects or the PMO: SMART assessment, check-ins and tracking. */
export class GoalService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly benefitSource: BenefitSourceReader = async () => new Map(),
  ) {}

  private today(): string {
    return this.clock.now().toISOString().slice(0, 10);
  }

  async list(
    ctx: RequestContext,
    filter: {
      level?: string | undefined;
      objectiveId?: string | undefined;
      projectId?: string | undefined;
      status?: string | undefined;
    },
  ): Promise<Goal[]> {
    authorize(ctx, "strategy.read");
    const org = ctx.actor.organizationId;
    const rows = await store.findGoals(this.db, org, filter);
    return this.present(this.db, org, rows);
  }

  async get(ctx: RequestContext, id: string): Promise<Goal> {
    authorize(ctx, "strategy.read");
    const row = await store.findGoal(this.db, ctx.actor.organizationId, id);
    if (!row) throw notFound("Goal", id);
    const [goal] = await this.present(this.db, ctx.actor.organizationId, [row]);
    return goal as Goal;
  }

  /** SMART verdicts for a draft without saving it (the same pure function the browser runs). */
  async assess(ctx: RequestContext, draft: Draft): Promise<SmartAssessment> {
    authorize(ctx, "strategy.read");
    const org = ctx.actor.organizationId;
    const objective = draft.objectiveId ? await store.findObjective(this.db, org, draft.objectiveId) : undefined;
    const history = await store.findFinishedGoalHistory(this.db, org);
    return this.smartOf(draft, objective, history);
  }

  private smartOf(
    d: Draft,
    objective: store.ObjectiveRow | undefined,
    history: Awaited<ReturnType<typeof store.findFinishedGoalHistory>>,
  ): SmartAssessment {
    return assessSmart(
      {
        title: d.title,
        metricName: d.metricName,
        unit: d.unit,
        direction: d.direction,
        baseline: { value: d.baselineValue, date: d.baselineDate },
        target: { value: d.targetValue, date: d.targetDate },
        tolerance: d.tolerance,
        owner: d.ownerId,
        scope: d.scope,
      },
      {
        asOf: this.today(),
        objective: objective
          ? {
              kind: objective.kind,
              status: objective.status,
              weight: Number(objective.weight),
              horizonStart: objective.horizon_start,
              horizonEnd: objective.horizon_end,
            }
          : null,
        history,
      },
    );
  }

  private async present(db: Db, org: string, rows: store.GoalRow[]): Promise<Goal[]> {
    if (rows.length === 0) return [];
    const [checkIns, objectives, history, sources] = await Promise.all([
      store.findCheckIns(
        db,
        org,
        rows.map((r) => r.id),
      ),
      store.findObjectives(db, org),
      store.findFinishedGoalHistory(db, org),
      this.benefitSource(
        db,
        org,
        rows.flatMap((r) => (r.data_source_benefit_id ? [r.data_source_benefit_id] : [])),
      ),
    ]);
    const byGoal = new Map<string, { date: string; value: number }[]>();
    for (const c of checkIns)
      byGoal.set(c.goal_id, [...(byGoal.get(c.goal_id) ?? []), { date: c.date, value: Number(c.value) }]);
    // A goal that follows a benefit reads that benefit's measurements instead of its own check-ins.
    for (const r of rows) {
      const source = r.data_source_benefit_id ? sources.get(r.data_source_benefit_id) : undefined;
      if (source)
        byGoal.set(
          r.id,
          source.readings.map((m) => ({ date: m.date, value: m.value })),
        );
    }
    const objectiveById = new Map(objectives.map((o) => [o.id, o]));
    const today = this.today();
    return rows.map((r) => {
      const draft = draftOf(r);
      const tracked =
        r.baseline_value !== null && r.baseline_date && r.target_value !== null && r.target_date
          ? trackGoal(
              {
                direction: r.direction as GoalDirection,
                baseline: { value: Number(r.baseline_value), date: r.baseline_date },
                target: { value: Number(r.target_value), date: r.target_date },
                tolerance: r.tolerance === null ? null : Number(r.tolerance),
                milestones: draft.milestones,
              },
              byGoal.get(r.id) ?? [],
              today,
            )
          : null;
      return {
        id: r.id,
        level: r.level as Goal["level"],
        objectiveId: r.objective_id,
        objectiveTitle: r.objective_title,
        projectId: r.project_id,
        projectCode: r.project_code,
        title: r.title,
        description: r.description,
        scope: r.scope,
        metricName: r.metric_name,
        unit: r.unit,
        direction: r.direction as Goal["direction"],
        baselineValue: r.baseline_value === null ? null : Number(r.baseline_value),
        baselineDate: r.baseline_date,
        targetValue: r.target_value === null ? null : Number(r.target_value),
        targetDate: r.target_date,
        tolerance: r.tolerance === null ? null : Number(r.tolerance),
        milestones: draft.milestones,
        ownerId: r.owner_user_id,
        ownerName: r.owner_name,
        status: r.status as Goal["status"],
        dataSource: (() => {
          const source = r.data_source_benefit_id ? sources.get(r.data_source_benefit_id) : undefined;
          return source && r.data_source_benefit_id
            ? { benefitId: r.data_source_benefit_id, code: source.code, title: source.title }
            : null;
        })(),
        smart: this.smartOf(draft, r.objective_id ? objectiveById.get(r.objective_id) : undefined, history),
        tracking: tracked
          ? {
              current: tracked.current,
              currentDate: tracked.currentDate,
              progressPct: tracked.progress,
              expectedPct: tracked.expected,
              status: tracked.status,
              onTrack: tracked.current === null ? null : tracked.onTrack,
            }
          : {
              current: null,
              currentDate: null,
              progressPct: null,
              expectedPct: null,
              status: "not_measurable",
              onTrack: null,
            },
        createdAt: r.created_at,
        updatedAt: r.updated_at,
        version: r.version,
      };
    });
  }

  private async check(db: Db, org: string, d: Draft): Promise<void> {
    const problems: FieldProblem[] = [];
    if (d.objectiveId && !(await store.findObjective(db, org, d.objectiveId)))
      problems.push({ path: "objectiveId", message: "no such objective in this organization" });
    if (d.projectId && !(await store.projectExists(db, org, d.projectId)))
      problems.push({ path: "projectId", message: "no such project in this organization" });
    if (d.level === "project" && !d.projectId)
      problems.push({ path: "projectId", message: "a project goal names its project" });
    if (d.level !== "project" && d.projectId)
      problems.push({ path: "level", message: "a goal on a project has level project" });
    if (d.ownerId && !(await store.memberIds(db, org, [d.ownerId])).has(d.ownerId))
      problems.push({ path: "ownerId", message: "is not a member of this organization" });
    if (d.baselineDate && d.targetDate && d.targetDate <= d.baselineDate)
      problems.push({ path: "targetDate", message: "must be after the baseline date" });
    if (
      d.dataSourceBenefitId &&
      !(await this.benefitSource(db, org, [d.dataSourceBenefitId])).has(d.dataSourceBenefitId)
    )
      problems.push({ path: "dataSourceBenefitId", message: "no such benefit in this organization" });
    d.milestones.forEach((m, i) => {
      if ((d.baselineDate && m.date <= d.baselineDate) || (d.targetDate && m.date >= d.targetDate))
        problems.push({ path: `milestones.${i}.date`, message: "must lie between the baseline and target dates" });
    });
    if (problems.length) throw validationError(problems);
  }

  /** The caller's relation to a goal, for "own" grants: owner, or manager of its project. */
  private async rolesOn(db: Db, ctx: RequestContext, d: Draft): Promise<RecordRole[]> {
    const roles: RecordRole[] = [];
    if (ctx.actor.userId && d.ownerId === ctx.actor.userId) roles.push("owner");
    if (d.projectId && ctx.actor.userId) {
      const p = await store.projectExists(db, ctx.actor.organizationId, d.projectId);
      if (p?.manager_user_id === ctx.actor.userId) roles.push("manager");
    }
    return roles;
  }

  async create(ctx: RequestContext, input: CreateGoalInput): Promise<Goal> {
    const org = ctx.actor.organizationId;
    // Creating needs "all", or managing the goal's project: naming oneself owner of a new
    // organization-level goal is not enough.
    const roles = (await this.rolesOn(this.db, ctx, input)).filter((r) => r === "manager");
    authorize(ctx, "goal.write", roles);
    const id = newId();
    await inTransaction(this.db, async (trx) => {
      await this.check(trx, org, input);
      const at = this.clock.now().toISOString();
      await store.insertGoal(trx, { organization_id: org, id, ...rowOf(input), created_at: at, updated_at: at });
      await this.audit.record(trx, ctx, { entityType: "goal", entityId: id, action: "create", after: input });
    });
    return this.get(ctx, id);
  }

  async update(ctx: RequestContext, id: string, input: UpdateGoalInput): Promise<Goal> {
    const org = ctx.actor.organizationId;
    await inTransaction(this.db, async (trx) => {
      const row = await store.findGoal(trx, org, id);
      if (!row) throw notFound("Goal", id);
      const before = draftOf(row);
      authorize(ctx, "goal.write", await this.rolesOn(trx, ctx, before));
      if (row.version !== input.version) {
        const [current] = await this.present(trx, org, [row]);
        throw conflict("This goal was changed by someone else", current);
      }
      const { version, ...changes } = input;
      const after = {
        ...before,
        ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)),
      } as Draft;
      // The caller must hold the right on the goal as it will be too (e.g. not move it onto a
      // project someone else manages).
      authorize(ctx, "goal.write", await this.rolesOn(trx, ctx, after));
      await this.check(trx, org, after);
      const ok = await store.updateGoalRow(trx, org, id, version, {
        ...rowOf(after),
        updated_at: this.clock.now().toISOString(),
      });
      if (!ok) throw conflict("This goal was changed by someone else");
      await this.audit.record(trx, ctx, { entityType: "goal", entityId: id, action: "update", before, after });
    });
    return this.get(ctx, id);
  }

  async listCheckIns(ctx: RequestContext, goalId: string): Promise<CheckIn[]> {
    authorize(ctx, "strategy.read");
    const org = ctx.actor.organizationId;
    const goal = await store.findGoal(this.db, org, goalId);
    if (!goal) throw notFound("Goal", goalId);
    if (goal.data_source_benefit_id) {
      const source = (await this.benefitSource(this.db, org, [goal.data_source_benefit_id])).get(
        goal.data_source_benefit_id,
      );
      return (source?.readings ?? []).map((m) => ({
        id: m.id,
        goalId,
        date: m.date,
        value: m.value,
        note: `Measurement of benefit ${source?.code ?? ""}`.trim(),
        recordedBy: m.recordedBy,
        recordedByName: m.recordedByName,
        createdAt: m.createdAt,
      }));
    }
    return (await store.findCheckIns(this.db, org, [goalId])).map(toCheckIn);
  }

  async checkIn(ctx: RequestContext, goalId: string, input: CreateCheckInInput): Promise<CheckIn> {
    const org = ctx.actor.organizationId;
    const row = await store.findGoal(this.db, org, goalId);
    if (!row) throw notFound("Goal", goalId);
    authorize(ctx, "goal.check_in", await this.rolesOn(this.db, ctx, draftOf(row)));
    if (row.data_source_benefit_id)
      throw conflict("This goal follows a benefit's measurements; record the value as a measurement of that benefit");
    if (input.date > this.today()) throw validationError([{ path: "date", message: "cannot be in the future" }]);
    if (row.baseline_date && input.date < row.baseline_date)
      throw validationError([{ path: "date", message: `cannot be before the baseline date ${row.baseline_date}` }]);
    const id = newId();
    await inTransaction(this.db, async (trx) => {
      const at = this.clock.now().toISOString();
      await store.insertCheckIn(trx, {
        organization_id: org,
        id,
        goal_id: goalId,
        date: input.date,
        value: input.value,
        note: input.note,
        recorded_by: ctx.actor.userId,
        created_at: at,
      });
      await this.audit.record(trx, ctx, {
        entityType: "goal",
        entityId: goalId,
        action: "check_in",
        changes: { checkIn: { before: null, after: { date: input.date, value: input.value } } },
      });
    });
    const created = (await store.findCheckIns(this.db, org, [goalId])).find((c) => c.id === id);
    return toCheckIn(created as store.CheckInRow);
  }
}

function draftOf(r: store.GoalRow): Draft {
  return {
    level: r.level as Draft["level"],
    objectiveId: r.objective_id,
    projectId: r.project_id,
    title: r.title,
    description: r.description,
    scope: r.scope,
    metricName: r.metric_name,
    unit: r.unit,
    direction: r.direction as Draft["direction"],
    baselineValue: r.baseline_value === null ? null : Number(r.baseline_value),
    baselineDate: r.baseline_date,
    targetValue: r.target_value === null ? null : Number(r.target_value),
    targetDate: r.target_date,
    tolerance: r.tolerance === null ? null : Number(r.tolerance),
    milestones: JSON.parse(r.milestones) as Draft["milestones"],
    ownerId: r.owner_user_id,
    status: r.status as Draft["status"],
    dataSourceBenefitId: r.data_source_benefit_id ?? null,
  };
}

function rowOf(d: Draft) {
  return {
    level: d.level,
    objective_id: d.objectiveId,
    project_id: d.projectId,
    title: d.title,
    description: d.description,
    scope: d.scope,
    metric_name: d.metricName,
    unit: d.unit,
    direction: d.direction,
    baseline_value: d.baselineValue,
    baseline_date: d.baselineDate,
    target_value: d.targetValue,
    target_date: d.targetDate,
    tolerance: d.tolerance,
    milestones: JSON.stringify([...d.milestones].sort((a, b) => a.date.localeCompare(b.date))),
    owner_user_id: d.ownerId,
    status: d.status,
    data_source_benefit_id: d.dataSourceBenefitId,
  };
}

function toCheckIn(c: store.CheckInRow): CheckIn {
  return {
    id: c.id,
    goalId: c.goal_id,
    date: c.date,
    value: Number(c.value),
    note: c.note,
    recordedBy: c.recorded_by,
    recordedByName: c.recorded_by_name,
    createdAt: c.created_at,
  };
}
