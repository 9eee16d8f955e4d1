/** Words and number formats of the selection pages, the same everywhere. */
import { addMonths } from "../../../domain/shared/period.js";
import { formatPeriod } from "../../components/format.js";
import type { CandidateStatus, CapacityUnit, RunStatus, ValueSource } from "./types.js";

export const VALUE_SOURCE_LABELS: Record<ValueSource, string> = {
  priority: "Priority score",
  npv: "Business case NPV",
  custom: "Custom value",
};

export const CAPACITY_UNIT_LABELS: Record<CapacityUnit, string> = { hours: "Hours", fte: "FTE" };

export const CANDIDATE_STATUS_LABELS: Record<CandidateStatus, string> = {
  proposed: "Proposed",
  approved: "Approved",
  active: "Active",
  on_hold: "On hold",
};

export const RUN_STATUS_LABELS: Record<RunStatus, string> = {
  running: "Running",
  optimal: "Optimal",
  feasible: "Feasible (within the gap)",
  infeasible: "Infeasible",
  time_limit: "Time limit reached",
  cancelled: "Cancelled",
  error: "Error",
};

export const RUN_STATUS_COLORS: Record<RunStatus, string> = {
  running: "blue",
  optimal: "green",
  feasible: "teal",
  infeasible: "red",
  time_limit: "orange",
  cancelled: "gray",
  error: "red",
};

export const PHASE_LABELS: Record<string, string> = {
  solving: "Solving",
  explaining: "Explaining the choice",
  frontier: "Computing the efficient frontier",
  done: "Done",
};

export function runStatusLabel(status: string): string {
  return RUN_STATUS_LABELS[status as RunStatus] ?? status;
}

export function runStatusColor(status: string): string {
  return RUN_STATUS_COLORS[status as RunStatus] ?? "gray";
}

/** Runs with a portfolio to show (and to approve). */
export function hasSolution(status: string): boolean {
  return status === "optimal" || status === "feasible" || status === "time_limit";
}

const valueFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });
const pctFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2, minimumFractionDigits: 0 });
const secondsFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1, minimumFractionDigits: 1 });

/** A value of the objective (priority points or custom value). */
export function formatValue(v: number | null | undefined): string {
  return v === null || v === undefined ? "—" : valueFormat.format(v);
}

/** A percentage given in percent (gapPct 0.5 → "0.5 %"). */
export function formatPct(v: number | null | undefined): string {
  return v === null || v === undefined ? "—" : `${pctFormat.format(v)} %`;
}

export function formatSeconds(s: number): string {
  return `${secondsFormat.format(s)} s`;
}

/** A start month with its shift from the plan: "Mar 2027 (+2 months)". */
export function formatShift(months: number): string {
  if (months === 0) return "as planned";
  const n = Math.abs(months);
  return `${months > 0 ? "+" : "−"}${n} month${n === 1 ? "" : "s"}`;
}

/** "Jan 2027 – Dec 2027 (12 months)". */
export function formatHorizon(firstMonth: string, months: string[] | number): string {
  const count = typeof months === "number" ? months : months.length;
  const last = addMonths(firstMonth, count - 1);
  return `${formatPeriod(firstMonth)} – ${formatPeriod(last)} (${count} month${count === 1 ? "" : "s"})`;
}
