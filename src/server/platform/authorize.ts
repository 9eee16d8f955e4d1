import { type Capability, isAllowed, type RecordRole } from "../../domain/identity/permissions.js";
import type { RequestContext } from "./context.js";
import { forbidden } from "./errors.js";

/** Throws `forbidden` unless the caller holds the capability (on this record, for "own" grants). */
export function authorize(ctx: RequestContext, capability: Capability, recordRoles: readonly RecordRole[] = []): void {
  if (!isAllowed(ctx.actor.role, capability, recordRoles)) {
    throw forbidden(`Your role (${ctx.actor.role}) may not ${capability.replace(".", ": ").replace("_", " ")}`);
  }
}

export function can(ctx: RequestContext, capability: Capability, recordRoles: readonly RecordRole[] = []): boolean {
  return isAllowed(ctx.actor.role, capability, recordRoles);
}
