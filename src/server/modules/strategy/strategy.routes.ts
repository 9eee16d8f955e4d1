import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { contextOf } from "../../platform/http/auth.js";
import { problemResponses, writeProblemResponses } from "../../platform/http/schemas.js";
import type { GoalService } from "./goals.service.js";
import type { ObjectiveService } from "./objectives.service.js";
import type { PrioritizationService } from "./prioritization.service.js";
import {
  AggregateAhpSchema,
  AhpAggregateResultSchema,
  AhpEvaluationSchema,
  AhpSessionSchema,
  CheckInSchema,
  CreateAhpSessionSchema,
  CreateCheckInSchema,
  CreateCriterionSchema,
  CreateGoalSchema,
  CreateObjectiveSchema,
  CriterionSchema,
  EvaluateAhpSchema,
  GoalSchema,
  IdSchema,
  ListGoalsQuerySchema,
  ObjectiveSchema,
  ProjectStrategySchema,
  PublishModelSchema,
  RankingSchema,
  SaveJudgmentsSchema,
  SaveObjectiveLinksSchema,
  SaveScoresSchema,
  ScoringModelSchema,
  SensitivitySchema,
  SmartSchema,
  StrategySpendSchema,
  UpdateCriterionSchema,
  UpdateGoalSchema,
  UpdateObjectiveSchema,
} from "./strategy.schema.js";

const Params = z.object({ id: IdSchema });
const items = <T extends z.ZodType>(s: T) => z.object({ items: z.array(s) });

export function strategyRoutes(
  app: FastifyInstance,
  s: { objectives: ObjectiveService; goals: GoalService; prioritization: PrioritizationService },
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const P = "/api/v1/strategy";

  // ---------- objectives ----------
  r.get(
    `${P}/objectives`,
    {
      schema: {
        tags: ["strategy"],
        summary: "Strategic objectives (organizational and PMO) as a flat list with parentId",
        response: { 200: items(ObjectiveSchema), ...problemResponses },
      },
    },
    async (req) => ({
      items: await s.objectives.list(contextOf(req)),
    }),
  );
  r.post(
    `${P}/objectives`,
    {
      schema: {
        tags: ["strategy"],
        summary: "Create an objective",
        body: CreateObjectiveSchema,
        response: { 201: ObjectiveSchema, ...writeProblemResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await s.objectives.create(contextOf(req), req.body)),
  );
  r.get(
    `${P}/objectives/:id`,
    {
      schema: {
        tags: ["strategy"],
        summary: "One objective",
        params: Params,
        response: { 200: ObjectiveSchema, ...problemResponses },
      },
    },
    async (req) => s.objectives.get(contextOf(req), req.params.id),
  );
  r.patch(
    `${P}/objectives/:id`,
    {
      schema: {
        tags: ["strategy"],
        summary: "Edit an objective (name the version you read)",
        params: Params,
        body: UpdateObjectiveSchema,
        response: { 200: ObjectiveSchema, ...writeProblemResponses },
      },
    },
    async (req) => s.objectives.update(contextOf(req), req.params.id, req.body),
  );

  // ---------- goals ----------
  r.get(
    `${P}/goals`,
    {
      schema: {
        tags: ["strategy"],
        summary: "Goals (KPIs) with SMART verdicts and tracking",
        querystring: ListGoalsQuerySchema,
        response: { 200: items(GoalSchema), ...problemResponses },
      },
    },
    async (req) => ({
      items: await s.goals.list(contextOf(req), req.query),
    }),
  );
  r.post(
    `${P}/goals`,
    {
      schema: {
        tags: ["strategy"],
        summary: "Create a goal",
        body: CreateGoalSchema,
        response: { 201: GoalSchema, ...writeProblemResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await s.goals.create(contextOf(req), req.body)),
  );
  r.post(
    `${P}/goals/assess`,
    {
      schema: {
        tags: ["strategy"],
        summary: "SMART verdicts for a draft goal, without saving it",
        body: CreateGoalSchema,
        response: { 200: SmartSchema, ...problemResponses },
      },
    },
    async (req) => s.goals.assess(contextOf(req), req.body),
  );
  r.get(
    `${P}/goals/:id`,
    {
      schema: {
        tags: ["strategy"],
        summary: "One goal",
        params: Params,
        response: { 200: GoalSchema, ...problemResponses },
      },
    },
    async (req) => s.goals.get(contextOf(req), req.params.id),
  );
  r.patch(
    `${P}/goals/:id`,
    {
      schema: {
        tags: ["strategy"],
        summary: "Edit a goal",
        params: Params,
        body: UpdateGoalSchema,
        response: { 200: GoalSchema, ...writeProblemResponses },
      },
    },
    async (req) => s.goals.update(contextOf(req), req.params.id, req.body),
  );
  r.get(
    `${P}/goals/:id/check-ins`,
    {
      schema: {
        tags: ["strategy"],
        summary: "A goal's recorded values",
        params: Params,
        response: { 200: items(CheckInSchema), ...problemResponses },
      },
    },
    async (req) => ({
      items: await s.goals.listCheckIns(contextOf(req), req.params.id),
    }),
  );
  r.post(
    `${P}/goals/:id/check-ins`,
    {
      schema: {
        tags: ["strategy"],
        summary: "Record a goal's current value",
        params: Params,
        body: CreateCheckInSchema,
        response: { 201: CheckInSchema, ...writeProblemResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await s.goals.checkIn(contextOf(req), req.params.id, req.body)),
  );

  // ---------- pure AHP ----------
  r.post(
    `${P}/ahp/evaluate`,
    {
      schema: {
        tags: ["ahp"],
        summary:
          "Weights (principal eigenvector), λmax, CI, CR and the most inconsistent judgments of a positive reciprocal matrix",
        body: EvaluateAhpSchema,
        response: { 200: AhpEvaluationSchema, ...problemResponses },
      },
    },
    async (req) => {
      contextOf(req);
      return s.prioritization.evaluate(req.body.matrix, req.body.randomIndex);
    },
  );
  r.post(
    `${P}/ahp/aggregate`,
    {
      schema: {
        tags: ["ahp"],
        summary: "Group judgments by element-wise geometric mean (AIJ), then the same evaluation",
        body: AggregateAhpSchema,
        response: { 200: AhpAggregateResultSchema, ...problemResponses },
      },
    },
    async (req) => {
      contextOf(req);
      return s.prioritization.aggregate(req.body.matrices, req.body.weights, req.body.randomIndex);
    },
  );

  // ---------- criteria ----------
  r.get(
    `${P}/criteria`,
    {
      schema: {
        tags: ["ahp"],
        summary: "Prioritization criteria (with sub-criteria by parentId)",
        response: { 200: items(CriterionSchema), ...problemResponses },
      },
    },
    async (req) => ({
      items: await s.prioritization.listCriteria(contextOf(req)),
    }),
  );
  r.post(
    `${P}/criteria`,
    {
      schema: {
        tags: ["ahp"],
        summary: "Create a criterion",
        body: CreateCriterionSchema,
        response: { 201: CriterionSchema, ...writeProblemResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await s.prioritization.createCriterion(contextOf(req), req.body)),
  );
  r.patch(
    `${P}/criteria/:id`,
    {
      schema: {
        tags: ["ahp"],
        summary: "Edit or archive a criterion",
        params: Params,
        body: UpdateCriterionSchema,
        response: { 200: CriterionSchema, ...writeProblemResponses },
      },
    },
    async (req) => s.prioritization.updateCriterion(contextOf(req), req.params.id, req.body),
  );

  // ---------- prioritizations (AHP sessions) ----------
  r.get(
    `${P}/prioritizations`,
    {
      schema: {
        tags: ["ahp"],
        summary: "AHP prioritizations",
        response: { 200: items(AhpSessionSchema), ...problemResponses },
      },
    },
    async (req) => ({
      items: await s.prioritization.listSessions(contextOf(req)),
    }),
  );
  r.post(
    `${P}/prioritizations`,
    {
      schema: {
        tags: ["ahp"],
        summary: "Open a prioritization of one level of criteria and invite executives",
        body: CreateAhpSessionSchema,
        response: { 201: AhpSessionSchema, ...writeProblemResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await s.prioritization.createSession(contextOf(req), req.body)),
  );
  r.get(
    `${P}/prioritizations/:id`,
    {
      schema: {
        tags: ["ahp"],
        summary: "A prioritization with the caller's judgments and consistency, and the group result",
        params: Params,
        response: { 200: AhpSessionSchema, ...problemResponses },
      },
    },
    async (req) => s.prioritization.getSession(contextOf(req), req.params.id),
  );
  r.put(
    `${P}/prioritizations/:id/judgments`,
    {
      schema: {
        tags: ["ahp"],
        summary: "Save (or submit) the caller's pairwise judgments",
        params: Params,
        body: SaveJudgmentsSchema,
        response: { 200: AhpSessionSchema, ...writeProblemResponses },
      },
    },
    async (req) => s.prioritization.saveJudgments(contextOf(req), req.params.id, req.body),
  );
  r.post(
    `${P}/prioritizations/:id/close`,
    {
      schema: {
        tags: ["ahp"],
        summary: "Close a prioritization",
        params: Params,
        response: { 200: AhpSessionSchema, ...writeProblemResponses },
      },
    },
    async (req) => s.prioritization.closeSession(contextOf(req), req.params.id),
  );

  // ---------- scoring model and ranking ----------
  r.get(
    `${P}/scoring-models`,
    {
      schema: {
        tags: ["ahp"],
        summary: "Published scoring models, newest (active) first",
        response: { 200: items(ScoringModelSchema), ...problemResponses },
      },
    },
    async (req) => ({
      items: await s.prioritization.listModels(contextOf(req)),
    }),
  );
  r.post(
    `${P}/scoring-models`,
    {
      schema: {
        tags: ["ahp"],
        summary: "Publish the group weights of prioritizations as the next active scoring model",
        body: PublishModelSchema,
        response: { 201: ScoringModelSchema, ...writeProblemResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await s.prioritization.publishModel(contextOf(req), req.body)),
  );
  r.get(
    `${P}/ranking`,
    {
      schema: {
        tags: ["ahp"],
        summary: "Projects ranked by priority score with the breakdown per criterion",
        querystring: z.strictObject({ modelId: IdSchema.optional() }),
        response: { 200: RankingSchema, ...problemResponses },
      },
    },
    async (req) => s.prioritization.ranking(contextOf(req), req.query.modelId),
  );
  r.get(
    `${P}/ranking/sensitivity`,
    {
      schema: {
        tags: ["ahp"],
        summary: "How ranks move when one criterion's weight changes by ±delta (default 10 %)",
        querystring: z.strictObject({ delta: z.coerce.number().gt(0).max(0.9).default(0.1) }),
        response: { 200: SensitivitySchema, ...problemResponses },
      },
    },
    async (req) => s.prioritization.sensitivity(contextOf(req), req.query.delta),
  );
  r.get(
    `${P}/spend`,
    {
      schema: {
        tags: ["ahp"],
        summary: "Each objective's share of budget against its share of weight",
        response: { 200: StrategySpendSchema, ...problemResponses },
      },
    },
    async (req) => s.prioritization.strategySpend(contextOf(req)),
  );

  // ---------- a project's strategy ----------
  r.get(
    "/api/v1/projects/:id/strategy",
    {
      schema: {
        tags: ["projects"],
        summary: "A project's scores, objective links and priority (per model version)",
        params: Params,
        response: { 200: ProjectStrategySchema.extend({ canEdit: z.boolean() }), ...problemResponses },
      },
    },
    async (req) => s.prioritization.projectStrategy(contextOf(req), req.params.id),
  );
  r.put(
    "/api/v1/projects/:id/scores",
    {
      schema: {
        tags: ["projects"],
        summary: "Replace a project's criterion scores",
        params: Params,
        body: SaveScoresSchema,
        response: { 200: ProjectStrategySchema.extend({ canEdit: z.boolean() }), ...writeProblemResponses },
      },
    },
    async (req) => s.prioritization.saveScores(contextOf(req), req.params.id, req.body.scores),
  );
  r.put(
    "/api/v1/projects/:id/objective-links",
    {
      schema: {
        tags: ["projects"],
        summary: "Replace a project's objective links (strength 0–3)",
        params: Params,
        body: SaveObjectiveLinksSchema,
        response: { 200: ProjectStrategySchema.extend({ canEdit: z.boolean() }), ...writeProblemResponses },
      },
    },
    async (req) => s.prioritization.saveLinks(contextOf(req), req.params.id, req.body.links),
  );
}
