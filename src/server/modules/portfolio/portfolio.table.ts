import type { Generated } from "kysely";

export interface ResourceRolesTable {
  organization_id: string;
  key: string;
  name: string;
  hours_per_fte_month: Generated<number>;
  sort_order: Generated<number>;
}

export interface ProjectCategoriesTable {
  organization_id: string;
  key: string;
  name: string;
  description: Generated<string>;
  sort_order: Generated<number>;
}

export interface PortfoliosTable {
  organization_id: string;
  id: string;
  name: string;
  description: Generated<string>;
  owner_user_id: string | null;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface ProgramsTable {
  organization_id: string;
  id: string;
  portfolio_id: string;
  name: string;
  description: Generated<string>;
  manager_user_id: string | null;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface ProjectsTable {
  organization_id: string;
  id: string;
  code: string;
  name: string;
  description: Generated<string>;
  portfolio_id: string;
  program_id: string | null;
  category: string;
  lifecycle_stage: string;
  status: string;
  sponsor_user_id: string | null;
  manager_user_id: string | null;
  planned_start: string;
  planned_end: string;
  /** bigint cents; read back as number (see platform/db) */
  budget_total_cents: Generated<number>;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface ProjectBudgetLinesTable {
  organization_id: string;
  project_id: string;
  period: string;
  expense_type: string;
  amount_cents: number;
}

export interface ProjectDemandLinesTable {
  organization_id: string;
  project_id: string;
  role_key: string;
  period: string;
  hours: number;
}

export interface ProjectDependenciesTable {
  organization_id: string;
  project_id: string;
  depends_on_id: string;
  kind: string;
}

export interface ProjectMembersTable {
  organization_id: string;
  project_id: string;
  user_id: string;
  role: string;
}

/** SQLite only: FTS5 index kept in step by the project store. */
export interface ProjectsFtsTable {
  organization_id: string;
  project_id: string;
  code: string;
  name: string;
  description: string;
}
