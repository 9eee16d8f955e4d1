import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import {
  CAPABILITIES,
  type Capability,
  grantFor,
  isAllowed,
  type RecordRole,
  ROLES,
  type Role,
} from "../../src/domain/identity/permissions.js";
import { createTestApp, PASSWORD, type TestApp, type TestUser } from "../helpers/app.js";
import { describeEachEngine } from "../helpers/engines.js";
import { makePortfolio, makeProject, projectBody } from "../helpers/factories.js";
import { type Access, API_ROUTES, openApiRoutes, type RouteKey, splitRouteKey } from "../helpers/routes.js";

/**
 * The route × role walk: every /api/v1 route, called with a valid request by every role and by
 * an anonymous caller, answers as the capability table in src/domain/identity/permissions.ts
 * says: anonymous → 401, a role without the capability → 403, a role with it → neither.
 */

type Caller = { name: string; role: Role | null; user: TestUser | null };
type Prepared = {
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** The caller's roles on the record (manager, sponsor, team, owner), for "own" grants. */
  recordRoles?: RecordRole[];
  /** Overrides what the table alone predicts, for rules beyond it (such as being invited). */
  expected?: Expected;
  /** Statuses that count as success for an allowed caller; any 2xx when absent. */
  allowedStatuses?: number[];
  /** Runs after the call (e.g. to remember a changed password). */
  after?: (res: LightMyRequestResponse) => void;
};
type Expected = "allowed" | 401 | 403;

function expectedFor(access: Access, role: Role | null, recordRoles: RecordRole[] = []): Expected {
  if (access === "public") return "allowed";
  if (role === null) return 401;
  if (access === "authenticated") return "allowed";
  return isAllowed(role, access, recordRoles) ? "allowed" : 403;
}

function verdict(res: LightMyRequestResponse, expected: Expected, allowedStatuses?: number[]): string | undefined {
  if (expected === "allowed") {
    const ok = allowedStatuses
      ? allowedStatuses.includes(res.statusCode)
      : res.statusCode >= 200 && res.statusCode < 300;
    return ok
      ? undefined
      : `expected success${allowedStatuses ? ` (${allowedStatuses.join("/")})` : ""}, got ${res.statusCode} ${res.body.slice(0, 200)}`;
  }
  const code = expected === 401 ? "unauthenticated" : "forbidden";
  const isProblem = String(res.headers["content-type"]).startsWith("application/problem+json");
  if (res.statusCode === expected && isProblem && res.json().code === code) return undefined;
  return `expected ${expected} ${code}, got ${res.statusCode} ${res.body.slice(0, 200)}`;
}

let seq = 0;
const next = () => {
  seq += 1;
  return `${seq}-${Date.now().toString(36)}`;
};

describeEachEngine("permissions: every route × every role", (engine) => {
  let t: TestApp;
  const users = {} as Record<Role, TestUser>;
  const passwords = new Map<string, string>();
  let callers: Caller[];
  let portfolioId: string;
  let programId: string;
  let projectId: string;
  let targetUser: TestUser;
  let tokenOwner: TestUser;
  // Strategy fixtures.
  let objectiveId: string;
  let goalId: string;
  /** A top-level criterion whose children the walk creates, so the top level keeps four criteria. */
  let parentCriterionId: string;
  let scaleCriterionId: string;
  /** Every caller's user (and the bootstrap admin) is invited, so the capability alone decides. */
  let judgeSessionId: string;
  let judgeCriteria: string[];
  /** Only the bootstrap admin is invited, and has submitted: what a scoring model is published from. */
  let publishSessionId: string;
  // Meetings fixtures.
  let meetingId: string;
  let decisionId: string;
  let actionItemId: string;
  let scenarioId: string;
  let otherScenarioId: string;
  let runId: string;
  let benefitId: string;

  const ownerOf = (c: Caller) => c.user ?? t.admin;
  const issueToken = async (user: TestUser) =>
    (
      await t.services.identity.issueToken(
        {
          actor: {
            userId: user.id,
            name: "test",
            email: null,
            organizationId: t.organizationId,
            role: user.role,
            via: "system",
          },
        },
        user.id,
        { name: `walk ${next()}`, expiresInDays: null },
      )
    ).token.id;
  const freshPortfolio = async () => makePortfolio(t, t.admin, { name: `Walk portfolio ${next()}` });
  const freshProgram = async () => {
    const res = await t.call(t.admin, "POST", "/api/v1/programs", { portfolioId, name: `Walk program ${next()}` });
    if (res.statusCode !== 201) throw new Error(`program: ${res.statusCode} ${res.body}`);
    return res.json() as { id: string; version: number };
  };
  const csv = () =>
    [
      "code,name,description,portfolio,program,category,lifecycle_stage,status,sponsor_email,manager_email,planned_start,planned_end,depends_on,team_emails,opex:2027-01",
      `IMP-${next()},Imported project,From a file,${portfolioId},,grow,idea,proposed,,,2027-01-01,2027-06-30,,,1250.50`,
      "",
    ].join("\n");

  const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
  /** Calls the API as the bootstrap admin and returns the JSON, or throws. */
  const setUp = async <T = { id: string; version: number }>(
    method: "POST" | "PUT" | "PATCH",
    url: string,
    body: unknown,
    status = method === "POST" ? 201 : 200,
  ): Promise<T> => {
    const res = await t.call(t.admin, method, url, body);
    if (res.statusCode !== status) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json() as T;
  };
  const goalBody = (overrides: Record<string, unknown> = {}) => ({
    title: `Raise the net promoter score to 40 (${next()})`,
    objectiveId,
    scope: "all customers",
    metricName: "Net promoter score",
    unit: "points",
    baselineValue: 20,
    baselineDate: isoDay(-30),
    targetValue: 40,
    targetDate: isoDay(300),
    ownerId: t.admin.id,
    ...overrides,
  });
  const freshGoal = (overrides: Record<string, unknown> = {}) =>
    setUp("POST", "/api/v1/strategy/goals", goalBody(overrides));
  const freshCriterion = () =>
    setUp("POST", "/api/v1/strategy/criteria", {
      key: `walk-${next()}`,
      name: "Walk criterion",
      parentId: parentCriterionId,
    });
  const freshSession = (participantIds: string[]) =>
    setUp<{ id: string; criteria: { id: string }[] }>("POST", "/api/v1/strategy/prioritizations", {
      name: `Walk prioritization ${next()}`,
      participantIds,
    });
  /** Every pair of the criteria, consistent with weights n, n−1, …, 1 (so CR = 0). */
  const judgmentsFor = (ids: string[]) =>
    ids.flatMap((a, i) =>
      ids.slice(i + 1).map((b, k) => ({ a, b, value: (ids.length - i) / (ids.length - i - k - 1) })),
    );
  const managedProject = async (c: Caller) => makeProject(t, portfolioId, c.user ? { managerId: c.user.id } : {});
  const freshMeeting = () =>
    setUp<{ id: string; version: number; agenda: { id: string }[] }>("POST", "/api/v1/meetings", {
      title: `Walk meeting ${next()}`,
      type: "steering_committee",
      startsAt: "2027-03-04T09:00:00+01:00",
    });
  const freshAgendaItem = async () => {
    const m = await freshMeeting();
    const withItem = await setUp<{ version: number; agenda: { id: string }[] }>(
      "POST",
      `/api/v1/meetings/${m.id}/agenda-items`,
      { title: "Walk agenda item" },
    );
    return { meetingId: m.id, itemId: withItem.agenda[0]?.id, version: withItem.version };
  };
  const freshDecision = () =>
    setUp("POST", "/api/v1/decisions", { kind: "approve", title: `Walk decision ${next()}`, decidedOn: "2027-03-04" });
  const freshAction = (ownerId: string) =>
    setUp("POST", "/api/v1/action-items", { title: `Walk action ${next()}`, ownerId, dueDate: "2099-12-31" });

  const scenarioBody = () => ({
    name: `Walk scenario ${next()}`,
    portfolioId,
    firstMonth: "2027-01",
    horizonMonths: 12,
    solver: { timeLimitSeconds: 2, explain: false },
  });
  const freshScenario = () => setUp("POST", "/api/v1/scenarios", scenarioBody());
  /** Solves a scenario to the end and returns the run's id. */
  const solvedRun = async (id: string) => {
    const run = await setUp("POST", `/api/v1/scenarios/${id}/runs`, {}, 202);
    await t.services.selection.waitForRun(run.id);
    return run.id;
  };

  const walkMonth = (offset: number) => {
    const d = new Date();
    const i = d.getUTCFullYear() * 12 + d.getUTCMonth() + offset;
    return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`;
  };
  const benefitBody = (overrides: Record<string, unknown> = {}) => ({
    code: `WB-${next()}`,
    title: "Walk benefit",
    type: "quantifiable",
    category: "customer",
    kpiName: "Walks",
    unit: "walks",
    baselineValue: 100,
    baselineDate: `${walkMonth(-6)}-01`,
    targetValue: 200,
    targetDate: `${walkMonth(6)}-01`,
    ...overrides,
  });
  const freshBenefit = (ownerId: string) =>
    setUp<{ id: string; code: string; version: number }>(
      "POST",
      "/api/v1/benefits",
      benefitBody({ responsibleOwnerId: ownerId }),
    );
  const freshMeasurement = async (ownerId: string) => {
    const b = await freshBenefit(ownerId);
    return setUp("POST", `/api/v1/benefits/${b.id}/measurements`, { period: walkMonth(-1), value: 120 });
  };
  /** A closed project managed and sponsored by `userId`, with a benefit: its first review. */
  const freshReview = async (userId: string) => {
    const p = await makeProject(t, portfolioId, { managerId: userId, sponsorId: userId });
    await setUp("POST", "/api/v1/benefits", benefitBody({ projectIds: [p.id] }));
    let version = p.version;
    for (const status of ["approved", "active", "closed"])
      version = (await setUp<{ version: number }>("PATCH", `/api/v1/projects/${p.id}`, { version, status })).version;
    const list = (await t.call(t.admin, "GET", `/api/v1/pirs?projectId=${p.id}`)).json() as {
      items: { id: string; version: number }[];
    };
    return list.items[0] as { id: string; version: number };
  };

  /** A valid request per route for the caller; fresh records where the call changes state. */
  const prepare: Record<RouteKey, (c: Caller) => Promise<Prepared>> = {
    "POST /api/v1/auth/sign-in": async () => ({
      url: "/api/v1/auth/sign-in",
      body: { email: t.admin.email, password: PASSWORD },
    }),
    "POST /api/v1/auth/sign-out": async () => ({ url: "/api/v1/auth/sign-out" }),
    "GET /api/v1/me": async () => ({ url: "/api/v1/me" }),
    "POST /api/v1/me/password": async (c) => {
      const user = ownerOf(c);
      const current = passwords.get(user.id) ?? PASSWORD;
      const changed = `a new passphrase number ${next()}`;
      return {
        url: "/api/v1/me/password",
        body: { currentPassword: current, newPassword: changed },
        after: (res) => {
          if (res.statusCode === 204) passwords.set(user.id, changed);
        },
      };
    },
    "GET /api/v1/users": async () => ({ url: "/api/v1/users" }),
    "POST /api/v1/users": async () => ({
      url: "/api/v1/users",
      body: { email: `walk.${next()}@example.test`, name: "Walk user", role: "viewer", password: PASSWORD },
    }),
    "PATCH /api/v1/users/{id}": async () => {
      const list = (await t.call(t.admin, "GET", "/api/v1/users")).json().items as { id: string; version: number }[];
      const version = list.find((u) => u.id === targetUser.id)?.version;
      return { url: `/api/v1/users/${targetUser.id}`, body: { version, name: `Renamed ${next()}` } };
    },
    "GET /api/v1/tokens": async () => ({ url: "/api/v1/tokens" }),
    "POST /api/v1/tokens": async () => ({ url: "/api/v1/tokens", body: { name: `walk ${next()}` } }),
    "DELETE /api/v1/tokens/{id}": async (c) => ({ url: `/api/v1/tokens/${await issueToken(ownerOf(c))}` }),
    "GET /api/v1/audit": async () => ({ url: "/api/v1/audit" }),
    "GET /api/v1/categories": async () => ({ url: "/api/v1/categories" }),
    "POST /api/v1/categories": async () => ({
      url: "/api/v1/categories",
      body: { key: `cat-${next()}`, name: "Walk category" },
    }),
    "GET /api/v1/resource-roles": async () => ({ url: "/api/v1/resource-roles" }),
    "POST /api/v1/resource-roles": async () => ({
      url: "/api/v1/resource-roles",
      body: { key: `role-${next()}`, name: "Walk role" },
    }),
    "GET /api/v1/portfolios": async () => ({ url: "/api/v1/portfolios" }),
    "POST /api/v1/portfolios": async () => ({ url: "/api/v1/portfolios", body: { name: `Walk portfolio ${next()}` } }),
    "GET /api/v1/portfolios/{id}": async () => ({ url: `/api/v1/portfolios/${portfolioId}` }),
    "PATCH /api/v1/portfolios/{id}": async () => {
      const p = await freshPortfolio();
      return { url: `/api/v1/portfolios/${p.id}`, body: { version: p.version, name: `Renamed portfolio ${next()}` } };
    },
    "POST /api/v1/portfolios/{id}/archive": async () => {
      const p = await freshPortfolio();
      return { url: `/api/v1/portfolios/${p.id}/archive`, body: { version: p.version, archived: true } };
    },
    "GET /api/v1/programs": async () => ({ url: "/api/v1/programs" }),
    "POST /api/v1/programs": async () => ({
      url: "/api/v1/programs",
      body: { portfolioId, name: `Walk program ${next()}` },
    }),
    "GET /api/v1/programs/{id}": async () => ({ url: `/api/v1/programs/${programId}` }),
    "PATCH /api/v1/programs/{id}": async () => {
      const p = await freshProgram();
      return { url: `/api/v1/programs/${p.id}`, body: { version: p.version, name: `Renamed program ${next()}` } };
    },
    "POST /api/v1/programs/{id}/archive": async () => {
      const p = await freshProgram();
      return { url: `/api/v1/programs/${p.id}/archive`, body: { version: p.version, archived: true } };
    },
    "GET /api/v1/projects": async () => ({ url: "/api/v1/projects" }),
    "POST /api/v1/projects": async () => ({ url: "/api/v1/projects", body: projectBody(portfolioId) }),
    "GET /api/v1/projects/export": async () => ({ url: "/api/v1/projects/export?format=csv" }),
    "POST /api/v1/projects/import": async () => ({
      url: "/api/v1/projects/import?dryRun=true",
      body: csv(),
      headers: { "content-type": "text/csv" },
    }),
    "GET /api/v1/projects/{id}": async () => ({ url: `/api/v1/projects/${projectId}` }),
    "PATCH /api/v1/projects/{id}": async () => {
      // Made by an admin and managed by nobody: no caller holds a per-project role on it.
      const p = await makeProject(t, portfolioId);
      return {
        url: `/api/v1/projects/${p.id}`,
        body: { version: p.version, name: `Renamed project ${next()}` },
        recordRoles: [],
      };
    },
    "POST /api/v1/projects/{id}/archive": async () => {
      const p = await makeProject(t, portfolioId);
      return { url: `/api/v1/projects/${p.id}/archive`, body: { version: p.version, archived: true } };
    },
    "GET /api/v1/projects/{id}/history": async () => ({ url: `/api/v1/projects/${projectId}/history` }),
    // The organization holds projects, so loading the demo is refused as a conflict, after the permission check.
    "POST /api/v1/demo": async () => ({ url: "/api/v1/demo", allowedStatuses: [409] }),

    // ---------- strategy ----------
    "GET /api/v1/strategy/objectives": async () => ({ url: "/api/v1/strategy/objectives" }),
    "POST /api/v1/strategy/objectives": async () => ({
      url: "/api/v1/strategy/objectives",
      body: { code: `O-${next()}`, title: "Walk objective", horizonStart: "2027-01", horizonEnd: "2028-12" },
    }),
    "GET /api/v1/strategy/objectives/{id}": async () => ({ url: `/api/v1/strategy/objectives/${objectiveId}` }),
    "PATCH /api/v1/strategy/objectives/{id}": async () => {
      const o = await setUp("POST", "/api/v1/strategy/objectives", {
        code: `O-${next()}`,
        title: "Walk objective",
        horizonStart: "2027-01",
        horizonEnd: "2028-12",
      });
      return { url: `/api/v1/strategy/objectives/${o.id}`, body: { version: o.version, title: "Renamed objective" } };
    },
    "GET /api/v1/strategy/goals": async () => ({ url: "/api/v1/strategy/goals" }),
    // "own" on create means a goal on a project the caller manages (naming oneself owner is not enough).
    "POST /api/v1/strategy/goals": async (c) => {
      const p = await managedProject(c);
      return {
        url: "/api/v1/strategy/goals",
        body: goalBody({ level: "project", projectId: p.id, ownerId: ownerOf(c).id }),
        recordRoles: ["manager"],
      };
    },
    "POST /api/v1/strategy/goals/assess": async () => ({ url: "/api/v1/strategy/goals/assess", body: goalBody() }),
    "GET /api/v1/strategy/goals/{id}": async () => ({ url: `/api/v1/strategy/goals/${goalId}` }),
    "PATCH /api/v1/strategy/goals/{id}": async (c) => {
      const g = await freshGoal({ ownerId: ownerOf(c).id });
      return {
        url: `/api/v1/strategy/goals/${g.id}`,
        body: { version: g.version, description: "Edited by its owner" },
        recordRoles: ["owner"],
      };
    },
    "GET /api/v1/strategy/goals/{id}/check-ins": async () => ({ url: `/api/v1/strategy/goals/${goalId}/check-ins` }),
    "POST /api/v1/strategy/goals/{id}/check-ins": async (c) => {
      const g = await freshGoal({ ownerId: ownerOf(c).id });
      return {
        url: `/api/v1/strategy/goals/${g.id}/check-ins`,
        body: { date: isoDay(0), value: 25 },
        recordRoles: ["owner"],
      };
    },
    "POST /api/v1/strategy/ahp/evaluate": async () => ({
      url: "/api/v1/strategy/ahp/evaluate",
      body: {
        matrix: [
          [1, 3],
          [1 / 3, 1],
        ],
      },
    }),
    "POST /api/v1/finance/appraise": async () => ({
      url: "/api/v1/finance/appraise",
      body: { rate: 0.08, cashflows: [-40_000, 5_000, 8_000, 12_000, 30_000] },
    }),
    "POST /api/v1/strategy/ahp/aggregate": async () => ({
      url: "/api/v1/strategy/ahp/aggregate",
      body: {
        matrices: [
          [
            [1, 3],
            [1 / 3, 1],
          ],
          [
            [1, 1 / 3],
            [3, 1],
          ],
        ],
      },
    }),
    "GET /api/v1/strategy/criteria": async () => ({ url: "/api/v1/strategy/criteria" }),
    "POST /api/v1/strategy/criteria": async () => ({
      url: "/api/v1/strategy/criteria",
      body: { key: `walk-${next()}`, name: "Walk criterion", parentId: parentCriterionId },
    }),
    "PATCH /api/v1/strategy/criteria/{id}": async () => {
      const c = await freshCriterion();
      return { url: `/api/v1/strategy/criteria/${c.id}`, body: { version: c.version, name: "Renamed criterion" } };
    },
    "GET /api/v1/strategy/prioritizations": async () => ({ url: "/api/v1/strategy/prioritizations" }),
    "POST /api/v1/strategy/prioritizations": async () => ({
      url: "/api/v1/strategy/prioritizations",
      body: { name: `Walk prioritization ${next()}`, participantIds: [t.admin.id] },
    }),
    "GET /api/v1/strategy/prioritizations/{id}": async () => ({
      url: `/api/v1/strategy/prioritizations/${judgeSessionId}`,
    }),
    "PUT /api/v1/strategy/prioritizations/{id}/judgments": async () => ({
      url: `/api/v1/strategy/prioritizations/${judgeSessionId}/judgments`,
      body: { judgments: judgmentsFor(judgeCriteria), submit: true },
    }),
    "POST /api/v1/strategy/prioritizations/{id}/close": async () => {
      const s = await freshSession([t.admin.id]);
      return { url: `/api/v1/strategy/prioritizations/${s.id}/close` };
    },
    "GET /api/v1/strategy/scoring-models": async () => ({ url: "/api/v1/strategy/scoring-models" }),
    "POST /api/v1/strategy/scoring-models": async () => ({
      url: "/api/v1/strategy/scoring-models",
      body: { sessionIds: [publishSessionId], note: "Walk" },
    }),
    "GET /api/v1/strategy/ranking": async () => ({ url: "/api/v1/strategy/ranking" }),
    "GET /api/v1/strategy/ranking/sensitivity": async () => ({ url: "/api/v1/strategy/ranking/sensitivity?delta=0.2" }),
    "GET /api/v1/strategy/spend": async () => ({ url: "/api/v1/strategy/spend" }),
    "GET /api/v1/projects/{id}/strategy": async () => ({ url: `/api/v1/projects/${projectId}/strategy` }),
    // The caller manages the project: "own" for project managers.
    "PUT /api/v1/projects/{id}/scores": async (c) => {
      const p = await managedProject(c);
      return {
        url: `/api/v1/projects/${p.id}/scores`,
        body: { scores: [{ criterionId: scaleCriterionId, value: 3 }] },
        recordRoles: ["manager"],
      };
    },
    "PUT /api/v1/projects/{id}/objective-links": async (c) => {
      const p = await managedProject(c);
      return {
        url: `/api/v1/projects/${p.id}/objective-links`,
        body: { links: [{ objectiveId, strength: 2 }] },
        recordRoles: ["manager"],
      };
    },

    // ---------- meetings, decisions, action items ----------
    "GET /api/v1/meetings": async () => ({ url: "/api/v1/meetings" }),
    "POST /api/v1/meetings": async () => ({
      url: "/api/v1/meetings",
      body: { title: `Walk meeting ${next()}`, type: "steering_committee", startsAt: "2027-03-04T09:00:00+01:00" },
    }),
    "GET /api/v1/meetings/{id}": async () => ({ url: `/api/v1/meetings/${meetingId}` }),
    "PATCH /api/v1/meetings/{id}": async () => {
      const m = await freshMeeting();
      return { url: `/api/v1/meetings/${m.id}`, body: { version: m.version, title: "Renamed meeting" } };
    },
    "GET /api/v1/meetings/{id}/minutes.md": async () => ({ url: `/api/v1/meetings/${meetingId}/minutes.md` }),
    "GET /api/v1/meetings/{id}/invite.ics": async () => ({ url: `/api/v1/meetings/${meetingId}/invite.ics` }),
    "POST /api/v1/meetings/{id}/agenda-items": async () => {
      const m = await freshMeeting();
      return { url: `/api/v1/meetings/${m.id}/agenda-items`, body: { title: "Walk agenda item" } };
    },
    "PATCH /api/v1/meetings/{id}/agenda-items/{itemId}": async () => {
      const a = await freshAgendaItem();
      return {
        url: `/api/v1/meetings/${a.meetingId}/agenda-items/${a.itemId}`,
        body: { version: a.version, title: "Renamed agenda item" },
      };
    },
    "DELETE /api/v1/meetings/{id}/agenda-items/{itemId}": async () => {
      const a = await freshAgendaItem();
      return { url: `/api/v1/meetings/${a.meetingId}/agenda-items/${a.itemId}?version=${a.version}` };
    },
    "GET /api/v1/decisions": async () => ({ url: "/api/v1/decisions" }),
    "POST /api/v1/decisions": async () => ({
      url: "/api/v1/decisions",
      body: { kind: "approve", title: `Walk decision ${next()}`, decidedOn: "2027-03-04" },
    }),
    "GET /api/v1/decisions/{id}": async () => ({ url: `/api/v1/decisions/${decisionId}` }),
    "PATCH /api/v1/decisions/{id}": async () => {
      const d = await freshDecision();
      return { url: `/api/v1/decisions/${d.id}`, body: { version: d.version, title: "Renamed decision" } };
    },
    "GET /api/v1/projects/{id}/decisions": async () => ({ url: `/api/v1/projects/${projectId}/decisions` }),
    "GET /api/v1/action-items": async () => ({ url: "/api/v1/action-items" }),
    "POST /api/v1/action-items": async () => ({
      url: "/api/v1/action-items",
      body: { title: `Walk action ${next()}`, ownerId: t.admin.id, dueDate: "2099-12-31" },
    }),
    "GET /api/v1/action-items/{id}": async () => ({ url: `/api/v1/action-items/${actionItemId}` }),
    // The caller owns the action item and changes only its status: "own" for members, PMs, benefit owners.
    "PATCH /api/v1/action-items/{id}": async (c) => {
      const a = await freshAction(ownerOf(c).id);
      return {
        url: `/api/v1/action-items/${a.id}`,
        body: { version: a.version, status: "done" },
        recordRoles: ["owner"],
      };
    },
    "GET /api/v1/scenarios": async () => ({ url: "/api/v1/scenarios" }),
    "POST /api/v1/scenarios": async () => ({ url: "/api/v1/scenarios", body: scenarioBody() }),
    "GET /api/v1/scenarios/{id}": async () => ({ url: `/api/v1/scenarios/${scenarioId}` }),
    "PATCH /api/v1/scenarios/{id}": async () => {
      const s = await freshScenario();
      return { url: `/api/v1/scenarios/${s.id}`, body: { version: s.version, name: "Renamed scenario" } };
    },
    "DELETE /api/v1/scenarios/{id}": async () => {
      const s = await freshScenario();
      return { url: `/api/v1/scenarios/${s.id}?version=${s.version}` };
    },
    "POST /api/v1/scenarios/{id}/copy": async () => ({
      url: `/api/v1/scenarios/${scenarioId}/copy`,
      body: { name: `Copy ${next()}` },
    }),
    "GET /api/v1/scenarios/{id}/model.lp": async () => ({ url: `/api/v1/scenarios/${scenarioId}/model.lp` }),
    "POST /api/v1/scenarios/{id}/runs": async () => ({
      url: `/api/v1/scenarios/${otherScenarioId}/runs`,
      body: {},
    }),
    "GET /api/v1/scenarios/{id}/runs": async () => ({ url: `/api/v1/scenarios/${scenarioId}/runs` }),
    "GET /api/v1/selection-runs/{id}": async () => ({ url: `/api/v1/selection-runs/${runId}` }),
    "POST /api/v1/selection-runs/{id}/cancel": async () => ({ url: `/api/v1/selection-runs/${runId}/cancel` }),
    "POST /api/v1/scenarios/{id}/commit": async () => {
      const s = await freshScenario();
      const run = await solvedRun(s.id);
      return { url: `/api/v1/scenarios/${s.id}/commit`, body: { version: s.version, runId: run } };
    },
    "GET /api/v1/scenario-comparison": async () => ({
      url: `/api/v1/scenario-comparison?ids=${scenarioId},${otherScenarioId}`,
    }),
    "GET /api/v1/benefit-categories": async () => ({ url: "/api/v1/benefit-categories" }),
    "POST /api/v1/benefit-categories": async () => ({
      url: "/api/v1/benefit-categories",
      body: { key: `walk-${next()}`, name: "Walk category" },
    }),
    "GET /api/v1/benefits": async () => ({ url: "/api/v1/benefits" }),
    "POST /api/v1/benefits": async (c) => ({
      url: "/api/v1/benefits",
      body: benefitBody({ responsibleOwnerId: ownerOf(c).id }),
      recordRoles: ["owner"],
    }),
    "POST /api/v1/benefits/assess": async () => ({ url: "/api/v1/benefits/assess", body: { title: "Draft" } }),
    "GET /api/v1/benefits/{id}": async () => ({ url: `/api/v1/benefits/${benefitId}` }),
    "PATCH /api/v1/benefits/{id}": async (c) => {
      const b = await freshBenefit(ownerOf(c).id);
      return {
        url: `/api/v1/benefits/${b.id}`,
        body: { version: b.version, title: "Edited by its owner" },
        recordRoles: ["owner"],
      };
    },
    "POST /api/v1/benefits/{id}/archive": async (c) => {
      const b = await freshBenefit(ownerOf(c).id);
      return {
        url: `/api/v1/benefits/${b.id}/archive`,
        body: { version: b.version, archived: true },
        recordRoles: ["owner"],
      };
    },
    "GET /api/v1/benefits/{id}/tracking": async () => ({ url: `/api/v1/benefits/${benefitId}/tracking` }),
    "POST /api/v1/benefits/{id}/handover": async (c) => {
      const b = await freshBenefit(ownerOf(c).id);
      return { url: `/api/v1/benefits/${b.id}/handover`, body: { toUserId: t.admin.id }, recordRoles: ["owner"] };
    },
    "GET /api/v1/benefits/{id}/measurements": async () => ({ url: `/api/v1/benefits/${benefitId}/measurements` }),
    "POST /api/v1/benefits/{id}/measurements": async (c) => {
      const b = await freshBenefit(ownerOf(c).id);
      return {
        url: `/api/v1/benefits/${b.id}/measurements`,
        body: { period: walkMonth(-1), value: 120 },
        recordRoles: ["owner"],
      };
    },
    "PATCH /api/v1/benefit-measurements/{id}": async (c) => {
      const m = await freshMeasurement(ownerOf(c).id);
      return {
        url: `/api/v1/benefit-measurements/${m.id}`,
        body: { version: m.version, value: 121 },
        recordRoles: ["owner"],
      };
    },
    "DELETE /api/v1/benefit-measurements/{id}": async (c) => {
      const m = await freshMeasurement(ownerOf(c).id);
      return { url: `/api/v1/benefit-measurements/${m.id}?version=${m.version}`, recordRoles: ["owner"] };
    },
    "POST /api/v1/benefit-measurements/import": async (c) => {
      const b = await freshBenefit(ownerOf(c).id);
      return {
        url: "/api/v1/benefit-measurements/import?dryRun=true",
        body: `benefit,period,value\n${b.code},${walkMonth(-1)},120\n`,
        headers: { "content-type": "text/csv" },
        recordRoles: ["owner"],
      };
    },
    "GET /api/v1/benefits/{id}/risks": async () => ({ url: `/api/v1/benefits/${benefitId}/risks` }),
    "POST /api/v1/benefits/{id}/risks": async (c) => {
      const b = await freshBenefit(ownerOf(c).id);
      return {
        url: `/api/v1/benefits/${b.id}/risks`,
        body: { title: "Walk risk", probability: 0.2, impactPct: 10 },
        recordRoles: ["owner"],
      };
    },
    "PATCH /api/v1/benefit-risks/{id}": async (c) => {
      const b = await freshBenefit(ownerOf(c).id);
      const r = await setUp("POST", `/api/v1/benefits/${b.id}/risks`, {
        title: "Walk risk",
        probability: 0.2,
        impactPct: 10,
      });
      return {
        url: `/api/v1/benefit-risks/${r.id}`,
        body: { version: r.version, status: "closed" },
        recordRoles: ["owner"],
      };
    },
    "GET /api/v1/benefit-recommendations": async () => ({ url: "/api/v1/benefit-recommendations" }),
    "GET /api/v1/corrective-actions": async () => ({ url: "/api/v1/corrective-actions" }),
    "POST /api/v1/corrective-actions": async (c) => {
      const b = await freshBenefit(ownerOf(c).id);
      return {
        url: "/api/v1/corrective-actions",
        body: { benefitId: b.id, title: "Walk action", dueDate: "2099-12-31" },
        recordRoles: ["owner"],
      };
    },
    "PATCH /api/v1/corrective-actions/{id}": async (c) => {
      const b = await freshBenefit(ownerOf(c).id);
      const a = await setUp("POST", "/api/v1/corrective-actions", {
        benefitId: b.id,
        title: "Walk action",
        dueDate: "2099-12-31",
      });
      return {
        url: `/api/v1/corrective-actions/${a.id}`,
        body: { version: a.version, status: "in_progress" },
        recordRoles: ["owner"],
      };
    },
    "GET /api/v1/benefit-settings": async () => ({ url: "/api/v1/benefit-settings" }),
    "PUT /api/v1/benefit-settings": async () => ({
      url: "/api/v1/benefit-settings",
      body: { pirOffsetsMonths: [3, 6, 12] },
    }),
    "GET /api/v1/pirs": async () => ({ url: "/api/v1/pirs" }),
    "GET /api/v1/pirs/{id}": async () => ({ url: `/api/v1/pirs/${(await freshReview(t.admin.id)).id}` }),
    "PATCH /api/v1/pirs/{id}": async (c) => {
      const r = await freshReview(ownerOf(c).id);
      return {
        url: `/api/v1/pirs/${r.id}`,
        body: { version: r.version, lessons: "Walk lessons" },
        recordRoles: ["manager"],
      };
    },
    "POST /api/v1/pirs/{id}/sign-off": async (c) => {
      const r = await freshReview(ownerOf(c).id);
      const done = await setUp("PATCH", `/api/v1/pirs/${r.id}`, { version: r.version, rating: 4, complete: true });
      return { url: `/api/v1/pirs/${r.id}/sign-off`, body: { version: done.version }, recordRoles: ["sponsor"] };
    },
    "GET /api/v1/benefit-map": async () => ({ url: "/api/v1/benefit-map" }),
    "POST /api/v1/benefit-map/changes": async () => ({
      url: "/api/v1/benefit-map/changes",
      body: { label: "Walk change", benefitIds: [benefitId] },
    }),
    "PATCH /api/v1/benefit-map/changes/{id}": async () => {
      const n = await setUp("POST", "/api/v1/benefit-map/changes", { label: "Walk change" });
      return { url: `/api/v1/benefit-map/changes/${n.id}`, body: { label: "Renamed change" }, allowedStatuses: [200] };
    },
    "DELETE /api/v1/benefit-map/changes/{id}": async () => {
      const n = await setUp("POST", "/api/v1/benefit-map/changes", { label: "Walk change" });
      return { url: `/api/v1/benefit-map/changes/${n.id}` };
    },
    "GET /api/v1/projects/{id}/business-case": async () => ({ url: `/api/v1/projects/${projectId}/business-case` }),
    "PUT /api/v1/projects/{id}/business-case": async (c) => {
      const p = await managedProject(c);
      return {
        url: `/api/v1/projects/${p.id}/business-case`,
        body: {
          version: null,
          discountRate: 0.08,
          firstYear: 2027,
          flows: [{ year: 2027, costsCents: 100, benefitsCents: 0 }],
        },
        recordRoles: ["manager"],
      };
    },
    "GET /api/v1/benefits-rollup": async () => ({ url: "/api/v1/benefits-rollup" }),
  };

  beforeAll(async () => {
    t = await createTestApp(engine, { SIGN_IN_RATE_LIMIT: "1000" });
    for (const role of ROLES) users[role] = await t.makeUser(role);
    callers = [
      { name: "anonymous", role: null, user: null },
      ...ROLES.map((role) => ({ name: role, role, user: users[role] })),
    ];
    targetUser = await t.makeUser("viewer");
    tokenOwner = await t.makeUser("member");
    portfolioId = (await makePortfolio(t)).id;
    programId = (await freshProgram()).id;
    projectId = (await makeProject(t, portfolioId)).id;

    objectiveId = (
      await setUp("POST", "/api/v1/strategy/objectives", {
        code: "WALK",
        title: "Walk objective",
        horizonStart: "2027-01",
        horizonEnd: "2028-12",
      })
    ).id;
    goalId = (await freshGoal()).id;
    await setUp("POST", `/api/v1/strategy/goals/${goalId}/check-ins`, { date: isoDay(0), value: 22 });
    scaleCriterionId = (await setUp("POST", "/api/v1/strategy/criteria", { key: "value", name: "Business value" })).id;
    await setUp("POST", "/api/v1/strategy/criteria", { key: "risk", name: "Low risk" });
    await setUp("POST", "/api/v1/strategy/criteria", { key: "align", name: "Alignment", source: "alignment" });
    parentCriterionId = (await setUp("POST", "/api/v1/strategy/criteria", { key: "walk", name: "Walk parent" })).id;
    // Only roles that may judge can be invited; the others are refused by the capability anyway.
    const everyone = [t.admin.id, ...ROLES.filter((r) => isAllowed(r, "ahp.judge")).map((r) => users[r].id)];
    const judged = await freshSession(everyone);
    judgeSessionId = judged.id;
    judgeCriteria = judged.criteria.map((c) => c.id);
    expect(judgeCriteria).toHaveLength(4);
    const published = await freshSession([t.admin.id]);
    publishSessionId = published.id;
    await setUp("PUT", `/api/v1/strategy/prioritizations/${publishSessionId}/judgments`, {
      judgments: judgmentsFor(published.criteria.map((c) => c.id)),
      submit: true,
    });
    await setUp("POST", "/api/v1/strategy/scoring-models", { sessionIds: [publishSessionId] });

    const m = await freshMeeting();
    meetingId = m.id;
    await setUp("POST", `/api/v1/meetings/${m.id}/agenda-items`, {
      title: "Go/no-go",
      refType: "project",
      refId: projectId,
    });
    decisionId = (
      await setUp("POST", "/api/v1/decisions", {
        meetingId,
        kind: "approve",
        title: "Go",
        refType: "project",
        refId: projectId,
      })
    ).id;
    actionItemId = (await freshAction(users.member.id)).id;
    scenarioId = (await freshScenario()).id;
    otherScenarioId = (await freshScenario()).id;
    runId = await solvedRun(scenarioId);
    benefitId = (await freshBenefit(t.admin.id)).id;
    await setUp("PUT", `/api/v1/projects/${projectId}/business-case`, {
      version: null,
      discountRate: 0.08,
      firstYear: 2027,
      flows: [{ year: 2027, costsCents: 100, benefitsCents: 0 }],
    });
  });
  afterAll(async () => t.close());

  /** Calls the route as every caller and returns what differs from the table. */
  async function walk(method: string, access: Access, prepareFor: (c: Caller) => Promise<Prepared>): Promise<string[]> {
    const mismatches: string[] = [];
    for (const caller of callers) {
      const req = await prepareFor(caller);
      const res = await t.call(caller.user, method as "GET", req.url, req.body, req.headers);
      req.after?.(res);
      const expected = req.expected ?? expectedFor(access, caller.role, req.recordRoles);
      const problem = verdict(res, expected, req.allowedStatuses);
      if (problem) mismatches.push(`${caller.name}: ${problem}`);
    }
    return mismatches;
  }

  it("the route table classifies every /api/v1 route of the OpenAPI document, and only those", async () => {
    const documented = await openApiRoutes(t);
    expect(
      documented.filter((r) => !(r in API_ROUTES)),
      "routes to classify in test/helpers/routes.ts",
    ).toEqual([]);
    expect(
      Object.keys(API_ROUTES).filter((r) => !documented.includes(r)),
      "routes the app no longer has",
    ).toEqual([]);
    // Every capability that guards something is in the table, and the table names only real ones.
    for (const access of Object.values(API_ROUTES)) {
      if (access !== "public" && access !== "authenticated") expect(CAPABILITIES).toHaveProperty([access]);
    }
  });

  for (const key of Object.keys(API_ROUTES) as RouteKey[]) {
    const access: Access = API_ROUTES[key];
    it(`${key} (${access})`, async () => {
      const { method } = splitRouteKey(key);
      expect(await walk(method, access, prepare[key])).toEqual([]);
    });
  }

  it("GET /api/v1/tokens?all=true, everyone's tokens (token.manage_all)", async () => {
    expect(await walk("GET", "token.manage_all", async () => ({ url: "/api/v1/tokens?all=true" }))).toEqual([]);
  });

  it("DELETE /api/v1/tokens/{id} of someone else's token (token.manage_all)", async () => {
    const mismatches = await walk("DELETE", "token.manage_all", async () => ({
      url: `/api/v1/tokens/${await issueToken(tokenOwner)}`,
    }));
    expect(mismatches).toEqual([]);
  });

  /**
   * The other side of the "own" grants and rules the table alone does not hold: the same routes
   * on records that are not the caller's, through a project the caller manages, and a
   * prioritization the caller is not invited to.
   */
  const variants: { name: string; method: string; access: Access; prepare: (c: Caller) => Promise<Prepared> }[] = [
    {
      name: "POST /api/v1/strategy/goals owned by someone else, on no project",
      method: "POST",
      access: "goal.write",
      prepare: async () => ({ url: "/api/v1/strategy/goals", body: goalBody(), recordRoles: [] }),
    },
    {
      name: "POST /api/v1/strategy/goals on a project the caller manages, owned by someone else",
      method: "POST",
      access: "goal.write",
      prepare: async (c) => {
        const p = await managedProject(c);
        return {
          url: "/api/v1/strategy/goals",
          body: goalBody({ level: "project", projectId: p.id }),
          recordRoles: c.user ? ["manager"] : [],
        };
      },
    },
    {
      name: "PATCH /api/v1/strategy/goals/{id} owned by someone else, on no project",
      method: "PATCH",
      access: "goal.write",
      prepare: async () => {
        const g = await freshGoal();
        return { url: `/api/v1/strategy/goals/${g.id}`, body: { version: g.version, scope: "EU" }, recordRoles: [] };
      },
    },
    {
      name: "PATCH /api/v1/strategy/goals/{id} of a project the caller manages",
      method: "PATCH",
      access: "goal.write",
      prepare: async (c) => {
        const p = await managedProject(c);
        const g = await freshGoal({ level: "project", projectId: p.id });
        return {
          url: `/api/v1/strategy/goals/${g.id}`,
          body: { version: g.version, scope: "EU" },
          recordRoles: c.user ? ["manager"] : [],
        };
      },
    },
    {
      name: "PATCH /api/v1/strategy/goals/{id} of a project someone else manages",
      method: "PATCH",
      access: "goal.write",
      prepare: async () => {
        const p = await makeProject(t, portfolioId, { managerId: tokenOwner.id });
        const g = await freshGoal({ level: "project", projectId: p.id });
        return { url: `/api/v1/strategy/goals/${g.id}`, body: { version: g.version, scope: "EU" }, recordRoles: [] };
      },
    },
    {
      name: "POST /api/v1/strategy/goals/{id}/check-ins of a goal owned by someone else",
      method: "POST",
      access: "goal.check_in",
      prepare: async () => ({
        url: `/api/v1/strategy/goals/${(await freshGoal()).id}/check-ins`,
        body: { date: isoDay(0), value: 25 },
        recordRoles: [],
      }),
    },
    {
      name: "POST /api/v1/strategy/goals/{id}/check-ins of a goal of a project the caller manages",
      method: "POST",
      access: "goal.check_in",
      prepare: async (c) => {
        const p = await managedProject(c);
        const g = await freshGoal({ level: "project", projectId: p.id });
        return {
          url: `/api/v1/strategy/goals/${g.id}/check-ins`,
          body: { date: isoDay(0), value: 25 },
          recordRoles: c.user ? ["manager"] : [],
        };
      },
    },
    {
      name: "PUT /api/v1/projects/{id}/scores of a project nobody manages",
      method: "PUT",
      access: "score.write",
      prepare: async () => ({
        url: `/api/v1/projects/${(await makeProject(t, portfolioId)).id}/scores`,
        body: { scores: [{ criterionId: scaleCriterionId, value: 3 }] },
        recordRoles: [],
      }),
    },
    {
      name: "PUT /api/v1/projects/{id}/objective-links of a project nobody manages",
      method: "PUT",
      access: "score.write",
      prepare: async () => ({
        url: `/api/v1/projects/${(await makeProject(t, portfolioId)).id}/objective-links`,
        body: { links: [{ objectiveId, strength: 1 }] },
        recordRoles: [],
      }),
    },
    {
      name: "PATCH /api/v1/action-items/{id} owned by someone else, status only",
      method: "PATCH",
      access: "action.update",
      prepare: async () => {
        const a = await freshAction(tokenOwner.id);
        return { url: `/api/v1/action-items/${a.id}`, body: { version: a.version, status: "done" }, recordRoles: [] };
      },
    },
    {
      // An owner may change the status only; other fields need meeting.write.
      name: "PATCH /api/v1/action-items/{id} owned by the caller, changing its title (meeting.write)",
      method: "PATCH",
      access: "meeting.write",
      prepare: async (c) => {
        const a = await freshAction(ownerOf(c).id);
        return { url: `/api/v1/action-items/${a.id}`, body: { version: a.version, title: "Renamed by its owner" } };
      },
    },
    {
      // Holding ahp.judge is not enough: only invited people judge.
      name: "PUT /api/v1/strategy/prioritizations/{id}/judgments of a prioritization the caller is not invited to",
      method: "PUT",
      access: "ahp.judge",
      prepare: async (c) => {
        const s = await freshSession([t.admin.id]);
        return {
          url: `/api/v1/strategy/prioritizations/${s.id}/judgments`,
          body: { judgments: judgmentsFor(s.criteria.map((x) => x.id)), submit: false },
          expected: c.role === null ? 401 : 403,
        };
      },
    },
  ];
  for (const v of variants) {
    it(`${v.name} (${v.access})`, async () => {
      expect(await walk(v.method, v.access, v.prepare)).toEqual([]);
    });
  }

  it("project.update is 'own' for project managers: the project's manager may update it, another project manager may not", async () => {
    const manager = users.project_manager;
    const otherManager = await t.makeUser("project_manager");
    const teamMember = users.member;
    expect(grantFor("project_manager", "project.update")).toBe("own");

    const p = await makeProject(t, portfolioId, {
      managerId: manager.id,
      sponsorId: otherManager.id,
      team: [{ userId: teamMember.id }],
    });
    const seenBy = async (u: TestUser) => (await t.call(u, "GET", `/api/v1/projects/${p.id}`)).json();
    expect(await seenBy(manager)).toMatchObject({
      myRoles: ["manager"],
      permissions: { update: true, archive: false },
    });
    expect(await seenBy(otherManager)).toMatchObject({ myRoles: ["sponsor"], permissions: { update: false } });
    expect(await seenBy(teamMember)).toMatchObject({ myRoles: ["team"], permissions: { update: false } });

    for (const [who, u, recordRoles] of [
      ["another project manager (the sponsor)", otherManager, ["sponsor"]],
      ["a team member", teamMember, ["team"]],
    ] as const) {
      const res = await t.call(u, "PATCH", `/api/v1/projects/${p.id}`, { version: p.version, name: "Not mine" });
      expect(verdict(res, expectedFor("project.update", u.role, [...recordRoles])), who).toBeUndefined();
      expect(res.statusCode, who).toBe(403);
    }
    const mine = await t.call(manager, "PATCH", `/api/v1/projects/${p.id}`, { version: p.version, name: "Mine" });
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json()).toMatchObject({ name: "Mine", managerId: manager.id });
    // Managing a project gives no archive right.
    const archive = await t.call(manager, "POST", `/api/v1/projects/${p.id}/archive`, {
      version: mine.json().version,
      archived: true,
    });
    expect(archive.statusCode).toBe(403);
  });

  it("GET /api/v1/me reports each role's capabilities exactly as the permissions table grants them", async () => {
    for (const role of ROLES) {
      const me = (await t.call(users[role], "GET", "/api/v1/me")).json() as {
        role: Role;
        capabilities: Record<string, string>;
      };
      const expected = Object.fromEntries(
        (Object.keys(CAPABILITIES) as Capability[]).flatMap((cap) => {
          const g = grantFor(role, cap);
          return g ? [[cap, g]] : [];
        }),
      );
      expect({ role: me.role, capabilities: me.capabilities }).toEqual({ role, capabilities: expected });
    }
  });
});
