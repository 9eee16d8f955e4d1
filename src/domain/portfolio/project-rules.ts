/**
 * Rules for a project's own data: statuses and their transitions, the planned window, budget and
 * demand lines, and dependencies. Pure functions; each returns field problems instead of throwing,
 * so the API can show every problem at once.
 */
import { isIsoDate, isPeriod, periodOf } from "../shared/period.js";

export const PROJECT_STATUSES = ["proposed", "approved", "active", "on_hold", "closed", "cancelled"] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

export const EXPENSE_TYPES = ["capex", "opex"] as const;
export type ExpenseType = (typeof EXPENSE_TYPES)[number];

export const DEPENDENCY_KINDS = ["requires", "finish_to_start"] as const;
export type DependencyKind = (typeof DEPENDENCY_KINDS)[number];

/** Default lifecycle stages until the delivery module configures lifecycles per organization. */
export const DEFAULT_LIFECYCLE_STAGES = ["idea", "business_case", "planning", "execution", "closure"] as const;

export const DEFAULT_CATEGORIES = [
  { key: "run", name: "Run", description: "Keep the business running: maintenance, compliance, replacement" },
  { key: "grow", name: "Grow", description: "Grow the current business: new features, markets, efficiency" },
  { key: "transform", name: "Transform", description: "Change the business model or build new capabilities" },
] as const;

/**
 * Allowed status moves. Closed and cancelled are final; a project on hold resumes as active or
 * approved. Moving to the same status is always allowed (no-op).
 */
const TRANSITIONS: Record<ProjectStatus, readonly ProjectStatus[]> = {
  proposed: ["approved", "cancelled", "on_hold"],
  approved: ["proposed", "active", "on_hold", "cancelled"],
  active: ["on_hold", "closed", "cancelled"],
  on_hold: ["approved", "active", "cancelled"],
  closed: [],
  cancelled: [],
};

export function canTransition(from: ProjectStatus, to: ProjectStatus): boolean {
  return from === to || TRANSITIONS[from].includes(to);
}

export function allowedNextStatuses(from: ProjectStatus): readonly ProjectStatus[] {
  return TRANSITIONS[from];
}

export type FieldProblem = { path: string; message: string };

export type BudgetLine = { period: string; expenseType: ExpenseType; amountCents: number };
export type DemandLine = { roleKey: string; period: string; hours: number };
export type Dependency = { dependsOnId: string; kind: DependencyKind };

export type ProjectPlan = {
  plannedStart: string;
  plannedEnd: string;
  budget: readonly BudgetLine[];
  demand: readonly DemandLine[];
};

/** Checks the planned window and that every time-phased line lies inside it. */
export function checkProjectPlan(plan: ProjectPlan, knownRoleKeys: ReadonlySet<string>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const startOk = isIsoDate(plan.plannedStart);
  const endOk = isIsoDate(plan.plannedEnd);
  if (!startOk) problems.push({ path: "plannedStart", message: "must be a date YYYY-MM-DD" });
  if (!endOk) problems.push({ path: "plannedEnd", message: "must be a date YYYY-MM-DD" });
  if (startOk && endOk && plan.plannedEnd < plan.plannedStart) {
    problems.push({ path: "plannedEnd", message: "must be on or after the planned start" });
  }
  const from = startOk ? periodOf(plan.plannedStart) : undefined;
  const to = endOk ? periodOf(plan.plannedEnd) : undefined;
  const inWindow = (p: string) => (from === undefined || p >= from) && (to === undefined || p <= to);

  const seenBudget = new Set<string>();
  plan.budget.forEach((line, i) => {
    if (!isPeriod(line.period)) problems.push({ path: `budget.${i}.period`, message: "must be a month YYYY-MM" });
    else if (!inWindow(line.period))
      problems.push({ path: `budget.${i}.period`, message: `lies outside the planned window ${from} to ${to}` });
    if (!Number.isSafeInteger(line.amountCents) || line.amountCents < 0)
      problems.push({ path: `budget.${i}.amountCents`, message: "must be a whole number of cents, zero or more" });
    const key = `${line.period}/${line.expenseType}`;
    if (seenBudget.has(key))
      problems.push({
        path: `budget.${i}.period`,
        message: `${line.period} ${line.expenseType} appears more than once`,
      });
    seenBudget.add(key);
  });

  const seenDemand = new Set<string>();
  plan.demand.forEach((line, i) => {
    if (!knownRoleKeys.has(line.roleKey))
      problems.push({ path: `demand.${i}.roleKey`, message: `unknown resource role "${line.roleKey}"` });
    if (!isPeriod(line.period)) problems.push({ path: `demand.${i}.period`, message: "must be a month YYYY-MM" });
    else if (!inWindow(line.period))
      problems.push({ path: `demand.${i}.period`, message: `lies outside the planned window ${from} to ${to}` });
    if (!Number.isFinite(line.hours) || line.hours < 0)
      problems.push({ path: `demand.${i}.hours`, message: "must be a number of hours, zero or more" });
    const key = `${line.roleKey}/${line.period}`;
    if (seenDemand.has(key))
      problems.push({
        path: `demand.${i}.period`,
        message: `${line.roleKey} in ${line.period} appears more than once`,
      });
    seenDemand.add(key);
  });
  return problems;
}

export function totalBudgetCents(lines: readonly BudgetLine[]): number {
  return lines.reduce((s, l) => s + l.amountCents, 0);
}

/**
 * Finds a dependency cycle in a directed graph given as edges project → depends-on. Returns the
 * cycle as a list of ids starting and ending at the same node, or undefined.
 * Iterative depth-first search with three colours (Cormen et al., Introduction to Algorithms, §22.3).
 */
export function findDependencyCycle(edges: ReadonlyMap<string, readonly string[]>): string[] | undefined {
  const colour = new Map<string, 0 | 1 | 2>();
  const parent = new Map<string, string>();
  for (const root of edges.keys()) {
    if (colour.get(root)) continue;
    const stack: { node: string; next: number }[] = [{ node: root, next: 0 }];
    colour.set(root, 1);
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as { node: string; next: number };
      const targets = edges.get(top.node) ?? [];
      if (top.next >= targets.length) {
        colour.set(top.node, 2);
        stack.pop();
        continue;
      }
      const target = targets[top.next++] as string;
      const c = colour.get(target) ?? 0;
      if (c === 1) {
        const cycle = [target];
        let cur = top.node;
        while (cur !== target) {
          cycle.push(cur);
          cur = parent.get(cur) as string;
        }
        cycle.push(target);
        return cycle.reverse();
      }
      if (c === 0) {
        colour.set(target, 1);
        parent.set(target, top.node);
        stack.push({ node: target, next: 0 });
      }
    }
  }
  return undefined;
}

/** Parses a decimal amount in major units ("1200.5", "-3", "1,200.50" is rejected) to cents exactly. */
export function parseMoneyToCents(text: string): number | undefined {
  const m = /^\s*(-?)(\d{1,13})(?:\.(\d{1,2}))?\s*$/.exec(text);
  if (!m) return undefined;
  const cents = Number(m[2]) * 100 + Number((m[3] ?? "").padEnd(2, "0") || "0");
  return m[1] === "-" ? -cents : cents;
}

export function formatCents(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}
