import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import type { Role } from "../../src/domain/identity/permissions.js";
import { buildApp, type Services } from "../../src/server/app.js";
import { loadConfig } from "../../src/server/config.js";
import type { Engine } from "../../src/server/platform/db/database.js";
import { createTestDatabase, type TestDatabase } from "./engines.js";

export type TestUser = { id: string; email: string; password: string; role: Role; token: string };

export type TestApp = {
  app: FastifyInstance;
  services: Services;
  db: TestDatabase;
  organizationId: string;
  admin: TestUser;
  /** Calls the API as a user (bearer token) and parses JSON. */
  call(
    user: TestUser | null,
    method: InjectOptions["method"],
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
  /** Creates a user with a role and a token in this organization (or another). */
  makeUser(role: Role, organizationId?: string): Promise<TestUser>;
  close(): Promise<void>;
};

let counter = 0;
export const PASSWORD = "correct horse battery staple";

/** An app on a fresh database of the engine, with one organization and its admin. */
export async function createTestApp(engine: Engine, env: Record<string, string> = {}): Promise<TestApp> {
  const db = await createTestDatabase(engine);
  const config = loadConfig({ DATA_DIR: "/nonexistent", LOG_LEVEL: "silent", ...env });
  const { app, services } = await buildApp({ config, database: db, logger: false });
  await app.ready();
  const boot = await services.identity.bootstrap({
    email: "admin@example.test",
    password: PASSWORD,
    organizationName: "Acme",
  });
  if (!boot) throw new Error("bootstrap did not run on an empty database");
  const organizationId = boot.organizationId;

  const tokenFor = async (userId: string, orgId: string): Promise<string> => {
    const { secret } = await services.identity.issueToken(
      { actor: { userId, name: "test", email: null, organizationId: orgId, role: "admin", via: "system" } },
      userId,
      { name: "test", expiresInDays: null },
    );
    return secret;
  };
  const adminUser = await services.identity.findUserByEmail("admin@example.test");
  if (!adminUser) throw new Error("admin missing");
  const admin: TestUser = {
    id: adminUser.id,
    email: adminUser.email,
    password: PASSWORD,
    role: "admin",
    token: await tokenFor(adminUser.id, organizationId),
  };

  const makeUser = async (role: Role, orgId = organizationId): Promise<TestUser> => {
    counter += 1;
    const email = `${role}.${counter}.${Date.now()}@example.test`;
    const u = await services.identity.addUser(
      orgId,
      { email, name: `${role} ${counter}`, role, password: PASSWORD },
      "test",
      false,
    );
    return { id: u.id, email, password: PASSWORD, role, token: await tokenFor(u.id, orgId) };
  };

  const call: TestApp["call"] = (user, method, url, body, headers = {}) =>
    app.inject({
      method,
      url,
      headers: { ...(user ? { authorization: `Bearer ${user.token}` } : {}), ...headers },
      ...(body === undefined
        ? {}
        : typeof body === "string" || Buffer.isBuffer(body)
          ? { payload: body }
          : { payload: body as object }),
    });

  return {
    app,
    services,
    db,
    organizationId,
    admin,
    call,
    makeUser,
    async close() {
      await app.close();
      await db.drop();
    },
  };
}
