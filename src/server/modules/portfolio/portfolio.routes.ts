import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Config } from "../../config.js";
import { AppError } from "../../platform/errors.js";
import { contextOf } from "../../platform/http/auth.js";
import { ProblemSchema, problemResponses, writeProblemResponses } from "../../platform/http/schemas.js";
import { AuditPageSchema } from "../audit/audit.schema.js";
import {
  ArchiveSchema,
  CategorySchema,
  CreateCategorySchema,
  CreatePortfolioSchema,
  CreateProgramSchema,
  CreateProjectSchema,
  CreateResourceRoleSchema,
  ExportQuerySchema,
  IdParamsSchema,
  ImportQuerySchema,
  ImportReportSchema,
  ListProgramsQuerySchema,
  ListProjectsQuerySchema,
  ListQuerySchema,
  PortfolioPageSchema,
  PortfolioSchema,
  ProgramPageSchema,
  ProgramSchema,
  ProjectPageSchema,
  ProjectSchema,
  ResourceRoleSchema,
  UpdatePortfolioSchema,
  UpdateProgramSchema,
  UpdateProjectSchema,
} from "./portfolio.schema.js";
import type { PortfolioService } from "./portfolio.service.js";
import type { ProjectService } from "./project.service.js";
import { type ImportFormat, type ProjectTransferService, XLSX_MIME } from "./project-transfer.js";

/** Accepts `If-Match: "N"` (or N) as the expected version when the body does not name one. */
function versionFromIfMatch(header: string | undefined): number | undefined {
  if (!header) return undefined;
  const m = /^(?:W\/)?"?(\d+)"?$/.exec(header.trim());
  return m ? Number(m[1]) : undefined;
}

export function portfolioRoutes(
  app: FastifyInstance,
  services: { portfolios: PortfolioService; projects: ProjectService; transfer: ProjectTransferService },
  config: Config,
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { portfolios, projects, transfer } = services;

  // If-Match fills in `version` for PATCH bodies that leave it out.
  app.addHook("preValidation", async (req) => {
    if (req.method !== "PATCH" || !req.url.startsWith("/api/v1/")) return;
    const body = req.body as Record<string, unknown> | undefined;
    const v = versionFromIfMatch(req.headers["if-match"]);
    if (v !== undefined && body && typeof body === "object" && !Array.isArray(body) && body.version === undefined) {
      body.version = v;
    }
  });

  // ---------- reference data ----------
  r.get(
    "/api/v1/categories",
    {
      schema: {
        tags: ["reference"],
        summary: "Project categories (investment types)",
        response: { 200: z.object({ items: z.array(CategorySchema) }), ...problemResponses },
      },
    },
    async (req) => ({ items: await portfolios.listCategories(contextOf(req)) }),
  );
  r.post(
    "/api/v1/categories",
    {
      schema: {
        tags: ["reference"],
        summary: "Add a project category",
        body: CreateCategorySchema,
        response: { 201: CategorySchema, ...writeProblemResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await portfolios.createCategory(contextOf(req), req.body)),
  );
  r.get(
    "/api/v1/resource-roles",
    {
      schema: {
        tags: ["reference"],
        summary: "Resource roles that demand and capacity are counted in",
        response: { 200: z.object({ items: z.array(ResourceRoleSchema) }), ...problemResponses },
      },
    },
    async (req) => ({ items: await portfolios.listResourceRoles(contextOf(req)) }),
  );
  r.post(
    "/api/v1/resource-roles",
    {
      schema: {
        tags: ["reference"],
        summary: "Add a resource role",
        body: CreateResourceRoleSchema,
        response: { 201: ResourceRoleSchema, ...writeProblemResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await portfolios.createResourceRole(contextOf(req), req.body)),
  );

  // ---------- portfolios ----------
  r.get(
    "/api/v1/portfolios",
    {
      schema: {
        tags: ["portfolios"],
        summary: "List portfolios",
        querystring: ListQuerySchema,
        response: { 200: PortfolioPageSchema, ...problemResponses },
      },
    },
    async (req) => portfolios.listPortfolios(contextOf(req), req.query),
  );
  r.post(
    "/api/v1/portfolios",
    {
      schema: {
        tags: ["portfolios"],
        summary: "Create a portfolio",
        body: CreatePortfolioSchema,
        response: { 201: PortfolioSchema, ...writeProblemResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await portfolios.createPortfolio(contextOf(req), req.body)),
  );
  r.get(
    "/api/v1/portfolios/:id",
    {
      schema: {
        tags: ["portfolios"],
        summary: "One portfolio",
        params: IdParamsSchema,
        response: { 200: PortfolioSchema, ...problemResponses },
      },
    },
    async (req) => portfolios.getPortfolio(contextOf(req), req.params.id),
  );
  r.patch(
    "/api/v1/portfolios/:id",
    {
      schema: {
        tags: ["portfolios"],
        summary: "Edit a portfolio (send the version you read)",
        params: IdParamsSchema,
        body: UpdatePortfolioSchema,
        response: { 200: PortfolioSchema, ...writeProblemResponses },
      },
    },
    async (req) => portfolios.updatePortfolio(contextOf(req), req.params.id, req.body),
  );
  r.post(
    "/api/v1/portfolios/:id/archive",
    {
      schema: {
        tags: ["portfolios"],
        summary: "Archive or restore a portfolio",
        params: IdParamsSchema,
        body: ArchiveSchema,
        response: { 200: PortfolioSchema, ...writeProblemResponses },
      },
    },
    async (req) => portfolios.archivePortfolio(contextOf(req), req.params.id, req.body),
  );

  // ---------- programs ----------
  r.get(
    "/api/v1/programs",
    {
      schema: {
        tags: ["programs"],
        summary: "List programs",
        querystring: ListProgramsQuerySchema,
        response: { 200: ProgramPageSchema, ...problemResponses },
      },
    },
    async (req) => portfolios.listPrograms(contextOf(req), req.query),
  );
  r.post(
    "/api/v1/programs",
    {
      schema: {
        tags: ["programs"],
        summary: "Create a program in a portfolio",
        body: CreateProgramSchema,
        response: { 201: ProgramSchema, ...writeProblemResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await portfolios.createProgram(contextOf(req), req.body)),
  );
  r.get(
    "/api/v1/programs/:id",
    {
      schema: {
        tags: ["programs"],
        summary: "One program",
        params: IdParamsSchema,
        response: { 200: ProgramSchema, ...problemResponses },
      },
    },
    async (req) => portfolios.getProgram(contextOf(req), req.params.id),
  );
  r.patch(
    "/api/v1/programs/:id",
    {
      schema: {
        tags: ["programs"],
        summary: "Edit a program",
        params: IdParamsSchema,
        body: UpdateProgramSchema,
        response: { 200: ProgramSchema, ...writeProblemResponses },
      },
    },
    async (req) => portfolios.updateProgram(contextOf(req), req.params.id, req.body),
  );
  r.post(
    "/api/v1/programs/:id/archive",
    {
      schema: {
        tags: ["programs"],
        summary: "Archive or restore a program",
        params: IdParamsSchema,
        body: ArchiveSchema,
        response: { 200: ProgramSchema, ...writeProblemResponses },
      },
    },
    async (req) => portfolios.archiveProgram(contextOf(req), req.params.id, req.body),
  );

  // ---------- projects ----------
  r.get(
    "/api/v1/projects",
    {
      schema: {
        tags: ["projects"],
        summary: "List projects with filters, full-text search (q), sort and cursor pagination",
        querystring: ListProjectsQuerySchema,
        response: { 200: ProjectPageSchema, ...problemResponses },
      },
    },
    async (req) => projects.list(contextOf(req), req.query),
  );
  r.post(
    "/api/v1/projects",
    {
      schema: {
        tags: ["projects"],
        summary: "Create a project",
        body: CreateProjectSchema,
        response: { 201: ProjectSchema, ...writeProblemResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await projects.create(contextOf(req), req.body)),
  );
  r.get(
    "/api/v1/projects/export",
    {
      schema: {
        tags: ["projects"],
        summary: "Export projects (same filters as the list) as CSV or XLSX; the file imports back",
        querystring: ExportQuerySchema,
        response: { 200: z.any().describe("text/csv or XLSX file"), ...problemResponses },
      },
    },
    async (req, reply) => {
      const file = await transfer.exportProjects(contextOf(req), req.query);
      return reply
        .header("content-type", file.contentType)
        .header("content-disposition", `attachment; filename="${file.filename}"`)
        .send(file.body);
    },
  );
  r.post(
    "/api/v1/projects/import",
    {
      bodyLimit: config.importBodyLimit,
      schema: {
        tags: ["projects"],
        summary:
          "Import projects from a CSV (text/csv) or XLSX body. dryRun=true reports every bad row; a real import is all-or-nothing.",
        querystring: ImportQuerySchema,
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
        .split(";")[0]
        ?.trim()
        .toLowerCase();
      const format: ImportFormat | undefined =
        req.query.format ?? (ctype === "text/csv" ? "csv" : ctype === XLSX_MIME ? "xlsx" : undefined);
      if (!format || !Buffer.isBuffer(req.body)) {
        throw new AppError("unsupported_media_type", `Send the file as text/csv or ${XLSX_MIME}`);
      }
      const report = await transfer.importProjects(contextOf(req), {
        data: req.body,
        format,
        dryRun: req.query.dryRun,
      });
      return reply.status(report.dryRun ? 200 : 201).send(report);
    },
  );
  r.get(
    "/api/v1/projects/:id",
    {
      schema: {
        tags: ["projects"],
        summary: "One project with its budget, demand, dependencies and team",
        params: IdParamsSchema,
        response: { 200: ProjectSchema, ...problemResponses },
      },
    },
    async (req) => projects.get(contextOf(req), req.params.id),
  );
  r.patch(
    "/api/v1/projects/:id",
    {
      schema: {
        tags: ["projects"],
        summary:
          "Edit a project. Name the version you read (body `version` or If-Match); a stale version is a 409 carrying the current record. Arrays given replace the whole list.",
        params: IdParamsSchema,
        body: UpdateProjectSchema,
        response: { 200: ProjectSchema, ...writeProblemResponses },
      },
    },
    async (req) => projects.update(contextOf(req), req.params.id, req.body),
  );
  r.post(
    "/api/v1/projects/:id/archive",
    {
      schema: {
        tags: ["projects"],
        summary: "Archive or restore a project",
        params: IdParamsSchema,
        body: ArchiveSchema,
        response: { 200: ProjectSchema, ...writeProblemResponses },
      },
    },
    async (req) => projects.archive(contextOf(req), req.params.id, req.body),
  );
  r.get(
    "/api/v1/projects/:id/history",
    {
      schema: {
        tags: ["projects"],
        summary: "The project's audit history, newest first",
        params: IdParamsSchema,
        querystring: z.strictObject({
          limit: z.coerce.number().int().min(1).max(500).default(50),
          cursor: z.string().max(200).optional(),
        }),
        response: { 200: AuditPageSchema, ...problemResponses },
      },
    },
    async (req) => projects.history(contextOf(req), req.params.id, req.query),
  );
}
