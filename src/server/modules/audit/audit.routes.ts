import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { contextOf } from "../../platform/http/auth.js";
import { problemResponses } from "../../platform/http/schemas.js";
import { AuditPageSchema, AuditQuerySchema } from "./audit.schema.js";
import type { AuditService } from "./audit.service.js";

export function auditRoutes(app: FastifyInstance, audit: AuditService): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/api/v1/audit",
    {
      schema: {
        tags: ["audit"],
        summary: "The audit trail, newest first, filtered by entity, actor, action and time",
        querystring: AuditQuerySchema,
        response: { 200: AuditPageSchema, ...problemResponses },
      },
    },
    async (req) => audit.list(contextOf(req), req.query),
  );
}
