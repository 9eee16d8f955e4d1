import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { describeEachEngine } from "../helpers/engines.js";
import { makePortfolio, makeProject } from "../helpers/factories.js";

describeEachEngine("projects API basics", (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => t.close());

  it("creates, reads and updates a project with optimistic concurrency", async () => {
    const pf = await makePortfolio(t);
    const p = await makeProject(t, pf.id);
    expect(p.version).toBe(1);
    const ok = await t.call(t.admin, "PATCH", `/api/v1/projects/${p.id}`, { version: 1, name: "Renamed" });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().name).toBe("Renamed");
    const stale = await t.call(t.admin, "PATCH", `/api/v1/projects/${p.id}`, { version: 1, name: "Stale" });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current.name).toBe("Renamed");
  });
});
