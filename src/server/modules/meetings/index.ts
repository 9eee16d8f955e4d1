/** What other modules may use of the meetings module. */
export type { ActionItem, AgendaItem, Decision, Meeting, MeetingSummary } from "./meetings.schema.js";
export { ActionItemSchema, DecisionPageSchema, DecisionSchema, MeetingSchema } from "./meetings.schema.js";
export { MeetingService } from "./meetings.service.js";
