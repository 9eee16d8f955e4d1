import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { contextOf } from "../../platform/http/auth.js";
import { problemResponses, writeProblemResponses } from "../../platform/http/schemas.js";
import {
  CommitResultSchema,
  CommitScenarioSchema,
  CompareQuerySchema,
  ComparisonSchema,
  CopyScenarioSchema,
  CreateScenarioSchema,
  DeleteScenarioQuerySchema,
  IdParamsSchema,
  ListScenariosQuerySchema,
  RunListSchema,
  RunSchema,
  ScenarioListSchema,
  ScenarioSchema,
  StartRunSchema,
  UpdateScenarioSchema,
} from "./selection.schema.js";
import type { SelectionService } from "./selection.service.js";

/** Portfolio selection: scenarios, solver runs, explanations, comparison, commit. Validate → one service call → present. */
export function selectionRoutes(app: FastifyInstance, selection: SelectionService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["selection"];

  r.get(
    "/api/v1/scenarios",
    {
      schema: {
        tags,
        summary: "List portfolio-selection scenarios with their latest run",
        querystring: ListScenariosQuerySchema,
        response: { 200: ScenarioListSchema, ...problemResponses },
      },
    },
    async (req) => selection.list(contextOf(req), req.query.portfolioId),
  );
  r.post(
    "/api/v1/scenarios",
    {
      schema: {
        tags,
        summary: "Create a scenario on a portfolio: horizon, value source, constraints and candidate settings",
        body: CreateScenarioSchema,
        response: { 201: ScenarioSchema, ...writeProblemResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await selection.create(contextOf(req), req.body)),
  );
  r.get(
    "/api/v1/scenarios/:id",
    {
      schema: {
        tags,
        summary: "One scenario with its resolved candidates, roles, categories, objectives and latest run",
        params: IdParamsSchema,
        response: { 200: ScenarioSchema, ...problemResponses },
      },
    },
    async (req) => selection.get(contextOf(req), req.params.id),
  );
  r.patch(
    "/api/v1/scenarios/:id",
    {
      schema: {
        tags,
        summary: "Edit a draft scenario. Name the version you read; fields given replace the stored ones.",
        params: IdParamsSchema,
        body: UpdateScenarioSchema,
        response: { 200: ScenarioSchema, ...writeProblemResponses },
      },
    },
    async (req) => selection.update(contextOf(req), req.params.id, req.body),
  );
  r.delete(
    "/api/v1/scenarios/:id",
    {
      schema: {
        tags,
        summary: "Delete a draft scenario and its runs",
        params: IdParamsSchema,
        querystring: DeleteScenarioQuerySchema,
        response: { 204: z.null(), ...writeProblemResponses },
      },
    },
    async (req, reply) => {
      await selection.remove(contextOf(req), req.params.id, req.query.version);
      return reply.status(204).send(null);
    },
  );
  r.post(
    "/api/v1/scenarios/:id/copy",
    {
      schema: {
        tags,
        summary: "Copy a scenario (settings, constraints, candidate settings) under a new name",
        params: IdParamsSchema,
        body: CopyScenarioSchema,
        response: { 201: ScenarioSchema, ...writeProblemResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await selection.copy(contextOf(req), req.params.id, req.body.name)),
  );
  r.get(
    "/api/v1/scenarios/:id/model.lp",
    {
      schema: {
        tags,
        summary: "The scenario's mixed-integer model as a CPLEX-LP file, to check in any solver",
        params: IdParamsSchema,
        response: { 200: z.string().describe("CPLEX-LP text"), ...problemResponses },
      },
    },
    async (req, reply) => {
      const file = await selection.modelLp(contextOf(req), req.params.id);
      return reply
        .type("text/plain; charset=utf-8")
        .header("content-disposition", `attachment; filename="${file.filename}"`)
        .send(file.text);
    },
  );
  r.post(
    "/api/v1/scenarios/:id/runs",
    {
      schema: {
        tags,
        summary:
          "Solve the scenario in the background. Returns the running run at once; poll GET /api/v1/selection-runs/{id} for progress and the result.",
        params: IdParamsSchema,
        body: StartRunSchema.optional(),
        response: { 202: RunSchema, ...writeProblemResponses },
      },
    },
    async (req, reply) =>
      reply.status(202).send(await selection.startRun(contextOf(req), req.params.id, req.body ?? {})),
  );
  r.get(
    "/api/v1/scenarios/:id/runs",
    {
      schema: {
        tags,
        summary: "The scenario's runs, newest first (without result documents)",
        params: IdParamsSchema,
        response: { 200: RunListSchema, ...problemResponses },
      },
    },
    async (req) => selection.listRuns(contextOf(req), req.params.id),
  );
  r.get(
    "/api/v1/selection-runs/:id",
    {
      schema: {
        tags,
        summary: "One run: progress while running; when finished the portfolio, explanations, frontier and usage",
        params: IdParamsSchema,
        response: { 200: RunSchema, ...problemResponses },
      },
    },
    async (req) => selection.getRun(contextOf(req), req.params.id),
  );
  r.post(
    "/api/v1/selection-runs/:id/cancel",
    {
      schema: {
        tags,
        summary: "Cancel a running solve; the best portfolio found so far is kept",
        params: IdParamsSchema,
        response: { 200: RunSchema, ...writeProblemResponses },
      },
    },
    async (req) => selection.cancelRun(contextOf(req), req.params.id),
  );
  r.post(
    "/api/v1/scenarios/:id/commit",
    {
      schema: {
        tags,
        summary:
          "Approve a run's portfolio: selected proposed projects become approved at their chosen start months, and a steering decision is recorded",
        params: IdParamsSchema,
        body: CommitScenarioSchema,
        response: { 200: CommitResultSchema, ...writeProblemResponses },
      },
    },
    async (req) => selection.commit(contextOf(req), req.params.id, req.body),
  );
  r.get(
    "/api/v1/scenario-comparison",
    {
      schema: {
        tags,
        summary: "2–4 scenarios side by side, from each one's latest run with a portfolio",
        querystring: CompareQuerySchema,
        response: { 200: ComparisonSchema, ...problemResponses },
      },
    },
    async (req) => selection.compare(contextOf(req), req.query.ids),
  );
}
