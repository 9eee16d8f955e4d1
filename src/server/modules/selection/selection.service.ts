import { toCplexLp } from "../../../domain/selection/cplex-lp.js";
import { buildSelectionModel } from "../../../domain/selection/selection-model.js";
import { addMonths, daysInMonth, periodOf } from "../../../domain/shared/period.js";
import { authorize, can } from "../../platform/authorize.js";
import type { Clock } from "../../platform/clock.js";
import type { RequestContext } from "../../platform/context.js";
import type { Db, Engine } from "../../platform/db/database.js";
import { inTransaction } from "../../platform/db/database.js";
import { AppError, conflict, type FieldProblem, notFound, validationError } from "../../platform/errors.js";
import { newId, sha256 } from "../../platform/ids.js";
import type { AuditService } from "../audit/audit.service.js";
import { DecisionService } from "../meetings/decision.service.js";
import { ProjectService } from "../portfolio/project.service.js";
import type { AnalysisProgress } from "./analysis.types.js";
import { presentRun } from "./run-result.js";
import { analyzeScenario } from "./scenario-analysis.js";
import { type AssembledScenario, assembleScenario, type ScenarioSettings } from "./scenario-inputs.js";
import {
  CandidateSettingSchema,
  type CommitScenarioInput,
  type Comparison,
  type CreateScenarioInput,
  type Run,
  type RunResult,
  RunResultSchema,
  type Scenario,
  ScenarioConstraintsSchema,
  type ScenarioRunSummary,
  type ScenarioSummary,
  SolverSettingsSchema,
  type StartRunInput,
  type UpdateScenarioInput,
} from "./selection.schema.js";
import * as store from "./selection.store.js";

/** A run in this process: its cancel switch, latest progress and the promise that settles when it is stored. */
type LiveRun = { controller: AbortController; progress: AnalysisProgress | null; done: Promise<void> };

/** A run no process has finished after this long is taken as interrupted. */
const ABANDONED_AFTER_MS = 6 * 60 * 60 * 1000;

/**
 * Portfolio selection: scenarios on a portfolio, solver runs with progress and cancel, the
 * explanations of each run, comparisons, the CPLEX-LP download and the commit that approves a
 * scenario's portfolio and records the steering decision.
 */
export class SelectionService {
  private readonly live = new Map<string, LiveRun>();

  constructor(
    private readonly db: Db,
    private readonly engine: Engine,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    /** NPV of each project's business case (the benefits module provides it; wired by the composition root). */
    private readonly npvs: (db: Db, org: string) => Promise<Map<string, number>> = async () => new Map(),
  ) {}

  // ---------- scenarios ----------

  async list(ctx: RequestContext, portfolioId?: string): Promise<{ items: ScenarioSummary[] }> {
    authorize(ctx, "selection.read");
    const org = ctx.actor.organizationId;
    const rows = await store.findScenarios(this.db, org, portfolioId);
    const latest = await store.findLatestRuns(
      this.db,
      org,
      rows.map((r) => r.id),
    );
    return { items: rows.map((r) => this.summary(r, latest.get(r.id) ?? null, null)) };
  }

  async get(ctx: RequestContext, id: string): Promise<Scenario> {
    authorize(ctx, "selection.read");
    return this.present(this.db, ctx, await this.scenarioRow(this.db, ctx.actor.organizationId, id));
  }

  async create(ctx: RequestContext, input: CreateScenarioInput): Promise<Scenario> {
    authorize(ctx, "selection.write");
    const org = ctx.actor.organizationId;
    const id = newId();
    await inTransaction(this.db, async (trx) => {
      const portfolio = await store.findPortfolio(trx, org, input.portfolioId);
      if (!portfolio)
        throw validationError([{ path: "portfolioId", message: "no such portfolio in this organization" }]);
      if (portfolio.archived_at) throw validationError([{ path: "portfolioId", message: "the portfolio is archived" }]);
      const settings: ScenarioSettings = { ...input };
      await this.check(trx, org, input.portfolioId, settings);
      const at = this.clock.now().toISOString();
      await store.insertScenario(trx, {
        organization_id: org,
        id,
        portfolio_id: input.portfolioId,
        name: input.name,
        description: input.description,
        ...this.settingColumns(settings),
        created_by: ctx.actor.userId,
        created_at: at,
        updated_at: at,
      });
      await this.audit.record(trx, ctx, {
        entityType: "selection_scenario",
        entityId: id,
        action: "create",
        after: { name: input.name, portfolioId: input.portfolioId, ...settingsSnapshot(settings) },
      });
    });
    return this.get(ctx, id);
  }

  async update(ctx: RequestContext, id: string, input: UpdateScenarioInput): Promise<Scenario> {
    authorize(ctx, "selection.write");
    const org = ctx.actor.organizationId;
    await inTransaction(this.db, async (trx) => {
      const row = await this.scenarioRow(trx, org, id);
      if (row.version !== input.version) {
        throw conflict(
          `This scenario was changed by someone else (you edited version ${input.version}, the current one is ${row.version})`,
          await this.present(trx, ctx, row),
        );
      }
      if (row.status === "committed") {
        throw new AppError("conflict", "This scenario is committed; copy it to explore changes");
      }
      const before = settingsOf(row);
      const { version, name, description, ...changes } = input;
      const after: ScenarioSettings = { ...before, ...stripUndefined(changes) };
      await this.check(trx, org, row.portfolio_id, after);
      const nextName = name ?? row.name;
      const nextDescription = description ?? row.description;
      const beforeSnap = { name: row.name, description: row.description, ...settingsSnapshot(before) };
      const afterSnap = { name: nextName, description: nextDescription, ...settingsSnapshot(after) };
      if (JSON.stringify(beforeSnap) === JSON.stringify(afterSnap)) return;
      const ok = await store.updateScenario(trx, org, id, version, {
        name: nextName,
        description: nextDescription,
        ...this.settingColumns(after),
        updated_at: this.clock.now().toISOString(),
      });
      if (!ok) throw conflict("This scenario was changed by someone else; reload it");
      await this.audit.record(trx, ctx, {
        entityType: "selection_scenario",
        entityId: id,
        action: "update",
        before: beforeSnap,
        after: afterSnap,
      });
    });
    return this.get(ctx, id);
  }

  async copy(ctx: RequestContext, id: string, name: string): Promise<Scenario> {
    authorize(ctx, "selection.write");
    const org = ctx.actor.organizationId;
    const row = await this.scenarioRow(this.db, org, id);
    const settings = settingsOf(row);
    return this.create(ctx, {
      ...settings,
      candidateStatuses: settings.candidateStatuses as CreateScenarioInput["candidateStatuses"],
      candidates: [...settings.candidates],
      name,
      description: row.description,
      portfolioId: row.portfolio_id,
    });
  }

  async remove(ctx: RequestContext, id: string, version: number): Promise<void> {
    authorize(ctx, "selection.write");
    const org = ctx.actor.organizationId;
    await inTransaction(this.db, async (trx) => {
      const row = await this.scenarioRow(trx, org, id);
      this.checkVersion(row, version);
      if (row.status === "committed") {
        throw new AppError("conflict", "A committed scenario is the record of a decision and cannot be deleted");
      }
      for (const [runId, run] of this.live) {
        const r = await store.findRun(trx, org, runId);
        if (r?.scenario_id === id) run.controller.abort();
      }
      if (!(await store.deleteScenario(trx, org, id, version)))
        throw conflict("This scenario was changed by someone else");
      await this.audit.record(trx, ctx, {
        entityType: "selection_scenario",
        entityId: id,
        action: "delete",
        before: { name: row.name, portfolioId: row.portfolio_id },
      });
    });
  }

  /** The scenario's MILP as CPLEX-LP text, to check in any solver. */
  async modelLp(ctx: RequestContext, id: string): Promise<{ filename: string; text: string }> {
    authorize(ctx, "selection.read");
    const org = ctx.actor.organizationId;
    const row = await this.scenarioRow(this.db, org, id);
    const assembled = await this.assemble(this.db, org, row.portfolio_id, settingsOf(row));
    if (assembled.problems.length > 0) throw validationError(assembled.problems);
    const built = buildSelectionModel(assembled.scenario);
    if (!built.ok) throw validationError(built.problems.map((p) => ({ path: p.field, message: p.message })));
    const slug =
      row.name
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-|-$/g, "") || "scenario";
    const header = `\\ Throughline portfolio-selection scenario "${row.name}" (${id})\n\\ Horizon ${assembled.months[0]} … ${assembled.months.at(-1)}; money in currency units, capacity in ${row.capacity_unit}\n`;
    return { filename: `${slug}.lp`, text: header + toCplexLp(built.model) };
  }

  // ---------- runs ----------

  /** Validates the scenario, stores a running run and starts the solve in the background. */
  async startRun(ctx: RequestContext, id: string, input: StartRunInput = {}): Promise<Run> {
    authorize(ctx, "selection.write");
    const org = ctx.actor.organizationId;
    const row = await this.scenarioRow(this.db, org, id);
    const settings = settingsOf(row);
    const assembled = await this.assemble(this.db, org, row.portfolio_id, settings);
    if (assembled.problems.length > 0) throw validationError(assembled.problems);
    const solver = { ...settings.solver, ...stripUndefined(input) };
    const runId = newId();
    const at = this.clock.now().toISOString();
    await store.insertRun(this.db, {
      organization_id: org,
      id: runId,
      scenario_id: id,
      status: "running",
      message: null,
      fingerprint: fingerprintOf(assembled),
      settings: JSON.stringify(solver),
      value: null,
      gap_pct: null,
      selected_count: null,
      result: null,
      requested_by: ctx.actor.userId,
      started_at: at,
      finished_at: null,
    });
    const controller = new AbortController();
    const liveRun: LiveRun = { controller, progress: null, done: Promise.resolve() };
    this.live.set(runId, liveRun);
    liveRun.done = this.execute(org, runId, settings, assembled, solver, liveRun).finally(() => {
      this.live.delete(runId);
    });
    return this.getRun(ctx, runId);
  }

  private async execute(
    org: string,
    runId: string,
    settings: ScenarioSettings,
    assembled: AssembledScenario,
    solver: ScenarioSettings["solver"],
    liveRun: LiveRun,
  ): Promise<void> {
    let status: Run["status"] = "error";
    let message: string | null = null;
    let result: RunResult | null = null;
    try {
      const analysis = await analyzeScenario(assembled.scenario, {
        timeLimitSeconds: solver.timeLimitSeconds,
        mipRelGap: solver.gapPct / 100,
        explain: solver.explain,
        signal: liveRun.controller.signal,
        onProgress: (p) => {
          liveRun.progress = p;
        },
      });
      const present = await this.presentContext(org, settings, assembled);
      result = presentRun(analysis, present);
      status = analysis.status;
      message = analysis.message ?? null;
    } catch (error) {
      message = `The solver failed: ${(error as Error).message}`;
    }
    try {
      await store.finishRun(this.db, org, runId, {
        status,
        message,
        result: result ? JSON.stringify(result) : null,
        value:
          result && result.selected.length + result.notSelected.length > 0 && result.objective !== null
            ? result.value
            : null,
        gap_pct: result?.gapPct ?? null,
        selected_count: result && result.objective !== null ? result.selected.length : null,
        finished_at: this.clock.now().toISOString(),
      });
    } catch {
      // The database went away (shutdown, the scenario was deleted): nothing left to record.
    }
  }

  async listRuns(ctx: RequestContext, scenarioId: string): Promise<{ items: ScenarioRunSummary[] }> {
    authorize(ctx, "selection.read");
    const org = ctx.actor.organizationId;
    const row = await this.scenarioRow(this.db, org, scenarioId);
    const current = await this.currentFingerprint(this.db, org, row);
    const runs = await store.findRuns(this.db, org, scenarioId);
    return { items: runs.map((r) => runSummary(r, current)) };
  }

  async getRun(ctx: RequestContext, runId: string): Promise<Run> {
    authorize(ctx, "selection.read");
    const org = ctx.actor.organizationId;
    await this.failAbandoned(org);
    const run = await store.findRun(this.db, org, runId);
    if (!run) throw notFound("Run", runId);
    const scenario = await this.scenarioRow(this.db, org, run.scenario_id);
    const current = await this.currentFingerprint(this.db, org, scenario);
    const liveRun = this.live.get(runId);
    return {
      id: run.id,
      scenarioId: run.scenario_id,
      status: run.status as Run["status"],
      message: run.message,
      requestedBy: run.requested_by,
      requestedByName: run.requested_by_name ?? null,
      startedAt: run.started_at,
      finishedAt: run.finished_at,
      stale: current !== null && current !== run.fingerprint,
      progress: run.status === "running" ? (liveRun?.progress ?? null) : null,
      result: run.result ? RunResultSchema.parse(JSON.parse(run.result)) : null,
    };
  }

  async cancelRun(ctx: RequestContext, runId: string): Promise<Run> {
    authorize(ctx, "selection.write");
    const org = ctx.actor.organizationId;
    const run = await store.findRun(this.db, org, runId);
    if (!run) throw notFound("Run", runId);
    const liveRun = this.live.get(runId);
    if (run.status === "running") {
      if (liveRun) {
        liveRun.controller.abort();
        await liveRun.done;
      } else {
        // Another process runs it, or none does any more: record the stop so nobody waits for it.
        await store.finishRun(this.db, org, runId, {
          status: "cancelled",
          message: "Cancelled",
          finished_at: this.clock.now().toISOString(),
        });
      }
    }
    return this.getRun(ctx, runId);
  }

  /** Settles when the run is stored (at once for a run this process does not hold). */
  async waitForRun(runId: string): Promise<void> {
    await this.live.get(runId)?.done;
  }

  /** Progress of a live run, for the CLI's progress bar. */
  progressOf(runId: string): AnalysisProgress | null {
    return this.live.get(runId)?.progress ?? null;
  }

  /** Stops every live run and waits until each is stored (server shutdown). */
  async shutdown(): Promise<void> {
    const runs = [...this.live.values()];
    for (const r of runs) r.controller.abort();
    await Promise.allSettled(runs.map((r) => r.done));
  }

  private async failAbandoned(org: string): Promise<void> {
    const now = this.clock.now().getTime();
    await store.failAbandonedRuns(
      this.db,
      org,
      [...this.live.keys()],
      new Date(now - ABANDONED_AFTER_MS).toISOString(),
      new Date(now).toISOString(),
    );
  }

  // ---------- commit ----------

  /**
   * Approves the portfolio of one run: selected proposed projects become approved, and selected
   * proposed or approved projects move to their chosen start month (dates, budget and demand lines
   * shift together); a steering decision records it, linked to the scenario. One transaction.
   */
  async commit(
    ctx: RequestContext,
    id: string,
    input: CommitScenarioInput,
  ): Promise<{ scenario: Scenario; approvedProjectIds: string[]; decisionId: string }> {
    authorize(ctx, "selection.commit");
    authorize(ctx, "meeting.write");
    const org = ctx.actor.organizationId;
    const approved: string[] = [];
    let decisionId = "";
    await inTransaction(this.db, async (trx) => {
      const row = await this.scenarioRow(trx, org, id);
      this.checkVersion(row, input.version);
      if (row.status === "committed") throw new AppError("conflict", "This scenario is already committed");
      const run = await store.findRun(trx, org, input.runId);
      if (!run || run.scenario_id !== id) {
        throw validationError([{ path: "runId", message: "no such run of this scenario" }]);
      }
      if (!["optimal", "feasible", "time_limit"].includes(run.status) || !run.result || run.selected_count === null) {
        throw validationError([{ path: "runId", message: `a ${run.status} run has no portfolio to approve` }]);
      }
      const current = await this.currentFingerprint(trx, org, row);
      if (current !== run.fingerprint) {
        throw new AppError(
          "conflict",
          "The scenario or its projects changed after this run; solve it again before approving",
        );
      }
      const result = RunResultSchema.parse(JSON.parse(run.result));
      // Acting for the committing executive: selection.commit is the permission that counts here.
      const elevated: RequestContext = { ...ctx, actor: { ...ctx.actor, role: "admin" } };
      const projects = new ProjectService(trx, this.engine, this.clock, this.audit);
      for (const p of result.selected) {
        if (p.locked || (p.status !== "proposed" && p.status !== "approved")) continue;
        if (p.status === "approved" && p.shiftMonths === 0) continue;
        const project = await projects.get(elevated, p.projectId);
        await projects.update(elevated, p.projectId, {
          version: project.version,
          status: "approved",
          ...(p.shiftMonths === 0 ? {} : shiftPlan(project, p.shiftMonths)),
        });
        if (p.status === "proposed") approved.push(p.projectId);
      }
      const codes = (ids: string[]) =>
        result.selected
          .filter((s) => ids.includes(s.projectId))
          .map((s) => `${s.code} (${s.start})`)
          .join(", ");
      const moved = result.selected.filter((s) => s.shiftMonths !== 0 && !s.locked).map((s) => s.projectId);
      const untouched = result.selected
        .filter((s) => !s.locked && s.status !== "proposed" && s.status !== "approved")
        .map((s) => s.projectId);
      const rationale = [
        input.rationale,
        `Scenario "${row.name}": value ${result.value}${result.gapPct ? ` (gap ${result.gapPct} %)` : ""}, ${result.selected.length} projects selected.`,
        approved.length ? `Approved: ${codes(approved)}.` : "",
        moved.length ? `Start moved: ${codes(moved)}.` : "",
        untouched.length
          ? `Selected but left as they are (status neither proposed nor approved): ${codes(untouched)}.`
          : "",
      ]
        .filter((s) => s.length > 0)
        .join("\n");
      const decision = await new DecisionService(trx, this.clock, this.audit).create(ctx, {
        meetingId: input.meetingId,
        agendaItemId: null,
        kind: "approve",
        title: `Approve the portfolio of scenario ${row.name}`.slice(0, 200),
        rationale: rationale.slice(0, 5000),
        refType: "scenario",
        refId: id,
        decidedBy: ctx.actor.userId ? [ctx.actor.userId] : [],
      });
      decisionId = decision.id;
      const at = this.clock.now().toISOString();
      const ok = await store.updateScenario(trx, org, id, input.version, {
        status: "committed",
        committed_at: at,
        committed_run_id: run.id,
        commit_decision_id: decision.id,
        updated_at: at,
      });
      if (!ok) throw conflict("This scenario was changed by someone else");
      await this.audit.record(trx, ctx, {
        entityType: "selection_scenario",
        entityId: id,
        action: "commit",
        after: { runId: run.id, decisionId: decision.id, approvedProjectIds: approved },
      });
    });
    return { scenario: await this.get(ctx, id), approvedProjectIds: approved, decisionId };
  }

  // ---------- comparison ----------

  async compare(ctx: RequestContext, ids: string[]): Promise<Comparison> {
    authorize(ctx, "selection.read");
    const org = ctx.actor.organizationId;
    const unique = [...new Set(ids)];
    if (unique.length < 2) throw validationError([{ path: "ids", message: "compare at least 2 different scenarios" }]);
    const scenarios: Comparison["scenarios"] = [];
    const startsBy: Map<string, string>[] = [];
    const labels = new Map<string, { code: string; name: string }>();
    for (const [i, id] of unique.entries()) {
      const row = await store.findScenario(this.db, org, id);
      if (!row) throw validationError([{ path: `ids[${i}]`, message: `no scenario ${id}` }]);
      const run = await store.findLatestSolvedRun(this.db, org, id);
      const result = run?.result ? RunResultSchema.parse(JSON.parse(run.result)) : null;
      const starts = new Map<string, string>();
      for (const p of result?.selected ?? []) {
        starts.set(p.projectId, p.start);
        labels.set(p.projectId, { code: p.code, name: p.name });
      }
      startsBy.push(starts);
      const months = result?.usage?.months ?? [];
      scenarios.push({
        id,
        name: row.name,
        runId: run?.id ?? null,
        status: run?.status ?? null,
        value: result?.value ?? null,
        gapPct: result?.gapPct ?? null,
        spendInHorizonCents: result?.spendInHorizonCents ?? null,
        selectedCount: result?.selected.length ?? 0,
        months,
        spendCents: result?.usage?.spendCents ?? [],
        budgetLimitCents: result?.usage?.budgetLimitCents ?? [],
        demandByRole: Object.fromEntries((result?.usage?.capacity ?? []).map((c) => [c.roleKey, c.demand])),
        capacityUnit: row.capacity_unit as "hours" | "fte",
      });
    }
    const projects = [...labels.entries()]
      .map(([projectId, l]) => {
        const starts = startsBy.map((s) => s.get(projectId) ?? null);
        return { projectId, code: l.code, name: l.name, starts, inAll: starts.every((s) => s !== null) };
      })
      .sort((a, b) => Number(a.inAll) - Number(b.inAll) || a.code.localeCompare(b.code));
    return { scenarios, projects };
  }

  // ---------- helpers ----------

  private async scenarioRow(db: Db, org: string, id: string): Promise<store.ScenarioWithPortfolio> {
    const row = await store.findScenario(db, org, id);
    if (!row) throw notFound("Scenario", id);
    return row;
  }

  private checkVersion(row: store.ScenarioWithPortfolio, version: number): void {
    if (row.version !== version) {
      throw conflict(
        `This scenario was changed by someone else (you edited version ${version}, the current one is ${row.version})`,
      );
    }
  }

  /** Field problems of settings against the portfolio's current candidates: one 400 listing them all. */
  private async check(db: Db, org: string, portfolioId: string, settings: ScenarioSettings): Promise<void> {
    const problems: FieldProblem[] = [];
    const seen = new Set<string>();
    settings.candidates.forEach((c, i) => {
      if (seen.has(c.projectId)) problems.push({ path: `candidates.${i}.projectId`, message: "is listed twice" });
      seen.add(c.projectId);
    });
    const assembled = await this.assemble(db, org, portfolioId, settings);
    problems.push(...assembled.problems);
    if (problems.length > 0) throw validationError(problems);
  }

  async assemble(db: Db, org: string, portfolioId: string, settings: ScenarioSettings): Promise<AssembledScenario> {
    const projects = await store.findCandidateProjects(db, org, portfolioId, settings.candidateStatuses);
    const ids = projects.map((p) => p.id);
    const [
      budgetLines,
      demandLines,
      dependencies,
      priorityScores,
      npvs,
      riskScores,
      objectiveLinks,
      roles,
      categories,
      objectives,
    ] = await Promise.all([
      store.findBudgetLines(db, org, ids),
      store.findDemandLines(db, org, ids),
      store.findDependencies(db, org, ids),
      store.findActivePriorityScores(db, org),
      this.npvs(db, org),
      store.findRiskScores(db, org),
      store.findObjectiveLinks(db, org, ids),
      store.findRoles(db, org),
      store.findCategories(db, org),
      store.findObjectives(db, org),
    ]);
    return assembleScenario(settings, {
      projects: projects.map((p) => ({
        id: p.id,
        code: p.code,
        name: p.name,
        status: p.status,
        category: p.category,
        plannedStart: p.planned_start,
        plannedEnd: p.planned_end,
        budgetTotalCents: Number(p.budget_total_cents),
      })),
      budgetLines,
      demandLines,
      dependencies,
      priorityScores,
      npvs,
      riskScores,
      objectiveLinks,
      roles,
      categories,
      objectives,
    });
  }

  private async currentFingerprint(db: Db, org: string, row: store.ScenarioWithPortfolio): Promise<string | null> {
    const settings = settingsOf(row);
    const assembled = await this.assemble(db, org, row.portfolio_id, settings);
    return fingerprintOf(assembled);
  }

  private async presentContext(org: string, settings: ScenarioSettings, assembled: AssembledScenario) {
    const [orgSettings, roles, categories, objectives] = await Promise.all([
      store.findOrganizationSettings(this.db, org),
      store.findRoles(this.db, org),
      store.findCategories(this.db, org),
      store.findObjectives(this.db, org),
    ]);
    return {
      assembled,
      currency: currencyOf(orgSettings),
      capacityUnit: settings.capacityUnit,
      roleNames: new Map(roles.map((r) => [r.key, r.name])),
      categoryNames: new Map(categories.map((c) => [c.key, c.name])),
      objectiveNames: new Map(objectives.map((o) => [o.id, `${o.code} · ${o.title}`])),
      budgetTotalCents: settings.constraints.budgetTotalCents,
    };
  }

  private settingColumns(s: ScenarioSettings) {
    return {
      first_month: s.firstMonth,
      horizon_months: s.horizonMonths,
      value_source: s.valueSource,
      capacity_unit: s.capacityUnit,
      candidate_statuses: JSON.stringify(s.candidateStatuses),
      lock_active: s.lockActive ? 1 : 0,
      start_flex_months: s.startFlexMonths,
      constraints: JSON.stringify(s.constraints),
      candidates: JSON.stringify(s.candidates),
      solver: JSON.stringify(s.solver),
    };
  }

  private summary(
    row: store.ScenarioWithPortfolio,
    latest: store.RunSummaryRow | null,
    currentFingerprint: string | null,
  ): ScenarioSummary {
    return {
      id: row.id,
      portfolioId: row.portfolio_id,
      portfolioName: row.portfolio_name,
      name: row.name,
      description: row.description,
      firstMonth: row.first_month,
      horizonMonths: row.horizon_months,
      valueSource: row.value_source as ScenarioSummary["valueSource"],
      status: row.status as ScenarioSummary["status"],
      committedAt: row.committed_at,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      version: row.version,
      latestRun: latest ? runSummary(latest, currentFingerprint) : null,
    };
  }

  private async present(db: Db, ctx: RequestContext, row: store.ScenarioWithPortfolio): Promise<Scenario> {
    const org = ctx.actor.organizationId;
    const settings = settingsOf(row);
    const assembled = await this.assemble(db, org, row.portfolio_id, settings);
    const [latest, roles, categories, objectives] = await Promise.all([
      store.findLatestRuns(db, org, [row.id]),
      store.findRoles(db, org),
      store.findCategories(db, org),
      store.findObjectives(db, org),
    ]);
    const committed = row.status === "committed";
    return {
      ...this.summary(row, latest.get(row.id) ?? null, fingerprintOf(assembled)),
      capacityUnit: settings.capacityUnit,
      candidateStatuses: settings.candidateStatuses as Scenario["candidateStatuses"],
      lockActive: settings.lockActive,
      startFlexMonths: settings.startFlexMonths,
      constraints: settings.constraints,
      candidateSettings: [...settings.candidates],
      solver: settings.solver,
      months: assembled.months,
      candidates: assembled.candidates,
      roles: roles.map((r) => ({ key: r.key, name: r.name, hoursPerFteMonth: Number(r.hours_per_fte_month) })),
      categories,
      objectives,
      committedRunId: row.committed_run_id,
      commitDecisionId: row.commit_decision_id,
      permissions: {
        edit: !committed && can(ctx, "selection.write"),
        solve: !committed && can(ctx, "selection.write"),
        commit: !committed && can(ctx, "selection.commit") && can(ctx, "meeting.write"),
      },
    };
  }
}

function runSummary(
  r: store.RunSummaryRow | Awaited<ReturnType<typeof store.findRuns>>[number],
  current: string | null,
): ScenarioRunSummary {
  return {
    id: r.id,
    status: r.status,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    value: r.value === null ? null : Number(r.value),
    gapPct: r.gap_pct === null ? null : Number(r.gap_pct),
    selectedCount: r.selected_count === null ? null : Number(r.selected_count),
    stale: current !== null && current !== r.fingerprint,
  };
}

/** The stored settings of a scenario, parsed through the schemas (older documents gain new defaults). */
export function settingsOf(row: store.ScenarioRow | store.ScenarioWithPortfolio): ScenarioSettings {
  return {
    firstMonth: row.first_month,
    horizonMonths: row.horizon_months,
    valueSource: row.value_source as ScenarioSettings["valueSource"],
    capacityUnit: row.capacity_unit as ScenarioSettings["capacityUnit"],
    candidateStatuses: JSON.parse(row.candidate_statuses) as string[],
    lockActive: Boolean(row.lock_active),
    startFlexMonths: row.start_flex_months,
    constraints: ScenarioConstraintsSchema.parse(JSON.parse(row.constraints)),
    candidates: CandidateSettingSchema.array().parse(JSON.parse(row.candidates)),
    solver: SolverSettingsSchema.parse(JSON.parse(row.solver)),
  };
}

function settingsSnapshot(s: ScenarioSettings): Record<string, unknown> {
  return { ...s };
}

/**
 * What a run's portfolio depends on: the model's input (projects, limits, windows, values). Solver
 * settings are left out: a longer time limit does not make an earlier portfolio wrong.
 */
function fingerprintOf(assembled: AssembledScenario): string {
  return sha256(JSON.stringify(assembled.scenario));
}

function currencyOf(settings: string): string {
  try {
    const parsed = JSON.parse(settings) as { currency?: unknown };
    return typeof parsed.currency === "string" ? parsed.currency : "EUR";
  } catch {
    return "EUR";
  }
}

/** Moves a project's dates and time-phased lines by `months`, keeping the day of month where it exists. */
export function shiftPlan(
  project: {
    plannedStart: string;
    plannedEnd: string;
    budget: readonly { period: string; expenseType: "capex" | "opex"; amountCents: number }[];
    demand: readonly { roleKey: string; period: string; hours: number }[];
  },
  months: number,
) {
  const shiftDate = (date: string) => {
    const [oy, om] = periodOf(date).split("-").map(Number) as [number, number];
    const period = addMonths(periodOf(date), months);
    const [y, m] = period.split("-").map(Number) as [number, number];
    const oldDay = Number(date.slice(8, 10));
    // A month's last day stays its last day (an end on 31 January ends on 28 February).
    const day = oldDay === daysInMonth(oy, om) ? daysInMonth(y, m) : Math.min(oldDay, daysInMonth(y, m));
    return `${period}-${String(day).padStart(2, "0")}`;
  };
  return {
    plannedStart: shiftDate(project.plannedStart),
    plannedEnd: shiftDate(project.plannedEnd),
    budget: project.budget.map((b) => ({ ...b, period: addMonths(b.period, months) })),
    demand: project.demand.map((d) => ({ ...d, period: addMonths(d.period, months) })),
  };
}

function stripUndefined<T extends object>(o: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]: Exclude<T[K], undefined>;
  };
}
