import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, type Migration, type MigrationResultSet, Migrator, PostgresDialect, SqliteDialect, sql } from "kysely";
import pg from "pg";
import { migrations } from "../../db/migrations/index.js";
import type { Database } from "../../db/schema.js";

export type Engine = "sqlite" | "postgres";
export type Db = Kysely<Database>;

export interface DatabaseHandle {
  db: Db;
  engine: Engine;
  /** A human-readable location, without credentials. */
  location: string;
  close(): Promise<void>;
}

// PostgreSQL returns int8 and numeric as strings; our bigint columns hold cents well inside
// Number.MAX_SAFE_INTEGER, so parse them to numbers once, here.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));
pg.types.setTypeParser(1700, (v) => Number.parseFloat(v));

export type OpenDatabaseOptions = {
  databaseUrl?: string | undefined;
  dataDir: string;
  poolSize?: number;
  /** Told when the server closes an idle pooled connection (logged by the server). */
  onIdleError?: (err: Error) => void;
};

export function openDatabase(options: OpenDatabaseOptions): DatabaseHandle {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    // An idle pooled connection can be closed by the server (restart, failover, admin shutdown).
    // pg then emits "error" on the pool; without a listener that would crash the process. The
    // pool drops the broken client and the next query opens a new one.
    pool.on("error", (err) => options.onIdleError?.(err));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, engine: "postgres", location: redactUrl(options.databaseUrl), close: () => db.destroy() };
  }
  fs.mkdirSync(options.dataDir, { recursive: true });
  const file = path.resolve(options.dataDir, "throughline.db");
  const sqlite = new SQLite(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, engine: "sqlite", location: file, close: () => db.destroy() };
}

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "postgres://…";
  }
}

/** Applies every pending migration; throws with the failing migration's name on error. */
export async function migrateToLatest(db: Db): Promise<MigrationResultSet> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async (): Promise<Record<string, Migration>> => migrations },
  });
  const result = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === "Error");
    const err = new Error(
      `Migration ${failed?.migrationName ?? "(unknown)"} failed: ${String((result.error as Error).message ?? result.error)}`,
    );
    (err as Error & { cause: unknown }).cause = result.error;
    throw err;
  }
  return result;
}

/** Cheap liveness query for /readyz. */
export async function pingDatabase(db: Db): Promise<void> {
  await sql`select 1`.execute(db);
}

/**
 * Runs `fn` in a transaction, or inside the caller's transaction when `db` already is one, so a
 * service bound to a transaction (demo loading, imports) composes with the others.
 */
export async function inTransaction<T>(db: Db, fn: (trx: Db) => Promise<T>): Promise<T> {
  if (db.isTransaction) return fn(db);
  return db.transaction().execute(fn);
}
