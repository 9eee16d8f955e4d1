import type { Command } from "commander";
import { action, withServices } from "./runtime.js";

/** `org create`. */
export function registerOrgCommands(program: Command): void {
  const org = program.command("org").description("Manage organizations (tenants)");

  org
    .command("create")
    .description(
      "Create an organization with its reference data (categories, resource roles). " +
        "Prints the new organization's id alone on the last line.",
    )
    .requiredOption("--name <name>", "the organization's name (1 to 200 characters)")
    .action(
      action(async (options: { name: string }) => {
        await withServices(async ({ services }) => {
          const created = await services.identity.createOrganization(options.name, "cli");
          console.log(`Created organization "${created.name}"`);
          console.log(created.id);
        });
      }),
    );
}
