import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Run, Scenario } from "../../src/server/modules/selection/selection.schema.js";
import { createTestApp, type TestApp, type TestUser } from "../helpers/app.js";
import { describeEachEngine } from "../helpers/engines.js";
import { makePortfolio, makeProject } from "../helpers/factories.js";

/**
 * Portfolio selection through the HTTP API on both engines: scenarios and their validation, solving
 * in the background with the optimizer beating the greedy cut line by moving a start, explanations,
 * infeasibility explained, the CPLEX-LP download, cancel, comparison and the commit that approves
 * projects at their chosen start and records a steering decision.
 */

/** 100 k€ in cents: one "unit" of the crafted instances. */
const K = 10_000_000;

function lastDay(period: string): string {
  const [y, m] = period.split("-").map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${period}-${String(d).padStart(2, "0")}`;
}
function addMonth(period: string, n: number): string {
  const [y, m] = period.split("-").map(Number) as [number, number];
  const i = y * 12 + m - 1 + n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`;
}

describeEachEngine("portfolio selection", (engine) => {
  let t: TestApp;
  let exec: TestUser;
  let pm: TestUser;
  let portfolioId: string;
  const ids: Record<string, string> = {};

  /** A proposed project starting in `start` with the given cost per month (in units of K). */
  const project = async (code: string, start: string, costs: number[], extra: Record<string, unknown> = {}) => {
    const p = await makeProject(t, portfolioId, {
      code,
      name: `Project ${code}`,
      category: "grow",
      plannedStart: `${start}-01`,
      plannedEnd: lastDay(addMonth(start, costs.length - 1)),
      budget: costs.map((c, k) => ({ period: addMonth(start, k), expenseType: "opex", amountCents: c * K })),
      demand: [],
      ...extra,
    });
    ids[code] = p.id;
    return p;
  };

  const createScenario = async (body: Record<string, unknown>, user: TestUser = t.admin) =>
    t.call(user, "POST", "/api/v1/scenarios", {
      name: "Base case",
      portfolioId,
      firstMonth: "2027-01",
      horizonMonths: 6,
      valueSource: "custom",
      ...body,
    });

  const solve = async (scenarioId: string, body: Record<string, unknown> = {}): Promise<Run> => {
    const res = await t.call(t.admin, "POST", `/api/v1/scenarios/${scenarioId}/runs`, body);
    expect(res.statusCode, res.body).toBe(202);
    const run = res.json() as Run;
    await t.services.selection.waitForRun(run.id);
    const done = await t.call(t.admin, "GET", `/api/v1/selection-runs/${run.id}`);
    expect(done.statusCode, done.body).toBe(200);
    return done.json() as Run;
  };

  const values = (v: Record<string, number>) =>
    Object.entries(v).map(([code, customValue]) => ({ projectId: ids[code]!, customValue }));

  beforeAll(async () => {
    t = await createTestApp(engine);
    exec = await t.makeUser("executive");
    pm = await t.makeUser("project_manager");
    portfolioId = (await makePortfolio(t)).id;
    // A (6, value 7) is the best value per cost, but B + C (5 + 5) fill January's 10 better;
    // D (10, value 9) fits only when it moves from January to February.
    await project("A", "2027-01", [6]);
    await project("B", "2027-01", [5]);
    await project("C", "2027-01", [5]);
    await project("D", "2027-01", [10]);
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  const baseBody = () => ({
    startFlexMonths: 0,
    candidates: [
      ...values({ A: 7, B: 5, C: 5 }),
      { projectId: ids.D!, customValue: 9, earliestStart: "2027-01", latestStart: "2027-03" },
    ],
    constraints: { budgetByMonthCents: [10 * K, 10 * K, 10 * K, 10 * K, 10 * K, 10 * K] },
    solver: { timeLimitSeconds: 10, gapPct: 0, explain: true },
  });

  it("creates a scenario with its candidates resolved, and lists it", async () => {
    const res = await createScenario(baseBody());
    expect(res.statusCode, res.body).toBe(201);
    const s = res.json() as Scenario;
    expect(s.months).toEqual(["2027-01", "2027-02", "2027-03", "2027-04", "2027-05", "2027-06"]);
    expect(s.candidates.map((c) => c.code).sort()).toEqual(["A", "B", "C", "D"]);
    const d = s.candidates.find((c) => c.code === "D")!;
    expect(d).toMatchObject({ value: 9, earliestStart: "2027-01", latestStart: "2027-03", costInHorizonCents: 10 * K });
    expect(s.permissions).toEqual({ edit: true, solve: true, commit: true });
    const list = await t.call(pm, "GET", `/api/v1/scenarios?portfolioId=${portfolioId}`);
    expect(list.statusCode).toBe(200);
    expect((list.json() as { items: { id: string }[] }).items.map((i) => i.id)).toContain(s.id);
  });

  it("chooses B + C in January and moves D to February, beating both greedy cut lines", async () => {
    const s = (await createScenario(baseBody())).json() as Scenario;
    const run = await solve(s.id);
    expect(run.status).toBe("optimal");
    const r = run.result!;
    expect(r.value).toBe(19);
    const starts = Object.fromEntries(r.selected.map((p) => [p.code, p.start]));
    expect(starts).toEqual({ B: "2027-01", C: "2027-01", D: "2027-02" });
    expect(r.selected.find((p) => p.code === "D")!.shiftMonths).toBe(1);
    // Greedy by value per cost takes A first and then nothing else fits January; by value takes D in January.
    expect(r.greedy.byValuePerCost.value).toBe(7);
    expect(r.greedy.byValue.value).toBe(9);
    expect(r.greedy.gainPct).toBeCloseTo(((19 - 9) / 9) * 100, 1);
    // A is out: forcing it in loses value, and January's budget is what keeps it out.
    const a = r.notSelected.find((p) => p.code === "A")!;
    expect(a.reason).toBe("not_chosen");
    expect(a.lossIfForced).toBeCloseTo(19 - (7 + 9), 6);
    expect(a.binding.map((b) => b.constraint)).toContain("budget_2027_01");
    expect(a.explanation).toContain("Budget in 2027-01");
    // Removing B loses 5 − (what A can do instead … A + nothing) = 19 − (A 7 + D 9) = 3.
    expect(r.selected.find((p) => p.code === "B")!.lossIfRemoved).toBeCloseTo(3, 6);
    // Frontier: 60 % … 140 %, non-decreasing, 100 % = the optimum.
    expect(r.frontier.map((f) => f.budgetPct)).toEqual([60, 70, 80, 90, 100, 110, 120, 130, 140]);
    const fv = r.frontier.map((f) => f.value ?? 0);
    for (let i = 1; i < fv.length; i++) expect(fv[i]!).toBeGreaterThanOrEqual(fv[i - 1]! - 1e-6);
    expect(r.frontier.find((f) => f.budgetPct === 100)!.value).toBe(19);
    // January's budget is binding: one more unit is worth something; usage shows the spend.
    expect(r.shadowPrices.some((p) => p.constraint === "budget_2027_01" && p.price > 0)).toBe(true);
    expect(r.usage!.spendCents.slice(0, 3)).toEqual([10 * K, 10 * K, 0]);
    expect(r.usage!.budgetLimitCents[0]).toBe(10 * K);
    expect(r.spendInHorizonCents).toBe(20 * K);
    expect(r.explanationsComplete).toBe(true);
    expect(r.violations).toEqual([]);
  }, 60_000);

  it("keeps the result when the run is read later, marks it stale once the scenario changes", async () => {
    const s = (
      await createScenario({ ...baseBody(), solver: { timeLimitSeconds: 10, gapPct: 0, explain: false } })
    ).json() as Scenario;
    const run = await solve(s.id);
    expect(run.stale).toBe(false);
    expect(run.result!.notSelected.every((p) => p.lossIfForced === null)).toBe(true);
    const edited = await t.call(t.admin, "PATCH", `/api/v1/scenarios/${s.id}`, {
      version: s.version,
      startFlexMonths: 1,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const again = (await t.call(t.admin, "GET", `/api/v1/selection-runs/${run.id}`)).json() as Run;
    expect(again.stale).toBe(true);
    expect(again.result!.value).toBe(19);
    const runs = await t.call(pm, "GET", `/api/v1/scenarios/${s.id}/runs`);
    expect((runs.json() as { items: { id: string; stale: boolean }[] }).items).toEqual([
      expect.objectContaining({ id: run.id, stale: true }),
    ]);
  }, 60_000);

  it("explains an infeasible scenario: mandatory projects need more January budget", async () => {
    const s = (
      await createScenario({
        ...baseBody(),
        candidates: [
          { projectId: ids.A!, customValue: 7, mandatory: true },
          { projectId: ids.B!, customValue: 5, mandatory: true },
        ],
      })
    ).json() as Scenario;
    const run = await solve(s.id);
    expect(run.status).toBe("infeasible");
    const jan = run.result!.relaxations.find((r) => r.constraint === "budget_2027_01");
    expect(jan).toBeDefined();
    expect(jan!.amount).toBe(1 * K);
    expect(jan!.message).toMatch(/Budget in 2027-01 must grow by €100(\.00)?K/);
    expect(run.result!.selected).toEqual([]);
  }, 60_000);

  it("maximizes business-case NPV when asked, and says which candidates have none", async () => {
    const bc = await t.call(t.admin, "PUT", `/api/v1/projects/${ids.A}/business-case`, {
      version: null,
      discountRate: 0.1,
      firstYear: 2027,
      flows: [
        { year: 2027, costsCents: 100_000_00, benefitsCents: 0 },
        { year: 2028, costsCents: 0, benefitsCents: 121_000_00 },
      ],
    });
    expect(bc.statusCode, bc.body).toBe(200);
    const res = await createScenario({ ...baseBody(), valueSource: "npv" });
    expect(res.statusCode, res.body).toBe(201);
    const s = res.json() as Scenario;
    const a = s.candidates.find((c) => c.code === "A")!;
    // −100,000 now, +121,000 in a year at 10 %: NPV = 10,000.
    expect(a.npv).toBeCloseTo(10_000, 6);
    expect(a.value).toBeCloseTo(10_000, 6);
    expect(s.candidates.find((c) => c.code === "B")!.valueMissing).toBe(true);
  });

  it("rejects bad input with the field named", async () => {
    const bad = async (body: Record<string, unknown>, path: string | RegExp) => {
      const res = await createScenario({ ...baseBody(), ...body });
      expect(res.statusCode, res.body).toBe(400);
      const problem = res.json() as { errors: { path: string; message: string }[] };
      const paths = problem.errors.map((e) => e.path);
      if (typeof path === "string") expect(paths).toContain(path);
      else
        expect(
          paths.some((p) => path.test(p)),
          JSON.stringify(problem.errors),
        ).toBe(true);
      return problem;
    };
    await bad({ constraints: { budgetByMonthCents: [-5] } }, /budgetByMonthCents/);
    await bad(
      { constraints: { capacity: [{ roleKey: "astronaut", byMonth: [10] }] } },
      "constraints.capacity.0.roleKey",
    );
    await bad({ constraints: { capacity: [{ roleKey: "developer", byMonth: [-1] }] } }, /constraints\.capacity/);
    await bad(
      { candidates: [{ projectId: ids.A!, earliestStart: "2026-11", latestStart: "2027-02" }] },
      "candidates.0.earliestStart",
    );
    await bad({ candidates: [{ projectId: ids.A!, mandatory: true, excluded: true }] }, "candidates.0.mandatory");
    await bad(
      { constraints: { budgetByMonthCents: Array.from({ length: 7 }, () => K) } },
      "constraints.budgetByMonthCents",
    );
    const cycle = await bad(
      {
        constraints: {
          dependencies: [
            { projectId: ids.A!, requiresId: ids.B! },
            { projectId: ids.B!, requiresId: ids.C! },
            { projectId: ids.C!, requiresId: ids.A! },
          ],
        },
      },
      "constraints.dependencies",
    );
    expect(cycle.errors.find((e) => e.path === "constraints.dependencies")!.message).toMatch(
      /cycle: [ABC] → [ABC] → [ABC] → [ABC]/,
    );
    await bad({ horizonMonths: 0 }, "horizonMonths");
    await bad({ portfolioId: "00000000-0000-7000-8000-000000000000" }, "portfolioId");
    // Nothing was half-written.
    const list = (await t.call(t.admin, "GET", `/api/v1/scenarios?portfolioId=${portfolioId}`)).json() as {
      items: unknown[];
    };
    const count = list.items.length;
    await bad({ candidates: [{ projectId: ids.A!, mandatory: true, excluded: true }] }, "candidates.0.mandatory");
    const after = (await t.call(t.admin, "GET", `/api/v1/scenarios?portfolioId=${portfolioId}`)).json() as {
      items: unknown[];
    };
    expect(after.items.length).toBe(count);
  });

  it("downloads the model as CPLEX-LP text with named rows", async () => {
    const s = (await createScenario(baseBody())).json() as Scenario;
    const res = await t.call(pm, "GET", `/api/v1/scenarios/${s.id}/model.lp`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-disposition"]).toContain(".lp");
    expect(res.body).toMatch(/^maximize/im);
    expect(res.body).toContain("budget_2027_01");
    expect(res.body).toMatch(/^binar/im);
  });

  it("lets only the right roles write, solve and commit", async () => {
    const s = (await createScenario(baseBody())).json() as Scenario;
    expect((await t.call(pm, "GET", `/api/v1/scenarios/${s.id}`)).json()).toMatchObject({
      permissions: { edit: false, solve: false, commit: false },
    });
    expect((await t.call(pm, "POST", `/api/v1/scenarios/${s.id}/runs`, {})).statusCode).toBe(403);
    expect((await createScenario(baseBody(), pm)).statusCode).toBe(403);
    const member = await t.makeUser("member");
    expect((await t.call(member, "GET", `/api/v1/scenarios/${s.id}`)).statusCode).toBe(403);
  });

  it("cancels a running solve and records it", async () => {
    const s = (await createScenario(baseBody())).json() as Scenario;
    const started = await t.call(exec, "POST", `/api/v1/scenarios/${s.id}/runs`, {});
    expect(started.statusCode).toBe(202);
    const run = started.json() as Run;
    expect(run.status).toBe("running");
    const cancelled = await t.call(exec, "POST", `/api/v1/selection-runs/${run.id}/cancel`);
    expect(cancelled.statusCode).toBe(200);
    expect(["cancelled", "optimal"]).toContain((cancelled.json() as Run).status);
    expect((cancelled.json() as Run).finishedAt).not.toBeNull();
  }, 60_000);

  it("compares two scenarios side by side", async () => {
    const one = (await createScenario({ ...baseBody(), name: "Tight" })).json() as Scenario;
    const two = (
      await createScenario({
        ...baseBody(),
        name: "Generous",
        constraints: { budgetByMonthCents: [20 * K, 10 * K, 10 * K, 10 * K, 10 * K, 10 * K] },
      })
    ).json() as Scenario;
    await solve(one.id, { explain: false });
    await solve(two.id, { explain: false });
    const res = await t.call(pm, "GET", `/api/v1/scenario-comparison?ids=${one.id},${two.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json() as {
      scenarios: { name: string; value: number }[];
      projects: { code: string; starts: (string | null)[]; inAll: boolean }[];
    };
    expect(c.scenarios.map((x) => [x.name, x.value])).toEqual([
      ["Tight", 19],
      ["Generous", 26],
    ]);
    const a = c.projects.find((p) => p.code === "A")!;
    expect(a.starts).toEqual([null, "2027-01"]);
    expect(a.inAll).toBe(false);
    expect((await t.call(pm, "GET", `/api/v1/scenario-comparison?ids=${one.id}`)).statusCode).toBe(400);
  }, 60_000);

  it("commits: B and C approved in January, D approved and moved to February, a decision recorded", async () => {
    const s = (await createScenario({ ...baseBody(), name: "Approved plan" })).json() as Scenario;
    const run = await solve(s.id, { explain: false });
    const current = (await t.call(t.admin, "GET", `/api/v1/scenarios/${s.id}`)).json() as Scenario;
    // A project manager may not approve; a stale run may not be committed.
    expect(
      (await t.call(pm, "POST", `/api/v1/scenarios/${s.id}/commit`, { version: current.version, runId: run.id }))
        .statusCode,
    ).toBe(403);
    const res = await t.call(exec, "POST", `/api/v1/scenarios/${s.id}/commit`, {
      version: current.version,
      runId: run.id,
      rationale: "Steering committee, March",
    });
    expect(res.statusCode, res.body).toBe(200);
    const out = res.json() as { approvedProjectIds: string[]; decisionId: string; scenario: Scenario };
    expect(out.approvedProjectIds.sort()).toEqual([ids.B!, ids.C!, ids.D!].sort());
    expect(out.scenario.status).toBe("committed");
    expect(out.scenario.commitDecisionId).toBe(out.decisionId);
    const d = (await t.call(t.admin, "GET", `/api/v1/projects/${ids.D}`)).json() as {
      status: string;
      plannedStart: string;
      plannedEnd: string;
      budget: { period: string; amountCents: number }[];
    };
    expect(d.status).toBe("approved");
    expect(d.plannedStart).toBe("2027-02-01");
    expect(d.plannedEnd).toBe("2027-02-28");
    expect(d.budget.map((b) => b.period)).toEqual(["2027-02"]);
    const a = (await t.call(t.admin, "GET", `/api/v1/projects/${ids.A}`)).json() as { status: string };
    expect(a.status).toBe("proposed");
    const decision = (await t.call(t.admin, "GET", `/api/v1/decisions/${out.decisionId}`)).json() as {
      kind: string;
      refType: string;
      refId: string;
      refLabel: string;
      rationale: string;
    };
    expect(decision).toMatchObject({
      kind: "approve",
      refType: "scenario",
      refId: s.id,
      refLabel: "Scenario · Approved plan",
    });
    expect(decision.rationale).toContain("Steering committee, March");
    expect(decision.rationale).toContain("D (2027-02)");
    // A committed scenario is a record: no edits, no second commit, no delete.
    const edit = await t.call(t.admin, "PATCH", `/api/v1/scenarios/${s.id}`, {
      version: out.scenario.version,
      name: "x",
    });
    expect(edit.statusCode).toBe(409);
    const again = await t.call(exec, "POST", `/api/v1/scenarios/${s.id}/commit`, {
      version: out.scenario.version,
      runId: run.id,
    });
    expect(again.statusCode).toBe(409);
    // The other scenarios' runs went stale: B, C and D changed status and dates.
    const others = (await t.call(t.admin, "GET", `/api/v1/scenarios?portfolioId=${portfolioId}`)).json() as {
      items: { id: string }[];
    };
    expect(others.items.length).toBeGreaterThan(1);
  }, 60_000);

  it("refuses to commit a run that went stale", async () => {
    const s = (await createScenario({ ...baseBody(), name: "Stale" })).json() as Scenario;
    const run = await solve(s.id, { explain: false });
    const edited = (
      await t.call(t.admin, "PATCH", `/api/v1/scenarios/${s.id}`, { version: s.version, startFlexMonths: 2 })
    ).json() as Scenario;
    const res = await t.call(exec, "POST", `/api/v1/scenarios/${s.id}/commit`, {
      version: edited.version,
      runId: run.id,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ detail: expect.stringContaining("solve it again") });
  }, 60_000);

  it("copies and deletes a draft scenario", async () => {
    const s = (await createScenario(baseBody())).json() as Scenario;
    const copy = await t.call(exec, "POST", `/api/v1/scenarios/${s.id}/copy`, { name: "Copy of base" });
    expect(copy.statusCode, copy.body).toBe(201);
    const c = copy.json() as Scenario;
    expect(c.constraints.budgetByMonthCents).toEqual(s.constraints.budgetByMonthCents);
    expect(c.candidateSettings.length).toBe(4);
    expect((await t.call(exec, "DELETE", `/api/v1/scenarios/${c.id}?version=${c.version + 1}`)).statusCode).toBe(409);
    const stale = await t.call(exec, "PATCH", `/api/v1/scenarios/${c.id}`, { version: c.version + 1, name: "Late" });
    expect(stale.statusCode).toBe(409);
    expect((stale.json() as { current: { version: number; name: string } }).current).toMatchObject({
      version: c.version,
      name: "Copy of base",
    });
    expect((await t.call(exec, "DELETE", `/api/v1/scenarios/${c.id}?version=${c.version}`)).statusCode).toBe(204);
    expect((await t.call(exec, "GET", `/api/v1/scenarios/${c.id}`)).statusCode).toBe(404);
  });
});

describe("selection helpers", () => {
  it("shiftPlan moves dates and lines, clamping the day to the month", async () => {
    const { shiftPlan } = await import("../../src/server/modules/selection/selection.service.js");
    const shifted = shiftPlan(
      {
        plannedStart: "2027-01-31",
        plannedEnd: "2027-03-31",
        budget: [{ period: "2027-01", expenseType: "opex", amountCents: 5 }],
        demand: [{ roleKey: "developer", period: "2027-03", hours: 10 }],
      },
      1,
    );
    expect(shifted).toEqual({
      plannedStart: "2027-02-28",
      plannedEnd: "2027-04-30",
      budget: [{ period: "2027-02", expenseType: "opex", amountCents: 5 }],
      demand: [{ roleKey: "developer", period: "2027-04", hours: 10 }],
    });
  });
});
