import { type ColumnDefinitionBuilder, type Kysely, PostgresAdapter } from "kysely";

/**
 * Portfolio selection: scenarios (settings, constraints and per-candidate settings as JSON
 * documents, validated by the service) and their solver runs (status, progress-free result
 * document, and a fingerprint of the inputs that tells when a run went stale). Frozen once released.
 */

// biome-ignore lint/suspicious/noExplicitAny: migrations run against any schema version
type Db = Kysely<any>;

const isPostgres = (db: Db) => db.getExecutor().adapter instanceof PostgresAdapter;

export async function up(db: Db): Promise<void> {
  const double = isPostgres(db) ? "double precision" : "real";
  const orgRef = (c: ColumnDefinitionBuilder) => c.notNull().references("organizations.id").onDelete("cascade");

  await db.schema
    .createTable("selection_scenarios")
    .addColumn("organization_id", "text", orgRef)
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("portfolio_id", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("first_month", "text", (c) => c.notNull())
    .addColumn("horizon_months", "integer", (c) => c.notNull())
    .addColumn("value_source", "text", (c) => c.notNull())
    .addColumn("capacity_unit", "text", (c) => c.notNull())
    .addColumn("candidate_statuses", "text", (c) => c.notNull())
    .addColumn("lock_active", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("start_flex_months", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("constraints", "text", (c) => c.notNull())
    .addColumn("candidates", "text", (c) => c.notNull())
    .addColumn("solver", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().defaultTo("draft"))
    .addColumn("committed_at", "text")
    .addColumn("committed_run_id", "text")
    .addColumn("commit_decision_id", "text")
    .addColumn("created_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint("selection_scenarios_pk", ["organization_id", "id"])
    .addForeignKeyConstraint("selection_scenarios_portfolio_fk", ["organization_id", "portfolio_id"], "portfolios", [
      "organization_id",
      "id",
    ])
    .execute();
  await db.schema
    .createIndex("selection_scenarios_portfolio_ix")
    .on("selection_scenarios")
    .columns(["organization_id", "portfolio_id"])
    .execute();

  await db.schema
    .createTable("selection_runs")
    .addColumn("organization_id", "text", orgRef)
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("scenario_id", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("message", "text")
    .addColumn("fingerprint", "text", (c) => c.notNull())
    .addColumn("settings", "text", (c) => c.notNull())
    .addColumn("value", double)
    .addColumn("gap_pct", double)
    .addColumn("selected_count", "integer")
    .addColumn("result", "text")
    .addColumn("requested_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("started_at", "text", (c) => c.notNull())
    .addColumn("finished_at", "text")
    .addPrimaryKeyConstraint("selection_runs_pk", ["organization_id", "id"])
    .addForeignKeyConstraint(
      "selection_runs_scenario_fk",
      ["organization_id", "scenario_id"],
      "selection_scenarios",
      ["organization_id", "id"],
      (fk) => fk.onDelete("cascade"),
    )
    .execute();
  await db.schema
    .createIndex("selection_runs_scenario_ix")
    .on("selection_runs")
    .columns(["organization_id", "scenario_id", "started_at"])
    .execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropTable("selection_runs").execute();
  await db.schema.dropTable("selection_scenarios").execute();
}
