import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildApp } from "./app.js";
import { type Config, ConfigError, loadConfig } from "./config.js";
import { migrateToLatest, openDatabase } from "./platform/db/database.js";

/** Starts the server: config → database → migrations → first-run bootstrap → listen; stops cleanly on SIGTERM/SIGINT. */
export async function startServer(config: Config): Promise<void> {
  const database = openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    onIdleError: (err) =>
      process.stderr.write(
        `${JSON.stringify({ level: 40, msg: "database connection closed by the server", err: err.message })}\n`,
      ),
  });
  await migrateToLatest(database.db);
  const { app, services } = await buildApp({ config, database });

  const first = await services.identity.bootstrap({ email: config.adminEmail, password: config.adminPassword });
  if (first) {
    const lines = [
      "",
      "  Throughline is ready for its first sign-in:",
      `    URL:      http://${config.host === "0.0.0.0" ? "localhost" : config.host}:${config.port}/`,
      `    Email:    ${first.email}`,
      first.generated
        ? `    Password: ${first.password}   (shown once; you will be asked to change it)`
        : "    Password: the ADMIN_PASSWORD you set",
      "",
    ];
    process.stdout.write(`${lines.join("\n")}\n`);
  }

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, "shutting down: finishing in-flight requests");
    const force = setTimeout(() => {
      app.log.error("shutdown took longer than 10 s; exiting");
      process.exit(1);
    }, 10_000);
    force.unref();
    try {
      await app.close(); // stops accepting, waits for in-flight requests
      await database.close();
      process.exit(0);
    } catch (err) {
      app.log.error({ err }, "error during shutdown");
      process.exit(1);
    }
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));

  await app.listen({ port: config.port, host: config.host });
  app.log.info({ engine: database.engine, database: database.location }, "Throughline is serving");
}

const isEntry = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isEntry) {
  try {
    await startServer(loadConfig(process.env));
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(1);
    }
    console.error(`Throughline could not start: ${(e as Error).message}`);
    process.exit(1);
  }
}
