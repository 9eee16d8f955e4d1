/**
 * Messages between the solver pool (caller's thread) and `highs-worker.ts` (a worker thread that
 * owns one HiGHS WebAssembly runtime and runs one job at a time). Typed arrays are transferred,
 * not copied. Every reply names the job it belongs to.
 */
import type { IncumbentPool } from "./incumbent-pool.js";

/** A model in HiGHS's sparse row-wise (CSR) form, ready for `createModel(modelData)`. */
export interface SparseModelPayload {
  kind: "sparse";
  sense: "maximize" | "minimize";
  offset: number;
  numCols: number;
  numRows: number;
  colCost: Float64Array;
  colLower: Float64Array;
  colUpper: Float64Array;
  rowLower: Float64Array;
  rowUpper: Float64Array;
  starts: Int32Array;
  indices: Int32Array;
  values: Float64Array;
  /** 1 = integer, 0 = continuous; omitted for an LP (or the LP relaxation). */
  integrality?: Int32Array;
  colNames: string[];
  rowNames: string[];
  /** A MIP start (one value per column), passed to HiGHS's `setSolution`. */
  initialValues?: Float64Array;
}

/** A model given as CPLEX-LP text (what analysts download). */
export interface LpTextPayload {
  kind: "lp-text";
  text: string;
  /** Solve the LP relaxation (integrality dropped) instead of the MILP. */
  relax?: boolean;
}

export interface SolverJob {
  model: SparseModelPayload | LpTextPayload;
  /** Passed to HiGHS as options (`time_limit`, `mip_rel_gap`, …). */
  options: Record<string, number | string | boolean>;
  /** Minimum milliseconds between two progress messages (improving solutions always report). */
  progressIntervalMs: number;
  /** Also return row duals and reduced costs (LP only). */
  wantDuals: boolean;
  /**
   * Run a primal heuristic on the (sparse, 0-1) model instead of HiGHS's branch and bound: the
   * genetic algorithm of `milp-genetic-search.ts`, priced by the LP relaxation's duals (solved
   * first with HiGHS), seeded with the model's initial values, until the time limit, the stop flag
   * or `maxWork`. Its result has no bound (`modelStatus` −1).
   */
  heuristic?: { kind: "genetic"; seed: number; maxWork?: number };
}

export interface SolverProgress {
  seconds: number;
  /** Best feasible objective so far (null before the first incumbent). */
  objective: number | null;
  /** Best proven bound so far. */
  bound: number | null;
  gapPct: number | null;
  nodes: number;
}

/**
 * Caller → worker. `stopFlag`'s Int32Array[0] becomes 1 when the caller asks the job to stop.
 * `incumbentPool`, for a MIP solved by several workers at once, is where they share incumbents.
 */
export interface SolveRequest {
  type: "solve";
  jobId: number;
  job: SolverJob;
  stopFlag: SharedArrayBuffer;
  incumbentPool?: IncumbentPool;
}

export type WorkerMessage =
  | { type: "ready" }
  | { type: "progress"; jobId: number; progress: SolverProgress; incumbent?: Float64Array }
  | {
      type: "result";
      jobId: number;
      /** Bytes of WebAssembly memory the runtime now holds (it never shrinks). */
      memoryBytes: number;
      /** HiGHS model status code (`highs.constants.modelStatus`). */
      modelStatus: number;
      hasSolution: boolean;
      objective: number | null;
      bound: number | null;
      /** HiGHS's relative MIP gap (fraction), null when unknown or infinite. */
      gap: number | null;
      isMip: boolean;
      nodes: number;
      colValue?: Float64Array;
      rowValue?: Float64Array;
      rowDual?: Float64Array;
      colDual?: Float64Array;
      /** Names, returned when the model came as LP text. */
      colNames?: string[];
      rowNames?: string[];
    }
  | { type: "error"; jobId: number | null; message: string };
