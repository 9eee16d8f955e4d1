import { type Kysely, PostgresAdapter, sql } from "kysely";

/**
 * Initial schema: identity, tenancy, audit and the portfolio core.
 * Frozen once released: never import application code here.
 *
 * Portable types only: ids and timestamps are text (UUIDv7 / ISO-8601 UTC), money is bigint
 * minor units (cents), quantities are double precision. Every tenant-owned table starts its key
 * with organization_id.
 */

// biome-ignore lint/suspicious/noExplicitAny: migrations run against any schema version
type Db = Kysely<any>;

const isPostgres = (db: Db) => db.getExecutor().adapter instanceof PostgresAdapter;

export async function up(db: Db): Promise<void> {
  const pg = isPostgres(db);
  const double = pg ? "double precision" : "real";

  await db.schema
    .createTable("organizations")
    .addColumn("id", "text", (c) => c.primaryKey().notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("settings", "text", (c) => c.notNull().defaultTo("{}"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable("users")
    .addColumn("id", "text", (c) => c.primaryKey().notNull())
    .addColumn("email", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("password_hash", "text")
    .addColumn("must_change_password", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("disabled_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable("memberships")
    .addColumn("organization_id", "text", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("disabled_at", "text") // access to this organization only; users.disabled_at locks the account everywhere
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint("memberships_pk", ["organization_id", "user_id"])
    .execute();
  await db.schema.createIndex("memberships_user_idx").on("memberships").column("user_id").execute();

  await db.schema
    .createTable("sessions")
    .addColumn("id", "text", (c) => c.primaryKey().notNull()) // SHA-256 of the cookie value, never the value
    .addColumn("organization_id", "text", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("csrf_token", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("last_seen_at", "text", (c) => c.notNull())
    .addColumn("ip", "text")
    .addColumn("user_agent", "text")
    .execute();
  await db.schema.createIndex("sessions_user_idx").on("sessions").column("user_id").execute();

  await db.schema
    .createTable("api_tokens")
    .addColumn("organization_id", "text", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("token_prefix", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("last_used_at", "text")
    .addColumn("expires_at", "text")
    .addColumn("revoked_at", "text")
    .addPrimaryKeyConstraint("api_tokens_pk", ["organization_id", "id"])
    .execute();

  await db.schema
    .createTable("audit_events")
    .addColumn("organization_id", "text", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("occurred_at", "text", (c) => c.notNull())
    .addColumn("actor_user_id", "text")
    .addColumn("actor_name", "text", (c) => c.notNull())
    .addColumn("entity_type", "text", (c) => c.notNull())
    .addColumn("entity_id", "text", (c) => c.notNull())
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("changes", "text", (c) => c.notNull())
    .addColumn("request_id", "text")
    .addPrimaryKeyConstraint("audit_events_pk", ["organization_id", "id"])
    .execute();
  await db.schema
    .createIndex("audit_events_entity_idx")
    .on("audit_events")
    .columns(["organization_id", "entity_type", "entity_id", "id"])
    .execute();
  await db.schema
    .createIndex("audit_events_actor_idx")
    .on("audit_events")
    .columns(["organization_id", "actor_user_id", "id"])
    .execute();

  await db.schema
    .createTable("resource_roles")
    .addColumn("organization_id", "text", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("hours_per_fte_month", double, (c) => c.notNull().defaultTo(140))
    .addColumn("sort_order", "integer", (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint("resource_roles_pk", ["organization_id", "key"])
    .execute();

  await db.schema
    .createTable("project_categories")
    .addColumn("organization_id", "text", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("sort_order", "integer", (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint("project_categories_pk", ["organization_id", "key"])
    .execute();

  await db.schema
    .createTable("portfolios")
    .addColumn("organization_id", "text", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("owner_user_id", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("archived_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint("portfolios_pk", ["organization_id", "id"])
    .execute();
  await db.schema
    .createIndex("portfolios_name_uq")
    .on("portfolios")
    .columns(["organization_id", "name"])
    .unique()
    .execute();

  await db.schema
    .createTable("programs")
    .addColumn("organization_id", "text", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("portfolio_id", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("manager_user_id", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("archived_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint("programs_pk", ["organization_id", "id"])
    .addForeignKeyConstraint("programs_portfolio_fk", ["organization_id", "portfolio_id"], "portfolios", [
      "organization_id",
      "id",
    ])
    .execute();
  await db.schema
    .createIndex("programs_name_uq")
    .on("programs")
    .columns(["organization_id", "name"])
    .unique()
    .execute();

  await db.schema
    .createTable("projects")
    .addColumn("organization_id", "text", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("code", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("portfolio_id", "text", (c) => c.notNull())
    .addColumn("program_id", "text")
    .addColumn("category", "text", (c) => c.notNull())
    .addColumn("lifecycle_stage", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("sponsor_user_id", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("manager_user_id", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("planned_start", "text", (c) => c.notNull())
    .addColumn("planned_end", "text", (c) => c.notNull())
    .addColumn("budget_total_cents", "bigint", (c) => c.notNull().defaultTo(0))
    .addColumn("archived_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint("projects_pk", ["organization_id", "id"])
    .addForeignKeyConstraint("projects_portfolio_fk", ["organization_id", "portfolio_id"], "portfolios", [
      "organization_id",
      "id",
    ])
    .addForeignKeyConstraint("projects_program_fk", ["organization_id", "program_id"], "programs", [
      "organization_id",
      "id",
    ])
    .execute();
  await db.schema
    .createIndex("projects_code_uq")
    .on("projects")
    .columns(["organization_id", "code"])
    .unique()
    .execute();
  for (const col of ["name", "status", "planned_start", "updated_at"]) {
    await db.schema.createIndex(`projects_${col}_idx`).on("projects").columns(["organization_id", col, "id"]).execute();
  }
  // Covering indexes: portfolio roll-ups and filtered counts read the index alone.
  await db.schema
    .createIndex("projects_portfolio_idx")
    .on("projects")
    .columns(["organization_id", "portfolio_id", "archived_at", "budget_total_cents"])
    .execute();
  await db.schema
    .createIndex("projects_program_idx")
    .on("projects")
    .columns(["organization_id", "program_id", "archived_at"])
    .execute();
  await db.schema
    .createIndex("projects_filter_idx")
    .on("projects")
    .columns(["organization_id", "archived_at", "status", "category"])
    .execute();

  await db.schema
    .createTable("project_budget_lines")
    .addColumn("organization_id", "text", (c) => c.notNull())
    .addColumn("project_id", "text", (c) => c.notNull())
    .addColumn("period", "text", (c) => c.notNull())
    .addColumn("expense_type", "text", (c) => c.notNull())
    .addColumn("amount_cents", "bigint", (c) => c.notNull())
    .addPrimaryKeyConstraint("project_budget_lines_pk", ["organization_id", "project_id", "period", "expense_type"])
    .addForeignKeyConstraint(
      "project_budget_lines_project_fk",
      ["organization_id", "project_id"],
      "projects",
      ["organization_id", "id"],
      (fk) => fk.onDelete("cascade"),
    )
    .execute();

  await db.schema
    .createTable("project_demand_lines")
    .addColumn("organization_id", "text", (c) => c.notNull())
    .addColumn("project_id", "text", (c) => c.notNull())
    .addColumn("role_key", "text", (c) => c.notNull())
    .addColumn("period", "text", (c) => c.notNull())
    .addColumn("hours", double, (c) => c.notNull())
    .addPrimaryKeyConstraint("project_demand_lines_pk", ["organization_id", "project_id", "role_key", "period"])
    .addForeignKeyConstraint(
      "project_demand_lines_project_fk",
      ["organization_id", "project_id"],
      "projects",
      ["organization_id", "id"],
      (fk) => fk.onDelete("cascade"),
    )
    .execute();

  await db.schema
    .createTable("project_dependencies")
    .addColumn("organization_id", "text", (c) => c.notNull())
    .addColumn("project_id", "text", (c) => c.notNull())
    .addColumn("depends_on_id", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("project_dependencies_pk", ["organization_id", "project_id", "depends_on_id"])
    .addForeignKeyConstraint(
      "project_dependencies_project_fk",
      ["organization_id", "project_id"],
      "projects",
      ["organization_id", "id"],
      (fk) => fk.onDelete("cascade"),
    )
    .addForeignKeyConstraint(
      "project_dependencies_target_fk",
      ["organization_id", "depends_on_id"],
      "projects",
      ["organization_id", "id"],
      (fk) => fk.onDelete("cascade"),
    )
    .execute();

  await db.schema
    .createTable("project_members")
    .addColumn("organization_id", "text", (c) => c.notNull())
    .addColumn("project_id", "text", (c) => c.notNull())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("role", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("project_members_pk", ["organization_id", "project_id", "user_id"])
    .addForeignKeyConstraint(
      "project_members_project_fk",
      ["organization_id", "project_id"],
      "projects",
      ["organization_id", "id"],
      (fk) => fk.onDelete("cascade"),
    )
    .execute();
  await db.schema
    .createIndex("project_members_user_idx")
    .on("project_members")
    .columns(["organization_id", "user_id"])
    .execute();

  // Full-text search over projects: one store function, two engine-specific indexes. Both see
  // words as runs of letters and digits ("SRC-101" is "src" and "101"), as searchTerms() does.
  if (pg) {
    await sql`alter table projects add column search_vector tsvector generated always as (
      to_tsvector('simple', regexp_replace(
        coalesce(code, '') || ' ' || coalesce(name, '') || ' ' || coalesce(description, ''),
        '[^[:alnum:]]+', ' ', 'g'))
    ) stored`.execute(db);
    await sql`create index projects_search_idx on projects using gin (search_vector)`.execute(db);
  } else {
    await sql`create virtual table projects_fts using fts5(
      organization_id unindexed, project_id unindexed, code, name, description,
      tokenize = 'unicode61 remove_diacritics 2'
    )`.execute(db);
  }
}

export async function down(db: Db): Promise<void> {
  const pg = isPostgres(db);
  if (!pg) await sql`drop table if exists projects_fts`.execute(db);
  for (const t of [
    "project_members",
    "project_dependencies",
    "project_demand_lines",
    "project_budget_lines",
    "projects",
    "programs",
    "portfolios",
    "project_categories",
    "resource_roles",
    "audit_events",
    "api_tokens",
    "sessions",
    "memberships",
    "users",
    "organizations",
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
