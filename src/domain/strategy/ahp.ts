/**
 * Analytic Hierarchy Process (Saaty): priorities from a positive reciprocal matrix of pairwise
 * judgments, their consistency, the judgments that cause most of the inconsistency, group
 * aggregation and global weights down a criteria hierarchy.
 *
 * Pure and dependency-free: the server (`POST /api/v1/strategy/ahp/evaluate`, `/aggregate`) and the
 * browser (live consistency feedback while the pairwise grid is filled in) both import it.
 *
 * Conventions: criteria are indexed from 0; `matrix[i][j]` says how many times criterion i is
 * preferred to criterion j, so `matrix[j][i] = 1 / matrix[i][j]` and the diagonal is 1. Problems
 * are values (`{ path, message }`), never exceptions; exceptions are kept for programmer errors
 * (calling the numeric functions with a matrix that did not pass validation).
 */

export type FieldProblem = { path: string; message: string };

export type MatrixResult = { ok: true; matrix: number[][] } | { ok: false; problems: FieldProblem[] };

/** Largest supported matrix: the random index tables below stop at n = 15. */
export const MAX_MATRIX_SIZE = 15;

/** Relative tolerance for "is 1" and "is the reciprocal of" checks on judgments. */
export const RECIPROCAL_TOLERANCE = 1e-6;

/** Judgments whose log error e_ij is below this are treated as consistent. */
export const INCONSISTENCY_EPSILON = 1e-9;

/**
 * Saaty's fundamental scale: 1..9 and the reciprocals 1/2..1/9, ascending. The UI offers these;
 * the API accepts any positive reciprocal matrix.
 */
export const SAATY_SCALE: readonly number[] = Object.freeze([
  1 / 9,
  1 / 8,
  1 / 7,
  1 / 6,
  1 / 5,
  1 / 4,
  1 / 3,
  1 / 2,
  1,
  2,
  3,
  4,
  5,
  6,
  7,
  8,
  9,
]);

// ---------------------------------------------------------------------------------------------
// Random index tables (index n − 1, n = 1..15). RI is the mean consistency index of random
// reciprocal matrices of order n whose judgments are drawn from Saaty's scale; CR = CI / RI.
// ---------------------------------------------------------------------------------------------

/**
 * Saaty (1980), The Analytic Hierarchy Process, McGraw-Hill (500 random matrices per order).
 * Values as reproduced in Bernardus et al. (2012, p. 268), quoted in
 * http://library.binus.ac.id/eColls/eThesisdoc/Bab2HTML/2011200217TISIBab2001/page49.html
 * ("Tabel 2.6"), and in open-source code citing "Saaty 1980 p. 34"; n = 1..8 also at
 * https://iwaponline.com/view-large/3120630 (Table 2). Reproductions disagree in places: n = 12 is
 * 1.48 in the two sources above (a non-monotone value, kept as published) but 1.54 in others, and
 * http://www.healthstrategy.com/ahp/AHPinfo.htm prints 1.51 for n = 10. We could not read the 1980
 * book itself.
 */
export const SAATY_1980_RANDOM_INDEX: readonly number[] = Object.freeze([
  0, 0, 0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59,
]);

/**
 * Saaty's later table, as printed in Saaty (2005), Theory and Applications of the Analytic Network
 * Process, RWS Publications, Pittsburgh, p. 31 — transcribed from the AHPy library
 * (github.com/PhilipGriffith/AHPy, `random_index='saaty'`), which cites that page, and identical
 * in many independent open-source implementations. We could not read the book itself.
 */
export const SAATY_2005_RANDOM_INDEX: readonly number[] = Object.freeze([
  0, 0, 0.52, 0.89, 1.11, 1.25, 1.35, 1.4, 1.45, 1.49, 1.52, 1.54, 1.56, 1.58, 1.59,
]);

/**
 * Donegan, H.A. & Dodd, F.J. (1991), "A note on Saaty's random indexes", Mathematical and Computer
 * Modelling 15(10): 135–137, https://doi.org/10.1016/0895-7177(91)90098-R — transcribed from the
 * AHPy library (github.com/PhilipGriffith/AHPy, `random_index='dd'`, its default), which cites the
 * paper. Only one transcription was found; we could not read the paper itself. The paper gives no
 * value for n = 1, 2 (RI is 0 there by definition: every such matrix is consistent).
 *
 * Not included: Alonso & Lamata (2006), Int. J. Uncertainty, Fuzziness and Knowledge-Based
 * Systems 14(4): 445–459. Transcriptions disagree in the fourth decimal (e.g. n = 3: 0.5245 vs
 * 0.5247; n = 8: 1.4056 vs 1.4057) and the paper's table could not be read to settle it.
 */
export const DONEGAN_DODD_1991_RANDOM_INDEX: readonly number[] = Object.freeze([
  0, 0, 0.4914, 0.8286, 1.0591, 1.1797, 1.2519, 1.3171, 1.3733, 1.4055, 1.4213, 1.4497, 1.4643, 1.4822, 1.4969,
]);

export const RANDOM_INDEX_VARIANTS = ["saaty-1980", "saaty-2005", "donegan-dodd-1991"] as const;
export type RandomIndexVariant = (typeof RANDOM_INDEX_VARIANTS)[number];
export const DEFAULT_RANDOM_INDEX_VARIANT: RandomIndexVariant = "saaty-1980";

export const RANDOM_INDEX_TABLES: Readonly<Record<RandomIndexVariant, readonly number[]>> = Object.freeze({
  "saaty-1980": SAATY_1980_RANDOM_INDEX,
  "saaty-2005": SAATY_2005_RANDOM_INDEX,
  "donegan-dodd-1991": DONEGAN_DODD_1991_RANDOM_INDEX,
});

/** RI for a matrix of order n (1..15) from the chosen table. */
export function randomIndex(n: number, variant: RandomIndexVariant = DEFAULT_RANDOM_INDEX_VARIANT): number {
  const table = RANDOM_INDEX_TABLES[variant] as readonly number[] | undefined;
  if (table === undefined) throw new RangeError(`unknown random index variant ${JSON.stringify(variant)}`);
  const value = table[n - 1];
  if (!Number.isInteger(n) || value === undefined) {
    throw new RangeError(`no random index for n = ${n} (supported: 1..${MAX_MATRIX_SIZE})`);
  }
  return value;
}

/**
 * Largest acceptable consistency ratio for a matrix of order n: 0.05 for n = 3, 0.08 for n = 4,
 * 0.10 otherwise (Saaty's rule; the 0.10 cut-off is Saaty 1980, the stricter values for n = 3, 4
 * are commonly attributed to Saaty 1994, Fundamentals of Decision Making and Priority Theory).
 * For n ≤ 2 CR is always 0, so the threshold never bites.
 */
export function consistencyThreshold(n: number): number {
  if (n === 3) return 0.05;
  if (n === 4) return 0.08;
  return 0.1;
}

// ---------------------------------------------------------------------------------------------
// Saaty scale helpers
// ---------------------------------------------------------------------------------------------

/** Is x one of 1..9 or 1/2..1/9 (within a relative tolerance)? */
export function isSaatyValue(x: number, tolerance = RECIPROCAL_TOLERANCE): boolean {
  if (!Number.isFinite(x) || x <= 0) return false;
  return SAATY_SCALE.some((s) => Math.abs(x - s) <= tolerance * s);
}

/** The value on Saaty's scale nearest to x, compared on a log scale (so 1/9..9 clamp the ends). */
export function nearestSaatyValue(x: number): number {
  if (!Number.isFinite(x) || x <= 0) throw new RangeError(`expected a positive number, got ${x}`);
  const lx = Math.log(x);
  let best = 1;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const s of SAATY_SCALE) {
    const d = Math.abs(lx - Math.log(s));
    if (d < bestDistance) {
      best = s;
      bestDistance = d;
    }
  }
  return best;
}

// ---------------------------------------------------------------------------------------------
// Validation and construction
// ---------------------------------------------------------------------------------------------

function formatNumber(x: number): string {
  return String(Number(x.toPrecision(6)));
}

function isClose(a: number, b: number, tolerance = RECIPROCAL_TOLERANCE): boolean {
  return Math.abs(a - b) <= tolerance * Math.max(Math.abs(a), Math.abs(b));
}

function isPositiveFinite(x: unknown): x is number {
  return typeof x === "number" && Number.isFinite(x) && x > 0;
}

/**
 * Checks that `matrix` is a non-empty square array of arrays of finite positive numbers (n ≤ 15),
 * with 1 on the diagonal and a[j][i] = 1/a[i][j] within a relative tolerance of 1e-6. Every
 * problem names its cell (`matrix.2.3` is row 2, column 3, zero-based) or row (`matrix.1`).
 * `basePath` replaces `matrix` (e.g. `matrices.4` when checking one matrix of a group).
 */
export function validatePairwiseMatrix(matrix: unknown, basePath = "matrix"): MatrixResult {
  if (!Array.isArray(matrix)) {
    return { ok: false, problems: [{ path: basePath, message: "must be a square array of rows of numbers" }] };
  }
  const n = matrix.length;
  if (n === 0) return { ok: false, problems: [{ path: basePath, message: "must have at least one row" }] };
  if (n > MAX_MATRIX_SIZE) {
    return {
      ok: false,
      problems: [{ path: basePath, message: `must have at most ${MAX_MATRIX_SIZE} rows (got ${n})` }],
    };
  }

  const problems: FieldProblem[] = [];
  const wellFormedRow: boolean[] = [];
  for (let i = 0; i < n; i++) {
    const row: unknown = matrix[i];
    if (!Array.isArray(row)) {
      problems.push({ path: `${basePath}.${i}`, message: "row must be an array of numbers" });
      wellFormedRow.push(false);
      continue;
    }
    if (row.length !== n) {
      problems.push({ path: `${basePath}.${i}`, message: `row has ${row.length} entries, expected ${n}` });
    }
    wellFormedRow.push(row.length === n);
    for (let j = 0; j < row.length; j++) {
      const v: unknown = row[j];
      const path = `${basePath}.${i}.${j}`;
      if (typeof v !== "number" || !Number.isFinite(v)) {
        problems.push({ path, message: "must be a finite number" });
      } else if (v <= 0) {
        problems.push({ path, message: "must be positive" });
      } else if (i === j && !isClose(v, 1)) {
        problems.push({ path, message: `must be 1 on the diagonal (got ${formatNumber(v)})` });
      }
    }
  }

  // Reciprocity, checked once per pair and reported on the upper-triangle cell.
  for (let i = 0; i < n; i++) {
    if (!wellFormedRow[i]) continue;
    const row = matrix[i] as unknown[];
    for (let j = i + 1; j < n; j++) {
      if (!wellFormedRow[j]) continue;
      const upper = row[j];
      const lower = (matrix[j] as unknown[])[i];
      if (!isPositiveFinite(upper) || !isPositiveFinite(lower)) continue;
      const expected = 1 / lower;
      if (!isClose(upper, expected)) {
        problems.push({
          path: `${basePath}.${i}.${j}`,
          message: `must be the reciprocal of ${basePath}.${j}.${i} (expected ${formatNumber(expected)}, got ${formatNumber(upper)})`,
        });
      }
    }
  }

  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, matrix: (matrix as number[][]).map((row) => [...row]) };
}

/** One judgment: criterion i is `value` times as preferred as criterion j (zero-based indexes). */
export type Judgment = { i: number; j: number; value: number };

function pairKey(i: number, j: number): string {
  return i < j ? `${i},${j}` : `${j},${i}`;
}

function isIndex(x: unknown, n: number): x is number {
  return typeof x === "number" && Number.isInteger(x) && x >= 0 && x < n;
}

/**
 * The pairs (i < j) that have no judgment yet, in row-major order. A judgment counts for its pair
 * in either orientation; judgments with out-of-range indexes are ignored here.
 */
export function missingJudgments(n: number, judgments: readonly Judgment[]): { i: number; j: number }[] {
  const given = new Set<string>();
  for (const { i, j } of judgments) {
    if (isIndex(i, n) && isIndex(j, n) && i !== j) given.add(pairKey(i, j));
  }
  const missing: { i: number; j: number }[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (!given.has(pairKey(i, j))) missing.push({ i, j });
    }
  }
  return missing;
}

/**
 * Builds the full reciprocal matrix from the n(n−1)/2 judgments of one triangle (a judgment
 * `{ i: 2, j: 0, value: 3 }` is read as a[2][0] = 3, a[0][2] = 1/3). Every pair needs exactly one
 * judgment: a missing pair is a problem on its cell (`matrix.0.2`), not an implicit 1.
 */
export function matrixFromJudgments(n: number, judgments: readonly Judgment[]): MatrixResult {
  if (!Number.isInteger(n) || n < 1 || n > MAX_MATRIX_SIZE) {
    return { ok: false, problems: [{ path: "n", message: `must be an integer from 1 to ${MAX_MATRIX_SIZE}` }] };
  }
  const problems: FieldProblem[] = [];
  const matrix: number[][] = Array.from({ length: n }, () => Array.from({ length: n }, () => 1));
  const seen = new Map<string, number>();

  judgments.forEach((judgment, k) => {
    const { i, j, value } = judgment;
    let usable = true;
    if (!isIndex(i, n)) {
      problems.push({ path: `judgments.${k}.i`, message: `must be an integer from 0 to ${n - 1}` });
      usable = false;
    }
    if (!isIndex(j, n)) {
      problems.push({ path: `judgments.${k}.j`, message: `must be an integer from 0 to ${n - 1}` });
      usable = false;
    }
    if (!isPositiveFinite(value)) {
      problems.push({ path: `judgments.${k}.value`, message: "must be a positive finite number" });
      usable = false;
    }
    if (!usable) return;
    if (i === j) {
      problems.push({ path: `judgments.${k}`, message: `must compare two different criteria (i = j = ${i})` });
      return;
    }
    const key = pairKey(i, j);
    const previous = seen.get(key);
    if (previous !== undefined) {
      problems.push({
        path: `judgments.${k}`,
        message: `duplicates judgments.${previous} for criteria ${Math.min(i, j)} and ${Math.max(i, j)}`,
      });
      return;
    }
    seen.set(key, k);
    (matrix[i] as number[])[j] = value;
    (matrix[j] as number[])[i] = 1 / value;
  });

  for (const { i, j } of missingJudgments(n, judgments)) {
    problems.push({ path: `matrix.${i}.${j}`, message: `missing judgment comparing criterion ${i} with ${j}` });
  }

  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, matrix };
}

// ---------------------------------------------------------------------------------------------
// Priorities and consistency
// ---------------------------------------------------------------------------------------------

/** A (read-only) square matrix of judgments, as accepted by validatePairwiseMatrix. */
export type PairwiseMatrix = readonly (readonly number[])[];

function at(matrix: PairwiseMatrix, i: number, j: number): number {
  return (matrix[i] as readonly number[])[j] as number;
}

function assertSquare(matrix: PairwiseMatrix): number {
  const n = matrix.length;
  if (n === 0 || matrix.some((row) => row.length !== n)) {
    throw new RangeError("expected a non-empty square matrix (run validatePairwiseMatrix first)");
  }
  return n;
}

export type EigenvectorOptions = { tolerance?: number; maxIterations?: number };

export type EigenvectorResult = {
  /** Principal right eigenvector, normalized to sum 1. */
  weights: number[];
  /** Mean over i of (A w)_i / w_i. */
  lambdaMax: number;
  iterations: number;
  /** False when maxIterations ran out before max |Δw| fell below the tolerance. */
  converged: boolean;
};

/**
 * Principal eigenvector by power iteration from the uniform vector, normalized to sum 1 each
 * step, stopping when max |Δw| < tolerance. A positive matrix has a simple dominant (Perron)
 * eigenvalue, so this converges; for a consistent matrix it does so in two steps.
 */
export function principalEigenvector(matrix: PairwiseMatrix, options: EigenvectorOptions = {}): EigenvectorResult {
  const { tolerance = 1e-10, maxIterations = 10_000 } = options;
  const n = assertSquare(matrix);
  let w: number[] = Array.from({ length: n }, () => 1 / n);
  let iterations = 0;
  let converged = n === 1;

  while (!converged && iterations < maxIterations) {
    const next = multiply(matrix, w);
    const sum = next.reduce((a, b) => a + b, 0);
    let delta = 0;
    for (let i = 0; i < n; i++) {
      const v = (next[i] as number) / sum;
      next[i] = v;
      delta = Math.max(delta, Math.abs(v - (w[i] as number)));
    }
    w = next;
    iterations++;
    converged = delta < tolerance;
  }

  const aw = multiply(matrix, w);
  let ratioSum = 0;
  for (let i = 0; i < n; i++) ratioSum += (aw[i] as number) / (w[i] as number);
  return { weights: w, lambdaMax: ratioSum / n, iterations, converged };
}

function multiply(matrix: PairwiseMatrix, w: readonly number[]): number[] {
  return matrix.map((row) => row.reduce((acc, a, j) => acc + a * (w[j] as number), 0));
}

export type InconsistentJudgment = {
  i: number;
  j: number;
  /** The judgment a[i][j] as given. */
  given: number;
  /** w_i / w_j: the value that would agree with the derived weights. */
  suggested: number;
  /** The value on Saaty's scale nearest to `suggested` (log distance), for the UI. */
  suggestedSaaty: number;
  /** e_ij = |ln(a_ij · w_j / w_i)|. */
  error: number;
};

export type AhpEvaluation = {
  weights: number[];
  lambdaMax: number;
  /** Consistency index (λmax − n)/(n − 1); 0 for n ≤ 2. */
  ci: number;
  /** Consistency ratio CI/RI; 0 when RI = 0. */
  cr: number;
  randomIndex: number;
  randomIndexVariant: RandomIndexVariant;
  /** consistencyThreshold(n). */
  threshold: number;
  consistent: boolean;
  /** Upper-triangle judgments ranked by e_ij, worst first (e_ij < 1e-9 left out). */
  inconsistentJudgments: InconsistentJudgment[];
  iterations: number;
};

export type EvaluateOptions = EigenvectorOptions & { randomIndex?: RandomIndexVariant };

/**
 * Priorities and consistency of a validated pairwise matrix: weights (principal eigenvector),
 * λmax, CI = (λmax − n)/(n − 1), CR = CI/RI, consistent = CR ≤ consistencyThreshold(n), and the
 * judgments ranked by how far each is from the ratio of the derived weights.
 */
export function evaluateAhp(matrix: PairwiseMatrix, options: EvaluateOptions = {}): AhpEvaluation {
  const variant = options.randomIndex ?? DEFAULT_RANDOM_INDEX_VARIANT;
  const n = assertSquare(matrix);
  const ri = randomIndex(n, variant);
  const { weights, lambdaMax, iterations } = principalEigenvector(matrix, options);

  // λmax ≥ n holds exactly for any positive reciprocal matrix; the clamp only removes rounding
  // noise (and the 1e-6 reciprocity slack validation allows).
  const ci = n <= 2 ? 0 : Math.max(0, (lambdaMax - n) / (n - 1));
  const cr = ri === 0 ? 0 : ci / ri;
  const threshold = consistencyThreshold(n);

  const inconsistentJudgments: InconsistentJudgment[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const given = at(matrix, i, j);
      const suggested = (weights[i] as number) / (weights[j] as number);
      const error = Math.abs(Math.log(given / suggested));
      if (error < INCONSISTENCY_EPSILON) continue;
      inconsistentJudgments.push({ i, j, given, suggested, suggestedSaaty: nearestSaatyValue(suggested), error });
    }
  }
  inconsistentJudgments.sort((a, b) => b.error - a.error);

  return {
    weights,
    lambdaMax,
    ci,
    cr,
    randomIndex: ri,
    randomIndexVariant: variant,
    threshold,
    consistent: cr <= threshold,
    inconsistentJudgments,
    iterations,
  };
}

// ---------------------------------------------------------------------------------------------
// Group decisions
// ---------------------------------------------------------------------------------------------

export type AggregateOptions = {
  /** One non-negative weight per decision maker (normalized here); equal weights when omitted. */
  weights?: readonly number[];
};

/**
 * Aggregation of individual judgments (AIJ): the element-wise (weighted) geometric mean of the
 * decision makers' matrices — Aczél & Saaty (1983), "Procedures for synthesizing ratio
 * judgements", J. Math. Psychology 27(1): 93–102; Forman & Peniwati (1998), "Aggregating
 * individual judgments and priorities with the AHP", EJOR 108(1): 165–169. The geometric mean is
 * the aggregation that keeps the result reciprocal; we compute the upper triangle and set the
 * lower one to its exact reciprocal. Problems name `matrices.k.i.j` and `weights.k`.
 */
export function aggregateJudgments(matrices: unknown, options: AggregateOptions = {}): MatrixResult {
  if (!Array.isArray(matrices) || matrices.length === 0) {
    return { ok: false, problems: [{ path: "matrices", message: "must be a non-empty array of matrices" }] };
  }
  const problems: FieldProblem[] = [];
  const valid: number[][][] = [];
  matrices.forEach((m: unknown, k) => {
    const result = validatePairwiseMatrix(m, `matrices.${k}`);
    if (result.ok) valid.push(result.matrix);
    else problems.push(...result.problems);
  });

  const first = valid[0];
  if (problems.length === 0 && first !== undefined) {
    const n = first.length;
    valid.forEach((m, k) => {
      if (m.length !== n) {
        problems.push({
          path: `matrices.${k}`,
          message: `has order ${m.length}, expected ${n} (the order of matrices.0)`,
        });
      }
    });
  }

  const dmWeights = normalizeDecisionMakerWeights(options.weights, matrices.length, problems);
  if (problems.length > 0 || first === undefined || dmWeights === undefined) return { ok: false, problems };

  const n = first.length;
  const result: number[][] = Array.from({ length: n }, () => Array.from({ length: n }, () => 1));
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      let logSum = 0;
      valid.forEach((m, k) => {
        logSum += (dmWeights[k] as number) * Math.log(at(m, i, j));
      });
      const value = Math.exp(logSum);
      (result[i] as number[])[j] = value;
      (result[j] as number[])[i] = 1 / value;
    }
  }
  return { ok: true, matrix: result };
}

function normalizeDecisionMakerWeights(
  weights: readonly number[] | undefined,
  count: number,
  problems: FieldProblem[],
): number[] | undefined {
  if (weights === undefined) return Array.from({ length: count }, () => 1 / count);
  if (weights.length !== count) {
    problems.push({ path: "weights", message: `must have one weight per matrix (${count}), got ${weights.length}` });
    return undefined;
  }
  let ok = true;
  weights.forEach((w, k) => {
    if (typeof w !== "number" || !Number.isFinite(w) || w < 0) {
      problems.push({ path: `weights.${k}`, message: "must be a non-negative finite number" });
      ok = false;
    }
  });
  if (!ok) return undefined;
  const total = weights.reduce((a, b) => a + b, 0);
  if (total <= 0) {
    problems.push({ path: "weights", message: "must not all be zero" });
    return undefined;
  }
  return weights.map((w) => w / total);
}

export type GroupEvaluation =
  | { ok: true; matrix: number[][]; evaluation: AhpEvaluation }
  | { ok: false; problems: FieldProblem[] };

/** aggregateJudgments, then evaluateAhp on the aggregated matrix. */
export function evaluateGroup(matrices: unknown, options: AggregateOptions & EvaluateOptions = {}): GroupEvaluation {
  const aggregated = aggregateJudgments(matrices, options);
  if (!aggregated.ok) return aggregated;
  return { ok: true, matrix: aggregated.matrix, evaluation: evaluateAhp(aggregated.matrix, options) };
}

// ---------------------------------------------------------------------------------------------
// Hierarchy
// ---------------------------------------------------------------------------------------------

/** A criterion with its local weight among its siblings and optional sub-criteria. */
export type CriterionNode = { id: string; localWeight: number; children?: readonly CriterionNode[] };

export type CriterionWeight = {
  id: string;
  parentId: string | null;
  depth: number;
  localWeight: number;
  /** Product of the local weights on the path from the goal. */
  globalWeight: number;
  isLeaf: boolean;
};

export type GlobalWeightsResult =
  | { ok: true; criteria: CriterionWeight[]; leaves: CriterionWeight[] }
  | { ok: false; problems: FieldProblem[] };

/** Siblings' local weights must sum to 1 within this (absolute) tolerance. */
export const SIBLING_SUM_TOLERANCE = 1e-6;

/**
 * Global weights down a criteria hierarchy: each criterion's global weight is the product of the
 * local weights from the goal down to it, so when every group of siblings sums to 1 the leaves'
 * global weights sum to 1. `criteria` are the top level (the children of the goal). Returns every
 * criterion depth-first, and the leaves. Problems name `criteria.0.children.1.localWeight` etc.
 */
export function globalWeights(criteria: readonly CriterionNode[]): GlobalWeightsResult {
  const problems: FieldProblem[] = [];
  const out: CriterionWeight[] = [];
  const idPaths = new Map<string, string>();

  const visit = (
    siblings: readonly CriterionNode[],
    path: string,
    parentId: string | null,
    parentGlobal: number,
    depth: number,
  ): void => {
    let sum = 0;
    let sumIsMeaningful = true;
    siblings.forEach((node, k) => {
      const nodePath = `${path}.${k}`;
      const previous = idPaths.get(node.id);
      if (previous !== undefined) problems.push({ path: `${nodePath}.id`, message: `duplicates ${previous}.id` });
      else idPaths.set(node.id, nodePath);

      const local = node.localWeight;
      if (typeof local !== "number" || !Number.isFinite(local) || local < 0 || local > 1) {
        problems.push({ path: `${nodePath}.localWeight`, message: "must be a number from 0 to 1" });
        sumIsMeaningful = false;
        return;
      }
      sum += local;
      const global = parentGlobal * local;
      const children = node.children ?? [];
      out.push({
        id: node.id,
        parentId,
        depth,
        localWeight: local,
        globalWeight: global,
        isLeaf: children.length === 0,
      });
      if (children.length > 0) visit(children, `${nodePath}.children`, node.id, global, depth + 1);
    });
    if (siblings.length > 0 && sumIsMeaningful && Math.abs(sum - 1) > SIBLING_SUM_TOLERANCE) {
      problems.push({ path, message: `local weights must sum to 1 (got ${formatNumber(sum)})` });
    }
  };

  if (criteria.length === 0) return { ok: false, problems: [{ path: "criteria", message: "must not be empty" }] };
  visit(criteria, "criteria", null, 1, 0);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, criteria: out, leaves: out.filter((c) => c.isLeaf) };
}
