/**
 * The demo organization: Northwind Utilities, a fictional regional energy and water utility with
 * three portfolios, five programs and forty projects at every point of their lifecycle.
 *
 * Plain data, no ids: records refer to each other by stable keys (person `email`, portfolio and
 * program `key`, project `code`, resource role `key`) and the loader maps those to ids. The
 * catalogue (names, people, planned windows, links) is fixed; a seeded pseudo-random generator
 * varies the money and the hours, so the same seed always gives the same dataset and a different
 * seed gives different budgets. Planned windows are placed relative to `startPeriod` ("now" for
 * the demo), so closed projects lie in the past and proposed ones mostly in the future.
 */
import type { Role } from "../identity/permissions.js";
import {
  type BudgetLine,
  DEFAULT_CATEGORIES,
  type DEFAULT_LIFECYCLE_STAGES,
  type DemandLine,
  type DependencyKind,
  type ExpenseType,
  type ProjectStatus,
} from "../portfolio/project-rules.js";
import { addMonths, daysInMonth, isPeriod, periodRange } from "../shared/period.js";

export const DEFAULT_DEMO_SEED = 20260101;
export const DEFAULT_DEMO_START_PERIOD = "2026-01";

export type DemoDatasetOptions = {
  /** Any integer; it is reduced to 32 bits. */
  seed?: number;
  /** The demo's current month `YYYY-MM`; planned windows are placed around it. */
  startPeriod?: string;
};

export type DemoCategoryKey = (typeof DEFAULT_CATEGORIES)[number]["key"];
export type DemoLifecycleStage = (typeof DEFAULT_LIFECYCLE_STAGES)[number];

export type DemoOrganization = { name: string; currency: string };
export type DemoPerson = { key: string; name: string; email: string; role: Role; title: string };
export type DemoResourceRole = { key: string; name: string; hoursPerFteMonth: number };
export type DemoCategory = { key: DemoCategoryKey; name: string; description: string };
export type DemoPortfolio = { key: string; name: string; description: string; ownerEmail: string };
export type DemoProgram = {
  key: string;
  portfolioKey: string;
  name: string;
  description: string;
  managerEmail: string;
};
export type DemoBudgetLine = BudgetLine;
export type DemoDemandLine = DemandLine;
export type DemoDependency = { dependsOnCode: string; kind: DependencyKind };

export type DemoProject = {
  code: string;
  name: string;
  description: string;
  portfolioKey: string;
  programKey: string | null;
  category: DemoCategoryKey;
  lifecycleStage: DemoLifecycleStage;
  status: ProjectStatus;
  sponsorEmail: string;
  managerEmail: string;
  /** First day of a month, `YYYY-MM-DD`. */
  plannedStart: string;
  /** Last day of a month, `YYYY-MM-DD`. */
  plannedEnd: string;
  /** One capex and one opex line for every month of the planned window. */
  budget: DemoBudgetLine[];
  /** One line per resource role and month of the planned window. */
  demand: DemoDemandLine[];
  dependencies: DemoDependency[];
  teamEmails: string[];
};

export type DemoDataset = {
  organization: DemoOrganization;
  people: DemoPerson[];
  resourceRoles: DemoResourceRole[];
  categories: DemoCategory[];
  portfolios: DemoPortfolio[];
  programs: DemoProgram[];
  projects: DemoProject[];
};

/**
 * Mulberry32, a small 32-bit generator by Tommy Ettinger (public domain): fast, deterministic and
 * good enough for demo data (not for anything secret). Returns numbers in [0, 1).
 */
export function createSeededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---------------------------------------------------------------------------------------------
// The fixed catalogue
// ---------------------------------------------------------------------------------------------

const DOMAIN = "northwind.example";

type PersonSpec = { key: string; first: string; last: string; role: Role; title: string };

const PEOPLE: readonly PersonSpec[] = [
  { key: "lars", first: "Lars", last: "Eriksen", role: "admin", title: "IT Systems Administrator" },
  { key: "margit", first: "Margit", last: "Hoffmann", role: "executive", title: "Chief Executive Officer" },
  { key: "daniel", first: "Daniel", last: "Okafor", role: "executive", title: "Chief Financial Officer" },
  { key: "sofia", first: "Sofia", last: "Marchetti", role: "executive", title: "Chief Operating Officer" },
  { key: "claire", first: "Claire", last: "Dubois", role: "pmo", title: "Head of Portfolio Office" },
  { key: "ravi", first: "Ravi", last: "Menon", role: "pmo", title: "Portfolio Analyst" },
  { key: "agnieszka", first: "Agnieszka", last: "Nowak", role: "pmo", title: "PMO Finance Controller" },
  { key: "tomas", first: "Tomás", last: "Herrera", role: "project_manager", title: "Senior Project Manager" },
  { key: "ingrid", first: "Ingrid", last: "Lindqvist", role: "project_manager", title: "Programme Manager" },
  { key: "samuel", first: "Samuel", last: "Adeyemi", role: "project_manager", title: "Project Manager, Data" },
  { key: "mei", first: "Mei", last: "Chen", role: "project_manager", title: "Programme Manager" },
  { key: "pieter", first: "Pieter", last: "de Vries", role: "project_manager", title: "Engineering Project Manager" },
  { key: "fatima", first: "Fatima", last: "Benali", role: "project_manager", title: "Project Manager, Customer" },
  { key: "lukas", first: "Lukas", last: "Brandt", role: "member", title: "Solution Architect" },
  { key: "aisha", first: "Aisha", last: "Rahman", role: "member", title: "Business Analyst" },
  { key: "niko", first: "Niko", last: "Virtanen", role: "member", title: "Network Planning Engineer" },
  { key: "elena", first: "Elena", last: "Petrova", role: "benefit_owner", title: "Director of Customer Operations" },
  { key: "hugo", first: "Hugo", last: "Martins", role: "benefit_owner", title: "Head of Asset Management" },
  { key: "grace", first: "Grace", last: "O'Neill", role: "viewer", title: "Internal Auditor" },
];

/** `first.last@domain`, lowercase, accents dropped, spaces and apostrophes removed. */
function emailFor(first: string, last: string): string {
  const clean = (s: string) =>
    s
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]/g, "");
  return `${clean(first)}.${clean(last)}@${DOMAIN}`;
}

const RESOURCE_ROLES: readonly DemoResourceRole[] = [
  { key: "project_manager", name: "Project Manager", hoursPerFteMonth: 140 },
  { key: "business_analyst", name: "Business Analyst", hoursPerFteMonth: 140 },
  { key: "architect", name: "Solution Architect", hoursPerFteMonth: 140 },
  { key: "developer", name: "Software Developer", hoursPerFteMonth: 140 },
  { key: "tester", name: "Test Engineer", hoursPerFteMonth: 140 },
  { key: "data_engineer", name: "Data Engineer", hoursPerFteMonth: 140 },
  { key: "field_technician", name: "Field Technician", hoursPerFteMonth: 140 },
];

type RoleKey =
  | "project_manager"
  | "business_analyst"
  | "architect"
  | "developer"
  | "tester"
  | "data_engineer"
  | "field_technician";

const PORTFOLIOS: readonly (Omit<DemoPortfolio, "ownerEmail"> & { owner: string })[] = [
  {
    key: "digital",
    name: "Digital & IT",
    description: "Business systems, data, cyber security and the IT estate that runs the utility.",
    owner: "daniel",
  },
  {
    key: "network",
    name: "Network & Operations",
    description: "Electricity and water networks: asset renewal, metering, grid modernisation and field operations.",
    owner: "sofia",
  },
  {
    key: "customer",
    name: "Customer & Growth",
    description: "Customer service, billing, new tariffs and new energy services for homes and businesses.",
    owner: "margit",
  },
];

const PROGRAMS: readonly (Omit<DemoProgram, "managerEmail"> & { manager: string })[] = [
  {
    key: "erp_renewal",
    portfolioKey: "digital",
    name: "Core Systems Renewal",
    description: "Replace the 20-year-old ERP with a cloud suite for finance, procurement and asset management.",
    manager: "mei",
  },
  {
    key: "data_platform",
    portfolioKey: "digital",
    name: "Data & Analytics Platform",
    description: "One governed cloud data platform feeding operational analytics and predictive maintenance.",
    manager: "samuel",
  },
  {
    key: "smart_metering",
    portfolioKey: "network",
    name: "Smart Metering Rollout",
    description: "Install 420,000 smart electricity and water meters and the systems that read and bill from them.",
    manager: "ingrid",
  },
  {
    key: "grid_modernisation",
    portfolioKey: "network",
    name: "Grid Modernisation",
    description: "Prepare the distribution grid for heat pumps, EV charging and local generation.",
    manager: "pieter",
  },
  {
    key: "customer_experience",
    portfolioKey: "customer",
    name: "Customer Experience",
    description: "Move customers to self-service and give agents a single view of every account.",
    manager: "fatima",
  },
];

type ProjectSpec = {
  code: string;
  name: string;
  description: string;
  portfolio: string;
  program: string | null;
  category: DemoCategoryKey;
  status: ProjectStatus;
  stage: DemoLifecycleStage;
  /** First month of the planned window, in months from startPeriod (negative = past). */
  start: number;
  /** Length of the planned window in months, start and end month included. */
  months: number;
  /** Indicative total budget in thousands of euros, before seeded variation. */
  sizeK: number;
  /** Share of the budget that is capital expenditure; the category's default when absent. */
  capex?: number;
  /** Resource roles and their peak hours per month. */
  roles: readonly (readonly [RoleKey, number])[];
  sponsor: string;
  manager: string;
  team: readonly string[];
  dependsOn?: readonly (readonly [string, DependencyKind])[];
};

const DEFAULT_CAPEX_SHARE: Record<DemoCategoryKey, number> = { run: 0.5, grow: 0.45, transform: 0.65 };

const PROJECTS: readonly ProjectSpec[] = [
  // Digital & IT ------------------------------------------------------------------------------
  {
    code: "DIG-001",
    name: "ERP Master Data Cleansing",
    description:
      "Cleanse and de-duplicate vendor, material and asset master data ahead of the ERP migration. Reduced 1.2 million legacy records to 380,000 golden records.",
    portfolio: "digital",
    program: "erp_renewal",
    category: "run",
    status: "closed",
    stage: "closure",
    start: -20,
    months: 10,
    sizeK: 420,
    capex: 0.2,
    roles: [
      ["business_analyst", 160],
      ["data_engineer", 220],
    ],
    sponsor: "daniel",
    manager: "mei",
    team: ["aisha"],
  },
  {
    code: "DIG-002",
    name: "ERP Finance & Procurement Migration",
    description:
      "Move general ledger, accounts payable and purchasing from the legacy ERP to the new cloud suite. Go-live is planned at a quarter end to keep the close clean.",
    portfolio: "digital",
    program: "erp_renewal",
    category: "transform",
    status: "active",
    stage: "execution",
    start: -9,
    months: 20,
    sizeK: 3200,
    roles: [
      ["architect", 120],
      ["developer", 380],
      ["business_analyst", 240],
      ["tester", 200],
    ],
    sponsor: "daniel",
    manager: "mei",
    team: ["aisha", "lukas"],
    dependsOn: [["DIG-001", "finish_to_start"]],
  },
  {
    code: "DIG-003",
    name: "Enterprise Asset Management Upgrade",
    description:
      "Replace the work order and asset register system with the ERP's asset management module, linking maintenance history to financial asset records.",
    portfolio: "digital",
    program: "erp_renewal",
    category: "grow",
    status: "approved",
    stage: "planning",
    start: 2,
    months: 14,
    sizeK: 1400,
    roles: [
      ["developer", 240],
      ["business_analyst", 160],
      ["tester", 120],
    ],
    sponsor: "sofia",
    manager: "mei",
    team: ["niko", "aisha"],
  },
  {
    code: "DIG-004",
    name: "Cloud Data Lake Foundation",
    description:
      "Build the governed cloud data platform with ingestion from SCADA, metering and ERP, a data catalogue and role-based access. It is the base for every analytics project.",
    portfolio: "digital",
    program: "data_platform",
    category: "transform",
    status: "active",
    stage: "execution",
    start: -6,
    months: 14,
    sizeK: 1850,
    capex: 0.55,
    roles: [
      ["architect", 140],
      ["data_engineer", 360],
      ["developer", 160],
    ],
    sponsor: "margit",
    manager: "samuel",
    team: ["lukas"],
  },
  {
    code: "DIG-005",
    name: "Operational Analytics Dashboards",
    description:
      "Self-service dashboards for outage minutes, water losses and crew productivity, refreshed daily from the data platform.",
    portfolio: "digital",
    program: "data_platform",
    category: "grow",
    status: "proposed",
    stage: "business_case",
    start: 4,
    months: 9,
    sizeK: 380,
    capex: 0.3,
    roles: [
      ["data_engineer", 180],
      ["business_analyst", 120],
    ],
    sponsor: "sofia",
    manager: "samuel",
    team: ["aisha"],
    dependsOn: [["DIG-004", "requires"]],
  },
  {
    code: "DIG-006",
    name: "Identity & Access Management Renewal",
    description:
      "Replace the end-of-support identity platform with single sign-on and multi-factor authentication for all 2,300 staff and contractors.",
    portfolio: "digital",
    program: null,
    category: "run",
    status: "active",
    stage: "execution",
    start: -4,
    months: 10,
    sizeK: 640,
    roles: [
      ["architect", 80],
      ["developer", 200],
      ["tester", 100],
    ],
    sponsor: "daniel",
    manager: "tomas",
    team: ["lukas"],
  },
  {
    code: "DIG-007",
    name: "Windows Server 2016 Retirement",
    description:
      "Migrate or decommission the 140 servers still running Windows Server 2016 before extended support ends.",
    portfolio: "digital",
    program: null,
    category: "run",
    status: "active",
    stage: "execution",
    start: -6,
    months: 9,
    sizeK: 210,
    roles: [
      ["developer", 140],
      ["tester", 60],
    ],
    sponsor: "daniel",
    manager: "tomas",
    team: ["lukas"],
  },
  {
    code: "DIG-008",
    name: "Security Operations Centre Tooling",
    description:
      "Introduce a managed SIEM and endpoint detection across IT and operational technology, with 24/7 monitoring by an external partner.",
    portfolio: "digital",
    program: null,
    category: "run",
    status: "active",
    stage: "execution",
    start: -3,
    months: 12,
    sizeK: 720,
    capex: 0.35,
    roles: [
      ["architect", 100],
      ["developer", 180],
      ["data_engineer", 80],
    ],
    sponsor: "daniel",
    manager: "samuel",
    team: ["lukas", "tomas"],
  },
  {
    code: "DIG-009",
    name: "OT Network Segmentation",
    description:
      "Separate substation and pumping station control networks from the office network following IEC 62443 zones and conduits.",
    portfolio: "digital",
    program: null,
    category: "run",
    status: "approved",
    stage: "planning",
    start: 1,
    months: 10,
    sizeK: 560,
    capex: 0.7,
    roles: [
      ["architect", 120],
      ["field_technician", 160],
      ["tester", 80],
    ],
    sponsor: "sofia",
    manager: "pieter",
    team: ["niko", "lukas"],
  },
  {
    code: "DIG-010",
    name: "NIS2 Compliance Programme",
    description:
      "Close the gaps found in the NIS2 readiness assessment: incident reporting, supplier security clauses and board-level cyber training.",
    portfolio: "digital",
    program: null,
    category: "run",
    status: "active",
    stage: "execution",
    start: -5,
    months: 12,
    sizeK: 480,
    capex: 0.15,
    roles: [
      ["business_analyst", 160],
      ["architect", 60],
    ],
    sponsor: "margit",
    manager: "tomas",
    team: ["aisha"],
  },
  {
    code: "DIG-011",
    name: "Robotic Process Automation for Accounts Payable",
    description: "Automate invoice matching and exception routing for the 9,000 supplier invoices received each month.",
    portfolio: "digital",
    program: null,
    category: "grow",
    status: "proposed",
    stage: "idea",
    start: 3,
    months: 6,
    sizeK: 180,
    capex: 0.3,
    roles: [
      ["developer", 160],
      ["business_analyst", 100],
    ],
    sponsor: "daniel",
    manager: "mei",
    team: ["aisha"],
  },
  {
    code: "DIG-012",
    name: "Document Management Migration",
    description:
      "Move engineering drawings and contracts from network file shares into a managed document repository with retention rules.",
    portfolio: "digital",
    program: null,
    category: "run",
    status: "proposed",
    stage: "business_case",
    start: 5,
    months: 8,
    sizeK: 260,
    capex: 0.25,
    roles: [
      ["developer", 120],
      ["business_analyst", 80],
      ["tester", 60],
    ],
    sponsor: "daniel",
    manager: "tomas",
    team: ["niko"],
  },
  {
    code: "DIG-013",
    name: "Generative AI Knowledge Assistant Pilot",
    description:
      "Pilot an assistant that answers field crews' questions from maintenance manuals and safety procedures, with answers citing their source.",
    portfolio: "digital",
    program: null,
    category: "grow",
    status: "proposed",
    stage: "idea",
    start: 6,
    months: 6,
    sizeK: 220,
    capex: 0.2,
    roles: [
      ["data_engineer", 140],
      ["developer", 160],
    ],
    sponsor: "margit",
    manager: "samuel",
    team: ["lukas", "niko"],
  },
  {
    code: "DIG-014",
    name: "Field Workforce Mobile App",
    description:
      "Give field crews one tablet app for work orders, permits and asset photos. Paused while the asset management upgrade settles the data model.",
    portfolio: "digital",
    program: null,
    category: "grow",
    status: "on_hold",
    stage: "execution",
    start: -5,
    months: 12,
    sizeK: 900,
    roles: [
      ["developer", 280],
      ["business_analyst", 120],
      ["tester", 120],
    ],
    sponsor: "sofia",
    manager: "fatima",
    team: ["niko", "lukas"],
  },
  // Network & Operations ----------------------------------------------------------------------
  {
    code: "NET-001",
    name: "Meter Data Management System",
    description:
      "Implement the head-end and meter data management systems that collect, validate and store 15-minute readings from smart meters.",
    portfolio: "network",
    program: "smart_metering",
    category: "transform",
    status: "closed",
    stage: "closure",
    start: -19,
    months: 14,
    sizeK: 2100,
    capex: 0.7,
    roles: [
      ["architect", 140],
      ["developer", 320],
      ["data_engineer", 200],
      ["tester", 160],
    ],
    sponsor: "sofia",
    manager: "ingrid",
    team: ["lukas", "niko"],
  },
  {
    code: "NET-002",
    name: "Smart Meter Rollout Wave 1",
    description:
      "Install 180,000 smart electricity meters in the northern districts, with appointment booking and same-day commissioning.",
    portfolio: "network",
    program: "smart_metering",
    category: "transform",
    status: "active",
    stage: "execution",
    start: -5,
    months: 18,
    sizeK: 3800,
    capex: 0.85,
    roles: [
      ["field_technician", 400],
      ["project_manager", 140],
      ["tester", 80],
    ],
    sponsor: "sofia",
    manager: "ingrid",
    team: ["niko"],
    dependsOn: [["NET-001", "finish_to_start"]],
  },
  {
    code: "NET-003",
    name: "Smart Meter Rollout Wave 2",
    description:
      "Extend the rollout to 240,000 electricity and water meters in the southern and rural districts, reusing the wave 1 installation partners.",
    portfolio: "network",
    program: "smart_metering",
    category: "transform",
    status: "proposed",
    stage: "business_case",
    start: 13,
    months: 20,
    sizeK: 3900,
    capex: 0.85,
    roles: [
      ["field_technician", 400],
      ["project_manager", 140],
    ],
    sponsor: "sofia",
    manager: "ingrid",
    team: ["niko", "pieter"],
    dependsOn: [["NET-002", "finish_to_start"]],
  },
  {
    code: "NET-004",
    name: "Advanced Distribution Management System",
    description:
      "Replace the control room's network management system with an ADMS that supports automatic fault isolation and restoration.",
    portfolio: "network",
    program: "grid_modernisation",
    category: "transform",
    status: "approved",
    stage: "planning",
    start: 2,
    months: 24,
    sizeK: 3600,
    roles: [
      ["architect", 160],
      ["developer", 300],
      ["field_technician", 200],
      ["tester", 140],
    ],
    sponsor: "margit",
    manager: "pieter",
    team: ["niko", "lukas", "ingrid"],
  },
  {
    code: "NET-005",
    name: "Substation Protection Relay Replacement",
    description:
      "Replace 310 electromechanical protection relays at 42 primary substations with numerical relays, one substation outage at a time.",
    portfolio: "network",
    program: "grid_modernisation",
    category: "run",
    status: "active",
    stage: "execution",
    start: -10,
    months: 18,
    sizeK: 2400,
    capex: 0.85,
    roles: [
      ["field_technician", 360],
      ["project_manager", 80],
      ["tester", 60],
    ],
    sponsor: "sofia",
    manager: "pieter",
    team: ["niko"],
  },
  {
    code: "NET-006",
    name: "Medium-Voltage Cable Replacement 2026",
    description:
      "Replace 85 km of paper-insulated medium-voltage cable with the worst fault history, prioritised by the asset health index.",
    portfolio: "network",
    program: null,
    category: "run",
    status: "approved",
    stage: "planning",
    start: 0,
    months: 12,
    sizeK: 2800,
    capex: 0.9,
    roles: [
      ["field_technician", 400],
      ["project_manager", 100],
    ],
    sponsor: "sofia",
    manager: "pieter",
    team: ["niko"],
  },
  {
    code: "NET-007",
    name: "Water Main Renewal – Riverside District",
    description:
      "Renew 22 km of cast-iron water mains in the Riverside district, where bursts run at three times the network average.",
    portfolio: "network",
    program: null,
    category: "run",
    status: "active",
    stage: "execution",
    start: -7,
    months: 16,
    sizeK: 3100,
    capex: 0.9,
    roles: [
      ["field_technician", 380],
      ["project_manager", 120],
    ],
    sponsor: "sofia",
    manager: "ingrid",
    team: ["niko", "tomas"],
  },
  {
    code: "NET-008",
    name: "Acoustic Leak Detection Network",
    description:
      "Fit 3,500 acoustic loggers to the water network and stream their data to the data platform to find leaks before they surface.",
    portfolio: "network",
    program: null,
    category: "grow",
    status: "active",
    stage: "execution",
    start: -2,
    months: 10,
    sizeK: 860,
    capex: 0.7,
    roles: [
      ["field_technician", 200],
      ["data_engineer", 120],
      ["developer", 80],
    ],
    sponsor: "sofia",
    manager: "samuel",
    team: ["niko"],
  },
  {
    code: "NET-009",
    name: "Reservoir SCADA Upgrade",
    description:
      "Upgrade telemetry and control at 64 reservoirs and pumping stations to the current SCADA platform with encrypted links.",
    portfolio: "network",
    program: null,
    category: "run",
    status: "closed",
    stage: "closure",
    start: -18,
    months: 12,
    sizeK: 1300,
    capex: 0.75,
    roles: [
      ["architect", 80],
      ["developer", 160],
      ["field_technician", 200],
      ["tester", 100],
    ],
    sponsor: "sofia",
    manager: "pieter",
    team: ["niko", "lukas"],
  },
  {
    code: "NET-010",
    name: "Drone Inspection of Overhead Lines",
    description:
      "Trial drone surveys of 1,200 km of overhead lines with automated defect detection, replacing helicopter patrols.",
    portfolio: "network",
    program: null,
    category: "grow",
    status: "proposed",
    stage: "idea",
    start: 3,
    months: 8,
    sizeK: 340,
    capex: 0.4,
    roles: [
      ["field_technician", 160],
      ["data_engineer", 80],
    ],
    sponsor: "sofia",
    manager: "tomas",
    team: ["niko"],
  },
  {
    code: "NET-011",
    name: "Predictive Maintenance for Pumping Stations",
    description:
      "Predict pump failures from vibration, energy and run-time data so that maintenance is planned weeks ahead instead of after a breakdown.",
    portfolio: "network",
    program: null,
    category: "grow",
    status: "proposed",
    stage: "business_case",
    start: 5,
    months: 12,
    sizeK: 720,
    capex: 0.4,
    roles: [
      ["data_engineer", 200],
      ["developer", 120],
      ["field_technician", 80],
    ],
    sponsor: "sofia",
    manager: "samuel",
    team: ["niko", "lukas"],
    dependsOn: [["DIG-004", "requires"]],
  },
  {
    code: "NET-012",
    name: "Flood Resilience at Treatment Works",
    description:
      "Raise flood defences and relocate critical electrical equipment at four water treatment works identified in the climate risk review.",
    portfolio: "network",
    program: null,
    category: "run",
    status: "proposed",
    stage: "business_case",
    start: 4,
    months: 18,
    sizeK: 2600,
    capex: 0.9,
    roles: [
      ["field_technician", 300],
      ["architect", 80],
      ["project_manager", 100],
    ],
    sponsor: "sofia",
    manager: "ingrid",
    team: ["niko"],
  },
  {
    code: "NET-013",
    name: "Fleet Electrification Phase 1",
    description:
      "Replace 120 diesel vans with electric vans and install depot chargers. On hold until the depot grid connections are confirmed.",
    portfolio: "network",
    program: null,
    category: "grow",
    status: "on_hold",
    stage: "execution",
    start: -8,
    months: 14,
    sizeK: 1500,
    capex: 0.85,
    roles: [
      ["field_technician", 120],
      ["project_manager", 80],
    ],
    sponsor: "daniel",
    manager: "tomas",
    team: ["niko"],
  },
  {
    code: "NET-014",
    name: "Grid Capacity Study for EV Charging",
    description:
      "Model low-voltage feeder headroom for public and home EV charging up to 2035 and publish a capacity heat map for developers.",
    portfolio: "network",
    program: "grid_modernisation",
    category: "grow",
    status: "closed",
    stage: "closure",
    start: -9,
    months: 6,
    sizeK: 160,
    capex: 0.1,
    roles: [
      ["data_engineer", 120],
      ["business_analyst", 100],
    ],
    sponsor: "margit",
    manager: "pieter",
    team: ["niko"],
  },
  {
    code: "NET-015",
    name: "Battery Storage Pilot at Northgate",
    description:
      "A 5 MW battery at Northgate substation to defer a transformer upgrade. Cancelled when the regulator declined to fund it through network charges.",
    portfolio: "network",
    program: "grid_modernisation",
    category: "transform",
    status: "cancelled",
    stage: "planning",
    start: -3,
    months: 14,
    sizeK: 2200,
    capex: 0.85,
    roles: [
      ["architect", 120],
      ["field_technician", 200],
      ["project_manager", 80],
    ],
    sponsor: "margit",
    manager: "ingrid",
    team: ["niko", "pieter"],
  },
  // Customer & Growth -------------------------------------------------------------------------
  {
    code: "CUS-001",
    name: "CRM Replacement",
    description:
      "Replace the customer information and contact centre systems with a cloud CRM giving agents one view of every account, meter and case.",
    portfolio: "customer",
    program: "customer_experience",
    category: "transform",
    status: "active",
    stage: "execution",
    start: -11,
    months: 20,
    sizeK: 2900,
    capex: 0.5,
    roles: [
      ["developer", 360],
      ["business_analyst", 200],
      ["tester", 180],
      ["architect", 100],
    ],
    sponsor: "margit",
    manager: "fatima",
    team: ["aisha", "lukas"],
  },
  {
    code: "CUS-002",
    name: "Customer Self-Service Portal",
    description:
      "A web and mobile portal where customers submit readings, move home, set up payment plans and follow outages without calling.",
    portfolio: "customer",
    program: "customer_experience",
    category: "grow",
    status: "active",
    stage: "execution",
    start: -3,
    months: 12,
    sizeK: 1100,
    roles: [
      ["developer", 300],
      ["tester", 140],
      ["business_analyst", 120],
    ],
    sponsor: "margit",
    manager: "fatima",
    team: ["aisha"],
    dependsOn: [["CUS-001", "requires"]],
  },
  {
    code: "CUS-003",
    name: "Time-of-Use Tariff Launch",
    description:
      "Launch a three-band time-of-use electricity tariff for smart-metered homes, including billing changes and a price comparison tool.",
    portfolio: "customer",
    program: null,
    category: "grow",
    status: "approved",
    stage: "planning",
    start: 3,
    months: 10,
    sizeK: 650,
    capex: 0.35,
    roles: [
      ["business_analyst", 160],
      ["developer", 160],
      ["data_engineer", 100],
    ],
    sponsor: "daniel",
    manager: "mei",
    team: ["aisha"],
    dependsOn: [["NET-002", "requires"]],
  },
  {
    code: "CUS-004",
    name: "Public EV Charging Network Pilot",
    description:
      "Build and operate 60 fast chargers at park-and-ride sites and supermarkets to test a charging business in the service area.",
    portfolio: "customer",
    program: null,
    category: "transform",
    status: "proposed",
    stage: "business_case",
    start: 6,
    months: 18,
    sizeK: 2400,
    capex: 0.8,
    roles: [
      ["field_technician", 240],
      ["business_analyst", 100],
      ["project_manager", 80],
    ],
    sponsor: "margit",
    manager: "pieter",
    team: ["niko", "aisha"],
    dependsOn: [["NET-014", "requires"]],
  },
  {
    code: "CUS-005",
    name: "Contact Centre Telephony Replacement",
    description:
      "Move the contact centre from on-premises telephony to a cloud platform with call-back and speech analytics.",
    portfolio: "customer",
    program: "customer_experience",
    category: "run",
    status: "active",
    stage: "execution",
    start: -4,
    months: 8,
    sizeK: 540,
    capex: 0.3,
    roles: [
      ["developer", 160],
      ["tester", 100],
      ["business_analyst", 60],
    ],
    sponsor: "margit",
    manager: "fatima",
    team: ["aisha"],
  },
  {
    code: "CUS-006",
    name: "Billing Accuracy Remediation",
    description:
      "Find and correct estimated and mis-rated bills after the regulator's billing audit; 14,000 accounts were re-billed.",
    portfolio: "customer",
    program: null,
    category: "run",
    status: "closed",
    stage: "closure",
    start: -10,
    months: 9,
    sizeK: 480,
    capex: 0.1,
    roles: [
      ["business_analyst", 160],
      ["data_engineer", 120],
      ["tester", 80],
    ],
    sponsor: "daniel",
    manager: "mei",
    team: ["aisha"],
  },
  {
    code: "CUS-007",
    name: "Vulnerable Customer Register",
    description:
      "Record customers who rely on medical equipment or need extra help, and share the register with field crews during outages.",
    portfolio: "customer",
    program: "customer_experience",
    category: "run",
    status: "active",
    stage: "execution",
    start: -2,
    months: 6,
    sizeK: 180,
    capex: 0.3,
    roles: [
      ["business_analyst", 100],
      ["developer", 80],
    ],
    sponsor: "margit",
    manager: "fatima",
    team: ["aisha"],
  },
  {
    code: "CUS-008",
    name: "Rooftop Solar Partnership Offer",
    description:
      "Offer rooftop solar and home batteries with an installation partner, financed on the customer's energy bill.",
    portfolio: "customer",
    program: null,
    category: "grow",
    status: "proposed",
    stage: "idea",
    start: 4,
    months: 12,
    sizeK: 900,
    capex: 0.4,
    roles: [
      ["business_analyst", 120],
      ["field_technician", 140],
    ],
    sponsor: "margit",
    manager: "tomas",
    team: ["aisha"],
  },
  {
    code: "CUS-009",
    name: "Water Efficiency Home Visits",
    description:
      "Visit 8,000 homes a year to fit water-saving devices and fix leaking toilets, meeting the regulator's per-capita consumption target.",
    portfolio: "customer",
    program: null,
    category: "run",
    status: "approved",
    stage: "planning",
    start: 1,
    months: 12,
    sizeK: 420,
    capex: 0.2,
    roles: [
      ["field_technician", 200],
      ["business_analyst", 60],
    ],
    sponsor: "sofia",
    manager: "ingrid",
    team: ["niko"],
  },
  {
    code: "CUS-010",
    name: "Customer Communications Preference Centre",
    description:
      "Let customers choose how they hear from us (SMS, email, letter) for bills, outages and offers, with consent recorded for GDPR.",
    portfolio: "customer",
    program: "customer_experience",
    category: "grow",
    status: "proposed",
    stage: "idea",
    start: 2,
    months: 7,
    sizeK: 260,
    capex: 0.35,
    roles: [
      ["developer", 160],
      ["tester", 60],
    ],
    sponsor: "margit",
    manager: "fatima",
    team: ["aisha", "lukas"],
  },
  {
    code: "CUS-011",
    name: "Business Energy Insights Service",
    description:
      "A paid service giving business customers half-hourly consumption analytics, benchmarks and savings advice from smart meter data.",
    portfolio: "customer",
    program: null,
    category: "transform",
    status: "proposed",
    stage: "business_case",
    start: 8,
    months: 16,
    sizeK: 1700,
    capex: 0.45,
    roles: [
      ["data_engineer", 200],
      ["developer", 200],
      ["business_analyst", 120],
    ],
    sponsor: "daniel",
    manager: "samuel",
    team: ["aisha", "lukas"],
  },
];

// ---------------------------------------------------------------------------------------------
// Generation
// ---------------------------------------------------------------------------------------------

const MIN_PROJECT_BUDGET_CENTS = 80_000 * 100;
const MAX_PROJECT_BUDGET_CENTS = 4_000_000 * 100;
/** Budget lines are whole hundreds of euros, as a planner would enter them. */
const BUDGET_UNIT_CENTS = 100 * 100;
const MIN_DEMAND_HOURS = 20;
const MAX_DEMAND_HOURS = 400;

/**
 * Relative effort at position t ∈ (0, 1) of the window: ramp-up over the first 30 %, a plateau,
 * ramp-down over the last 25 %.
 */
function rampPeakRampDown(t: number): number {
  if (t < 0.3) return 0.3 + 0.7 * (t / 0.3);
  if (t > 0.75) return 1 - 0.65 * ((t - 0.75) / 0.25);
  return 1;
}

/** Each role has its own profile: architects early, testers late, project managers steady. */
function roleProfile(role: RoleKey, t: number): number {
  switch (role) {
    case "architect":
      return 1 - 0.7 * t;
    case "tester":
      return 0.3 + 0.7 * t;
    case "project_manager":
      return 1;
    default:
      return rampPeakRampDown(t);
  }
}

/**
 * Splits a whole number of units over weights so that the parts are whole and add up exactly
 * (largest remainder method; ties go to the earlier weight).
 */
function apportion(totalUnits: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  const exact = weights.map((w) => (sum > 0 ? (w / sum) * totalUnits : 0));
  const parts = exact.map((x) => Math.floor(x));
  let left = totalUnits - parts.reduce((s, p) => s + p, 0);
  const order = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    parts[i] = (parts[i] ?? 0) + 1;
    left--;
  }
  return parts;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

function lastDayOf(period: string): string {
  const [y, m] = period.split("-").map(Number) as [number, number];
  return `${period}-${String(daysInMonth(y, m)).padStart(2, "0")}`;
}

function buildBudget(spec: ProjectSpec, periods: readonly string[], random: () => number): DemoBudgetLine[] {
  const targetCents = clamp(
    spec.sizeK * 1000 * 100 * (0.85 + 0.3 * random()),
    MIN_PROJECT_BUDGET_CENTS,
    MAX_PROJECT_BUDGET_CENTS,
  );
  const totalUnits = Math.floor(targetCents / BUDGET_UNIT_CENTS);
  const capexShare = clamp((spec.capex ?? DEFAULT_CAPEX_SHARE[spec.category]) + 0.1 * (random() - 0.5), 0.05, 0.95);
  const n = periods.length;
  const weights: number[] = [];
  const types: ExpenseType[] = [];
  periods.forEach((_, i) => {
    const monthWeight = rampPeakRampDown((i + 0.5) / n) * (0.9 + 0.2 * random());
    const monthCapex = clamp(capexShare + 0.1 * (random() - 0.5), 0.02, 0.98);
    weights.push(monthWeight * monthCapex, monthWeight * (1 - monthCapex));
    types.push("capex", "opex");
  });
  const units = apportion(totalUnits, weights);
  return units.map((u, k) => ({
    period: periods[Math.floor(k / 2)] as string,
    expenseType: types[k] as ExpenseType,
    amountCents: u * BUDGET_UNIT_CENTS,
  }));
}

function buildDemand(spec: ProjectSpec, periods: readonly string[], random: () => number): DemoDemandLine[] {
  const n = periods.length;
  const lines: DemoDemandLine[] = [];
  for (const [roleKey, peakHours] of spec.roles) {
    periods.forEach((period, i) => {
      const raw = peakHours * roleProfile(roleKey, (i + 0.5) / n) * (0.85 + 0.3 * random());
      lines.push({ roleKey, period, hours: Math.round(clamp(raw, MIN_DEMAND_HOURS, MAX_DEMAND_HOURS)) });
    });
  }
  return lines;
}

/**
 * Builds the Northwind Utilities demo organization. Deterministic: the same options always give
 * deep-equal data. Throws a RangeError for a malformed `startPeriod` or a non-integer `seed`.
 */
export function buildDemoDataset(options: DemoDatasetOptions = {}): DemoDataset {
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  const startPeriod = options.startPeriod ?? DEFAULT_DEMO_START_PERIOD;
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  if (!isPeriod(startPeriod)) throw new RangeError(`startPeriod must be a month YYYY-MM, got "${startPeriod}"`);
  const random = createSeededRandom(seed);

  const people: DemoPerson[] = PEOPLE.map((p) => ({
    key: p.key,
    name: `${p.first} ${p.last}`,
    email: emailFor(p.first, p.last),
    role: p.role,
    title: p.title,
  }));
  const emailOf = new Map(people.map((p) => [p.key, p.email]));
  const email = (key: string): string => {
    const found = emailOf.get(key);
    if (found === undefined) throw new Error(`demo catalogue refers to unknown person "${key}"`);
    return found;
  };

  const projects: DemoProject[] = PROJECTS.map((spec) => {
    const first = addMonths(startPeriod, spec.start);
    const last = addMonths(first, spec.months - 1);
    const periods = periodRange(first, last);
    return {
      code: spec.code,
      name: spec.name,
      description: spec.description,
      portfolioKey: spec.portfolio,
      programKey: spec.program,
      category: spec.category,
      lifecycleStage: spec.stage,
      status: spec.status,
      sponsorEmail: email(spec.sponsor),
      managerEmail: email(spec.manager),
      plannedStart: `${first}-01`,
      plannedEnd: lastDayOf(last),
      budget: buildBudget(spec, periods, random),
      demand: buildDemand(spec, periods, random),
      dependencies: (spec.dependsOn ?? []).map(([dependsOnCode, kind]) => ({ dependsOnCode, kind })),
      teamEmails: spec.team.map(email),
    };
  });

  return {
    organization: { name: "Northwind Utilities", currency: "EUR" },
    people,
    resourceRoles: RESOURCE_ROLES.map((r) => ({ ...r })),
    categories: DEFAULT_CATEGORIES.map((c) => ({ key: c.key, name: c.name, description: c.description })),
    portfolios: PORTFOLIOS.map(({ owner, ...p }) => ({ ...p, ownerEmail: email(owner) })),
    programs: PROGRAMS.map(({ manager, ...p }) => ({ ...p, managerEmail: email(manager) })),
    projects,
  };
}
