/** A failed API call, parsed from an RFC 9457 problem+json body (or made up for network failures). */
export type FieldErrors = Record<string, string>;

export type Problem = {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  code?: string;
  requestId?: string;
  errors?: { path: string; message: string }[];
  current?: unknown;
  [key: string]: unknown;
};

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly requestId: string | undefined;
  /** Field errors keyed by dotted path (`name`, `budget.0.amountCents`; `a[0].b` is read as `a.0.b`). */
  readonly fieldErrors: FieldErrors;
  /** On a 409 for a stale version: the record as it is now. */
  readonly current: unknown;
  readonly problem: Problem;

  constructor(status: number, problem: Problem) {
    const detail = problem.detail ?? problem.title ?? `Request failed with status ${status}`;
    super(detail);
    this.name = "ApiError";
    this.status = status;
    this.code = problem.code ?? codeForStatus(status);
    this.detail = detail;
    this.requestId = problem.requestId;
    this.fieldErrors = toFieldErrors(problem.errors);
    this.current = problem.current;
    this.problem = problem;
  }

  get isConflict(): boolean {
    return this.status === 409;
  }

  get isUnauthenticated(): boolean {
    return this.status === 401;
  }
}

function toFieldErrors(errors: Problem["errors"]): FieldErrors {
  const out: FieldErrors = {};
  for (const e of errors ?? []) {
    // One spelling for every path: `candidates[2].mandatory` reads as `candidates.2.mandatory`.
    const path = e.path === "" ? "_" : e.path.replace(/\[([^\]]*)\]/g, ".$1").replace(/^\./, "");
    // Several problems on one field read as one sentence list.
    out[path] = out[path] ? `${out[path]}; ${e.message}` : e.message;
  }
  return out;
}

function codeForStatus(status: number): string {
  if (status === 0) return "network";
  if (status === 400) return "validation";
  if (status === 401) return "unauthenticated";
  if (status === 403) return "forbidden";
  if (status === 404) return "not_found";
  if (status === 409) return "conflict";
  return "error";
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

/** A message fit to show a person, whatever was thrown. */
export function describeError(e: unknown): string {
  if (isApiError(e)) return e.detail;
  if (e instanceof Error) return e.message;
  return "Something went wrong";
}
