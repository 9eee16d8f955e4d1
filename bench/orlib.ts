/**
 * Readers for J.E. Beasley's OR-Library multidimensional knapsack files (mknap1.txt,
 * mknapcbN.txt; format in ../shared/data/orlib/file-format.txt) and its table of best known
 * values (best-feasible-slns.txt).
 */

export interface KnapsackInstance {
  /** `mknap1-3` for mknap1, `m.n-kk` (e.g. `10.100-03`) for the Chu & Beasley sets. */
  name: string;
  n: number;
  m: number;
  /** Optimum stated in the file header (mknap1), null when the header says 0. */
  optimum: number | null;
  profits: number[];
  /** weights[i][j]: use of constraint i by item j. */
  weights: number[][];
  capacities: number[];
}

/** Parse a whitespace-separated stream of problems; `fileBase` is the file name without `.txt`. */
export function parseOrLibKnapsacks(text: string, fileBase: string): KnapsackInstance[] {
  const tokens = text.split(/\s+/).filter((t) => t !== "");
  let at = 0;
  const next = (): number => {
    const token = tokens[at++];
    if (token === undefined) throw new Error(`${fileBase}: the file ends early (token ${at})`);
    const value = Number(token);
    if (!Number.isFinite(value)) throw new Error(`${fileBase}: "${token}" is not a number (token ${at})`);
    return value;
  };
  const count = next();
  const instances: KnapsackInstance[] = [];
  const isChuBeasley = /^mknapcb\d+$/.test(fileBase);
  for (let k = 0; k < count; k++) {
    const n = next();
    const m = next();
    const optimum = next();
    const profits = Array.from({ length: n }, next);
    const weights = Array.from({ length: m }, () => Array.from({ length: n }, next));
    const capacities = Array.from({ length: m }, next);
    const name = isChuBeasley ? `${m}.${n}-${String(k).padStart(2, "0")}` : `${fileBase}-${k + 1}`;
    instances.push({ name, n, m, optimum: optimum === 0 ? null : optimum, profits, weights, capacities });
  }
  return instances;
}

/** The first table of best-feasible-slns.txt: problem name (`5.100-00`) → best known value. */
export function parseBestKnownValues(text: string): Map<string, number> {
  const best = new Map<string, number>();
  for (const line of text.split("\n")) {
    if (/LP optimal/i.test(line)) break; // the second table holds LP relaxation values
    const match = /^\s*(\d+\.\d+-\d+)\s+(\d+(?:\.\d+)?)\s*$/.exec(line);
    if (match) best.set(match[1]!, Number(match[2]));
  }
  return best;
}
