import { createHash } from "node:crypto";
import type { InjectOptions, LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestApp, PASSWORD, type TestApp, type TestUser } from "../helpers/app.js";
import { describeEachEngine } from "../helpers/engines.js";
import { concretePath, openApiRoutes, splitRouteKey } from "../helpers/routes.js";

const SESSION_COOKIE = "tl_session";
const NEW_PASSWORD = "a much longer and newer passphrase";
const PAST = "2000-01-01T00:00:00.000Z";

let seq = 0;
const uniqueEmail = (what: string) => {
  seq += 1;
  return `${what}.${seq}.${Date.now()}@example.test`;
};
const sha256 = (v: string) => createHash("sha256").update(v).digest("hex");

type Session = { cookie: string; csrf: string };

function signIn(
  t: TestApp,
  email: string,
  password: string,
  options: { remoteAddress?: string; headers?: Record<string, string> } = {},
) {
  return t.app.inject({
    method: "POST",
    url: "/api/v1/auth/sign-in",
    payload: { email, password },
    ...(options.remoteAddress ? { remoteAddress: options.remoteAddress } : {}),
    ...(options.headers ? { headers: options.headers } : {}),
  });
}

/** Signs in and returns the session cookie's value and the CSRF token the sign-in returned. */
async function openSession(t: TestApp, email: string, password: string = PASSWORD): Promise<Session> {
  const res = await signIn(t, email, password);
  expect(res.statusCode, res.body).toBe(200);
  const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
  if (!cookie) throw new Error("sign-in set no session cookie");
  return { cookie: cookie.value, csrf: res.json().csrfToken as string };
}

/** Calls the API with the session cookie; `csrf` is the X-CSRF-Token header to send, if any. */
function asCookie(t: TestApp, s: Session, method: InjectOptions["method"], url: string, body?: object, csrf?: string) {
  return t.app.inject({
    method,
    url,
    cookies: { [SESSION_COOKIE]: s.cookie },
    headers: csrf === undefined ? {} : { "x-csrf-token": csrf },
    ...(body === undefined ? {} : { payload: body }),
  });
}

function expectProblem(res: LightMyRequestResponse, status: number, code: string) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
  const problem = res.json();
  expect(problem).toMatchObject({ status, code });
  expect(typeof problem.detail).toBe("string");
  return problem as { detail: string; errors?: { path: string; message: string }[] };
}

async function userVersion(t: TestApp, userId: string, as: TestUser = t.admin): Promise<number> {
  const res = await t.call(as, "GET", "/api/v1/users");
  const user = (res.json().items as { id: string; version: number }[]).find((u) => u.id === userId);
  if (!user) throw new Error(`user ${userId} is not listed`);
  return user.version;
}

describeEachEngine("identity: sign-in, sessions, CSRF, tokens, users", (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    // A generous limit: this suite signs in often; rate limiting has its own suite below.
    t = await createTestApp(engine, { SIGN_IN_RATE_LIMIT: "1000" });
  });
  afterAll(async () => t.close());

  it("sign-in with email and password sets an HttpOnly, SameSite session cookie and stores only its hash", async () => {
    const res = await signIn(t, "Admin@Example.test", PASSWORD);
    expect(res.statusCode, res.body).toBe(200);
    const header = res.headers["set-cookie"];
    const raw = (Array.isArray(header) ? header : [header ?? ""]).find((h) => h.startsWith(`${SESSION_COOKIE}=`));
    expect(raw).toBeDefined();
    expect(raw).toMatch(/;\s*HttpOnly/i);
    expect(raw).toMatch(/;\s*SameSite=Lax/i);
    expect(raw).toMatch(/;\s*Path=\//i);
    const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
    expect(cookie?.value.length).toBeGreaterThanOrEqual(32);
    expect(cookie?.expires?.getTime()).toBeGreaterThan(Date.now());
    expect(res.json()).toMatchObject({ user: { email: "admin@example.test" }, role: "admin", via: "session" });

    const rows = await t.db.db.selectFrom("sessions").select(["id"]).where("user_id", "=", t.admin.id).execute();
    const ids = rows.map((r) => r.id);
    expect(ids).toContain(sha256(cookie?.value ?? ""));
    expect(ids).not.toContain(cookie?.value);
  });

  it("a wrong password and an unknown email both get 401 problem+json with the same message and no cookie", async () => {
    const wrong = await signIn(t, t.admin.email, "not the password at all");
    const unknown = await signIn(t, "nobody@example.test", PASSWORD);
    const a = expectProblem(wrong, 401, "unauthenticated");
    const b = expectProblem(unknown, 401, "unauthenticated");
    expect(a.detail).toBe(b.detail);
    expect(wrong.cookies).toEqual([]);
    expect(unknown.cookies).toEqual([]);
  });

  it("/api/v1/me with the cookie returns the session's CSRF token; a bearer caller gets none", async () => {
    const s = await openSession(t, t.admin.email);
    const me = await asCookie(t, s, "GET", "/api/v1/me");
    expect(me.statusCode, me.body).toBe(200);
    expect(me.json()).toMatchObject({ via: "session", role: "admin", user: { id: t.admin.id } });
    expect(me.json().csrfToken).toBe(s.csrf);
    expect(s.csrf.length).toBeGreaterThanOrEqual(16);

    const bearer = await t.call(t.admin, "GET", "/api/v1/me");
    expect(bearer.statusCode).toBe(200);
    expect(bearer.json()).toMatchObject({ via: "token", csrfToken: null });
  });

  it("a cookie-authenticated write needs X-CSRF-Token; reads and bearer calls do not", async () => {
    const s = await openSession(t, t.admin.email);
    const other = await openSession(t, t.admin.email);
    expect((await asCookie(t, s, "GET", "/api/v1/portfolios")).statusCode).toBe(200);

    expectProblem(await asCookie(t, s, "POST", "/api/v1/portfolios", { name: `CSRF none ${seq++}` }), 403, "forbidden");
    expectProblem(
      await asCookie(t, s, "POST", "/api/v1/portfolios", { name: `CSRF wrong ${seq++}` }, "nonsense"),
      403,
      "forbidden",
    );
    expectProblem(
      await asCookie(t, s, "POST", "/api/v1/portfolios", { name: `CSRF other ${seq++}` }, other.csrf),
      403,
      "forbidden",
    );
    const names = (await t.call(t.admin, "GET", "/api/v1/portfolios"))
      .json()
      .items.map((p: { name: string }) => p.name);
    expect(names.filter((n: string) => n.startsWith("CSRF"))).toEqual([]);

    const ok = await asCookie(t, s, "POST", "/api/v1/portfolios", { name: `CSRF right ${seq++}` }, s.csrf);
    expect(ok.statusCode, ok.body).toBe(201);

    const bearer = await t.call(t.admin, "POST", "/api/v1/portfolios", { name: `Bearer ${seq++}` });
    expect(bearer.statusCode, bearer.body).toBe(201);
  });

  it("sign-out ends only this session: its cookie stops working (401), others keep working", async () => {
    const s = await openSession(t, t.admin.email);
    const other = await openSession(t, t.admin.email);
    expectProblem(await asCookie(t, s, "POST", "/api/v1/auth/sign-out"), 403, "forbidden");
    const out = await asCookie(t, s, "POST", "/api/v1/auth/sign-out", undefined, s.csrf);
    expect(out.statusCode, out.body).toBe(204);
    const cleared = out.cookies.find((c) => c.name === SESSION_COOKIE);
    expect(cleared?.value).toBe("");
    expectProblem(await asCookie(t, s, "GET", "/api/v1/me"), 401, "unauthenticated");
    expect((await asCookie(t, other, "GET", "/api/v1/me")).statusCode).toBe(200);
  });

  it("an expired session gets 401 and is deleted", async () => {
    const s = await openSession(t, t.admin.email);
    expect((await asCookie(t, s, "GET", "/api/v1/me")).statusCode).toBe(200);
    const updated = await t.db.db
      .updateTable("sessions")
      .set({ expires_at: PAST })
      .where("id", "=", sha256(s.cookie))
      .executeTakeFirst();
    expect(Number(updated.numUpdatedRows)).toBe(1);
    expectProblem(await asCookie(t, s, "GET", "/api/v1/me"), 401, "unauthenticated");
    const left = await t.db.db.selectFrom("sessions").select("id").where("id", "=", sha256(s.cookie)).execute();
    expect(left).toEqual([]);
  });

  it("API tokens: the secret (tl_…) is shown once, the list shows only its prefix, and a revoked token gets 401", async () => {
    const member = await t.makeUser("member");
    const created = await t.call(member, "POST", "/api/v1/tokens", { name: "ci pipeline" });
    expect(created.statusCode, created.body).toBe(201);
    const { token, secret } = created.json() as {
      token: { id: string; prefix: string; userId: string };
      secret: string;
    };
    expect(secret).toMatch(/^tl_[A-Za-z0-9_-]{20,}$/);
    expect(token.userId).toBe(member.id);
    expect(secret.startsWith(token.prefix)).toBe(true);
    expect(token.prefix.length).toBeLessThan(secret.length / 2);

    const list = await t.call(member, "GET", "/api/v1/tokens");
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(secret);
    const listed = (list.json().items as Record<string, unknown>[]).find((i) => i.id === token.id);
    expect(listed).toMatchObject({ id: token.id, name: "ci pipeline", prefix: token.prefix, revokedAt: null });
    expect(listed).not.toHaveProperty("secret");
    const row = await t.db.db.selectFrom("api_tokens").selectAll().where("id", "=", token.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(secret);

    const withSecret = (method: InjectOptions["method"], url: string, body?: object) =>
      t.app.inject({ method, url, headers: { authorization: `Bearer ${secret}` }, ...(body ? { payload: body } : {}) });
    const me = await withSecret("GET", "/api/v1/me");
    expect(me.statusCode, me.body).toBe(200);
    expect(me.json()).toMatchObject({ via: "token", user: { id: member.id }, role: "member" });
    // Bearer writes need no CSRF token: creating another token with it works.
    expect((await withSecret("POST", "/api/v1/tokens", { name: "made by a token" })).statusCode).toBe(201);

    expect((await t.call(member, "DELETE", `/api/v1/tokens/${token.id}`)).statusCode).toBe(204);
    expectProblem(await withSecret("GET", "/api/v1/me"), 401, "unauthenticated");
    const after = (await t.call(member, "GET", "/api/v1/tokens"))
      .json()
      .items.find((i: { id: string }) => i.id === token.id);
    expect(after.revokedAt).not.toBeNull();
  });

  it("an expired API token gets 401", async () => {
    const created = await t.call(t.admin, "POST", "/api/v1/tokens", { name: "short-lived", expiresInDays: 1 });
    expect(created.statusCode).toBe(201);
    const { token, secret } = created.json() as { token: { id: string; expiresAt: string }; secret: string };
    expect(Date.parse(token.expiresAt)).toBeGreaterThan(Date.now());
    const headers = { authorization: `Bearer ${secret}` };
    expect((await t.app.inject({ method: "GET", url: "/api/v1/me", headers })).statusCode).toBe(200);
    await t.db.db.updateTable("api_tokens").set({ expires_at: PAST }).where("id", "=", token.id).execute();
    expectProblem(await t.app.inject({ method: "GET", url: "/api/v1/me", headers }), 401, "unauthenticated");
  });

  it("an admin creates a user with a one-time password shown once; the user must change it", async () => {
    const email = uniqueEmail("new.hire");
    const created = await t.call(t.admin, "POST", "/api/v1/users", { email, name: "New Hire", role: "member" });
    expect(created.statusCode, created.body).toBe(201);
    const { user, oneTimePassword } = created.json() as { user: { id: string; role: string }; oneTimePassword: string };
    expect(user.role).toBe("member");
    expect(oneTimePassword).toMatch(/^\S{12,}$/);

    const list = await t.call(t.admin, "GET", "/api/v1/users");
    expect(list.json().items.map((u: { id: string }) => u.id)).toContain(user.id);
    expect(list.body).not.toContain(oneTimePassword);
    expect(list.body).not.toMatch(/password/i);

    const s = await openSession(t, email, oneTimePassword);
    const me = await asCookie(t, s, "GET", "/api/v1/me");
    expect(me.json()).toMatchObject({ user: { id: user.id, mustChangePassword: true }, role: "member" });

    const changed = await asCookie(
      t,
      s,
      "POST",
      "/api/v1/me/password",
      { currentPassword: oneTimePassword, newPassword: NEW_PASSWORD },
      s.csrf,
    );
    expect(changed.statusCode, changed.body).toBe(204);
    expect((await asCookie(t, s, "GET", "/api/v1/me")).json().user.mustChangePassword).toBe(false);
    expectProblem(await signIn(t, email, oneTimePassword), 401, "unauthenticated");
    expect((await signIn(t, email, NEW_PASSWORD)).statusCode).toBe(200);

    // With a password given there is nothing to show and nothing to change.
    const chosen = await t.call(t.admin, "POST", "/api/v1/users", {
      email: uniqueEmail("chosen"),
      name: "Chose A Password",
      role: "viewer",
      password: NEW_PASSWORD,
    });
    expect(chosen.statusCode, chosen.body).toBe(201);
    expect(chosen.json().oneTimePassword).toBeNull();
  });

  it("non-admins cannot create or change users (403)", async () => {
    const pmo = await t.makeUser("pmo");
    const target = await t.makeUser("viewer");
    expectProblem(
      await t.call(pmo, "POST", "/api/v1/users", { email: uniqueEmail("x"), name: "X", role: "admin" }),
      403,
      "forbidden",
    );
    const version = await userVersion(t, target.id);
    expectProblem(
      await t.call(pmo, "PATCH", `/api/v1/users/${target.id}`, { version, role: "admin" }),
      403,
      "forbidden",
    );
    expect(await userVersion(t, target.id)).toBe(version);
  });

  it("an admin changes a user's role and the new role applies to the user's next call, by token and by session", async () => {
    const user = await t.makeUser("viewer");
    const s = await openSession(t, user.email);
    expectProblem(await t.call(user, "POST", "/api/v1/portfolios", { name: `Viewer try ${seq++}` }), 403, "forbidden");

    const res = await t.call(t.admin, "PATCH", `/api/v1/users/${user.id}`, {
      version: await userVersion(t, user.id),
      role: "pmo",
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: user.id, role: "pmo", disabled: false });

    expect((await t.call(user, "POST", "/api/v1/portfolios", { name: `PMO now ${seq++}` })).statusCode).toBe(201);
    expect((await asCookie(t, s, "GET", "/api/v1/me")).json().role).toBe("pmo");
    const stale = await t.call(t.admin, "PATCH", `/api/v1/users/${user.id}`, {
      version: res.json().version - 1,
      role: "viewer",
    });
    expectProblem(stale, 409, "conflict");
  });

  it("disabling a user ends their sessions and tokens and blocks sign-in; enabling restores the token", async () => {
    const user = await t.makeUser("member");
    const s = await openSession(t, user.email);
    expect((await t.call(user, "GET", "/api/v1/me")).statusCode).toBe(200);

    const disabled = await t.call(t.admin, "PATCH", `/api/v1/users/${user.id}`, {
      version: await userVersion(t, user.id),
      disabled: true,
    });
    expect(disabled.statusCode, disabled.body).toBe(200);
    expect(disabled.json().disabled).toBe(true);

    expectProblem(await t.call(user, "GET", "/api/v1/me"), 401, "unauthenticated");
    expectProblem(await asCookie(t, s, "GET", "/api/v1/me"), 401, "unauthenticated");
    const refused = expectProblem(await signIn(t, user.email, PASSWORD), 401, "unauthenticated");
    const wrong = expectProblem(await signIn(t, user.email, "not the password at all"), 401, "unauthenticated");
    expect(refused.detail).toBe(wrong.detail);

    const enabled = await t.call(t.admin, "PATCH", `/api/v1/users/${user.id}`, {
      version: disabled.json().version,
      disabled: false,
    });
    expect(enabled.statusCode, enabled.body).toBe(200);
    expect((await t.call(user, "GET", "/api/v1/me")).statusCode).toBe(200);
    expectProblem(await asCookie(t, s, "GET", "/api/v1/me"), 401, "unauthenticated");
  });

  it("the last active admin can be neither demoted nor disabled (400 naming the field); with a second admin they can", async () => {
    const org = await t.services.identity.createOrganization("Solo admin org");
    const solo = await t.makeUser("admin", org.id);
    const version = await userVersion(t, solo.id, solo);

    const demote = expectProblem(
      await t.call(solo, "PATCH", `/api/v1/users/${solo.id}`, { version, role: "pmo" }),
      400,
      "validation",
    );
    expect(demote.errors?.map((e) => e.path)).toEqual(["role"]);
    const disable = expectProblem(
      await t.call(solo, "PATCH", `/api/v1/users/${solo.id}`, { version, disabled: true }),
      400,
      "validation",
    );
    expect(disable.errors?.map((e) => e.path)).toEqual(["disabled"]);
    expect((await t.call(solo, "GET", "/api/v1/me")).json().role).toBe("admin");

    // A disabled admin does not count as the second one.
    const dormant = await t.makeUser("admin", org.id);
    const off = await t.call(solo, "PATCH", `/api/v1/users/${dormant.id}`, {
      version: await userVersion(t, dormant.id, solo),
      disabled: true,
    });
    expect(off.statusCode, off.body).toBe(200);
    expectProblem(await t.call(solo, "PATCH", `/api/v1/users/${solo.id}`, { version, role: "pmo" }), 400, "validation");

    await t.makeUser("admin", org.id);
    const ok = await t.call(solo, "PATCH", `/api/v1/users/${solo.id}`, { version, role: "pmo" });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().role).toBe("pmo");
  });

  it("refusing to disable the last admin names `disabled` even when the request also repeats role: admin", async () => {
    const org = await t.services.identity.createOrganization("Solo admin org 2");
    const solo = await t.makeUser("admin", org.id);
    const version = await userVersion(t, solo.id, solo);
    const res = await t.call(solo, "PATCH", `/api/v1/users/${solo.id}`, { version, role: "admin", disabled: true });
    const problem = expectProblem(res, 400, "validation");
    expect(problem.errors?.map((e) => e.path)).toEqual(["disabled"]);
  });

  it("changing one's password with a wrong current password gets 400 naming currentPassword", async () => {
    const user = await t.makeUser("viewer");
    const res = await t.call(user, "POST", "/api/v1/me/password", {
      currentPassword: "definitely not it",
      newPassword: NEW_PASSWORD,
    });
    const problem = expectProblem(res, 400, "validation");
    expect(problem.errors?.map((e) => e.path)).toEqual(["currentPassword"]);
    expect((await signIn(t, user.email, PASSWORD)).statusCode).toBe(200);
  });

  it("adding an existing account to another organization shows no one-time password and keeps the account's password", async () => {
    const other = await t.services.identity.createOrganization("Another org");
    const otherAdmin = await t.makeUser("admin", other.id);
    const member = await t.makeUser("member");
    const res = await t.call(otherAdmin, "POST", "/api/v1/users", {
      email: member.email,
      name: "Same Person",
      role: "viewer",
    });
    expect(res.statusCode, res.body).toBe(201);
    // The account keeps its password, so a generated one would be a password that does not work.
    expect(res.json().oneTimePassword).toBeNull();
    expect((await signIn(t, member.email, PASSWORD)).statusCode).toBe(200);
  });

  it("every /api/v1 route except sign-in answers 401 problem+json without credentials or with bad ones", async () => {
    const routes = await openApiRoutes(t);
    expect(routes.length).toBeGreaterThan(20);
    const wrong: string[] = [];
    for (const key of routes) {
      if (key === "POST /api/v1/auth/sign-in") continue;
      const { method, path } = splitRouteKey(key);
      const url = concretePath(path);
      for (const [how, headers, cookies] of [
        ["anonymous", {}, {}],
        ["bad token", { authorization: "Bearer tl_not-a-real-token-at-all" }, {}],
        ["malformed authorization", { authorization: "Basic YWRtaW46YWRtaW4=" }, {}],
        ["bad cookie", {}, { [SESSION_COOKIE]: "not-a-session" }],
      ] as const) {
        const res = await t.app.inject({
          method,
          url,
          headers,
          cookies,
          ...(method === "GET" || method === "DELETE" ? {} : { payload: {} }),
        });
        const ct = String(res.headers["content-type"] ?? "");
        if (res.statusCode !== 401 || !ct.startsWith("application/problem+json"))
          wrong.push(`${key} (${how}): ${res.statusCode} ${ct}`);
      }
    }
    expect(wrong).toEqual([]);

    // Sign-in itself is public: a bad body is a 400, not a 401.
    expectProblem(
      await t.app.inject({ method: "POST", url: "/api/v1/auth/sign-in", payload: { email: "not an email" } }),
      400,
      "validation",
    );
  });

  it("/healthz and /readyz answer 200 without auth", async () => {
    const health = await t.call(null, "GET", "/healthz");
    expect(health.statusCode).toBe(200);
    expect(health.json().status).toBe("ok");
    const ready = await t.call(null, "GET", "/readyz");
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: "ready", engine });
  });

  it("/api/openapi.json is an OpenAPI 3.1 document of the API, served without auth", async () => {
    const res = await t.call(null, "GET", "/api/openapi.json");
    expect(res.statusCode).toBe(200);
    const doc = res.json() as {
      openapi: string;
      info: { title: string; version: string };
      paths: Record<string, Record<string, unknown>>;
    };
    expect(doc.openapi).toMatch(/^3\.1\./);
    expect(doc.info.title).toBeTruthy();
    expect(doc.info.version).toBeTruthy();
    expect(Object.keys(doc.paths["/api/v1/projects"] ?? {})).toEqual(expect.arrayContaining(["get", "post"]));
    expect(Object.keys(doc.paths["/api/v1/projects/{id}"] ?? {})).toEqual(expect.arrayContaining(["get", "patch"]));
    for (const p of [
      "/api/v1/auth/sign-in",
      "/api/v1/me",
      "/api/v1/users",
      "/api/v1/tokens",
      "/api/v1/portfolios",
      "/api/v1/programs",
      "/api/v1/audit",
    ]) {
      expect(doc.paths, p).toHaveProperty([p]);
    }
    // Internal endpoints stay out of the document.
    expect(doc.paths).not.toHaveProperty(["/healthz"]);
    expect(doc.paths).not.toHaveProperty(["/api/openapi.json"]);
  });
});

describeEachEngine("identity: sign-in rate limiting", (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine, { SIGN_IN_RATE_LIMIT: "3" });
  });
  afterAll(async () => t.close());

  it("the 4th failed attempt within a minute gets 429 problem+json; another client is not affected", async () => {
    const client = { remoteAddress: "10.0.0.1" };
    for (let i = 0; i < 3; i++)
      expectProblem(await signIn(t, t.admin.email, `wrong password ${i}`, client), 401, "unauthenticated");
    expectProblem(await signIn(t, t.admin.email, "wrong password 4", client), 429, "rate_limited");
    // Even the right password waits now.
    expectProblem(await signIn(t, t.admin.email, PASSWORD, client), 429, "rate_limited");
    expect((await signIn(t, t.admin.email, PASSWORD, { remoteAddress: "10.0.0.2" })).statusCode).toBe(200);
  });

  it("the limit counts attempts per account: failures against one email do not lock another account out from the same address", async () => {
    const client = { remoteAddress: "10.0.0.3" };
    for (let i = 0; i < 3; i++)
      expectProblem(await signIn(t, "someone.else@example.test", `guess ${i}`, client), 401, "unauthenticated");
    const res = await signIn(t, t.admin.email, PASSWORD, client);
    expect(res.statusCode, res.body).toBe(200);
  });

  it("a client cannot escape the limit by sending its own X-Forwarded-For header", async () => {
    const statuses: number[] = [];
    for (let i = 1; i <= 4; i++) {
      const res = await signIn(t, t.admin.email, `spoofed guess ${i}`, {
        remoteAddress: "10.0.0.4",
        headers: { "x-forwarded-for": `203.0.113.${i}` },
      });
      statuses.push(res.statusCode);
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
  });
});
