import type { Migration } from "kysely";
import * as m20261125000000 from "./20261125000000_initial.js";

/** Every migration in order. Add new files here; never edit or rename a released one. */
export const migrations: Record<string, Migration> = {
  "20261125000000_initial": m20261125000000,
};
