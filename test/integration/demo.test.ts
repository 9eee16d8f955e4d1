import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { describeEachEngine } from "../helpers/engines.js";

type Row = Record<string, unknown>;

describeEachEngine("demo organization", (engine) => {
  let t: TestApp;
  let loaded: Row;
  let loadMs = 0;
  beforeAll(async () => {
    t = await createTestApp(engine);
    const started = performance.now();
    const res = await t.call(t.admin, "POST", "/api/v1/demo");
    loadMs = performance.now() - started;
    expect(res.statusCode, res.body).toBe(201);
    loaded = res.json();
  });
  afterAll(async () => t.close());

  it("loads projects, strategy and meetings in one go, and reports the counts", () => {
    expect(loaded).toMatchObject({
      people: 19,
      portfolios: 3,
      programs: 5,
      projects: 40,
      objectives: 14,
      goals: 11,
      criteria: 5,
      scoredProjects: 32,
      meetings: 2,
      decisions: 3,
      actionItems: 4,
    });
    expect(loaded.checkIns).toBeGreaterThan(50);
    // Generous: the load takes a few seconds at most; this only catches a runaway.
    expect(loadMs).toBeLessThan(20_000);
  });

  it("ranks the projects under version 1 of the model published from the board's weighting", async () => {
    const ranking = (await t.call(t.admin, "GET", "/api/v1/strategy/ranking")).json();
    expect(ranking.model.version).toBe(1);
    expect(ranking.model.note).toMatch(/^Board weighting \d{4}$/);
    expect(ranking.model.weights.map((w: Row) => w.key).sort()).toEqual(
      ["customer_impact", "financial_return", "risk", "strategic_alignment", "urgency_compliance"].sort(),
    );
    // 40 projects less the 5 closed and 1 cancelled, which no longer compete.
    expect(ranking.rows).toHaveLength(34);
    expect(ranking.rows.some((r: Row) => ["closed", "cancelled"].includes(r.status as string))).toBe(false);
    const scored = ranking.rows.filter((r: Row) => ["proposed", "approved", "active"].includes(r.status as string));
    expect(scored).toHaveLength(32);
    for (const r of scored) expect(r.missing, r.code).toEqual([]);
    expect(ranking.rows[0].rank).toBe(1);
  });

  it("shows a closed prioritization with three submitted, consistent executives", async () => {
    const { items } = (await t.call(t.admin, "GET", "/api/v1/strategy/prioritizations")).json();
    expect(items).toHaveLength(1);
    const [session] = items;
    expect(session.name).toMatch(/^Executive board weighting \d{4}$/);
    expect(session.status).toBe("closed");
    expect(session.participants).toHaveLength(3);
    for (const p of session.participants) {
      expect(p.submittedAt).not.toBeNull();
      expect(p.judgmentCount).toBe(10);
      expect(p.consistencyRatio).toBeLessThan(0.1);
    }
    expect(session.group.submitted).toBe(3);
    expect(session.group.consistent).toBe(true);
  });

  it("tracks at least ten goals, some on track and some off track, with SMART verdicts", async () => {
    const { items } = (await t.call(t.admin, "GET", "/api/v1/strategy/goals")).json();
    expect(items.length).toBeGreaterThanOrEqual(10);
    const statuses = new Set(items.map((g: Row) => (g.tracking as Row).status));
    expect(statuses).toContain("on_track");
    expect(statuses).toContain("off_track");
    const verdicts = items.map((g: { smart: { overall: string } }) => g.smart.overall);
    expect(verdicts.filter((v: string) => v === "pass").length).toBeGreaterThanOrEqual(8);
    expect(verdicts).toContain("warn");
    expect(items.filter((g: Row) => g.level === "project")).toHaveLength(2);
    expect(items.filter((g: Row) => g.level === "pmo")).toHaveLength(2);
  });

  it("holds a past portfolio review with decisions and actions, and plans the next steering committee", async () => {
    const { items } = (await t.call(t.admin, "GET", "/api/v1/meetings")).json();
    expect(items).toHaveLength(2);
    const held = items.find((m: Row) => m.status === "held");
    const planned = items.find((m: Row) => m.status === "planned");
    const today = new Date().toISOString().slice(0, 10);
    expect(held.startsAt.slice(0, 10) < today).toBe(true);
    expect(planned.startsAt.slice(0, 10) > today).toBe(true);

    const review = (await t.call(t.admin, "GET", `/api/v1/meetings/${held.id}`)).json();
    expect(review.attendees).toHaveLength(6);
    expect(review.agenda.filter((a: Row) => a.refType === "project")).toHaveLength(3);
    expect(review.decisions.map((d: Row) => d.kind)).toEqual(["approve", "defer", "change_request"]);
    expect(review.actionItems.filter((a: Row) => a.overdue)).toHaveLength(1);
    expect(review.actionItems.filter((a: Row) => a.status === "done")).toHaveLength(2);

    // The approval is recorded as a decision; the project keeps the status the dataset gave it.
    const approval = review.decisions.find((d: Row) => d.kind === "approve");
    const project = (await t.call(t.admin, "GET", `/api/v1/projects/${approval.refId}`)).json();
    expect(project.code).toBe("DIG-005");
    expect(project.status).toBe("proposed");

    const steering = (await t.call(t.admin, "GET", `/api/v1/meetings/${planned.id}`)).json();
    expect(steering.agenda.length).toBeGreaterThan(0);
    expect(steering.decisions).toEqual([]);
    expect(steering.actionItems).toEqual([]);
  });

  it("shows unlinked spend and one over-funded objective in the strategy-spend view", async () => {
    const spend = (await t.call(t.admin, "GET", "/api/v1/strategy/spend")).json();
    expect(spend.unlinkedSpendCents).toBeGreaterThan(0);
    const flagged = spend.objectives.filter((o: Row) => o.flagged);
    expect(flagged.map((o: Row) => o.code)).toEqual(["SO-5"]);
    expect(flagged[0].mismatch).toBeGreaterThan(0.1);
  });

  it("registers sixty benefits with their history: mostly on track, some at risk or off track, a few realized", async () => {
    expect(loaded).toMatchObject({
      benefits: 60,
      handovers: 9,
      benefitRisks: 6,
      correctiveActions: 5,
      businessChanges: 5,
      businessCases: 8,
    });
    expect(loaded.measurements).toBeGreaterThan(600);

    const rollup = (await t.call(t.admin, "GET", "/api/v1/benefits-rollup")).json();
    const byStatus = rollup.byStatus as Record<string, number>;
    expect(Object.values(byStatus).reduce((a, b) => a + b, 0)).toBe(60);
    expect(byStatus.on_track).toBeGreaterThanOrEqual(30);
    expect((byStatus.at_risk ?? 0) + (byStatus.off_track ?? 0)).toBeGreaterThanOrEqual(5);
    expect(byStatus.realized).toBeGreaterThanOrEqual(2);
    expect(rollup.valueAtRiskCents).toBeGreaterThan(0);
    expect(rollup.rows.length).toBeGreaterThanOrEqual(5);

    const { items: recommendations } = (await t.call(t.admin, "GET", "/api/v1/benefit-recommendations")).json();
    const rules = new Set(recommendations.map((r: Row) => r.rule));
    for (const rule of ["below_tolerance", "measurement_overdue", "realized_early", "enabling_project_delayed"])
      expect(rules, rule).toContain(rule);
    expect(recommendations.some((r: Row) => r.openActionId !== null)).toBe(true);

    // Two past-due corrective actions: the trend improved after one and not after the other.
    const { items: actions } = (await t.call(t.admin, "GET", "/api/v1/corrective-actions")).json();
    expect(actions).toHaveLength(5);
    const judged = actions.filter((a: Row) => a.effect !== null);
    expect(judged.map((a: Row) => (a.effect as Row).improved).sort()).toEqual([false, true]);
    expect(actions.filter((a: Row) => a.overdue)).toHaveLength(1);

    const { items: benefits } = (await t.call(t.admin, "GET", "/api/v1/benefits?limit=500")).json();
    expect(benefits).toHaveLength(60);
    expect(benefits.filter((b: Row) => b.measurementOverdue).length).toBeGreaterThanOrEqual(1);
    const oldest = benefits.find((b: Row) => b.code === "BEN-001");
    const history = (await t.call(t.admin, "GET", `/api/v1/benefits/${oldest.id}/measurements`)).json();
    expect(history.items.length).toBeGreaterThanOrEqual(24);
    const detail = (await t.call(t.admin, "GET", `/api/v1/benefits/${oldest.id}`)).json();
    expect(detail.doam.pass).toBe(true);
    expect(detail.handovers).toHaveLength(1);
    expect(detail.operationalOwner).not.toBeNull();

    const map = (await t.call(t.admin, "GET", "/api/v1/benefit-map")).json();
    expect(map.nodes.filter((n: Row) => n.kind === "business_change")).toHaveLength(5);
    const erp = (await t.call(t.admin, "GET", "/api/v1/projects?limit=100"))
      .json()
      .items.find((p: Row) => p.code === "DIG-002");
    const businessCase = (await t.call(t.admin, "GET", `/api/v1/projects/${erp.id}/business-case`)).json();
    expect(businessCase.flows.length).toBeGreaterThan(0);
    expect(businessCase.planned.npv).not.toBeNull();
  });

  it("refuses to load twice", async () => {
    const again = await t.call(t.admin, "POST", "/api/v1/demo");
    expect(again.statusCode).toBe(409);
  });
});

describeEachEngine("demo organization into an organization with strategy data", (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => t.close());

  it("is refused before anything is written", async () => {
    const created = await t.call(t.admin, "POST", "/api/v1/strategy/criteria", { key: "value", name: "Value" });
    expect(created.statusCode).toBe(201);
    const res = await t.call(t.admin, "POST", "/api/v1/demo");
    expect(res.statusCode).toBe(409);
    expect(res.json().detail ?? res.json().title).toMatch(/objectives or prioritization criteria/);
    const projects = (await t.call(t.admin, "GET", "/api/v1/projects")).json();
    expect(projects.items).toEqual([]);
  });
});
