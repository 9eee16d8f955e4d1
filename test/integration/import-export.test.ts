import ExcelJS from "exceljs";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, PASSWORD, type TestApp, type TestUser } from "../helpers/app.js";
import { describeEachEngine } from "../helpers/engines.js";
import { makePortfolio, makeProject } from "../helpers/factories.js";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const FIXED = [
  "code",
  "name",
  "description",
  "portfolio",
  "program",
  "category",
  "lifecycle_stage",
  "status",
  "sponsor_email",
  "manager_email",
  "planned_start",
  "planned_end",
  "depends_on",
  "team_emails",
];
const PHASED = ["opex:2027-01", "capex:2027-02", "demand:developer:2027-01"];
const HEADER = [...FIXED, ...PHASED];

type Report = {
  dryRun: boolean;
  rows: number;
  valid: number;
  created: number;
  problems: { line: number; field: string; message: string }[];
};
type Project = {
  id: string;
  code: string;
  name: string;
  description: string;
  portfolioName: string;
  programName: string | null;
  category: string;
  lifecycleStage: string;
  status: string;
  sponsorId: string | null;
  managerId: string | null;
  plannedStart: string;
  plannedEnd: string;
  budgetTotalCents: number;
  budget: { period: string; expenseType: string; amountCents: number }[];
  demand: { roleKey: string; period: string; hours: number }[];
  dependencies: { dependsOnCode: string; kind: string }[];
  team: { email: string }[];
};

let seq = 0;
const uniq = (prefix: string) => {
  seq += 1;
  return `${prefix}${Date.now().toString(36).toUpperCase().slice(-4)}${seq}`;
};

/** RFC 4180 CSV: quotes cells holding a comma, quote or line break. */
function toCsv(rows: string[][]): string {
  const cell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return `${rows.map((r) => r.map(cell).join(",")).join("\r\n")}\r\n`;
}

/** One CSV row in the documented column order, from a partial record. */
const row = (cells: Partial<Record<string, string>>, header = HEADER) => header.map((h) => cells[h] ?? "");

function expectProblem(res: LightMyRequestResponse, status: number) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
  const body = res.json() as { status: number; detail: string; report?: Report };
  expect(body.status).toBe(status);
  expect(body.detail).toEqual(expect.any(String));
  return body;
}

describeEachEngine("project import and export", (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => t.close());

  const postImport = (body: string | Buffer, query = "", contentType = "text/csv", user: TestUser = t.admin) =>
    t.call(user, "POST", `/api/v1/projects/import${query}`, body, { "content-type": contentType });

  const counts = async () => {
    const one = async (table: "projects" | "audit_events" | "project_budget_lines" | "project_dependencies") =>
      Number(
        (
          await t.db.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );
    return {
      projects: await one("projects"),
      audit: await one("audit_events"),
      budget: await one("project_budget_lines"),
      dependencies: await one("project_dependencies"),
    };
  };

  /** Finds a project by code by paging through the list (not by search, which is tested elsewhere). */
  const projectByCode = async (code: string, user: TestUser = t.admin): Promise<Project | undefined> => {
    let cursor: string | null = null;
    do {
      const res = await t.call(
        user,
        "GET",
        `/api/v1/projects?limit=500&archived=include${cursor ? `&cursor=${cursor}` : ""}`,
      );
      const page = res.json() as { items: { id: string; code: string }[]; nextCursor: string | null };
      const found = page.items.find((p) => p.code === code);
      if (found) return (await t.call(user, "GET", `/api/v1/projects/${found.id}`)).json() as Project;
      cursor = page.nextCursor;
    } while (cursor);
    return undefined;
  };

  /** A portfolio, a program, people and one existing project for files to refer to. */
  const makeWorld = async () => {
    const pf = await makePortfolio(t, t.admin, { name: uniq("Import portfolio ") });
    const program = (
      await t.call(t.admin, "POST", "/api/v1/programs", { portfolioId: pf.id, name: uniq("Import program ") })
    ).json() as {
      id: string;
      name: string;
    };
    const sponsor = await t.makeUser("executive");
    const manager = await t.makeUser("project_manager");
    const member = await t.makeUser("member");
    const existing = await makeProject(t, pf.id, { code: uniq("EXIST") });
    return { pf, program, sponsor, manager, member, existing };
  };

  describe("CSV import", () => {
    it("dry-runs a valid file without writing, then imports it with budgets, demand, dependencies and team", async () => {
      const w = await makeWorld();
      const [a, b, c] = [uniq("IMPA"), uniq("IMPB"), uniq("IMPC")];
      const csv = toCsv([
        HEADER,
        row({
          code: a,
          name: "Alpha rollout",
          description: 'Says "hello", with commas; and semicolons',
          portfolio: w.pf.name,
          category: "grow",
          sponsor_email: w.sponsor.email,
          manager_email: w.manager.email,
          planned_start: "2027-01-01",
          planned_end: "2027-06-30",
          depends_on: b, // a row further down the same file
          team_emails: `${w.member.email};${w.sponsor.email}`,
          "opex:2027-01": "1200.50",
          "capex:2027-02": "300",
          "demand:developer:2027-01": "120",
        }),
        row({
          code: b,
          name: "Beta platform",
          portfolio: w.pf.name.toUpperCase(), // portfolio names match case-insensitively
          program: w.program.name,
          category: "run",
          lifecycle_stage: "planning",
          status: "approved",
          planned_start: "2027-01-15",
          planned_end: "2027-03-31",
          "opex:2027-01": "0.99",
          "demand:developer:2027-01": "12.5",
        }),
        row({
          code: c,
          name: "Gamma",
          portfolio: w.pf.name,
          category: "transform",
          planned_start: "2027-02-01",
          planned_end: "2027-02-28",
          depends_on: `${w.existing.code}; ${b}`,
          "capex:2027-02": "1",
        }),
      ]);

      const before = await counts();
      const dry = await postImport(csv, "?dryRun=true");
      expect(dry.statusCode, dry.body).toBe(200);
      expect(dry.json()).toEqual({ dryRun: true, rows: 3, valid: 3, created: 0, problems: [] });
      expect(await counts()).toEqual(before);

      const real = await postImport(csv);
      expect(real.statusCode, real.body).toBe(201);
      expect(real.json()).toEqual({ dryRun: false, rows: 3, valid: 3, created: 3, problems: [] });
      const after = await counts();
      expect(after.projects).toBe(before.projects + 3);
      expect(after.audit).toBe(before.audit + 3);

      const pa = await projectByCode(a);
      expect(pa).toMatchObject({
        name: "Alpha rollout",
        description: 'Says "hello", with commas; and semicolons',
        portfolioName: w.pf.name,
        programName: null,
        category: "grow",
        lifecycleStage: "idea",
        status: "proposed",
        sponsorId: w.sponsor.id,
        managerId: w.manager.id,
        plannedStart: "2027-01-01",
        plannedEnd: "2027-06-30",
        budgetTotalCents: 120_050 + 30_000,
        budget: [
          { period: "2027-01", expenseType: "opex", amountCents: 120_050 },
          { period: "2027-02", expenseType: "capex", amountCents: 30_000 },
        ],
        demand: [{ roleKey: "developer", period: "2027-01", hours: 120 }],
      });
      expect(pa?.dependencies.map((d) => [d.dependsOnCode, d.kind])).toEqual([[b, "requires"]]);
      expect(pa?.team.map((m) => m.email).sort()).toEqual([w.member.email, w.sponsor.email].sort());

      const pb = await projectByCode(b);
      expect(pb).toMatchObject({
        programName: w.program.name,
        lifecycleStage: "planning",
        status: "approved",
        budgetTotalCents: 99,
        demand: [{ roleKey: "developer", period: "2027-01", hours: 12.5 }],
        dependencies: [],
      });
      const pc = await projectByCode(c);
      expect(pc?.dependencies.map((d) => d.dependsOnCode).sort()).toEqual([w.existing.code, b].sort());
      expect(pc?.budget).toEqual([{ period: "2027-02", expenseType: "capex", amountCents: 100 }]);

      // The same file again: every code is now taken, and nothing more is written.
      const again = await postImport(csv);
      const problem = expectProblem(again, 422);
      expect(
        problem.report?.problems
          .filter((p) => p.field === "code")
          .map((p) => p.line)
          .sort(),
      ).toEqual([2, 3, 4]);
      expect(await counts()).toEqual(after);
    });

    it("reports each bad row with its line and column, and imports nothing from the file", async () => {
      const w = await makeWorld();
      const header = [
        "code",
        "name",
        "portfolio",
        "category",
        "planned_start",
        "planned_end",
        "opex:2027-01",
        "colour",
      ];
      const dup = uniq("DUP");
      const good = uniq("GOOD");
      const lines = [
        header, // line 1: "colour" is not a column
        row(
          {
            code: good,
            name: "Fine",
            portfolio: w.pf.name,
            category: "run",
            planned_start: "2027-01-01",
            planned_end: "2027-02-28",
          },
          header,
        ),
        row(
          {
            code: uniq("BADDATE"),
            name: "Bad date",
            portfolio: w.pf.name,
            category: "run",
            planned_start: "2027-02-30",
            planned_end: "2027-03-31",
          },
          header,
        ),
        row(
          {
            code: uniq("TEXT"),
            name: "Text money",
            portfolio: w.pf.name,
            category: "run",
            planned_start: "2027-01-01",
            planned_end: "2027-02-28",
            "opex:2027-01": "lots",
          },
          header,
        ),
        row(
          {
            code: uniq("NOPF"),
            name: "No portfolio",
            portfolio: "No such portfolio",
            category: "run",
            planned_start: "2027-01-01",
            planned_end: "2027-02-28",
          },
          header,
        ),
        row(
          {
            code: dup,
            name: "Dup one",
            portfolio: w.pf.name,
            category: "run",
            planned_start: "2027-01-01",
            planned_end: "2027-02-28",
          },
          header,
        ),
        row(
          {
            code: dup,
            name: "Dup two",
            portfolio: w.pf.name,
            category: "run",
            planned_start: "2027-01-01",
            planned_end: "2027-02-28",
          },
          header,
        ),
        [uniq("SHORT"), "Too few cells", w.pf.name, "run", "2027-01-01", "2027-02-28"], // line 8: 6 cells, header has 8
      ];
      const csv = toCsv(lines);
      const before = await counts();

      const dry = await postImport(csv, "?dryRun=true");
      expect(dry.statusCode, dry.body).toBe(200);
      const report = dry.json() as Report;
      expect(report).toMatchObject({ dryRun: true, rows: 7, created: 0 });
      const where = report.problems.map((p) => `${p.line}:${p.field}`);
      expect(where).toEqual(
        expect.arrayContaining([
          "1:colour",
          "3:planned_start",
          "4:opex:2027-01",
          "5:portfolio",
          "6:code",
          "7:code",
          "8:(row)",
        ]),
      );
      expect(report.problems.filter((p) => p.line === 2)).toEqual([]);
      for (const p of report.problems) expect(p.message).toEqual(expect.any(String));
      // Sorted by line, so a person can work down the file.
      expect(report.problems.map((p) => p.line)).toEqual([...report.problems.map((p) => p.line)].sort((x, y) => x - y));
      expect(await counts()).toEqual(before);

      const real = await postImport(csv);
      const problem = expectProblem(real, 422);
      expect(problem.report?.problems).toEqual(report.problems);
      expect(problem.report?.created).toBe(0);
      expect(await counts()).toEqual(before);
      expect(await projectByCode(good)).toBeUndefined();
    });

    it("counts valid rows without the header line's problems", async () => {
      const w = await makeWorld();
      const header = ["code", "name", "portfolio", "category", "planned_start", "planned_end", "colour"];
      const csv = toCsv([
        header,
        row(
          {
            code: uniq("V"),
            name: "One",
            portfolio: w.pf.name,
            category: "run",
            planned_start: "2027-01-01",
            planned_end: "2027-01-31",
          },
          header,
        ),
        row(
          {
            code: uniq("V"),
            name: "Two",
            portfolio: w.pf.name,
            category: "run",
            planned_start: "2027-01-01",
            planned_end: "2027-01-31",
          },
          header,
        ),
      ]);
      const report = (await postImport(csv, "?dryRun=true")).json() as Report;
      expect(report.problems.map((p) => `${p.line}:${p.field}`)).toEqual(["1:colour"]);
      expect(report.rows).toBe(2);
      expect(report.valid).toBe(2);
    });

    it("reports a problem of a record with a line break in a cell at the line where the record starts", async () => {
      const w = await makeWorld();
      const header = ["code", "name", "description", "portfolio", "category", "planned_start", "planned_end"];
      const csv = toCsv([
        header,
        row(
          {
            code: uniq("ML"),
            name: "Multi-line",
            description: "first line\nsecond line\nthird line",
            portfolio: w.pf.name,
            category: "nonsense",
            planned_start: "2027-01-01",
            planned_end: "2027-01-31",
          },
          header,
        ),
      ]);
      const report = (await postImport(csv, "?dryRun=true")).json() as Report;
      // The record occupies lines 2 to 4 of the file; its problem belongs to line 2.
      expect(report.problems.map((p) => `${p.line}:${p.field}`)).toEqual(["2:category"]);
    });

    it("names the right time-phased column for each budget and demand problem", async () => {
      const w = await makeWorld();
      const header = [
        "code",
        "name",
        "portfolio",
        "category",
        "planned_start",
        "planned_end",
        "opex:2027-01",
        "capex:2028-05",
        "demand:developer:2027-01",
        "demand:tester:2028-01",
        "demand:wizard:2027-01",
      ];
      const csv = toCsv([
        header,
        row(
          {
            code: uniq("PH"),
            name: "Phased",
            portfolio: w.pf.name,
            category: "run",
            planned_start: "2027-01-01",
            planned_end: "2027-06-30",
            "opex:2027-01": "12..5", // not an amount
            "capex:2028-05": "10", // after the planned end
            "demand:developer:2027-01": "lots", // not a number
            "demand:tester:2028-01": "5", // after the planned end
            "demand:wizard:2027-01": "3", // unknown role
          },
          header,
        ),
      ]);
      const report = (await postImport(csv, "?dryRun=true")).json() as Report;
      expect(report.problems.map((p) => `${p.line}:${p.field}`).sort()).toEqual(
        [
          "2:opex:2027-01",
          "2:capex:2028-05",
          "2:demand:developer:2027-01",
          "2:demand:tester:2028-01",
          "2:demand:wizard:2027-01",
        ].sort(),
      );
    });

    it("reports a missing required column on the header line", async () => {
      const w = await makeWorld();
      const header = ["code", "name", "portfolio", "planned_start", "planned_end"];
      const csv = toCsv([
        header,
        row(
          {
            code: uniq("NOCAT"),
            name: "x",
            portfolio: w.pf.name,
            planned_start: "2027-01-01",
            planned_end: "2027-01-31",
          },
          header,
        ),
      ]);
      const report = (await postImport(csv, "?dryRun=true")).json() as Report;
      expect(report.problems).toEqual(
        expect.arrayContaining([expect.objectContaining({ line: 1, field: "category" })]),
      );
    });

    it("reports a dependency cycle across rows and imports nothing", async () => {
      const w = await makeWorld();
      const [x, y, z] = [uniq("CYX"), uniq("CYY"), uniq("CYZ")];
      const base = { portfolio: w.pf.name, category: "run", planned_start: "2027-01-01", planned_end: "2027-01-31" };
      const csv = toCsv([
        HEADER,
        row({ ...base, code: x, name: "X", depends_on: y }),
        row({ ...base, code: y, name: "Y", depends_on: z }),
        row({ ...base, code: z, name: "Z", depends_on: x }),
      ]);
      const before = await counts();
      const report = (await postImport(csv, "?dryRun=true")).json() as Report;
      const cycle = report.problems.filter((p) => p.field === "depends_on");
      expect(cycle).toHaveLength(1);
      expect(cycle[0]?.message).toMatch(/cycle/);
      for (const code of [x, y, z]) expect(cycle[0]?.message).toContain(code);
      expect([2, 3, 4]).toContain(cycle[0]?.line);
      expectProblem(await postImport(csv), 422);
      expect(await counts()).toEqual(before);

      const self = toCsv([HEADER, row({ ...base, code: uniq("SELF"), name: "Self", depends_on: "" })]);
      expect((await postImport(self, "?dryRun=true")).json().problems).toEqual([]);
    });

    it("refuses an empty body, a header-less file and a text/plain body with a 4xx problem", async () => {
      const before = await counts();
      const empty = await postImport("");
      expect(empty.statusCode, empty.body).toBeGreaterThanOrEqual(400);
      expect(empty.statusCode).toBeLessThan(500);
      expect(empty.headers["content-type"]).toMatch(/^application\/problem\+json/);

      expectProblem(await postImport("code,name\n", "", "text/plain"), 415);
      expectProblem(await t.call(t.admin, "POST", "/api/v1/projects/import", { code: "x" }), 415);
      const garbled = await postImport('code,name\n"unterminated,quote\n');
      expect(garbled.statusCode, garbled.body).toBe(400);
      expect(garbled.headers["content-type"]).toMatch(/^application\/problem\+json/);
      expectProblem(await postImport(Buffer.from("not a zip file"), "", XLSX), 400);
      expect(await counts()).toEqual(before);
    });

    it("lets only admins and PMO import", async () => {
      const w = await makeWorld();
      const csv = toCsv([
        HEADER,
        row({
          code: uniq("PERM"),
          name: "x",
          portfolio: w.pf.name,
          category: "run",
          planned_start: "2027-01-01",
          planned_end: "2027-01-31",
        }),
      ]);
      expectProblem(await postImport(csv, "?dryRun=true", "text/csv", await t.makeUser("project_manager")), 403);
      expect((await postImport(csv, "?dryRun=true", "text/csv", await t.makeUser("pmo"))).statusCode).toBe(200);
    });
  });

  describe("export", () => {
    it("exports CSV in the import layout, and the export recreates the same projects in another organization", async () => {
      const w = await makeWorld();
      const pfName = w.pf.name;
      const codes = [uniq("EXA"), uniq("EXB"), uniq("EXC")];
      const a = await makeProject(t, w.pf.id, {
        code: codes[0],
        name: "Export alpha",
        description: 'Line one, "quoted"\nline two',
        programId: w.program.id,
        status: "approved",
        lifecycleStage: "planning",
        sponsorId: w.sponsor.id,
        managerId: w.manager.id,
        team: [{ userId: w.member.id }],
        budget: [
          { period: "2027-01", expenseType: "opex", amountCents: 1 },
          { period: "2027-02", expenseType: "capex", amountCents: 123_456_789 },
        ],
        demand: [
          { roleKey: "developer", period: "2027-01", hours: 12.5 },
          { roleKey: "tester", period: "2027-03", hours: 40 },
        ],
      });
      await makeProject(t, w.pf.id, { code: codes[1], name: "Export beta", dependencies: [{ dependsOnId: a.id }] });
      await makeProject(t, w.pf.id, {
        code: codes[2],
        name: "Export gamma",
        category: "transform",
        dependencies: [{ dependsOnId: a.id, kind: "finish_to_start" }],
        budget: [],
        demand: [],
      });
      // The world's pre-existing project is in the same portfolio; leave it out with its own archive.
      await t.call(t.admin, "POST", `/api/v1/projects/${w.existing.id}/archive`, { version: 1, archived: true });

      const res = await t.call(t.admin, "GET", `/api/v1/projects/export?format=csv&portfolioId=${w.pf.id}`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers["content-type"]).toMatch(/^text\/csv/);
      expect(res.headers["content-disposition"]).toMatch(/attachment; filename="projects-\d{4}-\d{2}-\d{2}\.csv"/);
      const text = res.body;
      const headerLine = text.split(/\r?\n/)[0] ?? "";
      expect(headerLine.split(",").slice(0, FIXED.length)).toEqual(FIXED);
      // Then one column per month that holds a value: opex, capex, then demand by role.
      expect(headerLine.split(",").slice(FIXED.length)).toEqual([
        "opex:2027-01",
        "capex:2027-02",
        "demand:developer:2027-01",
        "demand:tester:2027-03",
      ]);
      expect(text.trimEnd().split(/\r?\n(?=[A-Z0-9]+,)/)).toHaveLength(4); // header and one record per project
      for (const code of codes) expect(text).toContain(`\n${code},`);
      expect(text).not.toContain(w.existing.code);

      // A fresh organization with the same portfolio, program and people.
      const org2 = await t.services.identity.createOrganization(uniq("Second org "));
      const admin2 = await t.makeUser("admin", org2.id);
      await makePortfolio(t, admin2, { name: pfName });
      const pf2 = (await t.call(admin2, "GET", "/api/v1/portfolios")).json().items[0] as { id: string };
      expect(
        (await t.call(admin2, "POST", "/api/v1/programs", { portfolioId: pf2.id, name: w.program.name })).statusCode,
      ).toBe(201);
      for (const u of [w.sponsor, w.manager, w.member]) {
        await t.services.identity.addUser(
          org2.id,
          { email: u.email, name: `Copy of ${u.email}`, role: u.role, password: PASSWORD },
          "test",
          false,
        );
      }
      const before2 = (await t.call(admin2, "GET", "/api/v1/projects")).json().total;
      expect(before2).toBe(0);

      const imported = await postImport(text, "", "text/csv; charset=utf-8", admin2);
      expect(imported.statusCode, imported.body).toBe(201);
      expect(imported.json()).toMatchObject({ created: 3, problems: [] });

      const comparable = (p: Project | undefined) => ({
        code: p?.code,
        name: p?.name,
        description: p?.description,
        portfolioName: p?.portfolioName,
        programName: p?.programName,
        category: p?.category,
        lifecycleStage: p?.lifecycleStage,
        status: p?.status,
        plannedStart: p?.plannedStart,
        plannedEnd: p?.plannedEnd,
        budgetTotalCents: p?.budgetTotalCents,
        budget: p?.budget,
        demand: p?.demand,
        dependencies: p?.dependencies.map((d) => d.dependsOnCode).sort(),
        team: p?.team.map((m) => m.email).sort(),
      });
      for (const code of codes) {
        const original = await projectByCode(code);
        const copy = await projectByCode(code, admin2);
        expect(copy, code).toBeDefined();
        expect(comparable(copy)).toEqual(comparable(original));
      }
      const copyA = await projectByCode(codes[0] as string, admin2);
      const users2 = (await t.call(admin2, "GET", "/api/v1/users")).json().items as { id: string; email: string }[];
      expect(users2.find((u) => u.id === copyA?.sponsorId)?.email).toBe(w.sponsor.email);
      expect(users2.find((u) => u.id === copyA?.managerId)?.email).toBe(w.manager.email);
    });

    it("exports XLSX with the same header and rows", async () => {
      const w = await makeWorld();
      const code = uniq("XLS");
      await makeProject(t, w.pf.id, {
        code,
        name: "Spreadsheet project",
        budget: [{ period: "2027-01", expenseType: "opex", amountCents: 250_075 }],
        demand: [{ roleKey: "developer", period: "2027-01", hours: 8 }],
      });
      const res = await t.call(t.admin, "GET", `/api/v1/projects/export?format=xlsx&portfolioId=${w.pf.id}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers["content-type"]).toBe(XLSX);
      expect(res.headers["content-disposition"]).toMatch(/\.xlsx"$/);

      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const ws = wb.worksheets[0];
      expect(ws).toBeDefined();
      const width = ws?.getRow(1).cellCount ?? 0;
      const values = (r: number) =>
        Array.from({ length: width }, (_, i) => {
          const v = ws?.getRow(r).getCell(i + 1).value;
          return v === undefined || v === null ? "" : String(v);
        });
      const header = values(1);
      expect(header.slice(0, FIXED.length)).toEqual(FIXED);
      expect(header.slice(FIXED.length)).toEqual(["opex:2027-01", "capex:2027-02", "demand:developer:2027-01"]);
      expect(ws?.rowCount).toBe(3); // header, the world's project and ours
      const rows = [values(2), values(3)];
      const ours = rows.find((r) => r[0] === code);
      expect(ours?.[1]).toBe("Spreadsheet project");
      expect(ours?.[3]).toBe(w.pf.name);
      expect(ours?.[FIXED.length]).toBe("2500.75");
      expect(ours?.[FIXED.length + 1]).toBe("");
      expect(ours?.[FIXED.length + 2]).toBe("8");
    });

    it("lets a viewer export but answers a bad format with 400", async () => {
      const viewer = await t.makeUser("viewer");
      expect((await t.call(viewer, "GET", "/api/v1/projects/export?format=csv")).statusCode).toBe(200);
      const bad = await t.call(t.admin, "GET", "/api/v1/projects/export?format=pdf");
      expect(bad.statusCode).toBe(400);
      expect(bad.headers["content-type"]).toMatch(/^application\/problem\+json/);
    });
  });

  describe("XLSX import", () => {
    it("imports a workbook built with exceljs, with date and number cells", async () => {
      const w = await makeWorld();
      const [first, second] = [uniq("XA"), uniq("XB")];
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("Projects");
      ws.addRow(HEADER);
      const cells = (record: Partial<Record<string, string | number | Date>>) => HEADER.map((h) => record[h] ?? null);
      ws.addRow(
        cells({
          code: first,
          name: "Workbook first",
          portfolio: w.pf.name,
          category: "grow",
          planned_start: new Date(Date.UTC(2027, 0, 1)),
          planned_end: "2027-03-31",
          depends_on: second,
          team_emails: w.member.email,
          "opex:2027-01": 1500.25,
          "capex:2027-02": "99",
          "demand:developer:2027-01": 30,
        }),
      );
      ws.addRow(
        cells({
          code: second,
          name: "Workbook second",
          portfolio: w.pf.name,
          category: "run",
          planned_start: "2027-01-01",
          planned_end: "2027-01-31",
        }),
      );
      const data = Buffer.from(await wb.xlsx.writeBuffer());

      const before = await counts();
      const dry = await postImport(data, "?dryRun=true", XLSX);
      expect(dry.statusCode, dry.body).toBe(200);
      expect(dry.json()).toEqual({ dryRun: true, rows: 2, valid: 2, created: 0, problems: [] });
      expect(await counts()).toEqual(before);

      const real = await postImport(data, "", XLSX);
      expect(real.statusCode, real.body).toBe(201);
      expect(real.json().created).toBe(2);
      const p = await projectByCode(first);
      expect(p).toMatchObject({
        name: "Workbook first",
        plannedStart: "2027-01-01",
        plannedEnd: "2027-03-31",
        budget: [
          { period: "2027-01", expenseType: "opex", amountCents: 150_025 },
          { period: "2027-02", expenseType: "capex", amountCents: 9_900 },
        ],
        demand: [{ roleKey: "developer", period: "2027-01", hours: 30 }],
      });
      expect(p?.dependencies.map((d) => d.dependsOnCode)).toEqual([second]);
      expect(p?.team.map((m) => m.email)).toEqual([w.member.email]);
    });

    it("reports bad rows of a workbook by spreadsheet row number", async () => {
      const w = await makeWorld();
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("Projects");
      ws.addRow(["code", "name", "portfolio", "category", "planned_start", "planned_end", "opex:2027-01"]);
      ws.addRow([uniq("XOK"), "Ok", w.pf.name, "run", "2027-01-01", "2027-01-31", 5]);
      ws.addRow([uniq("XBAD"), "Bad", w.pf.name, "nonsense", "2027-01-01", "2027-01-31", "five"]);
      const report = (
        await postImport(Buffer.from(await wb.xlsx.writeBuffer()), "?dryRun=true", XLSX)
      ).json() as Report;
      expect(report.problems.map((p) => `${p.line}:${p.field}`).sort()).toEqual(["3:category", "3:opex:2027-01"]);
    });
  });
});
