import { describe, expect, it } from "vitest";
import { createIncumbentPool, offerIncumbent, poolVersion, takeBetterIncumbent } from "./incumbent-pool.js";

describe("incumbent pool", () => {
  it("keeps only strictly better solutions of a maximization and counts them", () => {
    const pool = createIncumbentPool(3, true);
    expect(poolVersion(pool)).toBe(0);
    expect(takeBetterIncumbent(pool, null)).toBeNull();
    expect(offerIncumbent(pool, 10, [1, 0, 1])).toEqual({ accepted: true, version: 1 });
    expect(offerIncumbent(pool, 10, [0, 1, 1])).toEqual({ accepted: false, version: 1 });
    expect(offerIncumbent(pool, 9, [0, 1, 0])).toEqual({ accepted: false, version: 1 });
    expect(offerIncumbent(pool, 12, [1, 1, 0])).toEqual({ accepted: true, version: 2 });
    expect(takeBetterIncumbent(pool, 11)).toEqual({ objective: 12, values: Float64Array.from([1, 1, 0]), version: 2 });
    expect(takeBetterIncumbent(pool, 12)).toBeNull();
    expect(takeBetterIncumbent(pool, undefined)?.objective).toBe(12);
  });

  it("keeps smaller objectives of a minimization", () => {
    const pool = createIncumbentPool(1, false);
    offerIncumbent(pool, 5, [1]);
    expect(offerIncumbent(pool, 7, [0]).accepted).toBe(false);
    expect(offerIncumbent(pool, 3, [0]).accepted).toBe(true);
    expect(takeBetterIncumbent(pool, 4)?.objective).toBe(3);
    expect(takeBetterIncumbent(pool, 3)).toBeNull();
  });

  it("refuses a vector of the wrong length or a non-finite objective, and hands out copies", () => {
    const pool = createIncumbentPool(2, true);
    expect(offerIncumbent(pool, 1, [1]).accepted).toBe(false);
    expect(offerIncumbent(pool, Number.NaN, [1, 1]).accepted).toBe(false);
    expect(offerIncumbent(pool, Number.POSITIVE_INFINITY, [1, 1]).accepted).toBe(false);
    offerIncumbent(pool, 1, [1, 0]);
    const taken = takeBetterIncumbent(pool, null)!;
    taken.values[0] = 7;
    expect(takeBetterIncumbent(pool, null)!.values).toEqual(Float64Array.from([1, 0]));
  });

  it("is shared: a structured clone (what a worker receives) sees the same solutions", () => {
    const pool = createIncumbentPool(2, true);
    const copy = structuredClone(pool);
    offerIncumbent(copy, 4, [0, 1]);
    expect(takeBetterIncumbent(pool, null)).toEqual({ objective: 4, values: Float64Array.from([0, 1]), version: 1 });
  });
});
