import type { Command } from "commander";
import { loadConfig } from "../server/config.js";
import { action } from "./runtime.js";

/** `serve` and `migrate`: running the server and preparing its database. */
export function registerServerCommands(program: Command): void {
  program
    .command("serve")
    .description(
      "Start the web server and API (PORT, HOST, DATA_DIR or DATABASE_URL from the environment). " +
        "Applies pending migrations and, on an empty database, creates the first admin and prints the sign-in. " +
        "Stops cleanly on SIGTERM or SIGINT.",
    )
    .action(
      action(async () => {
        // Imported on use: src/server/main.ts is also an entry point and the other commands need none of it.
        const { startServer } = await import("../server/main.js");
        await startServer(loadConfig(process.env));
      }),
    );

  program
    .command("migrate")
    .description("Apply pending database migrations and print which ran (the other commands also do this first).")
    .action(
      action(async () => {
        const config = loadConfig(process.env);
        const { openDatabase, migrateToLatest } = await import("../server/platform/db/database.js");
        const database = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
        try {
          console.log(`Database: ${database.location} (${database.engine})`);
          const result = await migrateToLatest(database.db);
          const applied = (result.results ?? []).filter((r) => r.status === "Success");
          if (applied.length === 0) console.log("database is up to date");
          for (const r of applied) console.log(`applied ${r.migrationName}`);
        } finally {
          await database.close();
        }
      }),
    );
}
