import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../src/server/platform/db/database.js";
import { createTestDatabase, TEST_DATABASE_URL, type TestDatabase } from "../helpers/engines.js";

/**
 * Migrations are written once for both engines; this migrates an empty SQLite and an empty
 * PostgreSQL database and compares what they hold: the same tables, and per table the same
 * columns in the same order with the same NOT NULL-ness. The known, deliberate differences are
 * listed below and asserted to exist, so the test notices when they change.
 */

type Column = { name: string; notNull: boolean; primaryKey: boolean };
type Schema = Map<string, Column[]>;

/** Kysely's bookkeeping: present on both engines, not part of the application schema. */
const MIGRATION_TABLES = ["kysely_migration", "kysely_migration_lock"];
/** SQLite's full-text index of projects (PostgreSQL uses projects.search_vector instead). */
const SQLITE_FTS_TABLE = "projects_fts";
const isSqliteFtsTable = (name: string) => name === SQLITE_FTS_TABLE || name.startsWith(`${SQLITE_FTS_TABLE}_`);
/** The FTS5 shadow tables SQLite creates beside a virtual table (sqlite.org/fts5.html, section 9). */
const FTS5_SHADOW_TABLES = [
  "projects_fts_config",
  "projects_fts_content",
  "projects_fts_data",
  "projects_fts_docsize",
  "projects_fts_idx",
];
/** PostgreSQL's generated full-text column. */
const PG_ONLY_COLUMN = { table: "projects", column: "search_vector" };
/** Tables that are not owned by one organization: everything else starts with organization_id. */
const GLOBAL_TABLES = ["organizations", "users", "sessions"];
/** Tables every migrated database must hold, whatever else is added later. */
const CORE_TABLES = [
  "organizations",
  "users",
  "memberships",
  "sessions",
  "api_tokens",
  "audit_events",
  "resource_roles",
  "project_categories",
  "portfolios",
  "programs",
  "projects",
  "project_budget_lines",
  "project_demand_lines",
  "project_dependencies",
  "project_members",
];

const IS_CI = process.env.CI === "true" || process.env.CI === "1";
const HAS_POSTGRES = TEST_DATABASE_URL !== undefined;

async function readSqliteSchema(db: Db): Promise<{ schema: Schema; virtualTables: Set<string> }> {
  const tables = await sql<{ name: string; sql: string | null }>`
    select name, sql from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name
  `.execute(db);
  const schema: Schema = new Map();
  const virtualTables = new Set<string>();
  for (const t of tables.rows) {
    if (/^\s*create\s+virtual\s+table/i.test(t.sql ?? "")) virtualTables.add(t.name);
    const cols = await sql<{ name: string; notnull: number; pk: number }>`
      select name, "notnull", pk from pragma_table_info(${t.name}) order by cid
    `.execute(db);
    schema.set(
      t.name,
      cols.rows.map((c) => ({ name: c.name, notNull: Number(c.notnull) === 1, primaryKey: Number(c.pk) > 0 })),
    );
  }
  return { schema, virtualTables };
}

async function readPostgresSchema(db: Db): Promise<{ schema: Schema; generated: Set<string> }> {
  const tables = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name
  `.execute(db);
  const columns = await sql<{ table_name: string; column_name: string; is_nullable: string; is_generated: string }>`
    select table_name, column_name, is_nullable, is_generated from information_schema.columns
    where table_schema = 'public' order by table_name, ordinal_position
  `.execute(db);
  const keys = await sql<{ table_name: string; column_name: string }>`
    select kcu.table_name, kcu.column_name
    from information_schema.table_constraints tc
    join information_schema.key_column_usage kcu
      on kcu.constraint_schema = tc.constraint_schema and kcu.constraint_name = tc.constraint_name
    where tc.table_schema = 'public' and tc.constraint_type = 'PRIMARY KEY'
  `.execute(db);
  const pk = new Set(keys.rows.map((k) => `${k.table_name}.${k.column_name}`));
  const schema: Schema = new Map(tables.rows.map((t) => [t.table_name, []]));
  const generated = new Set<string>();
  for (const c of columns.rows) {
    schema.get(c.table_name)?.push({
      name: c.column_name,
      notNull: c.is_nullable === "NO",
      primaryKey: pk.has(`${c.table_name}.${c.column_name}`),
    });
    if (c.is_generated === "ALWAYS") generated.add(`${c.table_name}.${c.column_name}`);
  }
  return { schema, generated };
}

/** The application's own tables: without Kysely's bookkeeping and SQLite's FTS tables. */
const applicationTables = (schema: Schema) =>
  [...schema.keys()].filter((t) => !MIGRATION_TABLES.includes(t) && !isSqliteFtsTable(t)).sort();

/** "table.column is NOT NULL" lines, comparable across engines. */
function describeColumns(schema: Schema, table: string): string[] {
  return (schema.get(table) ?? [])
    .filter((c) => !(table === PG_ONLY_COLUMN.table && c.name === PG_ONLY_COLUMN.column))
    .map((c) => `${c.name} ${c.notNull ? "not null" : "null"}`);
}

/** Problems with the tenant-ownership rule: organization_id first and NOT NULL. */
function tenantProblems(schema: Schema): string[] {
  const problems: string[] = [];
  for (const table of applicationTables(schema)) {
    if (GLOBAL_TABLES.includes(table)) continue;
    const first = schema.get(table)?.[0];
    if (first?.name !== "organization_id") problems.push(`${table}: first column is ${first?.name ?? "(none)"}`);
    else if (!first.notNull) problems.push(`${table}: organization_id is nullable`);
  }
  return problems;
}

describe("schema parity: migrations on SQLite and PostgreSQL", () => {
  let sqlite: TestDatabase;
  let sqliteSchema: Schema;
  let sqliteVirtual: Set<string>;

  beforeAll(async () => {
    sqlite = await createTestDatabase("sqlite");
    ({ schema: sqliteSchema, virtualTables: sqliteVirtual } = await readSqliteSchema(sqlite.db));
  });
  afterAll(async () => sqlite?.drop());

  it("SQLite: the migrated database holds the core tables, Kysely's tables and the FTS5 index", () => {
    expect(applicationTables(sqliteSchema)).toEqual(expect.arrayContaining(CORE_TABLES));
    for (const t of MIGRATION_TABLES) expect(sqliteSchema.has(t), t).toBe(true);
    expect(sqliteVirtual.has(SQLITE_FTS_TABLE)).toBe(true);
    expect([...sqliteSchema.keys()].filter((t) => t.startsWith(`${SQLITE_FTS_TABLE}_`)).sort()).toEqual(
      FTS5_SHADOW_TABLES,
    );
    expect(sqliteSchema.get(PG_ONLY_COLUMN.table)?.map((c) => c.name)).not.toContain(PG_ONLY_COLUMN.column);
  });

  it("SQLite: every tenant-owned table starts with a NOT NULL organization_id", () => {
    expect(tenantProblems(sqliteSchema)).toEqual([]);
  });

  it("SQLite: every primary-key column is NOT NULL (SQLite, unlike PostgreSQL, lets a text primary key hold NULL)", () => {
    const nullableKeys = applicationTables(sqliteSchema).flatMap((t) =>
      (sqliteSchema.get(t) ?? []).filter((c) => c.primaryKey && !c.notNull).map((c) => `${t}.${c.name}`),
    );
    expect(nullableKeys).toEqual([]);
  });

  if (!HAS_POSTGRES) {
    if (IS_CI) {
      it("compares with PostgreSQL", () => {
        throw new Error("CI=true but TEST_DATABASE_URL is not set: the schema parity test needs PostgreSQL in CI");
      });
    } else {
      console.warn("skipped: no PostgreSQL (set TEST_DATABASE_URL to compare the SQLite and PostgreSQL schemas)");
    }
    return;
  }

  describe("compared with PostgreSQL", () => {
    let postgres: TestDatabase;
    let pgSchema: Schema;
    let pgGenerated: Set<string>;

    beforeAll(async () => {
      postgres = await createTestDatabase("postgres");
      ({ schema: pgSchema, generated: pgGenerated } = await readPostgresSchema(postgres.db));
    });
    afterAll(async () => postgres?.drop());

    it("the known differences are still there: Kysely's tables on both, FTS5 only on SQLite, search_vector only on PostgreSQL", () => {
      for (const t of MIGRATION_TABLES) expect(pgSchema.has(t), t).toBe(true);
      expect([...pgSchema.keys()].filter(isSqliteFtsTable)).toEqual([]);
      expect(pgSchema.get(PG_ONLY_COLUMN.table)?.map((c) => c.name)).toContain(PG_ONLY_COLUMN.column);
      expect(pgGenerated).toEqual(new Set([`${PG_ONLY_COLUMN.table}.${PG_ONLY_COLUMN.column}`]));
    });

    it("both engines hold the same tables", () => {
      expect(applicationTables(pgSchema)).toEqual(applicationTables(sqliteSchema));
    });

    it("every table has the same columns, in the same order, with the same NOT NULL-ness", () => {
      const differences: string[] = [];
      for (const table of applicationTables(sqliteSchema)) {
        if (!pgSchema.has(table)) continue; // reported by the table test
        const a = describeColumns(sqliteSchema, table);
        const b = describeColumns(pgSchema, table);
        const width = Math.max(a.length, b.length);
        for (let i = 0; i < width; i++) {
          if (a[i] !== b[i])
            differences.push(`${table} column ${i + 1}: sqlite "${a[i] ?? "-"}" vs postgres "${b[i] ?? "-"}"`);
        }
      }
      expect(differences).toEqual([]);
    });

    it("PostgreSQL: every tenant-owned table starts with a NOT NULL organization_id", () => {
      expect(tenantProblems(pgSchema)).toEqual([]);
    });
  });
});
