import type { Migration } from "kysely";
import * as m20261125000000 from "./20261125000000_initial.js";
import * as m20261125100000 from "./20261125100000_strategy.js";
import * as m20261126000000 from "./20261126000000_selection.js";
import * as m20261126100000 from "./20261126100000_benefits.js";

/** Every migration in order. Add new files here; never edit or rename a released one. */
export const migrations: Record<string, Migration> = {
  "20261125000000_initial": m20261125000000,
  "20261125100000_strategy": m20261125100000,
  "20261126000000_selection": m20261126000000,
  "20261126100000_benefits": m20261126100000,
};
