import { ApiError, type Problem } from "./api-error.js";

/**
 * The typed fetch client: same-origin JSON under /api/v1, the session cookie, and the CSRF header on
 * every write. Failures become `ApiError`s parsed from problem+json.
 */
export const API_BASE = "/api/v1";

let csrfToken: string | null = null;

/** Remembers the session's CSRF token (from the `Me` response) for every later write. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export type QueryValue = string | number | boolean | readonly string[] | null | undefined;
export type QueryParams = Record<string, QueryValue>;

/** Builds `?a=1&b=x,y`, leaving out empty values. */
export function toQueryString(params: QueryParams = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === "") continue;
    if (Array.isArray(value)) {
      if (value.length > 0) search.set(key, value.join(","));
    } else {
      search.set(key, String(value));
    }
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

export function apiUrl(path: string, query?: QueryParams): string {
  return `${API_BASE}${path}${toQueryString(query)}`;
}

type RequestOptions = {
  query?: QueryParams;
  /** Sent as JSON. */
  json?: unknown;
  /** Sent as-is (file uploads), with `contentType`. */
  body?: Blob | ArrayBuffer | string;
  contentType?: string;
  signal?: AbortSignal;
};

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers = new Headers({ Accept: "application/json, application/problem+json" });
  let body: BodyInit | undefined;
  if (options.json !== undefined) {
    headers.set("Content-Type", "application/json");
    body = JSON.stringify(options.json);
  } else if (options.body !== undefined) {
    headers.set("Content-Type", options.contentType ?? "application/octet-stream");
    body = options.body;
  }
  if (method !== "GET" && method !== "HEAD" && csrfToken) headers.set("X-CSRF-Token", csrfToken);

  let response: Response;
  try {
    response = await fetch(apiUrl(path, options.query), {
      method,
      headers,
      body,
      credentials: "same-origin",
      signal: options.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === "AbortError") throw e;
    throw new ApiError(0, {
      title: "Network error",
      detail: "The server could not be reached. Check your connection.",
    });
  }

  if (response.status === 204) return undefined as T;
  const isJson = (response.headers.get("Content-Type") ?? "").includes("json");
  const payload: unknown = isJson ? await response.json().catch(() => undefined) : await response.text();
  if (!response.ok) {
    const problem: Problem =
      isJson && payload && typeof payload === "object"
        ? (payload as Problem)
        : {
            status: response.status,
            title: response.statusText,
            detail: typeof payload === "string" && payload ? payload.slice(0, 300) : undefined,
          };
    throw new ApiError(response.status, problem);
  }
  return payload as T;
}

export const api = {
  get: <T>(path: string, query?: QueryParams, signal?: AbortSignal) => request<T>("GET", path, { query, signal }),
  post: <T>(path: string, json?: unknown, query?: QueryParams) => request<T>("POST", path, { json: json ?? {}, query }),
  patch: <T>(path: string, json: unknown) => request<T>("PATCH", path, { json }),
  delete: <T = void>(path: string) => request<T>("DELETE", path),
  upload: <T>(path: string, file: Blob, contentType: string, query?: QueryParams) =>
    request<T>("POST", path, { body: file, contentType, query }),
};
