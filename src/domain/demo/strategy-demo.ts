/**
 * The demo organization's strategy and governance: Northwind Utilities' objectives, goals with
 * their monthly check-ins, prioritization criteria, the executive board's AHP weighting, project
 * scores and objective links, and two steering meetings.
 *
 * Plain data, no ids, like demo-dataset.ts: records refer to people by `email`, to projects by
 * `code`, to objectives by `code`, to criteria and goals by `key`; the loader maps those to ids.
 * The catalogue is fixed. Two things move:
 * - `asOf` (the demo's "today", YYYY-MM-DD): goal check-ins run monthly up to it, and the meetings
 *   sit around it (one held about two months before, one planned about three weeks after).
 * - `seed`: a seeded generator varies the check-in values and the project scores a little, so the
 *   same options always give deep-equal data. Goals meant to be on track stay on track for every
 *   seed, and the two meant to lag stay off track (see GOALS: `pace`).
 */

import { addMonths, daysInMonth, isIsoDate, periodOf } from "../shared/period.js";
import { expectedProgressAt, type GoalDirection } from "../strategy/goal-progress.js";
import { createSeededRandom, DEFAULT_DEMO_SEED, type DemoDataset, type DemoProject } from "./demo-dataset.js";

export type StrategyDemoOptions = {
  /** The demo's current date `YYYY-MM-DD` (the loader passes today from its clock). */
  asOf: string;
  /** Any integer; defaults to the dataset's default seed. */
  seed?: number;
};

export type DemoObjective = {
  code: string;
  parentCode: string | null;
  kind: "organizational" | "pmo";
  title: string;
  description: string;
  ownerEmail: string;
  /** Months `YYYY-MM`. */
  horizonStart: string;
  horizonEnd: string;
  weight: number;
  sortOrder: number;
};

export type DemoCheckIn = { date: string; value: number; note: string };

export type DemoGoal = {
  key: string;
  level: "organizational" | "project" | "pmo";
  objectiveCode: string | null;
  projectCode: string | null;
  title: string;
  description: string;
  scope: string;
  metricName: string;
  unit: string;
  direction: GoalDirection;
  baselineValue: number;
  baselineDate: string;
  targetValue: number;
  targetDate: string;
  tolerance: number | null;
  milestones: { date: string; value: number }[];
  ownerEmail: string;
  /** Monthly readings after the baseline date, up to asOf and the target date; recorded by the owner. */
  checkIns: DemoCheckIn[];
};

export type DemoCriterionLevel = { value: number; label: string; description: string };
export type DemoCriterion = {
  key: string;
  name: string;
  description: string;
  source: "scale" | "alignment";
  scaleMin: number;
  scaleMax: number;
  higherIsBetter: boolean;
  levels: DemoCriterionLevel[];
  sortOrder: number;
};

/** One pairwise judgment: criterion `a` is `value` times as important as `b` (Saaty's scale). */
export type DemoJudgment = { a: string; b: string; value: number };

export type DemoPrioritization = {
  name: string;
  description: string;
  businessUnit: string;
  participants: { email: string; judgments: DemoJudgment[] }[];
  /** The note of the scoring model published from the closed session. */
  modelNote: string;
};

export type DemoProjectStrategy = {
  projectCode: string;
  scores: { criterionKey: string; value: number; rationale: string }[];
  links: { objectiveCode: string; strength: 1 | 2 | 3 }[];
};

export type DemoRef =
  | { type: "project"; code: string }
  | { type: "goal"; key: string }
  | { type: "objective"; code: string };

export type DemoMeeting = {
  key: string;
  title: string;
  type: "portfolio_review" | "steering_committee";
  /** ISO instant. */
  startsAt: string;
  durationMinutes: number;
  location: string;
  notes: string;
  status: "planned" | "held";
  attendees: { email: string; attendance: "invited" | "attended" | "apologies" }[];
  agenda: { key: string; title: string; notes: string; ref: DemoRef | null }[];
  decisions: {
    key: string;
    agendaKey: string;
    kind: "approve" | "defer" | "change_request";
    title: string;
    rationale: string;
    decidedByEmails: string[];
  }[];
  actionItems: {
    title: string;
    decisionKey: string | null;
    ownerEmail: string;
    dueDate: string;
    status: "open" | "done";
  }[];
};

export type StrategyDemo = {
  asOf: string;
  objectives: DemoObjective[];
  goals: DemoGoal[];
  criteria: DemoCriterion[];
  prioritization: DemoPrioritization;
  /** Every project; scores for the proposed, approved and active ones, links for most. */
  projects: DemoProjectStrategy[];
  meetings: DemoMeeting[];
};

// ---------------------------------------------------------------------------------------------
// Objectives
// ---------------------------------------------------------------------------------------------

const HORIZON_START = "2026-01";
const HORIZON_END = "2028-12";

type ObjectiveSpec = Omit<DemoObjective, "ownerEmail" | "sortOrder" | "horizonStart" | "horizonEnd"> & {
  owner: string;
  horizonEnd?: string;
};

/**
 * Top-level weights 30/25/20/15/10. Sub-objectives carry weight 0: weights are normalized over
 * every active objective, so a weighted sub-objective would count its parent's share twice;
 * projects and goals link to the top level. The PMO objectives weigh 5 each.
 */
const OBJECTIVES: readonly ObjectiveSpec[] = [
  {
    code: "SO-1",
    parentCode: null,
    kind: "organizational",
    title: "Modernise the grid for electrification",
    description:
      "Prepare the distribution network for the heat pumps, EV chargers and rooftop solar our customers are connecting: visibility of the low-voltage grid, faster connections and smart meters in every home.",
    owner: "margit",
    weight: 30,
  },
  {
    code: "SO-1.1",
    parentCode: "SO-1",
    kind: "organizational",
    title: "Connect heat pumps and EV chargers without network delays",
    description: "Publish hosting capacity, automate connection studies and reinforce the feeders that constrain us.",
    owner: "sofia",
    weight: 0,
  },
  {
    code: "SO-1.2",
    parentCode: "SO-1",
    kind: "organizational",
    title: "A smart meter in every home by 2028",
    description: "Finish both rollout waves and bill every smart-metered home from actual half-hourly reads.",
    owner: "sofia",
    weight: 0,
  },
  {
    code: "SO-2",
    parentCode: null,
    kind: "organizational",
    title: "Cut non-revenue water to 15 %",
    description:
      "Lose less treated water between the works and the customer's tap: find leaks sooner, fix them faster and renew the mains that fail most.",
    owner: "sofia",
    weight: 25,
  },
  {
    code: "SO-2.1",
    parentCode: "SO-2",
    kind: "organizational",
    title: "Find and fix leaks within five days",
    description:
      "Acoustic loggers on the trunk mains, district metering and a repair crew model that follows the data.",
    owner: "sofia",
    weight: 0,
  },
  {
    code: "SO-2.2",
    parentCode: "SO-2",
    kind: "organizational",
    title: "Renew the worst-performing water mains",
    description: "Target renewal at the cast-iron mains with the highest burst rates, district by district.",
    owner: "sofia",
    weight: 0,
  },
  {
    code: "SO-3",
    parentCode: null,
    kind: "organizational",
    title: "Delight customers digitally",
    description:
      "Make self-service the easiest way to deal with us and give every agent one view of the customer, so that contacts are resolved the first time.",
    owner: "margit",
    weight: 20,
  },
  {
    code: "SO-3.1",
    parentCode: "SO-3",
    kind: "organizational",
    title: "Make self-service the first choice",
    description: "Readings, moves, payment plans and outage updates online and in the app, without a call.",
    owner: "margit",
    weight: 0,
  },
  {
    code: "SO-4",
    parentCode: null,
    kind: "organizational",
    title: "Operate safely and compliantly",
    description:
      "Nobody hurt at work, drinking water that always meets the standard, and the cyber-security and resilience obligations of an operator of essential services met on time.",
    owner: "sofia",
    weight: 15,
  },
  {
    code: "SO-4.1",
    parentCode: "SO-4",
    kind: "organizational",
    title: "Meet NIS2 obligations across IT and OT",
    description: "Segment the operational networks, monitor them around the clock and evidence it to the regulator.",
    owner: "daniel",
    weight: 0,
  },
  {
    code: "SO-5",
    parentCode: null,
    kind: "organizational",
    title: "Run a lean, data-driven business",
    description:
      "Retire the legacy core systems, automate routine back-office work and put trusted data in front of every decision, to bring the cost to serve down.",
    owner: "daniel",
    weight: 10,
  },
  {
    code: "SO-5.1",
    parentCode: "SO-5",
    kind: "organizational",
    title: "Retire the legacy ERP by 2027",
    description: "Finance, procurement and asset management on the cloud suite; the old ERP switched off.",
    owner: "daniel",
    weight: 0,
  },
  {
    code: "PMO-1",
    parentCode: null,
    kind: "pmo",
    title: "Raise on-time delivery from 61 % to 80 % by Q4 2027",
    description:
      "Realistic baselines at approval, monthly forecasting and earlier escalation, so that four in five projects finish within 10 % of their baselined end date.",
    owner: "claire",
    weight: 5,
    horizonEnd: "2027-12",
  },
  {
    code: "PMO-2",
    parentCode: null,
    kind: "pmo",
    title: "Realize 90 % of planned benefits",
    description:
      "Every approved business case gets a benefit owner and a measurement plan; the PMO tracks realization for two years after closure.",
    owner: "agnieszka",
    weight: 5,
  },
];

// ---------------------------------------------------------------------------------------------
// Goals
// ---------------------------------------------------------------------------------------------

type GoalSpec = Omit<DemoGoal, "ownerEmail" | "checkIns"> & {
  /** Person key; project goals leave it out and belong to the project's manager. */
  owner?: string;
  /** Actual progress ÷ expected progress: about 1.1 runs slightly ahead, below 0.5 falls behind. */
  pace: number;
  /** Decimals the metric is reported with. */
  decimals: number;
  /** Values are reported in whole multiples of this (e.g. 100 meters); 0 for none. */
  step?: number;
  /** Note on the latest check-in. */
  latestNote: string;
};

const GOALS: readonly GoalSpec[] = [
  {
    key: "smart-meter-coverage",
    level: "organizational",
    objectiveCode: "SO-1",
    projectCode: null,
    title: "Raise smart meter coverage from 41 % to 95 % of homes by 2028",
    description: "Both rollout waves together; a meter counts once it is commissioned and read remotely.",
    scope: "All 420,000 domestic electricity and water connections in the Northwind service area",
    metricName: "Homes with a commissioned smart meter",
    unit: "%",
    direction: "increase",
    baselineValue: 41,
    baselineDate: "2025-06-30",
    targetValue: 95,
    targetDate: "2028-12-31",
    tolerance: null,
    milestones: [
      { date: "2026-12-31", value: 62 },
      { date: "2027-12-31", value: 80 },
    ],
    owner: "sofia",
    pace: 1.08,
    decimals: 1,
    latestNote: "Wave 1 installers ahead of plan in Riverside.",
  },
  {
    key: "non-revenue-water",
    level: "organizational",
    objectiveCode: "SO-2",
    projectCode: null,
    title: "Cut non-revenue water from 24 % to 15 % by the end of 2028",
    description: "Rolling 12-month water balance; the regulator's leakage commitment depends on it.",
    scope: "All potable water supply zones, measured with the IWA water balance",
    metricName: "Non-revenue water as a share of water put into supply",
    unit: "%",
    direction: "decrease",
    baselineValue: 24,
    baselineDate: "2025-03-31",
    targetValue: 15,
    targetDate: "2028-12-31",
    tolerance: null,
    milestones: [],
    owner: "hugo",
    pace: 0.4,
    decimals: 1,
    latestNote: "Flat since spring: the acoustic logger network is late and two trunk-main bursts added losses.",
  },
  {
    key: "self-service-share",
    level: "organizational",
    objectiveCode: "SO-3",
    projectCode: null,
    title: "Handle 60 % of customer contacts through self-service by end of 2027",
    description: "Contacts completed online or in the app without an agent, over all contacts in the month.",
    scope: "Domestic and business customers, all contact reasons and channels",
    metricName: "Share of customer contacts completed through self-service",
    unit: "%",
    direction: "increase",
    baselineValue: 35,
    baselineDate: "2025-09-30",
    targetValue: 60,
    targetDate: "2027-12-31",
    tolerance: null,
    milestones: [],
    owner: "elena",
    pace: 1.1,
    decimals: 1,
    latestNote: "Meter readings and payment plans moved online with the portal's second release.",
  },
  {
    // Deliberately weaker: no scope, so the SMART check warns on Specific.
    key: "customer-satisfaction",
    level: "organizational",
    objectiveCode: "SO-3",
    projectCode: null,
    title: "Lift customer satisfaction to 82 points",
    description: "Post-contact survey score.",
    scope: "",
    metricName: "Customer satisfaction score (CSAT)",
    unit: "points",
    direction: "increase",
    baselineValue: 71,
    baselineDate: "2025-12-31",
    targetValue: 82,
    targetDate: "2027-12-31",
    tolerance: null,
    milestones: [],
    owner: "elena",
    pace: 1.1,
    decimals: 1,
    latestNote: "",
  },
  {
    key: "water-quality-compliance",
    level: "organizational",
    objectiveCode: "SO-4",
    projectCode: null,
    title: "Keep drinking water quality compliance at 99.95 % (±0.03) every month",
    description: "Mean zonal compliance of the regulatory sampling programme.",
    scope: "All water treatment works and supply zones, regulatory sampling programme",
    metricName: "Samples meeting the drinking water standards",
    unit: "%",
    direction: "maintain",
    baselineValue: 99.96,
    baselineDate: "2025-12-31",
    targetValue: 99.95,
    targetDate: "2028-12-31",
    tolerance: 0.03,
    milestones: [],
    owner: "hugo",
    pace: 1,
    decimals: 2,
    latestNote: "",
  },
  {
    key: "lost-time-injury-rate",
    level: "organizational",
    objectiveCode: "SO-4",
    projectCode: null,
    title: "Cut the lost-time injury rate from 3.8 to 2.0 by 2028",
    description: "Lost-time injuries per million hours worked, rolling 12 months.",
    scope: "Employees and contractors working on Northwind sites and networks",
    metricName: "Lost-time injury frequency rate",
    unit: "per million hours",
    direction: "decrease",
    baselineValue: 3.8,
    baselineDate: "2025-12-31",
    targetValue: 2,
    targetDate: "2028-12-31",
    tolerance: null,
    milestones: [],
    owner: "sofia",
    pace: 1.15,
    decimals: 2,
    latestNote: "",
  },
  {
    key: "cost-to-serve",
    level: "organizational",
    objectiveCode: "SO-5",
    projectCode: null,
    title: "Cut the cost to serve from €112 to €95 per customer a year by 2027",
    description: "Operating cost of billing, the contact centre and meter reading, divided by customer accounts.",
    scope: "Domestic customer accounts; billing, contact centre and meter-reading operating cost",
    metricName: "Cost to serve per customer account",
    unit: "€/customer/year",
    direction: "decrease",
    baselineValue: 112,
    baselineDate: "2025-12-31",
    targetValue: 95,
    targetDate: "2027-12-31",
    tolerance: null,
    milestones: [],
    owner: "daniel",
    pace: 1.1,
    decimals: 1,
    latestNote: "",
  },
  {
    key: "wave-1-installs",
    level: "project",
    objectiveCode: "SO-1",
    projectCode: "NET-002",
    title: "Install 180,000 smart meters in Wave 1 by January 2027",
    description: "Meters installed, commissioned and read remotely at least once.",
    scope: "Wave 1 districts: Northgate, Riverside and Eastfield",
    metricName: "Smart meters installed and commissioned",
    unit: "meters",
    direction: "increase",
    baselineValue: 0,
    baselineDate: "2025-08-01",
    targetValue: 180_000,
    targetDate: "2027-01-31",
    tolerance: null,
    milestones: [],
    pace: 1.08,
    decimals: 0,
    step: 100,
    latestNote: "Two extra installer crews since September.",
  },
  {
    // Deliberately weaker: the project manager did not link it to an objective (SMART: Relevant fails).
    key: "portal-registrations",
    level: "project",
    objectiveCode: null,
    projectCode: "CUS-002",
    title: "Register 150,000 customers on the self-service portal by June 2027",
    description: "Customers with a verified portal account.",
    scope: "Domestic customers with an active account",
    metricName: "Customers registered on the portal",
    unit: "customers",
    direction: "increase",
    baselineValue: 0,
    baselineDate: "2025-10-01",
    targetValue: 150_000,
    targetDate: "2027-06-30",
    tolerance: null,
    milestones: [],
    pace: 1.1,
    decimals: 0,
    step: 100,
    latestNote: "",
  },
  {
    key: "on-time-delivery",
    level: "pmo",
    objectiveCode: "PMO-1",
    projectCode: null,
    title: "Raise on-time delivery from 61 % to 80 % of projects by Q4 2027",
    description: "A project is on time when it finishes within 10 % of its baselined duration.",
    scope: "All projects closing in a rolling 12 months, across the three portfolios",
    metricName: "Projects finishing within 10 % of their baselined end date",
    unit: "%",
    direction: "increase",
    baselineValue: 61,
    baselineDate: "2025-12-31",
    targetValue: 80,
    targetDate: "2027-12-31",
    tolerance: null,
    milestones: [],
    owner: "claire",
    pace: 0.3,
    decimals: 1,
    latestNote: "Two late closures (Billing Accuracy, Reservoir SCADA) still weigh on the rolling figure.",
  },
  {
    key: "benefits-realized",
    level: "pmo",
    objectiveCode: "PMO-2",
    projectCode: null,
    title: "Realize 90 % of planned benefits of closed projects by 2028",
    description: "Realized value over planned value, for benefits whose measurement date has passed.",
    scope: "Projects closed since January 2024 with an approved benefit profile",
    metricName: "Realized share of planned benefits",
    unit: "%",
    direction: "increase",
    baselineValue: 72,
    baselineDate: "2025-12-31",
    targetValue: 90,
    targetDate: "2028-12-31",
    tolerance: null,
    milestones: [],
    owner: "agnieszka",
    pace: 1.1,
    decimals: 1,
    latestNote: "",
  },
];

// ---------------------------------------------------------------------------------------------
// Criteria and the board's judgments
// ---------------------------------------------------------------------------------------------

const levels = (...rows: readonly (readonly [string, string])[]): DemoCriterionLevel[] =>
  rows.map(([label, description], value) => ({ value, label, description }));

const CRITERIA: readonly DemoCriterion[] = [
  {
    key: "strategic_alignment",
    name: "Strategic alignment",
    description: "Derived from the project's links to the strategic objectives and their weights; not scored by hand.",
    source: "alignment",
    scaleMin: 0,
    scaleMax: 5,
    higherIsBetter: true,
    levels: [],
    sortOrder: 1,
  },
  {
    key: "financial_return",
    name: "Financial return",
    description:
      "Net present value of the business case over its appraisal period, at the 6 % regulatory discount rate.",
    source: "scale",
    scaleMin: 0,
    scaleMax: 5,
    higherIsBetter: true,
    levels: levels(
      ["< €0.1 M NPV", "No material financial return; done for other reasons."],
      ["€0.1–0.5 M NPV", "Small savings, e.g. one process automated."],
      ["€0.5–1 M NPV", "Savings or revenue for one department."],
      ["€1–2.5 M NPV", "Material savings across several departments."],
      ["€2.5–5 M NPV", "A large saving or a new revenue stream."],
      ["> €5 M NPV", "Changes the utility's cost base or revenue."],
    ),
    sortOrder: 2,
  },
  {
    key: "risk",
    name: "Delivery risk",
    description: "How likely the project is to miss its time, cost or scope, and how badly. Lower is better.",
    source: "scale",
    scaleMin: 0,
    scaleMax: 5,
    higherIsBetter: false,
    levels: levels(
      ["Negligible", "Routine work our teams have done many times."],
      ["Low", "Known technology and suppliers; small, reversible changes."],
      ["Moderate", "Some new technology or a new supplier; contained impact if it slips."],
      ["Significant", "Several teams and systems; a failed go-live would be visible to customers."],
      ["High", "New technology at scale, a hard cut-over, or heavy dependence on one vendor."],
      ["Severe", "Business-critical cut-over without fallback, or unproven technology at network scale."],
    ),
    sortOrder: 3,
  },
  {
    key: "urgency_compliance",
    name: "Urgency and compliance",
    description: "How soon it must be done: legal and regulatory deadlines, end of support, safety findings.",
    source: "scale",
    scaleMin: 0,
    scaleMax: 5,
    higherIsBetter: true,
    levels: levels(
      ["Discretionary", "Can start in any year without consequence."],
      ["Desirable", "Its value declines slowly if delayed."],
      ["Time-sensitive", "A market or funding window closes within two to three years."],
      ["Required", "Committed in the regulatory business plan for this period."],
      ["Mandatory", "A regulatory or safety obligation with a deadline within 24 months."],
      ["Critical", "A legal deadline within 12 months, support already ended, or an open safety finding."],
    ),
    sortOrder: 4,
  },
  {
    key: "customer_impact",
    name: "Customer impact",
    description: "How much customers notice: reliability, bills, service and the ways they can reach us.",
    source: "scale",
    scaleMin: 0,
    scaleMax: 5,
    higherIsBetter: true,
    levels: levels(
      ["None", "Internal only; customers notice nothing."],
      ["Minor", "An indirect benefit to a small group of customers."],
      ["Noticeable", "A visible improvement for one customer segment."],
      ["Significant", "Better service or lower bills for a large segment."],
      ["Major", "Changes how most customers deal with us."],
      ["Transformational", "Every customer's supply, bill or service is clearly better."],
    ),
    sortOrder: 5,
  },
];

const CRITERION_ORDER = ["strategic_alignment", "financial_return", "risk", "urgency_compliance", "customer_impact"];

/**
 * Each executive's ten judgments in the order of CRITERION_ORDER pairs (0-1, 0-2, 0-3, 0-4, 1-2, …,
 * 3-4): how many times more important the first criterion is than the second. The CEO weighs
 * alignment and customers, the CFO financial return, the COO urgency and delivery risk. Each set is
 * consistent on its own (CR about 0.01–0.03, well under 0.10; see strategy-demo.test.ts).
 */
const JUDGMENTS: readonly { person: string; values: readonly number[] }[] = [
  { person: "margit", values: [3, 5, 3, 1, 2, 2, 1 / 3, 1 / 2, 1 / 4, 1 / 2] },
  { person: "daniel", values: [1 / 3, 2, 2, 2, 4, 5, 5, 2, 1, 1] },
  { person: "sofia", values: [2, 1 / 2, 1 / 3, 2, 1 / 3, 1 / 4, 1, 1 / 2, 2, 3] },
];

function judgmentsOf(values: readonly number[]): DemoJudgment[] {
  const out: DemoJudgment[] = [];
  let k = 0;
  for (let i = 0; i < CRITERION_ORDER.length; i++) {
    for (let j = i + 1; j < CRITERION_ORDER.length; j++) {
      const value = values[k++];
      if (value === undefined) throw new Error("demo catalogue: a judgment is missing");
      out.push({ a: CRITERION_ORDER[i] as string, b: CRITERION_ORDER[j] as string, value });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Project scores and objective links
// ---------------------------------------------------------------------------------------------

/** Statuses whose projects are scored (the pipeline and the running work). */
export const SCORED_STATUSES: readonly string[] = ["proposed", "approved", "active"];

type Category = DemoProject["category"];
const BASE_FINANCIAL: Record<Category, number> = { transform: 4, grow: 3, run: 1 };
const BASE_RISK: Record<Category, number> = { transform: 4, grow: 2, run: 1 };
const BASE_URGENCY: Record<Category, number> = { transform: 2, grow: 1, run: 4 };
const BASE_CUSTOMER: Record<string, number> = { customer: 4, network: 2, digital: 1 };

/** Scores the portfolio office set by hand, with their rationale; they replace the generated ones. */
const SCORE_OVERRIDES: Readonly<Record<string, Readonly<Record<string, readonly [number, string]>>>> = {
  "DIG-002": {
    risk: [5, "Finance and procurement cut over at a quarter end with 20 years of ledger history and no parallel run."],
  },
  "DIG-005": {
    financial_return: [2, "Crew productivity gains of about €0.7 M NPV once the dashboards are used daily."],
  },
  "DIG-007": {
    urgency_compliance: [
      5,
      "Extended support for Windows Server 2016 ends in January 2027; unpatched servers fail the audit.",
    ],
  },
  "DIG-009": { urgency_compliance: [5, "NIS2 requires segmented OT networks; the regulator inspects us next year."] },
  "DIG-010": {
    urgency_compliance: [5, "NIS2 obligations already apply; we must evidence compliance at the next audit."],
  },
  "NET-003": {
    financial_return: [5, "Wave 2 business case: €6.8 M NPV over 15 years from remote reads and avoided site visits."],
  },
  "NET-008": {
    financial_return: [4, "Each point of non-revenue water is worth about €1.1 M a year in treatment and pumping."],
  },
  "NET-012": {
    urgency_compliance: [4, "Committed in the regulatory business plan after the climate risk review of the works."],
  },
  "CUS-001": { customer_impact: [5, "Every contact-centre call and every bill runs through the new CRM."] },
  "CUS-004": {
    financial_return: [1, "Charging revenue depends on utilisation we cannot evidence yet: about €0.3 M NPV."],
    risk: [4, "A new business line for us: site leases, payments and a 24/7 charger operations partner."],
  },
};

/**
 * Objective links (strength 1–3). Unlinked on purpose, so the strategy-spend view shows unlinked
 * spend: DIG-007, DIG-012, DIG-014 and CUS-008. SO-5 (weight 10 %) draws far more than its share:
 * the ERP and data platform projects are expensive.
 */
const LINKS: Readonly<Record<string, readonly (readonly [string, 1 | 2 | 3])[]>> = {
  "DIG-001": [["SO-5", 3]],
  "DIG-002": [["SO-5", 3]],
  "DIG-003": [["SO-5", 3]],
  "DIG-004": [["SO-5", 3]],
  "DIG-005": [
    ["SO-5", 2],
    ["SO-2", 1],
  ],
  "DIG-006": [
    ["SO-4", 2],
    ["SO-5", 1],
  ],
  "DIG-008": [["SO-4", 3]],
  "DIG-009": [["SO-4", 3]],
  "DIG-010": [["SO-4", 3]],
  "DIG-011": [["SO-5", 3]],
  "DIG-013": [
    ["SO-5", 2],
    ["SO-3", 1],
  ],
  "NET-001": [
    ["SO-1", 2],
    ["SO-3", 1],
  ],
  "NET-002": [
    ["SO-1", 3],
    ["SO-2", 1],
  ],
  "NET-003": [
    ["SO-1", 3],
    ["SO-2", 2],
  ],
  "NET-004": [["SO-1", 3]],
  "NET-005": [
    ["SO-4", 2],
    ["SO-1", 1],
  ],
  "NET-006": [
    ["SO-1", 2],
    ["SO-4", 1],
  ],
  "NET-007": [["SO-2", 3]],
  "NET-008": [["SO-2", 3]],
  "NET-009": [
    ["SO-4", 2],
    ["SO-2", 1],
  ],
  "NET-010": [
    ["SO-4", 2],
    ["SO-5", 1],
  ],
  "NET-011": [
    ["SO-2", 2],
    ["SO-5", 2],
  ],
  "NET-012": [["SO-4", 3]],
  "NET-013": [["SO-1", 1]],
  "NET-014": [["SO-1", 3]],
  "NET-015": [["SO-1", 2]],
  "CUS-001": [
    ["SO-3", 3],
    ["SO-5", 2],
  ],
  "CUS-002": [["SO-3", 3]],
  "CUS-003": [
    ["SO-3", 2],
    ["SO-1", 2],
  ],
  "CUS-004": [
    ["SO-1", 2],
    ["SO-3", 1],
  ],
  "CUS-005": [
    ["SO-3", 2],
    ["SO-5", 1],
  ],
  "CUS-006": [
    ["SO-3", 2],
    ["SO-4", 1],
  ],
  "CUS-007": [
    ["SO-4", 2],
    ["SO-3", 2],
  ],
  "CUS-009": [
    ["SO-2", 2],
    ["SO-4", 1],
  ],
  "CUS-010": [["SO-3", 2]],
  "CUS-011": [
    ["SO-5", 2],
    ["SO-3", 1],
  ],
};

function clampScore(x: number): number {
  return Math.min(5, Math.max(0, Math.round(x)));
}

/** −1, 0 or +1 with probabilities 0.2, 0.6, 0.2. */
function jitter(random: () => number): number {
  const r = random();
  return r < 0.2 ? -1 : r >= 0.8 ? 1 : 0;
}

function buildProjectStrategy(project: DemoProject, random: () => number): DemoProjectStrategy {
  const links = (LINKS[project.code] ?? []).map(([objectiveCode, strength]) => ({ objectiveCode, strength }));
  if (!SCORED_STATUSES.includes(project.status)) return { projectCode: project.code, scores: [], links };
  const generated: Record<string, number> = {
    financial_return: BASE_FINANCIAL[project.category] + jitter(random),
    risk: BASE_RISK[project.category] + jitter(random),
    urgency_compliance: BASE_URGENCY[project.category] + (project.status === "active" ? 1 : 0) + jitter(random),
    customer_impact: (BASE_CUSTOMER[project.portfolioKey] ?? 2) + jitter(random),
  };
  const overrides = SCORE_OVERRIDES[project.code] ?? {};
  const scores = CRITERIA.filter((c) => c.source === "scale").map((c) => {
    const manual = overrides[c.key];
    return manual
      ? { criterionKey: c.key, value: manual[0], rationale: manual[1] }
      : { criterionKey: c.key, value: clampScore(generated[c.key] ?? 0), rationale: "" };
  });
  return { projectCode: project.code, scores, links };
}

// ---------------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------------

const DAY_MS = 86_400_000;

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The same day of the month `months` months away, clipped to the month's length. */
function addMonthsToDate(date: string, months: number): string {
  const period = addMonths(periodOf(date), months);
  const [y, m] = period.split("-").map(Number) as [number, number];
  return `${period}-${String(Math.min(Number(date.slice(8, 10)), daysInMonth(y, m))).padStart(2, "0")}`;
}

function lastDayOf(period: string): string {
  const [y, m] = period.split("-").map(Number) as [number, number];
  return `${period}-${String(daysInMonth(y, m)).padStart(2, "0")}`;
}

/** The date itself or the nearest Thursday in the given direction (steering meetings are on Thursdays). */
function toThursday(date: string, direction: 1 | -1): string {
  let d = date;
  while (new Date(`${d}T00:00:00Z`).getUTCDay() !== 4) d = addDays(d, direction);
  return d;
}

function quarterOf(date: string): { year: number; quarter: number } {
  return { year: Number(date.slice(0, 4)), quarter: Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1 };
}

// ---------------------------------------------------------------------------------------------
// Check-ins
// ---------------------------------------------------------------------------------------------

function roundTo(value: number, decimals: number, step = 0): number {
  if (step > 0) return Math.round(value / step) * step;
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

/**
 * Month-end readings after the baseline date, up to asOf and the target date. Each reading moves
 * `pace` times as far as the goal's expected progress (milestones included), plus noise of at most
 * ±1.5 % of the span, capped below the target; a `maintain` goal wanders inside 60 % of its band.
 */
function buildCheckIns(spec: GoalSpec, asOf: string, random: () => number): DemoCheckIn[] {
  const out: DemoCheckIn[] = [];
  const last = asOf < spec.targetDate ? asOf : spec.targetDate;
  const span = spec.targetValue - spec.baselineValue;
  for (let period = periodOf(spec.baselineDate); ; period = addMonths(period, 1)) {
    const date = lastDayOf(period);
    if (date > last) break;
    if (date <= spec.baselineDate) continue;
    const noise = random() - 0.5;
    let value: number;
    if (spec.direction === "maintain") {
      value = spec.targetValue + noise * 1.2 * (spec.tolerance ?? 0);
    } else {
      const expected = expectedProgressAt(
        {
          direction: spec.direction,
          baseline: { value: spec.baselineValue, date: spec.baselineDate },
          target: { value: spec.targetValue, date: spec.targetDate },
          milestones: spec.milestones,
        },
        date,
      );
      const share = Math.min(0.97, Math.max(0, (spec.pace * expected) / 100 + noise * 0.03));
      value = spec.baselineValue + span * share;
    }
    out.push({ date, value: roundTo(value, spec.decimals, spec.step), note: "" });
  }
  const latest = out.at(-1);
  if (latest) latest.note = spec.latestNote;
  return out;
}

// ---------------------------------------------------------------------------------------------
// Meetings
// ---------------------------------------------------------------------------------------------

function buildMeetings(asOf: string, email: (key: string) => string, executives: string[], pmo: string[]) {
  const heldOn = toThursday(addMonthsToDate(asOf, -2), -1);
  const plannedOn = toThursday(addDays(asOf, 21), 1);
  const held = quarterOf(heldOn);
  const next = quarterOf(addMonthsToDate(`${asOf.slice(0, 7)}-01`, 3));
  const board = [...executives, ...pmo];

  const review: DemoMeeting = {
    key: "portfolio-review",
    title: `Q${held.quarter} portfolio review`,
    type: "portfolio_review",
    startsAt: `${heldOn}T08:00:00Z`,
    durationMinutes: 120,
    location: "Board room, Northwind House",
    notes:
      "Quarterly review of the portfolio against the board's weighting: pipeline decisions, one change request and the strategy-spend picture. Agnieszka Nowak sent apologies; the finance figures were circulated in advance.",
    status: "held",
    attendees: board.map((e) => ({ email: e, attendance: e === email("agnieszka") ? "apologies" : "attended" })),
    agenda: [
      {
        key: "dashboards",
        title: "Business case: Operational Analytics Dashboards",
        notes: "Samuel Adeyemi presented the case; it needs the data lake's first release, due in the summer.",
        ref: { type: "project", code: "DIG-005" },
      },
      {
        key: "ev-charging",
        title: "Business case: Public EV Charging Network Pilot",
        notes: "Utilisation assumptions questioned; the regulator's tariff review reports next quarter.",
        ref: { type: "project", code: "CUS-004" },
      },
      {
        key: "crm",
        title: "Change request: CRM Replacement go-live",
        notes: "Data migration rehearsal 3 failed on payment arrangements; the team asks for two more months.",
        ref: { type: "project", code: "CUS-001" },
      },
      {
        key: "spend",
        title: "Strategy spend and off-track goals",
        notes: "SO-5 draws far more spend than its 10 % weight; non-revenue water is off track.",
        ref: { type: "goal", key: "non-revenue-water" },
      },
    ],
    decisions: [
      {
        key: "approve-dashboards",
        agendaKey: "dashboards",
        kind: "approve",
        title: "Approve the Operational Analytics Dashboards business case",
        rationale:
          "Strong fit with SO-5 and SO-2 at a modest budget; it reuses the data lake rather than buying a tool. Start once the data lake's first release is live.",
        decidedByEmails: [...executives],
      },
      {
        key: "defer-ev-charging",
        agendaKey: "ev-charging",
        kind: "defer",
        title: "Defer the Public EV Charging Network Pilot to the Q1 steering committee",
        rationale:
          "The return depends on the regulator's tariff review; bring the case back with its outcome and a partner-operated option.",
        decidedByEmails: [...executives],
      },
      {
        key: "crm-change",
        agendaKey: "crm",
        kind: "change_request",
        title: "Move the CRM go-live by two months and add €250k contingency",
        rationale:
          "A fourth migration rehearsal is cheaper than a failed cut-over during the winter billing peak. Funded from the Customer Experience programme reserve.",
        decidedByEmails: [...executives],
      },
    ],
    actionItems: [
      {
        title: "Circulate the strategy-spend analysis to the board",
        decisionKey: null,
        ownerEmail: email("ravi"),
        dueDate: addDays(heldOn, 7),
        status: "done",
      },
      {
        title: "Submit the delivery plan and resource request for the analytics dashboards",
        decisionKey: "approve-dashboards",
        ownerEmail: email("samuel"),
        dueDate: addDays(heldOn, 14),
        status: "done",
      },
      {
        title: "Re-baseline the CRM Replacement schedule and budget",
        decisionKey: "crm-change",
        ownerEmail: email("fatima"),
        dueDate: addDays(heldOn, 21),
        status: "open",
      },
      {
        title: "Bring back the EV charging case with the tariff review outcome",
        decisionKey: "defer-ev-charging",
        ownerEmail: email("pieter"),
        dueDate: addDays(plannedOn, -7),
        status: "open",
      },
    ],
  };

  const steering: DemoMeeting = {
    key: "steering-committee",
    title: `Q${next.quarter} ${next.year} steering committee`,
    type: "steering_committee",
    startsAt: `${plannedOn}T08:00:00Z`,
    durationMinutes: 90,
    location: "Board room, Northwind House",
    notes: "Papers go out a week before the meeting.",
    status: "planned",
    attendees: board.map((e) => ({ email: e, attendance: "invited" })),
    agenda: [
      {
        key: "ranking",
        title: "Project ranking under the board weighting",
        notes: "Ravi Menon walks through the ranking and what changes if any weight moves by 10 %.",
        ref: null,
      },
      {
        key: "wave-2",
        title: "Business case: Smart Meter Rollout Wave 2",
        notes: "",
        ref: { type: "project", code: "NET-003" },
      },
      {
        key: "ev-charging",
        title: "Returning case: Public EV Charging Network Pilot",
        notes: "Deferred at the portfolio review.",
        ref: { type: "project", code: "CUS-004" },
      },
      {
        key: "nrw",
        title: "Recovery plan for non-revenue water",
        notes: "",
        ref: { type: "objective", code: "SO-2" },
      },
    ],
    decisions: [],
    actionItems: [],
  };
  return [review, steering];
}

// ---------------------------------------------------------------------------------------------
// Build
// ---------------------------------------------------------------------------------------------

/**
 * Builds the strategy and governance demo for a dataset from buildDemoDataset. Deterministic: the
 * same options and dataset always give deep-equal data. Throws a RangeError for a malformed `asOf`
 * or a non-integer `seed`, and an Error when the dataset lacks a person or project it refers to.
 */
export function buildStrategyDemo(options: StrategyDemoOptions, dataset: DemoDataset): StrategyDemo {
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  const { asOf } = options;
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  if (!isIsoDate(asOf)) throw new RangeError(`asOf must be a date YYYY-MM-DD, got "${asOf}"`);

  const people = new Map(dataset.people.map((p) => [p.key, p]));
  const email = (key: string): string => {
    const found = people.get(key);
    if (!found) throw new Error(`strategy demo refers to unknown person "${key}"`);
    return found.email;
  };
  const projects = new Map(dataset.projects.map((p) => [p.code, p]));
  const project = (code: string): DemoProject => {
    const found = projects.get(code);
    if (!found) throw new Error(`strategy demo refers to unknown project "${code}"`);
    return found;
  };
  const executives = JUDGMENTS.map((j) => email(j.person));
  const pmo = dataset.people.filter((p) => p.role === "pmo").map((p) => p.email);

  const objectives: DemoObjective[] = OBJECTIVES.map(({ owner, horizonEnd, ...o }, i) => ({
    ...o,
    ownerEmail: email(owner),
    horizonStart: HORIZON_START,
    horizonEnd: horizonEnd ?? HORIZON_END,
    sortOrder: (i + 1) * 10,
  }));

  const goals: DemoGoal[] = GOALS.map((spec, i) => {
    const { owner, pace, decimals, step, latestNote, ...goal } = spec;
    const ownerEmail = owner ? email(owner) : project(spec.projectCode ?? "").managerEmail;
    const random = createSeededRandom(seed + 7919 * (i + 1));
    return {
      ...goal,
      milestones: goal.milestones.map((m) => ({ ...m })),
      ownerEmail,
      checkIns: buildCheckIns(spec, asOf, random),
    };
  });

  const scoreRandom = createSeededRandom(seed + 104_729);
  const projectStrategies = dataset.projects.map((p) => buildProjectStrategy(p, scoreRandom));
  for (const code of Object.keys(LINKS)) project(code);
  for (const code of Object.keys(SCORE_OVERRIDES)) project(code);

  const weightingYear = Number(asOf.slice(0, 4)) + 1;
  return {
    asOf,
    objectives,
    goals,
    criteria: CRITERIA.map((c) => ({ ...c, levels: c.levels.map((l) => ({ ...l })) })),
    prioritization: {
      name: `Executive board weighting ${weightingYear}`,
      description:
        "The board compares the five prioritization criteria pairwise for the planning round; the group weights become the published scoring model.",
      businessUnit: "Executive board",
      participants: JUDGMENTS.map((j) => ({ email: email(j.person), judgments: judgmentsOf(j.values) })),
      modelNote: `Board weighting ${weightingYear}`,
    },
    projects: projectStrategies,
    meetings: buildMeetings(asOf, email, executives, pmo),
  };
}
