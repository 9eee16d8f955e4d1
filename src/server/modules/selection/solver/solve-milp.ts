/**
 * HiGHS adapter: solve a neutral MILP (or its LP relaxation, or CPLEX-LP text) off the caller's
 * thread. A solve runs in a worker thread of `solver-pool.ts` (one job per worker at a time), so a
 * slow solve never blocks the event loop. Cancel first asks HiGHS to stop at its next callback
 * (keeping its incumbent) and terminates the worker if it has not stopped within 1.5 s; a watchdog
 * does the same if HiGHS overruns its time limit.
 *
 * Outcomes are values, never exceptions: optimal, feasible with a gap, infeasible, time limit
 * (with the incumbent when there is one), cancelled, or error (with a message).
 *
 * With `parallelism` 2 a MILP uses both cores: HiGHS in one worker and, for a 0-1 model, a genetic
 * algorithm in the other (or a second HiGHS with another seed), trading incumbents through a
 * SharedArrayBuffer (`incumbent-pool.ts`). Status, bound and gap still come from HiGHS's proofs
 * only; a heuristic's solution can only improve the incumbent.
 */
import type { MilpModel } from "../../../../domain/selection/milp.js";
import { toSparseModel } from "./highs-model-data.js";
import { createIncumbentPool, type IncumbentPool, takeBetterIncumbent } from "./incumbent-pool.js";
import { acquireWorker, discardWorker, type PooledWorker, releaseWorker } from "./solver-pool.js";
import type {
  LpTextPayload,
  SolveRequest,
  SolverJob,
  SolverProgress,
  SparseModelPayload,
  WorkerMessage,
} from "./solver-protocol.js";

export type { SolverProgress } from "./solver-protocol.js";

/**
 * - `optimal`: proven optimal (relative gap ≤ 1e-6, or an LP solved to optimality);
 * - `feasible`: HiGHS stopped because the gap reached `mipRelGap`; `gapPct` says how far it may be;
 * - `infeasible`: no portfolio meets the constraints (solve the elastic model to explain why);
 * - `time_limit`: stopped by the time limit; `objective`/`values` hold the incumbent if any;
 * - `cancelled`: stopped by the AbortSignal; the incumbent is kept when one was found;
 * - `error`: the solver or the worker failed (`message`).
 */
export type SolveStatus = "optimal" | "feasible" | "infeasible" | "time_limit" | "cancelled" | "error";

export interface SolveOptions {
  /** Wall-clock limit handed to HiGHS; a watchdog ends the worker if HiGHS overruns it. */
  timeLimitSeconds: number;
  /** Relative MIP gap at which HiGHS may stop (HiGHS's own default is 1e-4). */
  mipRelGap: number;
  signal?: AbortSignal;
  onProgress?: (progress: SolverProgress) => void;
  /** Minimum milliseconds between two progress reports (default 250). */
  progressIntervalMs?: number;
  /** Seed for HiGHS's randomized choices (default 0), for reproducible runs. */
  randomSeed?: number;
  /** Further HiGHS options by their native names (e.g. `mip_heuristic_effort`). */
  highsOptions?: Record<string, number | string | boolean>;
  /**
   * A feasible solution to start from (variable name → value; missing names are 0), e.g. from
   * `findInitialSolution` or the previous solve of a similar scenario. HiGHS checks it and ignores
   * it when infeasible.
   */
  initialValues?: Readonly<Record<string, number>>;
  /**
   * How many workers solve a MILP at once (default 1; LPs always use one). Each runs a lane of
   * `lanes`; they share incumbents as they find them (HiGHS checks a shared one before using it).
   * The answer holds the best incumbent of any lane and the tightest bound any HiGHS lane proved,
   * with the gap recomputed from the two; every lane stops as soon as one proves optimality or
   * infeasibility, the shared gap reaches `mipRelGap`, or no HiGHS lane is left running.
   */
  parallelism?: number;
  /**
   * What each worker runs. Default: lane 0 HiGHS; lane 1 the genetic heuristic when every
   * variable is binary, HiGHS otherwise (e.g. the elastic model's continuous slacks); further lanes
   * HiGHS. Lane k uses the random seed `randomSeed` + k; a HiGHS lane's `highsOptions` go over the
   * common ones.
   */
  lanes?: readonly SolverLane[];
}

/**
 * - `highs`: HiGHS's branch and bound on the whole model (proves bounds);
 * - `genetic`: for 0-1 models, Chu & Beasley's genetic algorithm priced by the LP relaxation's
 *   duals and seeded with `initialValues` (`milp-genetic-search.ts`): incumbents only, no bound.
 */
export type SolverLane =
  | { kind: "highs"; highsOptions?: Readonly<Record<string, number | string | boolean>> }
  | { kind: "genetic"; maxWork?: number };

export interface SolveResult {
  status: SolveStatus;
  /** Objective of the best solution found; null when there is none. */
  objective: number | null;
  /** Best proven bound on the objective (upper bound when maximizing); null when unknown. */
  bound: number | null;
  /** 100 × HiGHS's relative gap between objective and bound; null when unknown. */
  gapPct: number | null;
  /** Variable name → value of the best solution found (empty when there is none). */
  values: Record<string, number>;
  /** Wall-clock seconds, worker start-up included. */
  seconds: number;
  /** Branch-and-bound nodes explored. */
  nodes: number;
  message?: string;
}

export interface LpRelaxationResult extends SolveResult {
  /**
   * Shadow price of each constraint by name: the change of the optimal LP-relaxation objective per
   * unit increase of the constraint's limit (HiGHS row duals; for a maximization a binding ≤ row
   * has a price ≥ 0). Empty unless the relaxation was solved to optimality.
   */
  shadowPrices: Record<string, number>;
  /** Reduced cost of each variable by name (HiGHS column duals). */
  reducedCosts: Record<string, number>;
  /** Activity of each constraint by name. */
  activities: Record<string, number>;
}

const PROVEN_GAP = 1e-6;
const STOP_GRACE_MS = 1500;
const MODEL_STATUS = {
  empty: 6,
  optimal: 7,
  infeasible: 8,
  unboundedOrInfeasible: 9,
  timeLimit: 13,
  interrupted: 17,
} as const;

/** Solve a MILP with HiGHS in a worker thread (or several: `parallelism`). */
export function solveMilp(model: MilpModel, options: SolveOptions): Promise<SolveResult> {
  const payload = toSparseModel(model);
  if (options.initialValues) {
    const start = options.initialValues;
    payload.initialValues = Float64Array.from(model.variables, (v) => start[v.name] ?? 0);
  }
  const lanes = Math.max(1, Math.floor(options.parallelism ?? 1));
  if (lanes > 1 && payload.integrality && payload.numCols > 0) return raceJobs(payload, options, lanes);
  return runJob(payload, options, false);
}

/** Relative gap as HiGHS computes it: |objective − bound| ÷ |objective|; null when infinite. */
export function relativeGap(objective: number | null, bound: number | null): number | null {
  if (objective === null || bound === null) return null;
  if (objective === 0) return bound === 0 ? 0 : null;
  return Math.abs(objective - bound) / Math.abs(objective);
}

/**
 * Best incumbent and tightest proven bound of several results for the same model (lanes of one
 * parallel solve), with the gap recomputed from the two.
 */
export function combineBounds(
  sense: "maximize" | "minimize",
  parts: readonly Pick<SolveResult, "objective" | "bound">[],
): { objective: number | null; bound: number | null; gap: number | null; bestIndex: number } {
  const better = (a: number, b: number) => (sense === "maximize" ? a > b : a < b);
  let objective: number | null = null;
  let bestIndex = -1;
  let bound: number | null = null;
  parts.forEach((part, k) => {
    if (part.objective !== null && (objective === null || better(part.objective, objective))) {
      objective = part.objective;
      bestIndex = k;
    }
    // Every lane's bound is proven for the same model: the tightest one holds.
    if (part.bound !== null && (bound === null || better(bound, part.bound))) bound = part.bound;
  });
  return { objective, bound, gap: relativeGap(objective, bound), bestIndex };
}

/** Independent copies of the typed arrays (each worker takes ownership of what it is sent). */
function clonePayload(payload: SparseModelPayload): SparseModelPayload {
  return {
    ...payload,
    colCost: payload.colCost.slice(),
    colLower: payload.colLower.slice(),
    colUpper: payload.colUpper.slice(),
    rowLower: payload.rowLower.slice(),
    rowUpper: payload.rowUpper.slice(),
    starts: payload.starts.slice(),
    indices: payload.indices.slice(),
    values: payload.values.slice(),
    ...(payload.integrality ? { integrality: payload.integrality.slice() } : {}),
    ...(payload.initialValues ? { initialValues: payload.initialValues.slice() } : {}),
  };
}

function defaultLanes(payload: SparseModelPayload, count: number): SolverLane[] {
  const integrality = payload.integrality;
  let allBinary = integrality !== undefined;
  for (let j = 0; allBinary && j < payload.numCols; j++) {
    if (integrality![j] !== 1 || payload.colLower[j]! < 0 || payload.colUpper[j]! > 1) allBinary = false;
  }
  return Array.from(
    { length: count },
    (_, k): SolverLane => (k === 1 && allBinary ? { kind: "genetic" } : { kind: "highs" }),
  );
}

/** Several workers on the same MILP at once, sharing incumbents; see `SolveOptions.parallelism`. */
async function raceJobs(payload: SparseModelPayload, options: SolveOptions, lanes: number): Promise<SolveResult> {
  const laneSpecs = Array.from({ length: lanes }, (_, k) => options.lanes?.[k] ?? defaultLanes(payload, lanes)[k]!);
  const highsLanes = laneSpecs.filter((l) => l.kind === "highs").length;
  let highsRunning = highsLanes;
  const started = performance.now();
  const pool = createIncumbentPool(payload.numCols, payload.sense === "maximize");
  const colNames = payload.colNames;
  const stop = new AbortController();
  const onUserAbort = () => stop.abort();
  options.signal?.addEventListener("abort", onUserAbort, { once: true });
  if (options.signal?.aborted) stop.abort();
  const latest: (SolverProgress | undefined)[] = Array.from({ length: lanes }, () => undefined);
  const interval = options.progressIntervalMs ?? 250;
  let lastReport = Number.NEGATIVE_INFINITY;
  let lastObjective: number | null = null;
  const onLaneProgress = (lane: number) => (progress: SolverProgress) => {
    latest[lane] = progress;
    const shared = combineBounds(
      payload.sense,
      latest.map((p) => ({ objective: p?.objective ?? null, bound: p?.bound ?? null })),
    );
    // Stop everyone once the shared gap is small enough (one worker's incumbent, another's bound).
    if (shared.gap !== null && shared.gap <= options.mipRelGap && !stop.signal.aborted) stop.abort();
    const now = performance.now();
    if (!options.onProgress || (now - lastReport < interval && shared.objective === lastObjective)) return;
    lastReport = now;
    lastObjective = shared.objective;
    try {
      options.onProgress({
        seconds: (now - started) / 1000,
        objective: shared.objective,
        bound: shared.bound,
        gapPct: shared.gap === null ? null : shared.gap * 100,
        nodes: latest.reduce((sum, p) => sum + (p?.nodes ?? 0), 0),
      });
    } catch {
      // A failing progress listener must not break the solve.
    }
  };
  const baseSeed = options.randomSeed ?? 0;
  const results = await Promise.all(
    laneSpecs.map(async (spec, lane) => {
      const result = await runJob(
        lane === lanes - 1 ? payload : clonePayload(payload),
        {
          ...options,
          signal: stop.signal,
          randomSeed: baseSeed + lane,
          highsOptions: { ...options.highsOptions, ...(spec.kind === "highs" ? spec.highsOptions : {}) },
          onProgress: onLaneProgress(lane),
        },
        false,
        pool,
        spec.kind === "genetic"
          ? {
              kind: "genetic",
              seed: baseSeed + lane + 1,
              ...(spec.maxWork !== undefined ? { maxWork: spec.maxWork } : {}),
            }
          : undefined,
      );
      if (spec.kind === "highs") {
        highsRunning--;
        // A proof (or the requested gap) from one lane ends the others; heuristics alone prove nothing.
        const proved = result.status === "optimal" || result.status === "infeasible" || result.status === "feasible";
        if (proved || highsRunning === 0) stop.abort();
      }
      return result;
    }),
  );
  options.signal?.removeEventListener("abort", onUserAbort);

  const seconds = (performance.now() - started) / 1000;
  const nodes = results.reduce((sum, r) => sum + r.nodes, 0);
  // Statuses speak for HiGHS lanes only; a heuristic lane contributes its incumbent.
  const highsResults = results.filter((_, k) => laneSpecs[k]!.kind === "highs");
  const infeasible = highsResults.find((r) => r.status === "infeasible");
  if (infeasible) return { ...infeasible, seconds, nodes };
  // The pool may hold a solution a worker found but had not returned when it was stopped.
  const pooled = takeBetterIncumbent(pool, null);
  const parts: Pick<SolveResult, "objective" | "bound">[] = results.map((r) => ({
    objective: Object.keys(r.values).length > 0 || payload.numCols === 0 ? r.objective : null,
    bound: r.bound,
  }));
  parts.push({ objective: pooled?.objective ?? null, bound: null });
  const { objective, bound, gap, bestIndex } = combineBounds(payload.sense, parts);
  const values =
    bestIndex < 0
      ? {}
      : bestIndex < results.length
        ? results[bestIndex]!.values
        : namedValues(colNames, pooled!.values);
  const statuses = new Set(highsResults.map((r) => r.status));
  let status: SolveStatus;
  if (statuses.has("optimal") || (gap !== null && gap <= PROVEN_GAP)) status = "optimal";
  else if (options.signal?.aborted) status = "cancelled";
  else if (gap !== null && gap <= options.mipRelGap) status = "feasible";
  else if (statuses.has("time_limit")) status = "time_limit";
  else if (statuses.has("feasible")) status = "feasible";
  else if (statuses.has("cancelled")) status = "cancelled";
  else status = "error";
  const message = highsResults.find((r) => r.status === "error")?.message ?? "every solver worker failed";
  return {
    status,
    objective,
    bound,
    gapPct: gap === null ? null : gap * 100,
    values,
    seconds,
    nodes,
    ...(status === "error" ? { message } : {}),
  };
}

/** Solve the LP relaxation (integrality dropped) and read shadow prices from its row duals. */
export async function solveLpRelaxation(
  model: MilpModel,
  options: Omit<SolveOptions, "mipRelGap"> & { mipRelGap?: number },
): Promise<LpRelaxationResult> {
  return (await runJob(
    toSparseModel(model, { relax: true }),
    { mipRelGap: 0, ...options },
    true,
  )) as LpRelaxationResult;
}

/** Parse and solve CPLEX-LP text (e.g. a downloaded scenario model); `relax` drops integrality. */
export function solveCplexLp(text: string, options: SolveOptions & { relax?: boolean }): Promise<SolveResult> {
  const payload: LpTextPayload = { kind: "lp-text", text, ...(options.relax ? { relax: true } : {}) };
  return runJob(payload, options, options.relax === true);
}

async function runJob(
  payload: SparseModelPayload | LpTextPayload,
  options: SolveOptions,
  wantDuals: boolean,
  incumbentPool?: IncumbentPool,
  heuristic?: SolverJob["heuristic"],
): Promise<SolveResult | LpRelaxationResult> {
  const started = performance.now();
  const seconds = () => (performance.now() - started) / 1000;
  const empty = (status: SolveStatus, message?: string): SolveResult => ({
    status,
    objective: null,
    bound: null,
    gapPct: null,
    values: {},
    seconds: seconds(),
    nodes: 0,
    ...(message ? { message } : {}),
  });
  if (!(options.timeLimitSeconds > 0)) return empty("error", "timeLimitSeconds must be positive");
  if (!(options.mipRelGap >= 0)) return empty("error", "mipRelGap must be ≥ 0");
  if (options.signal?.aborted) return empty("cancelled");
  if (payload.kind === "sparse" && payload.numCols === 0) {
    // Nothing to choose (every candidate excluded): HiGHS is not needed.
    const base = { ...empty("optimal"), objective: payload.offset, bound: payload.offset, gapPct: 0 };
    return wantDuals ? { ...base, shadowPrices: {}, reducedCosts: {}, activities: {} } : base;
  }

  let pooled: PooledWorker;
  try {
    pooled = await acquireWorker();
  } catch (error) {
    return empty("error", `cannot start the solver: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (options.signal?.aborted) {
    releaseWorker(pooled, 0);
    return empty("cancelled");
  }

  const job: SolverJob = {
    model: payload,
    options: {
      time_limit: options.timeLimitSeconds,
      mip_rel_gap: options.mipRelGap,
      random_seed: options.randomSeed ?? 0,
      ...options.highsOptions,
    },
    progressIntervalMs: options.progressIntervalMs ?? 250,
    wantDuals,
    ...(heuristic ? { heuristic } : {}),
  };
  const jobId = nextJobId++;
  const stopFlag = new SharedArrayBuffer(4);
  const transfer =
    payload.kind === "sparse"
      ? [
          payload.colCost,
          payload.colLower,
          payload.colUpper,
          payload.rowLower,
          payload.rowUpper,
          payload.starts,
          payload.indices,
          payload.values,
          ...(payload.integrality ? [payload.integrality] : []),
          ...(payload.initialValues ? [payload.initialValues] : []),
        ].map((a) => a.buffer as ArrayBuffer)
      : [];
  const colNames = payload.kind === "sparse" ? payload.colNames : undefined;
  const rowNamesOfPayload = payload.kind === "sparse" ? payload.rowNames : [];
  const { worker } = pooled;

  return new Promise((resolve) => {
    let latest: SolverProgress | undefined;
    let incumbent: Float64Array | undefined;
    let settled = false;
    let cancelRequested = false;
    let grace: ReturnType<typeof setTimeout> | undefined;

    const cleanUp = () => {
      settled = true;
      clearTimeout(watchdog);
      clearTimeout(grace);
      options.signal?.removeEventListener("abort", onAbort);
      worker.off("message", onMessage);
      worker.off("error", onError);
      worker.off("exit", onExit);
    };
    /** The worker answered for this job and can serve the next one. */
    const finishKeepingWorker = (result: SolveResult, memoryBytes: number) => {
      if (settled) return;
      cleanUp();
      releaseWorker(pooled, memoryBytes);
      resolve(result);
    };
    /** The worker is stopped mid-job or broken: terminate it. */
    const finishDiscardingWorker = (result: SolveResult) => {
      if (settled) return;
      cleanUp();
      discardWorker(pooled);
      resolve(result);
    };
    // Keeps the best incumbent the worker reported before it was stopped from outside.
    const stopHard = (status: SolveStatus, message?: string) =>
      finishDiscardingWorker({
        ...empty(status, message),
        objective: latest?.objective ?? null,
        bound: latest?.bound ?? null,
        gapPct: latest?.gapPct ?? null,
        nodes: latest?.nodes ?? 0,
        values: incumbent && colNames ? namedValues(colNames, incumbent) : {},
      });
    const onAbort = () => {
      cancelRequested = true;
      Atomics.store(new Int32Array(stopFlag), 0, 1); // HiGHS's interrupt callback stops at its next check
      grace = setTimeout(() => stopHard("cancelled"), STOP_GRACE_MS);
    };
    const watchdogMs = options.timeLimitSeconds * 1000 + Math.max(10_000, options.timeLimitSeconds * 500);
    const watchdog = setTimeout(() => stopHard("time_limit", "the solver overran its time limit"), watchdogMs);

    const onMessage = (message: WorkerMessage) => {
      if (message.type === "ready" || message.jobId !== jobId) return;
      if (message.type === "progress") {
        latest = message.progress;
        if (message.incumbent) incumbent = message.incumbent;
        try {
          options.onProgress?.(message.progress);
        } catch {
          // A failing progress listener must not break the solve.
        }
        return;
      }
      if (message.type === "error") {
        finishDiscardingWorker(empty(cancelRequested ? "cancelled" : "error", message.message));
        return;
      }
      const names = message.colNames ?? colNames ?? [];
      const rowNames = message.rowNames ?? rowNamesOfPayload;
      const status = classify(message.modelStatus, message.hasSolution, message.gap, message.isMip);
      const result: SolveResult = {
        status,
        objective: message.objective,
        bound: message.bound,
        gapPct: message.gap === null ? null : message.gap * 100,
        values: message.colValue ? namedValues(names, message.colValue) : {},
        seconds: seconds(),
        nodes: message.nodes,
        ...(status === "error" ? { message: `HiGHS model status ${message.modelStatus}` } : {}),
      };
      if (!wantDuals) {
        finishKeepingWorker(result, message.memoryBytes);
        return;
      }
      const lp: LpRelaxationResult = {
        ...result,
        shadowPrices: message.rowDual ? namedValues(rowNames, message.rowDual) : {},
        reducedCosts: message.colDual ? namedValues(names, message.colDual) : {},
        activities: message.rowValue ? namedValues(rowNames, message.rowValue) : {},
      };
      finishKeepingWorker(lp, message.memoryBytes);
    };
    const onError = (error: Error) =>
      finishDiscardingWorker(empty(cancelRequested ? "cancelled" : "error", error.message));
    const onExit = (code: number) =>
      finishDiscardingWorker(empty(cancelRequested ? "cancelled" : "error", `solver worker exited with code ${code}`));

    worker.on("message", onMessage);
    worker.on("error", onError);
    worker.on("exit", onExit);
    options.signal?.addEventListener("abort", onAbort, { once: true });
    const request: SolveRequest = { type: "solve", jobId, job, stopFlag, ...(incumbentPool ? { incumbentPool } : {}) };
    worker.postMessage(request, transfer);
  });
}

let nextJobId = 1;

function classify(modelStatus: number, hasSolution: boolean, gap: number | null, isMip: boolean): SolveStatus {
  switch (modelStatus) {
    case MODEL_STATUS.empty:
      return "optimal";
    case MODEL_STATUS.optimal:
      return !isMip || (gap !== null && gap <= PROVEN_GAP) ? "optimal" : "feasible";
    case MODEL_STATUS.infeasible:
    case MODEL_STATUS.unboundedOrInfeasible:
      return "infeasible";
    case MODEL_STATUS.timeLimit:
      return "time_limit";
    case MODEL_STATUS.interrupted:
      return "cancelled";
    default:
      return hasSolution ? "feasible" : "error";
  }
}

function namedValues(names: readonly string[], values: Float64Array): Record<string, number> {
  const out: Record<string, number> = {};
  for (let j = 0; j < values.length; j++) out[names[j] ?? `c${j}`] = values[j]! + 0; // + 0 turns −0 into 0
  return out;
}
