/**
 * The best solution found so far by any of several solves of the same model that run at once
 * (`solveMilp` with `parallelism` > 1), kept in a SharedArrayBuffer that every worker thread sees.
 * A worker offers each incumbent it finds and, at HiGHS's user-solution checkpoints, takes a
 * better one that another worker found (HiGHS checks it before using it). The pool only ever holds
 * a solution some worker reported as feasible; it never touches bounds.
 *
 * Layout: Int32 [lock, version], then Float64 [objective, value_0 … value_{n−1}]. `version` counts
 * accepted offers (0 = empty); the lock is a spin lock held only while n values are copied.
 */

const HEADER_BYTES = 8;

export interface IncumbentPool {
  readonly buffer: SharedArrayBuffer;
  readonly numCols: number;
  readonly maximize: boolean;
}

/** An empty pool for a model of `numCols` columns. */
export function createIncumbentPool(numCols: number, maximize: boolean): IncumbentPool {
  return { buffer: new SharedArrayBuffer(HEADER_BYTES + 8 * (numCols + 1)), numCols, maximize };
}

function views(pool: IncumbentPool) {
  return {
    header: new Int32Array(pool.buffer, 0, 2),
    data: new Float64Array(pool.buffer, HEADER_BYTES, pool.numCols + 1),
  };
}

function withLock<T>(header: Int32Array, body: () => T): T {
  while (Atomics.compareExchange(header, 0, 0, 1) !== 0) {
    // Another thread copies a solution (a few microseconds): spin.
  }
  try {
    return body();
  } finally {
    Atomics.store(header, 0, 0);
  }
}

const isBetter = (pool: IncumbentPool, objective: number, than: number) =>
  pool.maximize ? objective > than : objective < than;

/** How many solutions the pool has accepted (0 while empty); cheap, lock-free. */
export function poolVersion(pool: IncumbentPool): number {
  return Atomics.load(new Int32Array(pool.buffer, 0, 2), 1);
}

/**
 * Offer a solution; it is kept when the pool is empty or it is strictly better. Returns whether it
 * was accepted and the pool's version after the offer.
 */
export function offerIncumbent(
  pool: IncumbentPool,
  objective: number,
  values: ArrayLike<number>,
): { accepted: boolean; version: number } {
  if (!Number.isFinite(objective) || values.length !== pool.numCols) {
    return { accepted: false, version: poolVersion(pool) };
  }
  const { header, data } = views(pool);
  return withLock(header, () => {
    const version = Atomics.load(header, 1);
    if (version > 0 && !isBetter(pool, objective, data[0]!)) return { accepted: false, version };
    data[0] = objective;
    for (let j = 0; j < pool.numCols; j++) data[j + 1] = values[j]!;
    Atomics.store(header, 1, version + 1);
    return { accepted: true, version: version + 1 };
  });
}

/** The pool's solution when it is strictly better than `than` (null: no better one, or empty). */
export function takeBetterIncumbent(
  pool: IncumbentPool,
  than: number | null | undefined,
): { objective: number; values: Float64Array; version: number } | null {
  const { header, data } = views(pool);
  return withLock(header, () => {
    const version = Atomics.load(header, 1);
    if (version === 0) return null;
    const objective = data[0]!;
    if (than !== null && than !== undefined && Number.isFinite(than) && !isBetter(pool, objective, than)) return null;
    return { objective, values: data.slice(1), version };
  });
}
