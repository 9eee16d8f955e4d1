/**
 * Who may do what: one role × capability table, checked by services and rendered into
 * docs/permissions.md by `npm run generate`. Pure data and functions; no I/O.
 */

export const ROLES = ["admin", "executive", "pmo", "project_manager", "member", "benefit_owner", "viewer"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: "Administrator",
  executive: "Executive",
  pmo: "PMO staff",
  project_manager: "Project manager",
  member: "Team member",
  benefit_owner: "Benefit owner",
  viewer: "Viewer",
};

/** Per-project roles, held on the project itself (manager, sponsor) or as team membership. */
export const PROJECT_ROLES = ["manager", "sponsor", "team"] as const;
export type ProjectRole = (typeof PROJECT_ROLES)[number];

/**
 * The caller's relation to one record: a per-project role, or "owner" of a record that names an
 * owner (a goal, an action item, a benefit). "own" grants are decided on these.
 */
export type RecordRole = ProjectRole | "owner";

/**
 * A grant is "all" (the capability across the organization) or "own" (only on records where the
 * caller holds a per-project role that the capability names).
 */
export type Grant = "all" | "own";

type CapabilityDef = {
  description: string;
  grants: Partial<Record<Role, Grant>>;
  /** For "own" grants: the record roles that make a record the caller's own (default: manager). */
  ownRoles?: readonly RecordRole[];
  ownMeans?: string;
};

const everyone = (g: Grant = "all"): Partial<Record<Role, Grant>> =>
  Object.fromEntries(ROLES.map((r) => [r, g])) as Partial<Record<Role, Grant>>;

export const CAPABILITIES = {
  "organization.read": { description: "See the organization's name and settings", grants: everyone() },
  "organization.manage": {
    description: "Rename the organization, change settings, load demo data",
    grants: { admin: "all" },
  },
  "user.read": {
    description: "List people in the organization (to pick owners, sponsors, managers)",
    grants: everyone(),
  },
  "user.manage": { description: "Create and invite users, change roles, disable accounts", grants: { admin: "all" } },
  "token.manage_own": {
    description: "Create and revoke one's own personal API tokens",
    grants: { admin: "all", executive: "all", pmo: "all", project_manager: "all", member: "all", benefit_owner: "all" },
  },
  "token.manage_all": { description: "See and revoke anyone's API tokens", grants: { admin: "all" } },
  "audit.read": {
    description: "Read the organization-wide audit trail",
    grants: { admin: "all", pmo: "all", executive: "all" },
  },
  "portfolio.read": { description: "See portfolios and programs", grants: everyone() },
  "portfolio.write": {
    description: "Create, edit and archive portfolios and programs",
    grants: { admin: "all", pmo: "all" },
  },
  "reference.write": {
    description: "Edit reference data: project categories and resource roles",
    grants: { admin: "all", pmo: "all" },
  },
  "project.read": { description: "See projects, their budgets, demand, dependencies and history", grants: everyone() },
  "project.create": {
    description: "Propose a new project",
    grants: { admin: "all", pmo: "all", executive: "all", project_manager: "all" },
  },
  "project.update": {
    description: "Edit a project's fields, budget, demand, dependencies and team",
    grants: { admin: "all", pmo: "all", project_manager: "own" },
    ownMeans: "the caller is the project's manager",
  },
  "project.archive": { description: "Archive or restore a project", grants: { admin: "all", pmo: "all" } },
  "project.import": { description: "Import projects from CSV or XLSX", grants: { admin: "all", pmo: "all" } },
  "project.export": {
    description: "Export projects to CSV or XLSX",
    grants: {
      admin: "all",
      executive: "all",
      pmo: "all",
      project_manager: "all",
      member: "all",
      benefit_owner: "all",
      viewer: "all",
    },
  },
  "strategy.read": {
    description: "See objectives, goals, criteria, prioritizations, scores and rankings",
    grants: everyone(),
  },
  "objective.write": {
    description: "Create and edit strategic objectives (organizational and PMO) and their weights",
    grants: { admin: "all", executive: "all", pmo: "all" },
  },
  "goal.write": {
    description: "Create and edit goals (KPIs)",
    grants: { admin: "all", executive: "all", pmo: "all", project_manager: "own", benefit_owner: "own" },
    ownRoles: ["owner", "manager"],
    ownMeans: "the caller owns the goal or manages its project",
  },
  "goal.check_in": {
    description: "Record a goal's current value",
    grants: { admin: "all", executive: "all", pmo: "all", project_manager: "own", benefit_owner: "own", member: "own" },
    ownRoles: ["owner", "manager"],
    ownMeans: "the caller owns the goal or manages its project",
  },
  "criteria.write": {
    description: "Define prioritization criteria, their scales and levels",
    grants: { admin: "all", pmo: "all" },
  },
  "ahp.manage": {
    description: "Open and close AHP prioritizations, invite executives, publish the scoring model",
    grants: { admin: "all", pmo: "all" },
  },
  "ahp.judge": {
    description: "Fill one's own pairwise comparisons in a prioritization one is invited to",
    grants: { admin: "all", executive: "all", pmo: "all" },
  },
  "score.write": {
    description: "Score projects against the criteria and link them to objectives",
    grants: { admin: "all", pmo: "all", project_manager: "own" },
    ownMeans: "the caller is the project's manager",
  },
  "benefit.read": {
    description: "See the benefits register, measurements, tracking, forecasts, risks, reviews and roll-ups",
    grants: everyone(),
  },
  "benefit.write": {
    description: "Create and edit benefits (measure, baseline, target, profile, links), their risks and hand-overs",
    grants: { admin: "all", executive: "all", pmo: "all", benefit_owner: "own", project_manager: "own" },
    ownRoles: ["owner", "manager"],
    ownMeans: "the caller owns the benefit (responsible, accountable or operational) or manages an enabling project",
  },
  "benefit.measure": {
    description: "Record, correct and import a benefit's measurements (also by API token from automated feeds)",
    grants: { admin: "all", pmo: "all", benefit_owner: "own", project_manager: "own", member: "own" },
    ownRoles: ["owner", "manager"],
    ownMeans: "the caller owns the benefit or manages an enabling project",
  },
  "benefit.manage": {
    description: "Configure benefit categories and review schedules; edit the benefits dependency network",
    grants: { admin: "all", pmo: "all" },
  },
  "corrective_action.write": {
    description: "Raise corrective actions on benefits and update them",
    grants: { admin: "all", executive: "all", pmo: "all", benefit_owner: "own", project_manager: "own", member: "own" },
    ownRoles: ["owner", "manager"],
    ownMeans: "the caller owns the action or the benefit, or manages an enabling project",
  },
  "pir.write": {
    description: "Fill in a post-implementation review and complete it",
    grants: { admin: "all", pmo: "all", project_manager: "own", benefit_owner: "own" },
    ownRoles: ["manager", "owner"],
    ownMeans: "the caller manages the project or owns one of its benefits",
  },
  "pir.sign_off": {
    description: "Sign off a completed post-implementation review",
    grants: { admin: "all", executive: "own" },
    ownRoles: ["sponsor"],
    ownMeans: "the caller sponsors the project",
  },
  "selection.read": {
    description: "See portfolio-selection scenarios, their runs, explanations and comparisons",
    grants: { admin: "all", executive: "all", pmo: "all", project_manager: "all", viewer: "all" },
  },
  "selection.write": {
    description: "Create, edit, copy and delete selection scenarios; run the optimizer",
    grants: { admin: "all", executive: "all", pmo: "all" },
  },
  "selection.commit": {
    description: "Approve a scenario's portfolio: selected proposed projects become approved at their chosen start",
    grants: { admin: "all", executive: "all" },
  },
  "meeting.read": { description: "See steering meetings, decisions and action items", grants: everyone() },
  "meeting.write": {
    description: "Plan steering meetings, record agenda, decisions and action items",
    grants: { admin: "all", executive: "all", pmo: "all" },
  },
  "action.update": {
    description: "Update an action item's status",
    grants: { admin: "all", executive: "all", pmo: "all", project_manager: "own", member: "own", benefit_owner: "own" },
    ownRoles: ["owner"],
    ownMeans: "the caller owns the action item",
  },
} satisfies Record<string, CapabilityDef>;

export type Capability = keyof typeof CAPABILITIES;

export function grantFor(role: Role, capability: Capability): Grant | undefined {
  const def: CapabilityDef = CAPABILITIES[capability];
  return def.grants[role];
}

/**
 * Decides a capability for a role. `projectRoles` are the caller's roles on the record at hand,
 * needed only for "own" grants.
 */
export function isAllowed(role: Role, capability: Capability, recordRoles: readonly RecordRole[] = []): boolean {
  const grant = grantFor(role, capability);
  if (grant === "all") return true;
  if (grant === "own") {
    const def: CapabilityDef = CAPABILITIES[capability];
    return (def.ownRoles ?? ["manager"]).some((r) => recordRoles.includes(r));
  }
  return false;
}

/** True when the role holds the capability on at least some records (used to show or hide UI). */
export function mayEver(role: Role, capability: Capability): boolean {
  return grantFor(role, capability) !== undefined;
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** The table as Markdown, for docs/permissions.md. */
export function renderPermissionsMarkdown(): string {
  const header = `| capability | ${ROLES.join(" | ")} |`;
  const rule = `|---|${ROLES.map(() => ":-:").join("|")}|`;
  const rows = (Object.keys(CAPABILITIES) as Capability[]).map((cap) => {
    const cells = ROLES.map((r) => {
      const g = grantFor(r, cap);
      return g === "all" ? "✓" : g === "own" ? "own" : "";
    });
    return `| \`${cap}\` | ${cells.join(" | ")} |`;
  });
  const notes = (Object.keys(CAPABILITIES) as Capability[]).map((cap) => {
    const def: CapabilityDef = CAPABILITIES[cap];
    return `- \`${cap}\`: ${def.description}.${def.ownMeans ? ` "own" means ${def.ownMeans}.` : ""}`;
  });
  return [header, rule, ...rows, "", ...notes].join("\n");
}
