import type { MilpModel } from "../../../../domain/selection/milp.js";
import type { SparseModelPayload } from "./solver-protocol.js";

/**
 * The neutral MILP as HiGHS's compressed sparse rows. Duplicate variables within a row are summed
 * (HiGHS rejects repeated indices); zero coefficients are dropped. `relax` drops integrality.
 */
export function toSparseModel(model: MilpModel, options: { relax?: boolean } = {}): SparseModelPayload {
  const numCols = model.variables.length;
  const numRows = model.constraints.length;
  let nonzeros = 0;
  for (const row of model.constraints) nonzeros += row.variables.length;

  const starts = new Int32Array(numRows + 1);
  const indices = new Int32Array(nonzeros);
  const values = new Float64Array(nonzeros);
  const slot = new Int32Array(numCols).fill(-1);
  let k = 0;
  model.constraints.forEach((row, i) => {
    starts[i] = k;
    const rowStart = k;
    for (let e = 0; e < row.variables.length; e++) {
      const j = row.variables[e]!;
      const a = row.coefficients[e]!;
      if (j < 0 || j >= numCols) throw new RangeError(`constraint ${row.name} refers to variable ${j} of ${numCols}`);
      const at = slot[j]!;
      if (at >= rowStart) values[at]! += a;
      else {
        slot[j] = k;
        indices[k] = j;
        values[k] = a;
        k++;
      }
    }
    // Drop entries that are (or summed to) zero, compacting in place.
    let w = rowStart;
    for (let r = rowStart; r < k; r++) {
      if (values[r] !== 0) {
        indices[w] = indices[r]!;
        values[w] = values[r]!;
        w++;
      }
    }
    k = w;
  });
  starts[numRows] = k;

  const colCost = new Float64Array(numCols);
  const colLower = new Float64Array(numCols);
  const colUpper = new Float64Array(numCols);
  const integrality = new Int32Array(numCols);
  model.variables.forEach((v, j) => {
    colCost[j] = v.objective;
    colLower[j] = v.type === "binary" ? Math.max(0, v.lower) : v.lower;
    colUpper[j] = v.type === "binary" ? Math.min(1, v.upper) : v.upper;
    integrality[j] = v.type === "continuous" ? 0 : 1;
  });
  const hasIntegers = integrality.some((t) => t === 1);

  return {
    kind: "sparse",
    sense: model.sense,
    offset: model.objectiveConstant,
    numCols,
    numRows,
    colCost,
    colLower,
    colUpper,
    rowLower: Float64Array.from(model.constraints, (r) => r.lower),
    rowUpper: Float64Array.from(model.constraints, (r) => r.upper),
    starts,
    indices: indices.slice(0, k),
    values: values.slice(0, k),
    ...(hasIntegers && !options.relax ? { integrality } : {}),
    colNames: model.variables.map((v) => v.name),
    rowNames: model.constraints.map((r) => r.name),
  };
}

/**
 * The neutral MILP back from HiGHS's compressed sparse rows (names kept, metadata lost): what a
 * worker thread hands to the primal heuristics of `domain/selection`. Integer columns with bounds
 * within [0, 1] become binaries.
 */
export function fromSparseModel(payload: SparseModelPayload): MilpModel {
  const variables = Array.from({ length: payload.numCols }, (_, j) => {
    const lower = payload.colLower[j]!;
    const upper = payload.colUpper[j]!;
    const integer = payload.integrality?.[j] === 1;
    const type = !integer ? "continuous" : lower >= 0 && upper <= 1 ? "binary" : "integer";
    return { name: payload.colNames[j] ?? `c${j}`, type, lower, upper, objective: payload.colCost[j]! } as const;
  });
  const constraints = Array.from({ length: payload.numRows }, (_, i) => {
    const from = payload.starts[i]!;
    const to = payload.starts[i + 1]!;
    return {
      name: payload.rowNames[i] ?? `r${i}`,
      variables: Array.from(payload.indices.subarray(from, to)),
      coefficients: Array.from(payload.values.subarray(from, to)),
      lower: payload.rowLower[i]!,
      upper: payload.rowUpper[i]!,
    };
  });
  return {
    name: "model",
    sense: payload.sense,
    objectiveName: "objective",
    objectiveConstant: payload.offset,
    variables: variables.map((v) => ({ ...v })),
    constraints,
  };
}
