import type { LightMyRequestResponse } from "fastify";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, type TestUser } from "../helpers/app.js";
import { describeEachEngine } from "../helpers/engines.js";
import { makePortfolio, makeProject, projectBody } from "../helpers/factories.js";

type Changes = Record<string, { before: unknown; after: unknown }>;
type AuditEvent = {
  id: string;
  occurredAt: string;
  actorId: string | null;
  actorName: string;
  entityType: string;
  entityId: string;
  action: string;
  changes: Changes;
  requestId: string | null;
};
type AuditPage = { items: AuditEvent[]; nextCursor: string | null };

let seq = 0;
const uniq = (prefix: string) => {
  seq += 1;
  return `${prefix}${Date.now().toString(36)}${seq}`;
};

function expectProblem(res: LightMyRequestResponse, status: number, path?: string) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
  const body = res.json() as { detail: string; errors?: { path: string }[] };
  expect(body.detail).toEqual(expect.any(String));
  if (path !== undefined) expect((body.errors ?? []).map((e) => e.path)).toContain(path);
  return body;
}

/** The same instant written with another UTC offset, e.g. 12:00:00.123Z → 14:00:00.123+02:00. */
function withOffset(iso: string, minutes: number): string {
  const local = new Date(Date.parse(iso) + minutes * 60_000).toISOString().slice(0, 23);
  const sign = minutes >= 0 ? "+" : "-";
  const abs = Math.abs(minutes);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

describeEachEngine("audit trail", (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => t.close());

  const audit = async (query: string, user: TestUser = t.admin): Promise<AuditPage> => {
    const res = await t.call(user, "GET", `/api/v1/audit?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as AuditPage;
  };
  const eventsOf = async (entityId: string) => (await audit(`entityId=${entityId}&limit=500`)).items;
  const auditCount = async () =>
    Number(
      (
        await t.db.db
          .selectFrom("audit_events")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );

  describe("every write records who, what and each changed field", () => {
    it("records project create, update, archive and restore with the actor, the fields and the request id", async () => {
      const pf = await makePortfolio(t);
      const created = await t.call(t.admin, "POST", "/api/v1/projects", projectBody(pf.id, { name: "Audited" }));
      expect(created.statusCode).toBe(201);
      const p = created.json() as { id: string; code: string };
      const updated = await t.call(t.admin, "PATCH", `/api/v1/projects/${p.id}`, {
        version: 1,
        name: "Audited twice",
        category: "run",
      });
      expect(updated.statusCode).toBe(200);
      const archived = await t.call(t.admin, "POST", `/api/v1/projects/${p.id}/archive`, {
        version: 2,
        archived: true,
      });
      expect(archived.statusCode).toBe(200);
      await t.call(t.admin, "POST", `/api/v1/projects/${p.id}/archive`, { version: 3, archived: false });

      const events = await eventsOf(p.id);
      expect(events.map((e) => e.action)).toEqual(["restore", "archive", "update", "create"]);
      for (const e of events) {
        expect(e).toMatchObject({
          actorId: t.admin.id,
          actorName: "Administrator",
          entityType: "project",
          entityId: p.id,
        });
        expect(Number.isNaN(Date.parse(e.occurredAt))).toBe(false);
      }
      const [restore, archive, update, create] = events as [AuditEvent, AuditEvent, AuditEvent, AuditEvent];
      expect(create.requestId).toBe(created.headers["x-request-id"]);
      expect(update.requestId).toBe(updated.headers["x-request-id"]);
      expect(create.changes.name).toEqual({ before: null, after: "Audited" });
      expect(create.changes.code).toEqual({ before: null, after: p.code });
      expect(create.changes.budget?.after).toEqual([
        { period: "2027-01", expenseType: "opex", amountCents: 1_000_000 },
        { period: "2027-02", expenseType: "capex", amountCents: 2_500_000 },
      ]);
      expect(update.changes).toEqual({
        name: { before: "Audited", after: "Audited twice" },
        category: { before: "grow", after: "run" },
      });
      expect(archive.changes).toEqual({ archivedAt: { before: null, after: archived.json().archivedAt } });
      expect(restore.changes).toEqual({ archivedAt: { before: archived.json().archivedAt, after: null } });
    });

    it("records portfolio and program create, update and archive", async () => {
      const owner = await t.makeUser("executive");
      const pf = await makePortfolio(t, t.admin, { description: "First" });
      await t.call(t.admin, "PATCH", `/api/v1/portfolios/${pf.id}`, {
        version: 1,
        description: "Second",
        ownerId: owner.id,
      });
      const pg = (
        await t.call(t.admin, "POST", "/api/v1/programs", { portfolioId: pf.id, name: uniq("Audited program ") })
      ).json();
      await t.call(t.admin, "PATCH", `/api/v1/programs/${pg.id}`, { version: 1, description: "Program text" });
      await t.call(t.admin, "POST", `/api/v1/programs/${pg.id}/archive`, { version: 2, archived: true });
      await t.call(t.admin, "POST", `/api/v1/portfolios/${pf.id}/archive`, { version: 2, archived: true });

      const pfEvents = await eventsOf(pf.id);
      expect(pfEvents.map((e) => `${e.entityType}:${e.action}`)).toEqual([
        "portfolio:archive",
        "portfolio:update",
        "portfolio:create",
      ]);
      expect(pfEvents[1]?.changes).toEqual({
        description: { before: "First", after: "Second" },
        ownerId: { before: null, after: owner.id },
      });
      expect(pfEvents[2]?.changes.name).toEqual({ before: null, after: pf.name });
      expect(pfEvents[0]?.changes.archivedAt?.before).toBeNull();
      expect(pfEvents[0]?.changes.archivedAt?.after).toEqual(expect.any(String));

      const pgEvents = await eventsOf(pg.id);
      expect(pgEvents.map((e) => `${e.entityType}:${e.action}`)).toEqual([
        "program:archive",
        "program:update",
        "program:create",
      ]);
      expect(pgEvents[1]?.changes).toEqual({ description: { before: "", after: "Program text" } });
      expect(pgEvents[2]?.changes.portfolioId).toEqual({ before: null, after: pf.id });
      for (const e of [...pfEvents, ...pgEvents]) expect(e.actorId).toBe(t.admin.id);
    });

    it("records user create and update without any password", async () => {
      const email = `${uniq("audited.")}@example.test`;
      const created = await t.call(t.admin, "POST", "/api/v1/users", { email, name: "Audrey Audit", role: "member" });
      expect(created.statusCode, created.body).toBe(201);
      const { user, oneTimePassword } = created.json() as {
        user: { id: string; version: number };
        oneTimePassword: string;
      };
      expect(oneTimePassword).toEqual(expect.any(String));
      const updated = await t.call(t.admin, "PATCH", `/api/v1/users/${user.id}`, {
        version: user.version,
        role: "pmo",
        name: "Audrey A.",
      });
      expect(updated.statusCode, updated.body).toBe(200);

      const events = await eventsOf(user.id);
      expect(events.map((e) => `${e.entityType}:${e.action}`)).toEqual(["user:update", "user:create"]);
      expect(events[1]?.changes).toEqual({
        email: { before: null, after: email },
        name: { before: null, after: "Audrey Audit" },
        role: { before: null, after: "member" },
      });
      expect(events[0]?.changes).toEqual({
        name: { before: "Audrey Audit", after: "Audrey A." },
        role: { before: "member", after: "pmo" },
      });
      for (const e of events) {
        expect(e.actorId).toBe(t.admin.id);
        expect(JSON.stringify(e)).not.toContain(oneTimePassword);
        expect(JSON.stringify(e.changes)).not.toMatch(/password_hash|\$argon2/);
      }
    });

    it("records token create and revoke without the secret", async () => {
      const pm = await t.makeUser("project_manager");
      const created = await t.call(pm, "POST", "/api/v1/tokens", { name: "ci script", expiresInDays: 7 });
      expect(created.statusCode, created.body).toBe(201);
      const { token, secret } = created.json() as { token: { id: string; expiresAt: string }; secret: string };
      const revoked = await t.call(pm, "DELETE", `/api/v1/tokens/${token.id}`);
      expect(revoked.statusCode).toBe(204);

      const events = await eventsOf(token.id);
      expect(events.map((e) => `${e.entityType}:${e.action}`)).toEqual(["api_token:revoke", "api_token:create"]);
      expect(events[1]?.changes).toEqual({
        name: { before: null, after: "ci script" },
        userId: { before: null, after: pm.id },
        expiresAt: { before: null, after: token.expiresAt },
      });
      expect(events[0]?.changes.revokedAt?.before).toBeNull();
      expect(events[0]?.changes.revokedAt?.after).toEqual(expect.any(String));
      for (const e of events) {
        expect(e.actorId).toBe(pm.id);
        expect(JSON.stringify(e)).not.toContain(secret);
        expect(JSON.stringify(e)).not.toContain(secret.slice(3, 20));
      }
      // Revoking again changes nothing and records nothing.
      expect((await t.call(t.admin, "DELETE", `/api/v1/tokens/${token.id}`)).statusCode).toBe(204);
      expect(await eventsOf(token.id)).toHaveLength(2);
    });

    it("records category and resource role creation", async () => {
      const key = uniq("cat_");
      expect((await t.call(t.admin, "POST", "/api/v1/categories", { key, name: "Audited category" })).statusCode).toBe(
        201,
      );
      const role = uniq("role_");
      expect(
        (await t.call(t.admin, "POST", "/api/v1/resource-roles", { key: role, name: "Audited role" })).statusCode,
      ).toBe(201);
      const cat = (await audit(`entityType=category&limit=500`)).items.find((e) => e.entityId === key);
      expect(cat).toMatchObject({ action: "create", actorId: t.admin.id });
      expect(cat?.changes.name).toEqual({ before: null, after: "Audited category" });
      const rr = (await audit(`entityType=resource_role&limit=500`)).items.find((e) => e.entityId === role);
      expect(rr?.changes.hoursPerFteMonth).toEqual({ before: null, after: 140 });
    });

    it("records one import event per imported project", async () => {
      const pf = await makePortfolio(t);
      const codes = [uniq("AUI"), uniq("AUJ")];
      const csv = [
        "code,name,portfolio,category,planned_start,planned_end,depends_on",
        `${codes[0]},Imported one,${pf.name},run,2027-01-01,2027-01-31,${codes[1]}`,
        `${codes[1]},Imported two,${pf.name},run,2027-01-01,2027-01-31,`,
      ].join("\n");
      const res = await t.call(t.admin, "POST", "/api/v1/projects/import", csv, { "content-type": "text/csv" });
      expect(res.statusCode, res.body).toBe(201);
      const imported = (await audit("entityType=project&action=import&limit=500")).items.filter((e) =>
        codes.includes(String(e.changes.code?.after)),
      );
      expect(imported).toHaveLength(2);
      const first = imported.find((e) => e.changes.code?.after === codes[0]);
      const dependsOn = (first?.changes.dependencies?.after ?? []) as { dependsOnId: string }[];
      expect(dependsOn).toHaveLength(1);
      expect(dependsOn[0]?.dependsOnId).toBe(imported.find((e) => e.changes.code?.after === codes[1])?.entityId);
    });
  });

  describe("a failed write records nothing", () => {
    it("leaves no event behind a 400, 403, 404 or 409", async () => {
      const pf = await makePortfolio(t);
      const p = await makeProject(t, pf.id);
      const member = await t.makeUser("member");
      const user = (
        await t.call(t.admin, "POST", "/api/v1/users", {
          email: `${uniq("f.")}@example.test`,
          name: "F",
          role: "viewer",
        })
      ).json().user as { id: string };
      const adminVersion = (
        (await t.call(t.admin, "GET", "/api/v1/users")).json().items as { id: string; version: number }[]
      ).find((u) => u.id === t.admin.id)?.version;
      const before = await auditCount();
      const refused: [LightMyRequestResponse, number][] = [
        [await t.call(t.admin, "PATCH", `/api/v1/projects/${p.id}`, { version: 5, name: "Stale" }), 409],
        [await t.call(t.admin, "PATCH", `/api/v1/projects/${p.id}`, { version: 1, category: "nope" }), 400],
        [await t.call(t.admin, "POST", `/api/v1/projects/${p.id}/archive`, { version: 9, archived: true }), 409],
        [await t.call(t.admin, "POST", "/api/v1/projects", projectBody(pf.id, { code: p.code })), 400],
        [await t.call(member, "POST", "/api/v1/projects", projectBody(pf.id)), 403],
        [await t.call(t.admin, "PATCH", `/api/v1/portfolios/${pf.id}`, { version: 3, name: "Stale" }), 409],
        [await t.call(t.admin, "POST", `/api/v1/portfolios/${pf.id}/archive`, { version: 1, archived: true }), 409],
        [await t.call(t.admin, "POST", "/api/v1/portfolios", { name: pf.name }), 400],
        [await t.call(t.admin, "PATCH", `/api/v1/users/${user.id}`, { version: 99, name: "Stale" }), 409],
        [await t.call(t.admin, "PATCH", `/api/v1/users/${t.admin.id}`, { version: adminVersion, role: "viewer" }), 400],
        [await t.call(t.admin, "POST", "/api/v1/users", { email: t.admin.email, name: "Again", role: "viewer" }), 409],
        [await t.call(t.admin, "POST", "/api/v1/categories", { key: "run", name: "Run again" }), 409],
        [await t.call(t.admin, "DELETE", "/api/v1/tokens/0190a000-0000-7000-8000-000000000000"), 404],
        [
          await t.call(t.admin, "PATCH", "/api/v1/programs/0190a000-0000-7000-8000-000000000000", {
            version: 1,
            name: "x",
          }),
          404,
        ],
      ];
      for (const [res, status] of refused) expect(res.statusCode, res.body).toBe(status);
      expect(await auditCount()).toBe(before);
    });

    it("rolls the write back when its audit event cannot be written (same transaction)", async () => {
      const marker = "AUDIT-REFUSED";
      if (engine === "sqlite") {
        await sql
          .raw(
            `create trigger refuse_marked_audit before insert on audit_events when new.changes like '%${marker}%' begin select raise(abort, 'audit refused'); end`,
          )
          .execute(t.db.db);
      } else {
        await sql
          .raw(
            `create function refuse_marked_audit() returns trigger language plpgsql as $$ begin if new.changes like '%${marker}%' then raise exception 'audit refused'; end if; return new; end $$`,
          )
          .execute(t.db.db);
        await sql
          .raw(
            "create trigger refuse_marked_audit before insert on audit_events for each row execute function refuse_marked_audit()",
          )
          .execute(t.db.db);
      }
      try {
        const pf = await makePortfolio(t);
        const p = await makeProject(t, pf.id);
        const before = await auditCount();

        // Project create: no project row, no budget lines.
        const code = uniq("ROLL");
        const create = await t.call(t.admin, "POST", "/api/v1/projects", projectBody(pf.id, { code, name: marker }));
        expect(create.statusCode).toBe(500);
        expect(
          await t.db.db
            .selectFrom("projects")
            .select("id")
            .where("code", "=", code)
            .where("organization_id", "=", t.organizationId)
            .execute(),
        ).toEqual([]);

        // Project update: the row, its budget and its version stay as they were.
        const update = await t.call(t.admin, "PATCH", `/api/v1/projects/${p.id}`, {
          version: 1,
          name: marker,
          budget: [{ period: "2027-03", expenseType: "capex", amountCents: 1 }],
        });
        expect(update.statusCode).toBe(500);
        const after = (await t.call(t.admin, "GET", `/api/v1/projects/${p.id}`)).json();
        expect(after).toMatchObject({ name: p.name, version: 1, budgetTotalCents: 3_500_000 });
        expect(after.budget).toHaveLength(2);

        // Portfolio create and update.
        expect(
          (await t.call(t.admin, "POST", "/api/v1/portfolios", { name: `${marker} ${uniq("")}` })).statusCode,
        ).toBe(500);
        expect(
          (await t.call(t.admin, "PATCH", `/api/v1/portfolios/${pf.id}`, { version: 1, description: marker }))
            .statusCode,
        ).toBe(500);
        expect((await t.call(t.admin, "GET", `/api/v1/portfolios/${pf.id}`)).json()).toMatchObject({
          version: 1,
          description: "",
        });

        // User create: neither the account nor the membership remains.
        const email = `${uniq("rollback.")}@example.test`;
        expect(
          (await t.call(t.admin, "POST", "/api/v1/users", { email, name: marker, role: "viewer" })).statusCode,
        ).toBe(500);
        expect(await t.services.identity.findUserByEmail(email)).toBeUndefined();

        // Token create: no usable token remains.
        expect((await t.call(t.admin, "POST", "/api/v1/tokens", { name: marker })).statusCode).toBe(500);
        const tokens = (await t.call(t.admin, "GET", "/api/v1/tokens")).json().items as { name: string }[];
        expect(tokens.map((x) => x.name)).not.toContain(marker);

        // Import: one refused event undoes every row of the file.
        const csv = [
          "code,name,portfolio,category,planned_start,planned_end",
          `${uniq("RIA")},Fine row,${pf.name},run,2027-01-01,2027-01-31`,
          `${uniq("RIB")},${marker},${pf.name},run,2027-01-01,2027-01-31`,
        ].join("\n");
        const projectsBefore = (await t.call(t.admin, "GET", `/api/v1/projects?portfolioId=${pf.id}`)).json().total;
        expect(
          (await t.call(t.admin, "POST", "/api/v1/projects/import", csv, { "content-type": "text/csv" })).statusCode,
        ).toBe(500);
        expect((await t.call(t.admin, "GET", `/api/v1/projects?portfolioId=${pf.id}`)).json().total).toBe(
          projectsBefore,
        );

        expect(await auditCount()).toBe(before);
      } finally {
        await sql
          .raw(`drop trigger if exists refuse_marked_audit${engine === "postgres" ? " on audit_events" : ""}`)
          .execute(t.db.db);
        if (engine === "postgres") await sql.raw("drop function if exists refuse_marked_audit()").execute(t.db.db);
      }
    });
  });

  describe("GET /api/v1/audit", () => {
    let other: TestUser;
    let pfA: { id: string; name: string };
    let pfB: { id: string; name: string };
    beforeAll(async () => {
      other = await t.makeUser("pmo");
      pfA = await makePortfolio(t);
      pfB = await makePortfolio(t, other);
      await t.call(other, "PATCH", `/api/v1/portfolios/${pfB.id}`, { version: 1, description: "by the other one" });
      await t.call(other, "PATCH", `/api/v1/portfolios/${pfB.id}`, { version: 2, description: "and again" });
    });

    it("filters by entity type, entity id, actor and action", async () => {
      // The other user's events: the API token the test helper issued, then the portfolio's.
      const byOther = (await audit(`actorId=${other.id}&limit=500`)).items;
      expect(byOther.map((e) => `${e.entityType}:${e.action}`)).toEqual([
        "portfolio:update",
        "portfolio:update",
        "portfolio:create",
        "api_token:create",
      ]);
      expect(byOther.every((e) => e.actorId === other.id)).toBe(true);
      expect((await audit(`actorId=${other.id}&entityType=portfolio`)).items.every((e) => e.entityId === pfB.id)).toBe(
        true,
      );

      const portfolioEvents = (await audit("entityType=portfolio&limit=500")).items;
      expect(portfolioEvents.every((e) => e.entityType === "portfolio")).toBe(true);
      expect(portfolioEvents.map((e) => e.entityId)).toEqual(expect.arrayContaining([pfA.id, pfB.id]));

      expect((await audit(`entityId=${pfA.id}`)).items.map((e) => e.action)).toEqual(["create"]);
      expect((await audit(`entityId=${pfB.id}&action=update`)).items).toHaveLength(2);
      expect(
        (await audit(`actorId=${other.id}&action=create&entityType=portfolio`)).items.map((e) => e.entityId),
      ).toEqual([pfB.id]);
      expect((await audit(`entityType=project&entityId=${pfB.id}`)).items).toEqual([]);
    });

    it("lists newest first and pages with a cursor, each event exactly once", async () => {
      const all = (await audit("limit=500")).items;
      expect(all.length).toBeGreaterThan(3);
      const ids = all.map((e) => e.id);
      expect([...ids].sort().reverse()).toEqual(ids);
      const times = all.map((e) => e.occurredAt);
      expect([...times].sort().reverse()).toEqual(times);

      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page: AuditPage = await audit(`limit=2${cursor ? `&cursor=${cursor}` : ""}`);
        expect(page.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.items.map((e) => e.id));
        cursor = page.nextCursor;
        pages += 1;
      } while (cursor && pages < 1000);
      expect(seen).toEqual(ids);

      const mine = `actorId=${other.id}&entityType=portfolio`;
      const filtered = await audit(`${mine}&limit=1`);
      expect(filtered.items).toHaveLength(1);
      const second = await audit(`${mine}&limit=1&cursor=${filtered.nextCursor}`);
      const third = await audit(`${mine}&limit=1&cursor=${second.nextCursor}`);
      expect([...filtered.items, ...second.items, ...third.items].map((e) => e.action)).toEqual([
        "update",
        "update",
        "create",
      ]);
      expect(third.nextCursor).toBeNull();
    });

    it("filters by time with from and to", async () => {
      const mine = `actorId=${other.id}&entityType=portfolio`;
      const [newest, , oldest] = (await audit(mine)).items as [AuditEvent, AuditEvent, AuditEvent];
      const all = await audit(
        `${mine}&from=${encodeURIComponent(oldest.occurredAt)}&to=${encodeURIComponent(newest.occurredAt)}`,
      );
      expect(all.items).toHaveLength(3);
      const justAfter = new Date(Date.parse(oldest.occurredAt) + 1).toISOString();
      const later = await audit(`${mine}&from=${encodeURIComponent(justAfter)}`);
      expect(later.items.map((e) => e.id)).not.toContain(oldest.id);
      const justBefore = new Date(Date.parse(newest.occurredAt) - 1).toISOString();
      expect((await audit(`${mine}&to=${encodeURIComponent(justBefore)}`)).items.map((e) => e.id)).not.toContain(
        newest.id,
      );

      const today = newest.occurredAt.slice(0, 10);
      expect((await audit(`${mine}&from=${today}&to=${today}`)).items).toHaveLength(3);
      expect((await audit(`${mine}&from=2999-01-01`)).items).toEqual([]);
      expect((await audit(`${mine}&to=2000-01-01`)).items).toEqual([]);
    });

    it("compares from and to as instants, whatever offset or precision they are written in", async () => {
      const mine = `actorId=${other.id}&entityType=portfolio`;
      const [, , oldest] = (await audit(mine)).items as [AuditEvent, AuditEvent, AuditEvent];
      const at = oldest.occurredAt;
      const ids = async (q: string) => (await audit(`${mine}&${q}`)).items.map((e) => e.id);
      // The event's own instant written at +02:00 and at -05:00: from is inclusive, to is inclusive.
      expect(await ids(`from=${encodeURIComponent(withOffset(at, 120))}`)).toContain(oldest.id);
      expect(await ids(`to=${encodeURIComponent(withOffset(at, -300))}`)).toContain(oldest.id);
      // Whole seconds without milliseconds: the event lies after its own second began.
      const second = `${at.slice(0, 19)}Z`;
      expect(await ids(`from=${encodeURIComponent(second)}`)).toContain(oldest.id);
    });

    it("refuses bad filters with 400", async () => {
      expectProblem(await t.call(t.admin, "GET", "/api/v1/audit?cursor=garbage"), 400, "cursor");
      expectProblem(await t.call(t.admin, "GET", "/api/v1/audit?entityId=nope"), 400, "query.entityId");
      expectProblem(await t.call(t.admin, "GET", "/api/v1/audit?actorId=1"), 400, "query.actorId");
      expectProblem(await t.call(t.admin, "GET", "/api/v1/audit?from=yesterday"), 400, "query.from");
      expectProblem(await t.call(t.admin, "GET", "/api/v1/audit?limit=0"), 400, "query.limit");
      expectProblem(await t.call(t.admin, "GET", "/api/v1/audit?limit=501"), 400, "query.limit");
      expectProblem(await t.call(t.admin, "GET", "/api/v1/audit?actor=me"), 400, "query.actor");
    });

    it("is readable by admins, PMO and executives only; everyone reads a project's history", async () => {
      for (const role of ["member", "project_manager", "viewer", "benefit_owner"] as const) {
        const user = await t.makeUser(role);
        const res = await t.call(user, "GET", "/api/v1/audit");
        expect(res.statusCode, role).toBe(403);
        expectProblem(res, 403);
      }
      for (const role of ["pmo", "executive"] as const) {
        expect((await t.call(await t.makeUser(role), "GET", "/api/v1/audit")).statusCode, role).toBe(200);
      }
      expectProblem(await t.call(null, "GET", "/api/v1/audit"), 401);
      const p = await makeProject(t, pfA.id);
      const member = await t.makeUser("member");
      const history = await t.call(member, "GET", `/api/v1/projects/${p.id}/history`);
      expect(history.statusCode).toBe(200);
      expect(history.json().items.map((e: AuditEvent) => e.action)).toEqual(["create"]);
    });

    it("shows each organization only its own events", async () => {
      const org2 = await t.services.identity.createOrganization(uniq("Audit org "));
      const admin2 = await t.makeUser("admin", org2.id);
      const theirs = await makePortfolio(t, admin2);
      const mine = (await audit("limit=500")).items;
      expect(mine.map((e) => e.entityId)).not.toContain(theirs.id);
      expect((await audit(`entityId=${theirs.id}`)).items).toEqual([]);
      const seen = (await audit("limit=500", admin2)).items;
      expect(seen.map((e) => e.entityId)).toContain(theirs.id);
      expect(seen.map((e) => e.entityId)).not.toContain(pfA.id);
      expectProblem(await t.call(t.admin, "GET", `/api/v1/projects/${theirs.id}/history`), 404);
    });
  });
});
