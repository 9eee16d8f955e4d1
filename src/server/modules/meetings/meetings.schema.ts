import { z } from "zod";
import {
  ACTION_STATUSES,
  ATTENDANCES,
  DECISION_KINDS,
  MAX_DURATION_MINUTES,
  MEETING_STATUSES,
  MEETING_TYPES,
  MIN_DURATION_MINUTES,
  REF_TYPES,
} from "../../../domain/meetings/meeting-rules.js";

/** Request and response schemas of the meetings module: they type the code, validate requests and generate OpenAPI. */

const text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);
const requiredText = (max: number) => text(max).min(1, "is required");
export const IdSchema = z.uuid({ message: "must be a valid id (UUID)" });
export const VersionSchema = z.number().int().min(1);
export const IdParamsSchema = z.object({ id: IdSchema });
export const AgendaItemParamsSchema = z.object({ id: IdSchema, itemId: IdSchema });

/** A calendar date YYYY-MM-DD that exists (no 2027-02-30). */
export const DateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD")
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, "is not a calendar date");

/** An instant with its offset (or Z); stored and returned in UTC. */
const InstantSchema = z.iso.datetime({
  offset: true,
  message: "must be a date-time with an offset, e.g. 2027-03-04T09:00:00+01:00",
});

export const MeetingTypeSchema = z.enum(MEETING_TYPES);
export const MeetingStatusSchema = z.enum(MEETING_STATUSES);
export const AttendanceSchema = z.enum(ATTENDANCES);
export const RefTypeSchema = z
  .enum(REF_TYPES)
  .describe("project | goal | objective | scenario (a portfolio-selection scenario)");
export const DecisionKindSchema = z.enum(DECISION_KINDS);
export const ActionStatusSchema = z.enum(ACTION_STATUSES);

const csvList = <T extends z.ZodType<string, string>>(item: T) =>
  z
    .union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v : v.split(",")).map((s) => s.trim()).filter((s) => s.length > 0))
    .pipe(z.array(item));
const Limit = z.coerce.number().int().min(1).max(500).default(50);
const Cursor = z.string().max(500).optional();
const BooleanQuery = z.enum(["true", "false"]).transform((v) => v === "true");

// ---------- meetings ----------
export const AttendeeInputSchema = z.strictObject({
  userId: IdSchema,
  attendance: AttendanceSchema.default("invited"),
});

const meetingFields = {
  title: requiredText(200),
  type: MeetingTypeSchema,
  startsAt: InstantSchema,
  durationMinutes: z.number().int().min(MIN_DURATION_MINUTES).max(MAX_DURATION_MINUTES),
  location: text(200),
  notes: text(20_000),
  status: MeetingStatusSchema,
  attendees: z.array(AttendeeInputSchema).max(200),
};

export const CreateMeetingSchema = z.strictObject({
  ...meetingFields,
  durationMinutes: meetingFields.durationMinutes.default(60),
  location: meetingFields.location.default(""),
  notes: meetingFields.notes.default(""),
  status: meetingFields.status.default("planned"),
  attendees: meetingFields.attendees.default([]),
});
export type CreateMeetingInput = z.infer<typeof CreateMeetingSchema>;

export const UpdateMeetingSchema = z.strictObject({
  version: VersionSchema,
  title: meetingFields.title.optional(),
  type: meetingFields.type.optional(),
  startsAt: meetingFields.startsAt.optional(),
  durationMinutes: meetingFields.durationMinutes.optional(),
  location: meetingFields.location.optional(),
  notes: meetingFields.notes.optional(),
  status: meetingFields.status.optional(),
  /** Replaces the whole list. */
  attendees: meetingFields.attendees.optional(),
});
export type UpdateMeetingInput = z.infer<typeof UpdateMeetingSchema>;

export const MeetingSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  type: MeetingTypeSchema,
  startsAt: z.string().describe("UTC instant"),
  endsAt: z.string().describe("UTC instant"),
  durationMinutes: z.number(),
  location: z.string(),
  status: MeetingStatusSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().describe("Covers the meeting, its attendees and its agenda"),
});
export type MeetingSummary = z.infer<typeof MeetingSummarySchema>;

export const AttendeeSchema = z.object({
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  attendance: AttendanceSchema,
});
export type Attendee = z.infer<typeof AttendeeSchema>;

export const AgendaItemSchema = z.object({
  id: z.string(),
  meetingId: z.string(),
  position: z.number().describe("1-based order in the agenda"),
  title: z.string(),
  notes: z.string(),
  refType: RefTypeSchema.nullable(),
  refId: z.string().nullable(),
  refLabel: z.string().nullable().describe("What the reference names, e.g. 'Project P-1 · Billing engine'"),
});
export type AgendaItem = z.infer<typeof AgendaItemSchema>;

export const DecisionSchema = z.object({
  id: z.string(),
  meetingId: z.string().nullable(),
  meetingTitle: z.string().nullable(),
  agendaItemId: z.string().nullable(),
  kind: DecisionKindSchema,
  title: z.string(),
  rationale: z.string(),
  refType: RefTypeSchema.nullable(),
  refId: z.string().nullable(),
  refLabel: z.string().nullable(),
  decidedBy: z.array(z.object({ userId: z.string(), name: z.string() })),
  decidedOn: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});
export type Decision = z.infer<typeof DecisionSchema>;

export const ActionItemSchema = z.object({
  id: z.string(),
  meetingId: z.string().nullable(),
  meetingTitle: z.string().nullable(),
  decisionId: z.string().nullable(),
  title: z.string(),
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable(),
  dueDate: z.string(),
  status: ActionStatusSchema,
  completedAt: z.string().nullable(),
  overdue: z.boolean().describe("Open and due before today (UTC)"),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});
export type ActionItem = z.infer<typeof ActionItemSchema>;

export const MeetingSchema = MeetingSummarySchema.extend({
  notes: z.string(),
  attendees: z.array(AttendeeSchema),
  agenda: z.array(AgendaItemSchema),
  decisions: z.array(DecisionSchema),
  actionItems: z.array(ActionItemSchema),
});
export type Meeting = z.infer<typeof MeetingSchema>;

export const ListMeetingsQuerySchema = z.strictObject({
  from: DateSchema.optional().describe("Meetings starting on or after this date (UTC)"),
  to: DateSchema.optional().describe("Meetings starting on or before this date (UTC)"),
  type: csvList(MeetingTypeSchema).optional(),
  status: csvList(MeetingStatusSchema).optional(),
  limit: Limit,
  cursor: Cursor,
});
export type ListMeetingsQuery = z.infer<typeof ListMeetingsQuerySchema>;
export const MeetingPageSchema = z.object({ items: z.array(MeetingSummarySchema), nextCursor: z.string().nullable() });
export type MeetingPage = z.infer<typeof MeetingPageSchema>;

// ---------- agenda items ----------
export const CreateAgendaItemSchema = z.strictObject({
  title: requiredText(300),
  notes: text(10_000).default(""),
  refType: RefTypeSchema.nullable().default(null),
  refId: IdSchema.nullable().default(null),
  position: z.number().int().min(1).optional().describe("Where to insert (1-based); the end when left out"),
});
export type CreateAgendaItemInput = z.infer<typeof CreateAgendaItemSchema>;

export const UpdateAgendaItemSchema = z.strictObject({
  version: VersionSchema.describe("The meeting's version"),
  title: requiredText(300).optional(),
  notes: text(10_000).optional(),
  refType: RefTypeSchema.nullable().optional(),
  refId: IdSchema.nullable().optional(),
  position: z.number().int().min(1).optional().describe("Move the item here (1-based); the others shift"),
});
export type UpdateAgendaItemInput = z.infer<typeof UpdateAgendaItemSchema>;

export const DeleteAgendaItemQuerySchema = z.strictObject({
  version: z.coerce.number().int().min(1).describe("The meeting's version"),
});

// ---------- decisions ----------
const decisionFields = {
  meetingId: IdSchema.nullable(),
  agendaItemId: IdSchema.nullable(),
  kind: DecisionKindSchema,
  title: requiredText(300),
  rationale: text(20_000),
  refType: RefTypeSchema.nullable(),
  refId: IdSchema.nullable(),
  decidedBy: z.array(IdSchema).max(50),
  decidedOn: DateSchema,
};

export const CreateDecisionSchema = z.strictObject({
  ...decisionFields,
  meetingId: decisionFields.meetingId.default(null),
  agendaItemId: decisionFields.agendaItemId
    .default(null)
    .describe("The agenda item it was taken under; its meeting is the decision's meeting"),
  rationale: decisionFields.rationale.default(""),
  refType: decisionFields.refType.optional().describe("Defaults to the agenda item's reference; null for none"),
  refId: decisionFields.refId.optional(),
  decidedBy: decisionFields.decidedBy.default([]),
  decidedOn: decisionFields.decidedOn.optional().describe("Defaults to the meeting's date, else today"),
});
export type CreateDecisionInput = z.infer<typeof CreateDecisionSchema>;

export const UpdateDecisionSchema = z.strictObject({
  version: VersionSchema,
  meetingId: decisionFields.meetingId.optional(),
  agendaItemId: decisionFields.agendaItemId.optional(),
  kind: decisionFields.kind.optional(),
  title: decisionFields.title.optional(),
  rationale: decisionFields.rationale.optional(),
  refType: decisionFields.refType.optional(),
  refId: decisionFields.refId.optional(),
  decidedBy: decisionFields.decidedBy.optional(),
  decidedOn: decisionFields.decidedOn.optional(),
});
export type UpdateDecisionInput = z.infer<typeof UpdateDecisionSchema>;

const decisionFilters = {
  q: z.string().trim().max(200).optional().describe("Words in the title or rationale (case-insensitive substring)"),
  kind: csvList(DecisionKindSchema).optional(),
  from: DateSchema.optional().describe("Decided on or after"),
  to: DateSchema.optional().describe("Decided on or before"),
  limit: Limit,
  cursor: Cursor,
};
export const ListDecisionsQuerySchema = z.strictObject({
  ...decisionFilters,
  refType: RefTypeSchema.optional(),
  refId: IdSchema.optional(),
  meetingId: IdSchema.optional(),
});
export type ListDecisionsQuery = z.infer<typeof ListDecisionsQuerySchema>;
export const ProjectDecisionsQuerySchema = z.strictObject(decisionFilters);
export type ProjectDecisionsQuery = z.infer<typeof ProjectDecisionsQuerySchema>;
export const DecisionPageSchema = z.object({ items: z.array(DecisionSchema), nextCursor: z.string().nullable() });
export type DecisionPage = z.infer<typeof DecisionPageSchema>;

// ---------- action items ----------
export const CreateActionItemSchema = z.strictObject({
  meetingId: IdSchema.nullable().default(null),
  decisionId: IdSchema.nullable().default(null).describe("The decision it follows from; its meeting is the action's"),
  title: requiredText(300),
  ownerId: IdSchema,
  dueDate: DateSchema,
});
export type CreateActionItemInput = z.infer<typeof CreateActionItemSchema>;

export const UpdateActionItemSchema = z.strictObject({
  version: VersionSchema,
  title: requiredText(300).optional(),
  ownerId: IdSchema.optional(),
  dueDate: DateSchema.optional(),
  status: ActionStatusSchema.optional().describe("The only field an owner without meeting.write may change"),
});
export type UpdateActionItemInput = z.infer<typeof UpdateActionItemSchema>;

export const ListActionItemsQuerySchema = z.strictObject({
  ownerId: IdSchema.optional(),
  status: csvList(ActionStatusSchema).optional(),
  overdue: BooleanQuery.optional().describe("true: only overdue actions; false: only those not overdue"),
  meetingId: IdSchema.optional(),
  decisionId: IdSchema.optional(),
  limit: Limit,
  cursor: Cursor,
});
export type ListActionItemsQuery = z.infer<typeof ListActionItemsQuerySchema>;
export const ActionItemPageSchema = z.object({ items: z.array(ActionItemSchema), nextCursor: z.string().nullable() });
export type ActionItemPage = z.infer<typeof ActionItemPageSchema>;
