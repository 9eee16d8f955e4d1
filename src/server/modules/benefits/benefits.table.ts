import type { Generated } from "kysely";

export interface BenefitCategoriesTable {
  organization_id: string;
  key: string;
  name: string;
  sort_order: Generated<number>;
}

export interface BenefitsTable {
  organization_id: string;
  id: string;
  code: string;
  title: string;
  description: Generated<string>;
  type: string;
  category: string;
  is_disbenefit: Generated<number>;
  responsible_owner_id: string | null;
  accountable_owner_id: string | null;
  operational_owner_id: string | null;
  kpi_name: Generated<string>;
  unit: Generated<string>;
  direction: string;
  method: Generated<string>;
  data_source: Generated<string>;
  frequency: string;
  baseline_value: number | null;
  baseline_date: string | null;
  target_value: number | null;
  target_date: string | null;
  tolerance_kind: string;
  tolerance_value: number;
  /** bigint cents: money per unit of the measure, for financial benefits; null when not monetized */
  value_per_unit_cents: number | null;
  status: string;
  /** The business change the benefit depends on (benefits dependency network). */
  business_change: Generated<string>;
  /** Who gains (DOAM: Described). */
  beneficiaries: Generated<string>;
  /** What else moves the KPI and how this benefit's share is told apart (DOAM: Attributable). */
  attribution_note: Generated<string>;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface BenefitProfilePointsTable {
  organization_id: string;
  benefit_id: string;
  period: string;
  planned: number;
}

export interface BenefitProjectsTable {
  organization_id: string;
  benefit_id: string;
  project_id: string;
}

export interface BenefitObjectivesTable {
  organization_id: string;
  benefit_id: string;
  objective_id: string;
  weight: number;
}

export interface BenefitMeasurementsTable {
  organization_id: string;
  id: string;
  benefit_id: string;
  period: string;
  measured_on: string;
  value: number;
  evidence: Generated<string>;
  source: Generated<string>;
  recorded_by: string | null;
  /** manual | import | token */
  recorded_via: Generated<string>;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface BenefitRisksTable {
  organization_id: string;
  id: string;
  benefit_id: string;
  title: string;
  description: Generated<string>;
  probability: number;
  impact_pct: number;
  proximity: string | null;
  owner_user_id: string | null;
  response: Generated<string>;
  status: string;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface CorrectiveActionsTable {
  organization_id: string;
  id: string;
  benefit_id: string;
  rule: string | null;
  title: string;
  description: Generated<string>;
  owner_user_id: string | null;
  due_date: string;
  status: string;
  expected_effect: Generated<string>;
  /** Trend slope of the actuals when the action was raised, to judge later whether it changed. */
  slope_before: number | null;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  version: Generated<number>;
}

export interface BenefitHandoversTable {
  organization_id: string;
  id: string;
  benefit_id: string;
  project_id: string | null;
  from_user_id: string | null;
  to_user_id: string | null;
  handed_over_on: string;
  remaining: Generated<string>;
  remaining_value: number | null;
  recorded_by: string | null;
  created_at: string;
}

export interface PirReviewsTable {
  organization_id: string;
  id: string;
  project_id: string;
  offset_months: number;
  due_date: string;
  status: string;
  rating: number | null;
  summary: Generated<string>;
  lessons: Generated<string>;
  recommendations: Generated<string>;
  completed_at: string | null;
  completed_by: string | null;
  signed_off_by: string | null;
  signed_off_at: string | null;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface PirReviewItemsTable {
  organization_id: string;
  review_id: string;
  benefit_id: string;
  planned: number | null;
  actual: number | null;
  comment: Generated<string>;
}

export interface BenefitMapNodesTable {
  organization_id: string;
  id: string;
  /** objective | benefit | business_change | enabler */
  kind: string;
  /** The objective, benefit or project the node stands for; null for a business change. */
  ref_id: string | null;
  label: string;
  owner_user_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface BenefitMapEdgesTable {
  organization_id: string;
  from_node_id: string;
  to_node_id: string;
}

export interface BusinessCasesTable {
  organization_id: string;
  project_id: string;
  discount_rate: number;
  finance_rate: number | null;
  reinvest_rate: number | null;
  first_year: number;
  benefits_from_profiles: Generated<number>;
  notes: Generated<string>;
  updated_at: string;
  version: Generated<number>;
}

export interface BusinessCaseFlowsTable {
  organization_id: string;
  project_id: string;
  year: number;
  costs_cents: Generated<number>;
  benefits_cents: Generated<number>;
}

export interface BenefitSettingsTable {
  organization_id: string;
  /** JSON number[]: months after project closure at which PIRs are due */
  pir_offsets: string;
  updated_at: string;
}
