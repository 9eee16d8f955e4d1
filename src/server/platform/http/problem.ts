import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { AppError, type ErrorCode, type FieldProblem } from "../errors.js";

/** The one table from error code to HTTP status (RFC 9457 problem details). */
const STATUS: Record<ErrorCode, number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  infeasible_input: 422,
  rate_limited: 429,
};

const TITLES: Record<ErrorCode, string> = {
  validation: "Invalid request",
  unauthenticated: "Authentication required",
  forbidden: "Forbidden",
  not_found: "Not found",
  conflict: "Conflict",
  payload_too_large: "Payload too large",
  unsupported_media_type: "Unsupported media type",
  infeasible_input: "Unprocessable input",
  rate_limited: "Too many requests",
};

export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  code: string;
  requestId: string;
  errors?: FieldProblem[];
  [extra: string]: unknown;
};

const LOCATION_PREFIX: Record<string, string> = {
  body: "",
  querystring: "query.",
  params: "params.",
  headers: "headers.",
};

/** Turns zod issues from the type provider into field problems with dotted paths. */
function fieldsOfValidation(err: FastifyError & { validation?: unknown[] }): FieldProblem[] {
  const prefix = LOCATION_PREFIX[err.validationContext ?? "body"] ?? "";
  const out: FieldProblem[] = [];
  for (const v of (err.validation ?? []) as {
    instancePath: string;
    message?: string;
    keyword?: string;
    params?: { keys?: string[] };
  }[]) {
    const base = v.instancePath.replace(/^\//, "").split("/").filter(Boolean).join(".");
    if (v.keyword === "unrecognized_keys" && v.params?.keys) {
      for (const k of v.params.keys)
        out.push({ path: `${prefix}${base ? `${base}.` : ""}${k}`, message: "is not a known field" });
    } else {
      out.push({ path: `${prefix}${base}` || "(body)", message: v.message ?? "is invalid" });
    }
  }
  return out;
}

export function problemOf(error: unknown, request: FastifyRequest): Problem {
  const base = { instance: request.url, requestId: String(request.id) };
  if (error instanceof AppError) {
    const status = STATUS[error.code];
    const { fields, ...rest } = error.details;
    return {
      type: `https://throughline.dev/problems/${error.code}`,
      title: TITLES[error.code],
      status,
      detail: error.message,
      code: error.code,
      ...base,
      ...(fields ? { errors: fields } : {}),
      ...rest,
    };
  }
  const unique = uniqueViolationField(error);
  if (unique !== undefined) {
    // A concurrent write won the race past the service's own check: give that check's answer —
    // 409 for reference-data keys, 400 naming the field for codes and names.
    const code: ErrorCode = unique === "key" ? "conflict" : "validation";
    return {
      type: `https://throughline.dev/problems/${code}`,
      title: TITLES[code],
      status: STATUS[code],
      detail: `${unique}: is already used by another record`,
      code,
      ...base,
      errors: [{ path: unique, message: "is already used by another record" }],
    };
  }
  const fe = error as FastifyError & { validation?: unknown[] };
  if (hasZodFastifySchemaValidationErrors(fe) || (fe.validation && fe.statusCode === 400)) {
    const errors = fieldsOfValidation(fe);
    return {
      type: "https://throughline.dev/problems/validation",
      title: TITLES.validation,
      status: 400,
      detail: errors.map((e) => `${e.path}: ${e.message}`).join("; "),
      code: "validation",
      ...base,
      errors,
    };
  }
  // Fastify's own client errors: malformed JSON, body too large, wrong content type, …
  const status = typeof fe.statusCode === "number" && fe.statusCode >= 400 && fe.statusCode < 500 ? fe.statusCode : 500;
  if (status < 500) {
    const code =
      status === 413
        ? "payload_too_large"
        : status === 415
          ? "unsupported_media_type"
          : status === 429
            ? "rate_limited"
            : "validation";
    const detail =
      fe.code === "FST_ERR_CTP_INVALID_JSON_BODY" || /JSON/.test(fe.message)
        ? "The request body is not valid JSON"
        : fe.code === "FST_ERR_CTP_EMPTY_JSON_BODY"
          ? "The request body is empty but its content type says JSON"
          : fe.message;
    return {
      type: `https://throughline.dev/problems/${code}`,
      title: TITLES[code as ErrorCode] ?? "Bad request",
      status,
      detail,
      code,
      ...base,
      ...(code === "validation" ? { errors: [{ path: "(body)", message: detail }] } : {}),
    };
  }
  return {
    type: "https://throughline.dev/problems/internal",
    title: "Internal error",
    status: 500,
    detail: `Something went wrong on our side. Quote request id ${request.id} when reporting it.`,
    code: "internal",
    ...base,
  };
}

/**
 * The field of a unique-constraint violation (PostgreSQL 23505, SQLite SQLITE_CONSTRAINT_UNIQUE),
 * or undefined for any other error.
 */
export function uniqueViolationField(error: unknown): string | undefined {
  const e = error as { code?: unknown; constraint?: unknown; message?: unknown; detail?: unknown };
  if (e?.code === "23505") {
    // detail: 'Key (organization_id, key)=(…, run) already exists.' — the last column is the field.
    const cols = /Key \(([^)]+)\)=/.exec(String(e.detail ?? ""))?.[1]?.split(",") ?? [];
    return camel(cols[cols.length - 1]?.trim() ?? "id");
  }
  if (e?.code === "SQLITE_CONSTRAINT_UNIQUE" || e?.code === "SQLITE_CONSTRAINT_PRIMARYKEY") {
    // message: 'UNIQUE constraint failed: project_categories.organization_id, project_categories.key'.
    const cols = /UNIQUE constraint failed: (.+)$/.exec(String(e.message ?? ""))?.[1]?.split(",") ?? [];
    const last = cols[cols.length - 1]?.trim().split(".").pop() ?? "id";
    return camel(last);
  }
  return undefined;
}

const camel = (s: string) => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

export async function sendProblem(reply: FastifyReply, problem: Problem): Promise<FastifyReply> {
  return reply.status(problem.status).type("application/problem+json; charset=utf-8").send(JSON.stringify(problem));
}
