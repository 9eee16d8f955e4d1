import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, type TestUser } from "../helpers/app.js";
import { describeEachEngine } from "../helpers/engines.js";
import { makePortfolio, makeProject } from "../helpers/factories.js";

/** Steering meetings, the decision log and action items through the HTTP API, on both engines. */

type Meeting = {
  id: string;
  title: string;
  startsAt: string;
  endsAt: string;
  status: string;
  version: number;
  attendees: { userId: string; name: string; attendance: string }[];
  agenda: {
    id: string;
    position: number;
    title: string;
    refType: string | null;
    refId: string | null;
    refLabel: string | null;
  }[];
  decisions: { id: string; title: string; kind: string }[];
  actionItems: { id: string; title: string; overdue: boolean }[];
};
type Decision = {
  id: string;
  meetingId: string | null;
  agendaItemId: string | null;
  kind: string;
  title: string;
  refType: string | null;
  refId: string | null;
  refLabel: string | null;
  decidedBy: { userId: string; name: string }[];
  decidedOn: string;
  version: number;
};
type ActionItem = {
  id: string;
  title: string;
  ownerId: string;
  meetingId: string | null;
  status: string;
  completedAt: string | null;
  overdue: boolean;
  version: number;
};
type Page<T> = { items: T[]; nextCursor: string | null };

async function ok<T>(response: LightMyRequestResponse | PromiseLike<LightMyRequestResponse>, status = 200): Promise<T> {
  const res = await response;
  if (res.statusCode !== status) throw new Error(`expected ${status}, got ${res.statusCode}: ${res.body}`);
  return res.json() as T;
}

describeEachEngine("meetings, decisions and action items", (engine) => {
  let t: TestApp;
  let pmo: TestUser;
  let member: TestUser;
  let otherMember: TestUser;
  let viewer: TestUser;
  let projectId: string;
  let projectCode: string;
  const names = new Map<string, string>();
  const nameOf = (u: TestUser) => names.get(u.id) ?? "?";

  beforeAll(async () => {
    t = await createTestApp(engine);
    pmo = await t.makeUser("pmo");
    member = await t.makeUser("member");
    otherMember = await t.makeUser("member");
    viewer = await t.makeUser("viewer");
    const pf = await makePortfolio(t);
    const p = await makeProject(t, pf.id, { name: "Billing engine" });
    projectId = p.id;
    projectCode = p.code;
    const users = await ok<{ items: { id: string; name: string }[] }>(t.call(t.admin, "GET", "/api/v1/users"));
    for (const u of users.items) names.set(u.id, u.name);
  });
  afterAll(async () => t.close());

  const makeMeeting = (body: Record<string, unknown> = {}, user: TestUser = pmo) =>
    ok<Meeting>(
      t.call(user, "POST", "/api/v1/meetings", {
        title: "Q1 steering committee",
        type: "steering_committee",
        startsAt: "2027-03-04T09:00:00+01:00",
        durationMinutes: 90,
        location: "Board room 4",
        ...body,
      }),
      201,
    );
  const addAgendaItem = (meetingId: string, body: Record<string, unknown>) =>
    ok<Meeting>(t.call(pmo, "POST", `/api/v1/meetings/${meetingId}/agenda-items`, body), 201);
  const makeDecision = (body: Record<string, unknown>) =>
    ok<Decision>(
      t.call(pmo, "POST", "/api/v1/decisions", {
        kind: "approve",
        title: "A decision",
        decidedOn: "2027-03-04",
        ...body,
      }),
      201,
    );
  const makeAction = (body: Record<string, unknown>) =>
    ok<ActionItem>(
      t.call(pmo, "POST", "/api/v1/action-items", {
        title: "An action",
        ownerId: member.id,
        dueDate: "2099-12-31",
        ...body,
      }),
      201,
    );

  it("schedules a meeting with attendees and an agenda about a project, and shows them with names", async () => {
    const m = await makeMeeting({
      attendees: [
        { userId: member.id, attendance: "attended" },
        { userId: otherMember.id, attendance: "apologies" },
        { userId: t.admin.id },
      ],
    });
    expect(m.startsAt).toBe("2027-03-04T08:00:00.000Z");
    expect(m.endsAt).toBe("2027-03-04T09:30:00.000Z");
    expect(m.status).toBe("planned");
    expect(m.version).toBe(1);
    expect(m.attendees.find((a) => a.userId === member.id)).toMatchObject({
      name: nameOf(member),
      attendance: "attended",
    });
    expect(m.attendees.find((a) => a.userId === t.admin.id)?.attendance).toBe("invited");

    const withItem = await addAgendaItem(m.id, {
      title: "Billing engine go/no-go",
      notes: "Business case v3",
      refType: "project",
      refId: projectId,
    });
    expect(withItem.version).toBe(2); // the meeting's version covers its agenda
    expect(withItem.agenda).toHaveLength(1);
    expect(withItem.agenda[0]).toMatchObject({
      position: 1,
      refType: "project",
      refId: projectId,
      refLabel: `Project ${projectCode} · Billing engine`,
    });

    const read = await ok<Meeting>(t.call(viewer, "GET", `/api/v1/meetings/${m.id}`));
    expect(read.agenda[0]?.title).toBe("Billing engine go/no-go");
    expect(read.attendees).toHaveLength(3);
  });

  it("orders the agenda by position: insert at a position, move, remove and renumber", async () => {
    const m = await makeMeeting();
    await addAgendaItem(m.id, { title: "A" });
    await addAgendaItem(m.id, { title: "B" });
    let cur = await addAgendaItem(m.id, { title: "C", position: 1 });
    expect(cur.agenda.map((i) => `${i.position}${i.title}`)).toEqual(["1C", "2A", "3B"]);
    const c = cur.agenda[0]?.id;
    cur = await ok<Meeting>(
      t.call(pmo, "PATCH", `/api/v1/meetings/${m.id}/agenda-items/${c}`, { version: cur.version, position: 3 }),
    );
    expect(cur.agenda.map((i) => `${i.position}${i.title}`)).toEqual(["1A", "2B", "3C"]);
    const a = cur.agenda[0]?.id;
    cur = await ok<Meeting>(t.call(pmo, "DELETE", `/api/v1/meetings/${m.id}/agenda-items/${a}?version=${cur.version}`));
    expect(cur.agenda.map((i) => `${i.position}${i.title}`)).toEqual(["1B", "2C"]);
    const stale = await t.call(pmo, "DELETE", `/api/v1/meetings/${m.id}/agenda-items/${c}?version=1`);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current.agenda).toHaveLength(2);
  });

  it("refuses agenda references that are not records of the organization, non-members and unknown fields", async () => {
    const m = await makeMeeting();
    const other = await t.services.identity.createOrganization("Elsewhere");
    const stranger = await t.makeUser("admin", other.id);
    const pf = await makePortfolio(t, stranger);
    const theirs = await makeProject(t, pf.id, {}, stranger);
    for (const body of [
      { title: "X", refType: "project", refId: theirs.id },
      { title: "X", refType: "goal", refId: projectId },
      { title: "X", refType: "project" },
      { title: "X", refType: "benefit", refId: projectId },
    ]) {
      const res = await t.call(pmo, "POST", `/api/v1/meetings/${m.id}/agenda-items`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
    }
    const bad = await t.call(pmo, "POST", "/api/v1/meetings", {
      title: "X",
      type: "other",
      startsAt: "2027-03-04T09:00:00Z",
      attendees: [{ userId: stranger.id }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([
      { path: "attendees.0.userId", message: "is not a member of this organization" },
    ]);
    const unknown = await t.call(pmo, "POST", "/api/v1/meetings", {
      title: "X",
      type: "other",
      startsAt: "2027-03-04T09:00:00Z",
      chair: "me",
    });
    expect(unknown.statusCode).toBe(400);
    const local = await t.call(pmo, "POST", "/api/v1/meetings", {
      title: "X",
      type: "other",
      startsAt: "2027-03-04T09:00",
    });
    expect(local.statusCode).toBe(400);
    const short = await t.call(pmo, "POST", "/api/v1/meetings", {
      title: "X",
      type: "other",
      startsAt: "2027-03-04T09:00:00Z",
      durationMinutes: 4,
    });
    expect(short.statusCode).toBe(400);
  });

  it("records decisions and actions in a meeting; the decision takes the agenda item's meeting and project", async () => {
    const m0 = await makeMeeting({ title: "Decision meeting" });
    const m = await addAgendaItem(m0.id, { title: "Billing", refType: "project", refId: projectId });
    const item = m.agenda[0];
    const d = await makeDecision({
      agendaItemId: item?.id,
      kind: "approve",
      title: "Fund phase 2 of the billing engine",
      rationale: "Payback in 14 months",
      decidedBy: [t.admin.id, pmo.id],
      decidedOn: undefined,
    });
    expect(d).toMatchObject({
      meetingId: m.id,
      agendaItemId: item?.id,
      refType: "project",
      refId: projectId,
      refLabel: `Project ${projectCode} · Billing engine`,
      decidedOn: "2027-03-04",
      version: 1,
    });
    expect(d.decidedBy.map((p) => p.userId)).toEqual([t.admin.id, pmo.id]);
    const a = await makeAction({ decisionId: d.id, title: "Prepare the phase 2 budget" });
    expect(a.meetingId).toBe(m.id);

    const read = await ok<Meeting>(t.call(member, "GET", `/api/v1/meetings/${m.id}`));
    expect(read.decisions.map((x) => x.title)).toEqual(["Fund phase 2 of the billing engine"]);
    expect(read.actionItems.map((x) => x.title)).toEqual(["Prepare the phase 2 budget"]);

    const audit = await ok<Page<{ action: string; actorId: string }>>(
      t.call(t.admin, "GET", `/api/v1/audit?entityType=decision&entityId=${d.id}`),
    );
    expect(audit.items).toEqual([expect.objectContaining({ action: "create", actorId: pmo.id })]);

    const elsewhere = await makeMeeting({ title: "Another meeting" });
    const wrongMeeting = await t.call(pmo, "POST", "/api/v1/decisions", {
      meetingId: elsewhere.id,
      agendaItemId: item?.id,
      kind: "reject",
      title: "X",
      decidedOn: "2027-03-04",
    });
    expect(wrongMeeting.statusCode).toBe(400);
    expect(wrongMeeting.json().errors).toEqual([{ path: "agendaItemId", message: "belongs to another meeting" }]);
  });

  it("searches the decision log by word (case-insensitive, % and _ literal) and filters by kind and meeting", async () => {
    const m = await makeMeeting({ title: "Search meeting" });
    const tag = `zq${Date.now().toString(36)}`;
    const d1 = await makeDecision({
      meetingId: m.id,
      kind: "defer",
      title: `Defer the ${tag} CRM upgrade`,
      decidedOn: "2027-01-10",
    });
    const d2 = await makeDecision({
      kind: "reject",
      title: "Stop vendor X",
      rationale: `The ${tag.toUpperCase()} case is weak`,
      decidedOn: "2027-02-10",
    });
    const d3 = await makeDecision({ kind: "reprioritize", title: `Cut ${tag} scope by 50%`, decidedOn: "2027-03-10" });
    await makeDecision({ kind: "reprioritize", title: `Cut ${tag} scope by 500`, decidedOn: "2027-03-11" });
    await makeDecision({ kind: "approve", title: `${tag}_snake approved`, decidedOn: "2027-03-12" });
    await makeDecision({ kind: "approve", title: `${tag}xsnake lookalike`, decidedOn: "2027-03-13" });

    const ids = (p: Page<Decision>) => p.items.map((d) => d.id);
    const byWord = await ok<Page<Decision>>(
      t.call(viewer, "GET", `/api/v1/decisions?q=${tag.toUpperCase()}&limit=500`),
    );
    expect(byWord.items).toHaveLength(6);
    expect(byWord.items.map((d) => d.decidedOn)).toEqual([...byWord.items.map((d) => d.decidedOn)].sort().reverse());
    const inRationale = await ok<Page<Decision>>(t.call(viewer, "GET", `/api/v1/decisions?q=${tag}%20weak`));
    expect(ids(inRationale)).toEqual([d2.id]);
    const percent = await ok<Page<Decision>>(
      t.call(viewer, "GET", `/api/v1/decisions?q=${encodeURIComponent(`${tag} 50%`)}`),
    );
    expect(ids(percent)).toEqual([d3.id]);
    const underscore = await ok<Page<Decision>>(t.call(viewer, "GET", `/api/v1/decisions?q=${tag}_snake`));
    expect(underscore.items.map((d) => d.title)).toEqual([`${tag}_snake approved`]);

    const byKind = await ok<Page<Decision>>(t.call(viewer, "GET", `/api/v1/decisions?q=${tag}&kind=defer,reject`));
    expect(ids(byKind)).toEqual([d2.id, d1.id]);
    const byMeeting = await ok<Page<Decision>>(t.call(viewer, "GET", `/api/v1/decisions?meetingId=${m.id}`));
    expect(ids(byMeeting)).toEqual([d1.id]);
    const byDate = await ok<Page<Decision>>(
      t.call(viewer, "GET", `/api/v1/decisions?q=${tag}&from=2027-02-01&to=2027-03-10`),
    );
    expect(ids(byDate)).toEqual([d3.id, d2.id]);

    // Cursor pagination walks the log newest first without gaps or repeats.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/decisions?q=${tag}&limit=4${cursor ? `&cursor=${cursor}` : ""}`;
      const page: Page<Decision> = await ok<Page<Decision>>(t.call(viewer, "GET", url));
      seen.push(...ids(page));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(ids(byWord));
    expect((await t.call(viewer, "GET", "/api/v1/decisions?cursor=nonsense")).statusCode).toBe(400);
  });

  it("lists a project's decisions and answers 404 for a project that is not in the organization", async () => {
    const pf = await makePortfolio(t);
    const p = await makeProject(t, pf.id);
    const about = await makeDecision({
      kind: "change_request",
      title: "Extend by a month",
      refType: "project",
      refId: p.id,
    });
    await makeDecision({ kind: "approve", title: "Unrelated" });
    const list = await ok<Page<Decision>>(t.call(member, "GET", `/api/v1/projects/${p.id}/decisions`));
    expect(list.items.map((d) => d.id)).toEqual([about.id]);
    const missing = await t.call(member, "GET", `/api/v1/projects/${crypto.randomUUID()}/decisions`);
    expect(missing.statusCode).toBe(404);
  });

  it("flags open actions past their due date as overdue and filters on it", async () => {
    const late = await makeAction({ title: "Late one", dueDate: "2020-01-01" });
    const onTime = await makeAction({ title: "On time", dueDate: "2099-12-31" });
    expect(late.overdue).toBe(true);
    expect(onTime.overdue).toBe(false);
    const overdue = await ok<Page<ActionItem>>(t.call(viewer, "GET", "/api/v1/action-items?overdue=true&limit=500"));
    expect(overdue.items.map((a) => a.id)).toContain(late.id);
    expect(overdue.items.every((a) => a.overdue)).toBe(true);
    const notOverdue = await ok<Page<ActionItem>>(
      t.call(viewer, "GET", "/api/v1/action-items?overdue=false&limit=500"),
    );
    expect(notOverdue.items.map((a) => a.id)).toContain(onTime.id);
    expect(notOverdue.items.some((a) => a.id === late.id)).toBe(false);
    // Done is never overdue.
    const done = await ok<ActionItem>(
      t.call(pmo, "PATCH", `/api/v1/action-items/${late.id}`, { version: late.version, status: "done" }),
    );
    expect(done.overdue).toBe(false);
  });

  it("lets an owner without meeting.write change the status of their own action only", async () => {
    const mine = await makeAction({ title: "Send the minutes", ownerId: member.id });
    const theirs = await makeAction({ title: "Book the room", ownerId: otherMember.id });
    const forbiddenEdit = await t.call(member, "PATCH", `/api/v1/action-items/${mine.id}`, {
      version: mine.version,
      title: "Renamed by owner",
    });
    expect(forbiddenEdit.statusCode).toBe(403);
    const done = await ok<ActionItem>(
      t.call(member, "PATCH", `/api/v1/action-items/${mine.id}`, {
        version: mine.version,
        status: "done",
        title: mine.title, // unchanged fields do not count as edits
      }),
    );
    expect(done.status).toBe("done");
    expect(done.completedAt).not.toBeNull();
    expect(done.version).toBe(2);
    const reopened = await ok<ActionItem>(
      t.call(member, "PATCH", `/api/v1/action-items/${mine.id}`, { version: 2, status: "open" }),
    );
    expect(reopened.completedAt).toBeNull();
    const notMine = await t.call(member, "PATCH", `/api/v1/action-items/${theirs.id}`, {
      version: theirs.version,
      status: "done",
    });
    expect(notMine.statusCode).toBe(403);
    const viewerCreate = await t.call(member, "POST", "/api/v1/action-items", {
      title: "X",
      ownerId: member.id,
      dueDate: "2099-01-01",
    });
    expect(viewerCreate.statusCode).toBe(403);
    const mineOnly = await ok<Page<ActionItem>>(
      t.call(member, "GET", `/api/v1/action-items?ownerId=${member.id}&status=open`),
    );
    expect(mineOnly.items.map((a) => a.id)).toContain(mine.id);
    expect(mineOnly.items.every((a) => a.ownerId === member.id && a.status === "open")).toBe(true);
  });

  it("does not let a viewer create meetings, agenda items or decisions", async () => {
    const m = await makeMeeting();
    expect(
      (
        await t.call(viewer, "POST", "/api/v1/meetings", {
          title: "X",
          type: "other",
          startsAt: "2027-03-04T09:00:00Z",
        })
      ).statusCode,
    ).toBe(403);
    expect((await t.call(viewer, "POST", `/api/v1/meetings/${m.id}/agenda-items`, { title: "X" })).statusCode).toBe(
      403,
    );
    expect(
      (await t.call(viewer, "POST", "/api/v1/decisions", { kind: "approve", title: "X", decidedOn: "2027-01-01" }))
        .statusCode,
    ).toBe(403);
    expect((await t.call(viewer, "PATCH", `/api/v1/meetings/${m.id}`, { version: 1, title: "X" })).statusCode).toBe(
      403,
    );
    expect((await t.call(null, "GET", "/api/v1/meetings")).statusCode).toBe(401);
  });

  it("answers a stale version with 409 and the current record", async () => {
    const m = await makeMeeting();
    const held = await ok<Meeting>(t.call(pmo, "PATCH", `/api/v1/meetings/${m.id}`, { version: 1, status: "held" }));
    expect(held.version).toBe(2);
    const stale = await t.call(pmo, "PATCH", `/api/v1/meetings/${m.id}`, { version: 1, title: "Stale" });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ status: "held", version: 2 });
    const cancelHeld = await t.call(pmo, "PATCH", `/api/v1/meetings/${m.id}`, { version: 2, status: "cancelled" });
    expect(cancelHeld.statusCode).toBe(400);

    const d = await makeDecision({ title: "Versioned" });
    await ok(t.call(pmo, "PATCH", `/api/v1/decisions/${d.id}`, { version: 1, kind: "defer" }));
    const staleDecision = await t.call(pmo, "PATCH", `/api/v1/decisions/${d.id}`, { version: 1, title: "Stale" });
    expect(staleDecision.statusCode).toBe(409);
    expect(staleDecision.json().current).toMatchObject({ kind: "defer", version: 2 });

    const a = await makeAction({});
    await ok(t.call(pmo, "PATCH", `/api/v1/action-items/${a.id}`, { version: 1, dueDate: "2099-06-30" }));
    const staleAction = await t.call(pmo, "PATCH", `/api/v1/action-items/${a.id}`, { version: 1, status: "done" });
    expect(staleAction.statusCode).toBe(409);
    expect(staleAction.json().current).toMatchObject({ dueDate: "2099-06-30", version: 2 });
  });

  it("hides another organization's meetings, decisions and action items (404)", async () => {
    const m = await addAgendaItem((await makeMeeting()).id, { title: "Ours" });
    const d = await makeDecision({ meetingId: m.id, title: "Ours" });
    const a = await makeAction({ meetingId: m.id });
    const other = await t.services.identity.createOrganization("Other org");
    const stranger = await t.makeUser("admin", other.id);
    const itemId = m.agenda[0]?.id;
    for (const [method, url, body] of [
      ["GET", `/api/v1/meetings/${m.id}`, undefined],
      ["PATCH", `/api/v1/meetings/${m.id}`, { version: m.version, title: "Theirs" }],
      ["GET", `/api/v1/meetings/${m.id}/minutes.md`, undefined],
      ["GET", `/api/v1/meetings/${m.id}/invite.ics`, undefined],
      ["POST", `/api/v1/meetings/${m.id}/agenda-items`, { title: "Theirs" }],
      ["PATCH", `/api/v1/meetings/${m.id}/agenda-items/${itemId}`, { version: m.version, title: "Theirs" }],
      ["DELETE", `/api/v1/meetings/${m.id}/agenda-items/${itemId}?version=${m.version}`, undefined],
      ["GET", `/api/v1/decisions/${d.id}`, undefined],
      ["PATCH", `/api/v1/decisions/${d.id}`, { version: 1, title: "Theirs" }],
      ["GET", `/api/v1/action-items/${a.id}`, undefined],
      ["PATCH", `/api/v1/action-items/${a.id}`, { version: 1, status: "done" }],
      ["GET", `/api/v1/projects/${projectId}/decisions`, undefined],
    ] as const) {
      const res = await t.call(stranger, method, url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(404);
    }
    // Nor may they point at our records from theirs.
    const refs = await t.call(stranger, "POST", "/api/v1/decisions", {
      meetingId: m.id,
      kind: "approve",
      title: "X",
      refType: "project",
      refId: projectId,
      decidedBy: [pmo.id],
      decidedOn: "2027-01-01",
    });
    expect(refs.statusCode).toBe(400);
    expect(
      refs
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(["decidedBy.0", "meetingId", "refId"]);
    const theirAction = await t.call(stranger, "POST", "/api/v1/action-items", {
      decisionId: d.id,
      title: "X",
      ownerId: stranger.id,
      dueDate: "2099-01-01",
    });
    expect(theirAction.statusCode).toBe(400);
    for (const list of ["/api/v1/meetings", "/api/v1/decisions", "/api/v1/action-items"]) {
      const page = await ok<Page<unknown>>(t.call(stranger, "GET", list));
      expect(page.items, list).toEqual([]);
    }
    // Nothing changed on our side.
    expect((await ok<Meeting>(t.call(pmo, "GET", `/api/v1/meetings/${m.id}`))).version).toBe(m.version);
  });

  it("exports the minutes as Markdown with the decisions and actions", async () => {
    let m = await makeMeeting({
      title: "Minutes meeting",
      attendees: [
        { userId: member.id, attendance: "attended" },
        { userId: otherMember.id, attendance: "apologies" },
      ],
    });
    m = await addAgendaItem(m.id, { title: "Billing", notes: "Go/no-go", refType: "project", refId: projectId });
    const d = await makeDecision({
      meetingId: m.id,
      agendaItemId: m.agenda[0]?.id,
      kind: "reject",
      title: "Stop the legacy billing project",
      rationale: "Superseded by the new engine",
      decidedBy: [t.admin.id],
    });
    await makeAction({ meetingId: m.id, decisionId: d.id, title: "Tell the vendor", dueDate: "2020-02-02" });
    const res = await t.call(member, "GET", `/api/v1/meetings/${m.id}/minutes.md`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("text/markdown; charset=utf-8");
    expect(res.headers["content-disposition"]).toBe('attachment; filename="2027-03-04-minutes-meeting-minutes.md"');
    const md = res.body;
    expect(md.startsWith("# Minutes meeting\n")).toBe(true);
    expect(md).toContain("- **When:** 2027-03-04 08:00–09:30 UTC (90 minutes)");
    expect(md).toContain(`- **Attended:** ${nameOf(member)}`);
    expect(md).toContain(`- **Apologies:** ${nameOf(otherMember)}`);
    expect(md).toContain(`About: Project ${projectCode} · Billing engine`);
    expect(md).toContain("### 1. Rejected: Stop the legacy billing project");
    expect(md).toContain(`- **Decided by:** ${nameOf(t.admin)}`);
    expect(md).toContain("Superseded by the new engine");
    expect(md).toContain(`| 1 | Tell the vendor | ${nameOf(member)} | 2020-02-02 | Open (overdue) |`);
  });

  it("exports an iCalendar invite with CRLF lines, UTC times and the attendees", async () => {
    let m = await makeMeeting({ title: "Invite; with, specials", attendees: [{ userId: member.id }] });
    m = await addAgendaItem(m.id, { title: "Budget" });
    const res = await t.call(member, "GET", `/api/v1/meetings/${m.id}/invite.ics`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("text/calendar; charset=utf-8");
    const ics = res.body;
    expect(ics.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    expect(ics.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    const lines = ics.replace(/\r\n[ \t]/g, "").split("\r\n");
    expect(lines).toContain(`UID:${m.id}@throughline`);
    expect(lines).toContain("DTSTART:20270304T080000Z");
    expect(lines).toContain("DTEND:20270304T093000Z");
    expect(lines).toContain("SUMMARY:Invite\\; with\\, specials");
    expect(lines).toContain("DESCRIPTION:Agenda:\\n1. Budget");
    expect(lines).toContain(`SEQUENCE:${m.version - 1}`);
    expect(lines.some((l) => /^DTSTAMP:\d{8}T\d{6}Z$/.test(l))).toBe(true);
    expect(lines.some((l) => l.startsWith("ATTENDEE;") && l.endsWith(`:mailto:${member.email}`))).toBe(true);
  });

  describe("meeting list", () => {
    it("lists newest first with type, status and date filters", async () => {
      const a = await makeMeeting({ title: "List A", type: "stage_gate", startsAt: "2031-05-01T10:00:00Z" });
      const b = await makeMeeting({ title: "List B", type: "stage_gate", startsAt: "2031-05-03T10:00:00Z" });
      const c = await makeMeeting({
        title: "List C",
        type: "pmo_review",
        startsAt: "2031-05-02T10:00:00Z",
        status: "cancelled",
      });
      const all = await ok<Page<Meeting>>(t.call(viewer, "GET", "/api/v1/meetings?from=2031-05-01&to=2031-05-03"));
      expect(all.items.map((m) => m.id)).toEqual([b.id, c.id, a.id]);
      const gates = await ok<Page<Meeting>>(
        t.call(viewer, "GET", "/api/v1/meetings?from=2031-05-01&type=stage_gate&limit=1"),
      );
      expect(gates.items.map((m) => m.id)).toEqual([b.id]);
      const next = await ok<Page<Meeting>>(
        t.call(viewer, "GET", `/api/v1/meetings?from=2031-05-01&type=stage_gate&limit=1&cursor=${gates.nextCursor}`),
      );
      expect(next.items.map((m) => m.id)).toEqual([a.id]);
      expect(next.nextCursor).toBeNull();
      const cancelled = await ok<Page<Meeting>>(
        t.call(viewer, "GET", "/api/v1/meetings?from=2031-05-01&status=cancelled"),
      );
      expect(cancelled.items.map((m) => m.id)).toEqual([c.id]);
    });
  });
});
