import { type ColumnDefinitionBuilder, type Kysely, PostgresAdapter } from "kysely";

/**
 * Strategy module: objectives, goals and check-ins, criteria and AHP prioritizations, scoring
 * models and project scores, project ↔ objective links, steering meetings with agenda items,
 * decisions and action items. Frozen once released.
 */

// biome-ignore lint/suspicious/noExplicitAny: migrations run against any schema version
type Db = Kysely<any>;

const isPostgres = (db: Db) => db.getExecutor().adapter instanceof PostgresAdapter;

export async function up(db: Db): Promise<void> {
  const double = isPostgres(db) ? "double precision" : "real";
  const orgRef = (c: ColumnDefinitionBuilder) => c.notNull().references("organizations.id").onDelete("cascade");

  await db.schema
    .createTable("strategic_objectives")
    .addColumn("organization_id", "text", orgRef)
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("parent_id", "text")
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("code", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("owner_user_id", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("horizon_start", "text", (c) => c.notNull())
    .addColumn("horizon_end", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("weight", double, (c) => c.notNull().defaultTo(0))
    .addColumn("sort_order", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint("strategic_objectives_pk", ["organization_id", "id"])
    .addForeignKeyConstraint(
      "strategic_objectives_parent_fk",
      ["organization_id", "parent_id"],
      "strategic_objectives",
      ["organization_id", "id"],
    )
    .execute();
  await db.schema
    .createIndex("strategic_objectives_code_uq")
    .on("strategic_objectives")
    .columns(["organization_id", "code"])
    .unique()
    .execute();

  await db.schema
    .createTable("goals")
    .addColumn("organization_id", "text", orgRef)
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("level", "text", (c) => c.notNull()) // organizational | project | pmo
    .addColumn("objective_id", "text")
    .addColumn("project_id", "text")
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("scope", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("metric_name", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("unit", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("direction", "text", (c) => c.notNull())
    .addColumn("baseline_value", double)
    .addColumn("baseline_date", "text")
    .addColumn("target_value", double)
    .addColumn("target_date", "text")
    .addColumn("tolerance", double)
    .addColumn("milestones", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("owner_user_id", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint("goals_pk", ["organization_id", "id"])
    .addForeignKeyConstraint("goals_objective_fk", ["organization_id", "objective_id"], "strategic_objectives", [
      "organization_id",
      "id",
    ])
    .addForeignKeyConstraint("goals_project_fk", ["organization_id", "project_id"], "projects", [
      "organization_id",
      "id",
    ])
    .execute();
  await db.schema.createIndex("goals_objective_idx").on("goals").columns(["organization_id", "objective_id"]).execute();
  await db.schema.createIndex("goals_project_idx").on("goals").columns(["organization_id", "project_id"]).execute();

  await db.schema
    .createTable("goal_check_ins")
    .addColumn("organization_id", "text", orgRef)
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("goal_id", "text", (c) => c.notNull())
    .addColumn("date", "text", (c) => c.notNull())
    .addColumn("value", double, (c) => c.notNull())
    .addColumn("note", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("recorded_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("goal_check_ins_pk", ["organization_id", "id"])
    .addForeignKeyConstraint(
      "goal_check_ins_goal_fk",
      ["organization_id", "goal_id"],
      "goals",
      ["organization_id", "id"],
      (fk) => fk.onDelete("cascade"),
    )
    .execute();
  await db.schema
    .createIndex("goal_check_ins_goal_idx")
    .on("goal_check_ins")
    .columns(["organization_id", "goal_id", "date"])
    .execute();

  await db.schema
    .createTable("criteria")
    .addColumn("organization_id", "text", orgRef)
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("parent_id", "text")
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("source", "text", (c) => c.notNull()) // scale | alignment | npv
    .addColumn("scale_min", double, (c) => c.notNull().defaultTo(0))
    .addColumn("scale_max", double, (c) => c.notNull().defaultTo(5))
    .addColumn("higher_is_better", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("levels", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("sort_order", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("archived_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint("criteria_pk", ["organization_id", "id"])
    .addForeignKeyConstraint("criteria_parent_fk", ["organization_id", "parent_id"], "criteria", [
      "organization_id",
      "id",
    ])
    .execute();
  await db.schema.createIndex("criteria_key_uq").on("criteria").columns(["organization_id", "key"]).unique().execute();

  await db.schema
    .createTable("ahp_sessions")
    .addColumn("organization_id", "text", orgRef)
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("business_unit", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("parent_criterion_id", "text")
    .addColumn("criterion_ids", "text", (c) => c.notNull()) // JSON array, fixed when the session opens
    .addColumn("status", "text", (c) => c.notNull()) // open | closed
    .addColumn("random_index", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("closed_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint("ahp_sessions_pk", ["organization_id", "id"])
    .execute();

  await db.schema
    .createTable("ahp_participants")
    .addColumn("organization_id", "text", orgRef)
    .addColumn("session_id", "text", (c) => c.notNull())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("judgments", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("consistency_ratio", double)
    .addColumn("submitted_at", "text")
    .addColumn("invited_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint("ahp_participants_pk", ["organization_id", "session_id", "user_id"])
    .addForeignKeyConstraint(
      "ahp_participants_session_fk",
      ["organization_id", "session_id"],
      "ahp_sessions",
      ["organization_id", "id"],
      (fk) => fk.onDelete("cascade"),
    )
    .execute();

  await db.schema
    .createTable("scoring_models")
    .addColumn("organization_id", "text", orgRef)
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("model_version", "integer", (c) => c.notNull())
    .addColumn("session_id", "text")
    .addColumn("weights", "text", (c) => c.notNull()) // JSON [{criterionId, key, name, localWeight, globalWeight}]
    .addColumn("note", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("published_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("published_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("scoring_models_pk", ["organization_id", "id"])
    .execute();
  await db.schema
    .createIndex("scoring_models_version_uq")
    .on("scoring_models")
    .columns(["organization_id", "model_version"])
    .unique()
    .execute();

  await db.schema
    .createTable("project_scores")
    .addColumn("organization_id", "text", orgRef)
    .addColumn("project_id", "text", (c) => c.notNull())
    .addColumn("criterion_id", "text", (c) => c.notNull())
    .addColumn("value", double, (c) => c.notNull())
    .addColumn("rationale", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("scored_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("scored_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("project_scores_pk", ["organization_id", "project_id", "criterion_id"])
    .addForeignKeyConstraint(
      "project_scores_project_fk",
      ["organization_id", "project_id"],
      "projects",
      ["organization_id", "id"],
      (fk) => fk.onDelete("cascade"),
    )
    .addForeignKeyConstraint(
      "project_scores_criterion_fk",
      ["organization_id", "criterion_id"],
      "criteria",
      ["organization_id", "id"],
      (fk) => fk.onDelete("cascade"),
    )
    .execute();

  await db.schema
    .createTable("project_priority_scores")
    .addColumn("organization_id", "text", orgRef)
    .addColumn("project_id", "text", (c) => c.notNull())
    .addColumn("model_id", "text", (c) => c.notNull())
    .addColumn("model_version", "integer", (c) => c.notNull())
    .addColumn("score", double, (c) => c.notNull())
    .addColumn("breakdown", "text", (c) => c.notNull())
    .addColumn("computed_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("project_priority_scores_pk", ["organization_id", "project_id", "model_id"])
    .addForeignKeyConstraint(
      "project_priority_scores_project_fk",
      ["organization_id", "project_id"],
      "projects",
      ["organization_id", "id"],
      (fk) => fk.onDelete("cascade"),
    )
    .execute();

  await db.schema
    .createTable("project_objective_links")
    .addColumn("organization_id", "text", orgRef)
    .addColumn("project_id", "text", (c) => c.notNull())
    .addColumn("objective_id", "text", (c) => c.notNull())
    .addColumn("strength", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("project_objective_links_pk", ["organization_id", "project_id", "objective_id"])
    .addForeignKeyConstraint(
      "project_objective_links_project_fk",
      ["organization_id", "project_id"],
      "projects",
      ["organization_id", "id"],
      (fk) => fk.onDelete("cascade"),
    )
    .addForeignKeyConstraint(
      "project_objective_links_objective_fk",
      ["organization_id", "objective_id"],
      "strategic_objectives",
      ["organization_id", "id"],
      (fk) => fk.onDelete("cascade"),
    )
    .execute();
  await db.schema
    .createIndex("project_objective_links_objective_idx")
    .on("project_objective_links")
    .columns(["organization_id", "objective_id"])
    .execute();

  await db.schema
    .createTable("meetings")
    .addColumn("organization_id", "text", orgRef)
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("meeting_type", "text", (c) => c.notNull())
    .addColumn("starts_at", "text", (c) => c.notNull())
    .addColumn("duration_minutes", "integer", (c) => c.notNull().defaultTo(60))
    .addColumn("location", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("notes", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint("meetings_pk", ["organization_id", "id"])
    .execute();

  await db.schema
    .createTable("meeting_attendees")
    .addColumn("organization_id", "text", orgRef)
    .addColumn("meeting_id", "text", (c) => c.notNull())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("attendance", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("meeting_attendees_pk", ["organization_id", "meeting_id", "user_id"])
    .addForeignKeyConstraint(
      "meeting_attendees_meeting_fk",
      ["organization_id", "meeting_id"],
      "meetings",
      ["organization_id", "id"],
      (fk) => fk.onDelete("cascade"),
    )
    .execute();

  await db.schema
    .createTable("agenda_items")
    .addColumn("organization_id", "text", orgRef)
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("meeting_id", "text", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("notes", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("ref_type", "text")
    .addColumn("ref_id", "text")
    .addPrimaryKeyConstraint("agenda_items_pk", ["organization_id", "id"])
    .addForeignKeyConstraint(
      "agenda_items_meeting_fk",
      ["organization_id", "meeting_id"],
      "meetings",
      ["organization_id", "id"],
      (fk) => fk.onDelete("cascade"),
    )
    .execute();

  await db.schema
    .createTable("decisions")
    .addColumn("organization_id", "text", orgRef)
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("meeting_id", "text")
    .addColumn("agenda_item_id", "text")
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("rationale", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("ref_type", "text")
    .addColumn("ref_id", "text")
    .addColumn("decided_by", "text", (c) => c.notNull().defaultTo("[]")) // JSON array of user ids
    .addColumn("decided_on", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint("decisions_pk", ["organization_id", "id"])
    .addForeignKeyConstraint(
      "decisions_meeting_fk",
      ["organization_id", "meeting_id"],
      "meetings",
      ["organization_id", "id"],
      (fk) => fk.onDelete("cascade"),
    )
    .execute();
  await db.schema
    .createIndex("decisions_ref_idx")
    .on("decisions")
    .columns(["organization_id", "ref_type", "ref_id"])
    .execute();

  await db.schema
    .createTable("action_items")
    .addColumn("organization_id", "text", orgRef)
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("meeting_id", "text")
    .addColumn("decision_id", "text")
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("owner_user_id", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("due_date", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("completed_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint("action_items_pk", ["organization_id", "id"])
    .addForeignKeyConstraint(
      "action_items_meeting_fk",
      ["organization_id", "meeting_id"],
      "meetings",
      ["organization_id", "id"],
      (fk) => fk.onDelete("cascade"),
    )
    .execute();
}

export async function down(db: Db): Promise<void> {
  for (const t of [
    "action_items",
    "decisions",
    "agenda_items",
    "meeting_attendees",
    "meetings",
    "project_objective_links",
    "project_priority_scores",
    "project_scores",
    "scoring_models",
    "ahp_participants",
    "ahp_sessions",
    "criteria",
    "goal_check_ins",
    "goals",
    "strategic_objectives",
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
