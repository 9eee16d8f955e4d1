import type { Generated } from "kysely";

export interface SelectionScenariosTable {
  organization_id: string;
  id: string;
  portfolio_id: string;
  name: string;
  description: Generated<string>;
  first_month: string;
  horizon_months: number;
  value_source: string;
  capacity_unit: string;
  /** JSON string[] */
  candidate_statuses: string;
  lock_active: number;
  start_flex_months: number;
  /** JSON ScenarioConstraints */
  constraints: string;
  /** JSON CandidateSetting[] */
  candidates: string;
  /** JSON SolverSettings */
  solver: string;
  status: Generated<string>;
  committed_at: string | null;
  committed_run_id: string | null;
  commit_decision_id: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface SelectionRunsTable {
  organization_id: string;
  id: string;
  scenario_id: string;
  status: string;
  message: string | null;
  /** Hash of the solver input: a run whose fingerprint differs from the scenario's current one is stale. */
  fingerprint: string;
  /** JSON: the solver settings used */
  settings: string;
  value: number | null;
  gap_pct: number | null;
  selected_count: number | null;
  /** JSON RunResult, when finished */
  result: string | null;
  requested_by: string | null;
  started_at: string;
  finished_at: string | null;
}
