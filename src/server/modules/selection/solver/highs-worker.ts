/**
 * Worker thread body: load HiGHS (WebAssembly) once, then for each job build the model, run it
 * synchronously with callbacks that post progress and honour a cooperative stop flag, post the
 * result and dispose the model. Started through `highs-worker.mjs` by the solver pool; never
 * imported by the caller's thread.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { Highs, HighsCallbackMap, Model, ModelData } from "highs";
import highsModule from "highs";
import { geneticSearch } from "../../../../domain/selection/milp-genetic-search.js";
import { fromSparseModel } from "./highs-model-data.js";
import { offerIncumbent, poolVersion, takeBetterIncumbent } from "./incumbent-pool.js";
import type { SolveRequest, SolverJob, SolverProgress, SparseModelPayload, WorkerMessage } from "./solver-protocol.js";

interface WorkerInput {
  /** Precompiled `highs.wasm`, compiled once by the caller's thread. */
  wasmModule?: WebAssembly.Module;
}

// Under NodeNext the package's CommonJS typings make the default import the module object.
type Loader = typeof import("highs").default;
const loadHighs: Loader = ((highsModule as unknown as { default?: Loader }).default ??
  (highsModule as unknown as Loader)) as Loader;

const post = (message: WorkerMessage, transfer: ArrayBuffer[] = []) => parentPort!.postMessage(message, transfer);

async function main() {
  const { wasmModule } = (workerData ?? {}) as WorkerInput;
  const highs: Highs = await loadHighs(wasmModule ? { wasmModule } : {});
  parentPort!.on("message", (request: SolveRequest) => {
    try {
      runJob(highs, request);
    } catch (error) {
      post({ type: "error", jobId: request.jobId, message: error instanceof Error ? error.message : String(error) });
    }
  });
  post({ type: "ready" });
}

function runJob(highs: Highs, request: SolveRequest) {
  if (request.job.heuristic && request.job.model.kind === "sparse") {
    runGeneticJob(highs, request, request.job.model, request.job.heuristic);
    return;
  }
  const { jobId, job, stopFlag, incumbentPool } = request;
  const stop = new Int32Array(stopFlag);
  const model = createModel(highs, job);
  try {
    for (const [name, value] of Object.entries({ output_flag: false, ...job.options })) {
      try {
        model.options.set(name, value);
      } catch (error) {
        throw new Error(`HiGHS option ${name}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    if (job.model.kind === "sparse" && job.model.initialValues)
      model.setSolution({ colValue: job.model.initialValues });
    const isMip = job.model.kind === "sparse" ? job.model.integrality !== undefined : hasIntegers(model, highs);
    const started = performance.now();
    let lastProgress = Number.NEGATIVE_INFINITY;
    const toProgress = (data: {
      running_time?: number;
      mip_primal_bound?: number;
      mip_dual_bound?: number;
      mip_gap?: number;
      mip_node_count?: bigint;
    }): SolverProgress => ({
      seconds: data.running_time ?? (performance.now() - started) / 1000,
      objective: finite(data.mip_primal_bound),
      bound: finite(data.mip_dual_bound),
      gapPct: finite(data.mip_gap === undefined ? undefined : data.mip_gap * 100),
      nodes: Number(data.mip_node_count ?? 0n),
    });
    const C = highs.constants.callbackType;
    // Sharing with the other workers of a parallel solve: offer each incumbent, take a better one.
    const pool =
      isMip && incumbentPool && incumbentPool.numCols === model.getDimensions().numCols ? incumbentPool : null;
    let seenVersion = 0;
    const sharing: HighsCallbackMap = pool
      ? {
          [C.mipUserSolution](event) {
            const version = poolVersion(pool);
            if (version === seenVersion) return undefined;
            seenVersion = version;
            const better = takeBetterIncumbent(pool, event.data.mip_primal_bound);
            if (better) event.setSolution(better.values); // HiGHS checks feasibility before using it
            return undefined;
          },
        }
      : {};
    const callbacks: HighsCallbackMap = isMip
      ? {
          ...sharing,
          [C.mipInterrupt](event) {
            if (Atomics.load(stop, 0) === 1) event.interrupt();
            const now = performance.now();
            if (now - lastProgress >= job.progressIntervalMs) {
              lastProgress = now;
              post({ type: "progress", jobId, progress: toProgress(event.data) });
            }
            return undefined;
          },
          [C.mipImprovingSolution](event) {
            const solution = event.data.mip_solution;
            const progress = toProgress(event.data);
            if (pool && solution) {
              const objective = event.data.objective_function_value ?? event.data.mip_primal_bound;
              if (objective !== undefined) {
                const offer = offerIncumbent(pool, objective, solution);
                // Our own solution need not come back; a better one offered meanwhile still must.
                if (offer.accepted && offer.version === seenVersion + 1) seenVersion = offer.version;
              }
            }
            if (solution) {
              const copy = Float64Array.from(solution);
              post({ type: "progress", jobId, progress, incumbent: copy }, [copy.buffer]);
            } else post({ type: "progress", jobId, progress });
            return undefined;
          },
        }
      : {
          [C.simplexInterrupt](event) {
            if (Atomics.load(stop, 0) === 1) event.interrupt();
            return undefined;
          },
        };
    model.run(callbacks);

    const status = model.getModelStatus();
    const hasSolution = Number(model.info.get("primal_solution_status")) === highs.constants.solutionStatus.feasible;
    const objective = hasSolution ? model.getObjectiveValue() : null;
    const bound = isMip ? finite(Number(model.info.get("mip_dual_bound"))) : objective;
    const gap = isMip ? finite(Number(model.info.get("mip_gap"))) : hasSolution ? 0 : null;
    const nodes = isMip ? Number(model.info.get("mip_node_count")) : 0;
    const transfer: ArrayBuffer[] = [];
    let colValue: Float64Array | undefined;
    let rowValue: Float64Array | undefined;
    let rowDual: Float64Array | undefined;
    let colDual: Float64Array | undefined;
    if (hasSolution) {
      const solution = model.getSolution();
      colValue = solution.colValue;
      rowValue = solution.rowValue;
      transfer.push(colValue.buffer as ArrayBuffer, rowValue.buffer as ArrayBuffer);
      const hasDuals = Number(model.info.get("dual_solution_status")) === highs.constants.solutionStatus.feasible;
      if (job.wantDuals && !isMip && hasDuals) {
        rowDual = solution.rowDual;
        colDual = solution.colDual;
        transfer.push(rowDual.buffer as ArrayBuffer, colDual.buffer as ArrayBuffer);
      }
    }
    const names =
      job.model.kind === "lp-text"
        ? (() => {
            const { numCols, numRows } = model.getDimensions();
            return {
              colNames: Array.from({ length: numCols }, (_, j) => model.getColName(j)),
              rowNames: Array.from({ length: numRows }, (_, i) => model.getRowName(i)),
            };
          })()
        : {};
    post(
      {
        type: "result",
        jobId,
        memoryBytes: highs.memoryBytes,
        modelStatus: status,
        hasSolution,
        objective,
        bound,
        gap,
        isMip,
        nodes,
        ...(colValue ? { colValue } : {}),
        ...(rowValue ? { rowValue } : {}),
        ...(rowDual ? { rowDual } : {}),
        ...(colDual ? { colDual } : {}),
        ...names,
      },
      transfer,
    );
  } finally {
    model.dispose();
  }
}

/**
 * A heuristic lane of a parallel solve: price the rows with the LP relaxation's duals, then breed
 * solutions (genetic algorithm) until stopped, trading incumbents with the other lanes through the
 * pool. Posts progress for each better solution and a result without a bound.
 */
function runGeneticJob(
  highs: Highs,
  { jobId, job, stopFlag, incumbentPool: pool }: SolveRequest,
  payload: SparseModelPayload,
  heuristic: NonNullable<SolverJob["heuristic"]>,
) {
  const started = performance.now();
  const stop = new Int32Array(stopFlag);
  const timeLimit = Number(job.options.time_limit ?? Number.POSITIVE_INFINITY);
  const deadline = started + timeLimit * 1000;
  const model = fromSparseModel(payload);
  let rowPrices: Float64Array | undefined;
  const lp = createModel(highs, { ...job, model: { ...payload, integrality: undefined } });
  try {
    lp.options.set({ output_flag: false, time_limit: Math.max(0.05, timeLimit / 4) });
    lp.run({
      [highs.constants.callbackType.simplexInterrupt](event) {
        if (Atomics.load(stop, 0) === 1) event.interrupt();
        return undefined;
      },
    });
    if (lp.getModelStatus() === highs.constants.modelStatus.optimal)
      rowPrices = Float64Array.from(lp.getSolution().rowDual);
  } catch {
    // Without prices the heuristic ranks variables by their use of the row limits.
  } finally {
    lp.dispose();
  }
  let seenVersion = 0;
  let bestObjective: number | null = null;
  let bestValues: Float64Array | null = null;
  const result = geneticSearch(model, payload.initialValues ? [payload.initialValues] : [], {
    seed: heuristic.seed,
    ...(heuristic.maxWork !== undefined ? { maxWork: heuristic.maxWork } : { maxWork: Number.POSITIVE_INFINITY }),
    ...(rowPrices ? { rowPrices } : {}),
    shouldStop: () => Atomics.load(stop, 0) === 1 || performance.now() >= deadline,
    onImprove: (values, objective) => {
      bestObjective = objective;
      bestValues = values;
      if (pool) {
        const offer = offerIncumbent(pool, objective, values);
        if (offer.accepted && offer.version === seenVersion + 1) seenVersion = offer.version;
      }
      const copy = Float64Array.from(values);
      const progress: SolverProgress = {
        seconds: (performance.now() - started) / 1000,
        objective,
        bound: null,
        gapPct: null,
        nodes: 0,
      };
      post({ type: "progress", jobId, progress, incumbent: copy }, [copy.buffer]);
    },
    takeSolution: () => {
      if (!pool) return null;
      const version = poolVersion(pool);
      if (version === seenVersion) return null;
      seenVersion = version;
      const better = takeBetterIncumbent(pool, bestObjective);
      return better ? better.values : null;
    },
  });
  const values = result?.values ?? bestValues;
  const objective = result?.objective ?? bestObjective;
  const colValue = values ? Float64Array.from(values) : undefined;
  post(
    {
      type: "result",
      jobId,
      memoryBytes: highs.memoryBytes,
      modelStatus: -1,
      hasSolution: colValue !== undefined,
      objective: colValue ? objective : null,
      bound: null,
      gap: null,
      isMip: true,
      nodes: 0,
      ...(colValue ? { colValue } : {}),
    },
    colValue ? [colValue.buffer as ArrayBuffer] : [],
  );
}

function createModel(highs: Highs, job: SolverJob): Model {
  const m = job.model;
  if (m.kind === "lp-text") {
    const model = highs.createModel({ format: "lp", data: m.text });
    if (m.relax) model.clearIntegrality();
    return model;
  }
  const data: ModelData = {
    numCols: m.numCols,
    numRows: m.numRows,
    sense: m.sense === "maximize" ? highs.constants.objectiveSense.maximize : highs.constants.objectiveSense.minimize,
    offset: m.offset,
    colCost: m.colCost,
    colLower: m.colLower,
    colUpper: m.colUpper,
    rowLower: m.rowLower,
    rowUpper: m.rowUpper,
    matrix: {
      format: "csr",
      numRows: m.numRows,
      numCols: m.numCols,
      starts: m.starts,
      indices: m.indices,
      values: m.values,
    },
    ...(m.integrality ? { integrality: m.integrality } : {}),
    colNames: m.colNames,
    rowNames: m.rowNames,
  };
  return highs.createModel(data);
}

function hasIntegers(model: Model, highs: Highs): boolean {
  const { numCols } = model.getDimensions();
  for (let j = 0; j < numCols; j++) {
    if (model.getColIntegrality(j) !== highs.constants.variableType.continuous) return true;
  }
  return false;
}

function finite(x: number | undefined): number | null {
  return x !== undefined && Number.isFinite(x) ? x : null;
}

main().catch((error: unknown) => {
  post({ type: "error", jobId: null, message: error instanceof Error ? error.message : String(error) });
});
