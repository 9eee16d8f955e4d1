import { afterAll, beforeAll, expect, it } from "vitest";
import type {
  Benefit,
  BusinessCase,
  CorrectiveAction,
  Measurement,
  Pir,
  Rollup,
  Tracking,
} from "../../src/server/modules/benefits/benefits.schema.js";
import { createTestApp, type TestApp, type TestUser } from "../helpers/app.js";
import { describeEachEngine } from "../helpers/engines.js";
import { makePortfolio, makeProject } from "../helpers/factories.js";

/**
 * Benefits realization through the HTTP API on both engines: the register and its validation,
 * profiles, measurements (one per month, corrections, import all-or-nothing), tracking with
 * forecast and early warning, recommendations and corrective actions, risks, hand-over, reviews
 * after closure, the dependency network, business cases, roll-up, and goals that follow a benefit.
 * The clock is the machine's: dates are built relative to today.
 */

const month = (offset: number) => {
  const d = new Date();
  const i = d.getUTCFullYear() * 12 + d.getUTCMonth() + offset;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`;
};
const day = (offset: number) => `${month(offset)}-01`;

describeEachEngine("benefits realization", (engine) => {
  let t: TestApp;
  let owner: TestUser;
  let viewer: TestUser;
  let portfolioId: string;
  let projectId: string;
  let objectiveId: string;
  let seq = 0;

  beforeAll(async () => {
    t = await createTestApp(engine);
    owner = await t.makeUser("benefit_owner");
    viewer = await t.makeUser("viewer");
    portfolioId = (await makePortfolio(t)).id;
    // Delivered before realization starts (a year ago), so it raises no "project delayed" warning.
    projectId = (
      await makeProject(t, portfolioId, {
        plannedStart: `${month(-24)}-01`,
        plannedEnd: `${month(-13)}-28`,
        budget: [],
        demand: [],
      })
    ).id;
    const o = await t.call(t.admin, "POST", "/api/v1/strategy/objectives", {
      code: "CX",
      title: "Delight customers",
      horizonStart: month(-24),
      horizonEnd: month(24),
    });
    objectiveId = (o.json() as { id: string }).id;
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  /** A benefit from 100 (a year ago) to 200 (a year ahead), linear, 10 % tolerance, monthly. */
  const body = (overrides: Record<string, unknown> = {}) => {
    seq += 1;
    return {
      code: `B-${seq}`,
      title: "Faster claims handling",
      description: "Claims clerks settle simple claims in one touch, so customers are paid within days.",
      type: "quantifiable",
      category: "customer",
      responsibleOwnerId: owner.id,
      accountableOwnerId: t.admin.id,
      kpiName: "Claims settled per week",
      unit: "claims",
      direction: "increase",
      method: "Count of settled claims in the claims system",
      dataSource: "Claims system weekly report",
      frequency: "monthly",
      baselineValue: 100,
      baselineDate: day(-12),
      targetValue: 200,
      targetDate: day(12),
      toleranceKind: "percent",
      toleranceValue: 10,
      projectIds: [projectId],
      objectives: [{ objectiveId, weight: 0.5 }],
      businessChange: "Claims are triaged automatically",
      beneficiaries: "Claims clerks and customers with simple claims",
      attributionNote: "Seasonal claim volumes also move the KPI; we compare with the same month last year.",
      profile: { kind: "linear", start: month(-12) },
      ...overrides,
    };
  };
  const create = async (overrides: Record<string, unknown> = {}, user: TestUser = t.admin) => {
    const res = await t.call(user, "POST", "/api/v1/benefits", body(overrides));
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as Benefit;
  };
  const measure = async (id: string, period: string, value: number, user: TestUser = t.admin) => {
    const res = await t.call(user, "POST", `/api/v1/benefits/${id}/measurements`, { period, value });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as Measurement;
  };
  const tracking = async (id: string) =>
    (await t.call(viewer, "GET", `/api/v1/benefits/${id}/tracking`)).json() as Tracking;
  /** The planned value of the linear profile `m` months from now (month 0 = this month). */
  const plan = (m: number) => 100 + (100 * (m + 12)) / 24;

  it("registers a benefit with a generated profile, links and a DOAM verdict", async () => {
    const b = await create();
    expect(b.profile).toHaveLength(25);
    expect(b.profile[0]).toEqual({ period: month(-12), planned: 100 });
    expect(b.profile.at(-1)).toEqual({ period: month(12), planned: 200 });
    expect(b.projects.map((p) => p.id)).toEqual([projectId]);
    expect(b.objectives).toEqual([expect.objectContaining({ id: objectiveId, weight: 0.5 })]);
    expect(b.doam.tests.map((x) => x.test)).toEqual(["described", "observable", "attributable", "measurable"]);
    expect(b.doam.tests.filter((x) => !x.pass)).toEqual([]);
    expect(b.doam.pass).toBe(true);
    expect(b.trackingStatus).toBe("not_started");
    // Merely identified: not measured yet, so nothing is overdue; once realizing, the months since the baseline are.
    expect(b.measurementOverdue).toBe(false);
    expect((await create({ status: "realizing" })).measurementOverdue).toBe(true);
    expect(b.permissions).toEqual({ edit: true, measure: true });
    const assessed = await t.call(viewer, "POST", "/api/v1/benefits/assess", { title: "Better", kpiName: "" });
    expect(assessed.statusCode).toBe(200);
    const doam = (assessed.json() as { doam: { pass: boolean; tests: { test: string; pass: boolean }[] } }).doam;
    expect(doam.pass).toBe(false);
    expect(doam.tests.find((x) => x.test === "measurable")!.pass).toBe(false);
  });

  it("rejects bad input with the field named, and writes nothing", async () => {
    const bad = async (overrides: Record<string, unknown>, path: string) => {
      const res = await t.call(t.admin, "POST", "/api/v1/benefits", body(overrides));
      expect(res.statusCode, res.body).toBe(400);
      expect((res.json() as { errors: { path: string }[] }).errors.map((e) => e.path)).toContain(path);
    };
    const before = ((await t.call(t.admin, "GET", "/api/v1/benefits?limit=500")).json() as { items: unknown[] }).items
      .length;
    await bad({ targetValue: 100 }, "targetValue");
    await bad({ targetValue: 50 }, "targetValue");
    await bad({ category: "moonshots" }, "category");
    await bad(
      { profile: { kind: "manual", points: [{ period: month(20), planned: 150 }] } },
      "profile.points.0.period",
    );
    await bad({ toleranceValue: "ten" }, "toleranceValue");
    await bad({ objectives: [{ objectiveId, weight: 0 }] }, "objectives.0.weight");
    await bad({ projectIds: ["00000000-0000-7000-8000-000000000000"] }, "projectIds.0");
    const after = ((await t.call(t.admin, "GET", "/api/v1/benefits?limit=500")).json() as { items: unknown[] }).items
      .length;
    expect(after).toBe(before);
    const dup = await t.call(t.admin, "POST", "/api/v1/benefits", { ...body(), code: "B-1" });
    expect(dup.statusCode).toBe(400);
    // Moving the target date earlier leaves the stored profile outside the benefit's dates.
    const b = await create();
    const moved = await t.call(t.admin, "PATCH", `/api/v1/benefits/${b.id}`, {
      version: b.version,
      targetDate: day(6),
    });
    expect(moved.statusCode, moved.body).toBe(400);
    expect((moved.json() as { errors: { path: string }[] }).errors.map((e) => e.path)).toContain("profile");
  });

  it("keeps one measurement per month: a second one is a conflict, a correction names the version", async () => {
    const b = await create();
    const m = await measure(b.id, month(-1), 150);
    const again = await t.call(t.admin, "POST", `/api/v1/benefits/${b.id}/measurements`, {
      period: month(-1),
      value: 151,
    });
    expect(again.statusCode).toBe(409);
    const current409 = (again.json() as { current: { id: string; recordedBy: { name: string } } }).current;
    expect(current409.id).toBe(m.id);
    expect(current409.recordedBy.name).not.toBe("(no longer a member)");
    const future = await t.call(t.admin, "POST", `/api/v1/benefits/${b.id}/measurements`, {
      period: month(2),
      value: 1,
    });
    expect(future.statusCode).toBe(400);
    const early = await t.call(t.admin, "POST", `/api/v1/benefits/${b.id}/measurements`, {
      period: month(-20),
      value: 1,
    });
    expect(early.statusCode).toBe(400);
    const text = await t.call(t.admin, "POST", `/api/v1/benefits/${b.id}/measurements`, {
      period: month(-2),
      value: "12",
    });
    expect(text.statusCode).toBe(400);
    const fixed = await t.call(t.admin, "PATCH", `/api/v1/benefit-measurements/${m.id}`, {
      version: m.version,
      value: 149,
    });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect((fixed.json() as Measurement).value).toBe(149);
    const stale = await t.call(t.admin, "PATCH", `/api/v1/benefit-measurements/${m.id}`, {
      version: m.version,
      value: 148,
    });
    expect(stale.statusCode).toBe(409);
    const list = (await t.call(viewer, "GET", `/api/v1/benefits/${b.id}/measurements`)).json() as {
      items: Measurement[];
    };
    expect(list.items.map((x) => x.value)).toEqual([149]);
    // An archived benefit takes no more measurements.
    const current = (await t.call(t.admin, "GET", `/api/v1/benefits/${b.id}`)).json() as Benefit;
    await t.call(t.admin, "POST", `/api/v1/benefits/${b.id}/archive`, { version: current.version, archived: true });
    const archived = await t.call(t.admin, "POST", `/api/v1/benefits/${b.id}/measurements`, {
      period: month(-2),
      value: 1,
    });
    expect(archived.statusCode).toBe(409);
  });

  it("tracks planned vs actual, forecasts the target with an interval, and warns early", async () => {
    const b = await create();
    // On plan for 6 months, then flat: the latest is still within tolerance, the trend misses the target.
    for (let m = -8; m <= -3; m++) await measure(b.id, month(m), plan(m));
    for (const m of [-2, -1]) await measure(b.id, month(m), plan(-3));
    const tr = await tracking(b.id);
    const last = tr.periods.find((p) => p.period === month(-1))!;
    expect(last.planned).toBeCloseTo(plan(-1), 6);
    expect(last.actual).toBeCloseTo(plan(-3), 6);
    expect(tr.realizationPct).toBeCloseTo(((plan(-3) - 100) / 100) * 100, 6);
    expect(tr.forecast).not.toBeNull();
    expect(tr.forecast!.low).toBeLessThanOrEqual(tr.forecast!.value);
    expect(tr.forecast!.high).toBeGreaterThanOrEqual(tr.forecast!.value);
    expect(tr.forecast!.atPeriod).toBe(month(12));
    expect(tr.forecast!.points.at(-1)!.period).toBe(month(12));
    // Shortfall 2 × 100/24 ≈ 8.3 ≤ band 10: within tolerance, but the flat tail drags the trend down.
    expect(tr.earlyWarning).toBe(tr.forecast!.value < 200 - 10);
    expect(["on_track", "at_risk"]).toContain(tr.status);
    if (tr.earlyWarning) expect(tr.status).toBe("at_risk");
    expect(tr.risk.exposure).toBe(0);
  });

  it("raises recommendations: below tolerance twice, low probability; silent on a healthy benefit", async () => {
    const healthy = await create();
    for (let m = -6; m <= -1; m++) await measure(healthy.id, month(m), plan(m) + 1);
    const h = await tracking(healthy.id);
    expect(h.status).toBe("on_track");
    expect(h.recommendations).toEqual([]);

    const sick = await create();
    for (let m = -6; m <= -3; m++) await measure(sick.id, month(m), plan(m));
    await measure(sick.id, month(-2), plan(-2) - 15);
    await measure(sick.id, month(-1), plan(-1) - 15);
    const s = await tracking(sick.id);
    expect(s.status).toBe("at_risk");
    const rules = s.recommendations.map((r) => r.rule);
    expect(rules).toContain("below_tolerance");
    const inbox = (await t.call(viewer, "GET", `/api/v1/benefit-recommendations?benefitId=${sick.id}`)).json() as {
      items: { rule: string; openActionId: string | null }[];
    };
    expect(inbox.items.map((i) => i.rule)).toEqual(expect.arrayContaining(["below_tolerance"]));

    // A corrective action from the recommendation; a second open one for the same rule is refused.
    const action = await t.call(owner, "POST", "/api/v1/corrective-actions", {
      benefitId: sick.id,
      rule: "below_tolerance",
      title: "Retrain the triage model",
      ownerId: owner.id,
      dueDate: day(1),
      expectedEffect: "Back on plan within two months",
    });
    expect(action.statusCode, action.body).toBe(201);
    const a = action.json() as CorrectiveAction;
    expect(a).toMatchObject({ status: "open", overdue: false, effect: null, rule: "below_tolerance" });
    const twice = await t.call(owner, "POST", "/api/v1/corrective-actions", {
      benefitId: sick.id,
      rule: "below_tolerance",
      title: "Again",
      dueDate: day(1),
    });
    expect(twice.statusCode).toBe(409);
    const inbox2 = (await t.call(viewer, "GET", `/api/v1/benefit-recommendations?benefitId=${sick.id}`)).json() as {
      items: { rule: string; openActionId: string | null }[];
    };
    expect(inbox2.items.find((i) => i.rule === "below_tolerance")!.openActionId).toBe(a.id);
    expect((await tracking(sick.id)).recommendations.find((r) => r.rule === "below_tolerance")!.openActionId).toBe(
      a.id,
    );
    const done = await t.call(owner, "PATCH", `/api/v1/corrective-actions/${a.id}`, {
      version: a.version,
      status: "done",
    });
    expect(done.statusCode, done.body).toBe(200);
    expect((done.json() as CorrectiveAction).closedAt).not.toBeNull();
    // The change is audited with the stored value before it.
    const audit = (
      await t.call(t.admin, "GET", `/api/v1/audit?entityType=corrective_action&entityId=${a.id}`)
    ).json() as {
      items: { action: string; changes: Record<string, { before: unknown; after: unknown }> }[];
    };
    expect(audit.items.find((e) => e.action === "update")!.changes.status).toEqual({ before: "open", after: "done" });

    const noOwner = await create({ responsibleOwnerId: null, accountableOwnerId: null });
    expect((await tracking(noOwner.id)).recommendations.map((r) => r.rule)).toContain("no_owner");
  });

  it("lets a benefit owner measure their benefit but not someone else's; viewers only read", async () => {
    const mine = await create();
    await measure(mine.id, month(-1), 150, owner);
    const theirs = await create({ responsibleOwnerId: t.admin.id });
    const res = await t.call(owner, "POST", `/api/v1/benefits/${theirs.id}/measurements`, {
      period: month(-1),
      value: 1,
    });
    expect(res.statusCode).toBe(403);
    expect((await t.call(viewer, "PATCH", `/api/v1/benefits/${mine.id}`, { version: 1, title: "x" })).statusCode).toBe(
      403,
    );
    const stale = await t.call(owner, "PATCH", `/api/v1/benefits/${mine.id}`, {
      version: mine.version + 5,
      title: "Late",
    });
    expect(stale.statusCode).toBe(409);
    expect((stale.json() as { current: { id: string; version: number } }).current).toMatchObject({
      id: mine.id,
      version: mine.version,
    });
  });

  it("imports measurements all-or-nothing, with a row report on a dry run", async () => {
    const b = await create();
    await measure(b.id, month(-3), 120);
    const csv = (rows: string[]) => ["benefit,period,value,evidence", ...rows].join("\n");
    const call = (data: string, query: string) =>
      t.call(t.admin, "POST", `/api/v1/benefit-measurements/import?${query}`, data, { "content-type": "text/csv" });
    const badFile = csv([
      `${b.code},${month(-2)},130,report`,
      `${b.code},${month(-1)},lots,report`,
      `NOPE,${month(-1)},1,`,
    ]);
    const dry = await call(badFile, "dryRun=true");
    expect(dry.statusCode, dry.body).toBe(200);
    const report = dry.json() as { problems: { line: number; field: string }[]; created: number };
    expect(report.problems).toEqual([
      expect.objectContaining({ line: 3, field: "value" }),
      expect.objectContaining({ line: 4, field: "benefit" }),
    ]);
    const real = await call(badFile, "dryRun=false");
    expect(real.statusCode).toBe(422);
    const dupe = await call(csv([`${b.code},${month(-3)},125,`]), "dryRun=false");
    expect(dupe.statusCode).toBe(422);
    expect((await t.call(t.admin, "GET", `/api/v1/benefits/${b.id}/measurements`)).json()).toMatchObject({
      items: [expect.objectContaining({ period: month(-3), value: 120 })],
    });
    const good = await call(
      csv([`${b.code},${month(-2)},130,report`, `${b.code},${month(-3)},125,fixed`]),
      "onDuplicate=update",
    );
    expect(good.statusCode, good.body).toBe(201);
    expect(good.json()).toMatchObject({ created: 1, updated: 1, problems: [] });
    const items = (
      (await t.call(t.admin, "GET", `/api/v1/benefits/${b.id}/measurements`)).json() as { items: Measurement[] }
    ).items;
    expect(items.map((m) => [m.period, m.value, m.recordedVia])).toEqual([
      [month(-3), 125, "import"],
      [month(-2), 130, "import"],
    ]);
  });

  it("adjusts the expected benefit for risks, and hands a benefit over", async () => {
    const b = await create();
    const risk = await t.call(t.admin, "POST", `/api/v1/benefits/${b.id}/risks`, {
      title: "Claims volume drops",
      probability: 0.5,
      impactPct: 40,
    });
    expect(risk.statusCode, risk.body).toBe(201);
    const tr = await tracking(b.id);
    expect(tr.risk.exposure).toBeCloseTo(0.5 * 0.4 * 100, 6);
    expect(tr.risk.expectedRealizationPct).toBeCloseTo(80, 6);
    const bad = await t.call(t.admin, "POST", `/api/v1/benefits/${b.id}/risks`, {
      title: "x",
      probability: 2,
      impactPct: 10,
    });
    expect(bad.statusCode).toBe(400);
    const handed = await t.call(t.admin, "POST", `/api/v1/benefits/${b.id}/handover`, {
      toUserId: owner.id,
      projectId,
      remaining: "The second half of the uplift",
      remainingValue: 50,
    });
    expect(handed.statusCode, handed.body).toBe(200);
    const after = handed.json() as Benefit;
    expect(after.operationalOwner?.id).toBe(owner.id);
    expect(after.handovers).toEqual([expect.objectContaining({ remaining: "The second half of the uplift" })]);
  });

  it("schedules post-implementation reviews after closure; they are filled in, completed and signed off", async () => {
    const sponsor = await t.makeUser("executive");
    const p = await makeProject(t, portfolioId, {
      sponsorId: sponsor.id,
      plannedStart: `${month(-10)}-01`,
      plannedEnd: `${month(-1)}-28`,
      budget: [],
      demand: [],
    });
    const b = await create({ projectIds: [p.id] });
    await measure(b.id, month(-1), 140);
    let version = p.version;
    for (const status of ["approved", "active", "closed"]) {
      const res = await t.call(t.admin, "PATCH", `/api/v1/projects/${p.id}`, { version, status });
      expect(res.statusCode, res.body).toBe(200);
      version = (res.json() as { version: number }).version;
    }
    const list = (await t.call(viewer, "GET", `/api/v1/pirs?projectId=${p.id}`)).json() as { items: Pir[] };
    expect(list.items.map((r) => r.offsetMonths)).toEqual([3, 6, 12]);
    // Due three months after the closure (today, from the audit trail), the day clamped to the month.
    const [y, mo] = month(3).split("-").map(Number) as [number, number];
    const lastDay = new Date(Date.UTC(y, mo, 0)).getUTCDate();
    const dueDay = Math.min(new Date().getUTCDate(), lastDay);
    expect(list.items[0]!.dueDate).toBe(`${month(3)}-${String(dueDay).padStart(2, "0")}`);
    const first = (await t.call(viewer, "GET", `/api/v1/pirs/${list.items[0]!.id}`)).json() as Pir;
    expect(first.items).toEqual([expect.objectContaining({ benefitId: b.id, actual: 140 })]);
    expect(first.sponsor?.id).toBe(sponsor.id);
    const incomplete = await t.call(t.admin, "PATCH", `/api/v1/pirs/${first.id}`, {
      version: first.version,
      complete: true,
    });
    expect(incomplete.statusCode).toBe(400);
    const filled = await t.call(t.admin, "PATCH", `/api/v1/pirs/${first.id}`, {
      version: first.version,
      rating: 4,
      lessons: "Automate triage earlier",
      items: [{ benefitId: b.id, comment: "Behind plan" }],
      complete: true,
    });
    expect(filled.statusCode, filled.body).toBe(200);
    const done = filled.json() as Pir;
    expect(done.status).toBe("completed");
    expect(done.items[0]!.comment).toBe("Behind plan");
    const other = await t.makeUser("executive");
    expect(
      (await t.call(other, "POST", `/api/v1/pirs/${first.id}/sign-off`, { version: done.version })).statusCode,
    ).toBe(403);
    const signed = await t.call(sponsor, "POST", `/api/v1/pirs/${first.id}/sign-off`, { version: done.version });
    expect(signed.statusCode, signed.body).toBe(200);
    expect((signed.json() as Pir).signedOffBy?.id).toBe(sponsor.id);
    // Scheduling is idempotent; the offsets are configurable.
    const settings = await t.call(t.admin, "PUT", "/api/v1/benefit-settings", { pirOffsetsMonths: [1, 3] });
    expect(settings.statusCode).toBe(200);
    const again = (await t.call(viewer, "GET", `/api/v1/pirs?projectId=${p.id}`)).json() as { items: Pir[] };
    expect(again.items.map((r) => r.offsetMonths)).toEqual([1, 3, 6, 12]);
    await t.call(t.admin, "PUT", "/api/v1/benefit-settings", { pirOffsetsMonths: [3, 6, 12] });
  });

  it("draws the dependency network and highlights what a project on hold puts at risk", async () => {
    const p = await makeProject(t, portfolioId, { budget: [], demand: [] });
    const b = await create({ projectIds: [p.id] });
    const change = await t.call(t.admin, "POST", "/api/v1/benefit-map/changes", {
      label: "Triage done by rules",
      ownerId: owner.id,
      benefitIds: [b.id],
      projectIds: [p.id],
    });
    expect(change.statusCode, change.body).toBe(201);
    const changeId = (change.json() as { id: string }).id;
    const map = async () =>
      (await t.call(viewer, "GET", `/api/v1/benefit-map?benefitId=${b.id}`)).json() as {
        nodes: { id: string; kind: string; impacted: boolean }[];
        edges: { from: string; to: string }[];
      };
    const before = await map();
    expect(before.edges).toEqual(
      expect.arrayContaining([
        { from: `project:${p.id}`, to: changeId, stored: true },
        { from: changeId, to: `benefit:${b.id}`, stored: true },
        { from: `benefit:${b.id}`, to: `objective:${objectiveId}`, stored: false },
      ]),
    );
    expect(before.nodes.every((n) => !n.impacted)).toBe(true);
    await t.call(t.admin, "PATCH", `/api/v1/projects/${p.id}`, { version: p.version, status: "on_hold" });
    const after = await map();
    const impacted = after.nodes
      .filter((n) => n.impacted)
      .map((n) => n.kind)
      .sort();
    expect(impacted).toEqual(["benefit", "business_change", "enabler", "objective"]);
  });

  it("appraises a business case and reports NPV for it", async () => {
    const p = await makeProject(t, portfolioId, { budget: [], demand: [] });
    const res = await t.call(t.admin, "PUT", `/api/v1/projects/${p.id}/business-case`, {
      version: null,
      discountRate: 0.08,
      firstYear: 2027,
      flows: [
        { year: 2027, costsCents: 4_000_000, benefitsCents: 0 },
        { year: 2028, costsCents: 0, benefitsCents: 500_000 },
        { year: 2029, costsCents: 0, benefitsCents: 800_000 },
        { year: 2030, costsCents: 0, benefitsCents: 1_200_000 },
        { year: 2031, costsCents: 0, benefitsCents: 3_000_000 },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const bc = res.json() as BusinessCase;
    // numpy-financial's npv example: 0.08, [-40000, 5000, 8000, 12000, 30000] → 3065.22.
    expect(bc.planned.npv).toBeCloseTo(3065.22, 2);
    expect(bc.planned.irrKind).toBe("unique");
    expect(bc.planned.paybackPeriods).toBeGreaterThan(3);
    const again = await t.call(t.admin, "PUT", `/api/v1/projects/${p.id}/business-case`, {
      version: null,
      discountRate: 0.08,
      firstYear: 2027,
      flows: [],
    });
    expect(again.statusCode).toBe(409);
    expect(
      (
        await t.call(viewer, "PUT", `/api/v1/projects/${p.id}/business-case`, {
          version: bc.version,
          discountRate: 0.1,
          firstYear: 2027,
          flows: [],
        })
      ).statusCode,
    ).toBe(403);
  });

  it("rolls up planned vs realized money by objective and quarter, with value at risk", async () => {
    const b = await create({ valuePerUnitCents: 100_00, projectIds: [projectId] });
    for (let m = -3; m <= -1; m++) await measure(b.id, month(m), plan(m) - 12);
    const byObjective = (await t.call(viewer, "GET", "/api/v1/benefits-rollup?by=objective")).json() as Rollup;
    const row = byObjective.rows.find((r) => r.key === objectiveId)!;
    expect(row.label).toBe("CX · Delight customers");
    expect(row.plannedCents).toBeGreaterThan(0);
    expect(row.realizedCents).toBeGreaterThan(0);
    expect(row.realizedCents).toBeLessThan(row.plannedCents);
    expect(byObjective.byStatus).toBeTruthy();
    const byQuarter = (await t.call(viewer, "GET", "/api/v1/benefits-rollup?by=quarter")).json() as Rollup;
    expect(byQuarter.rows.length).toBeGreaterThan(4);
    expect(byQuarter.topDeviations.length).toBeGreaterThan(0);
  });

  it("lets a goal follow a benefit's measurements", async () => {
    const b = await create();
    await measure(b.id, month(-2), 120);
    await measure(b.id, month(-1), 130);
    const goal = await t.call(t.admin, "POST", "/api/v1/strategy/goals", {
      title: "Settle 200 claims a week by next year",
      objectiveId,
      metricName: "Claims settled per week",
      unit: "claims",
      baselineValue: 100,
      baselineDate: day(-12),
      targetValue: 200,
      targetDate: day(12),
      dataSourceBenefitId: b.id,
    });
    expect(goal.statusCode, goal.body).toBe(201);
    const g = goal.json() as { id: string; tracking: { current: number | null }; dataSource: { code: string } };
    expect(g.tracking.current).toBe(130);
    expect(g.dataSource.code).toBe(b.code);
    const checkIn = await t.call(t.admin, "POST", `/api/v1/strategy/goals/${g.id}/check-ins`, {
      date: day(0),
      value: 1,
    });
    expect(checkIn.statusCode).toBe(409);
    const readings = (await t.call(viewer, "GET", `/api/v1/strategy/goals/${g.id}/check-ins`)).json() as {
      items: { value: number }[];
    };
    expect(readings.items.map((r) => r.value)).toEqual([120, 130]);
    const bad = await t.call(t.admin, "POST", "/api/v1/strategy/goals", {
      title: "Follows nothing real",
      dataSourceBenefitId: "00000000-0000-7000-8000-000000000000",
    });
    expect(bad.statusCode).toBe(400);
  });

  it("filters the register by tracking status and pages through it", async () => {
    const page = (await t.call(viewer, "GET", "/api/v1/benefits?trackingStatus=at_risk,off_track&limit=2")).json() as {
      items: { trackingStatus: string }[];
      nextCursor: string | null;
    };
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.every((i) => ["at_risk", "off_track"].includes(i.trackingStatus))).toBe(true);
    const all: string[] = [];
    let cursor: string | null = null;
    do {
      const res = (
        await t.call(viewer, "GET", `/api/v1/benefits?limit=3${cursor ? `&cursor=${cursor}` : ""}`)
      ).json() as {
        items: { code: string }[];
        nextCursor: string | null;
      };
      all.push(...res.items.map((i) => i.code));
      cursor = res.nextCursor;
    } while (cursor);
    expect(new Set(all).size).toBe(all.length);
    expect([...all].sort()).toEqual(all);
  });
});
