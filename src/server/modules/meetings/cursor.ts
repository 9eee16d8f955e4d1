import { validationError } from "../../platform/errors.js";
import type { After } from "./meetings.store.js";

/** Opaque keyset cursors: the last item's sort value and id, base64url-encoded JSON. */
export const encodeCursor = (value: string, id: string): string =>
  Buffer.from(JSON.stringify([value, id])).toString("base64url");

export function decodeCursor(cursor: string | undefined): After | undefined {
  if (cursor === undefined) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown;
    if (Array.isArray(parsed) && parsed.length === 2 && parsed.every((v) => typeof v === "string"))
      return { value: parsed[0] as string, id: parsed[1] as string };
  } catch {
    // fall through
  }
  throw validationError([{ path: "cursor", message: "is not a cursor this API returned" }]);
}

/** One page from `limit + 1` rows: the rows to show and the cursor after the last one when more follow. */
export function pageRows<R extends { id: string }>(
  rows: R[],
  limit: number,
  sortValue: (row: R) => string,
): { rows: R[]; nextCursor: string | null } {
  const kept = rows.slice(0, limit);
  const last = kept[kept.length - 1];
  return { rows: kept, nextCursor: rows.length > limit && last ? encodeCursor(sortValue(last), last.id) : null };
}
