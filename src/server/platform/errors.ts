/**
 * Typed application errors. Domain code and services throw these; only the HTTP boundary knows
 * how they map to status codes (see http/problem.ts).
 */
export type ErrorCode =
  | "validation"
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "rate_limited"
  | "payload_too_large"
  | "unsupported_media_type"
  | "infeasible_input";

export type FieldProblem = { path: string; message: string };

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: { fields?: FieldProblem[]; current?: unknown; [key: string]: unknown } = {},
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const notFound = (entity: string, id?: string) =>
  new AppError("not_found", id ? `${entity} ${id} was not found` : `${entity} was not found`);

export const forbidden = (message = "You do not have permission to do this") => new AppError("forbidden", message);

export const validationError = (fields: FieldProblem[], message?: string) =>
  new AppError("validation", message ?? fields.map((f) => `${f.path}: ${f.message}`).join("; "), { fields });

export const conflict = (message: string, current?: unknown) =>
  new AppError("conflict", message, current === undefined ? {} : { current });

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
