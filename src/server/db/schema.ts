import type { AuditEventsTable } from "../modules/audit/audit.table.js";
import type {
  BenefitCategoriesTable,
  BenefitHandoversTable,
  BenefitMapEdgesTable,
  BenefitMapNodesTable,
  BenefitMeasurementsTable,
  BenefitObjectivesTable,
  BenefitProfilePointsTable,
  BenefitProjectsTable,
  BenefitRisksTable,
  BenefitSettingsTable,
  BenefitsTable,
  BusinessCaseFlowsTable,
  BusinessCasesTable,
  CorrectiveActionsTable,
  PirReviewItemsTable,
  PirReviewsTable,
} from "../modules/benefits/benefits.table.js";
import type {
  ApiTokensTable,
  MembershipsTable,
  OrganizationsTable,
  SessionsTable,
  UsersTable,
} from "../modules/identity/identity.table.js";
import type {
  ActionItemsTable,
  AgendaItemsTable,
  DecisionsTable,
  MeetingAttendeesTable,
  MeetingsTable,
} from "../modules/meetings/meetings.table.js";
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
import type { SelectionRunsTable, SelectionScenariosTable } from "../modules/selection/selection.table.js";
import type {
  AhpParticipantsTable,
  AhpSessionsTable,
  CriteriaTable,
  GoalCheckInsTable,
  GoalsTable,
  ProjectObjectiveLinksTable,
  ProjectPriorityScoresTable,
  ProjectScoresTable,
  ScoringModelsTable,
  StrategicObjectivesTable,
} from "../modules/strategy/strategy.table.js";

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
  strategic_objectives: StrategicObjectivesTable;
  goals: GoalsTable;
  goal_check_ins: GoalCheckInsTable;
  criteria: CriteriaTable;
  ahp_sessions: AhpSessionsTable;
  ahp_participants: AhpParticipantsTable;
  scoring_models: ScoringModelsTable;
  project_scores: ProjectScoresTable;
  project_priority_scores: ProjectPriorityScoresTable;
  project_objective_links: ProjectObjectiveLinksTable;
  meetings: MeetingsTable;
  meeting_attendees: MeetingAttendeesTable;
  agenda_items: AgendaItemsTable;
  decisions: DecisionsTable;
  action_items: ActionItemsTable;
  selection_scenarios: SelectionScenariosTable;
  selection_runs: SelectionRunsTable;
  benefit_categories: BenefitCategoriesTable;
  benefits: BenefitsTable;
  benefit_profile_points: BenefitProfilePointsTable;
  benefit_projects: BenefitProjectsTable;
  benefit_objectives: BenefitObjectivesTable;
  benefit_measurements: BenefitMeasurementsTable;
  benefit_risks: BenefitRisksTable;
  corrective_actions: CorrectiveActionsTable;
  benefit_handovers: BenefitHandoversTable;
  pir_reviews: PirReviewsTable;
  pir_review_items: PirReviewItemsTable;
  benefit_map_nodes: BenefitMapNodesTable;
  benefit_map_edges: BenefitMapEdgesTable;
  business_cases: BusinessCasesTable;
  business_case_flows: BusinessCaseFlowsTable;
  benefit_settings: BenefitSettingsTable;
}
