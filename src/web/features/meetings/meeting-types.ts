/**
 * The meetings module's API contract, as types inferred from the server's zod schemas. Type-only
 * imports: no server code reaches the bundle. (Kept beside the feature rather than in api/types.ts
 * so that modules built in parallel do not edit one shared file.)
 */
import type { z } from "zod";
import type {
  ActionItem,
  ActionItemPage,
  AgendaItem,
  Attendee,
  CreateActionItemSchema,
  CreateAgendaItemSchema,
  CreateDecisionSchema,
  CreateMeetingSchema,
  Decision,
  DecisionPage,
  Meeting,
  MeetingPage,
  MeetingSummary,
  UpdateActionItemInput,
  UpdateAgendaItemInput,
  UpdateDecisionInput,
  UpdateMeetingInput,
} from "../../../server/modules/meetings/meetings.schema.js";

export type {
  ActionItem,
  ActionItemPage,
  AgendaItem,
  Attendee,
  Decision,
  DecisionPage,
  Meeting,
  MeetingPage,
  MeetingSummary,
  UpdateActionItemInput,
  UpdateAgendaItemInput,
  UpdateDecisionInput,
  UpdateMeetingInput,
};

export type CreateMeetingBody = z.input<typeof CreateMeetingSchema>;
export type CreateAgendaItemBody = z.input<typeof CreateAgendaItemSchema>;
export type CreateDecisionBody = z.input<typeof CreateDecisionSchema>;
export type CreateActionItemBody = z.input<typeof CreateActionItemSchema>;
