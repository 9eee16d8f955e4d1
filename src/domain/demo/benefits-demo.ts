/**
 * The demo organization's benefits register: Northwind Utilities' sixty benefits across its
 * projects, with two years of measurements, a few drifting off track; risks to them, corrective
 * actions, the business changes of the benefits map, business cases and hand-overs to operations.
 *
 * Plain data, no ids, like demo-dataset.ts and strategy-demo.ts: records refer to people by
 * `email`, to projects and objectives by `code`, to benefits by their code (BEN-001 …); the loader
 * maps those to ids. The catalogue is fixed. Two things move:
 * - `today` (the demo's "today", YYYY-MM-DD; the loader passes the clock's date): baselines lie
 *   12–24 months before it (two months for benefits not started yet), targets 6–24 months after
 *   it, and measurements run monthly (or quarterly) from the baseline month up to last month, so
 *   the register stays current whenever the demo is loaded. Realization starts at the baseline, or
 *   after the enabling project's planned end when that lies far enough back (and, for benefits not
 *   started yet, after it delivers), so that only projects still running flag their benefits as
 *   delayed.
 * - `seed`: a seeded generator adds measurement noise, so the same options always give deep-equal
 *   data.
 *
 * Each benefit has an intended course (`Intent`): on track, drifting behind (at risk), flattening
 * so that the forecast misses the target while the latest value is still within tolerance (the
 * early warning, also at risk), stalled (off track), realized early, not started yet, or missing
 * its latest measurement (overdue). The measurements follow the benefit's profile through that
 * course; each benefit is checked with the register's own rules (tracking.ts, forecast.ts) and,
 * should the noise of one draw spoil the course, drawn again with the next seed (up to
 * MAX_DRAWS). That keeps the status mix — about seven in ten measured benefits on track, the rest
 * at risk, off track or realized early — whatever `today` and the seed (benefits-demo.test.ts
 * checks it for random ones; every month from 2025 to 2031 was tried with four seeds).
 */

import { DEFAULT_FORECAST_WINDOW, earlyWarning, fitLine, forecastBenefit } from "../benefits/forecast.js";
import { bucketEndOf, type MeasurementFrequency, measurementDueDate } from "../benefits/measurement-schedule.js";
import { generateProfile, type ProfileKind, type ProfilePoint } from "../benefits/profile.js";
import { LOW_FORECAST_PROBABILITY } from "../benefits/recommendations.js";
import { type BenefitDirection, type PeriodValue, type TrackingStatus, trackBenefit } from "../benefits/tracking.js";
import { addMonths, daysInMonth, isIsoDate, monthsBetween, periodOf } from "../shared/period.js";
import { createSeededRandom, DEFAULT_DEMO_SEED, type DemoDataset, type DemoProject } from "./demo-dataset.js";
import type { StrategyDemo } from "./strategy-demo.js";

export type BenefitsDemoOptions = {
  /** The demo's current date `YYYY-MM-DD` (the loader passes today from its clock). */
  today: string;
  /** Any integer; defaults to the dataset's default seed. */
  seed?: number;
};

export type DemoBenefitType = "cash_releasing" | "non_cash_releasing" | "quantifiable" | "qualitative";
export type DemoBenefitCategory =
  | "revenue"
  | "cost_saving"
  | "cost_avoidance"
  | "risk_reduction"
  | "compliance"
  | "customer"
  | "employee";

/** The register's default categories, so the loader can add any an older organization lacks. */
export const DEMO_BENEFIT_CATEGORIES: readonly { key: DemoBenefitCategory; name: string }[] = [
  { key: "revenue", name: "Revenue" },
  { key: "cost_saving", name: "Cost saving" },
  { key: "cost_avoidance", name: "Cost avoidance" },
  { key: "risk_reduction", name: "Risk reduction" },
  { key: "compliance", name: "Compliance" },
  { key: "customer", name: "Customer" },
  { key: "employee", name: "Employee" },
];

export type DemoBenefitMeasurement = {
  /** The month the value describes `YYYY-MM`. */
  period: string;
  /** When it was measured `YYYY-MM-DD`: early in the following month, never after today. */
  measuredOn: string;
  value: number;
  evidence: string;
  source: string;
  /** The owner who recorded it: the responsible owner, or the operational owner after hand-over. */
  recordedByEmail: string;
};

export type DemoHandover = {
  toEmail: string;
  projectCode: string;
  handedOverOn: string;
  remaining: string;
  /** The change still to realize at hand-over, in the KPI's unit. */
  remainingValue: number;
};

export type DemoBenefit = {
  code: string;
  title: string;
  /** What changes, and for whom, once the enabling projects deliver. */
  description: string;
  /** Who gains (DOAM's "described" test asks for it). */
  beneficiaries: string;
  /** What else moves the KPI and how this benefit's share is told apart (DOAM's "attributable"). */
  attributionNote: string;
  type: DemoBenefitType;
  category: DemoBenefitCategory;
  responsibleOwnerEmail: string;
  /** The sponsor of the first enabling project. */
  accountableOwnerEmail: string;
  kpiName: string;
  unit: string;
  direction: BenefitDirection;
  method: string;
  dataSource: string;
  frequency: MeasurementFrequency;
  baselineValue: number;
  baselineDate: string;
  targetValue: number;
  targetDate: string;
  toleranceKind: "percent";
  toleranceValue: number;
  /** Money per unit of the KPI, for the financial benefits; null for the others. */
  valuePerUnitCents: number | null;
  /** Register status: identified (proposed projects), planned (not started yet) or realizing. */
  status: "identified" | "planned" | "realizing";
  businessChange: string;
  projectCodes: string[];
  objectives: { code: string; weight: number }[];
  /** The profile as the register generates it, from the baseline to the target month. */
  profile: { kind: ProfileKind; start: string; stepAt: string | null };
  measurements: DemoBenefitMeasurement[];
  /** Benefits of closed projects are handed over to an operational owner. */
  handover: DemoHandover | null;
};

export type DemoBenefitRisk = {
  benefitCode: string;
  title: string;
  description: string;
  probability: number;
  impactPct: number;
  proximity: string | null;
  ownerEmail: string;
  response: string;
  status: "open" | "closed";
};

export type DemoCorrectiveAction = {
  benefitCode: string;
  /** The recommendation rule it answers; null when the rule does not fire for the benefit. */
  rule: string | null;
  title: string;
  description: string;
  ownerEmail: string;
  /** The day it was raised: the loader raises it as of that date. */
  raisedOn: string;
  dueDate: string;
  status: "open" | "in_progress" | "done";
  /** For a done action: the day it was closed. */
  closedOn: string | null;
  expectedEffect: string;
};

export type DemoBusinessChange = {
  label: string;
  ownerEmail: string;
  benefitCodes: string[];
  projectCodes: string[];
};

export type DemoBusinessCase = {
  projectCode: string;
  discountRate: number;
  firstYear: number;
  flows: { year: number; costsCents: number; benefitsCents: number }[];
  notes: string;
};

export type BenefitsDemo = {
  today: string;
  categories: { key: DemoBenefitCategory; name: string }[];
  benefits: DemoBenefit[];
  risks: DemoBenefitRisk[];
  actions: DemoCorrectiveAction[];
  changes: DemoBusinessChange[];
  businessCases: DemoBusinessCase[];
};

// ---------------------------------------------------------------------------------------------
// The catalogue
// ---------------------------------------------------------------------------------------------

/**
 * The intended course of a benefit's measurements; see the header. `recovering` and `no_effect`
 * carry the two past-due corrective actions: the trend picks up after the first and does not
 * after the second. `identified` benefits (proposed projects) have no measurements yet.
 */
type Intent =
  | "on_track"
  | "overdue"
  | "at_risk"
  | "early_warning"
  | "off_track"
  | "realized"
  | "recovering"
  | "no_effect"
  | "not_started"
  | "identified";

type BenefitSpec = {
  /** Stable key for the risks, actions and changes below; codes follow the catalogue order. */
  key: string;
  projects: readonly string[];
  title: string;
  description: string;
  beneficiaries: string;
  attributionNote: string;
  type: DemoBenefitType;
  category: DemoBenefitCategory;
  /** Responsible owner (person key); never an executive, who may not record measurements. */
  owner: string;
  /** Operational owner the benefit is handed over to when its (closed) project ended. */
  operator?: string;
  kpi: string;
  unit: string;
  method: string;
  source: string;
  quarterly?: true;
  baseline: number;
  target: number;
  /** Decimals the KPI is reported with. */
  decimals: number;
  /**
   * Baseline month, in months before today's month: 12–24 for benefits being realized; 2 for those
   * not started yet, whose baseline is measured at approval (a year of flat measurements before
   * realization would only feed the forecast a flat trend, and raise a needless early warning).
   */
  since: number;
  /** Target month, in months after today's month (6–24). */
  due: number;
  profile: ProfileKind;
  /** Tolerance, % of the planned change. */
  tolerance: number;
  /** Money per unit of the KPI (cents); the KPI is then a monthly flow. */
  perUnitCents?: number;
  objectives: readonly (readonly [string, number])[];
  change: string;
  intent: Intent;
};

const BENEFITS: readonly BenefitSpec[] = [
  // Digital & IT: closed ------------------------------------------------------------------------
  {
    key: "duplicate-payments",
    projects: ["DIG-001"],
    title: "Fewer duplicate supplier payments",
    description:
      "Clean vendor master data stops accounts payable paying the same supplier invoice twice, so cash stays with Northwind instead of being chased back from suppliers.",
    beneficiaries: "Accounts payable and treasury",
    attributionNote:
      "Supplier numbers and invoice volumes also move it; the audit query counts only duplicates the old vendor data caused, so volume changes are netted out.",
    type: "cash_releasing",
    category: "cost_saving",
    owner: "mei",
    operator: "agnieszka",
    kpi: "Value of duplicate supplier payments",
    unit: "€k per month",
    method: "Sum of payments flagged as duplicates by the monthly accounts payable audit query, at invoice value",
    source: "ERP accounts payable ledger, duplicate payment audit report",
    baseline: 38,
    target: 6,
    decimals: 1,
    since: 24,
    due: 8,
    profile: "linear",
    tolerance: 15,
    perUnitCents: 100_000,
    objectives: [["SO-5", 1]],
    change: "Accounts payable pays only vendors with a golden record; new vendors are created by the master data team.",
    intent: "on_track",
  },
  {
    key: "first-time-match",
    projects: ["DIG-001"],
    title: "More invoices matched to an order first time",
    description:
      "Buyers and accounts payable clerks match invoices to purchase orders automatically because vendors and materials are no longer duplicated, so fewer invoices stop for manual checks.",
    beneficiaries: "Buyers and accounts payable clerks",
    attributionNote:
      "Order volumes and new suppliers also move it; the rate is reported for catalogue suppliers only, who were all cleansed.",
    type: "non_cash_releasing",
    category: "cost_saving",
    owner: "mei",
    operator: "agnieszka",
    kpi: "Invoices matched to a purchase order at the first attempt",
    unit: "%",
    method: "Invoices passing the three-way match without manual intervention ÷ invoices received, per month",
    source: "ERP invoice workflow log",
    baseline: 71,
    target: 90,
    decimals: 1,
    since: 24,
    due: 10,
    profile: "s_curve",
    tolerance: 10,
    objectives: [["SO-5", 1]],
    change: "Buyers raise every order against a catalogue item from the cleansed material master.",
    intent: "on_track",
  },
  // Digital & IT: active ------------------------------------------------------------------------
  {
    key: "days-to-close",
    projects: ["DIG-002"],
    title: "Faster month-end close",
    description:
      "With ledgers, payables and purchasing on one cloud suite, the finance team closes the month in fewer working days and the board sees the results a week earlier.",
    beneficiaries: "The finance team, executives and budget holders",
    attributionNote:
      "Year-end and audit months take longer anyway; they are compared with the same month a year earlier.",
    type: "non_cash_releasing",
    category: "cost_saving",
    owner: "agnieszka",
    kpi: "Average working days to close the month across the five ledgers",
    unit: "working days",
    method: "Working days from month end to signed-off management accounts, averaged over the five ledgers",
    source: "Finance close calendar in the close checklist tool",
    baseline: 9,
    target: 4,
    decimals: 1,
    since: 18,
    due: 12,
    profile: "linear",
    tolerance: 10,
    objectives: [["SO-5", 1]],
    change:
      "Finance closes on the new suite with automated accruals and reconciliations; the legacy ledger is read-only.",
    intent: "early_warning",
  },
  {
    key: "cost-per-invoice",
    projects: ["DIG-002"],
    title: "Lower cost to process a supplier invoice",
    description:
      "Invoices arrive electronically and are matched in the new suite, so accounts payable clerks handle far fewer invoices by hand and the cost per invoice falls.",
    beneficiaries: "Accounts payable clerks and suppliers",
    attributionNote:
      "Pay rises and invoice volumes also move it; costs are taken at last year's rates and per invoice.",
    type: "non_cash_releasing",
    category: "cost_saving",
    owner: "agnieszka",
    kpi: "Processing cost per supplier invoice",
    unit: "€ per invoice",
    method: "Accounts payable staff and systems cost in the month ÷ invoices processed in the month",
    source: "Cost centre report and ERP invoice counts",
    baseline: 7.8,
    target: 3.5,
    decimals: 2,
    since: 18,
    due: 12,
    profile: "linear",
    tolerance: 10,
    objectives: [["SO-5", 1]],
    change: "Suppliers move to e-invoicing; the remaining paper invoices are scanned by a partner.",
    intent: "off_track",
  },
  {
    key: "legacy-erp-cost",
    projects: ["DIG-002"],
    title: "Legacy ERP licence and support switched off",
    description:
      "Once finance and procurement run on the cloud suite, the legacy ERP's licences, hosting and support contract end and the IT budget is cut by the full amount.",
    beneficiaries: "The IT budget and the finance function",
    attributionNote: "Only the legacy ERP's own contracts are counted, so nothing else moves it.",
    type: "cash_releasing",
    category: "cost_saving",
    owner: "agnieszka",
    kpi: "Legacy ERP licence, hosting and support cost",
    unit: "€k per month",
    method: "Invoices charged to the legacy ERP cost centre in the month",
    source: "General ledger, cost centre IT-4410",
    baseline: 86,
    target: 9,
    decimals: 0,
    since: 2,
    due: 14,
    profile: "step",
    tolerance: 5,
    perUnitCents: 100_000,
    objectives: [["SO-5", 1]],
    change: "The legacy ERP is archived read-only after go-live and its contracts end at the next notice date.",
    intent: "not_started",
  },
  {
    key: "suppliers-paid-on-time",
    projects: ["DIG-002", "DIG-001"],
    title: "Suppliers paid on time",
    description:
      "Approved invoices are paid within the agreed terms because matching and approval run in one workflow, so suppliers stop chasing payments and early-payment discounts are taken.",
    beneficiaries: "Suppliers and the accounts payable team",
    attributionNote: "Cash-flow holds by treasury also delay payments; held invoices are excluded.",
    type: "quantifiable",
    category: "cost_saving",
    owner: "agnieszka",
    kpi: "Supplier invoices paid within terms",
    unit: "%",
    method: "Invoices paid on or before their due date ÷ invoices paid in the month",
    source: "ERP payment run reports",
    baseline: 78,
    target: 95,
    decimals: 1,
    since: 16,
    due: 12,
    profile: "linear",
    tolerance: 10,
    objectives: [["SO-5", 1]],
    change: "Invoice approval moves into the ERP workflow, with reminders to budget holders after three days.",
    intent: "on_track",
  },
  {
    key: "report-hours",
    projects: ["DIG-004"],
    title: "Less time assembling management reports",
    description:
      "Analysts in finance, operations and customer service take governed data from the data platform instead of stitching spreadsheets together, and spend the time saved on analysis.",
    beneficiaries: "Analysts in Finance, Network Operations and Customer Operations",
    attributionNote:
      "New reporting requests add hours; only the recurring reports in the baseline catalogue are counted.",
    type: "non_cash_releasing",
    category: "employee",
    owner: "ravi",
    kpi: "Hours spent assembling recurring management reports",
    unit: "hours per month",
    method: "Time recorded against report-production activity codes in the monthly timesheets",
    source: "Timesheet system, activity codes RPT-*",
    baseline: 1900,
    target: 700,
    decimals: 0,
    since: 16,
    due: 12,
    profile: "linear",
    tolerance: 10,
    perUnitCents: 5_500,
    objectives: [["SO-5", 1]],
    change: "Recurring reports are rebuilt on certified datasets; their spreadsheet versions are retired one by one.",
    intent: "on_track",
  },
  {
    key: "data-mart-cost",
    projects: ["DIG-004"],
    title: "Legacy data marts decommissioned",
    description:
      "Moving reports to the cloud data platform retires the on-premises data marts and their licences, so IT stops paying for three overlapping reporting stacks.",
    beneficiaries: "The IT budget",
    attributionNote: "Only the data marts' own cost centres are counted; price rises are taken at contract rates.",
    type: "cash_releasing",
    category: "cost_saving",
    owner: "agnieszka",
    kpi: "Run cost of the legacy data marts",
    unit: "€k per month",
    method: "Licence, hosting and support invoices charged to the data-mart cost centres in the month",
    source: "General ledger, cost centres IT-4620 to IT-4623",
    baseline: 64,
    target: 22,
    decimals: 1,
    since: 14,
    due: 10,
    profile: "s_curve",
    tolerance: 10,
    perUnitCents: 100_000,
    objectives: [["SO-5", 1]],
    change: "Each data mart is switched off once its last report has run on the platform for two months.",
    intent: "on_track",
  },
  {
    key: "password-resets",
    projects: ["DIG-006"],
    title: "Fewer password-reset calls to the service desk",
    description:
      "Staff and contractors reset their own passwords with single sign-on and multi-factor authentication, so the service desk answers far fewer reset calls.",
    beneficiaries: "Staff, contractors and the IT service desk",
    attributionNote: "Staff numbers also move it; tickets are compared per thousand accounts as well.",
    type: "non_cash_releasing",
    category: "cost_saving",
    owner: "ravi",
    kpi: "Password-reset tickets",
    unit: "tickets per month",
    method: "Tickets categorised 'password reset' opened in the month",
    source: "IT service management tool",
    baseline: 2400,
    target: 500,
    decimals: 0,
    since: 14,
    due: 8,
    profile: "linear",
    tolerance: 10,
    perUnitCents: 1_200,
    objectives: [
      ["SO-5", 0.6],
      ["SO-4", 0.4],
    ],
    change: "Self-service reset is the only route; the service desk redirects callers to it.",
    intent: "on_track",
  },
  {
    key: "mfa-coverage",
    projects: ["DIG-006"],
    title: "Accounts protected by multi-factor authentication",
    description:
      "Every staff and contractor account signs in with a second factor, so a stolen password no longer opens Northwind's systems to an attacker.",
    beneficiaries: "All staff and contractors, and the security team",
    attributionNote:
      "New starters lower the share for a few days; it is measured at month end after registration reminders.",
    type: "quantifiable",
    category: "risk_reduction",
    owner: "claire",
    kpi: "Accounts protected by multi-factor authentication",
    unit: "%",
    method: "Enabled accounts with an MFA method registered ÷ all enabled accounts, at month end",
    source: "Identity platform registration report",
    baseline: 38,
    target: 99,
    decimals: 1,
    since: 13,
    due: 6,
    profile: "s_curve",
    tolerance: 5,
    objectives: [["SO-4", 1]],
    change: "MFA registration is part of onboarding; accounts without it are blocked after 14 days.",
    intent: "on_track",
  },
  {
    key: "joiner-access",
    projects: ["DIG-006"],
    title: "New starters productive from day one",
    description:
      "Role-based access gives new employees and contractors their systems on their first morning instead of after two days of tickets.",
    beneficiaries: "New starters and their line managers",
    attributionNote: "Hiring waves slow provisioning; joiners entered less than five days ahead are reported apart.",
    type: "non_cash_releasing",
    category: "employee",
    owner: "claire",
    kpi: "Median hours from start to full system access",
    unit: "hours",
    method: "Median hours from the HR start time to the last access granted, joiners in the month",
    source: "Identity platform provisioning log and HR system",
    baseline: 52,
    target: 8,
    decimals: 0,
    since: 13,
    due: 9,
    profile: "linear",
    tolerance: 10,
    objectives: [["SO-5", 1]],
    change: "HR enters joiners five days ahead; access follows the role model without tickets.",
    intent: "at_risk",
  },
  {
    key: "unsupported-servers",
    projects: ["DIG-007"],
    title: "No servers on an unsupported operating system",
    description:
      "Migrating or retiring the Windows Server 2016 estate removes unpatched servers from the network, so the systems they host are no longer exposed to known exploits.",
    beneficiaries: "IT operations and the owners of every hosted system",
    attributionNote: "Servers retired for other reasons also count; the CMDB records why each one left.",
    type: "quantifiable",
    category: "risk_reduction",
    owner: "ravi",
    kpi: "Servers on an unsupported operating system",
    unit: "servers",
    method: "Servers in the CMDB whose operating system is out of extended support, at month end",
    source: "Configuration management database",
    baseline: 140,
    target: 0,
    decimals: 0,
    since: 16,
    due: 7,
    profile: "linear",
    tolerance: 10,
    objectives: [["SO-4", 1]],
    change: "No new workloads on old builds; application owners sign off each migration window.",
    intent: "on_track",
  },
  {
    key: "hosting-cost",
    projects: ["DIG-007"],
    title: "Lower on-premises hosting cost",
    description:
      "Retiring and consolidating old servers frees rack space, power and maintenance contracts, so the data-centre bill shrinks for the IT budget holder.",
    beneficiaries: "The IT budget",
    attributionNote: "Energy prices also move it; power is taken at last year's tariff.",
    type: "cash_releasing",
    category: "cost_saving",
    owner: "agnieszka",
    kpi: "On-premises hosting cost",
    unit: "€k per month",
    method: "Data-centre power, rack and hardware maintenance invoices in the month",
    source: "General ledger, cost centre IT-4100",
    baseline: 41,
    target: 26,
    decimals: 1,
    since: 16,
    due: 9,
    profile: "linear",
    tolerance: 10,
    perUnitCents: 100_000,
    objectives: [["SO-5", 1]],
    change: "Hardware maintenance contracts are cut server by server at decommissioning.",
    intent: "on_track",
  },
  {
    key: "time-to-detect",
    projects: ["DIG-008"],
    title: "Security incidents detected within hours",
    description:
      "Round-the-clock monitoring with endpoint detection spots intrusions in IT and operational technology within hours rather than days, limiting the harm to customers' supply.",
    beneficiaries: "Customers relying on supply, and the security and OT teams",
    attributionNote: "The mix of incidents also moves it; the partner reports it by incident type.",
    type: "quantifiable",
    category: "risk_reduction",
    owner: "claire",
    kpi: "Mean time to detect a security incident",
    unit: "hours",
    method: "Mean hours from first malicious activity to detection, incidents closed in the month",
    source: "Security operations partner's monthly incident report",
    baseline: 72,
    target: 4,
    decimals: 1,
    since: 13,
    due: 10,
    profile: "s_curve",
    tolerance: 10,
    objectives: [["SO-4", 1]],
    change: "The partner's runbooks are agreed with IT and OT; the on-call rota answers alerts within 30 minutes.",
    intent: "on_track",
  },
  {
    key: "critical-vulnerabilities",
    projects: ["DIG-008"],
    title: "Fewer critical vulnerabilities left open",
    description:
      "Vulnerability scanning feeds the patch teams directly, so critical weaknesses on servers and laptops are closed before attackers can use them.",
    beneficiaries: "IT operations and every user of the estate",
    attributionNote:
      "Vendors' patch releases come in waves; the measure uses findings older than 30 days to smooth them.",
    type: "quantifiable",
    category: "risk_reduction",
    owner: "ravi",
    kpi: "Critical vulnerabilities open for more than 30 days",
    unit: "vulnerabilities",
    method: "Critical findings older than 30 days in the scanner at month end",
    source: "Vulnerability management scanner",
    baseline: 210,
    target: 40,
    decimals: 0,
    since: 12,
    due: 9,
    profile: "linear",
    tolerance: 10,
    objectives: [["SO-4", 1]],
    change: "Patch teams work to a 14-day target for critical findings, reviewed weekly.",
    intent: "on_track",
  },
  {
    key: "nis2-controls",
    projects: ["DIG-010"],
    title: "NIS2 security controls in place",
    description:
      "Northwind implements and evidences the security measures NIS2 asks of an essential entity, so the regulator's audit finds the utility compliant and customers' supply is better protected.",
    beneficiaries: "Customers, the regulator and the board",
    attributionNote: "Changes to the control set would move it; the scope is fixed at the gap assessment.",
    type: "quantifiable",
    category: "compliance",
    owner: "claire",
    kpi: "NIS2 controls assessed as implemented",
    unit: "%",
    method:
      "Controls rated 'implemented' ÷ controls in scope, in the quarterly self-assessment checked by internal audit",
    source: "GRC tool control register",
    quarterly: true,
    baseline: 46,
    target: 95,
    decimals: 0,
    since: 15,
    due: 9,
    profile: "linear",
    tolerance: 5,
    objectives: [["SO-4", 1]],
    change: "Control owners in IT and OT run their controls and upload evidence each quarter.",
    intent: "on_track",
  },
  {
    key: "cyber-findings",
    projects: ["DIG-010"],
    title: "Cyber security audit findings closed",
    description:
      "Findings from internal and external cyber audits are fixed on time, so the gaps they describe are closed and the audit committee can rely on the controls.",
    beneficiaries: "The audit committee and the security team",
    attributionNote: "New audits add findings; findings raised after the baseline are reported apart.",
    type: "quantifiable",
    category: "compliance",
    owner: "claire",
    kpi: "Open cyber security audit findings",
    unit: "findings",
    method: "Findings not yet closed by internal audit, at month end",
    source: "Internal audit findings register",
    baseline: 27,
    target: 5,
    decimals: 0,
    since: 15,
    due: 10,
    profile: "linear",
    tolerance: 10,
    objectives: [["SO-4", 1]],
    change: "Finding owners agree fix dates with internal audit; overdue findings go to the executive meeting.",
    intent: "early_warning",
  },
  {
    key: "crew-productivity",
    projects: ["DIG-014"],
    title: "More jobs completed per crew day",
    description:
      "Field crews receive, navigate to and close jobs on a tablet instead of paper dockets, so each crew completes more jobs a day with fewer trips back to the depot.",
    beneficiaries: "Field crews and the customers waiting for them",
    attributionNote: "Weather and the job mix also move it; jobs are weighted by standard times.",
    type: "non_cash_releasing",
    category: "employee",
    owner: "hugo",
    kpi: "Jobs completed per crew day",
    unit: "jobs",
    method: "Completed work orders ÷ crew days worked, per month",
    source: "Work order system",
    baseline: 4.1,
    target: 5.5,
    decimals: 2,
    since: 16,
    due: 10,
    profile: "linear",
    tolerance: 10,
    objectives: [["SO-5", 1]],
    change: "Dispatchers send jobs to tablets; paper dockets are withdrawn depot by depot.",
    intent: "off_track",
  },
  // Digital & IT: approved and proposed ---------------------------------------------------------
  {
    key: "planned-maintenance",
    projects: ["DIG-003"],
    title: "More planned maintenance, less firefighting",
    description:
      "Maintenance planners see the full history of each asset in one system, so more field work is planned in advance and fewer assets fail in service.",
    beneficiaries: "Maintenance planners and field crews",
    attributionNote: "Storms add reactive work; storm weeks are excluded.",
    type: "quantifiable",
    category: "risk_reduction",
    owner: "hugo",
    kpi: "Planned share of field maintenance work orders",
    unit: "%",
    method: "Planned work orders ÷ all maintenance work orders completed in the month",
    source: "Work order system",
    baseline: 54,
    target: 75,
    decimals: 1,
    since: 2,
    due: 18,
    profile: "linear",
    tolerance: 10,
    objectives: [["SO-5", 1]],
    change:
      "Planners build weekly schedules from asset condition in the EAM; reactive work needs a supervisor's approval.",
    intent: "not_started",
  },
  {
    key: "ot-segmentation",
    projects: ["DIG-009"],
    title: "Operational technology segmented",
    description:
      "Pumping stations, substations and treatment works sit in separate network zones, so an intrusion at one site cannot spread to the others and supply keeps running.",
    beneficiaries: "Customers relying on supply, and the OT engineers",
    attributionNote: "New OT assets enter unsegmented; they are added to the plan within a month.",
    type: "quantifiable",
    category: "compliance",
    owner: "claire",
    kpi: "OT assets in segmented network zones",
    unit: "%",
    method: "OT assets in a zone with enforced firewall rules ÷ OT assets in the inventory, at month end",
    source: "OT asset inventory and firewall manager",
    baseline: 12,
    target: 95,
    decimals: 1,
    since: 2,
    due: 12,
    profile: "linear",
    tolerance: 10,
    objectives: [["SO-4", 1]],
    change: "OT engineers request connections through the zone model; direct links are removed site by site.",
    intent: "not_started",
  },
  {
    key: "invoices-without-keying",
    projects: ["DIG-011"],
    title: "Supplier invoices posted without keying",
    description:
      "Software robots read and post supplier invoices, so accounts payable clerks stop keying invoices by hand and spend their time on the exceptions.",
    beneficiaries: "Accounts payable clerks",
    attributionNote: "E-invoicing by suppliers also raises it; robot and e-invoice postings are reported apart.",
    type: "non_cash_releasing",
    category: "cost_saving",
    owner: "agnieszka",
    kpi: "Supplier invoices posted without manual keying",
    unit: "%",
    method: "Invoices posted by robots or e-invoicing ÷ invoices posted, per month",
    source: "ERP posting log",
    baseline: 22,
    target: 80,
    decimals: 1,
    since: 2,
    due: 12,
    profile: "linear",
    tolerance: 10,
    objectives: [["SO-5", 1]],
    change: "Clerks work the robots' exception queue; suppliers are asked for machine-readable invoices.",
    intent: "identified",
  },
  // Network & Operations: closed ----------------------------------------------------------------
  {
    key: "estimated-bills",
    projects: ["NET-001"],
    title: "Fewer bills based on estimated reads",
    description:
      "Smart meter reads flow into billing through the meter data management system, so households and businesses are billed for what they used instead of an estimate.",
    beneficiaries: "Domestic and business customers, and the billing team",
    attributionNote:
      "Seasonal access problems also cause estimates; the rate is compared with the same month a year earlier.",
    type: "non_cash_releasing",
    category: "customer",
    owner: "ingrid",
    operator: "elena",
    kpi: "Share of bills issued on an estimated read",
    unit: "%",
    method: "Bills with an estimated read ÷ all bills issued in the month",
    source: "Billing system bill register",
    baseline: 18,
    target: 6,
    decimals: 1,
    since: 24,
    due: 6,
    profile: "linear",
    tolerance: 10,
    perUnitCents: 250_000,
    objectives: [
      ["SO-3", 0.6],
      ["SO-1", 0.4],
    ],
    change: "Billing uses validated smart meter reads by default and estimates only when no read arrives for 35 days.",
    intent: "realized",
  },
  {
    key: "billing-exceptions",
    projects: ["NET-001"],
    title: "Fewer meter-to-bill exceptions to work",
    description:
      "Automatic validation of meter reads removes most of the exceptions billing analysts used to fix by hand before a bill could go out.",
    beneficiaries: "Billing analysts in Customer Operations",
    attributionNote:
      "Tariff changes cause exception spikes; those months are flagged and compared with the tariff change plan.",
    type: "non_cash_releasing",
    category: "cost_saving",
    owner: "ingrid",
    operator: "elena",
    kpi: "Meter-to-bill exceptions worked",
    unit: "exceptions per month",
    method: "Billing exceptions closed by an analyst in the month",
    source: "Billing exception queue (workflow reports)",
    baseline: 5200,
    target: 1800,
    decimals: 0,
    since: 24,
    due: 9,
    profile: "linear",
    tolerance: 10,
    perUnitCents: 1_400,
    objectives: [["SO-5", 1]],
    change: "Analysts work only the exceptions the MDMS cannot validate; the validation rules are tuned monthly.",
    intent: "on_track",
  },
  {
    key: "reservoir-outages",
    projects: ["NET-009"],
    title: "Fewer unplanned reservoir outages",
    description:
      "Reservoir telemetry on the new SCADA warns control room operators before levels or pumps fail, so fewer towns lose pressure or supply.",
    beneficiaries: "Water customers in the 23 reservoir zones, and the control room",
    attributionNote:
      "Drought and burst mains also take reservoirs out; only outages without a planned work order count.",
    type: "quantifiable",
    category: "risk_reduction",
    owner: "pieter",
    operator: "hugo",
    kpi: "Unplanned reservoir outage hours",
    unit: "hours per quarter",
    method: "Hours in the quarter in which a reservoir was out of service without a planned work order",
    source: "SCADA event log and work order system",
    quarterly: true,
    baseline: 46,
    target: 12,
    decimals: 0,
    since: 24,
    due: 9,
    profile: "linear",
    tolerance: 15,
    objectives: [["SO-4", 1]],
    change:
      "Control room operators answer SCADA alarms with standard responses; maintenance is planned from alarm trends.",
    intent: "on_track",
  },
  {
    key: "reservoir-visits",
    projects: ["NET-009"],
    title: "Fewer routine visits to reservoir sites",
    description:
      "Operators check reservoir levels, valves and pumps remotely instead of driving to each site, freeing field hours for maintenance work.",
    beneficiaries: "Water network operators",
    attributionNote: "New sites add visits; the count is per reservoir in the baseline.",
    type: "non_cash_releasing",
    category: "cost_saving",
    owner: "pieter",
    operator: "hugo",
    kpi: "Routine operator visits to reservoir sites",
    unit: "visits per month",
    method: "Site visits logged in the operator app with the reason 'routine check'",
    source: "Field operator mobile app logs",
    baseline: 310,
    target: 120,
    decimals: 0,
    since: 24,
    due: 8,
    profile: "linear",
    tolerance: 10,
    perUnitCents: 8_500,
    objectives: [["SO-5", 1]],
    change: "Routine site checks become remote checks; operators visit only on an alarm or for planned maintenance.",
    intent: "on_track",
  },
  {
    key: "connection-offers",
    projects: ["NET-014"],
    title: "Faster connection offers for EV chargers and heat pumps",
    description:
      "Published feeder headroom lets the connections team answer low-voltage applications from the capacity map, so installers and households get a connection offer weeks sooner.",
    beneficiaries: "Installers, developers and households applying for a connection",
    attributionNote: "Application volumes rise with heat pump grants; the median is reported with the volume.",
    type: "quantifiable",
    category: "customer",
    owner: "pieter",
    operator: "hugo",
    kpi: "Median days from low-voltage connection application to offer",
    unit: "days",
    method: "Median working days from a complete application to the offer letter, applications closed in the month",
    source: "Connections case management system",
    baseline: 48,
    target: 20,
    decimals: 0,
    since: 24,
    due: 10,
    profile: "linear",
    tolerance: 10,
    objectives: [["SO-1", 1]],
    change:
      "Connection engineers check applications against the capacity map first and study only constrained feeders.",
    intent: "on_track",
  },
  // Network & Operations: active ----------------------------------------------------------------
  {
    key: "reading-visits",
    projects: ["NET-002"],
    title: "Fewer manual meter reading visits",
    description:
      "Smart meters send their reads remotely, so meter readers no longer visit homes to read meters and customers no longer need to let them in.",
    beneficiaries: "Customers and the field meter-reading team",
    attributionNote: "Customers moving home need special reads; only cyclic read visits count.",
    type: "cash_releasing",
    category: "cost_saving",
    owner: "hugo",
    kpi: "Manual meter reading visits",
    unit: "visits per month",
    method: "Completed read visits booked in the field work management system in the month",
    source: "Field work management system",
    baseline: 61_000,
    target: 12_000,
    decimals: 0,
    since: 15,
    due: 14,
    profile: "linear",
    tolerance: 10,
    perUnitCents: 210,
    objectives: [
      ["SO-5", 0.5],
      ["SO-1", 0.5],
    ],
    change: "Read routes are cut as each area goes smart; meter readers retrain as smart meter installers.",
    intent: "on_track",
  },
  {
    key: "remote-reads",
    projects: ["NET-002"],
    title: "Smart meter reads collected remotely",
    description:
      "Installed smart meters are commissioned and read over the communications network, so the billing team receives daily reads without field visits.",
    beneficiaries: "The billing team and smart-metered customers",
    attributionNote: "Mobile network outages also cause no-reads; days with a carrier outage are excluded.",
    type: "quantifiable",
    category: "customer",
    owner: "hugo",
    kpi: "Scheduled reads collected remotely",
    unit: "%",
    method: "Reads received by the head-end ÷ reads scheduled for Wave 1 meters, monthly average",
    source: "Head-end system daily read report",
    baseline: 22,
    target: 97,
    decimals: 1,
    since: 15,
    due: 8,
    profile: "s_curve",
    tolerance: 5,
    objectives: [["SO-1", 1]],
    change: "Installers commission each meter on site; the communications team fixes no-read meters within five days.",
    intent: "on_track",
  },
  {
    key: "tamper-detection",
    projects: ["NET-002"],
    title: "More meter tampering detected",
    description:
      "Tamper alarms from smart meters point revenue protection officers to homes where electricity is stolen, so recovered revenue rises and honest customers stop paying for theft.",
    beneficiaries: "Paying customers and the revenue protection team",
    attributionNote: "Energy prices drive theft; cases are compared with the national trend in the regulator's report.",
    type: "quantifiable",
    category: "revenue",
    owner: "hugo",
    kpi: "Confirmed meter tampering cases",
    unit: "cases per quarter",
    method: "Cases confirmed by a revenue protection visit in the quarter",
    source: "Revenue protection case log",
    quarterly: true,
    baseline: 40,
    target: 160,
    decimals: 0,
    since: 15,
    due: 12,
    profile: "linear",
    tolerance: 10,
    objectives: [
      ["SO-5", 0.5],
      ["SO-1", 0.5],
    ],
    change: "Revenue protection officers work a daily list of tamper alarms ranked by the drop in consumption.",
    intent: "on_track",
  },
  {
    key: "next-day-data",
    projects: ["NET-002", "NET-001"],
    title: "Customers see yesterday's consumption",
    description:
      "Smart-metered households see their half-hourly use the next morning in the app and portal, so they can act on it and fewer call to query a bill.",
    beneficiaries: "Smart-metered households",
    attributionNote: "App releases also change visibility; the measure counts published data, not app visits.",
    type: "quantifiable",
    category: "customer",
    owner: "elena",
    kpi: "Smart-metered customers with next-day consumption data",
    unit: "%",
    method: "Customers whose previous day's consumption is visible in the app by 08:00 ÷ smart-metered customers",
    source: "MDMS publication log and app analytics",
    baseline: 14,
    target: 90,
    decimals: 1,
    since: 14,
    due: 12,
    profile: "s_curve",
    tolerance: 10,
    objectives: [
      ["SO-3", 0.5],
      ["SO-1", 0.5],
    ],
    change: "The portal team publishes MDMS data daily; smart meter welcome calls explain the consumption view.",
    intent: "on_track",
  },
  {
    key: "minutes-lost",
    projects: ["NET-005"],
    title: "Fewer customer minutes lost to faults",
    description:
      "Modern protection relays isolate faults on a smaller section of the network, so fewer homes and businesses lose power and supply is restored sooner.",
    beneficiaries: "Electricity customers on the 38 upgraded substations",
    attributionNote: "Storms also move it; exceptional events are excluded as in the regulatory return.",
    type: "quantifiable",
    category: "customer",
    owner: "hugo",
    kpi: "Customer minutes lost per connected customer",
    unit: "minutes (rolling 12 months)",
    method:
      "Customer minutes of interruptions longer than 3 minutes in the last 12 months ÷ connected customers (regulatory CML)",
    source: "Outage management system, regulatory reporting extract",
    baseline: 62,
    target: 48,
    decimals: 1,
    since: 24,
    due: 9,
    profile: "s_curve",
    tolerance: 10,
    objectives: [
      ["SO-4", 0.5],
      ["SO-1", 0.5],
    ],
    change:
      "Control engineers use the relays' fault records to restore supply by remote switching before sending crews.",
    intent: "on_track",
  },
  {
    key: "maloperations",
    projects: ["NET-005"],
    title: "Fewer protection maloperations",
    description:
      "Numerical relays replace electromechanical ones that tripped healthy circuits, so customers are no longer cut off by the protection itself.",
    beneficiaries: "Electricity customers and control engineers",
    attributionNote: "Storm faults stress the protection; the post-fault review classifies each trip.",
    type: "quantifiable",
    category: "risk_reduction",
    owner: "hugo",
    kpi: "Protection maloperations",
    unit: "maloperations per quarter",
    method: "Trips classified as a protection maloperation by the post-fault review, per quarter",
    source: "Post-fault review register",
    quarterly: true,
    baseline: 9,
    target: 2,
    decimals: 0,
    since: 24,
    due: 9,
    profile: "linear",
    tolerance: 15,
    objectives: [["SO-4", 1]],
    change: "Relay settings are managed centrally and tested at commissioning.",
    intent: "realized",
  },
  {
    key: "relay-testing",
    projects: ["NET-005"],
    title: "Less field time spent testing relays",
    description:
      "Self-monitoring relays need no routine injection testing, so protection technicians spend their hours on commissioning and fault work instead.",
    beneficiaries: "Protection technicians",
    attributionNote: "New substations add testing; hours are counted for the 38 upgraded substations only.",
    type: "non_cash_releasing",
    category: "cost_saving",
    owner: "hugo",
    kpi: "Field hours on routine relay testing",
    unit: "hours per month",
    method: "Hours booked to relay test work orders in the month",
    source: "Work order system",
    baseline: 1150,
    target: 420,
    decimals: 0,
    since: 18,
    due: 10,
    profile: "linear",
    tolerance: 10,
    perUnitCents: 6_800,
    objectives: [["SO-5", 1]],
    change: "Routine test intervals are replaced by condition alarms from the relays.",
    intent: "on_track",
  },
  {
    key: "riverside-bursts",
    projects: ["NET-007"],
    title: "Fewer bursts on Riverside mains",
    description:
      "Replacing the district's cast-iron mains with polyethylene cuts the bursts that flood streets and leave Riverside households without water.",
    beneficiaries: "Households and businesses in the Riverside district",
    attributionNote: "Frost causes bursts; the rolling average is compared with frost days.",
    type: "quantifiable",
    category: "risk_reduction",
    owner: "hugo",
    kpi: "Mains bursts in the Riverside district",
    unit: "bursts per month",
    method: "Bursts repaired on Riverside mains, rolling three-month average",
    source: "Work order system, burst repairs",
    baseline: 21,
    target: 8,
    decimals: 1,
    since: 18,
    due: 12,
    profile: "linear",
    tolerance: 10,
    objectives: [["SO-2", 1]],
    change:
      "The network team renews mains street by street in burst-rate order and re-zones pressure after each section.",
    intent: "on_track",
  },
  {
    key: "riverside-interruptions",
    projects: ["NET-007"],
    title: "Fewer long supply interruptions in Riverside",
    description:
      "With fewer bursts and new isolation valves, fewer Riverside properties are left without water for more than three hours.",
    beneficiaries: "Households and businesses in the Riverside district",
    attributionNote: "Third-party damage also interrupts supply; those events are reported apart.",
    type: "quantifiable",
    category: "customer",
    owner: "hugo",
    kpi: "Properties without supply for more than 3 hours",
    unit: "properties per quarter",
    method: "Properties affected by interruptions longer than 3 hours in the quarter",
    source: "Regulatory supply interruptions return",
    quarterly: true,
    baseline: 2600,
    target: 900,
    decimals: 0,
    since: 18,
    due: 12,
    profile: "linear",
    tolerance: 10,
    objectives: [
      ["SO-2", 0.6],
      ["SO-3", 0.4],
    ],
    change: "New valves let crews isolate one street instead of a district.",
    intent: "on_track",
  },
  {
    key: "non-revenue-water",
    projects: ["NET-008"],
    title: "Less non-revenue water in the logged zones",
    description:
      "Acoustic loggers locate hidden leaks on trunk and distribution mains so repair crews fix them before they surface, and less treated water is lost before it reaches customers.",
    beneficiaries: "Water customers and the water resources team",
    attributionNote: "Dry summers raise demand and leakage; the water balance is weather-corrected.",
    type: "quantifiable",
    category: "cost_avoidance",
    owner: "hugo",
    kpi: "Non-revenue water in the logged supply zones",
    unit: "% of water into supply",
    method: "Water into supply minus billed consumption, rolling 12 months, IWA water balance",
    source: "District metering and billing data (water balance model)",
    baseline: 26,
    target: 18,
    decimals: 1,
    since: 24,
    due: 18,
    profile: "linear",
    tolerance: 10,
    objectives: [["SO-2", 1]],
    change: "Leak crews are dispatched from logger alerts each morning; district meters are checked weekly.",
    intent: "no_effect",
  },
  {
    key: "leak-repair-time",
    projects: ["NET-008"],
    title: "Leaks repaired faster",
    description:
      "Leak alerts arrive with a location, so repair crews find and fix a leak in days instead of waiting for it to surface, and less water is lost per leak.",
    beneficiaries: "Water customers and the leak repair crews",
    attributionNote: "Traffic permits and frost also delay repairs; the days are reported by cause of delay.",
    type: "quantifiable",
    category: "risk_reduction",
    owner: "hugo",
    kpi: "Average days from leak alert to repair",
    unit: "days",
    method: "Mean calendar days from logger alert to completed repair, repairs closed in the month",
    source: "Work order system and logger platform",
    baseline: 11,
    target: 5,
    decimals: 1,
    since: 24,
    due: 12,
    profile: "linear",
    tolerance: 10,
    objectives: [["SO-2", 1]],
    change: "A dedicated leak crew per zone works from the logger alerts with pre-booked traffic permits.",
    intent: "recovering",
  },
  {
    key: "water-lost",
    projects: ["NET-008"],
    title: "Less treated water lost",
    description:
      "Finding and fixing leaks sooner means less water is treated and pumped only to be lost, cutting the chemical and energy costs of the treatment works.",
    beneficiaries: "Water treatment and the operating cost budget",
    attributionNote: "Night use by customers varies; the night-flow model subtracts legitimate night use.",
    type: "cash_releasing",
    category: "cost_avoidance",
    owner: "hugo",
    kpi: "Treated water lost in the logged zones",
    unit: "megalitres per month",
    method: "Leakage estimated from minimum night flows in the logged zones, per month",
    source: "District metering night-flow analysis",
    baseline: 1240,
    target: 1000,
    decimals: 0,
    since: 24,
    due: 18,
    profile: "linear",
    tolerance: 10,
    perUnitCents: 35_000,
    objectives: [["SO-2", 1]],
    change: "Night flows are reviewed weekly per zone and the worst zones get the leak crews first.",
    intent: "off_track",
  },
  {
    key: "fleet-fuel",
    projects: ["NET-013"],
    title: "Lower fleet fuel cost",
    description:
      "Electric vans charged at the depots replace 120 diesel vans, so the fleet's diesel bill falls and the vans' emissions with it.",
    beneficiaries: "The fleet budget and the communities our vans drive through",
    attributionNote: "Diesel prices move it; litres are reported next to the cost.",
    type: "cash_releasing",
    category: "cost_saving",
    owner: "agnieszka",
    kpi: "Diesel cost of the van fleet",
    unit: "€k per month",
    method: "Fuel card spend on diesel in the month",
    source: "Fuel card provider statements",
    baseline: 118,
    target: 70,
    decimals: 1,
    since: 18,
    due: 12,
    profile: "linear",
    tolerance: 10,
    perUnitCents: 100_000,
    objectives: [
      ["SO-5", 0.5],
      ["SO-1", 0.5],
    ],
    change: "Vans are replaced with electric ones at the end of their lease; drivers charge at the depot overnight.",
    intent: "off_track",
  },
  // Network & Operations: approved --------------------------------------------------------------
  {
    key: "restoration-time",
    projects: ["NET-004"],
    title: "Faster restoration after faults",
    description:
      "The distribution management system locates faults and proposes switching, so control engineers restore supply to most customers within minutes.",
    beneficiaries: "Electricity customers and control engineers",
    attributionNote: "Storm days lengthen restoration; exceptional events are excluded as in the regulatory return.",
    type: "quantifiable",
    category: "customer",
    owner: "hugo",
    kpi: "Average restoration time of unplanned outages",
    unit: "minutes",
    method: "Customer minutes lost ÷ customers interrupted, unplanned outages in the month (CAIDI)",
    source: "Outage management system",
    baseline: 96,
    target: 70,
    decimals: 0,
    since: 2,
    due: 18,
    profile: "linear",
    tolerance: 10,
    objectives: [["SO-1", 1]],
    change: "Control engineers accept automated restoration plans; field crews go only to the faulted section.",
    intent: "not_started",
  },
  {
    key: "cable-faults",
    projects: ["NET-006"],
    title: "Fewer medium-voltage cable faults",
    description:
      "Replacing the oldest paper-insulated cables removes the sections that fail most, so fewer customers lose power from cable faults.",
    beneficiaries: "Electricity customers on the affected feeders",
    attributionNote: "Wet weather raises cable faults; faults are compared with the same quarter a year earlier.",
    type: "quantifiable",
    category: "risk_reduction",
    owner: "hugo",
    kpi: "Medium-voltage cable faults",
    unit: "faults per quarter",
    method: "Medium-voltage cable faults recorded in the quarter",
    source: "Fault records in the outage management system",
    quarterly: true,
    baseline: 38,
    target: 22,
    decimals: 0,
    since: 2,
    due: 15,
    profile: "linear",
    tolerance: 10,
    objectives: [
      ["SO-1", 0.5],
      ["SO-4", 0.5],
    ],
    change: "Feeders are re-energised on new cable in the order of the fault-risk model.",
    intent: "not_started",
  },
  // Customer & Growth: closed -------------------------------------------------------------------
  {
    key: "billing-complaints",
    projects: ["CUS-006"],
    title: "Fewer billing complaints",
    description:
      "Corrected tariffs and read validation mean fewer customers receive a wrong bill, so fewer have to complain to the contact centre or the ombudsman.",
    beneficiaries: "Domestic customers and complaint handlers",
    attributionNote: "Price rises trigger complaints; complaints are coded by cause and only billing errors count.",
    type: "quantifiable",
    category: "customer",
    owner: "mei",
    operator: "elena",
    kpi: "Billing complaints per 10,000 accounts",
    unit: "complaints per 10,000 accounts",
    method: "Complaints coded 'billing' in the month ÷ active accounts × 10,000",
    source: "CRM complaint cases",
    baseline: 9.4,
    target: 4,
    decimals: 2,
    since: 24,
    due: 8,
    profile: "linear",
    tolerance: 10,
    objectives: [
      ["SO-3", 0.7],
      ["SO-4", 0.3],
    ],
    change: "Tariff changes are tested on a sample of accounts before billing; analysts check outliers daily.",
    intent: "at_risk",
  },
  {
    key: "billing-findings",
    projects: ["CUS-006"],
    title: "Billing audit findings closed",
    description:
      "Every finding of the regulator's billing audit is fixed and evidenced, so customers are billed under the licence conditions and Northwind avoids an enforcement notice.",
    beneficiaries: "Customers, the regulator and the compliance team",
    attributionNote: "The regulator may raise new findings; only the findings of the audit are counted.",
    type: "quantifiable",
    category: "compliance",
    owner: "mei",
    operator: "elena",
    kpi: "Open findings from the regulator's billing audit",
    unit: "findings",
    method: "Findings not yet accepted as closed by the regulator, at month end",
    source: "Regulatory compliance tracker",
    baseline: 14,
    target: 0,
    decimals: 0,
    since: 18,
    due: 6,
    profile: "linear",
    tolerance: 10,
    objectives: [["SO-4", 1]],
    change: "Billing operations own the fix of each finding and send evidence to the regulator monthly.",
    intent: "realized",
  },
  // Customer & Growth: active -------------------------------------------------------------------
  {
    key: "handling-time",
    projects: ["CUS-001"],
    title: "Shorter call handling time",
    description:
      "Agents see the customer's account, meter, bills and open cases on one CRM screen, so each call takes less time and customers wait less.",
    beneficiaries: "Contact-centre agents and callers",
    attributionNote: "Winter billing peaks lengthen calls; handling time is compared by contact reason.",
    type: "non_cash_releasing",
    category: "cost_saving",
    owner: "elena",
    kpi: "Average handling time of contact-centre calls",
    unit: "seconds",
    method: "Talk, hold and wrap-up time ÷ calls handled, per month",
    source: "Contact-centre telephony statistics",
    baseline: 410,
    target: 330,
    decimals: 0,
    since: 16,
    due: 12,
    profile: "linear",
    tolerance: 10,
    objectives: [
      ["SO-3", 0.5],
      ["SO-5", 0.5],
    ],
    change: "Agents work in the CRM only; the old customer system is read-only.",
    intent: "early_warning",
  },
  {
    key: "first-contact-resolution",
    projects: ["CUS-001"],
    title: "More contacts resolved first time",
    description:
      "With one view of every account and case, agents resolve most queries during the first call, so customers do not have to call back.",
    beneficiaries: "Customers and contact-centre agents",
    attributionNote: "Outage days bring repeat calls; outage contacts are excluded.",
    type: "quantifiable",
    category: "customer",
    owner: "elena",
    kpi: "Contacts resolved at first contact",
    unit: "%",
    method: "Contacts with no repeat contact on the same topic within 7 days ÷ contacts, per month",
    source: "CRM case data",
    baseline: 68,
    target: 80,
    decimals: 1,
    since: 16,
    due: 12,
    profile: "linear",
    tolerance: 10,
    objectives: [["SO-3", 1]],
    change: "Agents may resolve billing queries up to €250 without a referral.",
    intent: "at_risk",
  },
  {
    key: "applications-per-call",
    projects: ["CUS-001"],
    title: "Fewer systems per call",
    description:
      "Agents handle a call in the CRM instead of switching between six applications, which shortens training and cuts keying errors.",
    beneficiaries: "Contact-centre agents and trainers",
    attributionNote: "New products add screens; the sample covers the baseline contact reasons.",
    type: "non_cash_releasing",
    category: "employee",
    owner: "elena",
    kpi: "Applications an agent opens per call",
    unit: "applications",
    method: "Average distinct applications in focus during a call, from a desktop analytics sample",
    source: "Desktop analytics tool",
    baseline: 6,
    target: 1.5,
    decimals: 1,
    since: 16,
    due: 10,
    profile: "linear",
    tolerance: 10,
    objectives: [["SO-5", 1]],
    change: "Screens of the legacy systems are embedded in the CRM; new agents learn the CRM only.",
    intent: "on_track",
  },
  {
    key: "complaints-in-8-weeks",
    projects: ["CUS-001"],
    title: "Complaints resolved within eight weeks",
    description:
      "Complaint cases are tracked end to end in the CRM, so complaint handlers resolve them before the ombudsman's eight-week deadline and customers get an answer sooner.",
    beneficiaries: "Customers who complain, and complaint handlers",
    attributionNote: "Complex ombudsman cases take longer; they are reported apart.",
    type: "quantifiable",
    category: "compliance",
    owner: "elena",
    kpi: "Complaints resolved within 8 weeks",
    unit: "%",
    method: "Complaints closed within 8 weeks ÷ complaints reaching 8 weeks in the month",
    source: "CRM complaint cases",
    baseline: 81,
    target: 95,
    decimals: 1,
    since: 16,
    due: 10,
    profile: "linear",
    tolerance: 10,
    objectives: [
      ["SO-3", 0.6],
      ["SO-4", 0.4],
    ],
    change: "Complaint handlers own cases end to end, with alerts at four and six weeks.",
    intent: "on_track",
  },
  {
    key: "reissued-bills",
    projects: ["CUS-001", "CUS-006"],
    title: "Fewer bills re-issued after errors",
    description:
      "Validation in billing and one view of the account in the CRM catch errors before bills go out, so fewer customers receive a corrected bill and the billing team re-works less.",
    beneficiaries: "Customers and the billing team",
    attributionNote: "Tariff changes cause re-billing; planned re-billing runs are excluded.",
    type: "non_cash_releasing",
    category: "cost_saving",
    owner: "elena",
    kpi: "Bills re-issued after an error",
    unit: "bills per month",
    method: "Bills cancelled and re-issued in the month",
    source: "Billing system bill register",
    baseline: 3100,
    target: 900,
    decimals: 0,
    since: 18,
    due: 12,
    profile: "linear",
    tolerance: 10,
    perUnitCents: 900,
    objectives: [
      ["SO-3", 0.5],
      ["SO-5", 0.5],
    ],
    change: "Analysts check every bill that moves more than 40 % against the previous one before release.",
    intent: "at_risk",
  },
  {
    key: "inbound-calls",
    projects: ["CUS-002"],
    title: "Fewer calls to the contact centre",
    description:
      "Customers submit readings, move home, set up payment plans and follow outages online, so they no longer need to call and agents have time for complex cases.",
    beneficiaries: "Customers and contact-centre agents",
    attributionNote: "Outages and price changes drive calls; calls are weather-normalised and outage calls excluded.",
    type: "non_cash_releasing",
    category: "cost_saving",
    owner: "elena",
    kpi: "Inbound calls to the contact centre",
    unit: "calls per month",
    method: "Calls offered to agents in the month, weather-normalised",
    source: "Contact-centre telephony statistics",
    baseline: 96_000,
    target: 78_000,
    decimals: 0,
    since: 14,
    due: 10,
    profile: "linear",
    tolerance: 10,
    perUnitCents: 310,
    objectives: [
      ["SO-3", 0.6],
      ["SO-5", 0.4],
    ],
    change:
      "The phone menu and letters point customers to the portal; agents show callers how to self-serve next time.",
    intent: "on_track",
  },
  {
    key: "digital-share",
    projects: ["CUS-002"],
    title: "More contacts handled digitally",
    description:
      "Customers choose the portal and app for routine tasks, so more contacts are completed without an agent, at any hour.",
    beneficiaries: "Customers",
    attributionNote: "Outage contacts swing the mix; the share is reported with and without outage contacts.",
    type: "quantifiable",
    category: "customer",
    owner: "elena",
    kpi: "Contacts completed online or in the app",
    unit: "%",
    method: "Self-service completions ÷ all customer contacts in the month",
    source: "Portal analytics and CRM contact log",
    baseline: 31,
    target: 55,
    decimals: 1,
    since: 14,
    due: 12,
    profile: "s_curve",
    tolerance: 10,
    objectives: [["SO-3", 1]],
    change: "Every letter and bill promotes the portal; paper forms are withdrawn.",
    intent: "on_track",
  },
  {
    key: "paper-bills",
    projects: ["CUS-002"],
    title: "Fewer paper bills",
    description:
      "Customers switch to e-billing in the portal, so Northwind prints and posts fewer bills and customers get theirs sooner.",
    beneficiaries: "Customers and the print and post budget",
    attributionNote: "New accounts change the base; the count is per thousand accounts as well.",
    type: "cash_releasing",
    category: "cost_saving",
    owner: "agnieszka",
    kpi: "Paper bills posted",
    unit: "bills per month",
    method: "Bills sent to the print partner in the month",
    source: "Print partner invoice",
    baseline: 140_000,
    target: 95_000,
    decimals: 0,
    since: 14,
    due: 12,
    profile: "linear",
    tolerance: 10,
    perUnitCents: 62,
    objectives: [
      ["SO-5", 0.5],
      ["SO-3", 0.5],
    ],
    change: "Paperless is the default for new accounts and for customers registering on the portal.",
    intent: "on_track",
  },
  {
    key: "portal-nps",
    projects: ["CUS-002"],
    title: "Customers recommend our online service",
    description:
      "A simpler portal and app make self-service easy enough that customers who use it would recommend it to others.",
    beneficiaries: "Customers using the portal and app",
    attributionNote: "Price rises lower every score; the portal score is compared with the company-wide NPS.",
    type: "quantifiable",
    category: "customer",
    owner: "elena",
    kpi: "Net Promoter Score of portal users",
    unit: "NPS points",
    method: "Quarterly survey of 2,000 portal users: share of promoters minus share of detractors",
    source: "Customer survey partner",
    quarterly: true,
    baseline: 12,
    target: 35,
    decimals: 0,
    since: 15,
    due: 12,
    profile: "linear",
    tolerance: 15,
    objectives: [["SO-3", 1]],
    change: "The digital team ships fixes from portal feedback every sprint.",
    intent: "overdue",
  },
  {
    key: "speed-of-answer",
    projects: ["CUS-005"],
    title: "Calls answered faster",
    description:
      "Cloud telephony with call-back and skills-based routing answers customers sooner, so fewer of them wait on hold.",
    beneficiaries: "Callers and contact-centre agents",
    attributionNote: "Call volumes also move it; it is reported with the calls offered.",
    type: "quantifiable",
    category: "customer",
    owner: "elena",
    kpi: "Average speed of answer",
    unit: "seconds",
    method: "Mean wait from entering the queue to being answered, calls in the month",
    source: "Cloud telephony platform reports",
    baseline: 190,
    target: 60,
    decimals: 0,
    since: 14,
    due: 7,
    profile: "s_curve",
    tolerance: 10,
    objectives: [["SO-3", 1]],
    change: "Team leaders plan shifts on the platform's forecasts; call-back is offered after 60 seconds.",
    intent: "realized",
  },
  {
    key: "abandoned-calls",
    projects: ["CUS-005"],
    title: "Fewer abandoned calls",
    description:
      "Call-back and shorter queues mean fewer customers hang up before an agent answers, so fewer have to try again later.",
    beneficiaries: "Callers",
    attributionNote: "Call volumes also move it; it is reported with the calls offered.",
    type: "quantifiable",
    category: "customer",
    owner: "elena",
    kpi: "Call abandonment rate",
    unit: "%",
    method: "Calls abandoned after 10 seconds ÷ calls offered, per month",
    source: "Cloud telephony platform reports",
    baseline: 11,
    target: 4,
    decimals: 1,
    since: 14,
    due: 9,
    profile: "linear",
    tolerance: 10,
    objectives: [["SO-3", 1]],
    change: "Call-back is offered to every caller in a queue longer than a minute.",
    intent: "overdue",
  },
  {
    key: "telephony-cost",
    projects: ["CUS-005"],
    title: "Old telephony contracts ended",
    description:
      "Switching off the on-premises phone system ends its maintenance contract and the ISDN lines, so the contact centre's telephony bill falls from one month to the next.",
    beneficiaries: "The contact-centre budget",
    attributionNote: "Only the telephony contracts are counted, so nothing else moves it.",
    type: "cash_releasing",
    category: "cost_saving",
    owner: "agnieszka",
    kpi: "Telephony licence and line cost",
    unit: "€k per month",
    method: "Telephony invoices charged to the contact-centre cost centre in the month",
    source: "General ledger, cost centre CC-2100",
    baseline: 33,
    target: 19,
    decimals: 1,
    since: 14,
    due: 6,
    profile: "step",
    tolerance: 5,
    perUnitCents: 100_000,
    objectives: [["SO-5", 1]],
    change: "The old phone system is switched off the week after cut-over; the ISDN lines are cancelled in one order.",
    intent: "on_track",
  },
  {
    key: "priority-contact",
    projects: ["CUS-007"],
    title: "Vulnerable customers contacted during outages",
    description:
      "Field crews and the control room see which customers on an outage rely on medical equipment, so those customers are called within two hours and helped first.",
    beneficiaries: "Customers on the priority services register",
    attributionNote: "Large storms stretch the team; exceptional events are reported apart.",
    type: "quantifiable",
    category: "compliance",
    owner: "elena",
    kpi: "Priority customers called within 2 hours of an unplanned outage",
    unit: "%",
    method:
      "Registered customers affected by an unplanned outage and called within 2 hours ÷ registered customers affected",
    source: "Outage management system and CRM call log",
    baseline: 35,
    target: 90,
    decimals: 1,
    since: 12,
    due: 8,
    profile: "linear",
    tolerance: 10,
    objectives: [
      ["SO-4", 0.5],
      ["SO-3", 0.5],
    ],
    change: "The control room's outage checklist starts with the register; a customer-care team makes the calls.",
    intent: "on_track",
  },
  {
    key: "priority-register",
    projects: ["CUS-007"],
    title: "More vulnerable customers registered",
    description:
      "Agents, field crews and partner charities sign up customers who need extra help, so more of them are known to us before the next outage.",
    beneficiaries: "Customers who need extra help",
    attributionNote: "Data-sharing with other networks also adds customers; those registrations are reported apart.",
    type: "quantifiable",
    category: "customer",
    owner: "elena",
    kpi: "Customers on the priority services register",
    unit: "customers",
    method: "Active registrations at month end",
    source: "CRM priority services register",
    baseline: 9800,
    target: 21_000,
    decimals: 0,
    since: 12,
    due: 12,
    profile: "linear",
    tolerance: 10,
    objectives: [["SO-4", 1]],
    change: "Every agent asks about extra needs on calls; the register is shared with the water and gas networks.",
    intent: "on_track",
  },
  // Customer & Growth: approved and proposed ----------------------------------------------------
  {
    key: "evening-peak",
    projects: ["CUS-003"],
    title: "Evening peak shifted by time-of-use tariffs",
    description:
      "Households on the time-of-use tariff run washing machines, heat pumps and EV chargers outside the evening peak, so the grid needs less reinforcement and customers pay less.",
    beneficiaries: "Smart-metered households and the network planning team",
    attributionNote:
      "Weather and EV growth move the peak; demand is temperature-corrected and compared with homes not on the tariff.",
    type: "quantifiable",
    category: "cost_avoidance",
    owner: "elena",
    kpi: "Evening peak demand of smart-metered homes",
    unit: "MW",
    method: "Average 17:00–20:00 weekday demand of smart-metered homes, per month, temperature-corrected",
    source: "MDMS half-hourly data",
    baseline: 412,
    target: 380,
    decimals: 1,
    since: 2,
    due: 15,
    profile: "linear",
    tolerance: 10,
    objectives: [["SO-1", 1]],
    change: "Sales offer the tariff at every smart meter installation; the app shows the cheap hours.",
    intent: "not_started",
  },
  {
    key: "water-use",
    projects: ["CUS-009"],
    title: "Lower household water use",
    description:
      "Home visits fit water-saving devices and fix leaking toilets, so households use less water and the region meets the regulator's per-capita consumption target.",
    beneficiaries: "Households visited and the water resources team",
    attributionNote: "Hot summers raise use; use is compared with homes not visited in the same areas.",
    type: "quantifiable",
    category: "compliance",
    owner: "hugo",
    kpi: "Household water use per person",
    unit: "litres per person per day",
    method: "Metered household consumption ÷ occupants, rolling 12 months",
    source: "Billing consumption data and census occupancy",
    baseline: 142,
    target: 132,
    decimals: 1,
    since: 2,
    due: 15,
    profile: "linear",
    tolerance: 10,
    objectives: [["SO-2", 1]],
    change: "The customer team books visits in high-use areas first; devices are fitted on the spot.",
    intent: "not_started",
  },
  {
    key: "charging-revenue",
    projects: ["CUS-004"],
    title: "Charging revenue from public chargers",
    description:
      "Drivers pay to charge at 60 fast chargers at park-and-ride sites and supermarkets, giving Northwind a new revenue stream and drivers a charger close to home.",
    beneficiaries: "EV drivers in the service area and Northwind's commercial team",
    attributionNote: "Other operators' chargers compete; revenue is reported per charger and session.",
    type: "quantifiable",
    category: "revenue",
    owner: "elena",
    kpi: "Net charging revenue",
    unit: "€k per month",
    method: "Revenue of charging sessions minus roaming fees, per month",
    source: "Charge point operator platform",
    baseline: 0,
    target: 95,
    decimals: 1,
    since: 2,
    due: 12,
    profile: "s_curve",
    tolerance: 15,
    perUnitCents: 100_000,
    objectives: [
      ["SO-1", 0.7],
      ["SO-3", 0.3],
    ],
    change: "A charge point operator partner runs the chargers; site leases are signed before construction.",
    intent: "identified",
  },
];

/** Risks to benefits, by benefit key; proximity in months from today (null for none). */
const RISKS: readonly (Omit<DemoBenefitRisk, "benefitCode" | "ownerEmail" | "proximity"> & {
  benefit: string;
  owner: string;
  proximity: number | null;
})[] = [
  {
    benefit: "non-revenue-water",
    title: "Logger installation contractor late in the northern zones",
    description: "The contractor is six weeks behind in the northern zones, where most of the unreported leaks are.",
    probability: 0.6,
    impactPct: 30,
    proximity: 1,
    owner: "samuel",
    response: "A second installation crew from the framework contractor; weekly progress call with the supplier.",
    status: "open",
  },
  {
    benefit: "handling-time",
    title: "CRM go-live moved by two months",
    description: "The fourth migration rehearsal pushes the CRM cut-over past the winter billing peak.",
    probability: 0.8,
    impactPct: 25,
    proximity: 2,
    owner: "fatima",
    response: "Keep the agents' interim screens; re-plan the handling-time profile once the cut-over date is fixed.",
    status: "open",
  },
  {
    benefit: "fleet-fuel",
    title: "Depot grid connections not confirmed",
    description: "Three depots still have no confirmed connection date for the chargers, so the project stays on hold.",
    probability: 0.7,
    impactPct: 60,
    proximity: 3,
    owner: "tomas",
    response: "Ask the sponsor for a decision on temporary chargers at the two largest depots.",
    status: "open",
  },
  {
    benefit: "reading-visits",
    title: "Smart meter supply shortage from the second vendor",
    description: "The second meter vendor warns of a chip shortage that could slow installations for a quarter.",
    probability: 0.3,
    impactPct: 15,
    proximity: 4,
    owner: "ingrid",
    response: "Call off more meters from the first vendor under the framework's volume option.",
    status: "open",
  },
  {
    benefit: "days-to-close",
    title: "Year-end close on two ledgers in parallel",
    description: "If the migration slips past the year end, finance closes the year on both ledgers.",
    probability: 0.5,
    impactPct: 20,
    proximity: 2,
    owner: "agnieszka",
    response: "Agree with the auditors which ledger is the book of record before the year end.",
    status: "open",
  },
  {
    benefit: "minutes-lost",
    title: "Relay firmware defect found in factory tests",
    description: "A firmware defect could have made relays trip late on high-impedance faults.",
    probability: 0.2,
    impactPct: 20,
    proximity: null,
    owner: "pieter",
    response: "The vendor patched the firmware before installation; all installed relays were checked.",
    status: "closed",
  },
];

/**
 * Corrective actions. `recovering` and `no_effect` benefits carry the two past-due actions; the
 * others are raised a few weeks before today and due in the next months. Months are offsets from
 * today's month; the rule is set when the benefit's state raises it (see buildActions).
 */
const ACTIONS = {
  improved: {
    benefit: "leak-repair-time",
    title: "Add a second leak repair crew on nights and weekends",
    description: "Logger alerts raised on Fridays waited until Monday; a second crew covers nights and weekends.",
    owner: "hugo",
    expectedEffect: "Repair time back on the profile within three months.",
  },
  stalled: {
    benefit: "non-revenue-water",
    title: "Pressure management in the three worst zones",
    description:
      "Lower night pressure in the zones with the highest night flows to slow the leaks the crews cannot reach.",
    owner: "samuel",
    expectedEffect: "Non-revenue water in the logged zones falls by a point within six months.",
  },
  open: [
    {
      benefit: "first-contact-resolution",
      title: "Coach agents on the CRM knowledge base",
      description: "Team leaders run weekly coaching on the knowledge articles behind the top ten repeat contacts.",
      owner: "elena",
      expectedEffect: "First contact resolution back within tolerance in two months.",
      raisedDaysAgo: 18,
      dueInMonths: 2,
    },
    {
      benefit: "days-to-close",
      title: "Automate intercompany reconciliations before the year end",
      description: "Move the intercompany matching into the new suite's reconciliation tool before the year-end close.",
      owner: "agnieszka",
      expectedEffect: "One working day off the close from the first month after the change.",
      raisedDaysAgo: 10,
      dueInMonths: 2,
    },
    {
      benefit: "cost-per-invoice",
      title: "Move the top 200 suppliers to e-invoicing",
      description: "Procurement writes to the suppliers that send the most paper invoices and agrees a switch date.",
      owner: "mei",
      expectedEffect: "Half of the invoice volume arrives electronically within a quarter.",
      raisedDaysAgo: 25,
      dueInMonths: 3,
    },
  ],
} as const;

/** Months before today's month that the past-due actions were raised in. */
const IMPROVED_ACTION_MONTHS_AGO = 8;
const STALLED_ACTION_MONTHS_AGO = 6;
/** Measured months compared before and after an action (as the register does). */
const EFFECT_WINDOW = 6;

const CHANGES: readonly { label: string; owner: string; benefits: readonly string[]; projects: readonly string[] }[] = [
  {
    label: "Meter readers redeployed as smart meter installers",
    owner: "hugo",
    benefits: ["reading-visits", "remote-reads", "estimated-bills"],
    projects: ["NET-001", "NET-002"],
  },
  {
    label: "Agents resolve contacts in one CRM screen",
    owner: "elena",
    benefits: ["handling-time", "first-contact-resolution", "applications-per-call", "reissued-bills"],
    projects: ["CUS-001", "CUS-005"],
  },
  {
    label: "Customers self-serve readings, moves and payment plans",
    owner: "elena",
    benefits: ["inbound-calls", "digital-share", "paper-bills", "portal-nps"],
    projects: ["CUS-002"],
  },
  {
    label: "Leak crews dispatched from logger alerts",
    owner: "hugo",
    benefits: ["non-revenue-water", "leak-repair-time", "water-lost"],
    projects: ["NET-008"],
  },
  {
    label: "Finance closes the books on the cloud ERP",
    owner: "agnieszka",
    benefits: ["days-to-close", "cost-per-invoice", "suppliers-paid-on-time", "legacy-erp-cost"],
    projects: ["DIG-001", "DIG-002"],
  },
];

/** Projects with a business case: each has financial benefits (a value per unit) in the register. */
const BUSINESS_CASE_PROJECTS = [
  "DIG-001",
  "DIG-002",
  "DIG-004",
  "NET-001",
  "NET-002",
  "NET-008",
  "CUS-002",
  "CUS-005",
] as const;
const BUSINESS_CASE_YEARS = 7;
const DISCOUNT_RATE = 0.07;
/** Running cost after go-live, a share of the project budget per year. */
const RUNNING_COST_SHARE = 0.08;
/** Business case flows are whole thousands of euros. */
const CASE_UNIT_CENTS = 1000 * 100;

// ---------------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------------

const DAY_MS = 86_400_000;

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

function lastDayOf(period: string): string {
  const [y, m] = period.split("-").map(Number) as [number, number];
  return `${period}-${String(daysInMonth(y, m)).padStart(2, "0")}`;
}

const minOf = (a: string, b: string) => (a < b ? a : b);
const maxOf = (a: string, b: string) => (a > b ? a : b);
const isQuarterEnd = (period: string) => Number(period.slice(5, 7)) % 3 === 0;

// ---------------------------------------------------------------------------------------------
// Measurements
// ---------------------------------------------------------------------------------------------

/** How many noise draws a benefit gets to follow its intended course before the last one is kept. */
const MAX_DRAWS = 24;

/** A benefit's plan in numbers, as the register will hold it. */
type Plan = {
  baseline: number;
  target: number;
  /** target − baseline. */
  span: number;
  /** Tolerance as a share of the planned change (0.1 for 10 %). */
  tol: number;
  points: ProfilePoint[];
  start: string;
  stepAt: string | null;
  targetPeriod: string;
  baselinePeriod: string;
};

/** Planned progress in month p: 0 at the baseline, 1 at the target (held after the last point). */
function plannedProgress(plan: Plan, period: string): number {
  let planned = plan.baseline;
  for (const p of plan.points) {
    if (p.period > period) break;
    planned = p.planned;
  }
  return (planned - plan.baseline) / plan.span;
}

/** Months measured: the baseline month, then every month (or quarter end) up to last month. */
function measuredPeriods(plan: Plan, quarterly: boolean, thisMonth: string): string[] {
  const out = [plan.baselinePeriod];
  for (let p = addMonths(plan.baselinePeriod, 1); p < thisMonth; p = addMonths(p, 1))
    if (!quarterly || isQuarterEnd(p)) out.push(p);
  return out;
}

/**
 * The progress (0 at the baseline, 1 at the target) of each measured month along the intended
 * course; `noise` gives values in [−1, 1]. See the header for the courses.
 */
function progressAlong(
  intent: Intent,
  plan: Plan,
  periods: readonly string[],
  thisMonth: string,
  noise: () => number,
  draw: number,
) {
  const T = plan.tol;
  const pu = periods.map((p) => plannedProgress(plan, p));
  const L = periods.length - 1;
  const last = pu[L] ?? 0;
  const ceiling = () => 1 - T * (0.2 + 0.1 * Math.abs(noise()));
  const indexOf = (monthsAgo: number) => {
    const month = addMonths(thisMonth, -monthsAgo);
    const i = periods.findIndex((p) => p >= month);
    return i < 0 ? L : i;
  };
  switch (intent) {
    case "on_track":
    case "overdue": {
      // Later draws run a little further ahead, on a straighter course than an S-curve's slow
      // start, which the forecast's straight line would otherwise read as a miss.
      const ahead = draw < MAX_DRAWS / 2 ? 0.1 : 0.3;
      const straight = draw < MAX_DRAWS / 3 ? pu : pu.map((u, k) => Math.max(u, timeShare(plan, periods[k]!)));
      return straight.map((u) => Math.min(u + T * (ahead + 0.3 * noise()), ceiling()));
    }
    case "at_risk":
      // Drifts behind over the last seven measurements to 1.5 × tolerance.
      return pu.map((u, k) => Math.min(u + 0.1 * T * noise(), ceiling()) - 1.5 * T * clamp01((k - (L - 6)) / 6));
    case "early_warning":
      // Early uptake a little ahead of plan, then half the plan's pace: the latest is still within
      // tolerance but the trend misses the target.
      return pu.map((u) =>
        Math.min(u + T * (0.2 + 0.1 * noise()), last - 0.7 * T - 0.5 * (last - u) + 0.05 * T * noise()),
      );
    case "off_track": {
      // Follows the plan, then stalls and slowly slips back.
      let stall = 0;
      pu.forEach((u, k) => {
        if (u <= last - 3 * T) stall = k;
      });
      const level = pu[stall] ?? 0;
      return pu.map((u, k) => Math.min(u, level) - 0.02 * T * Math.max(0, k - stall) + 0.1 * T * noise());
    }
    case "realized": {
      // Ahead of plan, at or beyond the target for the last few measurements.
      const reach = Math.max(0, L - (periods.length > 12 ? 3 : 1));
      const factor = 1 / Math.max(pu[reach] ?? 0, 0.05);
      return pu.map((u, k) =>
        k >= reach ? 1.01 + 0.01 * Math.abs(noise()) : Math.min(u * factor + 0.1 * T * noise(), 0.99),
      );
    }
    case "recovering": {
      // Flat for six months, then catching up once the corrective action is raised.
      const action = indexOf(IMPROVED_ACTION_MONTHS_AGO);
      const flatFrom = Math.max(0, action - 6);
      const flat = pu[flatFrom] ?? 0;
      return pu.map((u, k) => {
        if (k < flatFrom) return Math.min(u + 0.1 * T * noise(), ceiling());
        if (k < action) return flat + 0.05 * T * noise();
        return Math.min(flat + 2 * (u - (pu[action] ?? 0)), ceiling()) + 0.05 * T * noise();
      });
    }
    case "no_effect": {
      // Progress at 40 % of the plan's pace, and a slow slide back after the action.
      const action = indexOf(STALLED_ACTION_MONTHS_AGO);
      const at = 0.4 * (pu[action] ?? 0);
      return pu.map((u, k) =>
        k < action ? 0.4 * u + 0.05 * T * noise() : at - 0.15 * (u - (pu[action] ?? 0)) + 0.05 * T * noise(),
      );
    }
    case "not_started":
      return pu.map(() => 0.1 * T * noise());
    case "identified":
      return [];
  }
}

/** Share of the time from the profile's start to its target month that has passed in month p. */
function timeShare(plan: Plan, period: string): number {
  const n = monthsBetween(plan.start, plan.targetPeriod);
  return n <= 0 ? 1 : clamp01(monthsBetween(plan.start, period) / n);
}

function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}

function roundTo(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f + 0;
}

/** The last month (or quarter end) whose measurement is past its due date today. */
function lastDueBucket(quarterly: boolean, today: string): string {
  const frequency = quarterly ? "quarterly" : "monthly";
  let bucket = bucketEndOf(frequency, periodOf(today));
  while (measurementDueDate(bucket) >= today) bucket = addMonths(bucket, quarterly ? -3 : -1);
  return bucket;
}

type Assessment = {
  status: TrackingStatus;
  earlyWarning: boolean;
  consecutiveBeyondTolerance: number;
  /** Forecast probability of reaching the target; null without a forecast. */
  probability: number | null;
};

/** The benefit's status as the register computes it (tracking, forecast, early warning). */
function assess(plan: Plan, actuals: readonly PeriodValue[], thisMonth: string): Assessment {
  const tracked = {
    baseline: plan.baseline,
    target: plan.target,
    targetPeriod: plan.targetPeriod,
    profile: plan.points,
    tolerance: { kind: "percent" as const, value: plan.tol * 100 },
  };
  let tracking = trackBenefit(tracked, actuals, thisMonth);
  const forecast = forecastBenefit({
    actuals,
    baseline: plan.baseline,
    target: plan.target,
    targetPeriod: plan.targetPeriod,
  });
  let early = false;
  if (forecast.ok) {
    early = earlyWarning({
      forecast: forecast.value,
      direction: tracking.direction,
      target: plan.target,
      tolerance: tracking.toleranceBand,
      latestWithinTolerance: tracking.latestWithinTolerance,
    });
    if (early) tracking = trackBenefit(tracked, actuals, thisMonth, { earlyWarning: true });
  }
  return {
    status: tracking.status,
    earlyWarning: early,
    consecutiveBeyondTolerance: tracking.consecutiveBeyondTolerance,
    probability: forecast.ok ? forecast.probability : null,
  };
}

/** Slope per month of the actuals before (or from) a month, over EFFECT_WINDOW measured months. */
function slopeAround(actuals: readonly PeriodValue[], period: string, side: "before" | "after"): number | null {
  const points = actuals.filter((a) => (side === "before" ? a.period < period : a.period >= period));
  const window = side === "before" ? points.slice(-EFFECT_WINDOW) : points.slice(0, EFFECT_WINDOW);
  if (window.length < 3) return null;
  const origin = window[0]!.period;
  return fitLine(window.map((p) => ({ x: monthsBetween(origin, p.period), y: p.value })))?.slope ?? null;
}

/** Whether the trend improved after an action raised in `period`, in the benefit's direction. */
function improvedAfter(plan: Plan, actuals: readonly PeriodValue[], period: string): boolean | null {
  const before = slopeAround(actuals, period, "before");
  const after = slopeAround(actuals, period, "after");
  if (before === null || after === null) return null;
  const s = plan.span > 0 ? 1 : -1;
  return s * after > s * before + 1e-12;
}

function follows(intent: Intent, plan: Plan, actuals: readonly PeriodValue[], thisMonth: string): boolean {
  const a = assess(plan, actuals, thisMonth);
  switch (intent) {
    case "on_track":
    case "overdue":
      // On track, and the trend gives the target at least even odds (no "unlikely" warning).
      return a.status === "on_track" && (a.probability === null || a.probability >= LOW_FORECAST_PROBABILITY);
    case "at_risk":
      return a.status === "at_risk" && !a.earlyWarning;
    case "early_warning":
      return a.status === "at_risk" && a.earlyWarning;
    case "off_track":
      return a.status === "off_track";
    case "realized":
      return a.status === "realized";
    case "recovering":
      return (
        (a.status === "at_risk" || a.status === "on_track") &&
        (a.probability === null || a.probability >= LOW_FORECAST_PROBABILITY) &&
        improvedAfter(plan, actuals, addMonths(thisMonth, -IMPROVED_ACTION_MONTHS_AGO)) === true
      );
    case "no_effect":
      return (
        a.status === "off_track" &&
        improvedAfter(plan, actuals, addMonths(thisMonth, -STALLED_ACTION_MONTHS_AGO)) === false
      );
    case "not_started":
    case "identified":
      return a.status === "not_started";
  }
}

// ---------------------------------------------------------------------------------------------
// Build
// ---------------------------------------------------------------------------------------------

type Built = { spec: BenefitSpec; benefit: DemoBenefit; plan: Plan };

function planOf(spec: BenefitSpec, project: DemoProject, thisMonth: string): Plan {
  const notStarted = spec.intent === "not_started" || spec.intent === "identified";
  const baselinePeriod = addMonths(thisMonth, -spec.since);
  const projectEnd = periodOf(project.plannedEnd);
  let start: string;
  let targetPeriod = addMonths(thisMonth, spec.due);
  if (notStarted) {
    // Realization starts after the enabling project delivers, and not before next month.
    start = maxOf(addMonths(thisMonth, 1), addMonths(projectEnd, 1));
    targetPeriod = maxOf(targetPeriod, addMonths(start, 6));
  } else {
    // From the baseline, but not before the project started, nor after the start of the forecast's
    // window (the last twelve measurements: a window that starts flat, before realization, would
    // bend the trend low); from the project's end when that lies before the window (a benefit
    // realized before its project delivers is flagged as delayed).
    const window = DEFAULT_FORECAST_WINDOW * (spec.quarterly ? 3 : 1);
    const windowStart = addMonths(thisMonth, -window);
    start = maxOf(baselinePeriod, minOf(periodOf(project.plannedStart), windowStart));
    if (projectEnd < windowStart) start = maxOf(start, projectEnd);
  }
  let stepAt: string | null = null;
  if (spec.profile === "step") {
    stepAt =
      spec.intent === "not_started"
        ? addMonths(start, 2)
        : maxOf(addMonths(start, 1), minOf(addMonths(start, 8), addMonths(thisMonth, -4)));
  }
  const generated = generateProfile({
    kind: spec.profile,
    baseline: spec.baseline,
    target: spec.target,
    start,
    end: targetPeriod,
    stepAt,
  });
  if (!generated.ok)
    throw new Error(`benefit "${spec.key}": ${generated.problems.map((p) => `${p.path} ${p.message}`).join("; ")}`);
  return {
    baseline: spec.baseline,
    target: spec.target,
    span: spec.target - spec.baseline,
    tol: spec.tolerance / 100,
    points: generated.points,
    start,
    stepAt,
    targetPeriod,
    baselinePeriod,
  };
}

function valuesOf(
  spec: BenefitSpec,
  plan: Plan,
  periods: readonly string[],
  thisMonth: string,
  random: () => number,
  draw: number,
): PeriodValue[] {
  const noise = () => 2 * random() - 1;
  const progress = progressAlong(spec.intent, plan, periods, thisMonth, noise, draw);
  const max = spec.unit === "%" ? 100 : Number.POSITIVE_INFINITY;
  return periods.map((period, k) => ({
    period,
    value:
      k === 0
        ? spec.baseline
        : roundTo(Math.min(max, Math.max(0, spec.baseline + plan.span * (progress[k] ?? 0))), spec.decimals),
  }));
}

function buildBenefit(
  spec: BenefitSpec,
  index: number,
  today: string,
  seed: number,
  email: (key: string) => string,
  project: (code: string) => DemoProject,
): Built {
  const thisMonth = periodOf(today);
  const first = project(spec.projects[0] ?? "");
  for (const code of spec.projects) project(code);
  const plan = planOf(spec, first, thisMonth);
  const quarterly = spec.quarterly === true;

  let periods = spec.intent === "identified" ? [] : measuredPeriods(plan, quarterly, thisMonth);
  if (spec.intent === "overdue") {
    // The latest measurement that is past its due date is missing (and any after it).
    const missing = lastDueBucket(quarterly, today);
    const from = quarterly ? addMonths(missing, -2) : missing;
    periods = periods.filter((p) => p < from);
  }
  let actuals: PeriodValue[] = [];
  for (let draw = 0; draw < MAX_DRAWS; draw++) {
    const random = createSeededRandom(seed + 7919 * (index + 1) + 104_729 * draw);
    actuals = valuesOf(spec, plan, periods, thisMonth, random, draw);
    if (periods.length === 0 || follows(spec.intent, plan, actuals, thisMonth)) break;
  }

  const owner = email(spec.owner);
  const handover = spec.operator ? handoverOf(spec, plan, first, actuals, today, email(spec.operator)) : null;
  const handoverMonth = handover ? periodOf(handover.handedOverOn) : null;
  const timing = createSeededRandom(seed + 31 * (index + 1));
  const baselineDate = lastDayOf(plan.baselinePeriod);
  const measurements = actuals.map((a, k) => ({
    period: a.period,
    measuredOn: k === 0 ? baselineDate : minOf(`${addMonths(a.period, 1)}-0${3 + Math.floor(timing() * 6)}`, today),
    value: a.value,
    evidence:
      k === 0 ? "Baseline measurement" : k === actuals.length - 1 ? `Month-end extract from ${spec.source}` : "",
    source: spec.source,
    recordedByEmail: handoverMonth !== null && a.period >= handoverMonth && handover ? handover.toEmail : owner,
  }));

  const benefit: DemoBenefit = {
    code: `BEN-${String(index + 1).padStart(3, "0")}`,
    title: spec.title,
    description: spec.description,
    beneficiaries: spec.beneficiaries,
    attributionNote: spec.attributionNote,
    type: spec.type,
    category: spec.category,
    responsibleOwnerEmail: owner,
    accountableOwnerEmail: first.sponsorEmail,
    kpiName: spec.kpi,
    unit: spec.unit,
    direction: spec.target > spec.baseline ? "increase" : "decrease",
    method: spec.method,
    dataSource: spec.source,
    frequency: quarterly ? "quarterly" : "monthly",
    baselineValue: spec.baseline,
    baselineDate,
    targetValue: spec.target,
    targetDate: lastDayOf(plan.targetPeriod),
    toleranceKind: "percent",
    toleranceValue: spec.tolerance,
    valuePerUnitCents: spec.perUnitCents ?? null,
    status: spec.intent === "identified" ? "identified" : spec.intent === "not_started" ? "planned" : "realizing",
    businessChange: spec.change,
    projectCodes: [...spec.projects],
    objectives: spec.objectives.map(([code, weight]) => ({ code, weight })),
    profile: { kind: spec.profile, start: plan.start, stepAt: plan.stepAt },
    measurements,
    handover,
  };
  return { spec, benefit, plan };
}

/** The hand-over to operations the month after the project closed (or after the baseline). */
function handoverOf(
  spec: BenefitSpec,
  plan: Plan,
  project: DemoProject,
  actuals: readonly PeriodValue[],
  today: string,
  toEmail: string,
): DemoHandover {
  const afterProject = `${addMonths(periodOf(project.plannedEnd), 1)}-01`;
  const afterBaseline = `${addMonths(plan.baselinePeriod, 1)}-01`;
  const handedOverOn = minOf(maxOf(afterProject, afterBaseline), today);
  const month = periodOf(handedOverOn);
  const latest = [...actuals].filter((a) => a.period < month).at(-1)?.value ?? spec.baseline;
  return {
    toEmail,
    projectCode: project.code,
    handedOverOn,
    remaining: `The project has delivered; operations sustain the change and close the remaining gap to ${spec.target} ${spec.unit} by ${plan.targetPeriod}.`,
    remainingValue: roundTo(Math.abs(spec.target - latest), spec.decimals),
  };
}

function buildActions(built: readonly Built[], today: string, email: (key: string) => string): DemoCorrectiveAction[] {
  const thisMonth = periodOf(today);
  const byKey = new Map(built.map((b) => [b.spec.key, b]));
  const benefit = (key: string): Built => {
    const found = byKey.get(key);
    if (!found) throw new Error(`benefits demo refers to unknown benefit "${key}"`);
    return found;
  };
  const actualsOf = (b: Built) => b.benefit.measurements.map((m) => ({ period: m.period, value: m.value }));
  const ruleFor = (b: Built): string | null => {
    const a = assess(b.plan, actualsOf(b), thisMonth);
    if (a.consecutiveBeyondTolerance >= 2) return "below_tolerance";
    if (a.probability !== null && a.probability < LOW_FORECAST_PROBABILITY) return "low_forecast_probability";
    return null;
  };

  const improved = benefit(ACTIONS.improved.benefit);
  const improvedMonth = addMonths(thisMonth, -IMPROVED_ACTION_MONTHS_AGO);
  const stalled = benefit(ACTIONS.stalled.benefit);
  const stalledMonth = addMonths(thisMonth, -STALLED_ACTION_MONTHS_AGO);
  const past: DemoCorrectiveAction[] = [
    {
      benefitCode: improved.benefit.code,
      rule: "below_tolerance",
      title: ACTIONS.improved.title,
      description: ACTIONS.improved.description,
      ownerEmail: email(ACTIONS.improved.owner),
      raisedOn: `${improvedMonth}-08`,
      dueDate: lastDayOf(addMonths(improvedMonth, 3)),
      status: "done",
      closedOn: `${addMonths(improvedMonth, 3)}-20`,
      expectedEffect: ACTIONS.improved.expectedEffect,
    },
    {
      benefitCode: stalled.benefit.code,
      rule: "below_tolerance",
      title: ACTIONS.stalled.title,
      description: ACTIONS.stalled.description,
      ownerEmail: email(ACTIONS.stalled.owner),
      raisedOn: `${stalledMonth}-12`,
      dueDate: `${addMonths(thisMonth, -1)}-15`,
      status: "in_progress",
      closedOn: null,
      expectedEffect: ACTIONS.stalled.expectedEffect,
    },
  ];
  const open = ACTIONS.open.map((a): DemoCorrectiveAction => {
    const b = benefit(a.benefit);
    return {
      benefitCode: b.benefit.code,
      rule: ruleFor(b),
      title: a.title,
      description: a.description,
      ownerEmail: email(a.owner),
      raisedOn: addDays(today, -a.raisedDaysAgo),
      dueDate: lastDayOf(addMonths(thisMonth, a.dueInMonths)),
      status: "open",
      closedOn: null,
      expectedEffect: a.expectedEffect,
    };
  });
  return [...past, ...open];
}

function buildBusinessCase(code: string, project: DemoProject, built: readonly Built[]): DemoBusinessCase {
  const financial = built.filter((b) => b.spec.perUnitCents !== undefined && b.spec.projects.includes(code));
  if (financial.length === 0) throw new Error(`business case of ${code} has no financial benefit`);
  const starts = [project.plannedStart.slice(0, 4), ...financial.map((b) => b.plan.start.slice(0, 4))].map(Number);
  const firstYear = Math.min(...starts);
  const endYear = Number(project.plannedEnd.slice(0, 4));
  const totalBudget = project.budget.reduce((s, l) => s + l.amountCents, 0);
  const flows = Array.from({ length: BUSINESS_CASE_YEARS }, (_, i) => {
    const year = firstYear + i;
    const budget = project.budget
      .filter((l) => Number(l.period.slice(0, 4)) === year)
      .reduce((s, l) => s + l.amountCents, 0);
    const running = year > endYear ? RUNNING_COST_SHARE * totalBudget : 0;
    let benefits = 0;
    for (const b of financial) {
      const share = 1 / b.spec.projects.length;
      for (let m = 1; m <= 12; m++) {
        const period = `${year}-${String(m).padStart(2, "0")}`;
        const change = plannedProgress(b.plan, period) * Math.abs(b.plan.span);
        benefits += share * Math.max(0, change) * (b.spec.perUnitCents ?? 0);
      }
    }
    const round = (cents: number) => Math.round(cents / CASE_UNIT_CENTS) * CASE_UNIT_CENTS;
    return { year, costsCents: round(budget + running), benefitsCents: round(benefits) };
  });
  return {
    projectCode: code,
    discountRate: DISCOUNT_RATE,
    firstYear,
    flows,
    notes: `Costs: the approved budget, then running costs of about ${RUNNING_COST_SHARE * 100} % of it a year after go-live. Benefits: the money value of the project's financial benefits along their profiles (${financial.map((b) => b.benefit.code).join(", ")}), held at target after the target date.`,
  };
}

/**
 * Builds the benefits demo for a dataset from buildDemoDataset and its strategy demo. Deterministic:
 * the same options and datasets always give deep-equal data. Throws a RangeError for a malformed
 * `today` or a non-integer `seed`, and an Error when the datasets lack a person, project or
 * objective it refers to.
 */
export function buildBenefitsDemo(
  dataset: DemoDataset,
  strategy: StrategyDemo,
  options: BenefitsDemoOptions,
): BenefitsDemo {
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  const { today } = options;
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  if (!isIsoDate(today)) throw new RangeError(`today must be a date YYYY-MM-DD, got "${today}"`);

  const people = new Map(dataset.people.map((p) => [p.key, p]));
  const email = (key: string): string => {
    const found = people.get(key);
    if (!found) throw new Error(`benefits demo refers to unknown person "${key}"`);
    return found.email;
  };
  const projects = new Map(dataset.projects.map((p) => [p.code, p]));
  const project = (code: string): DemoProject => {
    const found = projects.get(code);
    if (!found) throw new Error(`benefits demo refers to unknown project "${code}"`);
    return found;
  };
  const objectives = new Set(strategy.objectives.map((o) => o.code));
  for (const spec of BENEFITS)
    for (const [code] of spec.objectives)
      if (!objectives.has(code)) throw new Error(`benefits demo refers to unknown objective "${code}"`);

  const built = BENEFITS.map((spec, i) => buildBenefit(spec, i, today, seed, email, project));
  const codeOf = new Map(built.map((b) => [b.spec.key, b.benefit.code]));
  const code = (key: string): string => {
    const found = codeOf.get(key);
    if (!found) throw new Error(`benefits demo refers to unknown benefit "${key}"`);
    return found;
  };

  const risks: DemoBenefitRisk[] = RISKS.map(({ benefit, owner, proximity, ...r }) => ({
    ...r,
    benefitCode: code(benefit),
    ownerEmail: email(owner),
    proximity: proximity === null ? null : lastDayOf(addMonths(periodOf(today), proximity)),
  }));
  const changes: DemoBusinessChange[] = CHANGES.map((c) => ({
    label: c.label,
    ownerEmail: email(c.owner),
    benefitCodes: c.benefits.map(code),
    projectCodes: c.projects.map((p) => project(p).code),
  }));

  return {
    today,
    categories: DEMO_BENEFIT_CATEGORIES.filter((c) => built.some((b) => b.spec.category === c.key)).map((c) => ({
      ...c,
    })),
    benefits: built.map((b) => b.benefit),
    risks,
    actions: buildActions(built, today, email),
    changes,
    businessCases: BUSINESS_CASE_PROJECTS.map((c) => buildBusinessCase(c, project(c), built)),
  };
}
