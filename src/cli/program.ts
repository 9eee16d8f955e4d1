import fs from "node:fs";
import { Command } from "commander";
import { registerAhpCommands } from "./ahp.js";
import { registerDemoCommands } from "./demo.js";
import { registerFinanceCommands } from "./finance.js";
import { registerOrgCommands } from "./org.js";
import { registerScenarioCommands } from "./scenario.js";
import { registerServerCommands } from "./server.js";
import { registerTokenCommands } from "./token.js";
import { registerTransferCommands } from "./transfer.js";
import { registerUserCommands } from "./user.js";

const EPILOGUE = `
Configuration comes from the environment, as for the server (see .env.example): DATA_DIR (SQLite,
default ./data) or DATABASE_URL (PostgreSQL), ADMIN_EMAIL, ADMIN_PASSWORD, LOG_LEVEL, ...
Every command except serve applies pending migrations first. --org defaults to the first organization.

Commands that create something print its id (or token) alone on the last line of stdout, for
scripts: ID=$(throughline org create --name Acme | tail -n 1). Errors and progress go to stderr.

Exit codes:
  0  success
  1  usage error or invalid input: bad option or argument, validation, configuration, import
     problems (also on --dry-run), permission of the --as person
  2  not found or conflict: unknown organization or email, already a member, demo into an
     organization that already has projects
  3  unexpected failure: database unreachable, failed migration, a bug (add --debug for the stack)
  4  scenario solve ran but found no portfolio (infeasible, or no solution within the time limit)`;

// The package version, read here rather than imported from src/server/app.ts (VERSION), which would
// load the whole server (fastify, database drivers) just to print help.
const VERSION = (
  JSON.parse(fs.readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }
).version;

/** The `throughline` command line: one file per command group, each a thin layer over the services. */
export function buildProgram(): Command {
  const program = new Command();
  program
    .name("throughline")
    .description(
      "Throughline, the open-source platform for a business-driven PMO: run the server and administer its database.",
    )
    .version(VERSION, "-V, --version", "print the version")
    .option("--debug", "print the stack trace of unexpected errors")
    .showHelpAfterError("(add --help for usage)")
    .configureHelp({ showGlobalOptions: true })
    .addHelpText("after", EPILOGUE);

  registerServerCommands(program);
  registerOrgCommands(program);
  registerUserCommands(program);
  registerTokenCommands(program);
  registerTransferCommands(program);
  registerDemoCommands(program);
  registerAhpCommands(program);
  registerFinanceCommands(program);
  registerScenarioCommands(program);
  return program;
}
