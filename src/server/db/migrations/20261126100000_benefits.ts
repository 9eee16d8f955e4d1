import { type ColumnDefinitionBuilder, type Kysely, PostgresAdapter } from "kysely";

/**
 * Benefits realization: the benefits register (categories, benefits, realization profiles, links
 * to enabling projects and contributed objectives), measurements, risks to benefits, corrective
 * actions, hand-overs, post-implementation reviews, the benefits dependency network, business
 * cases with their cash flows, module settings, and goals that take a benefit as their data
 * source. Frozen once released.
 */

// biome-ignore lint/suspicious/noExplicitAny: migrations run against any schema version
type Db = Kysely<any>;

const isPostgres = (db: Db) => db.getExecutor().adapter instanceof PostgresAdapter;

export const DEFAULT_BENEFIT_CATEGORIES = [
  { key: "revenue", name: "Revenue" },
  { key: "cost_saving", name: "Cost saving" },
  { key: "cost_avoidance", name: "Cost avoidance" },
  { key: "risk_reduction", name: "Risk reduction" },
  { key: "compliance", name: "Compliance" },
  { key: "customer", name: "Customer" },
  { key: "employee", name: "Employee" },
] as const;

export async function up(db: Db): Promise<void> {
  const double = isPostgres(db) ? "double precision" : "real";
  const orgRef = (c: ColumnDefinitionBuilder) => c.notNull().references("organizations.id").onDelete("cascade");
  const userRef = (c: ColumnDefinitionBuilder) => c.references("users.id").onDelete("set null");

  await db.schema
    .createTable("benefit_categories")
    .addColumn("organization_id", "text", orgRef)
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("sort_order", "integer", (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint("benefit_categories_pk", ["organization_id", "key"])
    .execute();
  // Organizations that exist already get the default categories; new ones get them when created.
  const orgs = (await db.selectFrom("organizations").select("id").execute()) as { id: string }[];
  for (const o of orgs) {
    await db
      .insertInto("benefit_categories")
      .values(DEFAULT_BENEFIT_CATEGORIES.map((c, i) => ({ organization_id: o.id, ...c, sort_order: i })))
      .execute();
  }

  await db.schema
    .createTable("benefits")
    .addColumn("organization_id", "text", orgRef)
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("code", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("category", "text", (c) => c.notNull())
    .addColumn("is_disbenefit", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("responsible_owner_id", "text", userRef)
    .addColumn("accountable_owner_id", "text", userRef)
    .addColumn("operational_owner_id", "text", userRef)
    .addColumn("kpi_name", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("unit", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("direction", "text", (c) => c.notNull())
    .addColumn("method", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("data_source", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("frequency", "text", (c) => c.notNull())
    .addColumn("baseline_value", double)
    .addColumn("baseline_date", "text")
    .addColumn("target_value", double)
    .addColumn("target_date", "text")
    .addColumn("tolerance_kind", "text", (c) => c.notNull())
    .addColumn("tolerance_value", double, (c) => c.notNull())
    .addColumn("value_per_unit_cents", "bigint")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("business_change", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("beneficiaries", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("attribution_note", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("archived_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint("benefits_pk", ["organization_id", "id"])
    .addForeignKeyConstraint("benefits_category_fk", ["organization_id", "category"], "benefit_categories", [
      "organization_id",
      "key",
    ])
    .execute();
  await db.schema
    .createIndex("benefits_code_uq")
    .on("benefits")
    .columns(["organization_id", "code"])
    .unique()
    .execute();

  await db.schema
    .createTable("benefit_profile_points")
    .addColumn("organization_id", "text", orgRef)
    .addColumn("benefit_id", "text", (c) => c.notNull())
    .addColumn("period", "text", (c) => c.notNull())
    .addColumn("planned", double, (c) => c.notNull())
    .addPrimaryKeyConstraint("benefit_profile_points_pk", ["organization_id", "benefit_id", "period"])
    .addForeignKeyConstraint(
      "benefit_profile_points_benefit_fk",
      ["organization_id", "benefit_id"],
      "benefits",
      ["organization_id", "id"],
      (f) => f.onDelete("cascade"),
    )
    .execute();

  await db.schema
    .createTable("benefit_projects")
    .addColumn("organization_id", "text", orgRef)
    .addColumn("benefit_id", "text", (c) => c.notNull())
    .addColumn("project_id", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("benefit_projects_pk", ["organization_id", "benefit_id", "project_id"])
    .addForeignKeyConstraint(
      "benefit_projects_benefit_fk",
      ["organization_id", "benefit_id"],
      "benefits",
      ["organization_id", "id"],
      (f) => f.onDelete("cascade"),
    )
    .addForeignKeyConstraint(
      "benefit_projects_project_fk",
      ["organization_id", "project_id"],
      "projects",
      ["organization_id", "id"],
      (f) => f.onDelete("cascade"),
    )
    .execute();
  await db.schema
    .createIndex("benefit_projects_project_idx")
    .on("benefit_projects")
    .columns(["organization_id", "project_id"])
    .execute();

  await db.schema
    .createTable("benefit_objectives")
    .addColumn("organization_id", "text", orgRef)
    .addColumn("benefit_id", "text", (c) => c.notNull())
    .addColumn("objective_id", "text", (c) => c.notNull())
    .addColumn("weight", double, (c) => c.notNull())
    .addPrimaryKeyConstraint("benefit_objectives_pk", ["organization_id", "benefit_id", "objective_id"])
    .addForeignKeyConstraint(
      "benefit_objectives_benefit_fk",
      ["organization_id", "benefit_id"],
      "benefits",
      ["organization_id", "id"],
      (f) => f.onDelete("cascade"),
    )
    .addForeignKeyConstraint(
      "benefit_objectives_objective_fk",
      ["organization_id", "objective_id"],
      "strategic_objectives",
      ["organization_id", "id"],
      (f) => f.onDelete("cascade"),
    )
    .execute();
  await db.schema
    .createIndex("benefit_objectives_objective_idx")
    .on("benefit_objectives")
    .columns(["organization_id", "objective_id"])
    .execute();

  await db.schema
    .createTable("benefit_measurements")
    .addColumn("organization_id", "text", orgRef)
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("benefit_id", "text", (c) => c.notNull())
    .addColumn("period", "text", (c) => c.notNull())
    .addColumn("measured_on", "text", (c) => c.notNull())
    .addColumn("value", double, (c) => c.notNull())
    .addColumn("evidence", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("source", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("recorded_by", "text", userRef)
    .addColumn("recorded_via", "text", (c) => c.notNull().defaultTo("manual"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint("benefit_measurements_pk", ["organization_id", "id"])
    .addForeignKeyConstraint(
      "benefit_measurements_benefit_fk",
      ["organization_id", "benefit_id"],
      "benefits",
      ["organization_id", "id"],
      (f) => f.onDelete("cascade"),
    )
    .execute();
  await db.schema
    .createIndex("benefit_measurements_period_uq")
    .on("benefit_measurements")
    .columns(["organization_id", "benefit_id", "period"])
    .unique()
    .execute();

  await db.schema
    .createTable("benefit_risks")
    .addColumn("organization_id", "text", orgRef)
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("benefit_id", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("probability", double, (c) => c.notNull())
    .addColumn("impact_pct", double, (c) => c.notNull())
    .addColumn("proximity", "text")
    .addColumn("owner_user_id", "text", userRef)
    .addColumn("response", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint("benefit_risks_pk", ["organization_id", "id"])
    .addForeignKeyConstraint(
      "benefit_risks_benefit_fk",
      ["organization_id", "benefit_id"],
      "benefits",
      ["organization_id", "id"],
      (f) => f.onDelete("cascade"),
    )
    .execute();
  await db.schema
    .createIndex("benefit_risks_benefit_idx")
    .on("benefit_risks")
    .columns(["organization_id", "benefit_id"])
    .execute();

  await db.schema
    .createTable("corrective_actions")
    .addColumn("organization_id", "text", orgRef)
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("benefit_id", "text", (c) => c.notNull())
    .addColumn("rule", "text")
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("owner_user_id", "text", userRef)
    .addColumn("due_date", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("expected_effect", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("slope_before", double)
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("closed_at", "text")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint("corrective_actions_pk", ["organization_id", "id"])
    .addForeignKeyConstraint(
      "corrective_actions_benefit_fk",
      ["organization_id", "benefit_id"],
      "benefits",
      ["organization_id", "id"],
      (f) => f.onDelete("cascade"),
    )
    .execute();
  await db.schema
    .createIndex("corrective_actions_benefit_idx")
    .on("corrective_actions")
    .columns(["organization_id", "benefit_id"])
    .execute();

  await db.schema
    .createTable("benefit_handovers")
    .addColumn("organization_id", "text", orgRef)
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("benefit_id", "text", (c) => c.notNull())
    .addColumn("project_id", "text")
    .addColumn("from_user_id", "text", userRef)
    .addColumn("to_user_id", "text", userRef)
    .addColumn("handed_over_on", "text", (c) => c.notNull())
    .addColumn("remaining", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("remaining_value", double)
    .addColumn("recorded_by", "text", userRef)
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("benefit_handovers_pk", ["organization_id", "id"])
    .addForeignKeyConstraint(
      "benefit_handovers_benefit_fk",
      ["organization_id", "benefit_id"],
      "benefits",
      ["organization_id", "id"],
      (f) => f.onDelete("cascade"),
    )
    .execute();

  await db.schema
    .createTable("pir_reviews")
    .addColumn("organization_id", "text", orgRef)
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("project_id", "text", (c) => c.notNull())
    .addColumn("offset_months", "integer", (c) => c.notNull())
    .addColumn("due_date", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("rating", "integer")
    .addColumn("summary", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("lessons", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("recommendations", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("completed_at", "text")
    .addColumn("completed_by", "text", userRef)
    .addColumn("signed_off_by", "text", userRef)
    .addColumn("signed_off_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint("pir_reviews_pk", ["organization_id", "id"])
    .addForeignKeyConstraint(
      "pir_reviews_project_fk",
      ["organization_id", "project_id"],
      "projects",
      ["organization_id", "id"],
      (f) => f.onDelete("cascade"),
    )
    .execute();
  await db.schema
    .createIndex("pir_reviews_project_uq")
    .on("pir_reviews")
    .columns(["organization_id", "project_id", "offset_months"])
    .unique()
    .execute();

  await db.schema
    .createTable("pir_review_items")
    .addColumn("organization_id", "text", orgRef)
    .addColumn("review_id", "text", (c) => c.notNull())
    .addColumn("benefit_id", "text", (c) => c.notNull())
    .addColumn("planned", double)
    .addColumn("actual", double)
    .addColumn("comment", "text", (c) => c.notNull().defaultTo(""))
    .addPrimaryKeyConstraint("pir_review_items_pk", ["organization_id", "review_id", "benefit_id"])
    .addForeignKeyConstraint(
      "pir_review_items_review_fk",
      ["organization_id", "review_id"],
      "pir_reviews",
      ["organization_id", "id"],
      (f) => f.onDelete("cascade"),
    )
    .addForeignKeyConstraint(
      "pir_review_items_benefit_fk",
      ["organization_id", "benefit_id"],
      "benefits",
      ["organization_id", "id"],
      (f) => f.onDelete("cascade"),
    )
    .execute();

  await db.schema
    .createTable("benefit_map_nodes")
    .addColumn("organization_id", "text", orgRef)
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("ref_id", "text")
    .addColumn("label", "text", (c) => c.notNull())
    .addColumn("owner_user_id", "text", userRef)
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("benefit_map_nodes_pk", ["organization_id", "id"])
    .execute();
  await db.schema
    .createTable("benefit_map_edges")
    .addColumn("organization_id", "text", orgRef)
    .addColumn("from_node_id", "text", (c) => c.notNull())
    .addColumn("to_node_id", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("benefit_map_edges_pk", ["organization_id", "from_node_id", "to_node_id"])
    .addForeignKeyConstraint(
      "benefit_map_edges_from_fk",
      ["organization_id", "from_node_id"],
      "benefit_map_nodes",
      ["organization_id", "id"],
      (f) => f.onDelete("cascade"),
    )
    .addForeignKeyConstraint(
      "benefit_map_edges_to_fk",
      ["organization_id", "to_node_id"],
      "benefit_map_nodes",
      ["organization_id", "id"],
      (f) => f.onDelete("cascade"),
    )
    .execute();

  await db.schema
    .createTable("business_cases")
    .addColumn("organization_id", "text", orgRef)
    .addColumn("project_id", "text", (c) => c.notNull())
    .addColumn("discount_rate", double, (c) => c.notNull())
    .addColumn("finance_rate", double)
    .addColumn("reinvest_rate", double)
    .addColumn("first_year", "integer", (c) => c.notNull())
    .addColumn("benefits_from_profiles", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("notes", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint("business_cases_pk", ["organization_id", "project_id"])
    .addForeignKeyConstraint(
      "business_cases_project_fk",
      ["organization_id", "project_id"],
      "projects",
      ["organization_id", "id"],
      (f) => f.onDelete("cascade"),
    )
    .execute();
  await db.schema
    .createTable("business_case_flows")
    .addColumn("organization_id", "text", orgRef)
    .addColumn("project_id", "text", (c) => c.notNull())
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("costs_cents", "bigint", (c) => c.notNull().defaultTo(0))
    .addColumn("benefits_cents", "bigint", (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint("business_case_flows_pk", ["organization_id", "project_id", "year"])
    .addForeignKeyConstraint(
      "business_case_flows_case_fk",
      ["organization_id", "project_id"],
      "business_cases",
      ["organization_id", "project_id"],
      (f) => f.onDelete("cascade"),
    )
    .execute();

  await db.schema
    .createTable("benefit_settings")
    .addColumn("organization_id", "text", orgRef)
    .addColumn("pir_offsets", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("benefit_settings_pk", ["organization_id"])
    .execute();

  await db.schema.alterTable("goals").addColumn("data_source_benefit_id", "text").execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.alterTable("goals").dropColumn("data_source_benefit_id").execute();
  for (const t of [
    "benefit_settings",
    "business_case_flows",
    "business_cases",
    "benefit_map_edges",
    "benefit_map_nodes",
    "pir_review_items",
    "pir_reviews",
    "benefit_handovers",
    "corrective_actions",
    "benefit_risks",
    "benefit_measurements",
    "benefit_objectives",
    "benefit_projects",
    "benefit_profile_points",
    "benefits",
    "benefit_categories",
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
