import type { Role } from "../../domain/identity/permissions.js";

/** Who is acting. Services receive it first; it never comes from the request body. */
export type Actor = {
  userId: string | null;
  name: string;
  email: string | null;
  organizationId: string;
  role: Role;
  via: "session" | "token" | "system";
  sessionId?: string;
  tokenId?: string;
};

export type RequestContext = { actor: Actor; requestId?: string };

/** A context for work done by the system itself (bootstrap, CLI, jobs). */
export function systemContext(organizationId: string, name = "system"): RequestContext {
  return { actor: { userId: null, name, email: null, organizationId, role: "admin", via: "system" } };
}
