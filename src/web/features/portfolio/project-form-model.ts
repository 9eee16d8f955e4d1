/**
 * The project form's values and their conversion to and from API bodies. Money is typed in currency
 * units and sent as integer cents; lines keep their order so that API error paths such as
 * `budget.2.amountCents` point at the row on screen.
 */
import {
  type ExpenseType,
  formatCents,
  type ProjectStatus,
  parseMoneyToCents,
} from "../../../domain/portfolio/project-rules.js";
import type { CreateProjectBody, Project, UpdateProjectInput } from "../../api/types.js";

export type BudgetRow = { key: string; period: string; expenseType: ExpenseType; amount: string };
export type DemandRow = { key: string; roleKey: string; period: string; hours: string };

export type ProjectFormValues = {
  code: string;
  name: string;
  description: string;
  portfolioId: string | null;
  programId: string | null;
  category: string | null;
  lifecycleStage: string;
  status: ProjectStatus;
  sponsorId: string | null;
  managerId: string | null;
  plannedStart: string;
  plannedEnd: string;
  budget: BudgetRow[];
  demand: DemandRow[];
};

export type FormProblems = Record<string, string>;

let rowCounter = 0;
export function newRowKey(): string {
  rowCounter += 1;
  return `row-${rowCounter}`;
}

export function emptyProjectForm(defaults: Partial<ProjectFormValues> = {}): ProjectFormValues {
  return {
    code: "",
    name: "",
    description: "",
    portfolioId: null,
    programId: null,
    category: null,
    lifecycleStage: "idea",
    status: "proposed",
    sponsorId: null,
    managerId: null,
    plannedStart: "",
    plannedEnd: "",
    budget: [],
    demand: [],
    ...defaults,
  };
}

export function projectToForm(p: Project): ProjectFormValues {
  return {
    code: p.code,
    name: p.name,
    description: p.description,
    portfolioId: p.portfolioId,
    programId: p.programId,
    category: p.category,
    lifecycleStage: p.lifecycleStage,
    status: p.status,
    sponsorId: p.sponsorId,
    managerId: p.managerId,
    plannedStart: p.plannedStart,
    plannedEnd: p.plannedEnd,
    budget: p.budget.map((l) => ({
      key: newRowKey(),
      period: l.period,
      expenseType: l.expenseType,
      amount: formatCents(l.amountCents),
    })),
    demand: p.demand.map((l) => ({ key: newRowKey(), roleKey: l.roleKey, period: l.period, hours: String(l.hours) })),
  };
}

function parseHours(text: string): number | undefined {
  if (!/^\s*\d+(\.\d+)?\s*$/.test(text)) return undefined;
  return Number(text);
}

/** Converts the lines, reporting what cannot be converted under the API's own field paths. */
function convertLines(values: ProjectFormValues, problems: FormProblems) {
  const budget = values.budget.map((row, i) => {
    const cents = parseMoneyToCents(row.amount);
    if (cents === undefined || cents < 0)
      problems[`budget.${i}.amountCents`] = "enter an amount such as 1200 or 1200.50";
    return { period: row.period, expenseType: row.expenseType, amountCents: cents ?? 0 };
  });
  const demand = values.demand.map((row, i) => {
    const hours = parseHours(row.hours);
    if (hours === undefined) problems[`demand.${i}.hours`] = "enter a number of hours, such as 40 or 12.5";
    if (!row.roleKey) problems[`demand.${i}.roleKey`] = "is required";
    return { roleKey: row.roleKey, period: row.period, hours: hours ?? 0 };
  });
  return { budget, demand };
}

function checkChoices(values: ProjectFormValues, problems: FormProblems): void {
  if (!values.portfolioId) problems.portfolioId = "is required";
  if (!values.category) problems.category = "is required";
}

export function toCreateBody(values: ProjectFormValues): { body: CreateProjectBody; problems: FormProblems } {
  const problems: FormProblems = {};
  checkChoices(values, problems);
  const { budget, demand } = convertLines(values, problems);
  const body: CreateProjectBody = {
    code: values.code,
    name: values.name,
    description: values.description,
    portfolioId: values.portfolioId ?? "",
    programId: values.programId,
    category: values.category ?? "",
    lifecycleStage: values.lifecycleStage,
    status: values.status,
    sponsorId: values.sponsorId,
    managerId: values.managerId,
    plannedStart: values.plannedStart,
    plannedEnd: values.plannedEnd,
    budget,
    demand,
  };
  return { body, problems };
}

const SCALAR_FIELDS = [
  "code",
  "name",
  "description",
  "portfolioId",
  "programId",
  "category",
  "lifecycleStage",
  "status",
  "sponsorId",
  "managerId",
  "plannedStart",
  "plannedEnd",
] as const;

/** The PATCH body: the loaded version plus only the fields that differ from the loaded project. */
export function toUpdateBody(
  values: ProjectFormValues,
  base: Project,
): { body: UpdateProjectInput; problems: FormProblems; changed: number } {
  const problems: FormProblems = {};
  checkChoices(values, problems);
  const { budget, demand } = convertLines(values, problems);
  const body: Record<string, unknown> = { version: base.version };
  let changed = 0;
  for (const field of SCALAR_FIELDS) {
    if (values[field] !== base[field]) {
      body[field] = values[field];
      changed++;
    }
  }
  const sameBudget =
    JSON.stringify(budget) ===
    JSON.stringify(base.budget.map(({ period, expenseType, amountCents }) => ({ period, expenseType, amountCents })));
  if (!sameBudget) {
    body.budget = budget;
    changed++;
  }
  const sameDemand =
    JSON.stringify(demand) ===
    JSON.stringify(base.demand.map(({ roleKey, period, hours }) => ({ roleKey, period, hours })));
  if (!sameDemand) {
    body.demand = demand;
    changed++;
  }
  return { body: body as UpdateProjectInput, problems, changed };
}

/** Paths that an input of the form displays next to itself; others go in the summary. */
export function isFormFieldPath(path: string): boolean {
  if ((SCALAR_FIELDS as readonly string[]).includes(path)) return true;
  return /^(budget|demand)(\.\d+\.(period|expenseType|amountCents|roleKey|hours))?$/.test(path);
}
