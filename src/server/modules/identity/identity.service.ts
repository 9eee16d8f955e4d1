import { CAPABILITIES, type Capability, grantFor, type Role } from "../../../domain/identity/permissions.js";
import { authorize } from "../../platform/authorize.js";
import type { Clock } from "../../platform/clock.js";
import type { Actor, RequestContext } from "../../platform/context.js";
import { type Db, inTransaction } from "../../platform/db/database.js";
import { AppError, conflict, notFound, validationError } from "../../platform/errors.js";
import { newId, randomSecret, sha256 } from "../../platform/ids.js";
import type { AuditService } from "../audit/audit.service.js";
import type {
  ApiToken,
  ChangePasswordInput,
  CreateTokenInput,
  CreateUserInput,
  Me,
  UpdateUserInput,
  User,
} from "./identity.schema.js";
import * as store from "./identity.store.js";
import { generatePassword, hashPassword, verifyPassword } from "./passwords.js";

export type SessionIssue = { token: string; csrfToken: string; expiresAt: string; me: Me };
export type OrganizationSeeder = (db: Db, organizationId: string, at: string) => Promise<void>;
export type OrganizationStats = (db: Db, organizationId: string) => Promise<{ isEmpty: boolean }>;

const TOKEN_PREFIX = "tl_";
/** Sliding sessions are extended at most once per this many milliseconds, to spare writes. */
const TOUCH_INTERVAL_MS = 5 * 60 * 1000;

export class IdentityService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly options: {
      sessionTtlHours: number;
      seedOrganization: OrganizationSeeder;
      organizationStats: OrganizationStats;
      /** Serializes first-run bootstrap across processes (an advisory lock on PostgreSQL). */
      lockBootstrap: (trx: Db) => Promise<void>;
    },
  ) {}

  // ---------- organizations and bootstrap ----------

  async createOrganization(
    name: string,
    actorName = "system",
    db: Db = this.db,
  ): Promise<{ id: string; name: string }> {
    const trimmed = name.trim();
    if (!trimmed || trimmed.length > 200)
      throw validationError([{ path: "name", message: "must be 1 to 200 characters" }]);
    const id = newId();
    const at = this.clock.now().toISOString();
    await inTransaction(db, async (trx) => {
      await store.insertOrganization(trx, {
        id,
        name: trimmed,
        settings: JSON.stringify({ currency: "EUR" }),
        created_at: at,
        updated_at: at,
      });
      await this.options.seedOrganization(trx, id, at);
      await this.audit.record(
        trx,
        { actor: { userId: null, name: actorName, email: null, organizationId: id, role: "admin", via: "system" } },
        { entityType: "organization", entityId: id, action: "create", after: { name: trimmed } },
      );
    });
    return { id, name: trimmed };
  }

  /**
   * On an empty database: creates the first organization and its admin. Returns the sign-in to
   * print once, or undefined when the database already holds an organization.
   */
  async bootstrap(input: {
    email?: string | undefined;
    password?: string | undefined;
    organizationName?: string;
  }): Promise<{ organizationId: string; email: string; password: string; generated: boolean } | undefined> {
    if ((await store.countOrganizations(this.db)) > 0) return undefined;
    const email = (input.email ?? "admin@throughline.local").toLowerCase();
    const generated = input.password === undefined;
    const password = input.password ?? generatePassword();
    // Check and create in one transaction, serialized across processes (two servers starting on
    // an empty PostgreSQL database must not both create an organization).
    return inTransaction(this.db, async (trx) => {
      await this.options.lockBootstrap(trx);
      if ((await store.countOrganizations(trx)) > 0) return undefined;
      const org = await this.createOrganization(input.organizationName ?? "My organization", "system", trx);
      await this.addUser(
        org.id,
        { email, name: "Administrator", role: "admin", password },
        "system",
        generated,
        undefined,
        trx,
      );
      return { organizationId: org.id, email, password, generated };
    });
  }

  async findOrganization(id: string) {
    return store.findOrganization(this.db, id);
  }

  async firstOrganizationId(): Promise<string | undefined> {
    return (await store.findFirstOrganization(this.db))?.id;
  }

  // ---------- sign-in, sessions, tokens ----------

  async signIn(
    email: string,
    password: string,
    meta: { ip?: string | undefined; userAgent?: string | undefined; organizationId?: string | undefined },
  ): Promise<SessionIssue> {
    const user = await store.findUserByEmail(this.db, email);
    const ok = await verifyPassword(user?.password_hash ?? null, password);
    if (!user || !ok || user.disabled_at) throw new AppError("unauthenticated", "Email or password is incorrect");
    const memberships = (await store.findMembershipsOfUser(this.db, user.id)).filter((m) => m.disabled_at === null);
    const membership = meta.organizationId
      ? memberships.find((m) => m.organization_id === meta.organizationId)
      : memberships[0];
    if (!membership) throw new AppError("unauthenticated", "Email or password is incorrect");
    const token = randomSecret(32);
    const csrfToken = randomSecret(24);
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + this.options.sessionTtlHours * 3600_000).toISOString();
    const sessionId = sha256(token);
    await store.insertSession(this.db, {
      id: sessionId,
      organization_id: membership.organization_id,
      user_id: user.id,
      csrf_token: csrfToken,
      created_at: now.toISOString(),
      expires_at: expiresAt,
      last_seen_at: now.toISOString(),
      ip: meta.ip ?? null,
      user_agent: meta.userAgent?.slice(0, 500) ?? null,
    });
    const actor: Actor = {
      userId: user.id,
      name: user.name,
      email: user.email,
      organizationId: membership.organization_id,
      role: membership.role as Role,
      via: "session",
      sessionId,
    };
    return { token, csrfToken, expiresAt, me: await this.me({ actor }, csrfToken) };
  }

  /** Resolves a session cookie value to an actor and its CSRF token, or undefined when invalid or expired. */
  async resolveSession(token: string): Promise<{ actor: Actor; csrfToken: string } | undefined> {
    const id = sha256(token);
    const session = await store.findSession(this.db, id);
    if (!session) return undefined;
    const now = this.clock.now();
    if (session.expires_at <= now.toISOString()) {
      await store.deleteSession(this.db, id);
      return undefined;
    }
    const member = await store.findMember(this.db, session.organization_id, session.user_id);
    if (!member || member.disabled_at || member.membership_disabled_at) return undefined;
    if (now.getTime() - Date.parse(session.last_seen_at) > TOUCH_INTERVAL_MS) {
      const expiresAt = new Date(now.getTime() + this.options.sessionTtlHours * 3600_000).toISOString();
      await store.touchSession(this.db, id, now.toISOString(), expiresAt);
    }
    return {
      actor: {
        userId: member.id,
        name: member.name,
        email: member.email,
        organizationId: session.organization_id,
        role: member.role as Role,
        via: "session",
        sessionId: id,
      },
      csrfToken: session.csrf_token,
    };
  }

  async signOut(ctx: RequestContext): Promise<void> {
    if (ctx.actor.sessionId) await store.deleteSession(this.db, ctx.actor.sessionId);
  }

  /** Resolves `Authorization: Bearer tl_…` to an actor, or undefined. */
  async resolveApiToken(secret: string): Promise<Actor | undefined> {
    if (!secret.startsWith(TOKEN_PREFIX) || secret.length > 200) return undefined;
    const row = await store.findApiTokenByHash(this.db, sha256(secret));
    const now = this.clock.now().toISOString();
    if (!row || row.revoked_at || (row.expires_at && row.expires_at <= now)) return undefined;
    const member = await store.findMember(this.db, row.organization_id, row.user_id);
    if (!member || member.disabled_at || member.membership_disabled_at) return undefined;
    if (!row.last_used_at || Date.parse(now) - Date.parse(row.last_used_at) > TOUCH_INTERVAL_MS) {
      await store.markApiTokenUsed(this.db, row.id, now);
    }
    return {
      userId: member.id,
      name: member.name,
      email: member.email,
      organizationId: row.organization_id,
      role: member.role as Role,
      via: "token",
      tokenId: row.id,
    };
  }

  async me(ctx: RequestContext, csrfToken: string | null): Promise<Me> {
    const { actor } = ctx;
    if (!actor.userId) throw new AppError("unauthenticated", "Sign in first");
    const [user, org, memberships, stats] = await Promise.all([
      store.findUser(this.db, actor.userId),
      store.findOrganization(this.db, actor.organizationId),
      store.findMembershipsOfUser(this.db, actor.userId),
      this.options.organizationStats(this.db, actor.organizationId),
    ]);
    if (!user || !org) throw new AppError("unauthenticated", "Sign in first");
    const capabilities: Record<string, "all" | "own"> = {};
    for (const cap of Object.keys(CAPABILITIES) as Capability[]) {
      const g = grantFor(actor.role, cap);
      if (g) capabilities[cap] = g;
    }
    return {
      user: { id: user.id, email: user.email, name: user.name, mustChangePassword: user.must_change_password === 1 },
      organization: { id: org.id, name: org.name, currency: currencyOf(org.settings) },
      role: actor.role,
      capabilities,
      organizations: memberships.map((m) => ({
        id: m.organization_id,
        name: m.organization_name,
        role: m.role as Role,
      })),
      csrfToken,
      via: actor.via === "token" ? "token" : "session",
      isEmpty: stats.isEmpty,
    };
  }

  async changePassword(ctx: RequestContext, input: ChangePasswordInput): Promise<void> {
    const userId = ctx.actor.userId;
    if (!userId) throw new AppError("unauthenticated", "Sign in first");
    const user = await store.findUser(this.db, userId);
    if (!user) throw new AppError("unauthenticated", "Sign in first");
    if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
      throw validationError([{ path: "currentPassword", message: "is not your current password" }]);
    }
    if (input.newPassword === input.currentPassword) {
      throw validationError([{ path: "newPassword", message: "must differ from the current password" }]);
    }
    const password_hash = await hashPassword(input.newPassword);
    await inTransaction(this.db, async (trx) => {
      const ok = await store.updateUserRow(trx, user.id, user.version, {
        password_hash,
        must_change_password: 0,
        updated_at: this.clock.now().toISOString(),
      });
      if (!ok) throw conflict("Your account changed meanwhile; try again");
      // Sign out every other session of this user.
      await store.deleteSessionsOfUser(trx, user.id, ctx.actor.sessionId);
      await this.audit.record(trx, ctx, {
        entityType: "user",
        entityId: user.id,
        action: "change_password",
        changes: { password: { before: "(hidden)", after: "(changed)" } },
      });
    });
  }

  // ---------- users ----------

  async listUsers(ctx: RequestContext): Promise<User[]> {
    authorize(ctx, "user.read");
    return (await store.findMembers(this.db, ctx.actor.organizationId)).map(toUser);
  }

  async createUser(
    ctx: RequestContext,
    input: CreateUserInput,
  ): Promise<{ user: User; oneTimePassword: string | null }> {
    authorize(ctx, "user.manage");
    // An existing account (a member of another organization) joins with its own password: no
    // password is set or shown for it.
    const existing = await store.findUserByEmail(this.db, input.email);
    const oneTimePassword = !existing && input.password === undefined ? generatePassword() : null;
    const user = await this.addUser(
      ctx.actor.organizationId,
      { ...input, password: input.password ?? oneTimePassword ?? "" },
      ctx.actor.name,
      oneTimePassword !== null,
      ctx,
    );
    return { user, oneTimePassword };
  }

  /** Adds a user to an organization (creating the account when the email is new). */
  async addUser(
    organizationId: string,
    input: { email: string; name: string; role: Role; password: string },
    actorName: string,
    mustChangePassword: boolean,
    ctx?: RequestContext,
    db: Db = this.db,
  ): Promise<User> {
    const email = input.email.trim().toLowerCase();
    const at = this.clock.now().toISOString();
    const existing = await store.findUserByEmail(db, email);
    if (existing && (await store.findMembership(db, organizationId, existing.id))) {
      throw new AppError("conflict", `${email} is already a member of this organization`, {
        fields: [{ path: "email", message: "is already a member of this organization" }],
      });
    }
    const password_hash = existing ? null : await hashPassword(input.password);
    const userId = existing?.id ?? newId();
    const auditCtx: RequestContext = ctx ?? {
      actor: { userId: null, name: actorName, email: null, organizationId, role: "admin", via: "system" },
    };
    await inTransaction(db, async (trx) => {
      if (!existing) {
        await store.insertUser(trx, {
          id: userId,
          email,
          name: input.name.trim(),
          password_hash,
          must_change_password: mustChangePassword ? 1 : 0,
          disabled_at: null,
          created_at: at,
          updated_at: at,
        });
      }
      await store.insertMembership(trx, {
        organization_id: organizationId,
        user_id: userId,
        role: input.role,
        disabled_at: null,
        created_at: at,
        updated_at: at,
      });
      await this.audit.record(trx, auditCtx, {
        entityType: "user",
        entityId: userId,
        action: existing ? "add_member" : "create",
        after: { email, name: input.name.trim(), role: input.role },
      });
    });
    const member = await store.findMember(db, organizationId, userId);
    if (!member) throw notFound("User", userId);
    return toUser(member);
  }

  /**
   * Renames, re-roles, disables or enables a member of the caller's organization. Disabling ends
   * the member's access to this organization only; renaming is refused for accounts that also
   * belong to other organizations (their name is theirs, not this organization's to change).
   */
  async updateUser(ctx: RequestContext, id: string, input: UpdateUserInput): Promise<User> {
    authorize(ctx, "user.manage");
    const orgId = ctx.actor.organizationId;
    return inTransaction(this.db, async (trx) => {
      const member = await store.findMember(trx, orgId, id);
      if (!member) throw notFound("User", id);
      const current = toUser(member);
      if (member.version !== input.version) throw conflict("This user was changed by someone else", current);
      const isActiveAdmin = member.role === "admin" && !member.membership_disabled_at && !member.disabled_at;
      const demoted = input.role !== undefined && input.role !== "admin";
      if (isActiveAdmin && (demoted || input.disabled === true) && (await store.countAdmins(trx, orgId)) <= 1) {
        throw validationError(
          [{ path: demoted ? "role" : "disabled", message: "the organization needs at least one active admin" }],
          "The organization needs at least one active admin",
        );
      }
      if (input.name !== undefined && input.name !== member.name && Number(member.membership_count ?? 1) > 1) {
        throw validationError([
          { path: "name", message: "this account also belongs to other organizations; its owner changes the name" },
        ]);
      }
      const at = this.clock.now().toISOString();
      const ok = await store.updateUserRow(trx, id, input.version, {
        updated_at: at,
        ...(input.name !== undefined ? { name: input.name } : {}),
      });
      if (!ok) throw conflict("This user was changed by someone else", current);
      const membershipPatch: { role?: string; disabled_at?: string | null } = {};
      if (input.role !== undefined && input.role !== member.role) membershipPatch.role = input.role;
      if (input.disabled !== undefined)
        membershipPatch.disabled_at = input.disabled ? (member.membership_disabled_at ?? at) : null;
      if (Object.keys(membershipPatch).length) await store.updateMembershipRow(trx, orgId, id, membershipPatch, at);
      if (input.disabled) await store.deleteSessionsOfUser(trx, id, undefined, orgId);
      const after = await store.findMember(trx, orgId, id);
      if (!after) throw notFound("User", id);
      const next = toUser(after);
      await this.audit.record(trx, ctx, {
        entityType: "user",
        entityId: id,
        action: "update",
        before: current,
        after: next,
      });
      return next;
    });
  }

  // ---------- API tokens ----------

  async listTokens(ctx: RequestContext, all: boolean): Promise<ApiToken[]> {
    authorize(ctx, all ? "token.manage_all" : "token.manage_own");
    const rows = await store.findApiTokens(
      this.db,
      ctx.actor.organizationId,
      all ? undefined : (ctx.actor.userId ?? ""),
    );
    return rows.map(toApiToken);
  }

  async createToken(ctx: RequestContext, input: CreateTokenInput): Promise<{ token: ApiToken; secret: string }> {
    authorize(ctx, "token.manage_own");
    const userId = ctx.actor.userId;
    if (!userId) throw new AppError("unauthenticated", "A token belongs to a person; sign in first");
    return this.issueToken(ctx, userId, input);
  }

  /** Issues a token for a user (the CLI's `token create`). */
  async issueToken(
    ctx: RequestContext,
    userId: string,
    input: CreateTokenInput,
  ): Promise<{ token: ApiToken; secret: string }> {
    const id = newId();
    const secret = `${TOKEN_PREFIX}${randomSecret(32)}`;
    const now = this.clock.now();
    const row: store.ApiTokenRow = {
      organization_id: ctx.actor.organizationId,
      id,
      user_id: userId,
      name: input.name,
      token_hash: sha256(secret),
      token_prefix: secret.slice(0, 10),
      created_at: now.toISOString(),
      last_used_at: null,
      expires_at: input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * 86400_000).toISOString() : null,
      revoked_at: null,
    };
    await inTransaction(this.db, async (trx) => {
      await store.insertApiToken(trx, row);
      await this.audit.record(trx, ctx, {
        entityType: "api_token",
        entityId: id,
        action: "create",
        after: { name: input.name, userId, expiresAt: row.expires_at },
      });
    });
    const user = await store.findUser(this.db, userId);
    return { token: toApiToken({ ...row, user_email: user?.email ?? "" }), secret };
  }

  async revokeToken(ctx: RequestContext, id: string): Promise<void> {
    const row = await store.findApiToken(this.db, ctx.actor.organizationId, id);
    if (!row) throw notFound("API token", id);
    authorize(ctx, row.user_id === ctx.actor.userId ? "token.manage_own" : "token.manage_all");
    if (row.revoked_at) return;
    const at = this.clock.now().toISOString();
    await inTransaction(this.db, async (trx) => {
      await store.revokeApiTokenRow(trx, ctx.actor.organizationId, id, at);
      await this.audit.record(trx, ctx, {
        entityType: "api_token",
        entityId: id,
        action: "revoke",
        changes: { revokedAt: { before: null, after: at } },
      });
    });
  }

  async findUserByEmail(email: string) {
    return store.findUserByEmail(this.db, email);
  }

  async findMembershipsOfUser(userId: string) {
    return store.findMembershipsOfUser(this.db, userId);
  }

  async pruneExpiredSessions(): Promise<number> {
    return store.deleteExpiredSessions(this.db, this.clock.now().toISOString());
  }
}

function currencyOf(settings: string): string {
  try {
    const parsed = JSON.parse(settings) as { currency?: unknown };
    return typeof parsed.currency === "string" ? parsed.currency : "EUR";
  } catch {
    return "EUR";
  }
}

function toUser(m: store.MemberRow): User {
  return {
    id: m.id,
    email: m.email,
    name: m.name,
    role: m.role as Role,
    disabled: m.disabled_at !== null || m.membership_disabled_at !== null,
    createdAt: m.created_at,
    // updateUser bumps the user row's version on every change, role changes included.
    version: m.version,
  };
}

function toApiToken(r: store.ApiTokenRow & { user_email: string }): ApiToken {
  return {
    id: r.id,
    userId: r.user_id,
    userEmail: r.user_email,
    name: r.name,
    prefix: r.token_prefix,
    createdAt: r.created_at,
    lastUsedAt: r.last_used_at,
    expiresAt: r.expires_at,
    revokedAt: r.revoked_at,
  };
}
