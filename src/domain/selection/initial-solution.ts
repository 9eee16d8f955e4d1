/**
 * A good feasible starting portfolio for the optimizer (a MIP start): the better feasible greedy
 * cut line (or just the forced projects when neither greedy portfolio is feasible), improved by
 * the local search. Null when no start is found (then the solver starts from scratch).
 */
import { runGreedyCutLine } from "./greedy-cut-line.js";
import { improveSolution, type LocalSearchOptions } from "./milp-local-search.js";
import type { SelectionModel } from "./selection-model.js";
import type { SelectionScenario } from "./selection-scenario.js";

export interface InitialSolution {
  /** Variable name → value, for `solveMilp(…, { initialValues })`. */
  values: Record<string, number>;
  objective: number;
}

/** Variable values (model order) of a portfolio given as project id → start month. */
export function portfolioToValues(model: SelectionModel, starts: ReadonlyMap<string, number>): Float64Array {
  const values = new Float64Array(model.variables.length);
  model.variables.forEach((v, j) => {
    if (v.meta?.kind === "start" && starts.get(v.meta.project) === v.meta.month) values[j] = 1;
  });
  return values;
}

export function findInitialSolution(
  scenario: SelectionScenario,
  model: SelectionModel,
  options: LocalSearchOptions = {},
): InitialSolution | null {
  const greedy = runGreedyCutLine(scenario);
  const portfolios = [greedy.byValuePerCost, greedy.byValue].filter((g) => g.isFeasible).map((g) => g.starts);
  if (portfolios.length === 0) {
    const forced = new Map<string, number>();
    for (const p of scenario.projects) {
      if (p.excluded) continue;
      if (p.lockedStart !== undefined) forced.set(p.id, p.lockedStart);
      else if (p.mandatory) forced.set(p.id, p.earliestStart);
    }
    portfolios.push(forced);
  }
  let best: InitialSolution | null = null;
  for (const starts of portfolios) {
    const improved = improveSolution(model, portfolioToValues(model, starts), options);
    if (improved && (best === null || improved.objective > best.objective)) {
      const values: Record<string, number> = {};
      model.variables.forEach((v, j) => {
        values[v.name] = improved.values[j]!;
      });
      best = { values, objective: improved.objective };
    }
  }
  return best;
}
