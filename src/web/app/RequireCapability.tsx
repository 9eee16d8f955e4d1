import { Alert } from "@mantine/core";
import type { ReactNode } from "react";
import type { Capability } from "../../domain/identity/permissions.js";
import { PageHeader } from "../components/PageHeader.js";
import { useCan } from "../features/identity/session.js";

/** Shows the page only to roles that hold the capability; others get a plain explanation. */
export function RequireCapability({ capability, children }: { capability: Capability; children: ReactNode }) {
  const allowed = useCan(capability);
  if (allowed) return children;
  return (
    <>
      <PageHeader title="Not available" />
      <Alert color="gray" variant="light">
        Your role does not give access to this page. Ask an administrator if you need it.
      </Alert>
    </>
  );
}
