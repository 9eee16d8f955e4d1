/**
 * Portfolio-selection benchmark: the exact optimizer (selection model + HiGHS) on OR-Library
 * multidimensional knapsack instances and on a generated large scenario.
 *
 *   npm run bench:selection -- [FILE...] [--limit N | --only 0,6,8] [--time-limit 10] [--gap 1e-4]
 *                              [--parallel 2] [--lanes highs,genetic] [--lane 0:random_seed=3] [--highs name=value]
 *   npm run bench:selection -- --scale [--time-limit 60] [--gap 0.01]
 *
 * Without files it reads ../shared/data/orlib/{mknap1,mknapcb1,mknapcb2,mknapcb4,mknapcb7}.txt
 * when present. Each knapsack becomes a scenario with one month per knapsack constraint (budget =
 * capacity) and one project per item (cost in month i = its weight in constraint i, start fixed to
 * month 0), so the benchmark exercises the real model builder, solver adapter and greedy cut line.
 *
 * The solve runs `--parallel` workers at once (default 2, one per core here): by default HiGHS's
 * branch and bound in one and, for these 0-1 models, Chu & Beasley's genetic algorithm in the
 * other, sharing incumbents (see `solveMilp`'s `parallelism`); `--parallel 1` is HiGHS alone.
 *
 * One JSON line per instance on stdout:
 * {"instance","n","m","value","bestKnown","gapPct","seconds","status","greedyValue",
 *  "solverGapPct","bound","startValue","startSeconds","cpuSeconds","load1","parallel"}
 * - gapPct: (bestKnown − value) ÷ bestKnown × 100 (negative when the optimizer beats it); for the
 *   scale case, with no best known value, the solver's own gap to its proven bound;
 * - bestKnown: the proven optimum in mknap1's headers, or best-feasible-slns.txt (Chu & Beasley's
 *   GA values) for the mknapcb sets, found next to the input file;
 * - greedyValue: the better of the two greedy cut lines (value ÷ cost, and value);
 * - startValue: the MIP start handed to HiGHS — the better feasible greedy portfolio improved by
 *   the local search of `milp-local-search.ts` (`--no-start` to solve without it);
 * - seconds: wall clock from model building to the solver's answer (start heuristic, transfer and
 *   worker hand-off included); `--time-limit` is that wall budget, and the solver's workers get
 *   what the start heuristic left of it (startSeconds) minus 0.25 s;
 * - solverGapPct, bound: the gap and bound HiGHS proved (the genetic lane proves nothing);
 * - cpuSeconds: CPU time of this process (all threads) during the solve — on a shared machine it
 *   says how much of the wall-clock budget the solver really got;
 * - load1: the machine's 1-minute load average when the instance finished.
 * The scale line adds model size, resident memory (peak sampled every 100 ms) and the greedy values.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { runGreedyCutLine } from "../src/domain/selection/greedy-cut-line.js";
import { findInitialSolution } from "../src/domain/selection/initial-solution.js";
import { evaluatePortfolio } from "../src/domain/selection/portfolio-evaluation.js";
import { buildSelectionModel, readSelection } from "../src/domain/selection/selection-model.js";
import type { CandidateProject, SelectionScenario } from "../src/domain/selection/selection-scenario.js";
import { type SolveResult, type SolverLane, solveMilp } from "../src/server/modules/selection/solver/solve-milp.js";
import { shutdownSolverPool, warmUpSolver } from "../src/server/modules/selection/solver/solver-pool.js";
import { type KnapsackInstance, parseBestKnownValues, parseOrLibKnapsacks } from "./orlib.js";

const DEFAULT_DIR = path.resolve(import.meta.dirname, "../../shared/data/orlib");
const DEFAULT_FILES = ["mknap1.txt", "mknapcb1.txt", "mknapcb2.txt", "mknapcb4.txt", "mknapcb7.txt"];
const HANDOFF_SECONDS = 0.25;

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    limit: { type: "string" },
    only: { type: "string" },
    "time-limit": { type: "string" },
    gap: { type: "string" },
    scale: { type: "boolean", default: false },
    seed: { type: "string", default: "1" },
    highs: { type: "string", multiple: true },
    parallel: { type: "string", default: "2" },
    lanes: { type: "string" },
    lane: { type: "string", multiple: true },
    "no-start": { type: "boolean", default: false },
    "start-work": { type: "string", default: "20000000" },
  },
});

/**
 * HiGHS options: `mip_heuristic_effort` 0.5 (HiGHS's default is 0.05) measured better on the
 * mknapcb sets here (mknapcb1: 26 vs 24 of 30 within 0.1 %; mknapcb7: 28 of 30 within 0.5 %, never
 * worse); `--highs name=value` (repeatable) overrides or adds, e.g. `--highs mip_heuristic_effort=0.05`.
 */
const parseHighsOptions = (pairs: readonly string[]): Record<string, number | string | boolean> =>
  Object.fromEntries(
    pairs.map((pair) => {
      const [name, raw = ""] = pair.split("=");
      const value = raw === "true" ? true : raw === "false" ? false : Number.isNaN(Number(raw)) ? raw : Number(raw);
      return [name!, value];
    }),
  );
const highsOptions = parseHighsOptions(args.highs ?? []);
highsOptions.mip_heuristic_effort ??= 0.5;
const parallelism = Number(args.parallel);
/**
 * `--lanes highs,genetic` says what each worker runs (default: solveMilp's choice — HiGHS, then the
 * genetic heuristic for 0-1 models); `--lane k:name=value` (repeatable) sets a HiGHS option of lane k.
 */
const lanes: SolverLane[] | undefined = args.lanes?.split(",").map((kind, k): SolverLane => {
  if (kind === "genetic") return { kind: "genetic" };
  if (kind !== "highs") throw new Error(`--lanes: unknown lane kind ${kind}`);
  const own = (args.lane ?? [])
    .filter((spec) => spec.startsWith(`${k}:`))
    .map((spec) => spec.slice(spec.indexOf(":") + 1));
  return { kind: "highs", highsOptions: parseHighsOptions(own) };
});

const round = (x: number | null, digits = 6) => (x === null ? null : Number(x.toFixed(digits)));

function knapsackScenario(instance: KnapsackInstance): SelectionScenario {
  return {
    horizonMonths: instance.m,
    roles: [],
    projects: instance.profits.map(
      (value, j): CandidateProject => ({
        id: `i${j + 1}`,
        value,
        durationMonths: instance.m,
        costByMonth: instance.weights.map((row) => row[j]!),
        earliestStart: 0,
        latestStart: 0,
      }),
    ),
    constraints: { budgetByMonth: instance.capacities },
  };
}

async function solveScenario(scenario: SelectionScenario, timeLimit: number, gap: number) {
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const built = buildSelectionModel(scenario);
  if (!built.ok) throw new Error(`invalid scenario: ${JSON.stringify(built.problems.slice(0, 3))}`);
  // MIP start: the better greedy cut line improved by local search (counted in the time budget).
  const start = args["no-start"]
    ? null
    : findInitialSolution(scenario, built.model, { maxWork: Number(args["start-work"]) });
  const spent = (performance.now() - started) / 1000;
  const result: SolveResult = await solveMilp(built.model, {
    timeLimitSeconds: Math.max(0.5, timeLimit - spent - HANDOFF_SECONDS),
    mipRelGap: gap,
    highsOptions,
    parallelism,
    ...(lanes ? { lanes } : {}),
    ...(start ? { initialValues: start.values } : {}),
  });
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const greedy = runGreedyCutLine(scenario);
  const feasibleGreedy = [greedy.byValuePerCost, greedy.byValue].filter((g) => g.isFeasible).map((g) => g.value);
  const selection = readSelection(scenario, built.model, result.values);
  const violations = evaluatePortfolio(
    scenario,
    new Map(selection.selected.map((s) => [s.projectId, s.start])),
  ).violations;
  if (result.objective !== null && violations.length > 0) {
    throw new Error(`the solver's portfolio breaks ${violations[0]!.constraint}`);
  }
  const greedyValue = feasibleGreedy.length ? Math.max(...feasibleGreedy) : null;
  return {
    built: built.model,
    result,
    greedy,
    greedyValue,
    cpuSeconds,
    seconds,
    startValue: start?.objective ?? null,
    startSeconds: spent,
  };
}

async function runFiles(files: string[], limit: number | undefined, timeLimit: number, gap: number) {
  for (const file of files) {
    const base = path.basename(file).replace(/\.txt$/, "");
    const instances = parseOrLibKnapsacks(fs.readFileSync(file, "utf8"), base);
    const bestFile = path.join(path.dirname(file), "best-feasible-slns.txt");
    const bestKnown = fs.existsSync(bestFile) ? parseBestKnownValues(fs.readFileSync(bestFile, "utf8")) : new Map();
    const only = args.only?.split(",").map(Number); // `--only 1,6,8`: these instances (0-based) only
    const chosen = only ? instances.filter((_, k) => only.includes(k)) : instances.slice(0, limit ?? instances.length);
    for (const instance of chosen) {
      const known = instance.optimum ?? bestKnown.get(instance.name) ?? null;
      const { result, greedyValue, cpuSeconds, seconds, startValue, startSeconds } = await solveScenario(
        knapsackScenario(instance),
        timeLimit,
        gap,
      );
      const value = result.objective;
      console.log(
        JSON.stringify({
          instance: instance.name,
          n: instance.n,
          m: instance.m,
          value: round(value),
          bestKnown: known,
          gapPct: known !== null && value !== null ? round(((known - value) / known) * 100, 4) : null,
          seconds: round(seconds, 2),
          status: result.status,
          greedyValue,
          solverGapPct: round(result.gapPct, 4),
          bound: round(result.bound),
          startValue: round(startValue),
          startSeconds: round(startSeconds, 2),
          cpuSeconds: round(cpuSeconds, 2),
          load1: round(os.loadavg()[0]!, 2),
          parallel: parallelism,
        }),
      );
    }
  }
}

/**
 * A large scenario: `n` candidates over a `months` horizon with `roles` roles, 6-month start
 * windows, costs and demand with ramp-up profiles, value correlated with cost (which makes ranking
 * hard), and the other constraint types in realistic proportions.
 */
function generateScaleScenario(n: number, months: number, roleCount: number, seed: number): SelectionScenario {
  let state = seed >>> 0;
  const random = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const between = (lo: number, hi: number) => lo + (hi - lo) * random();
  const roles = Array.from({ length: roleCount }, (_, r) => `role${String(r + 1).padStart(2, "0")}`);
  const categories = ["run", "grow", "transform"];
  const projects: CandidateProject[] = [];
  for (let j = 0; j < n; j++) {
    const duration = 3 + Math.floor(random() * 10); // 3..12 months
    const monthly = Math.round(between(20, 200)) * 1000;
    const profile = Array.from({ length: duration }, (_, k) => (k === 0 || k === duration - 1 ? 0.6 : 1));
    const costByMonth = profile.map((f) => Math.round(monthly * f * between(0.8, 1.2)));
    const demandByRole: Record<string, number[]> = {};
    const roleUse = 2 + Math.floor(random() * 3);
    for (let r = 0; r < roleUse; r++) {
      const role = roles[Math.floor(random() * roleCount)]!;
      const fte = Math.round(between(0.5, 3) * 10) / 10;
      demandByRole[role] = profile.map((f) => Math.round(fte * f * 10) / 10);
    }
    const total = costByMonth.reduce((a, b) => a + b, 0);
    const earliest = Math.floor(random() * (months - 6));
    projects.push({
      id: `P${String(j + 1).padStart(4, "0")}`,
      value: Math.round((total / 1000) * between(0.6, 1.6)),
      durationMonths: duration,
      costByMonth,
      capexByMonth: costByMonth.map((c) => Math.round(c * 0.6)),
      demandByRole,
      earliestStart: earliest,
      latestStart: Math.min(months - 1, earliest + 5),
      category: categories[Math.floor(random() * 3)]!,
      ...(j % 100 === 7 ? { mandatory: true } : {}),
    });
  }
  // Limits: about a quarter of what all candidates would use in an average month.
  const averageMonthly = projects.reduce((s, p) => s + p.costByMonth.reduce((a, b) => a + b, 0), 0) / months;
  const demandPerRole = new Map(roles.map((r) => [r, 0]));
  for (const p of projects) {
    for (const [role, series] of Object.entries(p.demandByRole ?? {})) {
      demandPerRole.set(role, demandPerRole.get(role)! + series.reduce((a, b) => a + b, 0) / months);
    }
  }
  const dependencies = Array.from({ length: 20 }, (_, k) => ({
    project: projects[500 + k * 10]!.id,
    requires: projects[k * 10]!.id,
    startAfterEnd: k % 2 === 0,
  }));
  const exclusionGroups = Array.from({ length: 10 }, (_, k) => ({
    name: `alt${k + 1}`,
    projects: [projects[300 + k * 3]!.id, projects[301 + k * 3]!.id, projects[302 + k * 3]!.id],
  }));
  return {
    horizonMonths: months,
    roles,
    projects,
    constraints: {
      budgetByMonth: Array.from({ length: months }, () => Math.round(0.25 * averageMonthly)),
      capacityByRole: Object.fromEntries(
        roles.map((r) => [r, Array.from({ length: months }, () => Math.round(0.3 * demandPerRole.get(r)! * 10) / 10)]),
      ),
      dependencies,
      exclusionGroups,
      balance: [{ dimension: "category", key: "run", minShare: 0.2, maxShare: 0.5 }],
    },
  };
}

async function runScale(timeLimit: number, gap: number, seed: number) {
  const scenario = generateScaleScenario(1000, 24, 10, seed);
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 100);
  const buildStart = performance.now();
  const { built, result, greedy, greedyValue, cpuSeconds, seconds, startValue, startSeconds } = await solveScenario(
    scenario,
    timeLimit,
    gap,
  );
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  const nonzeros = built.constraints.reduce((s, r) => s + r.variables.length, 0);
  console.log(
    JSON.stringify({
      instance: "scale-1000x24x10-w6",
      n: scenario.projects.length,
      m: built.constraints.length,
      value: round(result.objective),
      bestKnown: null,
      gapPct: round(result.gapPct, 4),
      seconds: round(seconds, 2),
      status: result.status,
      greedyValue,
      solverGapPct: round(result.gapPct, 4),
      bound: round(result.bound),
      startValue: round(startValue),
      startSeconds: round(startSeconds, 2),
      cpuSeconds: round(cpuSeconds, 2),
      load1: round(os.loadavg()[0]!, 2),
      parallel: parallelism,
      variables: built.variables.length,
      nonzeros,
      totalSeconds: round((performance.now() - buildStart) / 1000, 2),
      selected: Object.values(result.values).filter((v) => v > 0.5).length,
      greedyByValuePerCost: greedy.byValuePerCost.value,
      greedyByValue: greedy.byValue.value,
      rssMbBefore: Math.round(before / 2 ** 20),
      rssMbPeak: Math.round(peak / 2 ** 20),
    }),
  );
}

async function main() {
  const scale = args.scale === true;
  const timeLimit = Number(args["time-limit"] ?? (scale ? 60 : 10));
  const gap = Number(args.gap ?? (scale ? 0.01 : 1e-4));
  const limit = args.limit === undefined ? undefined : Number(args.limit);
  await warmUpSolver(parallelism); // start-up of the worker threads is not part of any instance's time
  try {
    if (scale) await runScale(timeLimit, gap, Number(args.seed));
    else {
      const files =
        positionals.length > 0
          ? positionals
          : DEFAULT_FILES.map((f) => path.join(DEFAULT_DIR, f)).filter((f) => fs.existsSync(f));
      if (files.length === 0) {
        console.error(`no instance files given and none found in ${DEFAULT_DIR}`);
        process.exitCode = 2;
        return;
      }
      await runFiles(files, limit, timeLimit, gap);
    }
  } finally {
    await shutdownSolverPool();
  }
}

await main();
