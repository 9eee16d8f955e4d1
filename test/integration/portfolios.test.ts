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
type Portfolio = {
  id: string;
  name: string;
  description: string;
  ownerId: string | null;
  archivedAt: string | null;
  version: number;
  projectCount: number;
  budgetTotalCents: number;
};
type Program = {
  id: string;
  portfolioId: string;
  name: string;
  description: string;
  managerId: string | null;
  archivedAt: string | null;
  version: number;
  projectCount: number;
};

let seq = 0;
const uniq = (prefix: string) => {
  seq += 1;
  return `${prefix} ${Date.now().toString(36)}-${seq}`;
};
const uniqKey = (prefix: string) => {
  seq += 1;
  return `${prefix}_${Date.now().toString(36)}_${seq}`;
};

function expectProblem(res: LightMyRequestResponse, status: number, path?: string): Problem {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
  const body = res.json() as Problem;
  expect(body.status).toBe(status);
  expect(body.detail).toEqual(expect.any(String));
  if (path !== undefined) expect((body.errors ?? []).map((e) => e.path)).toContain(path);
  return body;
}

describeEachEngine("portfolios, programs and reference data API", (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => t.close());

  const getPortfolio = async (id: string) =>
    (await t.call(t.admin, "GET", `/api/v1/portfolios/${id}`)).json() as Portfolio;
  const listAllPortfolios = async (archived = "exclude"): Promise<Portfolio[]> => {
    const out: Portfolio[] = [];
    let cursor: string | null = null;
    do {
      const res = await t.call(
        t.admin,
        "GET",
        `/api/v1/portfolios?archived=${archived}&limit=3${cursor ? `&cursor=${cursor}` : ""}`,
      );
      expect(res.statusCode, res.body).toBe(200);
      const page = res.json() as { items: Portfolio[]; nextCursor: string | null };
      expect(page.items.length).toBeLessThanOrEqual(3);
      out.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return out;
  };
  const makeProgram = async (portfolioId: string, overrides: Record<string, unknown> = {}) => {
    const res = await t.call(t.admin, "POST", "/api/v1/programs", { portfolioId, name: uniq("Program"), ...overrides });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as Program;
  };

  describe("portfolios", () => {
    it("creates, reads, edits with versions and answers a stale version with 409 and the current record", async () => {
      const owner = await t.makeUser("executive");
      const name = uniq("Digital");
      const created = await t.call(t.admin, "POST", "/api/v1/portfolios", {
        name,
        description: "All things digital",
        ownerId: owner.id,
      });
      expect(created.statusCode, created.body).toBe(201);
      const pf = created.json() as Portfolio;
      expect(pf).toMatchObject({
        name,
        description: "All things digital",
        ownerId: owner.id,
        archivedAt: null,
        version: 1,
        projectCount: 0,
        budgetTotalCents: 0,
      });
      expect(await getPortfolio(pf.id)).toEqual(pf);

      const edited = await t.call(t.admin, "PATCH", `/api/v1/portfolios/${pf.id}`, {
        version: 1,
        description: "Renewed",
        ownerId: null,
      });
      expect(edited.statusCode, edited.body).toBe(200);
      expect(edited.json()).toMatchObject({ name, description: "Renewed", ownerId: null, version: 2 });

      const stale = expectProblem(
        await t.call(t.admin, "PATCH", `/api/v1/portfolios/${pf.id}`, { version: 1, name: uniq("Stale") }),
        409,
      );
      expect(stale.current).toEqual(await getPortfolio(pf.id));
      expect((await getPortfolio(pf.id)).name).toBe(name);

      const viaIfMatch = await t.call(
        t.admin,
        "PATCH",
        `/api/v1/portfolios/${pf.id}`,
        { description: "Tagged" },
        { "if-match": '"2"' },
      );
      expect(viaIfMatch.statusCode, viaIfMatch.body).toBe(200);
      expect(viaIfMatch.json().version).toBe(3);
      // Renaming to its own name is not a duplicate.
      expect((await t.call(t.admin, "PATCH", `/api/v1/portfolios/${pf.id}`, { version: 3, name })).statusCode).toBe(
        200,
      );
    });

    it("refuses a duplicate name with 400 naming name, on create and on rename", async () => {
      const a = await makePortfolio(t);
      const b = await makePortfolio(t);
      expectProblem(await t.call(t.admin, "POST", "/api/v1/portfolios", { name: a.name }), 400, "name");
      expectProblem(
        await t.call(t.admin, "PATCH", `/api/v1/portfolios/${b.id}`, { version: 1, name: a.name }),
        400,
        "name",
      );
      expect((await getPortfolio(b.id)).version).toBe(1);
      expect((await listAllPortfolios("include")).filter((p) => p.name === a.name)).toHaveLength(1);
    });

    it("refuses concurrent creates of the same name cleanly: one 201, the rest 4xx, never 500", async () => {
      // Several rounds, so a check-then-insert race shows up reliably where the engine runs writes in parallel.
      for (let round = 0; round < 8; round++) {
        const name = uniq("Race");
        const results = await Promise.all(
          Array.from({ length: 8 }, () => t.call(t.admin, "POST", "/api/v1/portfolios", { name })),
        );
        for (const r of results) expect(r.statusCode, `round ${round}: ${r.body}`).toBeLessThan(500);
        expect(results.filter((r) => r.statusCode === 201)).toHaveLength(1);
        for (const r of results.filter((x) => x.statusCode !== 201)) expectProblem(r, 400, "name");
        expect((await listAllPortfolios("include")).filter((p) => p.name === name)).toHaveLength(1);
      }
    });

    it("refuses an owner who is not a member, and bad fields", async () => {
      const other = await t.services.identity.createOrganization(uniq("Other"));
      const stranger = await t.makeUser("executive", other.id);
      expectProblem(
        await t.call(t.admin, "POST", "/api/v1/portfolios", { name: uniq("P"), ownerId: stranger.id }),
        400,
        "ownerId",
      );
      expectProblem(await t.call(t.admin, "POST", "/api/v1/portfolios", { name: "" }), 400, "name");
      expectProblem(await t.call(t.admin, "POST", "/api/v1/portfolios", { name: "x".repeat(121) }), 400, "name");
      expectProblem(await t.call(t.admin, "POST", "/api/v1/portfolios", { name: uniq("P"), budget: 1 }), 400, "budget");
      expectProblem(
        await t.call(t.admin, "PATCH", `/api/v1/portfolios/${(await makePortfolio(t)).id}`, { name: "no version" }),
        400,
        "version",
      );
    });

    it("shows projectCount and budgetTotalCents of the active projects in the list and the record", async () => {
      const pf = await makePortfolio(t);
      const empty = await makePortfolio(t);
      await makeProject(t, pf.id, { budget: [{ period: "2027-01", expenseType: "opex", amountCents: 100 }] });
      await makeProject(t, pf.id, {
        budget: [
          { period: "2027-02", expenseType: "capex", amountCents: 2_000 },
          { period: "2027-03", expenseType: "opex", amountCents: 30_000 },
        ],
      });
      const archived = await makeProject(t, pf.id, {
        budget: [{ period: "2027-01", expenseType: "opex", amountCents: 9_999_999 }],
      });
      await t.call(t.admin, "POST", `/api/v1/projects/${archived.id}/archive`, { version: 1, archived: true });

      const listed = (await listAllPortfolios()).find((p) => p.id === pf.id);
      expect(listed).toMatchObject({ projectCount: 2, budgetTotalCents: 32_100 });
      expect(await getPortfolio(pf.id)).toMatchObject({ projectCount: 2, budgetTotalCents: 32_100 });
      expect((await listAllPortfolios()).find((p) => p.id === empty.id)).toMatchObject({
        projectCount: 0,
        budgetTotalCents: 0,
      });
    });

    it("pages through portfolios with a cursor, each exactly once", async () => {
      const mine = [await makePortfolio(t), await makePortfolio(t), await makePortfolio(t), await makePortfolio(t)];
      const all = await listAllPortfolios();
      expect(new Set(all.map((p) => p.id)).size).toBe(all.length);
      for (const p of mine) expect(all.map((x) => x.id)).toContain(p.id);
      expectProblem(await t.call(t.admin, "GET", "/api/v1/portfolios?cursor=not-a-cursor"), 400, "cursor");
    });

    it("refuses to archive a portfolio that still has active projects (409), then archives and restores it", async () => {
      const pf = await makePortfolio(t);
      const p = await makeProject(t, pf.id);
      const refused = expectProblem(
        await t.call(t.admin, "POST", `/api/v1/portfolios/${pf.id}/archive`, { version: 1, archived: true }),
        409,
      );
      expect(refused.code).toBe("conflict");
      expect(await getPortfolio(pf.id)).toMatchObject({ archivedAt: null, version: 1 });

      await t.call(t.admin, "POST", `/api/v1/projects/${p.id}/archive`, { version: 1, archived: true });
      expectProblem(
        await t.call(t.admin, "POST", `/api/v1/portfolios/${pf.id}/archive`, { version: 2, archived: true }),
        409,
      );
      const archived = await t.call(t.admin, "POST", `/api/v1/portfolios/${pf.id}/archive`, {
        version: 1,
        archived: true,
      });
      expect(archived.statusCode, archived.body).toBe(200);
      expect(archived.json().archivedAt).toEqual(expect.any(String));
      expect((await listAllPortfolios()).map((x) => x.id)).not.toContain(pf.id);
      expect((await listAllPortfolios("only")).map((x) => x.id)).toContain(pf.id);
      expect((await listAllPortfolios("include")).map((x) => x.id)).toContain(pf.id);

      const restored = await t.call(t.admin, "POST", `/api/v1/portfolios/${pf.id}/archive`, {
        version: 2,
        archived: false,
      });
      expect(restored.statusCode).toBe(200);
      expect(restored.json()).toMatchObject({ archivedAt: null, version: 3 });
      expect((await listAllPortfolios()).map((x) => x.id)).toContain(pf.id);
    });

    it("lets only admins and PMO write portfolios", async () => {
      const pm = await t.makeUser("project_manager");
      const pmo = await t.makeUser("pmo");
      expectProblem(await t.call(pm, "POST", "/api/v1/portfolios", { name: uniq("PM") }), 403);
      expect((await t.call(pmo, "POST", "/api/v1/portfolios", { name: uniq("PMO") })).statusCode).toBe(201);
      const viewer = await t.makeUser("viewer");
      expect((await t.call(viewer, "GET", "/api/v1/portfolios")).statusCode).toBe(200);
      expectProblem(await t.call(null, "GET", "/api/v1/portfolios"), 401);
    });

    it("answers 404 for unknown and foreign portfolios", async () => {
      expectProblem(await t.call(t.admin, "GET", "/api/v1/portfolios/0190a000-0000-7000-8000-000000000000"), 404);
      const other = await t.services.identity.createOrganization(uniq("Far"));
      const theirs = await makePortfolio(t, await t.makeUser("admin", other.id));
      expectProblem(await t.call(t.admin, "GET", `/api/v1/portfolios/${theirs.id}`), 404);
      expectProblem(
        await t.call(t.admin, "PATCH", `/api/v1/portfolios/${theirs.id}`, { version: 1, name: "Mine now" }),
        404,
      );
    });
  });

  describe("programs", () => {
    it("creates, reads, edits with versions and archives a program", async () => {
      const pf = await makePortfolio(t);
      const manager = await t.makeUser("project_manager");
      const name = uniq("Cloud move");
      const created = await t.call(t.admin, "POST", "/api/v1/programs", {
        portfolioId: pf.id,
        name,
        managerId: manager.id,
      });
      expect(created.statusCode, created.body).toBe(201);
      const pg = created.json() as Program;
      expect(pg).toMatchObject({
        portfolioId: pf.id,
        name,
        description: "",
        managerId: manager.id,
        version: 1,
        projectCount: 0,
        archivedAt: null,
      });
      expect((await t.call(t.admin, "GET", `/api/v1/programs/${pg.id}`)).json()).toEqual(pg);

      const edited = await t.call(t.admin, "PATCH", `/api/v1/programs/${pg.id}`, {
        version: 1,
        description: "Lift and shift",
      });
      expect(edited.statusCode, edited.body).toBe(200);
      expect(edited.json()).toMatchObject({ description: "Lift and shift", version: 2, name });
      const stale = expectProblem(
        await t.call(t.admin, "PATCH", `/api/v1/programs/${pg.id}`, { version: 1, name: uniq("x") }),
        409,
      );
      expect(stale.current).toEqual((await t.call(t.admin, "GET", `/api/v1/programs/${pg.id}`)).json());

      await makeProject(t, pf.id, { programId: pg.id });
      expect((await t.call(t.admin, "GET", `/api/v1/programs/${pg.id}`)).json().projectCount).toBe(1);

      const listed = (await t.call(t.admin, "GET", `/api/v1/programs?portfolioId=${pf.id}`)).json();
      expect(listed.items.map((p: Program) => p.id)).toEqual([pg.id]);

      expectProblem(
        await t.call(t.admin, "POST", `/api/v1/programs/${pg.id}/archive`, { version: 1, archived: true }),
        409,
      );
      const archived = await t.call(t.admin, "POST", `/api/v1/programs/${pg.id}/archive`, {
        version: 2,
        archived: true,
      });
      expect(archived.statusCode).toBe(200);
      expect((await t.call(t.admin, "GET", `/api/v1/programs?portfolioId=${pf.id}`)).json().items).toEqual([]);
      expect(
        (await t.call(t.admin, "GET", `/api/v1/programs?portfolioId=${pf.id}&archived=only`)).json().items,
      ).toHaveLength(1);
    });

    it("refuses a duplicate program name and a program in an archived or unknown portfolio with 400", async () => {
      const pf = await makePortfolio(t);
      const pg = await makeProgram(pf.id);
      expectProblem(
        await t.call(t.admin, "POST", "/api/v1/programs", { portfolioId: pf.id, name: pg.name }),
        400,
        "name",
      );

      const archived = await makePortfolio(t);
      await t.call(t.admin, "POST", `/api/v1/portfolios/${archived.id}/archive`, { version: 1, archived: true });
      expectProblem(
        await t.call(t.admin, "POST", "/api/v1/programs", { portfolioId: archived.id, name: uniq("Late") }),
        400,
        "portfolioId",
      );
      expectProblem(
        await t.call(t.admin, "PATCH", `/api/v1/programs/${pg.id}`, { version: 1, portfolioId: archived.id }),
        400,
        "portfolioId",
      );
      expectProblem(
        await t.call(t.admin, "POST", "/api/v1/programs", {
          portfolioId: "0190a000-0000-7000-8000-000000000000",
          name: uniq("Nowhere"),
        }),
        400,
        "portfolioId",
      );
      expect((await t.call(t.admin, "GET", `/api/v1/programs/${pg.id}`)).json().version).toBe(1);
    });

    it("moves an empty program to another portfolio but not one with projects", async () => {
      const from = await makePortfolio(t);
      const to = await makePortfolio(t);
      const emptyProgram = await makeProgram(from.id);
      const moved = await t.call(t.admin, "PATCH", `/api/v1/programs/${emptyProgram.id}`, {
        version: 1,
        portfolioId: to.id,
      });
      expect(moved.statusCode, moved.body).toBe(200);
      expect(moved.json().portfolioId).toBe(to.id);

      const busy = await makeProgram(from.id);
      await makeProject(t, from.id, { programId: busy.id });
      expectProblem(
        await t.call(t.admin, "PATCH", `/api/v1/programs/${busy.id}`, { version: 1, portfolioId: to.id }),
        400,
        "portfolioId",
      );
    });
  });

  describe("reference data", () => {
    it("lists the default categories and adds one that projects can use", async () => {
      const res = await t.call(t.admin, "GET", "/api/v1/categories");
      expect(res.statusCode).toBe(200);
      const keys = (res.json().items as { key: string }[]).map((c) => c.key);
      expect(keys.slice(0, 3)).toEqual(["run", "grow", "transform"]);

      const key = uniqKey("innovate");
      const created = await t.call(t.admin, "POST", "/api/v1/categories", {
        key,
        name: "Innovate",
        description: "Bets",
      });
      expect(created.statusCode, created.body).toBe(201);
      expect(created.json()).toMatchObject({
        key,
        name: "Innovate",
        description: "Bets",
        sortOrder: expect.any(Number),
      });
      const after = (await t.call(t.admin, "GET", "/api/v1/categories")).json().items as { key: string }[];
      expect(after.map((c) => c.key)).toContain(key);

      const dup = expectProblem(await t.call(t.admin, "POST", "/api/v1/categories", { key, name: "Again" }), 409);
      expect(dup.code).toBe("conflict");
      expectProblem(await t.call(t.admin, "POST", "/api/v1/categories", { key: "Bad Key", name: "Bad" }), 400, "key");
      expectProblem(
        await t.call(await t.makeUser("member"), "POST", "/api/v1/categories", { key: uniqKey("m"), name: "M" }),
        403,
      );

      const pf = await makePortfolio(t);
      const p = await t.call(t.admin, "POST", "/api/v1/projects", projectBody(pf.id, { category: key }));
      expect(p.statusCode, p.body).toBe(201);
      expect(p.json().category).toBe(key);
    });

    it("lists the default resource roles and adds one that demand can use", async () => {
      const res = await t.call(t.admin, "GET", "/api/v1/resource-roles");
      expect(res.statusCode).toBe(200);
      const roles = res.json().items as { key: string; hoursPerFteMonth: number }[];
      expect(roles.map((r) => r.key)).toEqual(
        expect.arrayContaining(["project_manager", "business_analyst", "architect", "developer", "tester"]),
      );
      expect(roles.find((r) => r.key === "developer")?.hoursPerFteMonth).toBe(140);

      const key = uniqKey("data_eng");
      const created = await t.call(t.admin, "POST", "/api/v1/resource-roles", {
        key,
        name: "Data engineer",
        hoursPerFteMonth: 120.5,
      });
      expect(created.statusCode, created.body).toBe(201);
      expect(created.json()).toMatchObject({ key, name: "Data engineer", hoursPerFteMonth: 120.5 });
      const defaulted = await t.call(t.admin, "POST", "/api/v1/resource-roles", { key: uniqKey("ops"), name: "Ops" });
      expect(defaulted.json().hoursPerFteMonth).toBe(140);
      const listed = (await t.call(t.admin, "GET", "/api/v1/resource-roles")).json().items as {
        key: string;
        hoursPerFteMonth: number;
      }[];
      expect(listed.find((r) => r.key === key)?.hoursPerFteMonth).toBe(120.5);

      expectProblem(await t.call(t.admin, "POST", "/api/v1/resource-roles", { key, name: "Again" }), 409);
      expectProblem(
        await t.call(t.admin, "POST", "/api/v1/resource-roles", { key: uniqKey("x"), name: "X", hoursPerFteMonth: 0 }),
        400,
        "hoursPerFteMonth",
      );
      expectProblem(await t.call(t.admin, "POST", "/api/v1/resource-roles", { key: "developer", name: "Dev" }), 409);

      const pf = await makePortfolio(t);
      const p = await t.call(
        t.admin,
        "POST",
        "/api/v1/projects",
        projectBody(pf.id, { demand: [{ roleKey: key, period: "2027-02", hours: 40 }] }),
      );
      expect(p.statusCode, p.body).toBe(201);
      expect(p.json().demand).toEqual([{ roleKey: key, period: "2027-02", hours: 40 }]);
    });

    it("refuses concurrent creates of the same category key cleanly, never 500", async () => {
      for (let round = 0; round < 8; round++) {
        const key = uniqKey("race");
        const results = await Promise.all(
          Array.from({ length: 8 }, () => t.call(t.admin, "POST", "/api/v1/categories", { key, name: "Race" })),
        );
        for (const r of results) expect(r.statusCode, `round ${round}: ${r.body}`).toBeLessThan(500);
        expect(results.filter((r) => r.statusCode === 201)).toHaveLength(1);
        for (const r of results.filter((x) => x.statusCode !== 201)) expectProblem(r, 409);
      }
    });

    it("keeps each organization's reference data to itself", async () => {
      const other = await t.services.identity.createOrganization(uniq("Ref org"));
      const otherAdmin = await t.makeUser("admin", other.id);
      const key = uniqKey("private");
      expect((await t.call(t.admin, "POST", "/api/v1/categories", { key, name: "Private" })).statusCode).toBe(201);
      const theirs = (await t.call(otherAdmin, "GET", "/api/v1/categories")).json().items as { key: string }[];
      expect(theirs.map((c) => c.key)).toEqual(["run", "grow", "transform"]);
      expect((await t.call(otherAdmin, "POST", "/api/v1/categories", { key, name: "Theirs" })).statusCode).toBe(201);
    });
  });
});
