/** How strategy values read on screen: labels, colours and number formats shared by the pages. */
import type { Criterion, GoalDirection, GoalLevel, GoalStatus, ObjectiveKind, ObjectiveStatus } from "./types.js";

export type Verdict = "pass" | "warn" | "fail";

/** Each verdict has a word and a symbol besides its colour, so colour is never the only signal. */
export const VERDICTS: Record<Verdict, { label: string; symbol: string; color: string }> = {
  pass: { label: "Pass", symbol: "✓", color: "green" },
  warn: { label: "Warning", symbol: "!", color: "yellow" },
  fail: { label: "Fail", symbol: "✕", color: "red" },
};

/** Goal tracking status (computed from check-ins), not to be confused with the goal's own status. */
export const TRACKING: Record<string, { label: string; color: string }> = {
  not_started: { label: "Not started", color: "gray" },
  on_track: { label: "On track", color: "green" },
  off_track: { label: "Off track", color: "orange" },
  achieved: { label: "Achieved", color: "blue" },
  missed: { label: "Missed", color: "red" },
  not_measurable: { label: "Not measurable", color: "gray" },
};

export const OBJECTIVE_STATUS_COLORS: Record<ObjectiveStatus, string> = {
  draft: "gray",
  active: "green",
  achieved: "blue",
  retired: "dark",
};

export const GOAL_STATUS_COLORS: Record<GoalStatus, string> = {
  active: "green",
  finished: "blue",
  cancelled: "gray",
};

export const KIND_LABELS: Record<ObjectiveKind, string> = { organizational: "Organizational", pmo: "PMO" };
export const LEVEL_LABELS: Record<GoalLevel, string> = {
  organizational: "Organizational",
  project: "Project",
  pmo: "PMO",
};
export const DIRECTION_LABELS: Record<GoalDirection, string> = {
  increase: "Increase",
  decrease: "Decrease",
  maintain: "Maintain",
};
export const SOURCE_LABELS: Record<string, string> = {
  scale: "Scale (scored by hand)",
  alignment: "Alignment (from objective links)",
  npv: "NPV (from the business case)",
};
export const STRENGTH_LABELS = ["0 · none", "1 · weak", "2 · moderate", "3 · strong"] as const;

const percentFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1, minimumFractionDigits: 1 });
const numberFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 3 });

/** 0.375 → "37.5 %". */
export function formatShare(share: number): string {
  return `${percentFormat.format(share * 100)} %`;
}

/** 45 → "45 %" (progress already in percent). */
export function formatPercent(pct: number | null | undefined): string {
  return pct === null || pct === undefined ? "—" : `${Math.round(pct)} %`;
}

export function formatNumber(x: number | null | undefined): string {
  return x === null || x === undefined ? "—" : numberFormat.format(x);
}

/** A consistency ratio with three decimals. */
export function formatCr(cr: number): string {
  return cr.toFixed(3);
}

export function todayIso(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Which level of the criteria tree a prioritization weighs. */
export function levelLabel(parentCriterionId: string | null, criteria: readonly Criterion[] | undefined): string {
  if (!parentCriterionId) return "Top-level criteria";
  const parent = criteria?.find((c) => c.id === parentCriterionId);
  return `Sub-criteria of ${parent?.name ?? "a criterion"}`;
}
