import fs from "node:fs";
/**
 * What every command shares: opening the database and the services, resolving the organization
 * and the acting person, error messages and exit codes, stdin/stdout helpers. No business logic:
 * the services decide, the CLI parses, calls and prints.
 */
import { Command, InvalidArgumentError } from "commander";
import type { z } from "zod";
import { isRole } from "../domain/identity/permissions.js";
import type { Services } from "../server/app.js";
import { type Config, ConfigError, loadConfig } from "../server/config.js";
import { systemClock } from "../server/platform/clock.js";
import { type RequestContext, systemContext } from "../server/platform/context.js";
import type { DatabaseHandle } from "../server/platform/db/database.js";
import { AppError, type ErrorCode, notFound, validationError } from "../server/platform/errors.js";

/** Exit codes, documented in the program's help epilogue (program.ts). */
export const EXIT = {
  ok: 0,
  /** Usage error or invalid input: bad option, validation, configuration, import problems, permission. */
  invalid: 1,
  /** Something named does not exist, or the change conflicts with what does. */
  notFoundOrConflict: 2,
  /** Unexpected failure: database unreachable, failed migration, a bug. */
  unexpected: 3,
} as const;

const EXIT_OF_CODE: Record<ErrorCode, number> = {
  validation: EXIT.invalid,
  infeasible_input: EXIT.invalid,
  forbidden: EXIT.invalid,
  unauthenticated: EXIT.invalid,
  payload_too_large: EXIT.invalid,
  unsupported_media_type: EXIT.invalid,
  rate_limited: EXIT.invalid,
  not_found: EXIT.notFoundOrConflict,
  conflict: EXIT.notFoundOrConflict,
};

/** A mistake in how the command was called that commander cannot see (e.g. xlsx to stdout). */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

/** The lines to print on stderr for an error, and the exit code. */
export function describeError(e: unknown, debug = false): { lines: string[]; exitCode: number } {
  if (e instanceof UsageError) return { lines: [`error: ${e.message}`], exitCode: EXIT.invalid };
  if (e instanceof ConfigError) {
    return { lines: ["error: invalid configuration:", ...e.problems.map((p) => `  - ${p}`)], exitCode: EXIT.invalid };
  }
  if (e instanceof AppError) {
    const fields = e.details.fields ?? [];
    // Field problems read best ("email: must be an email address") unless they describe the
    // request body as a whole ("(body)"), where the message says more.
    const useFields = e.code === "validation" && fields.length > 0 && fields.every((f) => !f.path.startsWith("("));
    const text = useFields ? fields.map((f) => `${f.path}: ${f.message}`).join("; ") : e.message;
    return { lines: [`error: ${e.code}: ${text}`], exitCode: EXIT_OF_CODE[e.code] ?? EXIT.unexpected };
  }
  const err = e instanceof Error ? e : new Error(String(e));
  const lines =
    debug && err.stack ? [`error: ${err.message}`, err.stack] : [`error: ${err.message} (add --debug for details)`];
  return { lines, exitCode: EXIT.unexpected };
}

/**
 * Wraps a commander action: any error becomes a readable message on stderr and an exit code
 * (set on process.exitCode, so pending output drains and the database is already closed).
 */
export function action<A extends unknown[]>(fn: (...args: A) => Promise<void>): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await fn(...args);
    } catch (e) {
      const command = args.find((a): a is Command => a instanceof Command);
      const debug = command?.optsWithGlobals<{ debug?: boolean }>().debug === true;
      const { lines, exitCode } = describeError(e, debug);
      for (const line of lines) console.error(line);
      process.exitCode = exitCode;
    }
  };
}

export type Session = { services: Services; config: Config; database: DatabaseHandle };

/**
 * Opens the configured database, applies pending migrations, runs `fn`, and always closes the
 * database. The server modules are imported here, on use, so `--help` stays quick.
 */
export async function withServices<T>(fn: (session: Session) => Promise<T>): Promise<T> {
  const config = loadConfig(process.env);
  const { openDatabase, migrateToLatest } = await import("../server/platform/db/database.js");
  const { buildServices } = await import("../server/app.js");
  const database = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrateToLatest(database.db);
    const services = buildServices(database, systemClock, config.sessionTtlHours);
    return await fn({ services, config, database });
  } finally {
    await database.close();
  }
}

/** The organization named by --org, or the first organization when none is named. */
export async function resolveOrganization(
  services: Services,
  orgId: string | undefined,
): Promise<{ id: string; name: string }> {
  if (orgId !== undefined) {
    const org = await services.identity.findOrganization(orgId.trim());
    if (!org) throw notFound("Organization", orgId);
    return { id: org.id, name: org.name };
  }
  const first = await services.identity.firstOrganizationId();
  const org = first ? await services.identity.findOrganization(first) : undefined;
  if (!org) {
    throw new AppError(
      "not_found",
      "The database holds no organization yet; create one with `throughline org create --name NAME` or run `throughline demo`",
    );
  }
  return { id: org.id, name: org.name };
}

/** The user with this email and their membership of the organization, or a not_found error. */
export async function resolveMember(services: Services, email: string, organizationId: string | undefined) {
  const normalized = email.trim().toLowerCase();
  const user = await services.identity.findUserByEmail(normalized);
  if (!user) throw new AppError("not_found", `No user has the email ${normalized}`);
  const memberships = await services.identity.findMembershipsOfUser(user.id);
  const membership =
    organizationId === undefined ? memberships[0] : memberships.find((m) => m.organization_id === organizationId);
  if (!membership) {
    throw new AppError(
      "not_found",
      organizationId === undefined
        ? `${normalized} belongs to no organization`
        : `${normalized} is not a member of organization ${organizationId}`,
    );
  }
  if (!isRole(membership.role)) throw new Error(`${normalized} has an unknown role "${membership.role}"`);
  return { user, membership: { ...membership, role: membership.role } };
}

/**
 * The context a command acts in: the person named by --as (with their role in the organization),
 * or the system (an admin) when no one is named. Audit entries name the actor either way.
 */
export async function contextFor(
  services: Services,
  organizationId: string,
  asEmail: string | undefined,
): Promise<RequestContext> {
  if (asEmail === undefined) return systemContext(organizationId, "cli");
  const { user, membership } = await resolveMember(services, asEmail, organizationId);
  if (user.disabled_at) throw new AppError("forbidden", `${user.email} is disabled`);
  return {
    actor: {
      userId: user.id,
      name: user.name,
      email: user.email,
      organizationId,
      role: membership.role,
      via: "system",
    },
  };
}

/**
 * Parses option values with a module's zod schema so its defaults and rules apply; problems
 * become a validation error naming the option (`renames` maps schema paths to option names).
 */
export function parseOptions<S extends z.ZodType>(
  schema: S,
  input: unknown,
  renames: Record<string, string> = {},
): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw validationError(
    parsed.error.issues.map((issue) => {
      // An option is one value or a list: name the option, not the list item ("status", not "status.1").
      const path = issue.path.length > 0 ? String(issue.path[0]) : "(options)";
      return { path: renames[path] ?? path, message: issue.message };
    }),
  );
}

/** A commander argument parser for positive whole numbers. */
export function parseWholeNumber(value: string): number {
  if (!/^\d+$/.test(value.trim())) throw new InvalidArgumentError("Expected a whole number.");
  return Number(value.trim());
}

/** Reads all of stdin. */
export async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin)
    chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}

/** Writes to stdout and waits until it is flushed (large exports), tolerating a closed pipe. */
export function writeStdout(data: string | Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => {
    process.stdout.write(data, (err) => {
      if (err && (err as NodeJS.ErrnoException).code !== "EPIPE") reject(err);
      else resolve();
    });
  });
}

/** Reads a JSON file (or stdin for `-`); an unreadable file is a usage error, bad JSON a validation error. */
export async function readJson(file: string): Promise<unknown> {
  let text: string;
  try {
    text = file === "-" ? (await readStdin()).toString("utf8") : fs.readFileSync(file, "utf8");
  } catch (e) {
    // A file that is not there is a mistake in the call (exit 1), not an unexpected failure.
    throw new UsageError(`cannot read ${file}: ${(e as Error).message}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    // JSON.parse quotes the input, newlines included: keep the error on one line.
    const reason = (e as Error).message.replace(/\s+/g, " ");
    throw validationError([{ path: "(body)", message: `is not valid JSON: ${reason}` }]);
  }
}

/** Parses with the API's schema; problems name the field as the API's problem+json does. */
export function parseWith<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw validationError(
    parsed.error.issues.flatMap((issue) => {
      const base = issue.path.map(String);
      // As in platform/http/problem.ts: one problem per unknown field, named by its path.
      if (issue.code === "unrecognized_keys") {
        return issue.keys.map((key) => ({ path: [...base, key].join("."), message: "is not a known field" }));
      }
      return [{ path: base.join(".") || "(body)", message: issue.message }];
    }),
  );
}
