import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { contextOf } from "../../platform/http/auth.js";
import { writeProblemResponses } from "../../platform/http/schemas.js";
import type { DemoService } from "./demo.service.js";

const DemoResultSchema = z.object({
  organizationId: z.string(),
  people: z.number(),
  portfolios: z.number(),
  programs: z.number(),
  projects: z.number(),
  objectives: z.number(),
  goals: z.number(),
  checkIns: z.number(),
  criteria: z.number(),
  scoredProjects: z.number(),
  meetings: z.number(),
  decisions: z.number(),
  actionItems: z.number(),
  benefits: z.number(),
  measurements: z.number(),
  handovers: z.number(),
  benefitRisks: z.number(),
  correctiveActions: z.number(),
  businessChanges: z.number(),
  businessCases: z.number(),
  scenarios: z.number(),
});

export function demoRoutes(app: FastifyInstance, demo: DemoService): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    "/api/v1/demo",
    {
      schema: {
        tags: ["organization"],
        summary: "Load the demo organization's data into this (empty) organization",
        response: { 201: DemoResultSchema, ...writeProblemResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await demo.load(contextOf(req))),
  );
}
