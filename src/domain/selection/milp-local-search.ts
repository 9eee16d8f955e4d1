/**
 * A primal heuristic for 0-1 maximization models built by `buildSelectionModel`: from a feasible
 * start it fills, swaps and perturbs binary variables (iterated local search) and returns the best
 * feasible solution found. Its use is a MIP start: HiGHS begins from a good incumbent, which its
 * own neighbourhood heuristics (RINS, RENS) then improve, and the gap starts small.
 *
 * Generic over the neutral MILP: every move is checked against every row it touches (≤, ≥, =), so
 * budgets, capacities, once/mandatory rows, dependencies, exclusion groups, counts and balance
 * rules all hold without knowing what they mean. Deterministic: the work is bounded by a count of
 * row checks, not by a clock, and randomness comes from a seeded generator.
 */
import type { MilpModel } from "./milp.js";

export interface LocalSearchOptions {
  /** Upper bound on row-coefficient checks (≈ work); default 20 million (about a second here). */
  maxWork?: number;
  /** How many of the best-ranked unselected variables a swap considers; default 60. */
  candidates?: number;
  /** Stop after this many perturbations in a row without a better solution; default 2,000. */
  maxStall?: number;
  seed?: number;
}

const TOLERANCE = 1e-9;

/**
 * Improve a feasible 0/1 solution (`start` gives a value per variable, in model order). Returns
 * null when the start is not feasible or the model has non-binary variables with non-zero values.
 */
export function improveSolution(
  model: MilpModel,
  start: ArrayLike<number>,
  options: LocalSearchOptions = {},
): { values: Float64Array; objective: number; work: number } | null {
  const n = model.variables.length;
  const maxWork = options.maxWork ?? 20_000_000;
  const candidateCount = options.candidates ?? 60;
  const maxStall = options.maxStall ?? 2_000;
  let seed = (options.seed ?? 1) >>> 0 || 1;
  const random = () => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };

  // Column-wise rows of every variable.
  const colStart = new Int32Array(n + 1);
  for (const row of model.constraints) for (const j of row.variables) colStart[j + 1]!++;
  for (let j = 0; j < n; j++) colStart[j + 1]! += colStart[j]!;
  const colRow = new Int32Array(colStart[n]!);
  const colCoef = new Float64Array(colStart[n]!);
  const fillAt = colStart.slice(0, n);
  model.constraints.forEach((row, i) => {
    row.variables.forEach((j, k) => {
      const at = fillAt[j]!++;
      colRow[at] = i;
      colCoef[at] = row.coefficients[k]!;
    });
  });
  const lower = Float64Array.from(model.constraints, (r) => r.lower);
  const upper = Float64Array.from(model.constraints, (r) => r.upper);
  // Absolute slack per row, relative to its finite bounds.
  const rowSlack = Float64Array.from(model.constraints, (r) => {
    const finite = [r.lower, r.upper].filter(Number.isFinite).map(Math.abs);
    return TOLERANCE * Math.max(1, ...finite);
  });
  const cost = Float64Array.from(model.variables, (v) => (model.sense === "maximize" ? v.objective : -v.objective));
  const movable = model.variables.map((v) => v.type === "binary" && v.lower === 0 && v.upper === 1);

  const x = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const v = start[j] ?? 0;
    if (!movable[j] && v !== 0 && model.variables[j]!.type !== "binary") return null;
    x[j] = movable[j] ? (v > 0.5 ? 1 : 0) : v;
  }
  const activity = new Float64Array(model.constraints.length);
  for (let j = 0; j < n; j++) {
    if (x[j] === 0) continue;
    for (let k = colStart[j]!; k < colStart[j + 1]!; k++) activity[colRow[k]!]! += colCoef[k]! * x[j]!;
  }
  for (let i = 0; i < activity.length; i++) {
    if (activity[i]! < lower[i]! - rowSlack[i]! || activity[i]! > upper[i]! + rowSlack[i]!) return null;
  }

  // Rank variables by objective per unit of relative use of ≤ resources.
  const utility = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    let use = 1e-12;
    for (let k = colStart[j]!; k < colStart[j + 1]!; k++) {
      const i = colRow[k]!;
      if (colCoef[k]! > 0 && Number.isFinite(upper[i]!) && upper[i]! > 0) use += colCoef[k]! / upper[i]!;
    }
    utility[j] = cost[j]! / use;
  }
  const byUtility = [...Array(n).keys()]
    .filter((j) => movable[j] && cost[j]! > 0)
    .sort((a, b) => utility[b]! - utility[a]!);

  let work = 0;
  const delta = new Float64Array(model.constraints.length);
  const isTouched = new Uint8Array(model.constraints.length);
  const touched: number[] = [];
  /** Apply a set of flips if every touched row stays within its bounds. */
  const tryFlips = (flips: readonly number[]): boolean => {
    work++;
    touched.length = 0;
    for (const j of flips) {
      const sign = x[j] === 1 ? -1 : 1;
      for (let k = colStart[j]!; k < colStart[j + 1]!; k++) {
        const i = colRow[k]!;
        if (isTouched[i] === 0) {
          isTouched[i] = 1;
          touched.push(i);
        }
        delta[i]! += sign * colCoef[k]!;
        work++;
      }
    }
    let ok = true;
    for (const i of touched) {
      const a = activity[i]! + delta[i]!;
      if (a < lower[i]! - rowSlack[i]! || a > upper[i]! + rowSlack[i]!) {
        ok = false;
        break;
      }
    }
    if (ok) {
      for (const i of touched) activity[i]! += delta[i]!;
      for (const j of flips) x[j] = 1 - x[j]!;
    }
    for (const i of touched) {
      delta[i] = 0;
      isTouched[i] = 0;
    }
    return ok;
  };
  /** Flip one variable when every row it touches stays within bounds (stops at the first that does not). */
  const flipIfFeasible = (j: number): boolean => {
    work++; // every attempt counts, so variables without rows cannot make the search spin
    const sign = x[j] === 1 ? -1 : 1;
    for (let k = colStart[j]!; k < colStart[j + 1]!; k++) {
      work++;
      const i = colRow[k]!;
      const a = activity[i]! + sign * colCoef[k]!;
      if (a < lower[i]! - rowSlack[i]! || a > upper[i]! + rowSlack[i]!) return false;
    }
    for (let k = colStart[j]!; k < colStart[j + 1]!; k++) activity[colRow[k]!]! += sign * colCoef[k]!;
    x[j] = 1 - x[j]!;
    return true;
  };
  const objectiveOf = () => {
    let total = 0;
    for (let j = 0; j < n; j++) total += cost[j]! * x[j]!;
    return total;
  };
  const fill = (order: readonly number[]) => {
    for (const j of order) if (x[j] === 0) flipIfFeasible(j);
  };
  /** Swap a selected variable for a better unselected one until no swap improves. */
  const swapDescent = () => {
    let improved = true;
    while (improved && work < maxWork) {
      improved = false;
      const unselected: number[] = [];
      for (const j of byUtility) {
        if (x[j] === 0) unselected.push(j);
        if (unselected.length >= candidateCount) break;
      }
      for (const out of byUtility) {
        if (x[out] !== 1) continue;
        if (flipIfFeasible(out)) {
          // Removed on its own: any better candidate that now fits replaces it.
          for (const into of unselected) {
            if (cost[into]! > cost[out]! + TOLERANCE && x[into] === 0 && flipIfFeasible(into)) {
              improved = true;
              break;
            }
          }
          if (!improved) flipIfFeasible(out); // put it back: always fits, nothing else changed
        } else {
          // Its removal alone breaks a ≥ or = row (a mandatory project, a balance minimum): try pairs.
          for (const into of unselected) {
            if (cost[into]! > cost[out]! + TOLERANCE && x[into] === 0 && tryFlips([out, into])) {
              improved = true;
              break;
            }
          }
        }
        if (improved) fill(byUtility);
        if (improved || work >= maxWork) break;
      }
    }
  };

  fill(byUtility);
  swapDescent();
  let best = x.slice();
  let bestObjective = objectiveOf();
  let stall = 0;
  while (work < maxWork && stall < maxStall) {
    stall++;
    // Perturb: drop a few selected variables, refill in a noisy utility order, descend again.
    work += byUtility.length;
    const selected = byUtility.filter((j) => x[j] === 1);
    if (selected.length === 0) break;
    const drops = 2 + Math.floor(random() * 4);
    for (let d = 0; d < drops; d++) {
      const j = selected[Math.floor(random() * selected.length)]!;
      if (x[j] === 1) flipIfFeasible(j);
    }
    const noisy = byUtility
      .map((j) => ({ j, key: utility[j]! * (1 + 0.3 * random()) }))
      .sort((a, b) => b.key - a.key)
      .map((e) => e.j);
    fill(noisy);
    swapDescent();
    const objective = objectiveOf();
    if (objective > bestObjective + TOLERANCE) {
      best = x.slice();
      bestObjective = objective;
      stall = 0;
    } else if (objective < bestObjective * (1 - 0.002) - TOLERANCE) {
      // Drifted too far: go back to the best solution (flip the differences in one checked move).
      const diff: number[] = [];
      for (let j = 0; j < n; j++) if (x[j] !== best[j]) diff.push(j);
      if (!tryFlips(diff)) break; // cannot happen for a consistent state; stop rather than loop
    }
  }
  const sign = model.sense === "maximize" ? 1 : -1;
  return { values: best, objective: sign * bestObjective + model.objectiveConstant, work };
}
