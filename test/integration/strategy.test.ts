import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Role } from "../../src/domain/identity/permissions.js";
import { createTestApp, type TestApp, type TestUser } from "../helpers/app.js";
import { describeEachEngine } from "../helpers/engines.js";
import { makePortfolio, makeProject } from "../helpers/factories.js";

/**
 * The strategy module through the HTTP API, on both engines: objectives, SMART goals and their
 * tracking, the pure AHP interface, executive prioritizations, the versioned scoring model,
 * ranking, sensitivity and strategy spend. Tests whose answers depend on everything in the
 * organization (weights, rankings, spend) each use an organization of their own.
 */

type Problem = { code: string; errors?: { path: string; message: string }[] };
type Objective = { id: string; parentId: string | null; code: string; normalizedWeight: number; version: number };
type SmartLetter = { verdict: string; reasons: string[]; suggestion: string | null };
type Smart = Record<"S" | "M" | "A" | "R" | "T", SmartLetter> & { overall: string };
type Goal = {
  id: string;
  version: number;
  smart: Smart;
  tracking: {
    current: number | null;
    currentDate: string | null;
    progressPct: number | null;
    expectedPct: number | null;
    status: string;
    onTrack: boolean | null;
  };
};
type Evaluation = {
  weights: number[];
  lambdaMax: number;
  ci: number;
  cr: number;
  randomIndex: number;
  consistent: boolean;
  inconsistentJudgments: unknown[];
};
type Session = {
  id: string;
  status: string;
  criteria: { id: string; key: string }[];
  participants: { userId: string; submittedAt: string | null; consistencyRatio: number | null }[];
  mine: { evaluation: Evaluation | null; missing: number; submittedAt: string | null } | null;
  group: (Evaluation & { matrix: number[][]; submitted: number }) | null;
};
type Model = {
  id: string;
  version: number;
  active: boolean;
  weights: { criterionId: string; key: string; parentId: string | null; localWeight: number; globalWeight: number }[];
};
type Ranking = {
  model: Model | null;
  rows: { projectId: string; code: string; score: number; rank: number; breakdown: { key: string }[] }[];
};
type ProjectStrategy = {
  priority: { modelVersion: number; score: number; rank: number | null } | null;
  history: { modelVersion: number; score: number }[];
};

async function ok<T>(response: LightMyRequestResponse | PromiseLike<LightMyRequestResponse>, status = 200): Promise<T> {
  const res = await response;
  if (res.statusCode !== status) throw new Error(`expected ${status}, got ${res.statusCode}: ${res.body}`);
  return res.json() as T;
}

const paths = (res: LightMyRequestResponse) => ((res.json() as Problem).errors ?? []).map((e) => e.path);

/** A UTC calendar date `offsetDays` from today, as the server's clock sees today. */
const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
const isoMonth = (offsetDays: number) => isoDay(offsetDays).slice(0, 7);

/** Judgments {a, b, value} from the upper triangle of a pairwise matrix over the criteria ids. */
const judgmentsOf = (ids: string[], m: number[][]) =>
  ids.flatMap((a, i) => ids.slice(i + 1).map((b, k) => ({ a, b, value: m[i]?.[i + k + 1] as number })));

describeEachEngine("strategy: objectives, goals, AHP, scoring model and ranking", (engine) => {
  let t: TestApp;
  let n = 0;

  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => t.close());

  /** A new organization with its own admin, for tests whose results depend on all of an organization's data. */
  async function makeOrganization() {
    n += 1;
    const org = await t.services.identity.createOrganization(`Strategy org ${n}`);
    const admin = await t.makeUser("admin", org.id);
    return { id: org.id, admin, makeUser: (role: Role) => t.makeUser(role, org.id) };
  }
  const post = <T = { id: string; version: number }>(user: TestUser, url: string, body: unknown, status = 201) =>
    ok<T>(t.call(user, "POST", url, body), status);
  const makeObjective = (user: TestUser, body: Record<string, unknown>) =>
    post<Objective>(user, "/api/v1/strategy/objectives", {
      title: "An objective",
      horizonStart: isoMonth(-365),
      horizonEnd: isoMonth(2 * 365),
      ...body,
    });
  const makeCriterion = (user: TestUser, body: Record<string, unknown>) =>
    post<{ id: string; key: string }>(user, "/api/v1/strategy/criteria", { name: String(body.key), ...body });
  /** Opens a prioritization; returns it with its criteria ids by key. */
  async function openSession(user: TestUser, participants: TestUser[], parentCriterionId: string | null = null) {
    const s = await post<Session>(user, "/api/v1/strategy/prioritizations", {
      name: "Prioritization",
      parentCriterionId,
      participantIds: participants.map((p) => p.id),
    });
    return { ...s, ids: s.criteria.map((c) => c.id), idOf: (key: string) => s.criteria.find((c) => c.key === key)?.id };
  }
  const judge = (user: TestUser, sessionId: string, judgments: unknown[], submit = true) =>
    t.call(user, "PUT", `/api/v1/strategy/prioritizations/${sessionId}/judgments`, { judgments, submit });
  const evaluate = (matrix: number[][]) =>
    ok<Evaluation>(t.call(t.admin, "POST", "/api/v1/strategy/ahp/evaluate", { matrix }));

  // ---------- objectives ----------

  it("keeps objectives as a tree: parentId, a cycle is refused naming parentId, the horizon end must not precede its start, codes are unique", async () => {
    const admin = t.admin;
    const root = await makeObjective(admin, { code: "TREE", title: "Grow digital revenue" });
    const child = await makeObjective(admin, { code: "TREE.1", title: "Launch the app", parentId: root.id });
    const grandchild = await makeObjective(admin, { code: "TREE.1.1", title: "Beta", parentId: child.id });
    expect([root.parentId, child.parentId, grandchild.parentId]).toEqual([null, root.id, child.id]);
    const listed = await ok<{ items: Objective[] }>(t.call(admin, "GET", "/api/v1/strategy/objectives"));
    expect(listed.items.filter((o) => o.code.startsWith("TREE")).map((o) => [o.code, o.parentId])).toEqual([
      ["TREE", null],
      ["TREE.1", root.id],
      ["TREE.1.1", child.id],
    ]);

    for (const parentId of [grandchild.id, root.id]) {
      const cycle = await t.call(admin, "PATCH", `/api/v1/strategy/objectives/${root.id}`, {
        version: root.version,
        parentId,
      });
      expect(cycle.statusCode, cycle.body).toBe(400);
      expect(paths(cycle)).toEqual(["parentId"]);
    }
    expect((await ok<Objective>(t.call(admin, "GET", `/api/v1/strategy/objectives/${root.id}`))).parentId).toBeNull();

    const backwards = await t.call(admin, "POST", "/api/v1/strategy/objectives", {
      code: "BACK",
      title: "Backwards",
      horizonStart: "2027-06",
      horizonEnd: "2027-05",
    });
    expect(backwards.statusCode).toBe(400);
    expect(paths(backwards)).toEqual(["horizonEnd"]);
    const shortened = await t.call(admin, "PATCH", `/api/v1/strategy/objectives/${child.id}`, {
      version: child.version,
      horizonEnd: "2000-01",
    });
    expect(shortened.statusCode).toBe(400);
    expect(paths(shortened)).toEqual(["horizonEnd"]);
    const sameMonth = await makeObjective(admin, { code: "ONE-MONTH", horizonStart: "2027-05", horizonEnd: "2027-05" });
    expect(sameMonth.code).toBe("ONE-MONTH");

    const duplicate = await t.call(admin, "POST", "/api/v1/strategy/objectives", {
      code: "TREE.1",
      title: "Again",
      horizonStart: "2027-01",
      horizonEnd: "2027-12",
    });
    expect(duplicate.statusCode).toBe(400);
    expect(paths(duplicate)).toEqual(["code"]);
    const renamed = await t.call(admin, "PATCH", `/api/v1/strategy/objectives/${grandchild.id}`, {
      version: grandchild.version,
      code: "TREE",
    });
    expect(renamed.statusCode).toBe(400);
    expect(paths(renamed)).toEqual(["code"]);
  });

  it("gives each active objective its share of the active objectives' weight as normalizedWeight", async () => {
    const { admin } = await makeOrganization();
    const a = await makeObjective(admin, { code: "A", weight: 2 });
    const b = await makeObjective(admin, { code: "B", weight: 1 });
    const draft = await makeObjective(admin, { code: "C", weight: 5, status: "draft" });
    await makeObjective(admin, { code: "D", weight: 3, status: "retired" });
    const shares = async () =>
      Object.fromEntries(
        (await ok<{ items: Objective[] }>(t.call(admin, "GET", "/api/v1/strategy/objectives"))).items.map((o) => [
          o.code,
          o.normalizedWeight,
        ]),
      );
    const before = await shares();
    expect(before.A).toBeCloseTo(2 / 3, 12);
    expect(before.B).toBeCloseTo(1 / 3, 12);
    expect([before.C, before.D]).toEqual([0, 0]);

    await ok(
      t.call(admin, "PATCH", `/api/v1/strategy/objectives/${draft.id}`, { version: draft.version, status: "active" }),
    );
    const after = await shares();
    expect([after.A, after.B, after.C, after.D]).toEqual([2 / 8, 1 / 8, 5 / 8, 0]);
    expect((await ok<Objective>(t.call(admin, "GET", `/api/v1/strategy/objectives/${a.id}`))).normalizedWeight).toBe(
      0.25,
    );
    expect(b.normalizedWeight).toBeCloseTo(1 / 3, 12);
  });

  // ---------- goals ----------

  it("returns SMART verdicts with a goal: a fully SMART goal passes every letter, a vague one fails S and M with the documented reasons; assess gives the same without saving", async () => {
    const { admin } = await makeOrganization();
    const objective = await makeObjective(admin, { code: "NPS", title: "Delight customers", weight: 2 });
    const smartBody = {
      title: "Raise the net promoter score of EU customers from 20 to 28",
      objectiveId: objective.id,
      scope: "customers in the EU",
      metricName: "Net promoter score",
      unit: "points",
      direction: "increase",
      baselineValue: 20,
      baselineDate: isoDay(-30),
      targetValue: 28,
      targetDate: isoDay(335),
      ownerId: admin.id,
    };
    const smart = await post<Goal>(admin, "/api/v1/strategy/goals", smartBody);
    expect({
      overall: smart.smart.overall,
      S: smart.smart.S.verdict,
      M: smart.smart.M.verdict,
      A: smart.smart.A.verdict,
      R: smart.smart.R.verdict,
      T: smart.smart.T.verdict,
    }).toEqual({ overall: "pass", S: "pass", M: "pass", A: "pass", R: "pass", T: "pass" });
    expect(smart.smart.R.reasons).toEqual(["linked to an active organizational objective"]);
    expect(["S", "M", "A", "R", "T"].map((l) => smart.smart[l as "S"].suggestion)).toEqual([
      null,
      null,
      null,
      null,
      null,
    ]);

    const vagueBody = { title: "Improve things", ownerId: admin.id };
    const vague = await post<Goal>(admin, "/api/v1/strategy/goals", vagueBody);
    expect(vague.smart.overall).toBe("fail");
    expect(vague.smart.S).toMatchObject({
      verdict: "fail",
      reasons: [
        "title uses only vague words",
        "title mentions neither the metric nor a number",
        "scope or population is missing",
      ],
    });
    expect(vague.smart.M).toMatchObject({
      verdict: "fail",
      reasons: ["metric name is missing", "unit is missing", "baseline value is missing", "target value is missing"],
    });
    expect(vague.smart.R.reasons).toEqual(["not linked to a strategic objective"]);
    expect(vague.smart.T.reasons).toEqual(["baseline date is missing", "target date is missing"]);
    expect(vague.tracking.status).toBe("not_measurable");

    const goalsBefore = (await ok<{ items: unknown[] }>(t.call(admin, "GET", "/api/v1/strategy/goals"))).items.length;
    for (const [body, goal] of [
      [smartBody, smart],
      [vagueBody, vague],
    ] as const) {
      const assessed = await ok<Smart>(t.call(admin, "POST", "/api/v1/strategy/goals/assess", body));
      expect(assessed).toEqual(goal.smart);
    }
    expect((await ok<{ items: unknown[] }>(t.call(admin, "GET", "/api/v1/strategy/goals"))).items).toHaveLength(
      goalsBefore,
    );
  });

  it("tracks a goal from its check-ins: progress, expected progress and on/off track as of today; refuses a check-in in the future or before the baseline", async () => {
    const admin = t.admin;
    // Baseline 100 days ago, target 100 days ahead: 50 % of the way is expected today.
    const goal = await post<Goal>(admin, "/api/v1/strategy/goals", {
      title: "Migrate 100 services to the new platform",
      metricName: "Services migrated",
      unit: "services",
      baselineValue: 0,
      baselineDate: isoDay(-100),
      targetValue: 100,
      targetDate: isoDay(100),
      ownerId: admin.id,
    });
    expect(goal.tracking).toMatchObject({ current: null, progressPct: null, expectedPct: 50, status: "not_started" });
    const checkIn = (date: string, value: number) =>
      t.call(admin, "POST", `/api/v1/strategy/goals/${goal.id}/check-ins`, { date, value, note: `at ${date}` });
    const tracking = async () => (await ok<Goal>(t.call(admin, "GET", `/api/v1/strategy/goals/${goal.id}`))).tracking;

    const steps: [number, number, Partial<Goal["tracking"]>][] = [
      [-50, 20, { current: 20, progressPct: 20, status: "off_track", onTrack: false }],
      [-1, 48, { current: 48, progressPct: 48, status: "on_track", onTrack: true }],
      [0, 100, { current: 100, progressPct: 100, status: "achieved", onTrack: true }],
    ];
    for (const [offset, value, expected] of steps) {
      const created = await ok<{ goalId: string; date: string; value: number; recordedBy: string }>(
        checkIn(isoDay(offset), value),
        201,
      );
      expect(created).toMatchObject({ goalId: goal.id, date: isoDay(offset), value, recordedBy: admin.id });
      expect(await tracking()).toEqual({ currentDate: isoDay(offset), expectedPct: 50, ...expected });
    }
    const listed = await ok<{ items: { date: string; value: number }[] }>(
      t.call(admin, "GET", `/api/v1/strategy/goals/${goal.id}/check-ins`),
    );
    expect(listed.items.map((c) => [c.date, c.value])).toEqual(steps.map(([d, v]) => [isoDay(d), v]));

    for (const date of [isoDay(2), isoDay(-101)]) {
      const refused = await checkIn(date, 10);
      expect(refused.statusCode, date).toBe(400);
      expect(paths(refused), date).toEqual(["date"]);
    }
    expect(
      (await ok<{ items: unknown[] }>(t.call(admin, "GET", `/api/v1/strategy/goals/${goal.id}/check-ins`))).items,
    ).toHaveLength(3);
  });

  it("lets the project manager who owns a project-level goal edit it and check in; another project manager gets 403", async () => {
    const pf = await makePortfolio(t);
    const pm = await t.makeUser("project_manager");
    const otherPm = await t.makeUser("project_manager");
    const project = await makeProject(t, pf.id, { managerId: pm.id });
    const body = {
      level: "project",
      projectId: project.id,
      title: "Cut the release lead time to 5 days",
      metricName: "Release lead time",
      unit: "days",
      direction: "decrease",
      baselineValue: 10,
      baselineDate: isoDay(-10),
      targetValue: 5,
      targetDate: isoDay(300),
      ownerId: pm.id,
    };
    const refusedCreate = await t.call(otherPm, "POST", "/api/v1/strategy/goals", body);
    expect(refusedCreate.statusCode).toBe(403);
    const goal = await post<Goal>(pm, "/api/v1/strategy/goals", body);

    const theirs = await t.call(otherPm, "PATCH", `/api/v1/strategy/goals/${goal.id}`, {
      version: goal.version,
      title: "Hijacked",
    });
    expect(theirs.statusCode).toBe(403);
    expect((theirs.json() as Problem).code).toBe("forbidden");
    const theirCheckIn = await t.call(otherPm, "POST", `/api/v1/strategy/goals/${goal.id}/check-ins`, {
      date: isoDay(0),
      value: 1,
    });
    expect(theirCheckIn.statusCode).toBe(403);

    const edited = await ok<Goal & { title: string }>(
      t.call(pm, "PATCH", `/api/v1/strategy/goals/${goal.id}`, {
        version: goal.version,
        title: "Cut the release lead time to 4 days",
        targetValue: 4,
      }),
    );
    expect(edited).toMatchObject({ title: "Cut the release lead time to 4 days", version: goal.version + 1 });
    await ok(t.call(pm, "POST", `/api/v1/strategy/goals/${goal.id}/check-ins`, { date: isoDay(0), value: 8 }), 201);
    const read = await ok<Goal>(t.call(otherPm, "GET", `/api/v1/strategy/goals/${goal.id}`));
    expect(read.tracking).toMatchObject({ current: 8, progressPct: (2 / 6) * 100 });
  });

  it("does not let a project manager move a goal of their project onto a project someone else manages", async () => {
    // Creating a goal on another manager's project is refused (goal.write is judged on the new
    // goal); moving one there must be refused as well, or the same result is one PATCH away.
    const pf = await makePortfolio(t);
    const pm = await t.makeUser("project_manager");
    const otherPm = await t.makeUser("project_manager");
    const mine = await makeProject(t, pf.id, { managerId: pm.id });
    const theirs = await makeProject(t, pf.id, { managerId: otherPm.id });
    const goal = await post<Goal>(t.admin, "/api/v1/strategy/goals", {
      level: "project",
      projectId: mine.id,
      title: "Ship 3 releases a month",
      ownerId: t.admin.id,
    });
    const createThere = await t.call(pm, "POST", "/api/v1/strategy/goals", {
      level: "project",
      projectId: theirs.id,
      title: "Ship 3 releases a month",
      ownerId: t.admin.id,
    });
    expect(createThere.statusCode).toBe(403);
    const moved = await t.call(pm, "PATCH", `/api/v1/strategy/goals/${goal.id}`, {
      version: goal.version,
      projectId: theirs.id,
    });
    expect(moved.statusCode, `PATCH projectId onto another manager's project: ${moved.body.slice(0, 120)}`).toBe(403);
    const after = await ok<{ projectId: string }>(t.call(t.admin, "GET", `/api/v1/strategy/goals/${goal.id}`));
    expect(after.projectId).toBe(mine.id);
  });

  // ---------- pure AHP ----------

  it("evaluates a published worked example through the API: Saaty (1990), the house-buying criteria", async () => {
    // Source: T.L. Saaty (1990), "How to make a decision: the analytic hierarchy process",
    // European Journal of Operational Research 48(1): 9–26, https://doi.org/10.1016/0377-2217(90)90057-I:
    // the family's level-1 matrix, priorities .173 .054 .188 .018 .031 .036 .167 .333,
    // λmax = 9.669, C.I. = 0.238, C.R. = 0.169 (RI(8) = 1.41). The same example, with its
    // provenance, is the unit test in src/domain/strategy/ahp.test.ts.
    const house = [
      [1, 5, 3, 7, 6, 6, 1 / 3, 1 / 4],
      [1 / 5, 1, 1 / 3, 5, 3, 3, 1 / 5, 1 / 7],
      [1 / 3, 3, 1, 6, 3, 4, 6, 1 / 5],
      [1 / 7, 1 / 5, 1 / 6, 1, 1 / 3, 1 / 4, 1 / 7, 1 / 8],
      [1 / 6, 1 / 3, 1 / 3, 3, 1, 1 / 2, 1 / 5, 1 / 6],
      [1 / 6, 1 / 3, 1 / 4, 4, 2, 1, 1 / 5, 1 / 6],
      [3, 5, 1 / 6, 7, 5, 5, 1, 1 / 2],
      [4, 7, 5, 8, 6, 6, 2, 1],
    ];
    const published = [0.173, 0.054, 0.188, 0.018, 0.031, 0.036, 0.167, 0.333];
    const viewer = await t.makeUser("viewer");
    const result = await ok<Evaluation>(t.call(viewer, "POST", "/api/v1/strategy/ahp/evaluate", { matrix: house }));
    expect(result.weights).toHaveLength(8);
    result.weights.forEach((w, i) => {
      expect(Math.abs(w - (published[i] as number)), `weight ${i}`).toBeLessThanOrEqual(1e-3);
    });
    expect(Math.abs(result.lambdaMax - 9.669)).toBeLessThanOrEqual(1e-3);
    expect(Math.abs(result.ci - 0.238)).toBeLessThanOrEqual(1e-3);
    expect(Math.abs(result.cr - 0.169)).toBeLessThanOrEqual(1e-3);
    expect(result.randomIndex).toBe(1.41);
    expect(result.consistent).toBe(false);
    expect(result.inconsistentJudgments.length).toBeGreaterThan(0);
  });

  it("refuses a matrix that is not square, not positive or not reciprocal, naming the row or cell", async () => {
    const cases: [string, unknown, string[]][] = [
      ["a short row", [[1, 2], [0.5]], ["matrix.1"]],
      [
        "rows longer than the matrix is tall",
        [
          [1, 2, 3],
          [0.5, 1, 2],
        ],
        ["matrix.0", "matrix.1"],
      ],
      [
        "a zero judgment",
        [
          [1, 0],
          [2, 1],
        ],
        ["matrix.0.1"],
      ],
      [
        "a negative judgment",
        [
          [1, 2, 4],
          [0.5, 1, -3],
          [0.25, -1 / 3, 1],
        ],
        ["matrix.1.2", "matrix.2.1"],
      ],
      [
        "a judgment that is not the reciprocal of its mirror",
        [
          [1, 2, 4],
          [0.5, 1, 3],
          [0.25, 0.5, 1],
        ],
        ["matrix.1.2"],
      ],
    ];
    for (const [what, matrix, expected] of cases) {
      const res = await t.call(t.admin, "POST", "/api/v1/strategy/ahp/evaluate", { matrix });
      expect(res.statusCode, what).toBe(400);
      expect((res.json() as Problem).code, what).toBe("validation");
      expect(paths(res), what).toEqual(expected);
    }
    const notReciprocal = await t.call(t.admin, "POST", "/api/v1/strategy/ahp/evaluate", { matrix: cases[4]?.[1] });
    expect((notReciprocal.json() as Problem).errors?.[0]?.message).toMatch(/reciprocal of matrix\.2\.1/);
  });

  it("aggregates three matrices into their element-wise geometric mean and evaluates it", async () => {
    const matrices = [
      [
        [1, 3, 5],
        [1 / 3, 1, 2],
        [1 / 5, 1 / 2, 1],
      ],
      [
        [1, 2, 7],
        [1 / 2, 1, 3],
        [1 / 7, 1 / 3, 1],
      ],
      [
        [1, 1 / 2, 3],
        [2, 1, 4],
        [1 / 3, 1 / 4, 1],
      ],
    ];
    const result = await ok<Evaluation & { matrix: number[][] }>(
      t.call(t.admin, "POST", "/api/v1/strategy/ahp/aggregate", { matrices }),
    );
    const geometricMean = (i: number, j: number) => Math.cbrt(matrices.reduce((p, m) => p * (m[i]?.[j] as number), 1));
    for (let i = 0; i < 3; i++)
      for (let j = 0; j < 3; j++) expect(result.matrix[i]?.[j], `${i},${j}`).toBeCloseTo(geometricMean(i, j), 12);
    const direct = await evaluate(result.matrix);
    expect(result.weights.map((w, i) => w - (direct.weights[i] as number)).every((d) => Math.abs(d) < 1e-12)).toBe(
      true,
    );
    expect(result.cr).toBeCloseTo(direct.cr, 12);

    const mixed = await t.call(t.admin, "POST", "/api/v1/strategy/ahp/aggregate", {
      matrices: [
        matrices[0],
        [
          [1, 2],
          [0.5, 1],
        ],
      ],
    });
    expect(mixed.statusCode).toBe(400);
    expect(paths(mixed)).toEqual(["matrices.1"]);
  });

  // ---------- prioritizations ----------

  it("runs a prioritization with three executives: own CR, group aggregate, incomplete submit, not invited, closed", async () => {
    const { admin, makeUser } = await makeOrganization();
    const pmo = await makeUser("pmo");
    const [e1, e2, e3, outsider] = [
      await makeUser("executive"),
      await makeUser("executive"),
      await makeUser("executive"),
      await makeUser("executive"),
    ] as [TestUser, TestUser, TestUser, TestUser];
    for (const key of ["value", "risk", "fit"]) await makeCriterion(admin, { key });
    const s = await openSession(pmo, [e1, e2, e3]);
    expect(s.status).toBe("open");
    expect(s.criteria.map((c) => c.key)).toEqual(["fit", "risk", "value"]);
    expect(s.mine).toBeNull();

    const matrices = [
      [
        [1, 3, 5],
        [1 / 3, 1, 2],
        [1 / 5, 1 / 2, 1],
      ],
      [
        [1, 2, 7],
        [1 / 2, 1, 3],
        [1 / 7, 1 / 3, 1],
      ],
      [
        [1, 1 / 2, 3],
        [2, 1, 4],
        [1 / 3, 1 / 4, 1],
      ],
    ] as number[][][];
    const [fit, risk, value] = s.ids as [string, string, string];

    // Incomplete: saved as a draft, refused as a submission.
    const draft = await ok<Session>(judge(e1, s.id, [{ a: fit, b: risk, value: 3 }], false));
    expect(draft.mine).toMatchObject({ missing: 2, evaluation: null, submittedAt: null });
    expect(draft.group).toBeNull();
    const incomplete = await judge(e1, s.id, [{ a: fit, b: risk, value: 3 }], true);
    expect(incomplete.statusCode).toBe(400);
    expect(paths(incomplete)).toEqual(["judgments"]);

    const executives = [e1, e2, e3];
    for (const [k, exec] of executives.entries()) {
      const m = matrices[k] as number[][];
      // The third executive states one pair the other way round: "risk is 2 × fit".
      const judgments =
        k === 2
          ? [
              { a: risk, b: fit, value: 2 },
              { a: fit, b: value, value: 3 },
              { a: risk, b: value, value: 4 },
            ]
          : judgmentsOf(s.ids, m);
      const after = await ok<Session>(judge(exec, s.id, judgments));
      const own = await evaluate(m);
      expect(after.mine?.evaluation?.cr, `executive ${k + 1}`).toBeCloseTo(own.cr, 12);
      expect(after.mine?.evaluation?.weights.map((w) => w.toFixed(9))).toEqual(own.weights.map((w) => w.toFixed(9)));
      expect(after.mine?.missing).toBe(0);
      expect(after.group?.submitted).toBe(k + 1);
      expect(after.participants.find((p) => p.userId === exec.id)?.consistencyRatio).toBeCloseTo(own.cr, 12);
    }

    const seenByPmo = await ok<Session>(t.call(pmo, "GET", `/api/v1/strategy/prioritizations/${s.id}`));
    expect(seenByPmo.mine).toBeNull();
    const aggregate = await ok<Evaluation & { matrix: number[][] }>(
      t.call(admin, "POST", "/api/v1/strategy/ahp/aggregate", { matrices }),
    );
    expect(seenByPmo.group?.submitted).toBe(3);
    seenByPmo.group?.matrix.forEach((row, i) => {
      row.forEach((x, j) => {
        expect(x, `${i},${j}`).toBeCloseTo(aggregate.matrix[i]?.[j] as number, 12);
      });
    });
    seenByPmo.group?.weights.forEach((w, i) => {
      expect(w).toBeCloseTo(aggregate.weights[i] as number, 12);
    });
    expect(seenByPmo.group?.cr).toBeCloseTo(aggregate.cr, 12);

    const notInvited = await judge(outsider, s.id, judgmentsOf(s.ids, matrices[0] as number[][]));
    expect(notInvited.statusCode).toBe(403);
    expect((notInvited.json() as Problem).code).toBe("forbidden");

    const closed = await ok<Session>(t.call(pmo, "POST", `/api/v1/strategy/prioritizations/${s.id}/close`));
    expect(closed.status).toBe("closed");
    const late = await judge(e1, s.id, judgmentsOf(s.ids, matrices[1] as number[][]));
    expect(late.statusCode).toBe(409);
    expect((late.json() as Problem).code).toBe("conflict");
    const still = await ok<Session>(t.call(e1, "GET", `/api/v1/strategy/prioritizations/${s.id}`));
    expect(still.mine?.evaluation?.cr).toBeCloseTo((await evaluate(matrices[0] as number[][])).cr, 12);
  });

  it("names a participant who is not a member by their position in the request", async () => {
    const { admin, makeUser } = await makeOrganization();
    const exec = await makeUser("executive");
    for (const key of ["value", "risk"]) await makeCriterion(admin, { key });
    const stranger = await t.makeUser("executive");
    const res = await t.call(admin, "POST", "/api/v1/strategy/prioritizations", {
      name: "Board",
      participantIds: [exec.id, exec.id, stranger.id],
    });
    expect(res.statusCode).toBe(400);
    expect(paths(res)).toEqual(["participantIds.2"]);
  });

  // ---------- scoring model, ranking ----------

  it("scores an NPV criterion from the projects' business cases, min–max across them, missing without one", async () => {
    const { admin, makeUser } = await makeOrganization();
    const pmo = await makeUser("pmo");
    const exec = await makeUser("executive");
    await makeCriterion(admin, { key: "npv", name: "Net present value", source: "npv" });
    await makeCriterion(admin, { key: "value", name: "Business value" });
    const pf = await makePortfolio(t, admin);
    const [a, b, c] = [
      await makeProject(t, pf.id, {}, admin),
      await makeProject(t, pf.id, {}, admin),
      await makeProject(t, pf.id, {}, admin),
    ];
    // At 10 %: A = −100,000 + 121,000 / 1.1 = 10,000; B = −110,000 + 121,000 / 1.1 = 0; C has none.
    const businessCase = (projectId: string, costCents: number) =>
      ok(
        t.call(admin, "PUT", `/api/v1/projects/${projectId}/business-case`, {
          version: null,
          discountRate: 0.1,
          firstYear: 2027,
          flows: [
            { year: 2027, costsCents: costCents, benefitsCents: 0 },
            { year: 2028, costsCents: 0, benefitsCents: 12_100_000 },
          ],
        }),
      );
    await businessCase(a.id, 10_000_000);
    await businessCase(b.id, 11_000_000);
    const s = await openSession(pmo, [exec]);
    await ok(judge(exec, s.id, [{ a: s.idOf("npv"), b: s.idOf("value"), value: 1 }]));
    await post(pmo, "/api/v1/strategy/scoring-models", { sessionIds: [s.id], note: "NPV and value alike" });
    const ranking = await ok<{
      rows: { projectId: string; score: number; missing: string[]; breakdown: { key: string; normalized: number }[] }[];
    }>(t.call(admin, "GET", "/api/v1/strategy/ranking"));
    const row = (id: string) => ranking.rows.find((r) => r.projectId === id)!;
    expect(row(a.id).breakdown.find((x) => x.key === "npv")!.normalized).toBe(1);
    expect(row(b.id).breakdown.find((x) => x.key === "npv")!.normalized).toBe(0);
    expect(row(a.id).score).toBeCloseTo(0.5, 12);
    expect(row(c.id).missing).toEqual(expect.arrayContaining(["npv"]));
    expect(row(a.id).missing).not.toContain("npv");
  });

  it("publishes versioned scoring models: the ranking uses the latest, flips when the weights favour another criterion, and earlier scores keep their model version", async () => {
    const { admin, makeUser } = await makeOrganization();
    const pmo = await makeUser("pmo");
    const exec = await makeUser("executive");
    const valueC = await makeCriterion(admin, { key: "value", name: "Business value" });
    const riskC = await makeCriterion(admin, { key: "risk", name: "Low risk" });
    const pf = await makePortfolio(t, admin);
    const a = await makeProject(t, pf.id, {}, admin);
    const b = await makeProject(t, pf.id, {}, admin);
    const score = (projectId: string, value: number, risk: number) =>
      ok<ProjectStrategy>(
        t.call(pmo, "PUT", `/api/v1/projects/${projectId}/scores`, {
          scores: [
            { criterionId: valueC.id, value },
            { criterionId: riskC.id, value: risk },
          ],
        }),
      );
    await score(a.id, 5, 1);
    await score(b.id, 1, 5);
    const empty = await ok<Ranking>(t.call(admin, "GET", "/api/v1/strategy/ranking"));
    expect(empty).toEqual({ model: null, rows: [] });

    /** Publishes a model where value weighs `ratio` times risk; returns it. */
    const publish = async (ratio: number) => {
      const s = await openSession(pmo, [exec]);
      await ok(judge(exec, s.id, [{ a: s.idOf("value"), b: s.idOf("risk"), value: ratio }]));
      return post<Model>(pmo, "/api/v1/strategy/scoring-models", { sessionIds: [s.id], note: `value ${ratio}× risk` });
    };
    const weightOf = (m: Model, key: string) => m.weights.find((w) => w.key === key)?.globalWeight;
    const strategyOf = (id: string) => ok<ProjectStrategy>(t.call(admin, "GET", `/api/v1/projects/${id}/strategy`));
    const ranking = (query = "") => ok<Ranking>(t.call(admin, "GET", `/api/v1/strategy/ranking${query}`));

    const v1 = await publish(5);
    expect({ version: v1.version, active: v1.active }).toEqual({ version: 1, active: true });
    expect(weightOf(v1, "value")).toBeCloseTo(5 / 6, 12);
    const first = await ranking();
    expect(first.model?.version).toBe(1);
    expect(first.rows.map((r) => [r.code, r.rank])).toEqual([
      [a.code, 1],
      [b.code, 2],
    ]);
    // Normalized on the 0–5 scale: A = 5/6 × 1 + 1/6 × 0.2, B = 5/6 × 0.2 + 1/6 × 1.
    expect(first.rows[0]?.score).toBeCloseTo(5 / 6 + 0.2 / 6, 12);
    expect(first.rows[1]?.score).toBeCloseTo(1 / 6 + 1 / 6, 12);
    const aV1 = await strategyOf(a.id);
    expect(aV1.priority).toMatchObject({ modelVersion: 1, rank: 1 });
    expect(aV1.priority?.score).toBeCloseTo(5 / 6 + 0.2 / 6, 12);

    const v2 = await publish(1 / 5);
    expect(v2.version).toBe(2);
    expect(weightOf(v2, "risk")).toBeCloseTo(5 / 6, 12);
    const models = await ok<{ items: Model[] }>(t.call(admin, "GET", "/api/v1/strategy/scoring-models"));
    expect(models.items.map((m) => [m.version, m.active])).toEqual([
      [2, true],
      [1, false],
    ]);
    const second = await ranking();
    expect(second.model?.id).toBe(v2.id);
    expect(second.rows.map((r) => [r.code, r.rank])).toEqual([
      [b.code, 1],
      [a.code, 2],
    ]);
    expect((await ranking(`?modelId=${v1.id}`)).rows.map((r) => r.code)).toEqual([a.code, b.code]);

    const aV2 = await strategyOf(a.id);
    expect(aV2.priority).toMatchObject({ modelVersion: 2, rank: 2 });
    expect(aV2.priority?.score).toBeCloseTo(1 / 6 + (5 / 6) * 0.2, 12);
    expect(aV2.history.map((h) => h.modelVersion)).toEqual([2, 1]);
    expect(aV2.history[1]?.score).toBe(aV1.priority?.score);

    // Rescoring under version 2 leaves the version-1 score as it was computed.
    const rescored = await score(a.id, 0, 0);
    expect(rescored.history.map((h) => [h.modelVersion, h.score])).toEqual([
      [2, 0],
      [1, aV1.priority?.score],
    ]);
  });

  /**
   * An organization with criteria value (scale) and align (alignment) weighed 1:1 in a published
   * model, objectives O1 and O2 of weight 1, and projects A and B scoring 5 on value, linked with
   * strength 3 to O1 and O2: each scores 1 × 0.5 + 3·1 ÷ (3·2) × 0.5 = 0.75.
   */
  async function makeAlignedOrganization() {
    const { admin, makeUser } = await makeOrganization();
    const exec = await makeUser("executive");
    const valueC = await makeCriterion(admin, { key: "value" });
    await makeCriterion(admin, { key: "align", source: "alignment" });
    const o1 = await makeObjective(admin, { code: "O1", weight: 1 });
    const o2 = await makeObjective(admin, { code: "O2", weight: 1 });
    const pf = await makePortfolio(t, admin);
    const a = await makeProject(t, pf.id, {}, admin);
    const b = await makeProject(t, pf.id, {}, admin);
    for (const [p, o] of [
      [a, o1],
      [b, o2],
    ] as const) {
      await ok(
        t.call(admin, "PUT", `/api/v1/projects/${p.id}/scores`, { scores: [{ criterionId: valueC.id, value: 5 }] }),
      );
      await ok(
        t.call(admin, "PUT", `/api/v1/projects/${p.id}/objective-links`, {
          links: [{ objectiveId: o.id, strength: 3 }],
        }),
      );
    }
    const s = await openSession(admin, [exec]);
    await ok(judge(exec, s.id, [{ a: s.idOf("value"), b: s.idOf("align"), value: 1 }]));
    await post(admin, "/api/v1/strategy/scoring-models", { sessionIds: [s.id] });
    /** Checks that each project's own priority (score, rank, version) is its row of the ranking. */
    const expectPriorityAsRanked = async (when: string, projectIds: string[]) => {
      const ranking = await ok<Ranking>(t.call(admin, "GET", "/api/v1/strategy/ranking"));
      for (const id of projectIds) {
        const row = ranking.rows.find((r) => r.projectId === id);
        expect(row, when).toBeDefined();
        const { priority } = await ok<ProjectStrategy>(t.call(admin, "GET", `/api/v1/projects/${id}/strategy`));
        expect(
          { score: priority?.score.toFixed(9), rank: priority?.rank, modelVersion: priority?.modelVersion },
          `${when}: project ${row?.code}`,
        ).toEqual({ score: row?.score.toFixed(9), rank: row?.rank, modelVersion: 1 });
      }
      return ranking;
    };
    return { admin, pf, a, b, o1, expectPriorityAsRanked };
  }

  it("shows a project's priority under the active model as the ranking does after an objective's weight changes", async () => {
    const { admin, a, b, o1, expectPriorityAsRanked } = await makeAlignedOrganization();
    const tied = await expectPriorityAsRanked("after publishing", [a.id, b.id]);
    expect(tied.rows.map((r) => r.score.toFixed(9))).toEqual(["0.750000000", "0.750000000"]);

    // O1 now weighs 3 of 4: A = 0.5 + 0.5 × 9/12 = 0.875, B = 0.5 + 0.5 × 3/12 = 0.625.
    await ok(t.call(admin, "PATCH", `/api/v1/strategy/objectives/${o1.id}`, { version: o1.version, weight: 3 }));
    const moved = await expectPriorityAsRanked("after an objective's weight changed", [a.id, b.id]);
    expect(moved.rows.map((r) => [r.code, r.score.toFixed(9)])).toEqual([
      [a.code, "0.875000000"],
      [b.code, "0.625000000"],
    ]);
  });

  it("shows a priority under the active model for a project added after the model was published", async () => {
    const { admin, pf, expectPriorityAsRanked } = await makeAlignedOrganization();
    const late = await makeProject(t, pf.id, {}, admin);
    const ranking = await expectPriorityAsRanked("for a project added after publishing", [late.id]);
    expect(ranking.rows.find((r) => r.projectId === late.id)).toMatchObject({ score: 0, rank: 3 });
  });

  it("weighs sub-criteria with their own prioritization: global weights are the product of local weights", async () => {
    const { admin, makeUser } = await makeOrganization();
    const exec = await makeUser("executive");
    const valueC = await makeCriterion(admin, { key: "value" });
    await makeCriterion(admin, { key: "cost", higherIsBetter: false });
    await makeCriterion(admin, { key: "revenue", parentId: valueC.id });
    await makeCriterion(admin, { key: "market", parentId: valueC.id });

    const root = await openSession(admin, [exec]);
    expect(root.criteria.map((c) => c.key)).toEqual(["cost", "value"]);
    await ok(judge(exec, root.id, [{ a: root.idOf("value"), b: root.idOf("cost"), value: 3 }]));
    const sub = await openSession(admin, [exec], valueC.id);
    expect(sub.criteria.map((c) => c.key)).toEqual(["market", "revenue"]);
    await ok(judge(exec, sub.id, [{ a: sub.idOf("revenue"), b: sub.idOf("market"), value: 4 }]));

    const model = await post<Model>(admin, "/api/v1/strategy/scoring-models", { sessionIds: [sub.id, root.id] });
    const byKey = Object.fromEntries(model.weights.map((w) => [w.key, w]));
    expect(byKey.value?.localWeight).toBeCloseTo(0.75, 12);
    expect(byKey.cost?.localWeight).toBeCloseTo(0.25, 12);
    expect(byKey.revenue?.localWeight).toBeCloseTo(0.8, 12);
    expect(byKey.market?.localWeight).toBeCloseTo(0.2, 12);
    for (const child of ["revenue", "market"]) {
      expect(byKey[child]?.parentId).toBe(valueC.id);
      expect(byKey[child]?.globalWeight, child).toBeCloseTo(
        (byKey[child]?.localWeight as number) * (byKey.value?.globalWeight as number),
        12,
      );
    }
    expect(byKey.revenue?.globalWeight).toBeCloseTo(0.6, 12);
    expect(byKey.market?.globalWeight).toBeCloseTo(0.15, 12);
    const leaves = ["cost", "market", "revenue"].map((k) => byKey[k]?.globalWeight as number);
    expect(leaves.reduce((s, w) => s + w, 0)).toBeCloseTo(1, 12);

    const pf = await makePortfolio(t, admin);
    const p = await makeProject(t, pf.id, {}, admin);
    await makeProject(t, pf.id, {}, admin);
    await ok(
      t.call(admin, "PUT", `/api/v1/projects/${p.id}/scores`, {
        scores: [{ criterionId: byKey.revenue?.criterionId, value: 5 }],
      }),
    );
    const ranking = await ok<Ranking>(t.call(admin, "GET", "/api/v1/strategy/ranking"));
    const row = ranking.rows.find((r) => r.projectId === p.id);
    expect(row?.breakdown.map((x) => x.key).sort()).toEqual(["cost", "market", "revenue"]);
    expect(row?.score).toBeCloseTo(0.6, 12);

    const sensitivity = await ok<{
      delta: number;
      criteria: { key: string; up: { projectId: string }[]; down: { projectId: string }[] }[];
    }>(t.call(admin, "GET", "/api/v1/strategy/ranking/sensitivity?delta=0.2"));
    expect(sensitivity.delta).toBe(0.2);
    expect(sensitivity.criteria.map((c) => c.key).sort()).toEqual(["cost", "market", "revenue"]);
    for (const c of sensitivity.criteria) {
      expect(c.up, c.key).toHaveLength(2);
      expect(c.down, c.key).toHaveLength(2);
    }
  });

  it("refuses project scores outside the criterion's scale (naming scores.N.value) and scores for a criterion derived from data", async () => {
    const { admin } = await makeOrganization();
    const valueC = await makeCriterion(admin, { key: "value" });
    const riskC = await makeCriterion(admin, { key: "risk", scaleMin: 1, scaleMax: 10 });
    const alignC = await makeCriterion(admin, { key: "align", source: "alignment" });
    const pf = await makePortfolio(t, admin);
    const p = await makeProject(t, pf.id, {}, admin);
    const put = (scores: unknown[]) => t.call(admin, "PUT", `/api/v1/projects/${p.id}/scores`, { scores });

    const cases: [string, unknown[], string[]][] = [
      [
        "above the scale",
        [
          { criterionId: valueC.id, value: 5 },
          { criterionId: riskC.id, value: 11 },
        ],
        ["scores.1.value"],
      ],
      ["below the scale", [{ criterionId: riskC.id, value: 0 }], ["scores.0.value"]],
      ["below zero", [{ criterionId: valueC.id, value: -1 }], ["scores.0.value"]],
      ["an alignment criterion", [{ criterionId: alignC.id, value: 3 }], ["scores.0.criterionId"]],
    ];
    for (const [what, scores, expected] of cases) {
      const res = await put(scores);
      expect(res.statusCode, what).toBe(400);
      expect(paths(res), what).toEqual(expected);
    }
    const saved = await ok<{ scores: { criterionId: string; value: number }[] }>(
      put([
        { criterionId: valueC.id, value: 0 },
        { criterionId: riskC.id, value: 10 },
      ]),
    );
    expect(saved.scores.map((s) => [s.criterionId, s.value]).sort()).toEqual(
      [
        [valueC.id, 0],
        [riskC.id, 10],
      ].sort(),
    );
  });

  it("splits linked spend over objectives (shares sum to 1) and flags a big mismatch with the objectives' weights", async () => {
    const { admin } = await makeOrganization();
    const growth = await makeObjective(admin, { code: "GROW", weight: 3 });
    const run = await makeObjective(admin, { code: "RUN", weight: 1 });
    const idle = await makeObjective(admin, { code: "IDLE", weight: 0 });
    await makeObjective(admin, { code: "OLD", weight: 5, status: "retired" });
    const pf = await makePortfolio(t, admin);
    const budget = (cents: number) => ({ budget: [{ period: "2027-01", expenseType: "opex", amountCents: cents }] });
    const keepTheLights = await makeProject(t, pf.id, budget(9_000_000), admin);
    const shared = await makeProject(t, pf.id, budget(1_000_000), admin);
    await makeProject(t, pf.id, budget(1_000_000), admin); // unlinked
    const link = (projectId: string, links: { objectiveId: string; strength: number }[]) =>
      ok(t.call(admin, "PUT", `/api/v1/projects/${projectId}/objective-links`, { links }));
    await link(keepTheLights.id, [{ objectiveId: run.id, strength: 3 }]);
    await link(shared.id, [
      { objectiveId: growth.id, strength: 2 },
      { objectiveId: run.id, strength: 2 },
      { objectiveId: idle.id, strength: 0 },
    ]);

    const spend = await ok<{
      objectives: {
        code: string;
        weightShare: number;
        spendCents: number;
        spendShare: number;
        mismatch: number;
        flagged: boolean;
      }[];
      unlinkedSpendCents: number;
      totalSpendCents: number;
    }>(t.call(admin, "GET", "/api/v1/strategy/spend"));
    expect(spend.totalSpendCents).toBe(11_000_000);
    expect(spend.unlinkedSpendCents).toBe(1_000_000);
    const byCode = Object.fromEntries(spend.objectives.map((o) => [o.code, o]));
    expect(Object.keys(byCode).sort()).toEqual(["GROW", "IDLE", "RUN"]);
    expect(spend.objectives.reduce((s, o) => s + o.spendShare, 0)).toBeCloseTo(1, 12);
    expect(spend.objectives.reduce((s, o) => s + o.spendCents, 0)).toBe(10_000_000);
    expect(byCode.GROW).toMatchObject({ spendCents: 500_000, weightShare: 0.75, flagged: true });
    expect(byCode.GROW?.mismatch).toBeCloseTo(0.05 - 0.75, 12);
    expect(byCode.RUN).toMatchObject({ spendCents: 9_500_000, weightShare: 0.25, flagged: true });
    expect(byCode.RUN?.mismatch).toBeCloseTo(0.95 - 0.25, 12);
    expect(byCode.IDLE).toMatchObject({ spendCents: 0, spendShare: 0, weightShare: 0, mismatch: 0, flagged: false });
  });
});
