import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { describeEachEngine } from "../helpers/engines.js";
import { makePortfolio, makeProject, projectBody } from "../helpers/factories.js";

type Problem = {
  status: number;
  detail: string;
  code: string;
  errors?: { path: string; message: string }[];
  current?: unknown;
};
type Summary = {
  id: string;
  code: string;
  name: string;
  status: string;
  category: string;
  plannedStart: string;
  plannedEnd: string;
  budgetTotalCents: number;
  updatedAt: string;
  version: number;
  archivedAt: string | null;
};
type Page = { items: Summary[]; nextCursor: string | null; total: number };

let seq = 0;
/** A short token unique to this run, for names, codes and search words. */
const uniq = (prefix: string) => {
  seq += 1;
  return `${prefix}${Date.now().toString(36).toUpperCase().slice(-4)}${seq}`;
};

/** Asserts a problem+json response with this status and (optionally) a field problem at `path`. */
function expectProblem(res: LightMyRequestResponse, status: number, path?: string): Problem {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
  const body = res.json() as Problem;
  expect(body.status).toBe(status);
  expect(body.detail).toEqual(expect.any(String));
  if (path !== undefined) expect((body.errors ?? []).map((e) => e.path)).toContain(path);
  return body;
}

describeEachEngine("projects API", (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => t.close());

  const countByCode = async (code: string) =>
    Number(
      (
        await t.db.db
          .selectFrom("projects")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .where("organization_id", "=", t.organizationId)
          .where("code", "=", code)
          .executeTakeFirstOrThrow()
      ).n,
    );

  const makeProgram = async (portfolioId: string) => {
    const res = await t.call(t.admin, "POST", "/api/v1/programs", { portfolioId, name: uniq("Program ") });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; name: string; version: number };
  };

  const list = async (query: string): Promise<Page> => {
    const res = await t.call(t.admin, "GET", `/api/v1/projects?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Page;
  };

  describe("create and read", () => {
    it("stores every field and reads it back exactly", async () => {
      const pf = await makePortfolio(t);
      const program = await makeProgram(pf.id);
      const sponsor = await t.makeUser("executive");
      const manager = await t.makeUser("project_manager");
      const teamA = await t.makeUser("member");
      const teamB = await t.makeUser("member");
      const depA = await makeProject(t, pf.id);
      const depB = await makeProject(t, pf.id);
      const code = uniq("ALL-");
      const body = projectBody(pf.id, {
        code,
        name: "Ledger consolidation",
        description: "Merge the three ledgers into one\nwith a second line",
        programId: program.id,
        category: "transform",
        lifecycleStage: "planning",
        status: "approved",
        sponsorId: sponsor.id,
        managerId: manager.id,
        plannedStart: "2027-01-15",
        plannedEnd: "2027-12-31",
        budget: [
          { period: "2027-03", expenseType: "capex", amountCents: 7_500_000 },
          { period: "2027-01", expenseType: "opex", amountCents: 1_234_567 },
          { period: "2027-01", expenseType: "capex", amountCents: 1 },
          { period: "2027-12", expenseType: "opex", amountCents: 0 },
        ],
        demand: [
          { roleKey: "tester", period: "2027-02", hours: 12.5 },
          { roleKey: "developer", period: "2027-01", hours: 160 },
          { roleKey: "developer", period: "2027-02", hours: 80 },
        ],
        dependencies: [{ dependsOnId: depB.id, kind: "finish_to_start" }, { dependsOnId: depA.id }],
        team: [{ userId: teamB.id }, { userId: teamA.id }],
      });
      const created = await t.call(t.admin, "POST", "/api/v1/projects", body);
      expect(created.statusCode, created.body).toBe(201);
      const id = created.json().id as string;

      const read = await t.call(t.admin, "GET", `/api/v1/projects/${id}`);
      expect(read.statusCode).toBe(200);
      const p = read.json();
      expect(created.json()).toEqual(p);
      const byCode = (a: { dependsOnCode: string }, b: { dependsOnCode: string }) =>
        a.dependsOnCode < b.dependsOnCode ? -1 : 1;
      const byEmail = (a: { email: string }, b: { email: string }) => (a.email < b.email ? -1 : 1);
      expect({ ...p, dependencies: [...p.dependencies].sort(byCode), team: [...p.team].sort(byEmail) }).toEqual({
        id,
        code,
        name: "Ledger consolidation",
        description: "Merge the three ledgers into one\nwith a second line",
        portfolioId: pf.id,
        portfolioName: pf.name,
        programId: program.id,
        programName: program.name,
        category: "transform",
        lifecycleStage: "planning",
        status: "approved",
        sponsorId: sponsor.id,
        sponsorName: expect.stringMatching(/^executive \d+$/),
        managerId: manager.id,
        managerName: expect.stringMatching(/^project_manager \d+$/),
        plannedStart: "2027-01-15",
        plannedEnd: "2027-12-31",
        budgetTotalCents: 7_500_000 + 1_234_567 + 1 + 0,
        archivedAt: null,
        createdAt: expect.any(String),
        updatedAt: p.createdAt,
        version: 1,
        budget: [
          { period: "2027-01", expenseType: "capex", amountCents: 1 },
          { period: "2027-01", expenseType: "opex", amountCents: 1_234_567 },
          { period: "2027-03", expenseType: "capex", amountCents: 7_500_000 },
          { period: "2027-12", expenseType: "opex", amountCents: 0 },
        ],
        demand: [
          { roleKey: "developer", period: "2027-01", hours: 160 },
          { roleKey: "developer", period: "2027-02", hours: 80 },
          { roleKey: "tester", period: "2027-02", hours: 12.5 },
        ],
        dependencies: [
          { dependsOnId: depA.id, dependsOnCode: depA.code, dependsOnName: depA.name, kind: "requires" },
          { dependsOnId: depB.id, dependsOnCode: depB.code, dependsOnName: depB.name, kind: "finish_to_start" },
        ].sort(byCode),
        dependents: [],
        team: [
          { userId: teamA.id, name: expect.any(String), email: teamA.email },
          { userId: teamB.id, name: expect.any(String), email: teamB.email },
        ].sort(byEmail),
        myRoles: [],
        permissions: { update: true, archive: true },
      });
      expect(Number.isNaN(Date.parse(p.createdAt))).toBe(false);

      // The dependency shows up on the other side, and per-project roles are the caller's.
      const a = (await t.call(t.admin, "GET", `/api/v1/projects/${depA.id}`)).json();
      expect(a.dependents).toEqual([{ projectId: id, code, name: "Ledger consolidation", kind: "requires" }]);
      const asManager = (await t.call(manager, "GET", `/api/v1/projects/${id}`)).json();
      expect(asManager.myRoles).toEqual(["manager"]);
      expect(asManager.permissions).toEqual({ update: true, archive: false });
      const asSponsor = (await t.call(sponsor, "GET", `/api/v1/projects/${id}`)).json();
      expect(asSponsor.myRoles).toEqual(["sponsor"]);
      expect(asSponsor.permissions.update).toBe(false);
      const asTeam = (await t.call(teamA, "GET", `/api/v1/projects/${id}`)).json();
      expect(asTeam.myRoles).toEqual(["team"]);
    });

    it("fills defaults and keeps budgetTotalCents equal to the sum of the budget lines after edits", async () => {
      const pf = await makePortfolio(t);
      const res = await t.call(t.admin, "POST", "/api/v1/projects", {
        code: uniq("MIN-"),
        name: "Minimal",
        portfolioId: pf.id,
        category: "run",
        plannedStart: "2027-01-01",
        plannedEnd: "2027-03-31",
      });
      expect(res.statusCode, res.body).toBe(201);
      const p = res.json();
      expect(p).toMatchObject({
        description: "",
        programId: null,
        lifecycleStage: "idea",
        status: "proposed",
        sponsorId: null,
        managerId: null,
        budget: [],
        demand: [],
        dependencies: [],
        team: [],
        budgetTotalCents: 0,
      });
      const lines = [
        { period: "2027-01", expenseType: "opex", amountCents: 333 },
        { period: "2027-02", expenseType: "opex", amountCents: 99_999_999_999 },
        { period: "2027-03", expenseType: "capex", amountCents: 1 },
      ];
      const upd = await t.call(t.admin, "PATCH", `/api/v1/projects/${p.id}`, { version: 1, budget: lines });
      expect(upd.statusCode, upd.body).toBe(200);
      expect(upd.json().budgetTotalCents).toBe(333 + 99_999_999_999 + 1);
      const summary = (await list(`portfolioId=${pf.id}`)).items[0];
      expect(summary?.budgetTotalCents).toBe(333 + 99_999_999_999 + 1);
      const cleared = await t.call(t.admin, "PATCH", `/api/v1/projects/${p.id}`, { version: 2, budget: [] });
      expect(cleared.json().budgetTotalCents).toBe(0);
    });

    it("refuses concurrent creates of the same code cleanly: one 201, the rest 400 naming code, never 500", async () => {
      const pf = await makePortfolio(t);
      for (let round = 0; round < 10; round++) {
        const code = uniq("RACE-");
        const results = await Promise.all(
          Array.from({ length: 8 }, () => t.call(t.admin, "POST", "/api/v1/projects", projectBody(pf.id, { code }))),
        );
        for (const r of results) expect(r.statusCode, `round ${round}: ${r.body}`).toBeLessThan(500);
        expect(results.filter((r) => r.statusCode === 201)).toHaveLength(1);
        for (const r of results.filter((x) => x.statusCode !== 201)) expectProblem(r, 400, "code");
        expect(await countByCode(code)).toBe(1);
      }
    });

    it("answers 404 for a project of another organization", async () => {
      const other = await t.services.identity.createOrganization(uniq("Other org "));
      const otherAdmin = await t.makeUser("admin", other.id);
      const pf = await makePortfolio(t, otherAdmin);
      const theirs = await makeProject(t, pf.id, {}, otherAdmin);
      expectProblem(await t.call(t.admin, "GET", `/api/v1/projects/${theirs.id}`), 404);
      expectProblem(
        await t.call(t.admin, "PATCH", `/api/v1/projects/${theirs.id}`, { version: 1, name: "Hijacked" }),
        404,
      );
      expect((await t.call(otherAdmin, "GET", `/api/v1/projects/${theirs.id}`)).json().name).toBe(theirs.name);
    });
  });

  describe("validation", () => {
    const cases: { name: string; path: string; body: (pf: string) => Promise<Record<string, unknown>> }[] = [
      {
        name: "plannedEnd before plannedStart",
        path: "plannedEnd",
        body: async (pf) =>
          projectBody(pf, { plannedStart: "2027-06-01", plannedEnd: "2027-05-31", budget: [], demand: [] }),
      },
      {
        name: "a budget period outside the planned window",
        path: "budget.0.period",
        body: async (pf) => projectBody(pf, { budget: [{ period: "2027-07", expenseType: "opex", amountCents: 100 }] }),
      },
      {
        name: "a negative budget amount",
        path: "budget.0.amountCents",
        body: async (pf) => projectBody(pf, { budget: [{ period: "2027-01", expenseType: "opex", amountCents: -1 }] }),
      },
      {
        name: "a fractional budget amount",
        path: "budget.0.amountCents",
        body: async (pf) =>
          projectBody(pf, { budget: [{ period: "2027-01", expenseType: "opex", amountCents: 10.5 }] }),
      },
      {
        name: "an unknown resource role",
        path: "demand.0.roleKey",
        body: async (pf) => projectBody(pf, { demand: [{ roleKey: "wizard", period: "2027-01", hours: 10 }] }),
      },
      {
        name: "a duplicate code",
        path: "code",
        body: async (pf) => projectBody(pf, { code: (await makeProject(t, pf)).code }),
      },
      { name: "an unknown category", path: "category", body: async (pf) => projectBody(pf, { category: "moonshot" }) },
      {
        name: "a program of another portfolio",
        path: "programId",
        body: async (pf) => projectBody(pf, { programId: (await makeProgram((await makePortfolio(t)).id)).id }),
      },
      {
        name: "a sponsor who is not a member of the organization",
        path: "sponsorId",
        body: async (pf) => {
          const other = await t.services.identity.createOrganization(uniq("Elsewhere "));
          return projectBody(pf, { sponsorId: (await t.makeUser("executive", other.id)).id });
        },
      },
      {
        name: "a manager id nobody has",
        path: "managerId",
        body: async (pf) => projectBody(pf, { managerId: "0190a000-0000-7000-8000-000000000001" }),
      },
      { name: "an unknown field", path: "colour", body: async (pf) => projectBody(pf, { colour: "red" }) },
      {
        name: "an unknown field inside a budget line",
        path: "budget.0.note",
        body: async (pf) =>
          projectBody(pf, { budget: [{ period: "2027-01", expenseType: "opex", amountCents: 1, note: "x" }] }),
      },
      {
        name: "a dependency on an unknown project",
        path: "dependencies.0.dependsOnId",
        body: async (pf) =>
          projectBody(pf, { dependencies: [{ dependsOnId: "0190a000-0000-7000-8000-0000000000ff" }] }),
      },
      {
        name: "an impossible date",
        path: "plannedStart",
        body: async (pf) => projectBody(pf, { plannedStart: "2027-02-30" }),
      },
      {
        name: "an archived portfolio",
        path: "portfolioId",
        body: async () => {
          const pf = await makePortfolio(t);
          await t.call(t.admin, "POST", `/api/v1/portfolios/${pf.id}/archive`, { version: pf.version, archived: true });
          return projectBody(pf.id);
        },
      },
    ];
    for (const c of cases) {
      it(`refuses ${c.name} with a 400 naming ${c.path}, writing nothing`, async () => {
        const pf = await makePortfolio(t);
        const body = await c.body(pf.id);
        const res = await t.call(t.admin, "POST", "/api/v1/projects", body);
        const problem = expectProblem(res, 400, c.path);
        expect(problem.code).toBe("validation");
        const before = await countByCode(String(body.code));
        // Only the pre-existing holder of a duplicate code may exist.
        expect(before).toBe(c.path === "code" ? 1 : 0);
      });
    }

    it("reports every problem at once", async () => {
      const pf = await makePortfolio(t);
      const res = await t.call(
        t.admin,
        "POST",
        "/api/v1/projects",
        projectBody(pf.id, {
          category: "moonshot",
          plannedStart: "2027-06-01",
          plannedEnd: "2027-01-01",
          demand: [{ roleKey: "wizard", period: "2027-03", hours: 1 }],
          budget: [],
        }),
      );
      const problem = expectProblem(res, 400);
      expect(problem.errors?.map((e) => e.path).sort()).toEqual([
        "category",
        "demand.0.period",
        "demand.0.roleKey",
        "plannedEnd",
      ]);
    });

    it("refuses a dependency on itself and on an unknown project on update", async () => {
      const pf = await makePortfolio(t);
      const p = await makeProject(t, pf.id);
      expectProblem(
        await t.call(t.admin, "PATCH", `/api/v1/projects/${p.id}`, {
          version: 1,
          dependencies: [{ dependsOnId: p.id }],
        }),
        400,
        "dependencies.0.dependsOnId",
      );
      expectProblem(
        await t.call(t.admin, "PATCH", `/api/v1/projects/${p.id}`, {
          version: 1,
          dependencies: [{ dependsOnId: "0190a000-0000-7000-8000-00000000abcd" }],
        }),
        400,
        "dependencies.0.dependsOnId",
      );
      const after = (await t.call(t.admin, "GET", `/api/v1/projects/${p.id}`)).json();
      expect(after.version).toBe(1);
      expect(after.dependencies).toEqual([]);
    });

    it("refuses a dependency cycle and names every project in it", async () => {
      const pf = await makePortfolio(t);
      const b = await makeProject(t, pf.id, { code: uniq("CYB-") });
      const a = await makeProject(t, pf.id, { code: uniq("CYA-"), dependencies: [{ dependsOnId: b.id }] });
      const res = await t.call(t.admin, "PATCH", `/api/v1/projects/${b.id}`, {
        version: 1,
        dependencies: [{ dependsOnId: a.id }],
      });
      const problem = expectProblem(res, 400, "dependencies");
      expect(problem.detail).toContain(a.code);
      expect(problem.detail).toContain(b.code);

      // A longer cycle: C requires A requires B; B requiring C closes it.
      const c = await makeProject(t, pf.id, { code: uniq("CYC-"), dependencies: [{ dependsOnId: a.id }] });
      const long = expectProblem(
        await t.call(t.admin, "PATCH", `/api/v1/projects/${b.id}`, {
          version: 1,
          dependencies: [{ dependsOnId: c.id }],
        }),
        400,
        "dependencies",
      );
      for (const code of [a.code, b.code, c.code]) expect(long.detail).toContain(code);
      expect((await t.call(t.admin, "GET", `/api/v1/projects/${b.id}`)).json().dependencies).toEqual([]);
    });
  });

  describe("status, concurrency, archive", () => {
    it("allows proposed → approved → active → closed and refuses leaving closed", async () => {
      const pf = await makePortfolio(t);
      const p = await makeProject(t, pf.id);
      let version = 1;
      for (const status of ["approved", "active", "closed"]) {
        const res = await t.call(t.admin, "PATCH", `/api/v1/projects/${p.id}`, { version, status });
        expect(res.statusCode, res.body).toBe(200);
        expect(res.json().status).toBe(status);
        version = res.json().version;
      }
      expectProblem(
        await t.call(t.admin, "PATCH", `/api/v1/projects/${p.id}`, { version, status: "active" }),
        400,
        "status",
      );
      const q = await makeProject(t, pf.id);
      expectProblem(
        await t.call(t.admin, "PATCH", `/api/v1/projects/${q.id}`, { version: 1, status: "closed" }),
        400,
        "status",
      );
      expectProblem(
        await t.call(t.admin, "PATCH", `/api/v1/projects/${q.id}`, { version: 1, status: "finished" }),
        400,
        "status",
      );
      expect((await t.call(t.admin, "GET", `/api/v1/projects/${q.id}`)).json()).toMatchObject({
        status: "proposed",
        version: 1,
      });
    });

    it("answers a stale version with 409 carrying the current record", async () => {
      const pf = await makePortfolio(t);
      const p = await makeProject(t, pf.id);
      const first = await t.call(t.admin, "PATCH", `/api/v1/projects/${p.id}`, {
        version: 1,
        name: "First writer",
        budget: [{ period: "2027-02", expenseType: "opex", amountCents: 42 }],
      });
      expect(first.statusCode).toBe(200);
      const stale = await t.call(t.admin, "PATCH", `/api/v1/projects/${p.id}`, { version: 1, name: "Second writer" });
      const problem = expectProblem(stale, 409);
      expect(problem.code).toBe("conflict");
      const current = (await t.call(t.admin, "GET", `/api/v1/projects/${p.id}`)).json();
      expect(problem.current).toEqual(current);
      expect(current).toMatchObject({ name: "First writer", version: 2, budgetTotalCents: 42 });
      // A version from the future is just as stale.
      expectProblem(await t.call(t.admin, "PATCH", `/api/v1/projects/${p.id}`, { version: 7, name: "Future" }), 409);
    });

    it("takes the expected version from If-Match when the body has none", async () => {
      const pf = await makePortfolio(t);
      const p = await makeProject(t, pf.id);
      const ok = await t.call(
        t.admin,
        "PATCH",
        `/api/v1/projects/${p.id}`,
        { name: "Via If-Match" },
        { "if-match": '"1"' },
      );
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json()).toMatchObject({ name: "Via If-Match", version: 2 });
      const weak = await t.call(
        t.admin,
        "PATCH",
        `/api/v1/projects/${p.id}`,
        { name: "Weak tag" },
        { "if-match": 'W/"2"' },
      );
      expect(weak.statusCode, weak.body).toBe(200);
      const stale = await t.call(
        t.admin,
        "PATCH",
        `/api/v1/projects/${p.id}`,
        { name: "Stale tag" },
        { "if-match": '"2"' },
      );
      expect(expectProblem(stale, 409).current).toMatchObject({ name: "Weak tag", version: 3 });
      // Neither body version nor If-Match: the version is required.
      expectProblem(await t.call(t.admin, "PATCH", `/api/v1/projects/${p.id}`, { name: "No version" }), 400, "version");
    });

    it("archives and restores with versions, hides archived projects from the default list and refuses edits while archived", async () => {
      const pf = await makePortfolio(t);
      const kept = await makeProject(t, pf.id);
      const p = await makeProject(t, pf.id);
      expectProblem(
        await t.call(t.admin, "POST", `/api/v1/projects/${p.id}/archive`, { version: 2, archived: true }),
        409,
      );
      const archived = await t.call(t.admin, "POST", `/api/v1/projects/${p.id}/archive`, {
        version: 1,
        archived: true,
      });
      expect(archived.statusCode, archived.body).toBe(200);
      expect(archived.json()).toMatchObject({ version: 2, permissions: { update: false } });
      expect(archived.json().archivedAt).toEqual(expect.any(String));

      const ids = (page: Page) => page.items.map((i) => i.id).sort();
      expect(ids(await list(`portfolioId=${pf.id}`))).toEqual([kept.id]);
      expect((await list(`portfolioId=${pf.id}`)).total).toBe(1);
      expect(ids(await list(`portfolioId=${pf.id}&archived=include`))).toEqual([kept.id, p.id].sort());
      expect(ids(await list(`portfolioId=${pf.id}&archived=only`))).toEqual([p.id]);

      const edit = await t.call(t.admin, "PATCH", `/api/v1/projects/${p.id}`, {
        version: 2,
        name: "Edited while archived",
      });
      expectProblem(edit, 409);
      expect((await t.call(t.admin, "GET", `/api/v1/projects/${p.id}`)).json()).toMatchObject({
        name: p.name,
        version: 2,
      });

      const restored = await t.call(t.admin, "POST", `/api/v1/projects/${p.id}/archive`, {
        version: 2,
        archived: false,
      });
      expect(restored.statusCode).toBe(200);
      expect(restored.json()).toMatchObject({ archivedAt: null, version: 3 });
      expect(ids(await list(`portfolioId=${pf.id}`))).toEqual([kept.id, p.id].sort());
      const edited = await t.call(t.admin, "PATCH", `/api/v1/projects/${p.id}`, {
        version: 3,
        name: "Edited after restore",
      });
      expect(edited.statusCode).toBe(200);
    });

    it("lets only admins and PMO archive, and project managers edit only their own projects", async () => {
      const pf = await makePortfolio(t);
      const pm = await t.makeUser("project_manager");
      const mine = await makeProject(t, pf.id, { managerId: pm.id });
      const theirs = await makeProject(t, pf.id);
      expect((await t.call(pm, "PATCH", `/api/v1/projects/${mine.id}`, { version: 1, name: "Mine" })).statusCode).toBe(
        200,
      );
      expectProblem(await t.call(pm, "PATCH", `/api/v1/projects/${theirs.id}`, { version: 1, name: "Theirs" }), 403);
      expectProblem(
        await t.call(pm, "POST", `/api/v1/projects/${mine.id}/archive`, { version: 2, archived: true }),
        403,
      );
      const member = await t.makeUser("member");
      expectProblem(await t.call(member, "POST", "/api/v1/projects", projectBody(pf.id)), 403);
      expect((await t.call(t.admin, "GET", `/api/v1/projects/${theirs.id}`)).json().version).toBe(1);
    });
  });

  describe("lists", () => {
    it("filters by status (comma list), category and portfolio", async () => {
      const pf = await makePortfolio(t);
      const other = await makePortfolio(t);
      const proposed = await makeProject(t, pf.id, { status: "proposed", category: "run" });
      const approved = await makeProject(t, pf.id, { status: "approved", category: "grow" });
      const active = await makeProject(t, pf.id, { status: "active", category: "transform" });
      const elsewhere = await makeProject(t, other.id, { status: "approved", category: "grow" });
      const ids = (page: Page) => page.items.map((i) => i.id).sort();

      expect(ids(await list(`portfolioId=${pf.id}`))).toEqual([proposed.id, approved.id, active.id].sort());
      expect(ids(await list(`portfolioId=${pf.id}&status=approved,active`))).toEqual([approved.id, active.id].sort());
      expect(ids(await list(`portfolioId=${pf.id}&status=approved&status=proposed`))).toEqual(
        [approved.id, proposed.id].sort(),
      );
      expect((await list(`portfolioId=${pf.id}&status=approved,active`)).total).toBe(2);
      expect(ids(await list(`portfolioId=${pf.id}&category=run,transform`))).toEqual([proposed.id, active.id].sort());
      expect(ids(await list(`portfolioId=${other.id}`))).toEqual([elsewhere.id]);
      expect(ids(await list(`portfolioId=${pf.id}&category=grow&status=approved`))).toEqual([approved.id]);
      expectProblem(await t.call(t.admin, "GET", `/api/v1/projects?status=approved,done`), 400);
      expectProblem(await t.call(t.admin, "GET", `/api/v1/projects?portfolioId=nope`), 400, "query.portfolioId");
      expectProblem(await t.call(t.admin, "GET", `/api/v1/projects?sort=colour`), 400, "query.sort");
    });

    it("searches names, descriptions and codes by word prefix, case-insensitively", async () => {
      const pf = await makePortfolio(t);
      const word = uniq("Zorblax").toLowerCase();
      const billing = await makeProject(t, pf.id, {
        name: `Billing ${word} renewal`,
        description: "Move invoices to the cloud",
      });
      const ledger = await makeProject(t, pf.id, {
        name: "General ledger",
        description: "Consolidate the warehouse accounts",
      });
      const coded = await makeProject(t, pf.id, {
        code: uniq("QUX"),
        name: "Unrelated",
        description: "Nothing to see",
      });
      const find = async (q: string) =>
        (await list(`portfolioId=${pf.id}&q=${encodeURIComponent(q)}`)).items.map((i) => i.id).sort();

      expect(await find("billing")).toEqual([billing.id]);
      expect(await find("BILLING")).toEqual([billing.id]);
      expect(await find("bill")).toEqual([billing.id]);
      expect(await find(word.slice(0, 6).toUpperCase())).toEqual([billing.id]);
      expect(await find("warehouse")).toEqual([ledger.id]);
      expect(await find("wareh")).toEqual([ledger.id]);
      expect(await find("invoices cloud")).toEqual([billing.id]);
      expect(await find("invoices warehouse")).toEqual([]);
      expect(await find("qux")).toEqual([coded.id]);
      expect(await find(coded.code.slice(0, 5).toLowerCase())).toEqual([coded.id]);
      expect((await list(`portfolioId=${pf.id}&q=bill`)).total).toBe(1);
    });

    it("finds a project by its full code, such as PRJ-101", async () => {
      const pf = await makePortfolio(t);
      const n = 100 + seq;
      const p = await makeProject(t, pf.id, { code: `SRC-${n}`, name: "Code search target" });
      const found = await list(`portfolioId=${pf.id}&q=${encodeURIComponent(`SRC-${n}`)}`);
      expect(found.items.map((i) => i.id)).toEqual([p.id]);
    });

    it("finds search hits again after an edit changes the text", async () => {
      const pf = await makePortfolio(t);
      const p = await makeProject(t, pf.id, { name: "Before rename" });
      await t.call(t.admin, "PATCH", `/api/v1/projects/${p.id}`, { version: 1, name: "Quokkaland expansion" });
      expect((await list(`portfolioId=${pf.id}&q=quokka`)).items.map((i) => i.id)).toEqual([p.id]);
      expect((await list(`portfolioId=${pf.id}&q=before`)).items).toEqual([]);
    });

    it("answers 200 for quotes, operators and SQL fragments in q", async () => {
      const pf = await makePortfolio(t);
      await makeProject(t, pf.id, { name: "Drop table projects" });
      const nasty = [
        "'; drop table projects; --",
        '"',
        "'",
        "*",
        ":",
        "&",
        "|",
        "!",
        "NEAR(",
        "NEAR(a b",
        "a:*",
        "foo & | bar",
        "(((",
        "AND",
        "OR NOT",
        '"unterminated',
        "\\",
        "%_%",
        "-",
        "^",
        "drop:* & !projects",
        "ünïcödé ÄÖÜ 日本語",
        "🙂",
        "a".repeat(200),
      ];
      for (const q of nasty) {
        const res = await t.call(t.admin, "GET", `/api/v1/projects?portfolioId=${pf.id}&q=${encodeURIComponent(q)}`);
        expect(res.statusCode, `q=${q}: ${res.body}`).toBe(200);
      }
      const hit = await list(`portfolioId=${pf.id}&q=${encodeURIComponent("'; drop table projects; --")}`);
      expect(hit.items.map((i) => i.name)).toEqual(["Drop table projects"]);
      expect((await list(`portfolioId=${pf.id}`)).total).toBe(1);
      expectProblem(await t.call(t.admin, "GET", `/api/v1/projects?q=${"a".repeat(201)}`), 400, "query.q");
    });
  });

  describe("sorting and cursor pagination", () => {
    let pfId: string;
    const created: string[] = [];
    const statuses = ["proposed", "approved", "active", "on_hold"];
    const categories = ["run", "grow", "transform"];

    beforeAll(async () => {
      const pf = await makePortfolio(t);
      pfId = pf.id;
      const tag = uniq("S");
      for (let i = 0; i < 23; i++) {
        const month = String((i % 6) + 1).padStart(2, "0");
        const p = await makeProject(t, pfId, {
          code: `${tag}-${String((i * 7) % 23).padStart(2, "0")}`,
          name: `Sortable item ${String((i * 11) % 23).padStart(2, "0")}`,
          status: statuses[i % statuses.length],
          category: categories[i % categories.length],
          plannedStart: `2027-${month}-01`,
          plannedEnd: `2028-0${(i % 3) + 1}-15`,
          // Several equal totals, so ties must be broken by id.
          budget: [{ period: `2027-${month}`, expenseType: "opex", amountCents: (i % 5) * 1000 }],
          demand: [],
        });
        created.push(p.id);
      }
    });

    const fields = [
      "code",
      "name",
      "status",
      "category",
      "plannedStart",
      "plannedEnd",
      "budgetTotalCents",
      "updatedAt",
    ] as const;
    const sortValue = (s: Summary, f: (typeof fields)[number]) => s[f];
    const compare = (a: Summary, b: Summary, f: (typeof fields)[number]) => {
      const va = sortValue(a, f);
      const vb = sortValue(b, f);
      if (va < vb) return -1;
      if (va > vb) return 1;
      return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
    };

    for (const field of fields) {
      it(`sorts by ${field} asc and desc consistently`, async () => {
        const asc = await list(`portfolioId=${pfId}&sort=${field}&order=asc&limit=500`);
        const desc = await list(`portfolioId=${pfId}&sort=${field}&order=desc&limit=500`);
        expect(asc.total).toBe(23);
        expect(asc.items).toHaveLength(23);
        expect(asc.nextCursor).toBeNull();
        expect(asc.items.map((i) => i.id).sort()).toEqual([...created].sort());
        expect(desc.items.map((i) => i.id)).toEqual(asc.items.map((i) => i.id).reverse());
        expect([...asc.items].sort((a, b) => compare(a, b, field)).map((i) => i.id)).toEqual(
          asc.items.map((i) => i.id),
        );
      });
    }

    for (const [field, order] of [
      ["code", "asc"],
      ["name", "desc"],
      ["status", "asc"],
      ["category", "desc"],
      ["plannedStart", "asc"],
      ["plannedEnd", "desc"],
      ["budgetTotalCents", "asc"],
      ["budgetTotalCents", "desc"],
      ["updatedAt", "desc"],
    ] as const) {
      it(`pages through 23 projects five at a time by ${field} ${order}, each exactly once and in order`, async () => {
        const full = await list(`portfolioId=${pfId}&sort=${field}&order=${order}&limit=500`);
        const seen: string[] = [];
        let cursor: string | null = null;
        let pages = 0;
        do {
          const page: Page = await list(
            `portfolioId=${pfId}&sort=${field}&order=${order}&limit=5${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
          );
          expect(page.total).toBe(23);
          expect(page.items.length).toBe(pages < 4 ? 5 : 3);
          seen.push(...page.items.map((i) => i.id));
          cursor = page.nextCursor;
          pages += 1;
        } while (cursor && pages < 10);
        expect(pages).toBe(5);
        expect(new Set(seen).size).toBe(23);
        expect(seen).toEqual(full.items.map((i) => i.id));
      });
    }

    it("combines a filter with pagination", async () => {
      const all = await list(`portfolioId=${pfId}&status=proposed,active&sort=code&limit=500`);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: Page = await list(
          `portfolioId=${pfId}&status=proposed,active&sort=code&limit=2${cursor ? `&cursor=${cursor}` : ""}`,
        );
        expect(page.total).toBe(all.items.length);
        seen.push(...page.items.map((i) => i.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual(all.items.map((i) => i.id));
      expect(all.items.every((i) => i.status === "proposed" || i.status === "active")).toBe(true);
    });

    it("answers a garbage cursor with 400 naming cursor", async () => {
      for (const cursor of [
        "garbage!",
        "bm90IGpzb24",
        Buffer.from('{"a":1}').toString("base64url"),
        Buffer.from("[1,2]").toString("base64url"),
      ]) {
        expectProblem(
          await t.call(t.admin, "GET", `/api/v1/projects?portfolioId=${pfId}&cursor=${cursor}`),
          400,
          "cursor",
        );
      }
    });

    it("answers a cursor taken from another sort with 200 or 400, never 500", async () => {
      const byCode = await list(`portfolioId=${pfId}&sort=code&limit=5`);
      expect(byCode.nextCursor).not.toBeNull();
      for (const sort of fields) {
        const res = await t.call(
          t.admin,
          "GET",
          `/api/v1/projects?portfolioId=${pfId}&sort=${sort}&limit=5&cursor=${byCode.nextCursor}`,
        );
        expect([200, 400], `sort=${sort}: ${res.body}`).toContain(res.statusCode);
      }
    });
  });

  describe("history", () => {
    it("lists the create and update events with each changed field before and after", async () => {
      const pf = await makePortfolio(t);
      const member = await t.makeUser("member");
      const p = await makeProject(t, pf.id, { name: "Original name", team: [{ userId: member.id }] });
      const upd = await t.call(t.admin, "PATCH", `/api/v1/projects/${p.id}`, {
        version: 1,
        name: "New name",
        budget: [{ period: "2027-03", expenseType: "capex", amountCents: 5 }],
      });
      expect(upd.statusCode).toBe(200);
      await t.call(t.admin, "POST", `/api/v1/projects/${p.id}/archive`, { version: 2, archived: true });

      const res = await t.call(member, "GET", `/api/v1/projects/${p.id}/history`);
      expect(res.statusCode, res.body).toBe(200);
      const { items } = res.json() as {
        items: {
          action: string;
          actorId: string;
          entityId: string;
          entityType: string;
          changes: Record<string, { before: unknown; after: unknown }>;
        }[];
      };
      expect(items.map((e) => e.action)).toEqual(["archive", "update", "create"]);
      for (const e of items) expect(e).toMatchObject({ actorId: t.admin.id, entityType: "project", entityId: p.id });

      const [archive, update, create] = items;
      expect(Object.keys(update?.changes ?? {}).sort()).toEqual(["budget", "name"]);
      expect(update?.changes.name).toEqual({ before: "Original name", after: "New name" });
      expect(update?.changes.budget).toEqual({
        before: [
          { period: "2027-01", expenseType: "opex", amountCents: 1_000_000 },
          { period: "2027-02", expenseType: "capex", amountCents: 2_500_000 },
        ],
        after: [{ period: "2027-03", expenseType: "capex", amountCents: 5 }],
      });
      expect(create?.changes.name).toEqual({ before: null, after: "Original name" });
      expect(create?.changes.code).toEqual({ before: null, after: p.code });
      expect(create?.changes.team).toEqual({ before: null, after: [member.id] });
      expect(create?.changes.plannedEnd).toEqual({ before: null, after: "2027-06-30" });
      expect(archive?.changes.archivedAt).toEqual({ before: null, after: expect.any(String) });

      const paged = (await t.call(t.admin, "GET", `/api/v1/projects/${p.id}/history?limit=2`)).json();
      expect(paged.items.map((e: { action: string }) => e.action)).toEqual(["archive", "update"]);
      const rest = (
        await t.call(t.admin, "GET", `/api/v1/projects/${p.id}/history?limit=2&cursor=${paged.nextCursor}`)
      ).json();
      expect(rest.items.map((e: { action: string }) => e.action)).toEqual(["create"]);
      expect(rest.nextCursor).toBeNull();
    });

    it("records nothing for a rejected update", async () => {
      const pf = await makePortfolio(t);
      const p = await makeProject(t, pf.id);
      expectProblem(
        await t.call(t.admin, "PATCH", `/api/v1/projects/${p.id}`, { version: 1, category: "moonshot" }),
        400,
      );
      expectProblem(await t.call(t.admin, "PATCH", `/api/v1/projects/${p.id}`, { version: 9, name: "x" }), 409);
      const { items } = (await t.call(t.admin, "GET", `/api/v1/projects/${p.id}/history`)).json();
      expect(items.map((e: { action: string }) => e.action)).toEqual(["create"]);
      expectProblem(await t.call(t.admin, "GET", `/api/v1/projects/0190a000-0000-7000-8000-000000000777/history`), 404);
    });
  });
});
