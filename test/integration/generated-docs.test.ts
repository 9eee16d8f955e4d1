import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { openApiDocument, permissionsDocument } from "../../scripts/generate.js";

describe("generated documents", () => {
  it("docs/permissions.md matches the permission table in code (run `npm run generate`)", () => {
    expect(fs.readFileSync("docs/permissions.md", "utf8")).toBe(permissionsDocument());
  });

  it("docs/openapi.json matches the API's schemas (run `npm run generate`)", async () => {
    expect(fs.readFileSync("docs/openapi.json", "utf8")).toBe(await openApiDocument());
  });
});
