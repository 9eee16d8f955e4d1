import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fastifyCookie from "@fastify/cookie";
import fastifyHelmet from "@fastify/helmet";
import fastifyRateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance } from "fastify";
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import { sql } from "kysely";
import type { Config } from "./config.js";
import { auditRoutes } from "./modules/audit/audit.routes.js";
import { AuditService } from "./modules/audit/audit.service.js";
import { BenefitGovernanceService } from "./modules/benefits/benefit-governance.service.js";
import { BenefitInsightService } from "./modules/benefits/benefit-insight.service.js";
import { benefitsRoutes } from "./modules/benefits/benefits.routes.js";
import { BenefitService } from "./modules/benefits/benefits.service.js";
import { readBenefitSources, seedBenefitCategories } from "./modules/benefits/benefits.store.js";
import { financeRoutes } from "./modules/benefits/finance.routes.js";
import { demoRoutes } from "./modules/demo/demo.routes.js";
import { DemoService } from "./modules/demo/demo.service.js";
import { identityRoutes } from "./modules/identity/identity.routes.js";
import { IdentityService } from "./modules/identity/identity.service.js";
import { meetingsRoutes } from "./modules/meetings/meetings.routes.js";
import { MeetingService } from "./modules/meetings/meetings.service.js";
import { portfolioRoutes } from "./modules/portfolio/portfolio.routes.js";
import { PortfolioService } from "./modules/portfolio/portfolio.service.js";
import { seedReferenceData } from "./modules/portfolio/portfolio.store.js";
import { ProjectService } from "./modules/portfolio/project.service.js";
import { ProjectTransferService } from "./modules/portfolio/project-transfer.js";
import { selectionRoutes } from "./modules/selection/selection.routes.js";
import { SelectionService } from "./modules/selection/selection.service.js";
import { GoalService } from "./modules/strategy/goals.service.js";
import { ObjectiveService } from "./modules/strategy/objectives.service.js";
import { PrioritizationService } from "./modules/strategy/prioritization.service.js";
import { strategyRoutes } from "./modules/strategy/strategy.routes.js";
import { type Clock, systemClock } from "./platform/clock.js";
import { type DatabaseHandle, type Db, pingDatabase } from "./platform/db/database.js";
import { AppError } from "./platform/errors.js";
import { registerAuth } from "./platform/http/auth.js";
import { problemOf, sendProblem } from "./platform/http/problem.js";

export const VERSION = "0.1.0";
const WEB_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../dist/web");

/** Composition root: database → stores → services. Used by the server, the CLI and tests alike. */
export function buildServices(handle: DatabaseHandle, clock: Clock = systemClock, sessionTtlHours = 12) {
  const { db, engine } = handle;
  const audit = new AuditService(db, clock);
  const portfolios = new PortfolioService(db, clock, audit);
  const identity = new IdentityService(db, clock, audit, {
    sessionTtlHours,
    seedOrganization: async (trx, organizationId) => {
      await seedReferenceData(trx, organizationId);
      await seedBenefitCategories(trx, organizationId);
    },
    organizationStats: (trx, organizationId) => portfolios.organizationStats(trx, organizationId),
    lockBootstrap: async (trx) => {
      // SQLite serializes writers on the file; PostgreSQL needs an explicit lock.
      if (engine === "postgres") await sql`select pg_advisory_xact_lock(724001)`.execute(trx);
    },
  });
  const projects = new ProjectService(db, engine, clock, audit);
  const transfer = new ProjectTransferService(db, projects);
  const demo = new DemoService(db, clock, { identity, portfolios, projects, audit });
  const meetings = new MeetingService(db, clock, audit);
  const objectives = new ObjectiveService(db, clock, audit);
  const goals = new GoalService(db, clock, audit, readBenefitSources);
  const benefits = new BenefitService(db, clock, audit);
  const benefitGovernance = new BenefitGovernanceService(db, clock, audit, benefits);
  const benefitInsight = new BenefitInsightService(db, clock, audit, benefits);
  const npvByProject = (trx: Db, org: string) => benefitInsight.npvByProject(trx, org);
  const prioritization = new PrioritizationService(db, clock, audit, npvByProject);
  const selection = new SelectionService(db, engine, clock, audit, npvByProject);
  return {
    audit,
    identity,
    portfolios,
    projects,
    transfer,
    demo,
    meetings,
    objectives,
    goals,
    prioritization,
    selection,
    benefits,
    benefitGovernance,
    benefitInsight,
  };
}
export type Services = ReturnType<typeof buildServices>;

export type AppOptions = { config: Config; database: DatabaseHandle; clock?: Clock; logger?: boolean | object };

/** Builds the HTTP app: security headers, API docs, error mapping, auth, module routes, the SPA. */
export async function buildApp(options: AppOptions): Promise<{ app: FastifyInstance; services: Services }> {
  const { config, database } = options;
  const services = buildServices(database, options.clock, config.sessionTtlHours);
  const app = Fastify({
    logger: options.logger ?? { level: config.logLevel },
    bodyLimit: config.bodyLimit,
    // Fastify accepts a hop count at run time although its types omit number.
    trustProxy: config.trustProxy as boolean | string,
    requestIdHeader: "x-request-id",
    genReqId: () => crypto.randomUUID(),
    ajv: undefined,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  app.addContentTypeParser(
    ["text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/octet-stream"],
    { parseAs: "buffer", bodyLimit: config.importBodyLimit },
    (_req, body, done) => done(null, body),
  );

  app.setErrorHandler(async (error, request, reply) => {
    const problem = problemOf(error, request);
    if (problem.status >= 500) request.log.error({ err: error }, "unhandled error");
    else if (!(error instanceof AppError))
      request.log.info({ err: { message: (error as Error).message } }, "client error");
    return sendProblem(reply, problem);
  });
  app.addHook("onSend", async (request, reply, payload) => {
    reply.header("x-request-id", request.id);
    return payload;
  });

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", "data:"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
      },
    },
  });
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_req, ctx) =>
      new AppError("rate_limited", `Too many attempts; try again in ${Math.ceil(ctx.ttl / 1000)} seconds`),
  });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Throughline API",
        version: VERSION,
        description:
          "The API of Throughline, a platform for a business-driven PMO. Authenticate with `Authorization: Bearer <token>` (create one under API tokens) or the session cookie plus `X-CSRF-Token` for writes. Errors are RFC 9457 problem+json.",
      },
      components: {
        securitySchemes: {
          bearer: { type: "http", scheme: "bearer", description: "Personal API token (tl_…)" },
          session: { type: "apiKey", in: "cookie", name: "tl_session" },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: "/api/docs", staticCSP: true });
  app.get("/api/openapi.json", { config: { public: true }, schema: { hide: true } }, async () => app.swagger());

  registerAuth(app, services.identity);
  rejectNulCharacters(app);

  app.get("/healthz", { config: { public: true }, schema: { hide: true } }, async () => ({
    status: "ok",
    version: VERSION,
  }));
  app.get("/readyz", { config: { public: true }, schema: { hide: true } }, async (_req, reply) => {
    try {
      await pingDatabase(database.db);
      return { status: "ready", engine: database.engine };
    } catch {
      return reply.status(503).send({ status: "unavailable", engine: database.engine });
    }
  });

  identityRoutes(app, services.identity, config);
  auditRoutes(app, services.audit);
  portfolioRoutes(app, services, config);
  meetingsRoutes(app, services.meetings);
  strategyRoutes(app, services);
  financeRoutes(app);
  benefitsRoutes(app, services);
  selectionRoutes(app, services.selection);
  demoRoutes(app, services.demo);
  // Running solves stop (keeping what they found) before the database closes.
  app.addHook("onClose", async () => services.selection.shutdown());

  await registerWeb(app);
  return { app, services };
}

/**
 * Text may not contain NUL (U+0000): PostgreSQL cannot store it in text columns, and no user means
 * it. Refused for every route, with the field's path, before validation.
 */
function rejectNulCharacters(app: FastifyInstance): void {
  const find = (value: unknown, path: string): string | undefined => {
    if (typeof value === "string") return value.includes("\u0000") ? path : undefined;
    if (Array.isArray(value)) {
      for (const [i, v] of value.entries()) {
        const hit = find(v, path ? `${path}.${i}` : String(i));
        if (hit !== undefined) return hit;
      }
    } else if (value && typeof value === "object" && !Buffer.isBuffer(value)) {
      for (const [k, v] of Object.entries(value)) {
        if (k.includes("\u0000")) return path ? `${path}.${k}` : k;
        const hit = find(v, path ? `${path}.${k}` : k);
        if (hit !== undefined) return hit;
      }
    }
    return undefined;
  };
  app.addHook("preValidation", async (request) => {
    const inQuery = find(request.query, "query");
    const inParams = find(request.params, "params");
    const inBody = find(request.body, "");
    const path = inQuery ?? inParams ?? inBody;
    if (path !== undefined) {
      throw new AppError("validation", `${path || "(body)"}: must not contain NUL characters`, {
        fields: [{ path: path || "(body)", message: "must not contain NUL characters" }],
      });
    }
  });
}

/** Serves the built SPA from dist/web; unknown non-API paths get index.html so client routes work on reload. */
async function registerWeb(app: FastifyInstance): Promise<void> {
  const hasWeb = fs.existsSync(path.join(WEB_ROOT, "index.html"));
  if (hasWeb) {
    // wildcard: files are looked up per request, so a rebuilt web app is served without a restart.
    await app.register(fastifyStatic, { root: WEB_ROOT, prefix: "/", wildcard: true, index: ["index.html"] });
  }
  app.setNotFoundHandler(async (request, reply) => {
    const isApi = request.url.startsWith("/api/") || request.url === "/api";
    if (!isApi && request.method === "GET" && hasWeb) {
      return reply.type("text/html; charset=utf-8").sendFile("index.html");
    }
    if (!isApi && request.method === "GET" && !hasWeb) {
      return reply
        .type("text/plain; charset=utf-8")
        .status(503)
        .send("The web app is not built. Run `npm run build` (npm start does it for you).");
    }
    return sendProblem(reply, {
      type: "https://throughline.dev/problems/not_found",
      title: "Not found",
      status: 404,
      detail: `No route ${request.method} ${request.url.split("?")[0]}`,
      instance: request.url,
      code: "not_found",
      requestId: String(request.id),
    });
  });
}
