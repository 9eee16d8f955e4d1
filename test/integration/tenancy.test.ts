import { sql } from "kysely";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestApp, PASSWORD, type TestApp, type TestUser } from "../helpers/app.js";
import { describeEachEngine } from "../helpers/engines.js";
import { makePortfolio, makeProject, projectBody } from "../helpers/factories.js";

/**
 * Two organizations in one database: nothing of one may be seen, changed or referenced from the
 * other. Another organization's records are "not found" (404), never "forbidden" (403), so their
 * existence does not leak.
 */

const SESSION_COOKIE = "tl_session";

type OrgData = {
  organizationId: string;
  admin: TestUser;
  pm: TestUser;
  member: TestUser;
  portfolioId: string;
  programId: string;
  projectIds: string[];
  tokenId: string;
  sessionCookie: string;
  categoryKey: string;
  resourceRoleKey: string;
  word: string;
  objectiveIds: string[];
  goalIds: string[];
  criterionIds: string[];
  sessionId: string;
  modelId: string;
  meetingId: string;
  agendaItemId: string;
  decisionId: string;
  actionItemId: string;
};

type Page<T> = { items: T[]; nextCursor?: string | null };

type Response = { statusCode: number; body: string; json(): unknown };
async function ok<T>(response: Response | PromiseLike<Response>, status = 200): Promise<T> {
  const res = await response;
  if (res.statusCode !== status) throw new Error(`expected ${status}, got ${res.statusCode}: ${res.body}`);
  return res.json() as T;
}

const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
/** The month `offset` months from this one, `YYYY-MM`. */
const month = (offset: number) => {
  const d = new Date();
  const i = d.getUTCFullYear() * 12 + d.getUTCMonth() + offset;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`;
};

/**
 * Fills an organization through its admin's API with one of everything: people, reference data,
 * a portfolio, a program, projects with budget, demand, a dependency and a team, an archived
 * project, an API token and a session; objectives, goals with check-ins, criteria, a
 * prioritization with judgments, a scoring model, project scores and objective links; a meeting
 * with attendees and an agenda, a decision and an action item. Both organizations use the same
 * names, codes and keys on purpose, so a query that forgets organization_id finds the other one's
 * record.
 */
async function seedOrganization(t: TestApp, admin: TestUser, organizationId: string, label: string): Promise<OrgData> {
  const pm = await t.makeUser("project_manager", organizationId);
  const member = await t.makeUser("member", organizationId);
  const word = `${label}word`;
  const categoryKey = `cat-${label}`;
  const resourceRoleKey = `role-${label}`;
  for (const key of [categoryKey, "shared-cat"])
    await ok(await t.call(admin, "POST", "/api/v1/categories", { key, name: key }), 201);
  for (const key of [resourceRoleKey, "shared-role"])
    await ok(await t.call(admin, "POST", "/api/v1/resource-roles", { key, name: key }), 201);
  const portfolio = await makePortfolio(t, admin, { name: "Same portfolio name", ownerId: pm.id });
  const program = await ok<{ id: string }>(
    await t.call(admin, "POST", "/api/v1/programs", {
      portfolioId: portfolio.id,
      name: "Same program name",
      managerId: pm.id,
    }),
    201,
  );
  const common = {
    description: `sharedword ${word}`,
    programId: program.id,
    managerId: pm.id,
    sponsorId: admin.id,
    team: [{ userId: member.id }],
    demand: [
      { roleKey: "developer", period: "2027-01", hours: 120 },
      { roleKey: "shared-role", period: "2027-02", hours: 16 },
    ],
  };
  const first = await makeProject(t, portfolio.id, { ...common, code: "SAME-1" }, admin);
  const second = await makeProject(
    t,
    portfolio.id,
    { ...common, code: "SAME-2", dependencies: [{ dependsOnId: first.id }] },
    admin,
  );
  const third = await makeProject(t, portfolio.id, { ...common, code: "SAME-3", category: categoryKey }, admin);
  await ok(
    await t.call(admin, "POST", `/api/v1/projects/${third.id}/archive`, { version: third.version, archived: true }),
  );
  await ok(
    await t.call(admin, "PATCH", `/api/v1/projects/${first.id}`, {
      version: first.version,
      name: `Renamed in ${label}`,
    }),
  );
  const token = await ok<{ token: { id: string } }>(
    await t.call(admin, "POST", "/api/v1/tokens", { name: `token of ${label}` }),
    201,
  );
  const signIn = await t.app.inject({
    method: "POST",
    url: "/api/v1/auth/sign-in",
    payload: { email: admin.email, password: PASSWORD },
  });
  const cookie = signIn.cookies.find((c) => c.name === SESSION_COOKIE);
  if (signIn.statusCode !== 200 || !cookie) throw new Error(`sign-in failed: ${signIn.body}`);

  // Strategy.
  type Made = { id: string; version: number };
  const post = async <T = Made>(url: string, body: unknown, method: "POST" | "PUT" = "POST") =>
    ok<T>(await t.call(admin, method, url, body), method === "POST" ? 201 : 200);
  const objective = await post("/api/v1/strategy/objectives", {
    code: "SAME-O",
    title: "Same objective",
    horizonStart: "2027-01",
    horizonEnd: "2028-12",
    weight: 2,
    ownerId: pm.id,
  });
  const subObjective = await post("/api/v1/strategy/objectives", {
    code: "SAME-O.1",
    title: "Same sub-objective",
    parentId: objective.id,
    horizonStart: "2027-01",
    horizonEnd: "2027-12",
  });
  const goalFields = {
    metricName: "Net promoter score",
    unit: "points",
    baselineValue: 20,
    baselineDate: isoDay(-60),
    targetValue: 40,
    targetDate: isoDay(300),
  };
  const goal = await post("/api/v1/strategy/goals", {
    ...goalFields,
    title: "Same goal: net promoter score 40",
    objectiveId: objective.id,
    ownerId: pm.id,
  });
  const projectGoal = await post("/api/v1/strategy/goals", {
    ...goalFields,
    title: "Same project goal",
    level: "project",
    projectId: first.id,
    ownerId: member.id,
  });
  await post(`/api/v1/strategy/goals/${goal.id}/check-ins`, { date: isoDay(-30), value: 24 });
  await post(`/api/v1/strategy/goals/${goal.id}/check-ins`, { date: isoDay(0), value: 27 });
  await post(`/api/v1/strategy/goals/${projectGoal.id}/check-ins`, { date: isoDay(0), value: 21 });
  const value = await post("/api/v1/strategy/criteria", { key: "value", name: "Business value" });
  const align = await post("/api/v1/strategy/criteria", { key: "align", name: "Alignment", source: "alignment" });
  const risk = await post("/api/v1/strategy/criteria", { key: "risk", name: "Low risk", scaleMin: 1, scaleMax: 10 });
  const session = await post<{ id: string; criteria: { id: string }[] }>("/api/v1/strategy/prioritizations", {
    name: "Same prioritization",
    participantIds: [admin.id],
  });
  const [c0, c1, c2] = session.criteria.map((c) => c.id) as [string, string, string];
  await post(
    `/api/v1/strategy/prioritizations/${session.id}/judgments`,
    {
      judgments: [
        { a: c0, b: c1, value: 2 },
        { a: c0, b: c2, value: 4 },
        { a: c1, b: c2, value: 2 },
      ],
      submit: true,
    },
    "PUT",
  );
  for (const [project, scores] of [
    [first, [3, 7]],
    [second, [5, 2]],
  ] as const) {
    await post(
      `/api/v1/projects/${project.id}/scores`,
      {
        scores: [
          { criterionId: value.id, value: scores[0] },
          { criterionId: risk.id, value: scores[1] },
        ],
      },
      "PUT",
    );
  }
  await post(
    `/api/v1/projects/${first.id}/objective-links`,
    { links: [{ objectiveId: objective.id, strength: 3 }] },
    "PUT",
  );
  await post(
    `/api/v1/projects/${second.id}/objective-links`,
    {
      links: [
        { objectiveId: objective.id, strength: 1 },
        { objectiveId: subObjective.id, strength: 2 },
      ],
    },
    "PUT",
  );
  const model = await post("/api/v1/strategy/scoring-models", { sessionIds: [session.id] });

  // Meetings.
  const meeting = await post<{ id: string; agenda: { id: string }[] }>("/api/v1/meetings", {
    title: "Same steering committee",
    type: "steering_committee",
    startsAt: "2027-03-04T09:00:00+01:00",
    attendees: [{ userId: pm.id, attendance: "attended" }, { userId: member.id }],
  });
  const withAgenda = await post<{ agenda: { id: string }[] }>(`/api/v1/meetings/${meeting.id}/agenda-items`, {
    title: `sharedword ${word}`,
    refType: "project",
    refId: first.id,
  });
  const agendaItemId = withAgenda.agenda[0]?.id as string;
  const decision = await post("/api/v1/decisions", {
    meetingId: meeting.id,
    agendaItemId,
    kind: "approve",
    title: `sharedword ${word}`,
    decidedBy: [admin.id],
  });
  const action = await post("/api/v1/action-items", {
    decisionId: decision.id,
    title: `sharedword ${word}`,
    ownerId: member.id,
    dueDate: "2099-12-31",
  });

  // Benefits: a category of its own, review offsets of its own, two benefits with profiles, links,
  // measurements, a risk, a corrective action and a hand-over; a business case; a business change
  // on the map; a project closed so that reviews are scheduled, one of them filled in.
  const benefitCategory = `bc-${label}`;
  await post("/api/v1/benefit-categories", { key: benefitCategory, name: `Benefits of ${label}` });
  await post("/api/v1/benefit-settings", { pirOffsetsMonths: label === "alpha" ? [3, 6] : [3, 12] }, "PUT");
  const closing = await makeProject(
    t,
    portfolio.id,
    {
      code: "SAME-4",
      programId: program.id,
      managerId: pm.id,
      sponsorId: admin.id,
      plannedStart: `${month(-10)}-01`,
      plannedEnd: `${month(-1)}-28`,
      budget: [],
      demand: [],
    },
    admin,
  );
  const benefitFields = {
    title: "Same benefit",
    description: "Claims clerks settle simple claims in one touch, so customers are paid within days.",
    type: "quantifiable",
    responsibleOwnerId: pm.id,
    accountableOwnerId: admin.id,
    kpiName: "Claims settled per week",
    unit: "claims",
    method: "Count of settled claims in the claims system",
    dataSource: "Claims system weekly report",
    baselineValue: 100,
    baselineDate: `${month(-12)}-01`,
    targetValue: 200,
    targetDate: `${month(12)}-01`,
  };
  const benefit = await post("/api/v1/benefits", {
    ...benefitFields,
    code: "SAME-B1",
    category: benefitCategory,
    projectIds: [closing.id, first.id],
    objectives: [{ objectiveId: objective.id, weight: 0.5 }],
    profile: { kind: "linear", start: month(-12) },
  });
  const otherBenefit = await post("/api/v1/benefits", {
    ...benefitFields,
    code: "SAME-B2",
    category: "customer",
    projectIds: [second.id],
    objectives: [{ objectiveId: subObjective.id, weight: 1 }],
    profile: {
      kind: "manual",
      points: [
        { period: month(-1), planned: 110 },
        { period: month(6), planned: 150 },
      ],
    },
  });
  await post(`/api/v1/benefits/${benefit.id}/measurements`, { period: month(-2), value: 120 });
  await post(`/api/v1/benefits/${benefit.id}/measurements`, { period: month(-1), value: 125 });
  await post(`/api/v1/benefits/${otherBenefit.id}/measurements`, { period: month(-1), value: 105 });
  await post(`/api/v1/benefits/${benefit.id}/risks`, { title: "Same risk", probability: 0.5, impactPct: 40 });
  await post("/api/v1/corrective-actions", {
    benefitId: benefit.id,
    title: `sharedword ${word}`,
    ownerId: pm.id,
    dueDate: isoDay(30),
  });
  await ok(
    await t.call(admin, "POST", `/api/v1/benefits/${benefit.id}/handover`, {
      toUserId: member.id,
      projectId: closing.id,
      remaining: "The second half of the uplift",
    }),
  );
  await post(
    `/api/v1/projects/${first.id}/business-case`,
    {
      version: null,
      discountRate: 0.08,
      firstYear: 2027,
      flows: [
        { year: 2027, costsCents: 4_000_000, benefitsCents: 0 },
        { year: 2028, costsCents: 0, benefitsCents: 2_500_000 },
        { year: 2029, costsCents: 0, benefitsCents: 3_000_000 },
      ],
    },
    "PUT",
  );
  await post("/api/v1/benefit-map/changes", {
    label: "Same business change",
    ownerId: pm.id,
    benefitIds: [benefit.id],
    projectIds: [first.id],
  });
  let closingVersion = closing.version;
  for (const status of ["approved", "active", "closed"]) {
    const res = await ok<{ version: number }>(
      await t.call(admin, "PATCH", `/api/v1/projects/${closing.id}`, { version: closingVersion, status }),
    );
    closingVersion = res.version;
  }
  const reviews = await ok<{ items: { id: string; version: number }[] }>(
    await t.call(admin, "GET", `/api/v1/pirs?projectId=${closing.id}`),
  );
  const review = reviews.items[0];
  if (!review) throw new Error("no post-implementation review was scheduled");
  await ok(
    await t.call(admin, "PATCH", `/api/v1/pirs/${review.id}`, {
      version: review.version,
      rating: 4,
      items: [{ benefitId: benefit.id, comment: `sharedword ${word}` }],
    }),
  );

  // Portfolio selection: a scenario solved once.
  const scenario = await post("/api/v1/scenarios", {
    name: "Same scenario",
    portfolioId: portfolio.id,
    firstMonth: "2027-01",
    horizonMonths: 6,
    valueSource: "custom",
    candidates: [
      { projectId: first.id, customValue: 5 },
      { projectId: second.id, customValue: 3 },
    ],
    solver: { timeLimitSeconds: 10, gapPct: 0, explain: false },
  });
  const run = await ok<{ id: string }>(await t.call(admin, "POST", `/api/v1/scenarios/${scenario.id}/runs`, {}), 202);
  await t.services.selection.waitForRun(run.id);

  return {
    organizationId,
    admin,
    pm,
    member,
    portfolioId: portfolio.id,
    programId: program.id,
    projectIds: [first.id, second.id, third.id],
    tokenId: token.token.id,
    sessionCookie: cookie.value,
    categoryKey,
    resourceRoleKey,
    word,
    objectiveIds: [objective.id, subObjective.id],
    goalIds: [goal.id, projectGoal.id],
    criterionIds: [value.id, align.id, risk.id],
    sessionId: session.id,
    modelId: model.id,
    meetingId: meeting.id,
    agendaItemId,
    decisionId: decision.id,
    actionItemId: action.id,
  };
}

/** Every item of a paginated list endpoint. */
async function listAll<T>(t: TestApp, user: TestUser, url: string): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | null | undefined;
  do {
    const sep = url.includes("?") ? "&" : "?";
    const page = await ok<Page<T>>(
      await t.call(user, "GET", `${url}${sep}limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`),
    );
    out.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

const ids = (items: { id: string }[]) => items.map((i) => i.id);
const fieldPaths = (res: { json(): unknown }) =>
  ((res.json() as { errors?: { path: string }[] }).errors ?? []).map((e) => e.path);

describeEachEngine("tenancy: organizations are isolated", (engine) => {
  let t: TestApp;
  let a: OrgData;
  let b: OrgData;

  beforeAll(async () => {
    t = await createTestApp(engine);
    const other = await t.services.identity.createOrganization("Other");
    const otherAdmin = await t.makeUser("admin", other.id);
    a = await seedOrganization(t, t.admin, t.organizationId, "alpha");
    b = await seedOrganization(t, otherAdmin, other.id, "beta");
  });
  afterAll(async () => t.close());

  it("another organization's admin gets 404, not 403, for this organization's projects, portfolios, programs, users and tokens", async () => {
    const [projectId] = a.projectIds as [string];
    const before = await ok<{ version: number; name: string }>(
      await t.call(a.admin, "GET", `/api/v1/projects/${projectId}`),
    );
    const portfolio = await ok<{ version: number }>(
      await t.call(a.admin, "GET", `/api/v1/portfolios/${a.portfolioId}`),
    );
    const program = await ok<{ version: number }>(await t.call(a.admin, "GET", `/api/v1/programs/${a.programId}`));
    const attempts: [string, string, unknown?][] = [
      ["GET", `/api/v1/projects/${projectId}`],
      ["PATCH", `/api/v1/projects/${projectId}`, { version: before.version, name: "Taken over" }],
      ["POST", `/api/v1/projects/${projectId}/archive`, { version: before.version, archived: true }],
      ["GET", `/api/v1/projects/${projectId}/history`],
      ["GET", `/api/v1/portfolios/${a.portfolioId}`],
      ["PATCH", `/api/v1/portfolios/${a.portfolioId}`, { version: portfolio.version, name: "Taken over" }],
      ["POST", `/api/v1/portfolios/${a.portfolioId}/archive`, { version: portfolio.version, archived: true }],
      ["GET", `/api/v1/programs/${a.programId}`],
      ["PATCH", `/api/v1/programs/${a.programId}`, { version: program.version, name: "Taken over" }],
      ["POST", `/api/v1/programs/${a.programId}/archive`, { version: program.version, archived: true }],
      ["DELETE", `/api/v1/tokens/${a.tokenId}`],
      ["PATCH", `/api/v1/users/${a.member.id}`, { version: 1, role: "admin" }],
    ];
    const wrong: string[] = [];
    for (const [method, url, body] of attempts) {
      const res = await t.call(b.admin, method as "GET", url, body);
      if (res.statusCode !== 404 || res.json().code !== "not_found") wrong.push(`${method} ${url}: ${res.statusCode}`);
    }
    expect(wrong).toEqual([]);

    // Nothing changed in organization A.
    const after = await ok<{ version: number; name: string; archivedAt: string | null }>(
      await t.call(a.admin, "GET", `/api/v1/projects/${projectId}`),
    );
    expect(after).toMatchObject({ version: before.version, name: before.name, archivedAt: null });
    expect(
      (await ok<{ version: number }>(await t.call(a.admin, "GET", `/api/v1/portfolios/${a.portfolioId}`))).version,
    ).toBe(portfolio.version);
    expect(
      (await ok<{ version: number }>(await t.call(a.admin, "GET", `/api/v1/programs/${a.programId}`))).version,
    ).toBe(program.version);
    const tokens = await ok<Page<{ id: string; revokedAt: string | null }>>(
      await t.call(a.admin, "GET", "/api/v1/tokens?all=true"),
    );
    expect(tokens.items.find((i) => i.id === a.tokenId)?.revokedAt).toBeNull();
    expect((await ok<{ role: string }>(await t.call(a.member, "GET", "/api/v1/me"))).role).toBe("member");
  });

  it("another organization's admin gets 404, not 403, for this organization's strategy and meeting records, and changes nothing", async () => {
    const [projectId] = a.projectIds as [string];
    const [objectiveId] = a.objectiveIds as [string];
    const [goalId] = a.goalIds as [string];
    const [criterionId, , otherCriterionId] = a.criterionIds as [string, string, string];
    const read = async <T>(url: string) => ok<T>(t.call(a.admin, "GET", url));
    type Versioned = { version: number };
    const snapshot = async () => ({
      objective: await read<Versioned>(`/api/v1/strategy/objectives/${objectiveId}`),
      goal: await read<Versioned>(`/api/v1/strategy/goals/${goalId}`),
      checkIns: await read<Page<unknown>>(`/api/v1/strategy/goals/${goalId}/check-ins`),
      criteria: await read<Page<unknown>>("/api/v1/strategy/criteria"),
      session: await read<unknown>(`/api/v1/strategy/prioritizations/${a.sessionId}`),
      strategy: await read<unknown>(`/api/v1/projects/${projectId}/strategy`),
      meeting: await read<Versioned>(`/api/v1/meetings/${a.meetingId}`),
      decision: await read<Versioned>(`/api/v1/decisions/${a.decisionId}`),
      action: await read<Versioned>(`/api/v1/action-items/${a.actionItemId}`),
    });
    const before = await snapshot();
    const criterion = (before.criteria.items as { id: string; version: number }[]).find((c) => c.id === criterionId);
    const attempts: [string, string, unknown?][] = [
      ["GET", `/api/v1/strategy/objectives/${objectiveId}`],
      ["PATCH", `/api/v1/strategy/objectives/${objectiveId}`, { version: before.objective.version, title: "Taken" }],
      ["GET", `/api/v1/strategy/goals/${goalId}`],
      ["PATCH", `/api/v1/strategy/goals/${goalId}`, { version: before.goal.version, title: "Taken over" }],
      ["GET", `/api/v1/strategy/goals/${goalId}/check-ins`],
      ["POST", `/api/v1/strategy/goals/${goalId}/check-ins`, { date: isoDay(0), value: 99 }],
      ["PATCH", `/api/v1/strategy/criteria/${criterionId}`, { version: criterion?.version, name: "Taken over" }],
      ["GET", `/api/v1/strategy/prioritizations/${a.sessionId}`],
      [
        "PUT",
        `/api/v1/strategy/prioritizations/${a.sessionId}/judgments`,
        { judgments: [{ a: criterionId, b: otherCriterionId, value: 9 }], submit: false },
      ],
      ["POST", `/api/v1/strategy/prioritizations/${a.sessionId}/close`],
      ["GET", `/api/v1/strategy/ranking?modelId=${a.modelId}`],
      ["GET", `/api/v1/projects/${projectId}/strategy`],
      ["PUT", `/api/v1/projects/${projectId}/scores`, { scores: [] }],
      ["PUT", `/api/v1/projects/${projectId}/objective-links`, { links: [] }],
      ["GET", `/api/v1/meetings/${a.meetingId}`],
      ["PATCH", `/api/v1/meetings/${a.meetingId}`, { version: before.meeting.version, title: "Taken over" }],
      ["GET", `/api/v1/meetings/${a.meetingId}/minutes.md`],
      ["GET", `/api/v1/meetings/${a.meetingId}/invite.ics`],
      ["POST", `/api/v1/meetings/${a.meetingId}/agenda-items`, { title: "Taken over" }],
      [
        "PATCH",
        `/api/v1/meetings/${a.meetingId}/agenda-items/${a.agendaItemId}`,
        { version: before.meeting.version, title: "Taken over" },
      ],
      ["DELETE", `/api/v1/meetings/${a.meetingId}/agenda-items/${a.agendaItemId}?version=${before.meeting.version}`],
      ["GET", `/api/v1/decisions/${a.decisionId}`],
      ["PATCH", `/api/v1/decisions/${a.decisionId}`, { version: before.decision.version, title: "Taken over" }],
      ["GET", `/api/v1/projects/${projectId}/decisions`],
      ["GET", `/api/v1/action-items/${a.actionItemId}`],
      ["PATCH", `/api/v1/action-items/${a.actionItemId}`, { version: before.action.version, status: "done" }],
    ];
    const wrong: string[] = [];
    for (const [method, url, body] of attempts) {
      const res = await t.call(b.admin, method as "GET", url, body);
      const code = res.headers["content-type"]?.toString().includes("json") ? res.json().code : undefined;
      if (res.statusCode !== 404 || code !== "not_found") wrong.push(`${method} ${url}: ${res.statusCode}`);
    }
    expect(wrong).toEqual([]);
    expect(await snapshot()).toEqual(before);
  });

  it("strategy and meeting records cannot reference another organization's records (400 naming the field)", async () => {
    const [aProject] = a.projectIds as [string];
    const [bProject] = b.projectIds as [string];
    const [aObjective] = a.objectiveIds as [string];
    const [aCriterion] = a.criterionIds as [string];
    const cases: [string, string, string, unknown, string][] = [
      [
        "objective under A's objective",
        "POST",
        "/api/v1/strategy/objectives",
        { code: "X-1", title: "X", horizonStart: "2027-01", horizonEnd: "2027-12", parentId: aObjective },
        "parentId",
      ],
      [
        "objective owned by A's user",
        "POST",
        "/api/v1/strategy/objectives",
        { code: "X-2", title: "X", horizonStart: "2027-01", horizonEnd: "2027-12", ownerId: a.pm.id },
        "ownerId",
      ],
      [
        "goal on A's objective",
        "POST",
        "/api/v1/strategy/goals",
        { title: "X goal", objectiveId: aObjective },
        "objectiveId",
      ],
      [
        "goal on A's project",
        "POST",
        "/api/v1/strategy/goals",
        { title: "X goal", level: "project", projectId: aProject },
        "projectId",
      ],
      ["goal owned by A's user", "POST", "/api/v1/strategy/goals", { title: "X goal", ownerId: a.pm.id }, "ownerId"],
      [
        "criterion under A's criterion",
        "POST",
        "/api/v1/strategy/criteria",
        { key: "x", name: "X", parentId: aCriterion },
        "parentId",
      ],
      [
        "prioritization of A's criterion",
        "POST",
        "/api/v1/strategy/prioritizations",
        { name: "X", parentCriterionId: aCriterion, participantIds: [b.admin.id] },
        "parentCriterionId",
      ],
      [
        "prioritization inviting A's user",
        "POST",
        "/api/v1/strategy/prioritizations",
        { name: "X", participantIds: [a.pm.id] },
        "participantIds.0",
      ],
      [
        "scoring model from A's prioritization",
        "POST",
        "/api/v1/strategy/scoring-models",
        { sessionIds: [a.sessionId] },
        "sessionIds.0",
      ],
      [
        "score on A's criterion",
        "PUT",
        `/api/v1/projects/${bProject}/scores`,
        { scores: [{ criterionId: aCriterion, value: 1 }] },
        "scores.0.criterionId",
      ],
      [
        "link to A's objective",
        "PUT",
        `/api/v1/projects/${bProject}/objective-links`,
        { links: [{ objectiveId: aObjective, strength: 2 }] },
        "links.0.objectiveId",
      ],
      [
        "meeting attended by A's user",
        "POST",
        "/api/v1/meetings",
        { title: "X", type: "other", startsAt: "2027-03-04T09:00:00Z", attendees: [{ userId: a.pm.id }] },
        "attendees.0.userId",
      ],
      [
        "action item owned by A's user",
        "POST",
        "/api/v1/action-items",
        { title: "X", ownerId: a.member.id, dueDate: "2099-12-31" },
        "ownerId",
      ],
    ];
    const wrong: string[] = [];
    for (const [what, method, url, body, path] of cases) {
      const res = await t.call(b.admin, method as "POST", url, body);
      if (res.statusCode !== 400 || !fieldPaths(res).includes(path))
        wrong.push(`${what}: ${res.statusCode} ${res.body.slice(0, 200)}`);
    }
    expect(wrong).toEqual([]);
  });

  it("lists never include the other organization's projects, portfolios, programs, users, audit events or tokens", async () => {
    for (const [self, other] of [
      [a, b],
      [b, a],
    ] as const) {
      const as = self.admin;
      const lists: Record<string, string[]> = {
        projects: ids(await listAll(t, as, "/api/v1/projects?archived=include")),
        portfolios: ids(await listAll(t, as, "/api/v1/portfolios?archived=include")),
        programs: ids(await listAll(t, as, "/api/v1/programs?archived=include")),
        users: ids((await ok<Page<{ id: string }>>(await t.call(as, "GET", "/api/v1/users"))).items),
        audit: ids(await listAll(t, as, "/api/v1/audit")),
        tokens: ids((await ok<Page<{ id: string }>>(await t.call(as, "GET", "/api/v1/tokens?all=true"))).items),
      };
      const own = {
        projects: self.projectIds,
        portfolios: [self.portfolioId],
        programs: [self.programId],
        users: [self.admin.id, self.pm.id, self.member.id],
        tokens: [self.tokenId],
      };
      const foreign = {
        projects: other.projectIds,
        portfolios: [other.portfolioId],
        programs: [other.programId],
        users: [other.admin.id, other.pm.id, other.member.id],
        tokens: [other.tokenId],
      };
      for (const [name, theirs] of Object.entries(foreign)) {
        expect(lists[name], `${name} of ${self.word}`).toEqual(expect.arrayContaining(own[name as keyof typeof own]));
        expect(
          lists[name]?.filter((id) => theirs.includes(id)),
          `${name} of ${self.word}`,
        ).toEqual([]);
      }
      const audit = await listAll<{ entityId: string }>(t, as, "/api/v1/audit");
      expect(audit.map((e) => e.entityId)).toEqual(expect.arrayContaining(self.projectIds));
      expect(audit.filter((e) => other.projectIds.includes(e.entityId) || other.portfolioId === e.entityId)).toEqual(
        [],
      );

      // Filters and search with the other organization's ids and words find nothing.
      for (const query of [
        `portfolioId=${other.portfolioId}`,
        `programId=${other.programId}`,
        `managerId=${other.pm.id}`,
        `q=${other.word}`,
      ]) {
        const page = await ok<{ items: unknown[]; total: number }>(
          await t.call(as, "GET", `/api/v1/projects?archived=include&${query}`),
        );
        expect({ query, total: page.total, items: page.items.length }).toEqual({ query, total: 0, items: 0 });
      }
      const found = await ok<{ items: { id: string }[] }>(
        await t.call(as, "GET", `/api/v1/projects?archived=include&q=sharedword`),
      );
      expect(ids(found.items).sort()).toEqual([...self.projectIds].sort());
      const programs = await ok<Page<{ id: string }>>(
        await t.call(as, "GET", `/api/v1/programs?portfolioId=${other.portfolioId}`),
      );
      expect(programs.items).toEqual([]);
    }
  });

  it("a project, program or portfolio in one organization cannot reference another organization's records (400 naming the field)", async () => {
    const [aProject] = a.projectIds as [string];
    const create = (overrides: Record<string, unknown>) =>
      t.call(b.admin, "POST", "/api/v1/projects", projectBody(b.portfolioId, overrides));
    const cases: [string, Record<string, unknown>, string][] = [
      ["portfolio", { portfolioId: a.portfolioId }, "portfolioId"],
      ["program", { programId: a.programId }, "programId"],
      ["manager", { managerId: a.pm.id }, "managerId"],
      ["sponsor", { sponsorId: a.admin.id }, "sponsorId"],
      ["team member", { team: [{ userId: a.member.id }] }, "team.0.userId"],
      ["dependency", { dependencies: [{ dependsOnId: aProject }] }, "dependencies.0.dependsOnId"],
    ];
    for (const [what, overrides, path] of cases) {
      const res = await create(overrides);
      expect({ what, status: res.statusCode, code: res.json().code }).toEqual({
        what,
        status: 400,
        code: "validation",
      });
      expect(fieldPaths(res), what).toContain(path);
    }

    const mine = await makeProject(t, b.portfolioId, {}, b.admin);
    for (const [what, change, path] of [
      ["dependency", { dependencies: [{ dependsOnId: aProject }] }, "dependencies.0.dependsOnId"],
      ["portfolio", { portfolioId: a.portfolioId }, "portfolioId"],
      ["manager", { managerId: a.pm.id }, "managerId"],
    ] as const) {
      const res = await t.call(b.admin, "PATCH", `/api/v1/projects/${mine.id}`, { version: mine.version, ...change });
      expect({ what, status: res.statusCode }).toEqual({ what, status: 400 });
      expect(fieldPaths(res), what).toContain(path);
    }

    const program = await t.call(b.admin, "POST", "/api/v1/programs", {
      portfolioId: a.portfolioId,
      name: "Cross-org program",
    });
    expect(program.statusCode).toBe(400);
    expect(fieldPaths(program)).toContain("portfolioId");
    const managed = await t.call(b.admin, "POST", "/api/v1/programs", {
      portfolioId: b.portfolioId,
      name: "Cross-org manager",
      managerId: a.pm.id,
    });
    expect(managed.statusCode).toBe(400);
    expect(fieldPaths(managed)).toContain("managerId");
    const owned = await t.call(b.admin, "POST", "/api/v1/portfolios", { name: "Cross-org owner", ownerId: a.pm.id });
    expect(owned.statusCode).toBe(400);
    expect(fieldPaths(owned)).toContain("ownerId");

    // Nothing of organization A gained a dependent.
    const target = await ok<{ dependents: unknown[] }>(await t.call(a.admin, "GET", `/api/v1/projects/${aProject}`));
    expect(target.dependents.map((d) => (d as { projectId: string }).projectId)).toEqual([a.projectIds[1]]);
  });

  it("every row of every table with organization_id that the API of one organization shows belongs to that organization", async () => {
    const db = t.db.db;
    const tenantTables =
      engine === "sqlite"
        ? (
            await sql<{ name: string }>`
              select m.name from sqlite_master m join pragma_table_info(m.name) c
              where m.type = 'table' and c.name = 'organization_id' order by m.name
            `.execute(db)
          ).rows.map((r) => r.name)
        : (
            await sql<{ name: string }>`
              select table_name as name from information_schema.columns
              where table_schema = 'public' and column_name = 'organization_id' order by table_name
            `.execute(db)
          ).rows.map((r) => r.name);
    expect(tenantTables).toEqual(
      expect.arrayContaining(["projects", "portfolios", "memberships", "audit_events", "sessions"]),
    );

    type Row = Record<string, unknown>;
    const rowsOf = async (table: string, org: string): Promise<Row[]> =>
      (await sql<Row>`select * from ${sql.table(table)} where organization_id = ${org}`.execute(db)).rows;

    /** What the API shows org `x` of each table, as row keys, and the same key computed from a row. */
    const projectDetails = async (x: OrgData) => {
      const all = await listAll<{ id: string }>(t, x.admin, "/api/v1/projects?archived=include");
      return Promise.all(
        all.map((p) =>
          ok<{
            id: string;
            budget: { period: string; expenseType: string; amountCents: number }[];
            demand: { roleKey: string; period: string; hours: number }[];
            dependencies: { dependsOnId: string; kind: string }[];
            dependents: { projectId: string; kind: string }[];
            team: { userId: string }[];
          }>(t.call(x.admin, "GET", `/api/v1/projects/${p.id}`)),
        ),
      );
    };
    const projectStrategies = async (x: OrgData) => {
      const all = await listAll<{ id: string }>(t, x.admin, "/api/v1/projects?archived=include");
      return Promise.all(
        all.map((p) =>
          ok<{
            projectId: string;
            scores: { criterionId: string; value: number }[];
            links: { objectiveId: string; strength: number }[];
            history: { modelVersion: number; score: number }[];
          }>(t.call(x.admin, "GET", `/api/v1/projects/${p.id}/strategy`)),
        ),
      );
    };
    const goalsOf = async (x: OrgData) =>
      (await ok<{ items: { id: string }[] }>(t.call(x.admin, "GET", "/api/v1/strategy/goals"))).items;
    const sessionsOf = async (x: OrgData) =>
      (
        await ok<{ items: { id: string; participants: { userId: string }[] }[] }>(
          t.call(x.admin, "GET", "/api/v1/strategy/prioritizations"),
        )
      ).items;
    const meetingsOf = async (x: OrgData) =>
      Promise.all(
        (await listAll<{ id: string }>(t, x.admin, "/api/v1/meetings")).map((m) =>
          ok<{ id: string; attendees: { userId: string }[]; agenda: { id: string }[] }>(
            t.call(x.admin, "GET", `/api/v1/meetings/${m.id}`),
          ),
        ),
      );
    type BenefitDetail = {
      id: string;
      profile: { period: string; planned: number }[];
      projects: { id: string }[];
      objectives: { id: string; weight: number }[];
      handovers: { id: string }[];
    };
    const benefitsOf = async (x: OrgData) =>
      Promise.all(
        (await listAll<{ id: string }>(t, x.admin, "/api/v1/benefits?archived=include")).map((b) =>
          ok<BenefitDetail>(t.call(x.admin, "GET", `/api/v1/benefits/${b.id}`)),
        ),
      );
    const perBenefit = async (x: OrgData, list: (benefitId: string) => string) =>
      (
        await Promise.all(
          (
            await benefitsOf(x)
          ).map(async (b) => ids((await ok<{ items: { id: string }[] }>(t.call(x.admin, "GET", list(b.id)))).items)),
        )
      ).flat();
    /** Business cases of every project that has one (the others answer 404). */
    const businessCasesOf = async (x: OrgData) => {
      const cases: { projectId: string; flows: { year: number; costsCents: number; benefitsCents: number }[] }[] = [];
      for (const p of await listAll<{ id: string }>(t, x.admin, "/api/v1/projects?archived=include")) {
        const res = await t.call(x.admin, "GET", `/api/v1/projects/${p.id}/business-case`);
        if (res.statusCode === 404) continue;
        cases.push(await ok(res));
      }
      return cases;
    };
    const benefitMapOf = async (x: OrgData) =>
      ok<{ nodes: { id: string; stored: boolean }[]; edges: { from: string; to: string; stored: boolean }[] }>(
        t.call(x.admin, "GET", "/api/v1/benefit-map"),
      );
    const reviewsOf = async (x: OrgData) =>
      (await ok<{ items: { id: string }[] }>(t.call(x.admin, "GET", "/api/v1/pirs"))).items;
    const scenariosOf = async (x: OrgData) =>
      (await ok<{ items: { id: string }[] }>(t.call(x.admin, "GET", "/api/v1/scenarios"))).items;
    const checks: Record<
      string,
      { visible: (x: OrgData) => Promise<string[]>; key: (r: Row) => string; where?: (r: Row) => boolean }
    > = {
      memberships: {
        visible: async (x) =>
          ids((await ok<Page<{ id: string }>>(await t.call(x.admin, "GET", "/api/v1/users"))).items),
        key: (r) => String(r.user_id),
      },
      sessions: {
        // Not listed by the API: a session resolves into its own organization and user.
        visible: async (x) => {
          const me = await ok<{ user: { id: string }; organization: { id: string } }>(
            await t.app.inject({ method: "GET", url: "/api/v1/me", cookies: { [SESSION_COOKIE]: x.sessionCookie } }),
          );
          return [`${me.user.id}@${me.organization.id}`];
        },
        key: (r) => `${r.user_id}@${r.organization_id}`,
      },
      api_tokens: {
        visible: async (x) =>
          ids((await ok<Page<{ id: string }>>(await t.call(x.admin, "GET", "/api/v1/tokens?all=true"))).items),
        key: (r) => String(r.id),
      },
      audit_events: {
        visible: async (x) => {
          const events = ids(await listAll(t, x.admin, "/api/v1/audit"));
          for (const id of x.projectIds)
            events.push(...ids(await listAll(t, x.admin, `/api/v1/projects/${id}/history`)));
          return [...new Set(events)];
        },
        key: (r) => String(r.id),
      },
      resource_roles: {
        visible: async (x) =>
          (await ok<Page<{ key: string }>>(await t.call(x.admin, "GET", "/api/v1/resource-roles"))).items.map(
            (i) => i.key,
          ),
        key: (r) => String(r.key),
      },
      project_categories: {
        visible: async (x) =>
          (await ok<Page<{ key: string }>>(await t.call(x.admin, "GET", "/api/v1/categories"))).items.map((i) => i.key),
        key: (r) => String(r.key),
      },
      portfolios: {
        visible: async (x) => ids(await listAll(t, x.admin, "/api/v1/portfolios?archived=include")),
        key: (r) => String(r.id),
      },
      programs: {
        visible: async (x) => ids(await listAll(t, x.admin, "/api/v1/programs?archived=include")),
        key: (r) => String(r.id),
      },
      projects: {
        visible: async (x) => ids(await listAll(t, x.admin, "/api/v1/projects?archived=include")),
        key: (r) => String(r.id),
      },
      project_budget_lines: {
        visible: async (x) =>
          (await projectDetails(x)).flatMap((p) =>
            p.budget.map((l) => `${p.id}|${l.period}|${l.expenseType}|${l.amountCents}`),
          ),
        key: (r) => `${r.project_id}|${r.period}|${r.expense_type}|${Number(r.amount_cents)}`,
      },
      project_demand_lines: {
        visible: async (x) =>
          (await projectDetails(x)).flatMap((p) => p.demand.map((l) => `${p.id}|${l.roleKey}|${l.period}|${l.hours}`)),
        key: (r) => `${r.project_id}|${r.role_key}|${r.period}|${Number(r.hours)}`,
      },
      project_dependencies: {
        visible: async (x) => [
          ...new Set(
            (await projectDetails(x)).flatMap((p) => [
              ...p.dependencies.map((d) => `${p.id}|${d.dependsOnId}|${d.kind}`),
              ...p.dependents.map((d) => `${d.projectId}|${p.id}|${d.kind}`),
            ]),
          ),
        ],
        key: (r) => `${r.project_id}|${r.depends_on_id}|${r.kind}`,
      },
      project_members: {
        visible: async (x) => (await projectDetails(x)).flatMap((p) => p.team.map((m) => `${p.id}|${m.userId}`)),
        key: (r) => `${r.project_id}|${r.user_id}`,
      },
      projects_fts: {
        // SQLite's search index: what a search for a word in both organizations' projects shows.
        visible: async (x) => ids(await listAll(t, x.admin, "/api/v1/projects?archived=include&q=sharedword")),
        key: (r) => String(r.project_id),
        where: (r) => /\bsharedword\b/.test(String(r.description)),
      },
      strategic_objectives: {
        visible: async (x) =>
          ids((await ok<Page<{ id: string }>>(t.call(x.admin, "GET", "/api/v1/strategy/objectives"))).items),
        key: (r) => String(r.id),
      },
      goals: { visible: async (x) => ids(await goalsOf(x)), key: (r) => String(r.id) },
      goal_check_ins: {
        visible: async (x) =>
          (
            await Promise.all(
              (
                await goalsOf(x)
              ).map(async (g) =>
                ids(
                  (
                    await ok<Page<{ id: string }>>(t.call(x.admin, "GET", `/api/v1/strategy/goals/${g.id}/check-ins`))
                  ).items,
                ),
              ),
            )
          ).flat(),
        key: (r) => String(r.id),
      },
      criteria: {
        visible: async (x) =>
          ids((await ok<Page<{ id: string }>>(t.call(x.admin, "GET", "/api/v1/strategy/criteria"))).items),
        key: (r) => String(r.id),
      },
      ahp_sessions: { visible: async (x) => ids(await sessionsOf(x)), key: (r) => String(r.id) },
      ahp_participants: {
        visible: async (x) => (await sessionsOf(x)).flatMap((s) => s.participants.map((p) => `${s.id}|${p.userId}`)),
        key: (r) => `${r.session_id}|${r.user_id}`,
      },
      scoring_models: {
        visible: async (x) =>
          ids((await ok<Page<{ id: string }>>(t.call(x.admin, "GET", "/api/v1/strategy/scoring-models"))).items),
        key: (r) => String(r.id),
      },
      project_scores: {
        visible: async (x) =>
          (await projectStrategies(x)).flatMap((p) =>
            p.scores.map((c) => `${p.projectId}|${c.criterionId}|${c.value}`),
          ),
        key: (r) => `${r.project_id}|${r.criterion_id}|${Number(r.value)}`,
      },
      project_priority_scores: {
        visible: async (x) =>
          (await projectStrategies(x)).flatMap((p) =>
            p.history.map((h) => `${p.projectId}|${h.modelVersion}|${h.score.toFixed(9)}`),
          ),
        key: (r) => `${r.project_id}|${Number(r.model_version)}|${Number(r.score).toFixed(9)}`,
      },
      project_objective_links: {
        visible: async (x) =>
          (await projectStrategies(x)).flatMap((p) =>
            p.links.map((l) => `${p.projectId}|${l.objectiveId}|${l.strength}`),
          ),
        key: (r) => `${r.project_id}|${r.objective_id}|${Number(r.strength)}`,
      },
      meetings: { visible: async (x) => ids(await listAll(t, x.admin, "/api/v1/meetings")), key: (r) => String(r.id) },
      meeting_attendees: {
        visible: async (x) => (await meetingsOf(x)).flatMap((m) => m.attendees.map((a) => `${m.id}|${a.userId}`)),
        key: (r) => `${r.meeting_id}|${r.user_id}`,
      },
      agenda_items: {
        visible: async (x) => (await meetingsOf(x)).flatMap((m) => ids(m.agenda)),
        key: (r) => String(r.id),
      },
      decisions: {
        visible: async (x) => ids(await listAll(t, x.admin, "/api/v1/decisions")),
        key: (r) => String(r.id),
      },
      action_items: {
        visible: async (x) => ids(await listAll(t, x.admin, "/api/v1/action-items")),
        key: (r) => String(r.id),
      },
      benefit_categories: {
        visible: async (x) =>
          (await ok<{ items: { key: string }[] }>(t.call(x.admin, "GET", "/api/v1/benefit-categories"))).items.map(
            (c) => c.key,
          ),
        key: (r) => String(r.key),
      },
      benefit_settings: {
        // One row per organization: its review offsets, as stored (sorted, JSON).
        visible: async (x) => [
          JSON.stringify(
            (await ok<{ pirOffsetsMonths: number[] }>(t.call(x.admin, "GET", "/api/v1/benefit-settings")))
              .pirOffsetsMonths,
          ),
        ],
        key: (r) => String(r.pir_offsets),
      },
      benefits: {
        visible: async (x) => ids(await listAll(t, x.admin, "/api/v1/benefits?archived=include")),
        key: (r) => String(r.id),
      },
      benefit_profile_points: {
        visible: async (x) => (await benefitsOf(x)).flatMap((b) => b.profile.map((p) => `${b.id}|${p.period}`)),
        key: (r) => `${r.benefit_id}|${r.period}`,
      },
      benefit_projects: {
        visible: async (x) => (await benefitsOf(x)).flatMap((b) => b.projects.map((p) => `${b.id}|${p.id}`)),
        key: (r) => `${r.benefit_id}|${r.project_id}`,
      },
      benefit_objectives: {
        visible: async (x) =>
          (await benefitsOf(x)).flatMap((b) => b.objectives.map((o) => `${b.id}|${o.id}|${o.weight}`)),
        key: (r) => `${r.benefit_id}|${r.objective_id}|${Number(r.weight)}`,
      },
      benefit_measurements: {
        visible: async (x) => perBenefit(x, (id) => `/api/v1/benefits/${id}/measurements`),
        key: (r) => String(r.id),
      },
      benefit_risks: {
        visible: async (x) => perBenefit(x, (id) => `/api/v1/benefits/${id}/risks`),
        key: (r) => String(r.id),
      },
      benefit_handovers: {
        visible: async (x) => (await benefitsOf(x)).flatMap((b) => ids(b.handovers)),
        key: (r) => String(r.id),
      },
      corrective_actions: {
        visible: async (x) =>
          ids((await ok<{ items: { id: string }[] }>(t.call(x.admin, "GET", "/api/v1/corrective-actions"))).items),
        key: (r) => String(r.id),
      },
      business_cases: {
        visible: async (x) => (await businessCasesOf(x)).map((c) => c.projectId),
        key: (r) => String(r.project_id),
      },
      business_case_flows: {
        visible: async (x) =>
          (await businessCasesOf(x)).flatMap((c) =>
            c.flows.map((f) => `${c.projectId}|${f.year}|${f.costsCents}|${f.benefitsCents}`),
          ),
        key: (r) => `${r.project_id}|${Number(r.year)}|${Number(r.costs_cents)}|${Number(r.benefits_cents)}`,
      },
      benefit_map_nodes: {
        // Stored: the business changes, and the twins of the register nodes their stored edges join.
        visible: async (x) => {
          const map = await benefitMapOf(x);
          return [
            ...map.nodes.filter((n) => n.stored).map((n) => n.id),
            ...map.edges.filter((e) => e.stored).flatMap((e) => [e.from, e.to]),
          ];
        },
        key: (r) => String(r.id),
      },
      benefit_map_edges: {
        visible: async (x) => (await benefitMapOf(x)).edges.filter((e) => e.stored).map((e) => `${e.from}>${e.to}`),
        key: (r) => `${r.from_node_id}>${r.to_node_id}`,
      },
      pir_reviews: { visible: async (x) => ids(await reviewsOf(x)), key: (r) => String(r.id) },
      pir_review_items: {
        // Rows exist for what a review recorded (here: a comment); the other items are computed.
        visible: async (x) =>
          (
            await Promise.all(
              (
                await reviewsOf(x)
              ).map(async (review) =>
                (
                  await ok<{ id: string; items: { benefitId: string; comment: string }[] }>(
                    t.call(x.admin, "GET", `/api/v1/pirs/${review.id}`),
                  )
                ).items
                  .filter((i) => i.comment !== "")
                  .map((i) => `${review.id}|${i.benefitId}|${i.comment}`),
              ),
            )
          ).flat(),
        key: (r) => `${r.review_id}|${r.benefit_id}|${r.comment}`,
      },
      selection_scenarios: { visible: async (x) => ids(await scenariosOf(x)), key: (r) => String(r.id) },
      selection_runs: {
        visible: async (x) =>
          (
            await Promise.all(
              (
                await scenariosOf(x)
              ).map(async (s) =>
                ids(
                  (
                    await ok<{ items: { id: string }[] }>(t.call(x.admin, "GET", `/api/v1/scenarios/${s.id}/runs`))
                  ).items,
                ),
              ),
            )
          ).flat(),
        key: (r) => String(r.id),
      },
    };

    const problems: string[] = [];
    for (const table of tenantTables) {
      const check = checks[table];
      if (!check) {
        problems.push(
          `${table}: has organization_id but no check here yet; seed it above and add how the API shows it`,
        );
        continue;
      }
      for (const [self, other] of [
        [a, b],
        [b, a],
      ] as const) {
        const keysOf = async (org: string) =>
          new Set((await rowsOf(table, org)).filter(check.where ?? (() => true)).map(check.key));
        const own = await keysOf(self.organizationId);
        const theirs = await keysOf(other.organizationId);
        const onlyTheirs = [...theirs].filter((k) => !own.has(k));
        // The data must tell the organizations apart, or the test could not see a leak.
        if (onlyTheirs.length === 0) problems.push(`${table}: ${other.word} has no rows that ${self.word} lacks`);
        const visible = [...new Set(await check.visible(self))];
        if (visible.length === 0) problems.push(`${table}: the API shows ${self.word} nothing`);
        for (const k of visible) {
          if (!own.has(k))
            problems.push(
              `${table}: ${self.word} sees ${k}, which is not its own${theirs.has(k) ? ` (it is ${other.word}'s)` : ""}`,
            );
        }
        // Lists show everything of one's own (the search index: every project with the word).
        if (!["sessions"].includes(table)) {
          const missing = [...own].filter((k) => !visible.includes(k));
          if (missing.length > 0) problems.push(`${table}: ${self.word} does not see its own ${missing.join(", ")}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it("an admin of another organization cannot lock an account out of this organization, or rename it", async () => {
    // The victim is the only admin of organization C: locking them out leaves C without an admin.
    const c = await t.services.identity.createOrganization("Victim");
    const victim = await t.makeUser("admin", c.id);
    const victimRow = async () =>
      (
        await ok<Page<{ id: string; name: string; disabled: boolean }>>(await t.call(victim, "GET", "/api/v1/users"))
      ).items.find((u) => u.id === victim.id);
    const before = await victimRow();

    const added = await t.call(b.admin, "POST", "/api/v1/users", {
      email: victim.email,
      name: "Whoever",
      role: "viewer",
    });
    if (added.statusCode === 201) {
      const user = added.json().user as { id: string; version: number };
      await t.call(b.admin, "PATCH", `/api/v1/users/${user.id}`, {
        version: user.version,
        disabled: true,
        name: "Renamed elsewhere",
      });
    }

    const me = await t.call(victim, "GET", "/api/v1/me");
    expect(me.statusCode, me.body).toBe(200);
    expect(me.json()).toMatchObject({ role: "admin", organization: { id: c.id } });
    expect(await victimRow()).toEqual(before);
  });
});
