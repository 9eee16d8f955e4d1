import { describe, expect, test } from "vitest";
import {
  choiceFor,
  describeJudgment,
  evaluateGrid,
  judgmentsFromSession,
  judgmentsToApi,
  pairKey,
  pairsOf,
  SCALE_CHOICES,
} from "./pairwise-model.js";
import type { AhpSession } from "./types.js";

function session(judgments: { a: string; b: string; value: number }[]): AhpSession {
  return {
    id: "s",
    name: "S",
    description: "",
    businessUnit: "",
    parentCriterionId: null,
    criteria: [
      { id: "c", key: "c", name: "Customer" },
      { id: "r", key: "r", name: "Risk" },
      { id: "k", key: "k", name: "Cost" },
    ],
    status: "open",
    randomIndexVariant: "saaty-1980",
    participants: [],
    mine: { judgments, evaluation: null, missing: 0, submittedAt: null },
    group: null,
    createdAt: "",
    closedAt: null,
    version: 1,
  };
}

describe("the pairwise grid model", () => {
  test("n criteria give n(n−1)/2 pairs, row by row", () => {
    expect(pairsOf(4)).toEqual([
      { i: 0, j: 1 },
      { i: 0, j: 2 },
      { i: 0, j: 3 },
      { i: 1, j: 2 },
      { i: 1, j: 3 },
      { i: 2, j: 3 },
    ]);
  });

  test("the scale runs from A 9× through equal to B 9×, and every value maps back to its choice", () => {
    expect(SCALE_CHOICES.map((c) => c.id)).toEqual([
      "a9",
      "a8",
      "a7",
      "a6",
      "a5",
      "a4",
      "a3",
      "a2",
      "equal",
      "b2",
      "b3",
      "b4",
      "b5",
      "b6",
      "b7",
      "b8",
      "b9",
    ]);
    for (const c of SCALE_CHOICES) expect(choiceFor(c.value)?.id).toBe(c.id);
    expect(choiceFor(2.9)?.id).toBe("a3");
    expect(choiceFor(undefined)).toBeUndefined();
  });

  test("judgments read as sentences", () => {
    expect(describeJudgment(3, "Customer", "Risk")).toBe("Customer is 3 times more important than Risk");
    expect(describeJudgment(1 / 5, "Customer", "Risk")).toBe("Risk is 5 times more important than Customer");
    expect(describeJudgment(1, "Customer", "Risk")).toBe("Customer and Risk are equally important");
  });

  test("saved judgments in either orientation become a[i][j] by pair, and go back as {a, b, value}", () => {
    const s = session([
      { a: "r", b: "c", value: 3 }, // Risk 3× Customer → a[0][1] = 1/3
      { a: "c", b: "k", value: 5 },
    ]);
    const map = judgmentsFromSession(s);
    expect(map.get(pairKey(0, 1))).toBeCloseTo(1 / 3);
    expect(map.get(pairKey(0, 2))).toBe(5);
    expect(judgmentsToApi(s, map)).toEqual([
      { a: "c", b: "r", value: 1 / 3 },
      { a: "c", b: "k", value: 5 },
    ]);
  });

  test("the live evaluation counts missing pairs, then gives weights and CR", () => {
    const map = new Map([
      [pairKey(0, 1), 1 / 3],
      [pairKey(0, 2), 1 / 3],
    ]);
    expect(evaluateGrid(3, map, "saaty-1980")).toEqual({ complete: false, missing: 1 });
    map.set(pairKey(1, 2), 1);
    const live = evaluateGrid(3, map, "saaty-1980");
    if (!live.complete) throw new Error("expected a complete grid");
    expect(live.evaluation.weights.map((w) => Number(w.toFixed(4)))).toEqual([0.1429, 0.4286, 0.4286]);
    expect(live.evaluation.cr).toBeCloseTo(0, 9);
    expect(live.evaluation.consistent).toBe(true);

    // A circular set (0 > 1 > 2 > 0) is inconsistent.
    const cycle = new Map([
      [pairKey(0, 1), 3],
      [pairKey(1, 2), 3],
      [pairKey(0, 2), 1 / 3],
    ]);
    const bad = evaluateGrid(3, cycle, "saaty-1980");
    if (!bad.complete) throw new Error("expected a complete grid");
    expect(bad.evaluation.consistent).toBe(false);
    expect(bad.evaluation.cr).toBeGreaterThan(bad.evaluation.threshold);
  });
});
