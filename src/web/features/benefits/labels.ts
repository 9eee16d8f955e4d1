/** Words, colours and number formats of the benefits pages, the same everywhere. */
import { RECOMMENDATION_RULES } from "../../../domain/benefits/recommendations.js";
import { addMonths } from "../../../domain/shared/period.js";
import type {
  ActionStatus,
  BenefitStatus,
  BenefitType,
  Direction,
  Frequency,
  MapNodeKind,
  PirStatus,
  ToleranceKind,
  TrackingStatus,
} from "./types.js";

export const BENEFIT_TYPE_LABELS: Record<BenefitType, string> = {
  cash_releasing: "Cash-releasing",
  non_cash_releasing: "Non-cash-releasing",
  quantifiable: "Quantifiable",
  qualitative: "Qualitative",
};

export const BENEFIT_STATUS_LABELS: Record<BenefitStatus, string> = {
  identified: "Identified",
  planned: "Planned",
  realizing: "Realizing",
  realized: "Realized",
  not_realized: "Not realized",
  cancelled: "Cancelled",
};

export const BENEFIT_STATUS_COLORS: Record<BenefitStatus, string> = {
  identified: "gray",
  planned: "blue",
  realizing: "indigo",
  realized: "green",
  not_realized: "red",
  cancelled: "dark",
};

/** Tracking status: a word, a symbol and a colour, so colour is never the only signal. */
export const TRACKING_STATUS: Record<TrackingStatus, { label: string; symbol: string; color: string }> = {
  not_started: { label: "Not started", symbol: "○", color: "gray" },
  on_track: { label: "On track", symbol: "✓", color: "green" },
  at_risk: { label: "At risk", symbol: "!", color: "orange" },
  off_track: { label: "Off track", symbol: "✕", color: "red" },
  realized: { label: "Realized", symbol: "★", color: "blue" },
  not_realized: { label: "Not realized", symbol: "✕", color: "dark" },
};

export const DIRECTION_LABELS: Record<Direction, string> = { increase: "Increase", decrease: "Decrease" };

export const FREQUENCY_LABELS: Record<Frequency, string> = {
  monthly: "Monthly",
  quarterly: "Quarterly",
  semiannual: "Half-yearly",
  annual: "Yearly",
};

export const TOLERANCE_KIND_LABELS: Record<ToleranceKind, string> = {
  percent: "Percent",
  absolute: "KPI units",
};

export const SEVERITY: Record<"info" | "warning" | "critical", { label: string; color: string; symbol: string }> = {
  critical: { label: "Critical", color: "red", symbol: "✕" },
  warning: { label: "Warning", color: "orange", symbol: "!" },
  info: { label: "Info", color: "blue", symbol: "i" },
};

export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  open: "Open",
  in_progress: "In progress",
  done: "Done",
  cancelled: "Cancelled",
};

export const ACTION_STATUS_COLORS: Record<ActionStatus, string> = {
  open: "blue",
  in_progress: "indigo",
  done: "green",
  cancelled: "gray",
};

export const PIR_STATUS_LABELS: Record<PirStatus, string> = {
  scheduled: "Scheduled",
  completed: "Completed",
  signed_off: "Signed off",
};

export const PIR_STATUS_COLORS: Record<PirStatus, string> = {
  scheduled: "gray",
  completed: "blue",
  signed_off: "green",
};

export const MAP_KIND_LABELS: Record<MapNodeKind, string> = {
  enabler: "Enabling project",
  business_change: "Business change",
  benefit: "Benefit",
  objective: "Objective",
};

export const PROFILE_KIND_LABELS = {
  linear: "Linear",
  s_curve: "S-curve",
  step: "Step",
  manual: "Month by month",
} as const;

/** What a recommendation rule is about, from the rules table the server applies. */
export function ruleTitle(rule: string | null): string {
  if (!rule) return "Raised by hand";
  return RECOMMENDATION_RULES.find((r) => r.id === rule)?.description ?? rule;
}

const numberFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });
const pctFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });

/** A KPI value: up to two decimals, "—" when absent. */
export function formatNumber(n: number | null | undefined): string {
  return n === null || n === undefined || !Number.isFinite(n) ? "—" : numberFormat.format(n);
}

export function formatWithUnit(n: number | null | undefined, unit: string): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return "—";
  return unit ? `${numberFormat.format(n)} ${unit}` : numberFormat.format(n);
}

/** A percentage already in percent: 62.5 → "62.5 %". */
export function formatPct(n: number | null | undefined): string {
  return n === null || n === undefined || !Number.isFinite(n) ? "—" : `${pctFormat.format(n)} %`;
}

/** A share 0–1 as a percentage: 0.074 → "7.4 %". */
export function formatShare(n: number | null | undefined): string {
  return n === null || n === undefined || !Number.isFinite(n) ? "—" : `${pctFormat.format(n * 100)} %`;
}

/** The month `YYYY-MM` of today, or `offset` months from it. */
export function currentMonth(offset = 0): string {
  const d = new Date();
  const month = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}`;
  return offset === 0 ? month : addMonths(month, offset);
}

export function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

/** A date `YYYY-MM-DD` plus `days` calendar days. */
export function addDaysIso(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A post-implementation review's rating, 1 to 5. */
export const RATING_LABELS = ["1 · Poor", "2 · Weak", "3 · Fair", "4 · Good", "5 · Excellent"] as const;
