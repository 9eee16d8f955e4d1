import type { Command } from "commander";
import { CreateTokenSchema } from "../server/modules/identity/identity.schema.js";
import { systemContext } from "../server/platform/context.js";
import { AppError } from "../server/platform/errors.js";
import { action, parseOptions, parseWholeNumber, resolveMember, resolveOrganization, withServices } from "./runtime.js";

type CreateTokenOptions = { email: string; name: string; org?: string; expiresDays?: number };

/** `token create`. */
export function registerTokenCommands(program: Command): void {
  const token = program.command("token").description("Manage personal API tokens");

  token
    .command("create")
    .description(
      "Issue a personal API token for a person, acting with their role in one organization " +
        "(--org, or the first organization they belong to). Prints the secret (tl_…) alone on the last line; " +
        "it is shown once. Use it as `Authorization: Bearer <secret>`.",
    )
    .requiredOption("--email <email>", "the person the token belongs to")
    .option("--name <name>", "a label to recognize the token by", "cli")
    .option("--org <id>", "organization the token acts in (default: the person's first organization)")
    .option("--expires-days <n>", "days until the token expires, 1 to 3650 (default: never)", parseWholeNumber)
    .action(
      action(async (options: CreateTokenOptions) => {
        const input = parseOptions(
          CreateTokenSchema,
          { name: options.name, expiresInDays: options.expiresDays ?? null },
          { expiresInDays: "expires-days" },
        );
        await withServices(async ({ services }) => {
          const org = options.org === undefined ? undefined : await resolveOrganization(services, options.org);
          const { user, membership } = await resolveMember(services, options.email, org?.id);
          if (user.disabled_at) throw new AppError("forbidden", `${user.email} is disabled; a token would not work`);
          const ctx = systemContext(membership.organization_id, "cli");
          const issued = await services.identity.issueToken(ctx, user.id, input);
          const expiry = issued.token.expiresAt ? `expires ${issued.token.expiresAt}` : "never expires";
          console.log(
            `Token "${issued.token.name}" for ${user.email} as ${membership.role} in "${membership.organization_name}" (${expiry}); shown once:`,
          );
          console.log(issued.secret);
        });
      }),
    );
}
