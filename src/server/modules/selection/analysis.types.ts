/**
 * The contract between the selection service and the scenario analysis (`scenario-analysis.ts`):
 * what one run of a scenario computes, in the domain's terms (project ids, horizon month indexes,
 * currency units as the scenario gives them). The service turns it into API output (codes, names,
 * YYYY-MM months, cents).
 */
import type { GreedyRanking } from "../../../domain/selection/greedy-cut-line.js";
import type { PortfolioViolation } from "../../../domain/selection/portfolio-evaluation.js";
import type { Relaxation, SelectionRowKind } from "../../../domain/selection/selection-model.js";
import type { SolveStatus } from "./solver/solve-milp.js";

export interface AnalysisOptions {
  /** Wall-clock budget of the main solve. */
  timeLimitSeconds: number;
  /** Relative gap (fraction, e.g. 1e-4) at which the main solve may stop. */
  mipRelGap: number;
  /**
   * Compute the explanations (why not selected, loss if removed, frontier, shadow prices). Each
   * re-solve gets `explainTimeLimitSeconds` (default min(5, timeLimitSeconds)).
   */
  explain: boolean;
  explainTimeLimitSeconds?: number;
  /** Frontier points as fractions of the budget (default 0.6, 0.7, …, 1.4). */
  frontierFractions?: readonly number[];
  signal?: AbortSignal;
  onProgress?: (progress: AnalysisProgress) => void;
}

export interface AnalysisProgress {
  phase: "solving" | "explaining" | "frontier" | "done";
  /** 0..1 over the whole run when it can be estimated. */
  fraction: number;
  /** Of the main solve while solving. */
  incumbent?: number | null;
  bound?: number | null;
  gapPct?: number | null;
  nodes?: number;
  elapsedSeconds: number;
  message?: string;
}

export interface BindingConstraint {
  /** Model name, e.g. `budget_2027_03`, `capacity_analyst_2027_04`, `excl_crm`, `max_projects`. */
  constraint: string;
  kind: SelectionRowKind;
  month?: number;
  role?: string;
  /** Activity and limit of the row in the chosen portfolio. */
  activity: number;
  limit: number;
}

export interface ProjectExplanation {
  projectId: string;
  /**
   * Selected: value lost when the project is forced out (re-solve with it excluded);
   * not selected: value lost when it is forced in (re-solve with it mandatory).
   * null when the re-solve is infeasible (it cannot be forced in: see `blockedBy`) or failed.
   */
  loss: number | null;
  /** Status of the re-solve; `optimal` makes `loss` exact, otherwise it is an estimate. */
  status: SolveStatus;
  /**
   * For a project not selected: the constraints that keep it out — rows it would add to that are
   * tight (within 0.5 % of their limit) in the chosen portfolio, or rows like exclusion groups and
   * dependencies it would break; for a project that cannot be forced in at all, the elastic
   * relaxations that forcing it in would need.
   */
  binding: BindingConstraint[];
  /** Forcing it in would need these limits to move (only when the forced re-solve is infeasible). */
  blockedBy?: Relaxation[];
}

export interface ShadowPrice {
  constraint: string;
  kind: "budget" | "capex" | "opex" | "budget_total" | "capex_total" | "opex_total" | "capacity";
  month?: number;
  role?: string;
  /** Change of the optimal LP-relaxation value per unit more of the limit (currency unit or capacity unit). */
  price: number;
}

export interface FrontierPoint {
  /** Fraction of the scenario's budget (1 = as set). */
  fraction: number;
  /** The total budget at that point when the scenario has one (else null: monthly budgets scaled). */
  budgetTotal: number | null;
  value: number | null;
  status: SolveStatus;
  gapPct: number | null;
  projectIds: string[];
}

export interface GreedySummary {
  ranking: GreedyRanking;
  value: number;
  isFeasible: boolean;
  starts: Record<string, number>;
  violations: PortfolioViolation[];
}

export interface MonthlyUsage {
  /** Spend per horizon month of the chosen portfolio (all / capex / opex). */
  spend: number[];
  capex: number[];
  opex: number[];
  /** Spend per month by category key. */
  spendByCategory: Record<string, number[]>;
  /** Demand per role per month. */
  demandByRole: Record<string, number[]>;
}

export interface ScenarioAnalysis {
  /** Status of the main solve. `infeasible` comes with `relaxations`. */
  status: SolveStatus;
  message?: string;
  objective: number | null;
  bound: number | null;
  gapPct: number | null;
  seconds: number;
  nodes: number;
  /** Project id → horizon start month of the chosen portfolio (empty when there is none). */
  starts: Record<string, number>;
  value: number;
  /** Constraint violations of the chosen portfolio checked independently (should be empty). */
  violations: PortfolioViolation[];
  greedy: { byValuePerCost: GreedySummary; byValue: GreedySummary };
  /** When infeasible: what must move, largest relative move first. */
  relaxations: Relaxation[];
  /** Per candidate (not excluded by the user); empty when `explain` is off or there is no solution. */
  explanations: ProjectExplanation[];
  /** Tight rows of the chosen portfolio. */
  binding: BindingConstraint[];
  shadowPrices: ShadowPrice[];
  frontier: FrontierPoint[];
  usage: MonthlyUsage | null;
  /**
   * True when the AbortSignal stopped the explanations (shadow prices, per-project re-solves or
   * frontier) before they were complete: what is there is exact, the rest is missing.
   */
  isPartial?: boolean;
}
