/**
 * The pairwise grid's state and its live evaluation. A judgment is kept per pair (i < j, indexes of
 * the session's criteria) as a[i][j]: how many times criterion i is more important than j, on
 * Saaty's scale. The same pure functions as the server compute the consistency in the browser.
 */
import {
  type AhpEvaluation,
  evaluateAhp,
  matrixFromJudgments,
  missingJudgments,
  nearestSaatyValue,
  RANDOM_INDEX_VARIANTS,
  type RandomIndexVariant,
} from "../../../domain/strategy/ahp.js";
import type { JudgmentBody } from "./strategy-api.js";
import type { AhpSession } from "./types.js";

export type Pair = { i: number; j: number };
/** "i,j" (i < j) → a[i][j]. */
export type JudgmentMap = ReadonlyMap<string, number>;

export function pairKey(i: number, j: number): string {
  return i < j ? `${i},${j}` : `${j},${i}`;
}

/** Every pair once, row by row: n(n−1)/2 of them. */
export function pairsOf(n: number): Pair[] {
  const out: Pair[] = [];
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) out.push({ i, j });
  return out;
}

/**
 * The choices of one row, left to right: "A is 9…2 times more important", equal, "B is 2…9 times
 * more important". `value` is a[i][j].
 */
export type ScaleChoice = { id: string; value: number; times: number; favours: "a" | "b" | "equal" };
export const SCALE_CHOICES: readonly ScaleChoice[] = [
  ...[9, 8, 7, 6, 5, 4, 3, 2].map((t) => ({ id: `a${t}`, value: t, times: t, favours: "a" as const })),
  { id: "equal", value: 1, times: 1, favours: "equal" as const },
  ...[2, 3, 4, 5, 6, 7, 8, 9].map((t) => ({ id: `b${t}`, value: 1 / t, times: t, favours: "b" as const })),
];

/** The choice for a stored value (any positive number maps to its nearest point of the scale). */
export function choiceFor(value: number | undefined): ScaleChoice | undefined {
  if (value === undefined || !Number.isFinite(value) || value <= 0) return undefined;
  const nearest = nearestSaatyValue(value);
  return SCALE_CHOICES.find((c) => Math.abs(Math.log(c.value) - Math.log(nearest)) < 1e-9);
}

const SCALE_WORDS: Record<number, string> = {
  1: "equal",
  3: "moderate",
  5: "strong",
  7: "very strong",
  9: "extreme",
};

/** Saaty's word for a point of the scale, when it has one. */
export function scaleWord(times: number): string | undefined {
  return SCALE_WORDS[times];
}

/** "Customer impact is 3 times more important than Risk", read aloud and shown under the row. */
export function describeJudgment(value: number, a: string, b: string): string {
  const choice = choiceFor(value);
  if (!choice || choice.favours === "equal") return `${a} and ${b} are equally important`;
  const [more, less] = choice.favours === "a" ? [a, b] : [b, a];
  return `${more} is ${choice.times} times more important than ${less}`;
}

/** The caller's saved judgments (by criterion id, either orientation) as a map by pair. */
export function judgmentsFromSession(session: AhpSession): Map<string, number> {
  const index = new Map(session.criteria.map((c, k) => [c.id, k]));
  const out = new Map<string, number>();
  for (const j of session.mine?.judgments ?? []) {
    const a = index.get(j.a);
    const b = index.get(j.b);
    if (a === undefined || b === undefined || a === b || !(j.value > 0)) continue;
    out.set(pairKey(a, b), a < b ? j.value : 1 / j.value);
  }
  return out;
}

/** The map as the API's `{a, b, value}` list, in row order. */
export function judgmentsToApi(session: AhpSession, map: JudgmentMap): JudgmentBody[] {
  const out: JudgmentBody[] = [];
  for (const { i, j } of pairsOf(session.criteria.length)) {
    const value = map.get(pairKey(i, j));
    const a = session.criteria[i];
    const b = session.criteria[j];
    if (value !== undefined && a && b) out.push({ a: a.id, b: b.id, value });
  }
  return out;
}

export type LiveConsistency =
  | { complete: false; missing: number }
  | { complete: true; missing: 0; evaluation: AhpEvaluation };

function variantOf(name: string): RandomIndexVariant {
  return (RANDOM_INDEX_VARIANTS as readonly string[]).includes(name) ? (name as RandomIndexVariant) : "saaty-1980";
}

/** Weights and consistency of the grid as it stands, or how many comparisons are still missing. */
export function evaluateGrid(n: number, map: JudgmentMap, randomIndexVariant: string): LiveConsistency {
  const judgments = [...map.entries()].map(([key, value]) => {
    const [i, j] = key.split(",").map(Number) as [number, number];
    return { i, j, value };
  });
  const missing = missingJudgments(n, judgments).length;
  if (missing > 0) return { complete: false, missing };
  const matrix = matrixFromJudgments(n, judgments);
  if (!matrix.ok) return { complete: false, missing: 0 };
  return {
    complete: true,
    missing: 0,
    evaluation: evaluateAhp(matrix.matrix, { randomIndex: variantOf(randomIndexVariant) }),
  };
}
