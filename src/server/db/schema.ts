import type { AuditEventsTable } from "../modules/audit/audit.table.js";
import type {
  ApiTokensTable,
  MembershipsTable,
  OrganizationsTable,
  SessionsTable,
  UsersTable,
} from "../modules/identity/identity.table.js";
import type {
  PortfoliosTable,
  ProgramsTable,
  ProjectBudgetLinesTable,
  ProjectCategoriesTable,
  ProjectDemandLinesTable,
  ProjectDependenciesTable,
  ProjectMembersTable,
  ProjectsFtsTable,
  ProjectsTable,
  ResourceRolesTable,
} from "../modules/portfolio/portfolio.table.js";

/** Every table, as Kysely sees it. Each module owns the tables it declares. */
export interface Database {
  organizations: OrganizationsTable;
  users: UsersTable;
  memberships: MembershipsTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  audit_events: AuditEventsTable;
  resource_roles: ResourceRolesTable;
  project_categories: ProjectCategoriesTable;
  portfolios: PortfoliosTable;
  programs: ProgramsTable;
  projects: ProjectsTable;
  project_budget_lines: ProjectBudgetLinesTable;
  project_demand_lines: ProjectDemandLinesTable;
  project_dependencies: ProjectDependenciesTable;
  project_members: ProjectMembersTable;
  projects_fts: ProjectsFtsTable;
}
