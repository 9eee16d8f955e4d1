import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError } from "../../platform/errors.js";
import { contextOf } from "../../platform/http/auth.js";
import { ProblemSchema, problemResponses, writeProblemResponses } from "../../platform/http/schemas.js";
import type { BenefitGovernanceService } from "./benefit-governance.service.js";
import type { BenefitInsightService } from "./benefit-insight.service.js";
import {
  ArchiveBenefitSchema,
  AssessBenefitSchema,
  BenefitMapQuerySchema,
  BenefitMapSchema,
  BenefitPageSchema,
  BenefitSchema,
  BenefitSettingsSchema,
  BusinessCaseSchema,
  CategorySchema,
  CorrectiveActionListSchema,
  CorrectiveActionSchema,
  CreateBenefitSchema,
  CreateCategorySchema,
  CreateCorrectiveActionSchema,
  CreateMapNodeSchema,
  CreateMeasurementSchema,
  CreateRiskSchema,
  DeleteMeasurementQuerySchema,
  DoamSchema,
  HandoverSchema,
  IdParamsSchema,
  ImportMeasurementsQuerySchema,
  ImportReportSchema,
  ListBenefitsQuerySchema,
  ListCorrectiveActionsQuerySchema,
  ListPirsQuerySchema,
  ListRecommendationsQuerySchema,
  MeasurementListSchema,
  MeasurementSchema,
  PirListSchema,
  PirSchema,
  ProfilePointSchema,
  PutBusinessCaseSchema,
  RecommendationListSchema,
  RiskListSchema,
  RiskSchema,
  RollupQuerySchema,
  RollupSchema,
  SignOffPirSchema,
  TrackingSchema,
  UpdateBenefitSchema,
  UpdateBenefitSettingsSchema,
  UpdateCorrectiveActionSchema,
  UpdateMapNodeSchema,
  UpdateMeasurementSchema,
  UpdatePirSchema,
  UpdateRiskSchema,
} from "./benefits.schema.js";
import type { BenefitService } from "./benefits.service.js";

const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export type BenefitServices = {
  benefits: BenefitService;
  benefitGovernance: BenefitGovernanceService;
  benefitInsight: BenefitInsightService;
};

/** The benefits module's HTTP API: validate → one service call → present. */
export function benefitsRoutes(app: FastifyInstance, services: BenefitServices): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { benefits, benefitGovernance: governance, benefitInsight: insight } = services;
  const tags = ["benefits"];

  // ---------- register ----------
  r.get(
    "/api/v1/benefit-categories",
    {
      schema: {
        tags,
        summary: "Benefit categories",
        response: { 200: z.object({ items: z.array(CategorySchema) }), ...problemResponses },
      },
    },
    async (req) => ({ items: await benefits.listCategories(contextOf(req)) }),
  );
  r.post(
    "/api/v1/benefit-categories",
    {
      schema: {
        tags,
        summary: "Add a benefit category",
        body: CreateCategorySchema,
        response: { 201: CategorySchema, ...writeProblemResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await benefits.createCategory(contextOf(req), req.body)),
  );
  r.get(
    "/api/v1/benefits",
    {
      schema: {
        tags,
        summary: "The benefits register, filtered, with each benefit's tracking status (cursor pagination)",
        querystring: ListBenefitsQuerySchema,
        response: { 200: BenefitPageSchema, ...problemResponses },
      },
    },
    async (req) => benefits.list(contextOf(req), req.query),
  );
  r.post(
    "/api/v1/benefits",
    {
      schema: {
        tags,
        summary: "Register a benefit: measure, baseline, target, tolerance, owners, links and realization profile",
        body: CreateBenefitSchema,
        response: { 201: BenefitSchema, ...writeProblemResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await benefits.create(contextOf(req), req.body)),
  );
  r.post(
    "/api/v1/benefits/assess",
    {
      schema: {
        tags,
        summary:
          "Check a draft benefit live: the DOAM test (Described, Observable, Attributable, Measurable) and the profile it would get",
        body: AssessBenefitSchema,
        response: {
          200: z.object({
            doam: DoamSchema,
            profile: z.array(ProfilePointSchema).nullable(),
            problems: z.array(z.object({ path: z.string(), message: z.string() })),
          }),
          ...problemResponses,
        },
      },
    },
    async (req) => benefits.assess(contextOf(req), req.body),
  );
  r.get(
    "/api/v1/benefits/:id",
    {
      schema: {
        tags,
        summary: "One benefit with its profile, DOAM verdicts and hand-overs",
        params: IdParamsSchema,
        response: { 200: BenefitSchema, ...problemResponses },
      },
    },
    async (req) => benefits.get(contextOf(req), req.params.id),
  );
  r.patch(
    "/api/v1/benefits/:id",
    {
      schema: {
        tags,
        summary:
          "Edit a benefit. Name the version you read; lists given replace the stored ones; profile null removes it.",
        params: IdParamsSchema,
        body: UpdateBenefitSchema,
        response: { 200: BenefitSchema, ...writeProblemResponses },
      },
    },
    async (req) => benefits.update(contextOf(req), req.params.id, req.body),
  );
  r.post(
    "/api/v1/benefits/:id/archive",
    {
      schema: {
        tags,
        summary: "Archive or restore a benefit",
        params: IdParamsSchema,
        body: ArchiveBenefitSchema,
        response: { 200: BenefitSchema, ...writeProblemResponses },
      },
    },
    async (req) => benefits.archive(contextOf(req), req.params.id, req.body),
  );
  r.get(
    "/api/v1/benefits/:id/tracking",
    {
      schema: {
        tags,
        summary:
          "Planned vs actual per month and cumulative, realization %, status, forecast with 80 % interval and probability of target, warnings and recommendations",
        params: IdParamsSchema,
        response: { 200: TrackingSchema, ...problemResponses },
      },
    },
    async (req) => benefits.tracking(contextOf(req), req.params.id),
  );
  r.post(
    "/api/v1/benefits/:id/handover",
    {
      schema: {
        tags,
        summary: "Hand a benefit over to its operational owner (at project closure); tracking continues",
        params: IdParamsSchema,
        body: HandoverSchema,
        response: { 200: BenefitSchema, ...writeProblemResponses },
      },
    },
    async (req) => benefits.handOver(contextOf(req), req.params.id, req.body),
  );

  // ---------- measurements ----------
  r.get(
    "/api/v1/benefits/:id/measurements",
    {
      schema: {
        tags,
        summary: "A benefit's measurements, oldest first",
        params: IdParamsSchema,
        response: { 200: MeasurementListSchema, ...problemResponses },
      },
    },
    async (req) => benefits.listMeasurements(contextOf(req), req.params.id),
  );
  r.post(
    "/api/v1/benefits/:id/measurements",
    {
      schema: {
        tags,
        summary:
          "Record a month's value (also for automated feeds with an API token). A month that has a value already is a 409: correct it with PATCH.",
        params: IdParamsSchema,
        body: CreateMeasurementSchema,
        response: { 201: MeasurementSchema, ...writeProblemResponses },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await benefits.recordMeasurement(contextOf(req), req.params.id, req.body)),
  );
  r.patch(
    "/api/v1/benefit-measurements/:id",
    {
      schema: {
        tags,
        summary: "Correct a measurement (name its version)",
        params: IdParamsSchema,
        body: UpdateMeasurementSchema,
        response: { 200: MeasurementSchema, ...writeProblemResponses },
      },
    },
    async (req) => benefits.updateMeasurement(contextOf(req), req.params.id, req.body),
  );
  r.delete(
    "/api/v1/benefit-measurements/:id",
    {
      schema: {
        tags,
        summary: "Delete a measurement (name its version)",
        params: IdParamsSchema,
        querystring: DeleteMeasurementQuerySchema,
        response: { 204: z.null(), ...writeProblemResponses },
      },
    },
    async (req, reply) => {
      await benefits.deleteMeasurement(contextOf(req), req.params.id, req.query.version);
      return reply.status(204).send(null);
    },
  );
  r.post(
    "/api/v1/benefit-measurements/import",
    {
      schema: {
        tags,
        summary:
          "Import measurements from CSV (text/csv) or XLSX: columns benefit (code), period, value, measured_on, evidence, source. dryRun=true reports every bad row; a real import is all-or-nothing.",
        querystring: ImportMeasurementsQuerySchema,
        response: {
          200: ImportReportSchema,
          201: ImportReportSchema,
          ...writeProblemResponses,
          415: ProblemSchema,
          422: ProblemSchema,
        },
      },
    },
    async (req, reply) => {
      const ctype = String(req.headers["content-type"] ?? "")
        .split(";")[0]!
        .trim();
      const format = req.query.format ?? (ctype === "text/csv" ? "csv" : ctype === XLSX_MIME ? "xlsx" : undefined);
      if (!format) throw new AppError("unsupported_media_type", `Send the file as text/csv or ${XLSX_MIME}`);
      if (!Buffer.isBuffer(req.body))
        throw new AppError("unsupported_media_type", "Send the file itself as the request body");
      const report = await benefits.importMeasurements(contextOf(req), {
        data: req.body,
        format,
        dryRun: req.query.dryRun,
        onDuplicate: req.query.onDuplicate,
      });
      return reply.status(report.dryRun ? 200 : 201).send(report);
    },
  );

  // ---------- risks ----------
  r.get(
    "/api/v1/benefits/:id/risks",
    {
      schema: {
        tags,
        summary: "Risks to a benefit",
        params: IdParamsSchema,
        response: { 200: RiskListSchema, ...problemResponses },
      },
    },
    async (req) => governance.listRisks(contextOf(req), req.params.id),
  );
  r.post(
    "/api/v1/benefits/:id/risks",
    {
      schema: {
        tags,
        summary: "Add a risk to a benefit (probability, impact as a share of the benefit, proximity, owner, response)",
        params: IdParamsSchema,
        body: CreateRiskSchema,
        response: { 201: RiskSchema, ...writeProblemResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await governance.createRisk(contextOf(req), req.params.id, req.body)),
  );
  r.patch(
    "/api/v1/benefit-risks/:id",
    {
      schema: {
        tags,
        summary: "Edit or close a risk",
        params: IdParamsSchema,
        body: UpdateRiskSchema,
        response: { 200: RiskSchema, ...writeProblemResponses },
      },
    },
    async (req) => governance.updateRisk(contextOf(req), req.params.id, req.body),
  );

  // ---------- recommendations and corrective actions ----------
  r.get(
    "/api/v1/benefit-recommendations",
    {
      schema: {
        tags,
        summary: "The recommendations inbox: what the rules advise for each benefit, worst first",
        querystring: ListRecommendationsQuerySchema,
        response: { 200: RecommendationListSchema, ...problemResponses },
      },
    },
    async (req) => governance.recommendations(contextOf(req), req.query),
  );
  r.get(
    "/api/v1/corrective-actions",
    {
      schema: {
        tags,
        summary: "Corrective actions, by due date, with their effect on the trend after the due date",
        querystring: ListCorrectiveActionsQuerySchema,
        response: { 200: CorrectiveActionListSchema, ...problemResponses },
      },
    },
    async (req) => governance.listActions(contextOf(req), req.query),
  );
  r.post(
    "/api/v1/corrective-actions",
    {
      schema: {
        tags,
        summary: "Raise a corrective action on a benefit (from a recommendation: name its rule)",
        body: CreateCorrectiveActionSchema,
        response: { 201: CorrectiveActionSchema, ...writeProblemResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await governance.createAction(contextOf(req), req.body)),
  );
  r.patch(
    "/api/v1/corrective-actions/:id",
    {
      schema: {
        tags,
        summary: "Update a corrective action (status, owner, due date…)",
        params: IdParamsSchema,
        body: UpdateCorrectiveActionSchema,
        response: { 200: CorrectiveActionSchema, ...writeProblemResponses },
      },
    },
    async (req) => governance.updateAction(contextOf(req), req.params.id, req.body),
  );

  // ---------- post-implementation reviews ----------
  r.get(
    "/api/v1/benefit-settings",
    {
      schema: {
        tags,
        summary: "Benefits settings: when post-implementation reviews fall due",
        response: { 200: BenefitSettingsSchema, ...problemResponses },
      },
    },
    async (req) => governance.settings(contextOf(req)),
  );
  r.put(
    "/api/v1/benefit-settings",
    {
      schema: {
        tags,
        summary: "Set the months after project closure at which reviews fall due",
        body: UpdateBenefitSettingsSchema,
        response: { 200: BenefitSettingsSchema, ...writeProblemResponses },
      },
    },
    async (req) => governance.updateSettings(contextOf(req), req.body),
  );
  r.get(
    "/api/v1/pirs",
    {
      schema: {
        tags,
        summary: "Post-implementation reviews (scheduled automatically for closed projects with benefits)",
        querystring: ListPirsQuerySchema,
        response: { 200: PirListSchema, ...problemResponses },
      },
    },
    async (req) => governance.listReviews(contextOf(req), req.query),
  );
  r.get(
    "/api/v1/pirs/:id",
    {
      schema: {
        tags,
        summary: "One review with planned vs actual for each of the project's benefits",
        params: IdParamsSchema,
        response: { 200: PirSchema, ...problemResponses },
      },
    },
    async (req) => governance.getReview(contextOf(req), req.params.id),
  );
  r.patch(
    "/api/v1/pirs/:id",
    {
      schema: {
        tags,
        summary:
          "Fill in a review: rating, summary, lessons, recommendations, actuals and comments; complete=true completes it",
        params: IdParamsSchema,
        body: UpdatePirSchema,
        response: { 200: PirSchema, ...writeProblemResponses },
      },
    },
    async (req) => governance.updateReview(contextOf(req), req.params.id, req.body),
  );
  r.post(
    "/api/v1/pirs/:id/sign-off",
    {
      schema: {
        tags,
        summary: "Sign off a completed review (the project's sponsor, or an admin)",
        params: IdParamsSchema,
        body: SignOffPirSchema,
        response: { 200: PirSchema, ...writeProblemResponses },
      },
    },
    async (req) => governance.signOffReview(contextOf(req), req.params.id, req.body.version),
  );

  // ---------- dependency network, business cases, roll-up ----------
  r.get(
    "/api/v1/benefit-map",
    {
      schema: {
        tags,
        summary:
          "The benefits dependency network: objectives ← benefits ← business changes ← enabling projects, with impacted nodes",
        querystring: BenefitMapQuerySchema,
        response: { 200: BenefitMapSchema, ...problemResponses },
      },
    },
    async (req) => insight.map(contextOf(req), req.query),
  );
  r.post(
    "/api/v1/benefit-map/changes",
    {
      schema: {
        tags,
        summary: "Add a business change between enabling projects and the benefits it enables",
        body: CreateMapNodeSchema,
        response: { 201: z.object({ id: z.string() }), ...writeProblemResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await insight.createChange(contextOf(req), req.body)),
  );
  r.patch(
    "/api/v1/benefit-map/changes/:id",
    {
      schema: {
        tags,
        summary: "Edit a business change (label, owner, links)",
        params: IdParamsSchema,
        body: UpdateMapNodeSchema,
        response: { 200: z.object({ id: z.string() }), ...writeProblemResponses },
      },
    },
    async (req) => insight.updateChange(contextOf(req), req.params.id, req.body),
  );
  r.delete(
    "/api/v1/benefit-map/changes/:id",
    {
      schema: {
        tags,
        summary: "Remove a business change",
        params: IdParamsSchema,
        response: { 204: z.null(), ...writeProblemResponses },
      },
    },
    async (req, reply) => {
      await insight.deleteChange(contextOf(req), req.params.id);
      return reply.status(204).send(null);
    },
  );
  r.get(
    "/api/v1/projects/:id/business-case",
    {
      schema: {
        tags,
        summary:
          "A project's business case: cash flows by year, appraisal (NPV, IRR, MIRR, payback, ROI, BCR) and benefits realized to date",
        params: IdParamsSchema,
        response: { 200: BusinessCaseSchema, ...problemResponses },
      },
    },
    async (req) => insight.businessCase(contextOf(req), req.params.id),
  );
  r.put(
    "/api/v1/projects/:id/business-case",
    {
      schema: {
        tags,
        summary: "Create (version null) or replace a project's business case",
        params: IdParamsSchema,
        body: PutBusinessCaseSchema,
        response: { 200: BusinessCaseSchema, ...writeProblemResponses },
      },
    },
    async (req) => insight.saveBusinessCase(contextOf(req), req.params.id, req.body),
  );
  r.get(
    "/api/v1/benefits-rollup",
    {
      schema: {
        tags,
        summary: "Planned vs realized by objective, portfolio or quarter; value at risk; top deviations",
        querystring: RollupQuerySchema,
        response: { 200: RollupSchema, ...problemResponses },
      },
    },
    async (req) => insight.rollup(contextOf(req), req.query),
  );
}
