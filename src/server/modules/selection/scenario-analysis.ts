/**
 * One analysis run of a portfolio-selection scenario: the best portfolio (HiGHS, started from the
 * greedy + local-search portfolio), the greedy cut lines it is compared with, its tight rows and
 * monthly usage, and — when asked — why each candidate is in or out (re-solves with it forced out
 * or in), shadow prices of budgets and capacities (LP relaxation) and the frontier of value against
 * budget. When no portfolio meets the constraints, the elastic model says which limits must move.
 *
 * Outcomes are values: invalid input, infeasibility, time limits, cancellation and solver failures
 * all come back as a `ScenarioAnalysis` with a status, never as an exception.
 */
import {
  type GreedyPortfolio,
  type GreedyRanking,
  runGreedyCutLine,
} from "../../../domain/selection/greedy-cut-line.js";
import { findInitialSolution } from "../../../domain/selection/initial-solution.js";
import { constraintActivity, type MilpConstraint } from "../../../domain/selection/milp.js";
import { evaluatePortfolio } from "../../../domain/selection/portfolio-evaluation.js";
import {
  buildSelectionModel,
  type Relaxation,
  readRelaxations,
  readSelection,
  type SelectionModel,
  type SelectionRowMeta,
} from "../../../domain/selection/selection-model.js";
import {
  allowedStarts,
  type CandidateProject,
  type SelectionConstraints,
  type SelectionScenario,
} from "../../../domain/selection/selection-scenario.js";
import type {
  AnalysisOptions,
  AnalysisProgress,
  BindingConstraint,
  FrontierPoint,
  GreedySummary,
  MonthlyUsage,
  ProjectExplanation,
  ScenarioAnalysis,
  ShadowPrice,
} from "./analysis.types.js";
import { type SolveResult, type SolverProgress, solveLpRelaxation, solveMilp } from "./solver/solve-milp.js";

/** A row is tight when its activity is within 0.5 % of its limit (or 1e-6 for a limit near 0). */
const TIGHT_RELATIVE = 0.005;
const TIGHT_ABSOLUTE = 1e-6;
/** Row duals below this are solver noise, not prices. */
const PRICE_EPSILON = 1e-9;
const DEFAULT_FRONTIER_FRACTIONS = [0.6, 0.7, 0.8, 0.9, 1.0, 1.1, 1.2, 1.3, 1.4] as const;
const MAX_EXPLAIN_SECONDS = 5;
/**
 * Re-solves in flight at once. The solver pool keeps two warm workers (its MAX_IDLE), so two
 * concurrent jobs reuse them instead of starting (0.2–1 s) and discarding a third one per job.
 */
const EXPLAIN_CONCURRENCY = 2;
/** The main solve never claims all of its share: it may end well before its time limit. */
const SOLVING_FRACTION_CAP = 0.95;

const PRICED_KINDS = new Set<ShadowPrice["kind"]>([
  "budget",
  "capex",
  "opex",
  "budget_total",
  "capex_total",
  "opex_total",
  "capacity",
]);

type Portfolio = ReadonlyMap<string, number>;

/** The chosen portfolio and what the explanations need to know about it. */
interface ChosenPortfolio {
  starts: Map<string, number>;
  projectIds: string[];
  value: number;
  /** 0/1 per start variable of the (non-elastic) model, exactly the portfolio (no solver noise). */
  values: Record<string, number>;
  tight: BindingConstraint[];
}

interface RunContext {
  scenario: SelectionScenario;
  options: AnalysisOptions;
  explainSeconds: number;
  progress: ProgressReporter;
}

export async function analyzeScenario(
  scenario: SelectionScenario,
  options: AnalysisOptions,
): Promise<ScenarioAnalysis> {
  const started = performance.now();
  const explainSeconds = options.explainTimeLimitSeconds ?? Math.min(MAX_EXPLAIN_SECONDS, options.timeLimitSeconds);
  const plan = planProgress(scenario, options, explainSeconds);
  const ctx: RunContext = {
    scenario,
    options,
    explainSeconds,
    progress: createProgressReporter(options, plan, started),
  };
  const finish = (analysis: ScenarioAnalysis): ScenarioAnalysis => {
    ctx.progress.done();
    return { ...analysis, seconds: (performance.now() - started) / 1000 };
  };

  const built = buildSelectionModel(scenario);
  if (!built.ok) {
    const list = built.problems.map((p) => `${p.field}: ${p.message}`).join("; ");
    return finish({
      ...emptyAnalysis("error", emptyGreedy()),
      message: `the scenario has ${built.problems.length} problem(s): ${list}`,
    });
  }
  const model = built.model;
  // The greedy cut lines are cheap and always part of the answer, even when the solve fails.
  const greedy = summarizeGreedy(runGreedyCutLine(scenario));
  const main = await solveMain(ctx, model);
  const analysis: ScenarioAnalysis = {
    ...emptyAnalysis(main.status, greedy),
    ...(main.message ? { message: main.message } : {}),
    objective: main.objective,
    bound: main.bound,
    gapPct: main.gapPct,
    nodes: main.nodes,
  };

  if (main.status === "infeasible") {
    analysis.relaxations = (await findRelaxations(ctx, scenario, options.timeLimitSeconds)) ?? [];
    return finish(analysis);
  }
  if (!hasSolution(main, model)) return finish(analysis);

  const chosen = readChosenPortfolio(scenario, model, main);
  const evaluation = evaluatePortfolio(scenario, chosen.starts);
  analysis.starts = Object.fromEntries(chosen.starts);
  analysis.value = chosen.value;
  analysis.violations = evaluation.violations;
  analysis.usage = measureUsage(scenario, chosen.starts, evaluation);
  analysis.binding = chosen.tight;

  if (options.explain && isExplainable(main.status)) {
    const explained = await explainPortfolio(ctx, model, chosen, main);
    Object.assign(analysis, explained);
  }
  return finish(analysis);
}

// ——— Main solve ———

async function solveMain(ctx: RunContext, model: SelectionModel): Promise<SolveResult> {
  const { options } = ctx;
  // A good incumbent from the start makes the gap small early and keeps a time-limited answer useful.
  const start = findInitialSolution(ctx.scenario, model);
  return solveMilp(model, {
    timeLimitSeconds: options.timeLimitSeconds,
    mipRelGap: options.mipRelGap,
    ...(options.signal ? { signal: options.signal } : {}),
    onProgress: (p) => ctx.progress.solving(p),
    ...(start ? { initialValues: start.values } : {}),
    // Both cores on the main solve: HiGHS proves bounds while a genetic heuristic (0-1 models) feeds
    // it incumbents (see solve-milp.ts); the explanations' many small re-solves stay one worker each.
    parallelism: 2,
  });
}

/** A solution with values to read (a model without variables has an empty but valid one). */
function hasSolution(result: SolveResult, model: SelectionModel): boolean {
  return result.objective !== null && (model.variables.length === 0 || Object.keys(result.values).length > 0);
}

/** Explanations need a portfolio that the solver stood behind, not one cut short by a cancel. */
function isExplainable(status: SolveResult["status"]): boolean {
  return status === "optimal" || status === "feasible" || status === "time_limit";
}

function readChosenPortfolio(scenario: SelectionScenario, model: SelectionModel, result: SolveResult): ChosenPortfolio {
  const selection = readSelection(scenario, model, result.values);
  const starts = new Map(selection.selected.map((s) => [s.projectId, s.start]));
  const values = toInitialValues(model, starts);
  return {
    starts,
    projectIds: selection.selected.map((s) => s.projectId),
    value: selection.value,
    values,
    tight: model.constraints.flatMap((row) => {
      const kind = row.meta?.kind;
      if (kind === "once" || kind === "mandatory") return [];
      // A row none of whose projects is chosen is "tight" only as 0 ≤ 0 (dependencies, balance): not a limit that binds.
      if (row.variables.every((j) => (values[model.variables[j]!.name] ?? 0) === 0)) return [];
      const binding = describeRow(model, row, values);
      return binding && isTight(binding) ? [binding] : [];
    }),
  };
}

/** The row's activity in `values` against its one finite limit; undefined for a free row. */
function describeRow(
  model: SelectionModel,
  row: MilpConstraint<SelectionRowMeta>,
  values: Readonly<Record<string, number>>,
): BindingConstraint | undefined {
  const limit = Number.isFinite(row.upper) ? row.upper : Number.isFinite(row.lower) ? row.lower : undefined;
  if (limit === undefined || !row.meta) return undefined;
  return {
    constraint: row.name,
    kind: row.meta.kind,
    ...(row.meta.month === undefined ? {} : { month: row.meta.month }),
    ...(row.meta.role === undefined ? {} : { role: row.meta.role }),
    activity: constraintActivity(model, row, values),
    limit,
  };
}

function isTight(row: BindingConstraint): boolean {
  return Math.abs(row.activity - row.limit) <= Math.max(TIGHT_ABSOLUTE, TIGHT_RELATIVE * Math.abs(row.limit));
}

function measureUsage(
  scenario: SelectionScenario,
  starts: Portfolio,
  evaluation: ReturnType<typeof evaluatePortfolio>,
): MonthlyUsage {
  const H = scenario.horizonMonths;
  // Every category of the candidates gets a series (zeros when none is chosen) so charts of two
  // scenarios line up; projects without a category are in `spend` only.
  const spendByCategory: Record<string, number[]> = {};
  for (const p of scenario.projects) {
    if (p.category !== undefined) spendByCategory[p.category] ??= Array.from({ length: H }, () => 0);
  }
  for (const p of scenario.projects) {
    const start = starts.get(p.id);
    if (start === undefined || p.category === undefined) continue;
    const series = spendByCategory[p.category]!;
    p.costByMonth.forEach((cost, k) => {
      const t = start + k;
      if (t >= 0 && t < H) series[t]! += cost;
    });
  }
  return {
    spend: evaluation.spendByMonth,
    capex: evaluation.capexByMonth,
    opex: evaluation.opexByMonth,
    spendByCategory,
    demandByRole: evaluation.demandByRole,
  };
}

// ——— Explanations: shadow prices, forced re-solves, frontier ———

async function explainPortfolio(
  ctx: RunContext,
  model: SelectionModel,
  chosen: ChosenPortfolio,
  main: SolveResult,
): Promise<Pick<ScenarioAnalysis, "shadowPrices" | "explanations" | "frontier" | "isPartial">> {
  const prices = await findShadowPrices(ctx, model);
  const projects = await explainProjects(ctx, model, chosen);
  const frontier = await traceFrontier(ctx, chosen, main);
  const isPartial = prices === undefined || !projects.isComplete || !frontier.isComplete;
  return {
    shadowPrices: prices ?? [],
    explanations: projects.explanations,
    frontier: frontier.points,
    ...(isPartial ? { isPartial } : {}),
  };
}

/** Undefined when cancelled. Prices come from the LP relaxation: the MILP itself has no duals. */
async function findShadowPrices(ctx: RunContext, model: SelectionModel): Promise<ShadowPrice[] | undefined> {
  if (ctx.options.signal?.aborted) return undefined;
  ctx.progress.explaining(0, "Shadow prices");
  const lp = await solveLpRelaxation(model, {
    timeLimitSeconds: ctx.explainSeconds,
    ...(ctx.options.signal ? { signal: ctx.options.signal } : {}),
  });
  if (lp.status === "cancelled") return undefined;
  const prices: ShadowPrice[] = [];
  for (const row of model.constraints) {
    const meta = row.meta;
    const price = lp.shadowPrices[row.name];
    if (!meta || !isPricedKind(meta.kind) || price === undefined || Math.abs(price) <= PRICE_EPSILON) continue;
    prices.push({
      constraint: row.name,
      kind: meta.kind,
      ...(meta.month === undefined ? {} : { month: meta.month }),
      ...(meta.role === undefined ? {} : { role: meta.role }),
      price,
    });
  }
  return prices;
}

function isPricedKind(kind: string): kind is ShadowPrice["kind"] {
  return PRICED_KINDS.has(kind as ShadowPrice["kind"]);
}

/** Candidates whose place is a decision: not excluded, locked in or mandatory by the user. */
function explainableProjects(scenario: SelectionScenario): CandidateProject[] {
  return scenario.projects.filter((p) => !p.excluded && p.lockedStart === undefined && !p.mandatory);
}

async function explainProjects(
  ctx: RunContext,
  model: SelectionModel,
  chosen: ChosenPortfolio,
): Promise<{ explanations: ProjectExplanation[]; isComplete: boolean }> {
  const projects = explainableProjects(ctx.scenario);
  let begun = 0;
  let finished = 0;
  const tasks = projects.map((p) => async () => {
    begun++;
    ctx.progress.explaining(1 + finished, `Explaining ${begun} of ${projects.length}`);
    const explanation = chosen.starts.has(p.id)
      ? await explainSelected(ctx, chosen, p)
      : await explainNotSelected(ctx, model, chosen, p);
    finished++;
    return explanation;
  });
  const results = await runWithConcurrency(tasks, EXPLAIN_CONCURRENCY, ctx.options.signal);
  const explanations = results.filter((e): e is ProjectExplanation => e !== undefined);
  return { explanations, isComplete: explanations.length === projects.length };
}

/** Loss if removed: re-solve without the project. Undefined when the re-solve was cancelled. */
async function explainSelected(
  ctx: RunContext,
  chosen: ChosenPortfolio,
  project: CandidateProject,
): Promise<ProjectExplanation | undefined> {
  const variant = withProject(ctx.scenario, project.id, (p) => ({ ...p, excluded: true }));
  const without = new Map(chosen.starts);
  without.delete(project.id);
  // Without it the portfolio still fits unless a dependency or a balance rule needed it.
  const result = await solveVariant(ctx, variant, ctx.explainSeconds, [without]);
  if (result.solve.status === "cancelled") return undefined;
  return { projectId: project.id, loss: lossOf(chosen.value, result.solve), status: result.solve.status, binding: [] };
}

/**
 * Loss if forced in: re-solve with the project mandatory. When it cannot be forced in at all, the
 * elastic model says which limits would have to move. Undefined when the re-solve was cancelled.
 */
async function explainNotSelected(
  ctx: RunContext,
  model: SelectionModel,
  chosen: ChosenPortfolio,
  project: CandidateProject,
): Promise<ProjectExplanation | undefined> {
  const variant = withProject(ctx.scenario, project.id, ({ excluded: _excluded, ...p }) => ({ ...p, mandatory: true }));
  const withIt = allowedStarts(project).map((s) => new Map([...chosen.starts, [project.id, s]]));
  const result = await solveVariant(ctx, variant, ctx.explainSeconds, withIt);
  const status = result.solve.status;
  if (status === "cancelled") return undefined;
  const explanation: ProjectExplanation = {
    projectId: project.id,
    loss: lossOf(chosen.value, result.solve),
    status,
    binding: findRowsKeepingOut(model, chosen, project.id),
  };
  if (status !== "infeasible") return explanation;
  const blockedBy = await findRelaxations(ctx, variant, ctx.explainSeconds);
  return blockedBy ? { ...explanation, blockedBy } : explanation;
}

function lossOf(value: number, result: SolveResult): number | null {
  if (result.objective === null || !isExplainable(result.status)) return null;
  return value - result.objective;
}

/**
 * The rows of the chosen portfolio that keep a project out: tight ≤ rows it would add to, ≤ rows it
 * would push over their limit at one of its starts, its exclusion groups when another member is
 * chosen, and its dependencies whose prerequisite is out.
 */
function findRowsKeepingOut(model: SelectionModel, chosen: ChosenPortfolio, projectId: string): BindingConstraint[] {
  const ownVariables = new Set<number>();
  model.variables.forEach((v, j) => {
    if (v.meta?.kind === "start" && v.meta.project === projectId) ownVariables.add(j);
  });
  const tightByName = new Map(chosen.tight.map((b) => [b.constraint, b]));
  const adds = (row: MilpConstraint) => row.variables.some((j, k) => ownVariables.has(j) && row.coefficients[k]! > 0);
  const rows: BindingConstraint[] = [];
  for (const row of model.constraints) {
    const meta = row.meta;
    if (!meta) continue;
    const tight = tightByName.get(row.name);
    if (tight !== undefined && Number.isFinite(row.upper) && adds(row)) {
      rows.push(tight);
      continue;
    }
    // Not tight, but with room smaller than what the project would add at one of its starts.
    if (Number.isFinite(row.upper) && adds(row) && meta.kind !== "once" && meta.kind !== "mandatory") {
      const described = describeRow(model, row, chosen.values);
      const overflows = row.variables.some(
        (j, k) =>
          ownVariables.has(j) &&
          row.coefficients[k]! > 0 &&
          described !== undefined &&
          described.activity + row.coefficients[k]! > row.upper + Math.max(TIGHT_ABSOLUTE, 1e-9 * Math.abs(row.upper)),
      );
      if (described && overflows) {
        rows.push(described);
        continue;
      }
    }
    const isOtherMemberChosen = meta.kind === "exclusion" && adds(row);
    const isPrerequisiteOut =
      meta.kind === "dependency" && meta.project === projectId && !chosen.starts.has(meta.requires ?? "");
    if (!isOtherMemberChosen && !isPrerequisiteOut) continue;
    const described = describeRow(model, row, chosen.values);
    // The project itself is out, so an exclusion row's activity counts the other members only.
    if (described && (isPrerequisiteOut || described.activity >= 1 - TIGHT_ABSOLUTE)) rows.push(described);
  }
  return rows;
}

/** The frontier: the best value at each fraction of every budget limit. */
async function traceFrontier(
  ctx: RunContext,
  chosen: ChosenPortfolio,
  main: SolveResult,
): Promise<{ points: FrontierPoint[]; isComplete: boolean }> {
  const { scenario } = ctx;
  if (!hasBudgetLimit(scenario.constraints)) return { points: [], isComplete: true };
  const fractions = ctx.options.frontierFractions ?? DEFAULT_FRONTIER_FRACTIONS;
  const total = scenario.constraints.budgetTotal;
  const budgetAt = (f: number) => (total === undefined ? null : total * f);
  const toSolve = fractions.filter((f) => !isFullBudget(f)).length;
  // Ascending order, so each point can start from the best portfolio of the points below it
  // (it still fits a larger budget): values then never fall because of a time limit.
  const order = fractions.map((f, i) => ({ f, i })).sort((a, b) => a.f - b.f);
  const known: Portfolio[] = [chosen.starts];
  const points: (FrontierPoint | undefined)[] = fractions.map(() => undefined);
  let solved = 0;
  for (const { f, i } of order) {
    if (isFullBudget(f)) {
      points[i] = {
        fraction: f,
        budgetTotal: budgetAt(f),
        value: main.objective,
        status: main.status,
        gapPct: main.gapPct,
        projectIds: chosen.projectIds,
      };
      continue;
    }
    if (ctx.options.signal?.aborted) break;
    ctx.progress.frontier(solved, `Frontier point ${solved + 1} of ${toSolve}`);
    const scaled = scaleBudgets(scenario, f);
    const greedy = runGreedyCutLine(scaled);
    const candidates = [...known, greedy.byValuePerCost.starts, greedy.byValue.starts];
    const { solve, model } = await solveVariant(ctx, scaled, ctx.explainSeconds, candidates);
    if (solve.status === "cancelled") break;
    solved++;
    const selection = model && hasSolution(solve, model) ? readSelection(scaled, model, solve.values) : undefined;
    if (selection) known.push(new Map(selection.selected.map((s) => [s.projectId, s.start])));
    points[i] = {
      fraction: f,
      budgetTotal: budgetAt(f),
      value: selection ? solve.objective : null,
      status: solve.status,
      gapPct: solve.gapPct,
      projectIds: selection?.selected.map((s) => s.projectId) ?? [],
    };
  }
  const done = points.filter((p): p is FrontierPoint => p !== undefined);
  return { points: done, isComplete: solved === toSolve };
}

function isFullBudget(fraction: number): boolean {
  return Math.abs(fraction - 1) < 1e-12;
}

function hasBudgetLimit(c: SelectionConstraints): boolean {
  const hasMonthLimit = (series: readonly (number | null)[] | undefined) => series?.some((v) => v !== null) ?? false;
  return (
    c.budgetTotal !== undefined ||
    c.capexTotal !== undefined ||
    c.opexTotal !== undefined ||
    hasMonthLimit(c.budgetByMonth) ||
    hasMonthLimit(c.capexByMonth) ||
    hasMonthLimit(c.opexByMonth)
  );
}

/** The scenario with every budget, capex and opex limit (monthly and total) times `fraction`. */
function scaleBudgets(scenario: SelectionScenario, fraction: number): SelectionScenario {
  const c = scenario.constraints;
  const constraints: SelectionConstraints = { ...c };
  for (const key of ["budgetTotal", "capexTotal", "opexTotal"] as const) {
    const limit = c[key];
    if (limit !== undefined) constraints[key] = limit * fraction;
  }
  for (const key of ["budgetByMonth", "capexByMonth", "opexByMonth"] as const) {
    const series = c[key];
    if (series) constraints[key] = series.map((v) => (v === null ? null : v * fraction));
  }
  return { ...scenario, constraints };
}

// ——— Re-solves ———

/**
 * Solve a variant of the scenario (a project forced out or in, scaled budgets), starting from the
 * best of `startCandidates` that meets every constraint of the variant. HiGHS would ignore an
 * infeasible start anyway; checking here keeps its log and its first incumbent meaningful.
 */
async function solveVariant(
  ctx: RunContext,
  variant: SelectionScenario,
  timeLimitSeconds: number,
  startCandidates: readonly Portfolio[] = [],
): Promise<{ solve: SolveResult; model?: SelectionModel }> {
  const built = buildSelectionModel(variant);
  if (!built.ok) {
    const message = built.problems.map((p) => `${p.field}: ${p.message}`).join("; ");
    return { solve: failedSolve(message) };
  }
  const start = findBestFeasiblePortfolio(variant, startCandidates);
  const solve = await solveMilp(built.model, {
    timeLimitSeconds,
    mipRelGap: ctx.options.mipRelGap,
    ...(ctx.options.signal ? { signal: ctx.options.signal } : {}),
    ...(start ? { initialValues: toInitialValues(built.model, start) } : {}),
  });
  return { solve, model: built.model };
}

/** What must move for the scenario to have a portfolio; undefined when the elastic solve did not finish. */
async function findRelaxations(
  ctx: RunContext,
  scenario: SelectionScenario,
  timeLimitSeconds: number,
): Promise<Relaxation[] | undefined> {
  const built = buildSelectionModel(scenario, { elastic: true });
  if (!built.ok) return undefined;
  const result = await solveMilp(built.model, {
    timeLimitSeconds,
    mipRelGap: ctx.options.mipRelGap,
    ...(ctx.options.signal ? { signal: ctx.options.signal } : {}),
  });
  if (result.status === "cancelled" || !hasSolution(result, built.model)) return undefined;
  return readRelaxations(built.model, result.values);
}

function findBestFeasiblePortfolio(
  scenario: SelectionScenario,
  portfolios: readonly Portfolio[],
): Portfolio | undefined {
  let best: { starts: Portfolio; value: number } | undefined;
  for (const starts of portfolios) {
    const evaluation = evaluatePortfolio(scenario, starts);
    if (evaluation.violations.length > 0) continue;
    if (!best || evaluation.value > best.value) best = { starts, value: evaluation.value };
  }
  return best?.starts;
}

/** Variable values of a portfolio: 1 for each chosen project's start variable (missing names are 0). */
function toInitialValues(model: SelectionModel, starts: Portfolio): Record<string, number> {
  const values: Record<string, number> = {};
  for (const v of model.variables) {
    if (v.meta?.kind === "start" && starts.get(v.meta.project) === v.meta.month) values[v.name] = 1;
  }
  return values;
}

function withProject(
  scenario: SelectionScenario,
  projectId: string,
  change: (p: CandidateProject) => CandidateProject,
): SelectionScenario {
  return { ...scenario, projects: scenario.projects.map((p) => (p.id === projectId ? change(p) : p)) };
}

function failedSolve(message: string): SolveResult {
  return { status: "error", objective: null, bound: null, gapPct: null, values: {}, seconds: 0, nodes: 0, message };
}

/**
 * Run tasks with at most `limit` in flight, in order; once `signal` is aborted no new task starts
 * (results of tasks never started stay undefined).
 */
async function runWithConcurrency<T>(
  tasks: readonly (() => Promise<T>)[],
  limit: number,
  signal: AbortSignal | undefined,
): Promise<(T | undefined)[]> {
  const results: (T | undefined)[] = tasks.map(() => undefined);
  let next = 0;
  const drain = async () => {
    while (next < tasks.length && !signal?.aborted) {
      const at = next++;
      results[at] = await tasks[at]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, drain));
  return results;
}

// ——— Results and progress ———

function emptyAnalysis(status: SolveResult["status"], greedy: ScenarioAnalysis["greedy"]): ScenarioAnalysis {
  return {
    status,
    objective: null,
    bound: null,
    gapPct: null,
    seconds: 0,
    nodes: 0,
    starts: {},
    value: 0,
    violations: [],
    greedy,
    relaxations: [],
    explanations: [],
    binding: [],
    shadowPrices: [],
    frontier: [],
    usage: null,
  };
}

function summarizeGreedy(greedy: { byValuePerCost: GreedyPortfolio; byValue: GreedyPortfolio }) {
  const summarize = (g: GreedyPortfolio): GreedySummary => ({
    ranking: g.ranking,
    value: g.value,
    isFeasible: g.isFeasible,
    starts: Object.fromEntries(g.starts),
    violations: g.violations,
  });
  return { byValuePerCost: summarize(greedy.byValuePerCost), byValue: summarize(greedy.byValue) };
}

/** For a scenario the greedy cannot read (it has field problems): no portfolio. */
function emptyGreedy(): ScenarioAnalysis["greedy"] {
  const none = (ranking: GreedyRanking): GreedySummary => ({
    ranking,
    value: 0,
    isFeasible: false,
    starts: {},
    violations: [],
  });
  return { byValuePerCost: none("value_per_cost"), byValue: none("value") };
}

/** Shares of the whole run (summing to 1) for the solving, explaining and frontier phases. */
interface ProgressPlan {
  solving: number;
  explaining: number;
  frontier: number;
  /** Jobs of the explaining phase: the shadow-price LP and one re-solve per candidate. */
  explainJobs: number;
  frontierJobs: number;
}

/**
 * Each phase's share is its worst-case time (time limits), the only estimate available before the
 * run: re-solves usually end sooner, so the bar then jumps ahead rather than stalling at 99 %.
 */
function planProgress(scenario: SelectionScenario, options: AnalysisOptions, explainSeconds: number): ProgressPlan {
  const explainJobs = options.explain ? 1 + explainableProjects(scenario).length : 0;
  const fractions = options.frontierFractions ?? DEFAULT_FRONTIER_FRACTIONS;
  const frontierJobs =
    options.explain && hasBudgetLimit(scenario.constraints) ? fractions.filter((f) => !isFullBudget(f)).length : 0;
  const weights = {
    solving: Math.max(options.timeLimitSeconds, 0),
    explaining: explainJobs * Math.max(explainSeconds, 0),
    frontier: frontierJobs * Math.max(explainSeconds, 0),
  };
  const total = weights.solving + weights.explaining + weights.frontier;
  if (!(total > 0) || !Number.isFinite(total)) {
    return { solving: 1, explaining: 0, frontier: 0, explainJobs, frontierJobs };
  }
  return {
    solving: weights.solving / total,
    explaining: weights.explaining / total,
    frontier: weights.frontier / total,
    explainJobs,
    frontierJobs,
  };
}

interface ProgressReporter {
  solving(progress: SolverProgress): void;
  /** `jobsDone` of the explaining phase's jobs (shadow prices included) are finished. */
  explaining(jobsDone: number, message: string): void;
  frontier(jobsDone: number, message: string): void;
  done(): void;
}

function createProgressReporter(options: AnalysisOptions, plan: ProgressPlan, started: number): ProgressReporter {
  const emit = (progress: Omit<AnalysisProgress, "elapsedSeconds">) => {
    try {
      options.onProgress?.({ ...progress, elapsedSeconds: (performance.now() - started) / 1000 });
    } catch {
      // A failing progress listener must not break the analysis.
    }
  };
  const share = (done: number, jobs: number) => (jobs > 0 ? Math.min(done / jobs, 1) : 0);
  return {
    solving: (p) =>
      emit({
        phase: "solving",
        fraction: Math.min(p.seconds / options.timeLimitSeconds, SOLVING_FRACTION_CAP) * plan.solving,
        incumbent: p.objective,
        bound: p.bound,
        gapPct: p.gapPct,
        nodes: p.nodes,
      }),
    explaining: (done, message) =>
      emit({ phase: "explaining", fraction: plan.solving + plan.explaining * share(done, plan.explainJobs), message }),
    frontier: (done, message) =>
      emit({
        phase: "frontier",
        fraction: plan.solving + plan.explaining + plan.frontier * share(done, plan.frontierJobs),
        message,
      }),
    done: () => emit({ phase: "done", fraction: 1 }),
  };
}
