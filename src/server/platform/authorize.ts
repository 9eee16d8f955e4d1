import { type Capability, isAllowed, type ProjectRole } from "../../domain/identity/permissions.js";
import type { RequestContext } from "./context.js";
import { forbidden } from "./errors.js";

/** Throws `forbidden` unless the caller holds the capability (on this record, for "own" grants). */
export function authorize(
  ctx: RequestContext,
  capability: Capability,
  projectRoles: readonly ProjectRole[] = [],
): void {
  if (!isAllowed(ctx.actor.role, capability, projectRoles)) {
    throw forbidden(`Your role (${ctx.actor.role}) may not ${capability.replace(".", ": ").replace("_", " ")}`);
  }
}

export function can(ctx: RequestContext, capability: Capability, projectRoles: readonly ProjectRole[] = []): boolean {
  return isAllowed(ctx.actor.role, capability, projectRoles);
}
