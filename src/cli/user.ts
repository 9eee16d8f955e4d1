import { type Command, Option } from "commander";
import { ROLES } from "../domain/identity/permissions.js";
import { CreateUserSchema } from "../server/modules/identity/identity.schema.js";
import { generatePassword } from "../server/modules/identity/passwords.js";
import { action, parseOptions, readStdin, resolveOrganization, withServices } from "./runtime.js";

type CreateUserOptions = { org?: string; email: string; role: string; name?: string; passwordStdin?: boolean };

/** `user create`. */
export function registerUserCommands(program: Command): void {
  const user = program.command("user").description("Manage people and their roles in an organization");

  user
    .command("create")
    .description(
      "Add a person to an organization with a role (creating the account when the email is new). " +
        "Without --password-stdin a one-time password is generated, printed once, and must be changed at first sign-in. " +
        "Prints the user's id alone on the last line.",
    )
    .option("--org <id>", "organization id (default: the first organization)")
    .requiredOption("--email <email>", "the person's email address (their sign-in)")
    .addOption(new Option("--role <role>", "role in the organization").choices(ROLES).makeOptionMandatory())
    .option("--name <name>", "display name (default: the part of the email before @)")
    .option("--password-stdin", "read the password (at least 12 characters) from stdin; a trailing newline is dropped")
    .addHelpText(
      "after",
      '\nExample:\n  printf "%s" "$PASSWORD" | throughline user create --email pat@example.com --role pmo --password-stdin',
    )
    .action(
      action(async (options: CreateUserOptions) => {
        const password = options.passwordStdin
          ? (await readStdin()).toString("utf8").replace(/(\r?\n)+$/, "")
          : undefined;
        const input = parseOptions(CreateUserSchema, {
          email: options.email,
          name: options.name ?? options.email.trim().split("@")[0] ?? "",
          role: options.role,
          ...(password === undefined ? {} : { password }),
        });
        await withServices(async ({ services }) => {
          const org = await resolveOrganization(services, options.org);
          // addUser keeps an existing account's password; say so instead of printing one that does not apply.
          const hasAccount = (await services.identity.findUserByEmail(input.email)) !== undefined;
          const generated = input.password === undefined;
          const secret = input.password ?? generatePassword();
          const created = await services.identity.addUser(
            org.id,
            { email: input.email, name: input.name, role: input.role, password: secret },
            "cli",
            generated,
          );
          console.log(`${hasAccount ? "Added" : "Created"} ${created.email} as ${created.role} in "${org.name}"`);
          if (hasAccount) console.log("The account already existed: its name and password are unchanged.");
          else if (generated) console.log(`Password: ${secret}   (shown once; to be changed at first sign-in)`);
          console.log(created.id);
        });
      }),
    );
}
