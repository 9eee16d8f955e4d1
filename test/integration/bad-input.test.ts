import fc from "fast-check";
import type { LightMyRequestResponse } from "fastify";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { describeEachEngine } from "../helpers/engines.js";
import { makePortfolio, makeProject, projectBody } from "../helpers/factories.js";

type Problem = { status: number; detail: string; code: string; errors?: { path: string; message: string }[] };
type Method = "POST" | "PATCH";

const UNKNOWN_ID = "0190a000-0000-7000-8000-00000000dead";
const ONE_MIB = 1024 * 1024;

/** Strings that have broken SQL builders, search parsers, JSON encoders and databases before. */
const NASTY_STRINGS = [
  "'; drop table projects; --",
  "Robert'); DROP TABLE users;--",
  '" OR "1"="1',
  "' OR 1=1 --",
  "`backtick` $dollar$ $$",
  "NEAR( a b",
  "a:* & !b | (c",
  "%_\\%",
  "<script>alert(1)</script>",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a log4j-style lookup string, on purpose
  "${jndi:ldap://example.test/a}",
  "line one\nline two\r\nline three\ttab",
  "ünïcödé 日本語 🙂👩🏽‍💻",
  "nul\u0000byte",
  "\u0000",
  "bell\u0007 and escape\u001b[31m",
];

function expectProblem(res: LightMyRequestResponse, status: number, path?: string): Problem {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
  const body = res.json() as Problem;
  expect(body.status).toBe(status);
  expect(body.detail).toEqual(expect.any(String));
  expect(body.detail.length).toBeGreaterThan(0);
  if (path !== undefined) expect((body.errors ?? []).map((e) => e.path)).toContain(path);
  return body;
}

/** Every path (list of keys) to a node of a JSON value, parents before children. */
function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => [[...prefix, i], ...pathsOf(v, [...prefix, i])]);
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([k, v]) => [[...prefix, k], ...pathsOf(v, [...prefix, k])]);
  }
  return [];
}

function setAt(root: unknown, path: (string | number)[], value: unknown, remove = false): void {
  let node = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  if (remove) {
    if (Array.isArray(node)) node.splice(Number(last), 1);
    else delete node[last];
  } else node[last] = value;
}

type Mutation =
  | { kind: "raw"; body: unknown }
  | { kind: "replace"; at: number; value: unknown }
  | { kind: "extra"; key: string; value: unknown }
  | { kind: "remove"; at: number };

function applyMutation(valid: Record<string, unknown>, m: Mutation): unknown {
  if (m.kind === "raw") return m.body;
  const body = structuredClone(valid);
  const paths = pathsOf(body);
  if (m.kind === "extra") {
    (body as Record<string, unknown>)[m.key] = m.value;
    return body;
  }
  if (paths.length === 0) return body;
  const path = paths[m.at % paths.length] as (string | number)[];
  setAt(body, path, m.kind === "replace" ? m.value : undefined, m.kind === "remove");
  return body;
}

const outOfRange = fc.constantFrom(
  -1,
  -0.5,
  0.5,
  0,
  1e15,
  1e300,
  -1e300,
  Number.MAX_SAFE_INTEGER + 2,
  2 ** 31,
  744.5,
  3651,
  5e-324,
);
const hugeString = fc.constantFrom(121, 201, 5_001, 20_001, 100_000).map((n) => "y".repeat(n));
const anyValue = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(...NASTY_STRINGS),
  outOfRange,
  hugeString,
  fc.string({ unit: "binary", maxLength: 30 }),
);
const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("raw" as const), body: fc.oneof(fc.jsonValue(), fc.object(), fc.anything()) }),
  fc.record({ kind: fc.constant("replace" as const), at: fc.nat(), value: anyValue }),
  fc.record({ kind: fc.constant("replace" as const), at: fc.nat(), value: anyValue }),
  fc.record({ kind: fc.constant("extra" as const), key: fc.string({ minLength: 1, maxLength: 20 }), value: anyValue }),
  fc.record({ kind: fc.constant("remove" as const), at: fc.nat() }),
);

describeEachEngine("bad input", (engine) => {
  let t: TestApp;
  let portfolioId: string;
  let projectId: string;
  let seq = 0;
  const next = () => {
    seq += 1;
    return `${Date.now().toString(36)}${seq}`;
  };

  beforeAll(async () => {
    t = await createTestApp(engine);
    portfolioId = (await makePortfolio(t)).id;
    projectId = (await makeProject(t, portfolioId)).id;
  });
  afterAll(async () => t.close());

  /** Row counts and version sums of every table a write route touches. */
  const snapshot = async (): Promise<Record<string, number>> => {
    const tables = [
      "organizations",
      "users",
      "memberships",
      "api_tokens",
      "audit_events",
      "project_categories",
      "resource_roles",
      "portfolios",
      "programs",
      "projects",
      "project_budget_lines",
      "project_demand_lines",
      "project_dependencies",
      "project_members",
    ];
    const versioned = ["users", "memberships", "portfolios", "programs", "projects"];
    const parts = [
      ...tables.map((name) => `(select count(*) from ${name}) as ${name}`),
      ...versioned.map((name) => `(select coalesce(sum(version), 0) from ${name}) as v_${name}`),
      "(select count(*) from projects where archived_at is not null) as archived_projects",
      "(select count(*) from api_tokens where revoked_at is not null) as revoked_tokens",
    ];
    const r = await sql.raw<Record<string, unknown>>(`select ${parts.join(", ")}`).execute(t.db.db);
    return Object.fromEntries(Object.entries(r.rows[0] ?? {}).map(([k, v]) => [k, Number(v)]));
  };

  const versionOf = async (url: string) => (await t.call(t.admin, "GET", url)).json().version as number;

  describe("malformed bodies", () => {
    it("answers malformed JSON with 400 problem+json saying the body is not valid JSON", async () => {
      for (const raw of ['{"name":', "{name: 1}", "{'name': 'x'}", '{"name": "x",}', "NaN", "{]", '"unterminated']) {
        const res = await t.call(t.admin, "POST", "/api/v1/portfolios", raw, { "content-type": "application/json" });
        const problem = expectProblem(res, 400);
        expect(problem.detail, raw).toBe("The request body is not valid JSON");
        expect(problem.code).toBe("validation");
        expect(problem.errors).toEqual([{ path: "(body)", message: "The request body is not valid JSON" }]);
      }
    });

    it("answers an empty JSON body with 400", async () => {
      const res = await t.call(t.admin, "POST", "/api/v1/portfolios", "", { "content-type": "application/json" });
      expect(expectProblem(res, 400).detail).toMatch(/empty/);
    });

    it("answers a body of the wrong media type with 415 or 400, never 500", async () => {
      expectProblem(
        await t.call(t.admin, "POST", "/api/v1/portfolios", "name=x", {
          "content-type": "application/x-www-form-urlencoded",
        }),
        415,
      );
      for (const [body, type] of [
        ["name", "text/plain"],
        ["name\nx\n", "text/csv"],
        ["<name>x</name>", "application/xml"],
      ]) {
        const res = await t.call(t.admin, "POST", "/api/v1/portfolios", body, { "content-type": type as string });
        expect([400, 415], `${type}: ${res.body}`).toContain(res.statusCode);
        expectProblem(res, res.statusCode);
      }
    });

    it("answers wrong types with 400 naming the field", async () => {
      const cases: [Method, () => string, unknown, string][] = [
        ["POST", () => "/api/v1/portfolios", { name: 123 }, "name"],
        ["POST", () => "/api/v1/portfolios", { name: "x", ownerId: 5 }, "ownerId"],
        ["POST", () => "/api/v1/portfolios", [{ name: "x" }], "(body)"],
        ["POST", () => "/api/v1/portfolios", null, "(body)"],
        ["POST", () => "/api/v1/portfolios", 42, "(body)"],
        ["POST", () => "/api/v1/projects", projectBody(portfolioId, { budget: "lots" }), "budget"],
        ["POST", () => "/api/v1/projects", projectBody(portfolioId, { plannedStart: 20270101 }), "plannedStart"],
        ["POST", () => "/api/v1/projects", projectBody(portfolioId, { plannedEnd: "30/06/2027" }), "plannedEnd"],
        ["POST", () => "/api/v1/projects", projectBody(portfolioId, { status: "done" }), "status"],
        [
          "POST",
          () => "/api/v1/projects",
          projectBody(portfolioId, { budget: [{ period: "2027-01", expenseType: "opex", amountCents: "100" }] }),
          "budget.0.amountCents",
        ],
        [
          "POST",
          () => "/api/v1/projects",
          projectBody(portfolioId, { budget: [{ period: "2027-13", expenseType: "opex", amountCents: 1 }] }),
          "budget.0.period",
        ],
        [
          "POST",
          () => "/api/v1/projects",
          projectBody(portfolioId, { budget: [{ period: "2027-01", expenseType: "travel", amountCents: 1 }] }),
          "budget.0.expenseType",
        ],
        [
          "POST",
          () => "/api/v1/projects",
          projectBody(portfolioId, { demand: [{ roleKey: "developer", period: "2027-01", hours: -1 }] }),
          "demand.0.hours",
        ],
        ["POST", () => "/api/v1/projects", projectBody(portfolioId, { team: [{ userId: "bob" }] }), "team.0.userId"],
        ["POST", () => "/api/v1/projects", projectBody(portfolioId, { code: "has space" }), "code"],
        ["POST", () => "/api/v1/projects", projectBody(portfolioId, { code: "X".repeat(21) }), "code"],
        ["POST", () => "/api/v1/projects", projectBody(portfolioId, { portfolioId: null }), "portfolioId"],
        ["PATCH", () => `/api/v1/projects/${projectId}`, { version: "1", name: "x" }, "version"],
        ["PATCH", () => `/api/v1/projects/${projectId}`, { version: 0, name: "x" }, "version"],
        ["PATCH", () => `/api/v1/projects/${projectId}`, { version: 1.5, name: "x" }, "version"],
        ["PATCH", () => `/api/v1/projects/${projectId}`, { version: 1, name: null }, "name"],
        ["POST", () => `/api/v1/projects/${projectId}/archive`, { version: 1, archived: "yes" }, "archived"],
        ["POST", () => "/api/v1/users", { email: "not-an-email", name: "x", role: "member" }, "email"],
        ["POST", () => "/api/v1/users", { email: `u${next()}@example.test`, name: "x", role: "overlord" }, "role"],
        [
          "POST",
          () => "/api/v1/users",
          { email: `u${next()}@example.test`, name: "x", role: "member", password: "short" },
          "password",
        ],
        ["POST", () => "/api/v1/tokens", { name: "t", expiresInDays: "30" }, "expiresInDays"],
        ["POST", () => "/api/v1/tokens", { name: "t", expiresInDays: 0 }, "expiresInDays"],
        ["POST", () => "/api/v1/resource-roles", { key: "k", name: "K", hoursPerFteMonth: "many" }, "hoursPerFteMonth"],
        ["POST", () => "/api/v1/categories", { key: "UPPER", name: "Upper" }, "key"],
      ];
      const before = await snapshot();
      for (const [method, url, body, path] of cases) {
        const res = await t.call(t.admin, method, url(), JSON.stringify(body), { "content-type": "application/json" });
        expect(res.statusCode, `${method} ${url()} ${JSON.stringify(body).slice(0, 200)}: ${res.body}`).toBe(400);
        expectProblem(res, 400, path);
      }
      expect(await snapshot()).toEqual(before);
    });

    it("answers unknown fields with 400 naming each of them", async () => {
      const res = await t.call(t.admin, "POST", "/api/v1/portfolios", { name: `P ${next()}`, colour: "red", size: 3 });
      const problem = expectProblem(res, 400, "colour");
      expect(problem.errors).toEqual(
        expect.arrayContaining([
          { path: "colour", message: "is not a known field" },
          { path: "size", message: "is not a known field" },
        ]),
      );
      expectProblem(
        await t.call(
          t.admin,
          "POST",
          "/api/v1/projects",
          projectBody(portfolioId, { demand: [{ roleKey: "developer", period: "2027-01", hours: 1, rate: 9 }] }),
        ),
        400,
        "demand.0.rate",
      );
      expectProblem(
        await t.call(t.admin, "PATCH", `/api/v1/projects/${projectId}`, { version: 1, id: projectId }),
        400,
        "id",
      );
      expectProblem(
        await t.call(t.admin, "PATCH", `/api/v1/projects/${projectId}`, { version: 1, budgetTotalCents: 1 }),
        400,
        "budgetTotalCents",
      );
      expectProblem(await t.call(t.admin, "POST", "/api/v1/tokens", { name: "t", userId: t.admin.id }), 400, "userId");
      expectProblem(await t.call(t.admin, "GET", "/api/v1/projects?colour=red"), 400, "query.colour");
    });

    it("answers a body over the 1 MiB limit with 413 problem+json", async () => {
      const before = await snapshot();
      const big = JSON.stringify({ name: "Big", description: "z".repeat(ONE_MIB + 10) });
      const res = await t.call(t.admin, "POST", "/api/v1/portfolios", big, { "content-type": "application/json" });
      const problem = expectProblem(res, 413);
      expect(problem.code).toBe("payload_too_large");
      const patch = JSON.stringify({ version: 1, description: "z".repeat(ONE_MIB + 10) });
      expectProblem(
        await t.call(t.admin, "PATCH", `/api/v1/projects/${projectId}`, patch, { "content-type": "application/json" }),
        413,
      );
      expect(await snapshot()).toEqual(before);
    });
  });

  describe("ids in the URL", () => {
    const routes: [string, string, unknown][] = [
      ["GET", "/api/v1/projects/ID", undefined],
      ["PATCH", "/api/v1/projects/ID", { version: 1, name: "x" }],
      ["POST", "/api/v1/projects/ID/archive", { version: 1, archived: true }],
      ["GET", "/api/v1/projects/ID/history", undefined],
      ["GET", "/api/v1/portfolios/ID", undefined],
      ["PATCH", "/api/v1/portfolios/ID", { version: 1, name: "x" }],
      ["POST", "/api/v1/portfolios/ID/archive", { version: 1, archived: true }],
      ["GET", "/api/v1/programs/ID", undefined],
      ["PATCH", "/api/v1/programs/ID", { version: 1, name: "x" }],
      ["POST", "/api/v1/programs/ID/archive", { version: 1, archived: true }],
      ["PATCH", "/api/v1/users/ID", { version: 1, name: "x" }],
      ["DELETE", "/api/v1/tokens/ID", undefined],
    ];

    it("answers an id that is not a UUID with 400 naming params.id", async () => {
      for (const bad of ["not-a-uuid", "1", "'%20OR%201=1", "0190a000-0000-7000-8000-00000000dea", "%00"]) {
        for (const [method, url, body] of routes) {
          const res = await t.call(t.admin, method as "GET", url.replace("ID", bad), body);
          expect(res.statusCode, `${method} ${url} ${bad}: ${res.body}`).toBe(400);
          expectProblem(res, 400, "params.id");
        }
      }
    });

    it("answers a valid but unknown UUID with 404", async () => {
      const before = await snapshot();
      for (const [method, url, body] of routes) {
        const res = await t.call(t.admin, method as "GET", url.replace("ID", UNKNOWN_ID), body);
        expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(404);
        expectProblem(res, 404);
      }
      expectProblem(await t.call(t.admin, "GET", "/api/v1/nothing-here"), 404);
      expect(await snapshot()).toEqual(before);
    });
  });

  describe("text fields", () => {
    /** Each route's free-text fields, with a body builder and where to read the stored value back. */
    const textRoutes: {
      name: string;
      fields: string[];
      create: (field: string, value: string) => Promise<LightMyRequestResponse>;
      read: (res: LightMyRequestResponse) => Promise<Record<string, unknown>>;
    }[] = [
      {
        name: "portfolio",
        fields: ["name", "description"],
        create: (f, v) => t.call(t.admin, "POST", "/api/v1/portfolios", { name: `Pf ${next()}`, [f]: v }),
        read: async (res) => (await t.call(t.admin, "GET", `/api/v1/portfolios/${res.json().id}`)).json(),
      },
      {
        name: "program",
        fields: ["name", "description"],
        create: (f, v) => t.call(t.admin, "POST", "/api/v1/programs", { portfolioId, name: `Pg ${next()}`, [f]: v }),
        read: async (res) => (await t.call(t.admin, "GET", `/api/v1/programs/${res.json().id}`)).json(),
      },
      {
        name: "project",
        fields: ["name", "description"],
        create: (f, v) =>
          t.call(t.admin, "POST", "/api/v1/projects", projectBody(portfolioId, { code: `T-${next()}`, [f]: v })),
        read: async (res) => (await t.call(t.admin, "GET", `/api/v1/projects/${res.json().id}`)).json(),
      },
      {
        name: "category",
        fields: ["name", "description"],
        create: (f, v) => t.call(t.admin, "POST", "/api/v1/categories", { key: `c${next()}`, name: "C", [f]: v }),
        read: async (res) =>
          ((await t.call(t.admin, "GET", "/api/v1/categories")).json().items as { key: string }[]).find(
            (c) => c.key === res.json().key,
          ) ?? {},
      },
      {
        name: "resource role",
        fields: ["name"],
        create: (f, v) => t.call(t.admin, "POST", "/api/v1/resource-roles", { key: `r${next()}`, name: "R", [f]: v }),
        read: async (res) =>
          ((await t.call(t.admin, "GET", "/api/v1/resource-roles")).json().items as { key: string }[]).find(
            (c) => c.key === res.json().key,
          ) ?? {},
      },
      {
        name: "API token",
        fields: ["name"],
        create: (f, v) => t.call(t.admin, "POST", "/api/v1/tokens", { [f]: v }),
        read: async (res) =>
          ((await t.call(t.admin, "GET", "/api/v1/tokens")).json().items as { id: string }[]).find(
            (x) => x.id === res.json().token.id,
          ) ?? {},
      },
      {
        name: "user",
        fields: ["name"],
        create: (f, v) =>
          t.call(t.admin, "POST", "/api/v1/users", {
            email: `text.${next()}@example.test`,
            role: "viewer",
            password: "a long enough password",
            [f]: v,
          }),
        read: async (res) =>
          ((await t.call(t.admin, "GET", "/api/v1/users")).json().items as { id: string }[]).find(
            (u) => u.id === res.json().user.id,
          ) ?? {},
      },
    ];

    for (const route of textRoutes) {
      for (const field of route.fields) {
        it(`stores quotes, SQL fragments and control characters in the ${route.name} ${field} verbatim or answers 400, never 500`, async () => {
          for (const value of NASTY_STRINGS) {
            const before = await snapshot();
            const res = await route.create(field, value);
            expect(res.statusCode, `${JSON.stringify(value)}: ${res.body}`).toBeLessThan(500);
            if (res.statusCode === 201) {
              expect((await route.read(res))[field], JSON.stringify(value)).toBe(value);
            } else {
              expectProblem(res, 400, field);
              expect(await snapshot()).toEqual(before);
            }
          }
        });

        it(`answers a 100 KB ${route.name} ${field} with 400 naming it`, async () => {
          const before = await snapshot();
          expectProblem(await route.create(field, "q".repeat(100_000)), 400, field);
          expect(await snapshot()).toEqual(before);
        });
      }
    }

    it("answers query strings with quotes, SQL and NUL bytes with 200 or 400, never 500", async () => {
      const urls = [
        "/api/v1/projects?q=%00",
        "/api/v1/projects?category=%00",
        "/api/v1/projects?category=%27%3B%20drop%20table%20projects%3B--",
        `/api/v1/projects?status=${encodeURIComponent("proposed' OR '1'='1")}`,
        "/api/v1/projects?sort=name%00",
        `/api/v1/projects?cursor=${Buffer.from(JSON.stringify(["\u0000", "x"])).toString("base64url")}`,
        `/api/v1/projects?sort=budgetTotalCents&cursor=${Buffer.from(JSON.stringify(["1e999", "x"])).toString("base64url")}`,
        "/api/v1/audit?action=%00",
        "/api/v1/audit?entityType=%27%20OR%201%3D1--",
        "/api/v1/audit?entityType=%00",
        "/api/v1/audit?from=not-a-date",
        "/api/v1/portfolios?cursor=%00",
      ];
      for (const url of urls) {
        const res = await t.call(t.admin, "GET", url);
        expect([200, 400], `${url}: ${res.body}`).toContain(res.statusCode);
        if (res.statusCode === 400) expectProblem(res, 400);
      }
    });
  });

  describe("random bodies at every write route", () => {
    const routes: {
      method: Method;
      label: string;
      url: () => string;
      valid: () => Promise<Record<string, unknown>>;
    }[] = [
      {
        method: "POST",
        label: "/api/v1/projects",
        url: () => "/api/v1/projects",
        valid: async () => projectBody(portfolioId, { code: `F-${next()}` }),
      },
      {
        method: "PATCH",
        label: "/api/v1/projects/:id",
        url: () => `/api/v1/projects/${projectId}`,
        valid: async () => ({
          version: await versionOf(`/api/v1/projects/${projectId}`),
          name: `Fuzzed ${next()}`,
          status: "proposed",
          budget: [{ period: "2027-03", expenseType: "capex", amountCents: 500 }],
          demand: [{ roleKey: "tester", period: "2027-04", hours: 10 }],
        }),
      },
      {
        method: "POST",
        label: "/api/v1/portfolios",
        url: () => "/api/v1/portfolios",
        valid: async () => ({ name: `Fuzz pf ${next()}`, description: "d", ownerId: null }),
      },
      {
        method: "PATCH",
        label: "/api/v1/portfolios/:id",
        url: () => `/api/v1/portfolios/${portfolioId}`,
        valid: async () => ({
          version: await versionOf(`/api/v1/portfolios/${portfolioId}`),
          name: `Main pf ${next()}`,
          description: "d",
        }),
      },
      {
        method: "POST",
        label: "/api/v1/programs",
        url: () => "/api/v1/programs",
        valid: async () => ({ portfolioId, name: `Fuzz pg ${next()}`, description: "d", managerId: null }),
      },
      {
        method: "POST",
        label: "/api/v1/users",
        url: () => "/api/v1/users",
        valid: async () => ({
          email: `fuzz.${next()}@example.test`,
          name: "Fuzz",
          role: "viewer",
          password: "a long enough password",
        }),
      },
      {
        method: "POST",
        label: "/api/v1/tokens",
        url: () => "/api/v1/tokens",
        valid: async () => ({ name: `fuzz ${next()}`, expiresInDays: 30 }),
      },
      {
        method: "POST",
        label: "/api/v1/projects/:id/archive",
        url: () => `/api/v1/projects/${projectId}/archive`,
        valid: async () => ({ version: await versionOf(`/api/v1/projects/${projectId}`), archived: false }),
      },
      {
        method: "POST",
        label: "/api/v1/categories",
        url: () => "/api/v1/categories",
        valid: async () => ({ key: `fz${next()}`, name: "Fuzz", description: "d" }),
      },
      {
        method: "POST",
        label: "/api/v1/resource-roles",
        url: () => "/api/v1/resource-roles",
        valid: async () => ({ key: `fz${next()}`, name: "Fuzz", hoursPerFteMonth: 100 }),
      },
    ];

    for (const route of routes) {
      it(`${route.method} ${route.label}: never 5xx, 4xx is problem+json, a rejected write changes nothing`, async () => {
        // Besides the random runs, put a NUL byte into every field of a valid body once.
        const fieldCount = pathsOf(await route.valid()).length;
        const examples: [Mutation][] = Array.from({ length: fieldCount }, (_, at) => [
          { kind: "replace", at, value: "nul\u0000byte" },
        ]);
        await fc.assert(
          fc.asyncProperty(mutationArb, async (mutation) => {
            const body = applyMutation(await route.valid(), mutation);
            const payload = JSON.stringify(body) ?? "null";
            const before = await snapshot();
            const res = await t.call(t.admin, route.method, route.url(), payload, {
              "content-type": "application/json",
            });
            const label = `${route.method} ${route.url()} ${payload.slice(0, 300)} → ${res.statusCode} ${res.body.slice(0, 300)}`;
            expect(res.statusCode, label).toBeLessThan(500);
            if (res.statusCode >= 400) {
              expect(res.headers["content-type"], label).toMatch(/^application\/problem\+json/);
              const problem = res.json() as Problem;
              expect(problem.detail, label).toEqual(expect.any(String));
              expect(problem.detail.length, label).toBeGreaterThan(0);
              expect(problem.status, label).toBe(res.statusCode);
              expect(await snapshot(), label).toEqual(before);
            }
          }),
          { numRuns: 100, examples },
        );
      }, 120_000);
    }
  });
});
