import type { FastifyInstance, FastifyRequest } from "fastify";
import type { IdentityService } from "../../modules/identity/identity.service.js";
import type { RequestContext } from "../context.js";
import { AppError } from "../errors.js";

export const SESSION_COOKIE = "tl_session";
export const CSRF_HEADER = "x-csrf-token";

declare module "fastify" {
  interface FastifyRequest {
    /** Set by the auth hook on every authenticated route. */
    ctx?: RequestContext;
    /** The session's CSRF token when authenticated by cookie. */
    csrfToken?: string | null;
  }
  interface FastifyContextConfig {
    /** Routes anyone may call without signing in (health, sign-in, docs). */
    public?: boolean;
  }
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Authenticates every /api/v1 route not marked public: bearer token first, then the session
 * cookie. Cookie-authenticated writes must echo the session's CSRF token in X-CSRF-Token
 * (synchronizer token pattern, OWASP CSRF Prevention Cheat Sheet); bearer calls need none.
 */
export function registerAuth(app: FastifyInstance, identity: IdentityService): void {
  app.addHook("onRequest", async (request) => {
    if (!request.url.startsWith("/api/v1/") || request.routeOptions.config?.public) return;
    const header = request.headers.authorization;
    if (header) {
      const m = /^Bearer\s+(\S+)$/i.exec(header);
      const actor = m ? await identity.resolveApiToken(m[1] as string) : undefined;
      if (!actor) throw new AppError("unauthenticated", "The API token is invalid, expired or revoked");
      request.ctx = { actor, requestId: String(request.id) };
      request.csrfToken = null;
      return;
    }
    const cookie = request.cookies[SESSION_COOKIE];
    const session = cookie ? await identity.resolveSession(cookie) : undefined;
    if (!session) throw new AppError("unauthenticated", "Sign in first");
    if (!SAFE_METHODS.has(request.method) && request.headers[CSRF_HEADER] !== session.csrfToken) {
      throw new AppError("forbidden", "Missing or wrong CSRF token: send the X-CSRF-Token header from /api/v1/me");
    }
    request.ctx = { actor: session.actor, requestId: String(request.id) };
    request.csrfToken = session.csrfToken;
  });
}

/** The caller's context; routes behind the auth hook always have one. */
export function contextOf(request: FastifyRequest): RequestContext {
  if (!request.ctx) throw new AppError("unauthenticated", "Sign in first");
  return request.ctx;
}
