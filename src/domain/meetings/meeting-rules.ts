/**
 * Steering meetings, their decisions and action items: the vocabulary and the small rules that
 * the API, the minutes and the web app share. Pure data and functions; no I/O.
 */

export const MEETING_TYPES = [
  "portfolio_review",
  "steering_committee",
  "stage_gate",
  "pmo_review",
  "executive_briefing",
  "other",
] as const;
export type MeetingType = (typeof MEETING_TYPES)[number];

export const MEETING_TYPE_LABELS: Record<MeetingType, string> = {
  portfolio_review: "Portfolio review",
  steering_committee: "Steering committee",
  stage_gate: "Stage-gate review",
  pmo_review: "PMO review",
  executive_briefing: "Executive briefing",
  other: "Other",
};

export const MEETING_STATUSES = ["planned", "held", "cancelled"] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export const MEETING_STATUS_LABELS: Record<MeetingStatus, string> = {
  planned: "Planned",
  held: "Held",
  cancelled: "Cancelled",
};

export const ATTENDANCES = ["invited", "attended", "apologies"] as const;
export type Attendance = (typeof ATTENDANCES)[number];

/**
 * What an agenda item or a decision may be about: a project, a goal, a strategic objective, or a
 * portfolio-selection scenario (the decision that approves its portfolio).
 */
export const REF_TYPES = ["project", "goal", "objective", "scenario"] as const;
export type RefType = (typeof REF_TYPES)[number];

export const DECISION_KINDS = ["approve", "defer", "reject", "reprioritize", "change_request"] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

export const DECISION_KIND_LABELS: Record<DecisionKind, string> = {
  approve: "Approved",
  defer: "Deferred",
  reject: "Rejected",
  reprioritize: "Reprioritized",
  change_request: "Change request",
};

export const ACTION_STATUSES = ["open", "done", "cancelled"] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  open: "Open",
  done: "Done",
  cancelled: "Cancelled",
};

export const MIN_DURATION_MINUTES = 5;
export const MAX_DURATION_MINUTES = 1440;

/** An action item is overdue while it is open after its due date. Dates are YYYY-MM-DD; `today` too. */
export function isActionOverdue(action: { status: ActionStatus; dueDate: string }, today: string): boolean {
  return action.status === "open" && action.dueDate < today;
}

/**
 * A meeting's status may move freely between planned, held and cancelled, except that a meeting
 * that was held cannot be cancelled afterwards: its minutes, decisions and actions stand.
 */
export function canChangeMeetingStatus(from: MeetingStatus, to: MeetingStatus): boolean {
  return !(from === "held" && to === "cancelled");
}

/** The end of a meeting as an ISO instant, from its start (ISO instant) and duration. */
export function meetingEndsAt(startsAt: string, durationMinutes: number): string {
  return new Date(Date.parse(startsAt) + durationMinutes * 60_000).toISOString();
}

/**
 * Agenda order after moving one item to a 1-based position (clamped to the list). Returns the
 * ids in their new order; position k of the agenda is index k-1.
 */
export function moveAgendaItem(ids: readonly string[], movedId: string, toPosition: number): string[] {
  const rest = ids.filter((id) => id !== movedId);
  if (rest.length === ids.length) return [...ids];
  const index = Math.min(Math.max(Math.trunc(toPosition), 1), rest.length + 1) - 1;
  return [...rest.slice(0, index), movedId, ...rest.slice(index)];
}
