import type { FastifyInstance, FastifyReply } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { contextOf } from "../../platform/http/auth.js";
import { problemResponses, writeProblemResponses } from "../../platform/http/schemas.js";
import {
  ActionItemPageSchema,
  ActionItemSchema,
  AgendaItemParamsSchema,
  CreateActionItemSchema,
  CreateAgendaItemSchema,
  CreateDecisionSchema,
  CreateMeetingSchema,
  DecisionPageSchema,
  DecisionSchema,
  DeleteAgendaItemQuerySchema,
  IdParamsSchema,
  ListActionItemsQuerySchema,
  ListDecisionsQuerySchema,
  ListMeetingsQuerySchema,
  MeetingPageSchema,
  MeetingSchema,
  ProjectDecisionsQuerySchema,
  UpdateActionItemSchema,
  UpdateAgendaItemSchema,
  UpdateDecisionSchema,
  UpdateMeetingSchema,
} from "./meetings.schema.js";
import type { ExportedFile, MeetingService } from "./meetings.service.js";

/** Steering meetings, their agenda, the decision log and action items: validate → one service call → present. */
export function meetingsRoutes(app: FastifyInstance, meetings: MeetingService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { decisions, actionItems } = meetings;

  // ---------- meetings ----------
  r.get(
    "/api/v1/meetings",
    {
      schema: {
        tags: ["meetings"],
        summary: "List meetings, newest first, with filters and cursor pagination",
        querystring: ListMeetingsQuerySchema,
        response: { 200: MeetingPageSchema, ...problemResponses },
      },
    },
    async (req) => meetings.list(contextOf(req), req.query),
  );
  r.post(
    "/api/v1/meetings",
    {
      schema: {
        tags: ["meetings"],
        summary: "Schedule a meeting with its attendees",
        body: CreateMeetingSchema,
        response: { 201: MeetingSchema, ...writeProblemResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await meetings.create(contextOf(req), req.body)),
  );
  r.get(
    "/api/v1/meetings/:id",
    {
      schema: {
        tags: ["meetings"],
        summary: "One meeting with its attendees, agenda, decisions and action items",
        params: IdParamsSchema,
        response: { 200: MeetingSchema, ...problemResponses },
      },
    },
    async (req) => meetings.get(contextOf(req), req.params.id),
  );
  r.patch(
    "/api/v1/meetings/:id",
    {
      schema: {
        tags: ["meetings"],
        summary:
          "Edit a meeting, record attendance or cancel it (status). Name the version you read; attendees given replace the list.",
        params: IdParamsSchema,
        body: UpdateMeetingSchema,
        response: { 200: MeetingSchema, ...writeProblemResponses },
      },
    },
    async (req) => meetings.update(contextOf(req), req.params.id, req.body),
  );
  r.get(
    "/api/v1/meetings/:id/minutes.md",
    {
      schema: {
        tags: ["meetings"],
        summary: "The minutes as Markdown: attendance, agenda, decisions and action items",
        params: IdParamsSchema,
        response: { 200: z.string().describe("text/markdown"), ...problemResponses },
      },
    },
    async (req, reply) => sendFile(reply, await meetings.minutes(contextOf(req), req.params.id)),
  );
  r.get(
    "/api/v1/meetings/:id/invite.ics",
    {
      schema: {
        tags: ["meetings"],
        summary: "A calendar invite (iCalendar, RFC 5545) with the agenda and attendees",
        params: IdParamsSchema,
        response: { 200: z.string().describe("text/calendar"), ...problemResponses },
      },
    },
    async (req, reply) => sendFile(reply, await meetings.invite(contextOf(req), req.params.id)),
  );

  // ---------- agenda ----------
  r.post(
    "/api/v1/meetings/:id/agenda-items",
    {
      schema: {
        tags: ["meetings"],
        summary: "Add an agenda item, optionally about a project, goal or objective; returns the meeting",
        params: IdParamsSchema,
        body: CreateAgendaItemSchema,
        response: { 201: MeetingSchema, ...writeProblemResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await meetings.addAgendaItem(contextOf(req), req.params.id, req.body)),
  );
  r.patch(
    "/api/v1/meetings/:id/agenda-items/:itemId",
    {
      schema: {
        tags: ["meetings"],
        summary: "Edit or move (position) an agenda item; name the meeting's version; returns the meeting",
        params: AgendaItemParamsSchema,
        body: UpdateAgendaItemSchema,
        response: { 200: MeetingSchema, ...writeProblemResponses },
      },
    },
    async (req) => meetings.updateAgendaItem(contextOf(req), req.params.id, req.params.itemId, req.body),
  );
  r.delete(
    "/api/v1/meetings/:id/agenda-items/:itemId",
    {
      schema: {
        tags: ["meetings"],
        summary:
          "Remove an agenda item (its decisions stay on the meeting); name the meeting's version; returns the meeting",
        params: AgendaItemParamsSchema,
        querystring: DeleteAgendaItemQuerySchema,
        response: { 200: MeetingSchema, ...writeProblemResponses },
      },
    },
    async (req) => meetings.removeAgendaItem(contextOf(req), req.params.id, req.params.itemId, req.query.version),
  );

  // ---------- decisions ----------
  r.get(
    "/api/v1/decisions",
    {
      schema: {
        tags: ["decisions"],
        summary: "The decision log: search (q), filters, newest first, cursor pagination",
        querystring: ListDecisionsQuerySchema,
        response: { 200: DecisionPageSchema, ...problemResponses },
      },
    },
    async (req) => decisions.list(contextOf(req), req.query),
  );
  r.post(
    "/api/v1/decisions",
    {
      schema: {
        tags: ["decisions"],
        summary: "Record a decision, in a meeting or on its own",
        body: CreateDecisionSchema,
        response: { 201: DecisionSchema, ...writeProblemResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await decisions.create(contextOf(req), req.body)),
  );
  r.get(
    "/api/v1/decisions/:id",
    {
      schema: {
        tags: ["decisions"],
        summary: "One decision",
        params: IdParamsSchema,
        response: { 200: DecisionSchema, ...problemResponses },
      },
    },
    async (req) => decisions.get(contextOf(req), req.params.id),
  );
  r.patch(
    "/api/v1/decisions/:id",
    {
      schema: {
        tags: ["decisions"],
        summary: "Edit a decision (send the version you read)",
        params: IdParamsSchema,
        body: UpdateDecisionSchema,
        response: { 200: DecisionSchema, ...writeProblemResponses },
      },
    },
    async (req) => decisions.update(contextOf(req), req.params.id, req.body),
  );
  r.get(
    "/api/v1/projects/:id/decisions",
    {
      schema: {
        tags: ["decisions"],
        summary: "Decisions about one project, newest first",
        params: IdParamsSchema,
        querystring: ProjectDecisionsQuerySchema,
        response: { 200: DecisionPageSchema, ...problemResponses },
      },
    },
    async (req) => decisions.listForProject(contextOf(req), req.params.id, req.query),
  );

  // ---------- action items ----------
  r.get(
    "/api/v1/action-items",
    {
      schema: {
        tags: ["meetings"],
        summary: "List action items, soonest due first; overdue=true for the late ones",
        querystring: ListActionItemsQuerySchema,
        response: { 200: ActionItemPageSchema, ...problemResponses },
      },
    },
    async (req) => actionItems.list(contextOf(req), req.query),
  );
  r.post(
    "/api/v1/action-items",
    {
      schema: {
        tags: ["meetings"],
        summary: "Assign an action item, from a meeting or a decision",
        body: CreateActionItemSchema,
        response: { 201: ActionItemSchema, ...writeProblemResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await actionItems.create(contextOf(req), req.body)),
  );
  r.get(
    "/api/v1/action-items/:id",
    {
      schema: {
        tags: ["meetings"],
        summary: "One action item",
        params: IdParamsSchema,
        response: { 200: ActionItemSchema, ...problemResponses },
      },
    },
    async (req) => actionItems.get(contextOf(req), req.params.id),
  );
  r.patch(
    "/api/v1/action-items/:id",
    {
      schema: {
        tags: ["meetings"],
        summary:
          "Edit an action item (send the version you read). Its owner may change the status; other fields need meeting.write.",
        params: IdParamsSchema,
        body: UpdateActionItemSchema,
        response: { 200: ActionItemSchema, ...writeProblemResponses },
      },
    },
    async (req) => actionItems.update(contextOf(req), req.params.id, req.body),
  );
}

function sendFile(reply: FastifyReply, file: ExportedFile) {
  return reply
    .header("content-type", file.contentType)
    .header("content-disposition", `attachment; filename="${file.filename}"`)
    .send(file.body);
}
