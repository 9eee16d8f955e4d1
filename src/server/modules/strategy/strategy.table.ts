import type { Generated } from "kysely";

export interface StrategicObjectivesTable {
  organization_id: string;
  id: string;
  parent_id: string | null;
  kind: string;
  code: string;
  title: string;
  description: Generated<string>;
  owner_user_id: string | null;
  horizon_start: string;
  horizon_end: string;
  status: string;
  weight: number;
  sort_order: Generated<number>;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface GoalsTable {
  organization_id: string;
  id: string;
  level: string;
  objective_id: string | null;
  project_id: string | null;
  title: string;
  description: Generated<string>;
  scope: Generated<string>;
  metric_name: Generated<string>;
  unit: Generated<string>;
  direction: string;
  baseline_value: number | null;
  baseline_date: string | null;
  target_value: number | null;
  target_date: string | null;
  tolerance: number | null;
  /** JSON [{date, value}] */
  milestones: Generated<string>;
  owner_user_id: string | null;
  status: string;
  /** A benefit whose measurements are this goal's values (the goal follows it; no check-ins typed). */
  data_source_benefit_id: string | null;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface GoalCheckInsTable {
  organization_id: string;
  id: string;
  goal_id: string;
  date: string;
  value: number;
  note: Generated<string>;
  recorded_by: string | null;
  created_at: string;
}

export interface CriteriaTable {
  organization_id: string;
  id: string;
  parent_id: string | null;
  key: string;
  name: string;
  description: Generated<string>;
  source: string;
  scale_min: Generated<number>;
  scale_max: Generated<number>;
  higher_is_better: Generated<number>;
  /** JSON [{value, label, description}] */
  levels: Generated<string>;
  sort_order: Generated<number>;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface AhpSessionsTable {
  organization_id: string;
  id: string;
  name: string;
  description: Generated<string>;
  business_unit: Generated<string>;
  parent_criterion_id: string | null;
  /** JSON array of criterion ids, fixed when the session opens */
  criterion_ids: string;
  status: string;
  random_index: string;
  created_by: string | null;
  closed_at: string | null;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface AhpParticipantsTable {
  organization_id: string;
  session_id: string;
  user_id: string;
  /** JSON [{a: criterionId, b: criterionId, value}] meaning "a is `value` times as important as b" */
  judgments: Generated<string>;
  consistency_ratio: number | null;
  submitted_at: string | null;
  invited_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface ScoringModelsTable {
  organization_id: string;
  id: string;
  model_version: number;
  session_id: string | null;
  /** JSON [{criterionId, key, name, localWeight, globalWeight}] */
  weights: string;
  note: Generated<string>;
  published_by: string | null;
  published_at: string;
}

export interface ProjectScoresTable {
  organization_id: string;
  project_id: string;
  criterion_id: string;
  value: number;
  rationale: Generated<string>;
  scored_by: string | null;
  scored_at: string;
}

export interface ProjectPriorityScoresTable {
  organization_id: string;
  project_id: string;
  model_id: string;
  model_version: number;
  score: number;
  /** JSON breakdown per criterion */
  breakdown: string;
  computed_at: string;
}

export interface ProjectObjectiveLinksTable {
  organization_id: string;
  project_id: string;
  objective_id: string;
  strength: number;
}
