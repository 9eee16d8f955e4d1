import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { describeEachEngine } from "../helpers/engines.js";
import { makePortfolio, makeProject } from "../helpers/factories.js";

describeEachEngine("strategy end to end", (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => t.close());

  it("weights criteria with executives, publishes the model and ranks projects", async () => {
    const exec = await t.makeUser("executive");
    const obj = (
      await t.call(t.admin, "POST", "/api/v1/strategy/objectives", {
        code: "O1",
        title: "Grow digital revenue",
        horizonStart: "2026-01",
        horizonEnd: "2027-12",
        weight: 2,
      })
    ).json();
    expect(obj.id).toBeDefined();
    const c1 = (
      await t.call(t.admin, "POST", "/api/v1/strategy/criteria", { key: "value", name: "Business value" })
    ).json();
    const c2 = (
      await t.call(t.admin, "POST", "/api/v1/strategy/criteria", {
        key: "align",
        name: "Alignment",
        source: "alignment",
      })
    ).json();
    const c3 = (
      await t.call(t.admin, "POST", "/api/v1/strategy/criteria", {
        key: "risk",
        name: "Low risk",
        higherIsBetter: true,
      })
    ).json();
    const session = await t.call(t.admin, "POST", "/api/v1/strategy/prioritizations", {
      name: "Board 2027",
      participantIds: [exec.id],
    });
    expect(session.statusCode).toBe(201);
    const sid = session.json().id;
    const judged = await t.call(exec, "PUT", `/api/v1/strategy/prioritizations/${sid}/judgments`, {
      judgments: [
        { a: c1.id, b: c2.id, value: 3 },
        { a: c1.id, b: c3.id, value: 5 },
        { a: c2.id, b: c3.id, value: 2 },
      ],
      submit: true,
    });
    expect(judged.statusCode).toBe(200);
    expect(judged.json().mine.evaluation.cr).toBeLessThan(0.1);
    const model = await t.call(t.admin, "POST", "/api/v1/strategy/scoring-models", { sessionIds: [sid] });
    expect(model.statusCode).toBe(201);
    expect(model.json().version).toBe(1);
    const pf = await makePortfolio(t);
    const p1 = await makeProject(t, pf.id);
    const p2 = await makeProject(t, pf.id);
    expect(
      (
        await t.call(t.admin, "PUT", `/api/v1/projects/${p1.id}/scores`, {
          scores: [
            { criterionId: c1.id, value: 5 },
            { criterionId: c3.id, value: 1 },
          ],
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await t.call(t.admin, "PUT", `/api/v1/projects/${p2.id}/scores`, {
          scores: [
            { criterionId: c1.id, value: 2 },
            { criterionId: c3.id, value: 5 },
          ],
        })
      ).statusCode,
    ).toBe(200);
    await t.call(t.admin, "PUT", `/api/v1/projects/${p2.id}/objective-links`, {
      links: [{ objectiveId: obj.id, strength: 3 }],
    });
    const ranking = (await t.call(t.admin, "GET", "/api/v1/strategy/ranking")).json();
    expect(ranking.rows.map((r: { code: string }) => r.code)).toEqual([p1.code, p2.code]);
    const sens = await t.call(t.admin, "GET", "/api/v1/strategy/ranking/sensitivity");
    expect(sens.statusCode).toBe(200);
    const spend = await t.call(t.admin, "GET", "/api/v1/strategy/spend");
    expect(spend.statusCode).toBe(200);
    const ev = await t.call(t.admin, "POST", "/api/v1/strategy/ahp/evaluate", {
      matrix: [
        [1, 2],
        [0.5, 1],
      ],
    });
    expect(ev.json().weights[0]).toBeCloseTo(2 / 3, 6);
    const bad = await t.call(t.admin, "POST", "/api/v1/strategy/ahp/evaluate", {
      matrix: [
        [1, 2],
        [0.4, 1],
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toMatch(/^matrix\.[01]\.[01]$/);
  });
});
