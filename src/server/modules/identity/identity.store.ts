import type { ExpressionBuilder, Selectable } from "kysely";
import type { Database } from "../../db/schema.js";
import type { Db } from "../../platform/db/database.js";
import type {
  ApiTokensTable,
  MembershipsTable,
  OrganizationsTable,
  SessionsTable,
  UsersTable,
} from "./identity.table.js";

export type UserRow = Selectable<UsersTable>;
export type OrganizationRow = Selectable<OrganizationsTable>;
export type MembershipRow = Selectable<MembershipsTable>;
export type SessionRow = Selectable<SessionsTable>;
export type ApiTokenRow = Selectable<ApiTokensTable>;
/** A user as a member of one organization; `access_disabled_at` is set when either the account or the membership is disabled. */
export type MemberRow = UserRow & {
  role: string;
  membership_version: number;
  membership_disabled_at: string | null;
  membership_count: number | null;
};

export async function countOrganizations(db: Db): Promise<number> {
  const r = await db
    .selectFrom("organizations")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function insertOrganization(db: Db, row: Omit<OrganizationRow, "version">): Promise<void> {
  await db.insertInto("organizations").values(row).execute();
}

export async function findOrganization(db: Db, id: string): Promise<OrganizationRow | undefined> {
  return db.selectFrom("organizations").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function findFirstOrganization(db: Db): Promise<OrganizationRow | undefined> {
  return db.selectFrom("organizations").selectAll().orderBy("created_at").orderBy("id").limit(1).executeTakeFirst();
}

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  return db.selectFrom("users").selectAll().where("email", "=", email.toLowerCase()).executeTakeFirst();
}

export async function findUser(db: Db, id: string): Promise<UserRow | undefined> {
  return db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function insertUser(db: Db, row: Omit<UserRow, "version">): Promise<void> {
  await db.insertInto("users").values(row).execute();
}

export async function updateUserRow(
  db: Db,
  id: string,
  expectedVersion: number,
  patch: Partial<Pick<UserRow, "name" | "password_hash" | "must_change_password" | "disabled_at" | "updated_at">>,
): Promise<boolean> {
  const r = await db
    .updateTable("users")
    .set((eb) => ({ ...patch, version: eb("version", "+", 1) }))
    .where("id", "=", id)
    .where("version", "=", expectedVersion)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function insertMembership(db: Db, row: Omit<MembershipRow, "version">): Promise<void> {
  await db.insertInto("memberships").values(row).execute();
}

export async function findMembership(
  db: Db,
  organizationId: string,
  userId: string,
): Promise<MembershipRow | undefined> {
  return db
    .selectFrom("memberships")
    .selectAll()
    .where("organization_id", "=", organizationId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
}

export async function findMembershipsOfUser(
  db: Db,
  userId: string,
): Promise<(MembershipRow & { organization_name: string })[]> {
  return db
    .selectFrom("memberships")
    .innerJoin("organizations", "organizations.id", "memberships.organization_id")
    .selectAll("memberships")
    .select("organizations.name as organization_name")
    .where("memberships.user_id", "=", userId)
    .orderBy("memberships.created_at")
    .execute();
}

export async function updateMembershipRow(
  db: Db,
  organizationId: string,
  userId: string,
  patch: { role?: string; disabled_at?: string | null },
  at: string,
): Promise<void> {
  await db
    .updateTable("memberships")
    .set((eb) => ({ ...patch, updated_at: at, version: eb("version", "+", 1) }))
    .where("organization_id", "=", organizationId)
    .where("user_id", "=", userId)
    .execute();
}

const memberColumns = (eb: ExpressionBuilder<Database, "memberships" | "users">) => [
  eb.ref("memberships.role").as("role"),
  eb.ref("memberships.version").as("membership_version"),
  eb.ref("memberships.disabled_at").as("membership_disabled_at"),
  eb
    .selectFrom("memberships as m2")
    .select((e) => e.fn.countAll<number>().as("n"))
    .whereRef("m2.user_id", "=", "users.id")
    .as("membership_count"),
];

export async function findMembers(db: Db, organizationId: string): Promise<MemberRow[]> {
  return db
    .selectFrom("memberships")
    .innerJoin("users", "users.id", "memberships.user_id")
    .selectAll("users")
    .select(memberColumns)
    .where("memberships.organization_id", "=", organizationId)
    .orderBy("users.name")
    .orderBy("users.id")
    .execute();
}

export async function findMember(db: Db, organizationId: string, userId: string): Promise<MemberRow | undefined> {
  return db
    .selectFrom("memberships")
    .innerJoin("users", "users.id", "memberships.user_id")
    .selectAll("users")
    .select(memberColumns)
    .where("memberships.organization_id", "=", organizationId)
    .where("users.id", "=", userId)
    .executeTakeFirst();
}

export async function countAdmins(db: Db, organizationId: string): Promise<number> {
  const r = await db
    .selectFrom("memberships")
    .innerJoin("users", "users.id", "memberships.user_id")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("memberships.organization_id", "=", organizationId)
    .where("memberships.role", "=", "admin")
    .where("memberships.disabled_at", "is", null)
    .where("users.disabled_at", "is", null)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function insertSession(db: Db, row: SessionRow): Promise<void> {
  await db.insertInto("sessions").values(row).execute();
}

export async function findSession(db: Db, id: string): Promise<SessionRow | undefined> {
  return db.selectFrom("sessions").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function touchSession(db: Db, id: string, at: string, expiresAt: string): Promise<void> {
  await db.updateTable("sessions").set({ last_seen_at: at, expires_at: expiresAt }).where("id", "=", id).execute();
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.deleteFrom("sessions").where("id", "=", id).execute();
}

export async function deleteSessionsOfUser(
  db: Db,
  userId: string,
  exceptId?: string,
  organizationId?: string,
): Promise<void> {
  let q = db.deleteFrom("sessions").where("user_id", "=", userId);
  if (organizationId) q = q.where("organization_id", "=", organizationId);
  if (exceptId) q = q.where("id", "!=", exceptId);
  await q.execute();
}

export async function deleteExpiredSessions(db: Db, now: string): Promise<number> {
  const r = await db.deleteFrom("sessions").where("expires_at", "<", now).executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function insertApiToken(db: Db, row: ApiTokenRow): Promise<void> {
  await db.insertInto("api_tokens").values(row).execute();
}

export async function findApiTokenByHash(db: Db, hash: string): Promise<ApiTokenRow | undefined> {
  return db.selectFrom("api_tokens").selectAll().where("token_hash", "=", hash).executeTakeFirst();
}

export async function findApiToken(db: Db, organizationId: string, id: string): Promise<ApiTokenRow | undefined> {
  return db
    .selectFrom("api_tokens")
    .selectAll()
    .where("organization_id", "=", organizationId)
    .where("id", "=", id)
    .executeTakeFirst();
}

export async function findApiTokens(
  db: Db,
  organizationId: string,
  userId: string | undefined,
): Promise<(ApiTokenRow & { user_email: string })[]> {
  let q = db
    .selectFrom("api_tokens")
    .innerJoin("users", "users.id", "api_tokens.user_id")
    .selectAll("api_tokens")
    .select("users.email as user_email")
    .where("api_tokens.organization_id", "=", organizationId);
  if (userId) q = q.where("api_tokens.user_id", "=", userId);
  return q.orderBy("api_tokens.id", "desc").execute();
}

export async function revokeApiTokenRow(db: Db, organizationId: string, id: string, at: string): Promise<void> {
  await db
    .updateTable("api_tokens")
    .set({ revoked_at: at })
    .where("organization_id", "=", organizationId)
    .where("id", "=", id)
    .where("revoked_at", "is", null)
    .execute();
}

export async function markApiTokenUsed(db: Db, id: string, at: string): Promise<void> {
  await db.updateTable("api_tokens").set({ last_used_at: at }).where("id", "=", id).execute();
}
