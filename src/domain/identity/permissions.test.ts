import { describe, expect, it } from "vitest";
import { CAPABILITIES, type Capability, isAllowed, mayEver, ROLES, renderPermissionsMarkdown } from "./permissions.js";

describe("permissions", () => {
  it("gives admins every capability", () => {
    for (const cap of Object.keys(CAPABILITIES) as Capability[]) expect(isAllowed("admin", cap)).toBe(true);
  });

  it("lets viewers read but not write", () => {
    expect(isAllowed("viewer", "project.read")).toBe(true);
    expect(isAllowed("viewer", "project.create")).toBe(false);
    expect(isAllowed("viewer", "project.update")).toBe(false);
    expect(isAllowed("viewer", "token.manage_own")).toBe(false);
  });

  it("grants project managers updates only on projects they manage", () => {
    expect(isAllowed("project_manager", "project.update")).toBe(false);
    expect(isAllowed("project_manager", "project.update", ["team"])).toBe(false);
    expect(isAllowed("project_manager", "project.update", ["manager"])).toBe(true);
    expect(mayEver("project_manager", "project.update")).toBe(true);
    expect(isAllowed("member", "project.update", ["manager"])).toBe(false);
  });

  it("keeps user management and the audit trail away from ordinary roles", () => {
    for (const role of ROLES.filter((r) => r !== "admin")) expect(isAllowed(role, "user.manage")).toBe(false);
    expect(isAllowed("member", "audit.read")).toBe(false);
    expect(isAllowed("pmo", "audit.read")).toBe(true);
  });

  it("renders a row per capability and a column per role", () => {
    const md = renderPermissionsMarkdown();
    const header = md.split("\n")[0] ?? "";
    for (const role of ROLES) expect(header).toContain(role);
    for (const cap of Object.keys(CAPABILITIES)) expect(md).toContain(`| \`${cap}\` |`);
  });
});
