import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Config } from "../../config.js";
import { CSRF_HEADER, contextOf, SESSION_COOKIE } from "../../platform/http/auth.js";
import { ProblemSchema, problemResponses, writeProblemResponses } from "../../platform/http/schemas.js";
import {
  ApiTokenSchema,
  ChangePasswordSchema,
  CreatedTokenSchema,
  CreatedUserSchema,
  CreateTokenSchema,
  CreateUserSchema,
  MeSchema,
  SignInSchema,
  UpdateUserSchema,
  UserSchema,
} from "./identity.schema.js";
import type { IdentityService } from "./identity.service.js";

const IdParams = z.object({ id: z.uuid({ message: "must be a valid id (UUID)" }) });

export function identityRoutes(app: FastifyInstance, identity: IdentityService, config: Config): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    "/api/v1/auth/sign-in",
    {
      config: {
        public: true,
        rateLimit: {
          // After parsing, so the key can include the email: one address guessing at many
          // accounts, or many addresses at one account, are both limited.
          hook: "preValidation",
          max: config.signInRateLimit,
          timeWindow: "1 minute",
          keyGenerator: (req) =>
            `${req.ip}|${String((req.body as { email?: unknown } | undefined)?.email ?? "").toLowerCase()}`,
        },
      },
      schema: {
        tags: ["auth"],
        summary: "Sign in with email and password; sets an HttpOnly session cookie",
        security: [],
        body: SignInSchema,
        response: { 200: MeSchema, 400: ProblemSchema, 401: ProblemSchema, 429: ProblemSchema },
      },
    },
    async (req, reply) => {
      const issued = await identity.signIn(req.body.email, req.body.password, {
        ip: req.ip,
        userAgent: req.headers["user-agent"],
        organizationId: req.body.organizationId,
      });
      reply.setCookie(SESSION_COOKIE, issued.token, {
        path: "/",
        httpOnly: true,
        sameSite: "lax",
        secure: config.cookieSecure,
        expires: new Date(issued.expiresAt),
      });
      return issued.me;
    },
  );

  r.post(
    "/api/v1/auth/sign-out",
    { schema: { tags: ["auth"], summary: "End this session", response: { 204: z.null(), ...problemResponses } } },
    async (req, reply) => {
      await identity.signOut(contextOf(req));
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return reply.status(204).send(null);
    },
  );

  r.get(
    "/api/v1/me",
    {
      schema: {
        tags: ["auth"],
        summary: `The caller, their organization, role and capabilities. Cookie callers get the CSRF token to send as ${CSRF_HEADER}.`,
        response: { 200: MeSchema, ...problemResponses },
      },
    },
    async (req) => identity.me(contextOf(req), req.csrfToken ?? null),
  );

  r.post(
    "/api/v1/me/password",
    {
      schema: {
        tags: ["auth"],
        summary: "Change one's own password (signs out other sessions)",
        body: ChangePasswordSchema,
        response: { 204: z.null(), ...writeProblemResponses },
      },
    },
    async (req, reply) => {
      await identity.changePassword(contextOf(req), req.body);
      return reply.status(204).send(null);
    },
  );

  r.get(
    "/api/v1/users",
    {
      schema: {
        tags: ["users"],
        summary: "People in the organization",
        response: { 200: z.object({ items: z.array(UserSchema) }), ...problemResponses },
      },
    },
    async (req) => ({ items: await identity.listUsers(contextOf(req)) }),
  );

  r.post(
    "/api/v1/users",
    {
      schema: {
        tags: ["users"],
        summary:
          "Create a user (or add an existing account) with a role; without a password one is generated and shown once",
        body: CreateUserSchema,
        response: { 201: CreatedUserSchema, ...writeProblemResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await identity.createUser(contextOf(req), req.body)),
  );

  r.patch(
    "/api/v1/users/:id",
    {
      schema: {
        tags: ["users"],
        summary: "Rename, change role, disable or enable a user",
        params: IdParams,
        body: UpdateUserSchema,
        response: { 200: UserSchema, ...writeProblemResponses },
      },
    },
    async (req) => identity.updateUser(contextOf(req), req.params.id, req.body),
  );

  r.get(
    "/api/v1/tokens",
    {
      schema: {
        tags: ["tokens"],
        summary: "Personal API tokens (own; all=true lists everyone's, admins only)",
        querystring: z.strictObject({ all: z.enum(["true", "false"]).default("false") }),
        response: { 200: z.object({ items: z.array(ApiTokenSchema) }), ...problemResponses },
      },
    },
    async (req) => ({ items: await identity.listTokens(contextOf(req), req.query.all === "true") }),
  );

  r.post(
    "/api/v1/tokens",
    {
      schema: {
        tags: ["tokens"],
        summary: "Create a personal API token; the secret is in this response only",
        body: CreateTokenSchema,
        response: { 201: CreatedTokenSchema, ...writeProblemResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await identity.createToken(contextOf(req), req.body)),
  );

  r.delete(
    "/api/v1/tokens/:id",
    {
      schema: {
        tags: ["tokens"],
        summary: "Revoke a token",
        params: IdParams,
        response: { 204: z.null(), ...writeProblemResponses },
      },
    },
    async (req, reply) => {
      await identity.revokeToken(contextOf(req), req.params.id);
      return reply.status(204).send(null);
    },
  );
}
