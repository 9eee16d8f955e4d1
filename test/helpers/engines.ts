import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { describe } from "vitest";
import {
  type DatabaseHandle,
  type Engine,
  migrateToLatest,
  openDatabase,
} from "../../src/server/platform/db/database.js";

/**
 * The engines every store, service and API test runs on. PostgreSQL joins when
 * TEST_DATABASE_URL is set; without it the suite prints one "skipped: no PostgreSQL" line,
 * and with CI=true a missing engine fails instead of skipping.
 */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || undefined;
const IS_CI = process.env.CI === "true" || process.env.CI === "1";

export const ENGINES: Engine[] = TEST_DATABASE_URL ? ["sqlite", "postgres"] : ["sqlite"];

let warned = false;
function warnOnce() {
  if (TEST_DATABASE_URL || warned) return;
  warned = true;
  if (IS_CI) throw new Error("CI=true but TEST_DATABASE_URL is not set: PostgreSQL tests cannot be skipped in CI");
  console.warn("skipped: no PostgreSQL (set TEST_DATABASE_URL to run these tests on PostgreSQL too)");
}

/** Runs a describe block once per engine, named after the engine. */
export function describeEachEngine(name: string, fn: (engine: Engine) => void): void {
  warnOnce();
  for (const engine of ENGINES) describe(`${name} [${engine}]`, () => fn(engine));
}

export type TestDatabase = DatabaseHandle & { url?: string; drop(): Promise<void> };

/** A new, empty, migrated database of the engine: a temp SQLite file or a fresh PostgreSQL database. */
export async function createTestDatabase(engine: Engine, options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const name = `tl_test_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  let handle: DatabaseHandle;
  let url: string | undefined;
  let dropExtra: () => Promise<void>;
  if (engine === "sqlite") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tl-test-"));
    handle = openDatabase({ dataDir: dir });
    dropExtra = async () => fs.rmSync(dir, { recursive: true, force: true });
  } else {
    if (!TEST_DATABASE_URL) throw new Error("TEST_DATABASE_URL is not set");
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const u = new URL(TEST_DATABASE_URL);
    u.pathname = `/${name}`;
    url = u.toString();
    handle = openDatabase({ databaseUrl: url, dataDir: "", poolSize: 5 });
    dropExtra = async () => {
      const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
  }
  if (options.migrate !== false) await migrateToLatest(handle.db);
  let dropped = false;
  return {
    ...handle,
    url,
    async drop() {
      if (dropped) return;
      dropped = true;
      await handle.close();
      await dropExtra();
    },
  };
}
