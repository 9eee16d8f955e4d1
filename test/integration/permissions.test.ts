import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import {
  CAPABILITIES,
  type Capability,
  grantFor,
  isAllowed,
  type ProjectRole,
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
  /** The caller's per-project roles on the record, for "own" grants. */
  projectRoles?: ProjectRole[];
  /** Statuses that count as success for an allowed caller; any 2xx when absent. */
  allowedStatuses?: number[];
  /** Runs after the call (e.g. to remember a changed password). */
  after?: (res: LightMyRequestResponse) => void;
};
type Expected = "allowed" | 401 | 403;

function expectedFor(access: Access, role: Role | null, projectRoles: ProjectRole[] = []): Expected {
  if (access === "public") return "allowed";
  if (role === null) return 401;
  if (access === "authenticated") return "allowed";
  return isAllowed(role, access, projectRoles) ? "allowed" : 403;
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
        projectRoles: [],
      };
    },
    "POST /api/v1/projects/{id}/archive": async () => {
      const p = await makeProject(t, portfolioId);
      return { url: `/api/v1/projects/${p.id}/archive`, body: { version: p.version, archived: true } };
    },
    "GET /api/v1/projects/{id}/history": async () => ({ url: `/api/v1/projects/${projectId}/history` }),
    // The organization holds projects, so loading the demo is refused as a conflict, after the permission check.
    "POST /api/v1/demo": async () => ({ url: "/api/v1/demo", allowedStatuses: [409] }),
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
  });
  afterAll(async () => t.close());

  /** Calls the route as every caller and returns what differs from the table. */
  async function walk(method: string, access: Access, prepareFor: (c: Caller) => Promise<Prepared>): Promise<string[]> {
    const mismatches: string[] = [];
    for (const caller of callers) {
      const req = await prepareFor(caller);
      const res = await t.call(caller.user, method as "GET", req.url, req.body, req.headers);
      req.after?.(res);
      const problem = verdict(res, expectedFor(access, caller.role, req.projectRoles), req.allowedStatuses);
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

    for (const [who, u, projectRoles] of [
      ["another project manager (the sponsor)", otherManager, ["sponsor"]],
      ["a team member", teamMember, ["team"]],
    ] as const) {
      const res = await t.call(u, "PATCH", `/api/v1/projects/${p.id}`, { version: p.version, name: "Not mine" });
      expect(verdict(res, expectedFor("project.update", u.role, [...projectRoles])), who).toBeUndefined();
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
