import { randomUUID } from "node:crypto";
import type { Capability } from "../../src/domain/identity/permissions.js";
import type { TestApp } from "./app.js";

/**
 * Who may call a route: a capability from src/domain/identity/permissions.ts, "authenticated"
 * (anyone signed in, whatever the role: the caller's own account) or "public" (no sign-in).
 */
export type Access = Capability | "authenticated" | "public";

/**
 * Every /api/v1 route, as the OpenAPI document names it, with the capability that guards it.
 * A route the OpenAPI document lists but this table does not fails the permissions test, so
 * each new route must be classified here.
 */
export const API_ROUTES = {
  "POST /api/v1/auth/sign-in": "public",
  "POST /api/v1/auth/sign-out": "authenticated",
  "GET /api/v1/me": "authenticated",
  "POST /api/v1/me/password": "authenticated",
  "GET /api/v1/users": "user.read",
  "POST /api/v1/users": "user.manage",
  "PATCH /api/v1/users/{id}": "user.manage",
  "GET /api/v1/tokens": "token.manage_own",
  "POST /api/v1/tokens": "token.manage_own",
  // One's own token; someone else's needs token.manage_all (a variant in permissions.test.ts).
  "DELETE /api/v1/tokens/{id}": "token.manage_own",
  "GET /api/v1/audit": "audit.read",
  "GET /api/v1/categories": "project.read",
  "POST /api/v1/categories": "reference.write",
  "GET /api/v1/resource-roles": "project.read",
  "POST /api/v1/resource-roles": "reference.write",
  "GET /api/v1/portfolios": "portfolio.read",
  "POST /api/v1/portfolios": "portfolio.write",
  "GET /api/v1/portfolios/{id}": "portfolio.read",
  "PATCH /api/v1/portfolios/{id}": "portfolio.write",
  "POST /api/v1/portfolios/{id}/archive": "portfolio.write",
  "GET /api/v1/programs": "portfolio.read",
  "POST /api/v1/programs": "portfolio.write",
  "GET /api/v1/programs/{id}": "portfolio.read",
  "PATCH /api/v1/programs/{id}": "portfolio.write",
  "POST /api/v1/programs/{id}/archive": "portfolio.write",
  "GET /api/v1/projects": "project.read",
  "POST /api/v1/projects": "project.create",
  "GET /api/v1/projects/export": "project.export",
  "POST /api/v1/projects/import": "project.import",
  "GET /api/v1/projects/{id}": "project.read",
  "PATCH /api/v1/projects/{id}": "project.update",
  "POST /api/v1/projects/{id}/archive": "project.archive",
  "GET /api/v1/projects/{id}/history": "project.read",
  "POST /api/v1/demo": "organization.manage",
  // ---------- strategy ----------
  "GET /api/v1/strategy/objectives": "strategy.read",
  "POST /api/v1/strategy/objectives": "objective.write",
  "GET /api/v1/strategy/objectives/{id}": "strategy.read",
  "PATCH /api/v1/strategy/objectives/{id}": "objective.write",
  "GET /api/v1/strategy/goals": "strategy.read",
  // "own": the caller owns the goal or manages its project (record roles owner, manager).
  "POST /api/v1/strategy/goals": "goal.write",
  "POST /api/v1/strategy/goals/assess": "strategy.read",
  "GET /api/v1/strategy/goals/{id}": "strategy.read",
  "PATCH /api/v1/strategy/goals/{id}": "goal.write",
  "GET /api/v1/strategy/goals/{id}/check-ins": "strategy.read",
  "POST /api/v1/strategy/goals/{id}/check-ins": "goal.check_in",
  // Pure calculators: no organization data, any signed-in caller.
  "POST /api/v1/strategy/ahp/evaluate": "authenticated",
  "POST /api/v1/strategy/ahp/aggregate": "authenticated",
  "POST /api/v1/finance/appraise": "authenticated",
  "GET /api/v1/strategy/criteria": "strategy.read",
  "POST /api/v1/strategy/criteria": "criteria.write",
  "PATCH /api/v1/strategy/criteria/{id}": "criteria.write",
  "GET /api/v1/strategy/prioritizations": "strategy.read",
  "POST /api/v1/strategy/prioritizations": "ahp.manage",
  "GET /api/v1/strategy/prioritizations/{id}": "strategy.read",
  // ahp.judge and being invited to the prioritization (a variant in permissions.test.ts).
  "PUT /api/v1/strategy/prioritizations/{id}/judgments": "ahp.judge",
  "POST /api/v1/strategy/prioritizations/{id}/close": "ahp.manage",
  "GET /api/v1/strategy/scoring-models": "strategy.read",
  "POST /api/v1/strategy/scoring-models": "ahp.manage",
  "GET /api/v1/strategy/ranking": "strategy.read",
  "GET /api/v1/strategy/ranking/sensitivity": "strategy.read",
  "GET /api/v1/strategy/spend": "strategy.read",
  "GET /api/v1/projects/{id}/strategy": "strategy.read",
  // "own": the caller manages the project.
  "PUT /api/v1/projects/{id}/scores": "score.write",
  "PUT /api/v1/projects/{id}/objective-links": "score.write",
  // ---------- meetings, decisions, action items ----------
  "GET /api/v1/meetings": "meeting.read",
  "POST /api/v1/meetings": "meeting.write",
  "GET /api/v1/meetings/{id}": "meeting.read",
  "PATCH /api/v1/meetings/{id}": "meeting.write",
  "GET /api/v1/meetings/{id}/minutes.md": "meeting.read",
  "GET /api/v1/meetings/{id}/invite.ics": "meeting.read",
  "POST /api/v1/meetings/{id}/agenda-items": "meeting.write",
  "PATCH /api/v1/meetings/{id}/agenda-items/{itemId}": "meeting.write",
  "DELETE /api/v1/meetings/{id}/agenda-items/{itemId}": "meeting.write",
  "GET /api/v1/decisions": "meeting.read",
  "POST /api/v1/decisions": "meeting.write",
  "GET /api/v1/decisions/{id}": "meeting.read",
  "PATCH /api/v1/decisions/{id}": "meeting.write",
  "GET /api/v1/projects/{id}/decisions": "meeting.read",
  "GET /api/v1/action-items": "meeting.read",
  "POST /api/v1/action-items": "meeting.write",
  "GET /api/v1/action-items/{id}": "meeting.read",
  // "own": the caller owns the action item, and may then change only its status (variants in permissions.test.ts).
  "PATCH /api/v1/action-items/{id}": "action.update",
  // ---------- portfolio selection ----------
  "GET /api/v1/scenarios": "selection.read",
  "POST /api/v1/scenarios": "selection.write",
  "GET /api/v1/scenarios/{id}": "selection.read",
  "PATCH /api/v1/scenarios/{id}": "selection.write",
  "DELETE /api/v1/scenarios/{id}": "selection.write",
  "POST /api/v1/scenarios/{id}/copy": "selection.write",
  "GET /api/v1/scenarios/{id}/model.lp": "selection.read",
  "POST /api/v1/scenarios/{id}/runs": "selection.write",
  "GET /api/v1/scenarios/{id}/runs": "selection.read",
  "GET /api/v1/selection-runs/{id}": "selection.read",
  "POST /api/v1/selection-runs/{id}/cancel": "selection.write",
  // Also needs meeting.write, which every role with selection.commit holds.
  "POST /api/v1/scenarios/{id}/commit": "selection.commit",
  "GET /api/v1/scenario-comparison": "selection.read",
  // ---------- benefits realization ----------
  "GET /api/v1/benefit-categories": "benefit.read",
  "POST /api/v1/benefit-categories": "benefit.manage",
  "GET /api/v1/benefits": "benefit.read",
  // "own": the caller owns the new benefit, or manages every project it names.
  "POST /api/v1/benefits": "benefit.write",
  "POST /api/v1/benefits/assess": "benefit.read",
  "GET /api/v1/benefits/{id}": "benefit.read",
  "PATCH /api/v1/benefits/{id}": "benefit.write",
  "POST /api/v1/benefits/{id}/archive": "benefit.write",
  "GET /api/v1/benefits/{id}/tracking": "benefit.read",
  "POST /api/v1/benefits/{id}/handover": "benefit.write",
  "GET /api/v1/benefits/{id}/measurements": "benefit.read",
  "POST /api/v1/benefits/{id}/measurements": "benefit.measure",
  "PATCH /api/v1/benefit-measurements/{id}": "benefit.measure",
  "DELETE /api/v1/benefit-measurements/{id}": "benefit.measure",
  // Per row: each benefit named must be the caller's to measure (a viewer is refused outright).
  "POST /api/v1/benefit-measurements/import": "benefit.measure",
  "GET /api/v1/benefits/{id}/risks": "benefit.read",
  "POST /api/v1/benefits/{id}/risks": "benefit.write",
  "PATCH /api/v1/benefit-risks/{id}": "benefit.write",
  "GET /api/v1/benefit-recommendations": "benefit.read",
  "GET /api/v1/corrective-actions": "benefit.read",
  "POST /api/v1/corrective-actions": "corrective_action.write",
  "PATCH /api/v1/corrective-actions/{id}": "corrective_action.write",
  "GET /api/v1/benefit-settings": "benefit.read",
  "PUT /api/v1/benefit-settings": "benefit.manage",
  "GET /api/v1/pirs": "benefit.read",
  "GET /api/v1/pirs/{id}": "benefit.read",
  "PATCH /api/v1/pirs/{id}": "pir.write",
  "POST /api/v1/pirs/{id}/sign-off": "pir.sign_off",
  "GET /api/v1/benefit-map": "benefit.read",
  "POST /api/v1/benefit-map/changes": "benefit.manage",
  "PATCH /api/v1/benefit-map/changes/{id}": "benefit.manage",
  "DELETE /api/v1/benefit-map/changes/{id}": "benefit.manage",
  "GET /api/v1/projects/{id}/business-case": "benefit.read",
  // "own": the caller manages the project.
  "PUT /api/v1/projects/{id}/business-case": "project.update",
  "GET /api/v1/benefits-rollup": "benefit.read",
} as const satisfies Record<string, Access>;

export type RouteKey = keyof typeof API_ROUTES;
export type HttpMethod = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

export function splitRouteKey(key: string): { method: HttpMethod; path: string } {
  const [method, path] = key.split(" ") as [HttpMethod, string];
  return { method, path };
}

/** The /api/v1 routes of the running app as "METHOD /path/{param}", read from /api/openapi.json. */
export async function openApiRoutes(t: TestApp): Promise<string[]> {
  const res = await t.call(null, "GET", "/api/openapi.json");
  if (res.statusCode !== 200) throw new Error(`/api/openapi.json: ${res.statusCode} ${res.body}`);
  const doc = res.json() as { paths: Record<string, Record<string, unknown>> };
  const methods = new Set(["get", "post", "put", "patch", "delete"]);
  const out: string[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    if (!path.startsWith("/api/v1/")) continue;
    for (const method of Object.keys(item)) if (methods.has(method)) out.push(`${method.toUpperCase()} ${path}`);
  }
  return out.sort();
}

/** A concrete URL for an OpenAPI path: every {param} becomes `id` (a random UUID by default). */
export function concretePath(path: string, id: string = randomUUID()): string {
  return path.replace(/\{[^}]+\}/g, id);
}
