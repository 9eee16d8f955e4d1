/**
 * Small query helpers every store uses: chunked `in (…)` lists, and the optimistic-concurrency
 * update and delete (the row's `version` must still be the one the caller read).
 */
import type { Updateable } from "kysely";
import type { Database } from "../../db/schema.js";
import type { Db } from "./database.js";

/** Runs `query` over `ids` in chunks, so long lists stay under the engines' parameter limits. */
export async function inChunks<T>(ids: readonly string[], query: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += 500) out.push(...(await query(ids.slice(i, i + 500))));
  return out;
}

/** Tables keyed by (organization_id, id) that carry a `version` column. */
type VersionedTable = {
  [K in keyof Database]: Database[K] extends { organization_id: string; id: string; version: unknown } ? K : never;
}[keyof Database];

/** Updates the row when its version is still `version` (and bumps it); false when someone else wrote first. */
export async function updateVersioned<T extends VersionedTable>(
  db: Db,
  table: T,
  org: string,
  id: string,
  version: number,
  changes: Updateable<Database[T]>,
): Promise<boolean> {
  // Kysely cannot follow a table name that is a type parameter; the constraint above keeps it honest.
  // biome-ignore lint/suspicious/noExplicitAny: see above
  const q = db.updateTable(table as any) as any;
  const r = await q
    .set({ ...changes, version: version + 1 })
    .where("organization_id", "=", org)
    .where("id", "=", id)
    .where("version", "=", version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Deletes the row when its version is still `version`; false when someone else wrote first. */
export async function deleteVersioned(
  db: Db,
  table: VersionedTable,
  org: string,
  id: string,
  version: number,
): Promise<boolean> {
  // biome-ignore lint/suspicious/noExplicitAny: as in updateVersioned
  const q = db.deleteFrom(table as any) as any;
  const r = await q
    .where("organization_id", "=", org)
    .where("id", "=", id)
    .where("version", "=", version)
    .executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}
