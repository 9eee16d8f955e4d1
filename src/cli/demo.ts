import type { Command } from "commander";
import type { Config } from "../server/config.js";
import { progressBar } from "./progress.js";
import { action, contextFor, resolveOrganization, withServices } from "./runtime.js";

/** `demo`. */
export function registerDemoCommands(program: Command): void {
  program
    .command("demo")
    .description(
      "Load the demo organization's data (people, portfolios, programs, 40 projects, objectives, goals, an AHP weighting, scores, meetings) into an organization that has no projects yet, " +
        "all or nothing. On an empty database it first creates the first organization and its admin " +
        "(ADMIN_EMAIL / ADMIN_PASSWORD, or a generated password) and prints the sign-in, as `serve` does.",
    )
    .option("--org <id>", "organization to load into (default: the first organization)")
    .action(
      action(async (options: { org?: string }) => {
        await withServices(async ({ services, config }) => {
          if (options.org === undefined) {
            const first = await services.identity.bootstrap({
              email: config.adminEmail,
              password: config.adminPassword,
            });
            if (first) printFirstSignIn(config, first);
          }
          const org = await resolveOrganization(services, options.org);
          const ctx = await contextFor(services, org.id, undefined);
          const progress = progressBar("loading the demo", () => process.stderr.isTTY === true);
          let result: Awaited<ReturnType<typeof services.demo.load>>;
          try {
            result = await services.demo.load(ctx, { onProgress: progress.update });
          } finally {
            progress.stop();
          }
          console.log(`Loaded the demo into "${org.name}" (${org.id}):`);
          for (const [what, count] of Object.entries(result)) {
            if (typeof count === "number") console.log(`  ${what}: ${count}`);
          }
        });
      }),
    );
}

/** The same sign-in the server prints on its first start (src/server/main.ts). */
function printFirstSignIn(config: Config, first: { email: string; password: string; generated: boolean }): void {
  const host = config.host === "0.0.0.0" ? "localhost" : config.host;
  const lines = [
    "",
    "  Throughline is ready for its first sign-in (start the server with `throughline serve`):",
    `    URL:      http://${host}:${config.port}/`,
    `    Email:    ${first.email}`,
    first.generated
      ? `    Password: ${first.password}   (shown once; you will be asked to change it)`
      : "    Password: the ADMIN_PASSWORD you set",
    "",
  ];
  console.log(lines.join("\n"));
}
