import { z } from "zod";

/**
 * The only reader of process.env. Every problem is reported at once so an operator can fix the
 * whole configuration in one go.
 */
const booleanString = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");

export const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default("127.0.0.1"),
  DATA_DIR: z.string().min(1).default("./data"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
    .optional(),
  ADMIN_EMAIL: z.email().optional(),
  ADMIN_PASSWORD: z.string().min(12, "must be at least 12 characters").optional(),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(12),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  BODY_LIMIT: z.coerce
    .number()
    .int()
    .min(1024)
    .default(1024 * 1024),
  IMPORT_BODY_LIMIT: z.coerce
    .number()
    .int()
    .min(1024)
    .default(20 * 1024 * 1024),
  COOKIE_SECURE: booleanString.default(false),
  SIGN_IN_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
  TRUST_PROXY: z
    .string()
    .regex(
      /^(true|false|\d+|[0-9a-fA-F.:/,\s]+)$/,
      "must be false, true, a hop count, or addresses/CIDRs separated by commas",
    )
    .default("false"),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  sessionTtlHours: number;
  logLevel: z.infer<typeof ConfigSchema>["LOG_LEVEL"];
  bodyLimit: number;
  importBodyLimit: number;
  cookieSecure: boolean;
  signInRateLimit: number;
  /** Fastify's trustProxy: false (default), true, a hop count, or trusted addresses/CIDRs. */
  trustProxy: boolean | number | string;
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

/** Parses an environment (a parameter, so tests can pass their own). Throws ConfigError listing every problem. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  // Empty strings count as unset, as in most twelve-factor tooling.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = ConfigSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
  }
  const c = parsed.data;
  return {
    port: c.PORT,
    host: c.HOST,
    dataDir: c.DATA_DIR,
    databaseUrl: c.DATABASE_URL,
    adminEmail: c.ADMIN_EMAIL,
    adminPassword: c.ADMIN_PASSWORD,
    sessionTtlHours: c.SESSION_TTL_HOURS,
    logLevel: c.LOG_LEVEL,
    bodyLimit: c.BODY_LIMIT,
    importBodyLimit: c.IMPORT_BODY_LIMIT,
    cookieSecure: c.COOKIE_SECURE,
    signInRateLimit: c.SIGN_IN_RATE_LIMIT,
    trustProxy:
      c.TRUST_PROXY === "true"
        ? true
        : c.TRUST_PROXY === "false"
          ? false
          : /^\d+$/.test(c.TRUST_PROXY)
            ? Number(c.TRUST_PROXY)
            : c.TRUST_PROXY,
  };
}
