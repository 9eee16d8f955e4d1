/**
 * Steering meetings in a real browser: the admin schedules a meeting with attendees, builds its
 * agenda (one item about a project, reordered), records a decision and an overdue action item,
 * marks it held and downloads the minutes and the invite; the decision shows on the project's
 * Decisions tab and in the decision log's search, the action as overdue on the action items page.
 * A stale version shows "Someone else changed this meeting"; an owner without meeting.write marks
 * their own action done. Every meetings page passes axe. One server for the file.
 */
import fs from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect, test } from "vitest";
import { AppFrame } from "./pages/app-frame.js";
import {
  axeCheck,
  describeInBrowser,
  launchBrowser,
  openContext,
  openPage,
  SCREENSHOT_DIR,
  screenshot,
  summarizeAxeLog,
  type TestPage,
} from "./support/browser.js";
import { ApiSession, type RunningServer, startServer } from "./support/server.js";
import { eventually } from "./support/ui.js";

type Project = { id: string; code: string; name: string };
type Meeting = { id: string; version: number; title: string; location: string };

describeInBrowser("Steering meetings in the browser", () => {
  let server: RunningServer;
  let browser: Browser;
  let admin: ApiSession;
  let current: TestPage | undefined;
  let serverErrors: string[] = [];
  let project: Project;
  let dana: { id: string; name: string };

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer({ SIGN_IN_RATE_LIMIT: "1000" }), launchBrowser()]);
    admin = await ApiSession.signIn(server.baseUrl);
    const portfolio = await admin.createPortfolio("Meetings E2E portfolio");
    const categories = await admin.get<{ items: { key: string }[] }>("/categories");
    project = await admin.post<Project>("/projects", {
      code: "BIL-007",
      name: "Billing engine",
      portfolioId: portfolio.id,
      category: categories.items[0]?.key,
      plannedStart: "2027-01-01",
      plannedEnd: "2027-12-31",
    });
    const created = await admin.createUser({ email: "dana@example.test", name: "Dana Reviewer", role: "member" });
    dana = { id: created.user.id, name: created.user.name };
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    console.log(`screenshots: ${SCREENSHOT_DIR}\n${summarizeAxeLog()}`);
  });

  afterEach(async ({ task }) => {
    const opened = current;
    current = undefined;
    if (task.result?.state === "fail" && opened) await screenshot(opened.page, `failed-${task.name.slice(0, 40)}`);
    // Each test has its own context (cookies), closed here.
    await opened?.context.close();
    expect(opened?.pageErrors ?? [], "uncaught errors in the page").toEqual([]);
    expect(serverErrors, "server errors answered to the page").toEqual([]);
    serverErrors = [];
  });

  /** A fresh browser context signed in (session cookie from the API) as the admin, or as `as`. */
  async function open(as?: ApiSession): Promise<TestPage> {
    current = await openPage(await openContext(browser, server.baseUrl));
    current.page.on("response", (r) => {
      if (r.status() >= 500) serverErrors.push(`${r.status()} ${r.request().method()} ${r.url()}`);
    });
    const session = as ?? (await ApiSession.signIn(server.baseUrl));
    await current.context.addCookies(session.cookies().map((c) => ({ ...c, url: server.baseUrl })));
    return current;
  }

  async function checkPage(page: Page, name: string): Promise<void> {
    await axeCheck(page, name);
    await screenshot(page, name);
  }

  /** Chooses an option of a Mantine select (typing first for searchable ones). */
  async function choose(page: Page, scope: Page | ReturnType<Page["getByRole"]>, label: string, option: string) {
    const box = scope.getByRole("combobox", { name: label, exact: true });
    await box.click();
    await page.getByRole("option", { name: option, exact: true }).click();
  }

  async function download(page: Page, link: string): Promise<{ name: string; text: string }> {
    const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: link }).click()]);
    const path = await file.path();
    return { name: file.suggestedFilename(), text: fs.readFileSync(path, "utf8") };
  }

  test("a meeting is scheduled, its agenda, decision and overdue action recorded, and they show across the app", async () => {
    const { page } = await open();
    const frame = new AppFrame(page);
    const adminName = admin.me.user.name;
    await page.goto("/projects");
    await frame.navigate("Meetings");
    await page.getByText("No upcoming meetings match these filters.").waitFor();
    await checkPage(page, "meetings-empty");

    // ---- schedule ----
    await page.getByRole("button", { name: "New meeting" }).click();
    const form = page.getByRole("dialog", { name: "New meeting" });
    await form.getByRole("textbox", { name: "Title", exact: true }).fill("Q3 portfolio review");
    await choose(page, form, "Type", "Portfolio review");
    await form.getByLabel("Date and time").fill("2027-03-04T09:00");
    await form.getByRole("textbox", { name: "Duration (minutes)" }).fill("90");
    await form.getByRole("textbox", { name: "Location" }).fill("Board room 4");
    await form.getByRole("combobox", { name: "Attendees" }).click();
    await page.getByRole("option", { name: adminName, exact: true }).click();
    await page.getByRole("option", { name: dana.name, exact: true }).click();
    await page.keyboard.press("Escape");
    await choose(page, form, `Attendance of ${dana.name}`, "Apologies");
    await checkPage(page, "meeting-new-form");
    await form.getByRole("button", { name: "Schedule meeting" }).click();

    await page.getByRole("heading", { level: 1, name: "Q3 portfolio review" }).waitFor();
    const meetingId = new URL(page.url()).pathname.split("/").pop() as string;
    expect(await page.getByText("2 people · 0 attended · 1 sent apologies").count()).toBe(1);
    // The time is shown in the viewer's locale and zone (the test browser runs en-US, UTC).
    await page.getByText("Thu, Mar 4, 2027, 9:00 – 10:30 AM", { exact: false }).first().waitFor();

    // ---- agenda: an item about the project, another one, then reorder ----
    await page.getByRole("button", { name: "Add agenda item" }).click();
    let dialog = page.getByRole("dialog", { name: "Add agenda item" });
    await dialog.getByRole("textbox", { name: "Title", exact: true }).fill("Billing engine go/no-go");
    await choose(page, dialog, "About", "Project");
    await dialog.getByRole("combobox", { name: "Project", exact: true }).fill("BIL");
    await page.getByRole("option", { name: "BIL-007 · Billing engine" }).click();
    await checkPage(page, "meeting-agenda-form");
    await dialog.getByRole("button", { name: "Add item" }).click();
    await dialog.waitFor({ state: "hidden" });

    await page.getByRole("button", { name: "Add agenda item" }).click();
    dialog = page.getByRole("dialog", { name: "Add agenda item" });
    await dialog.getByRole("textbox", { name: "Title", exact: true }).fill("Minutes of the last meeting");
    await dialog.getByRole("button", { name: "Add item" }).click();
    await dialog.waitFor({ state: "hidden" });

    const agenda = page.getByRole("list", { name: "Agenda items" }).locator(":scope > li");
    await eventually(() => agenda.count()).toBe(2);
    await page.getByRole("button", { name: 'Move "Minutes of the last meeting" up' }).click();
    await eventually(() => agenda.first().textContent()).toContain("Minutes of the last meeting");
    // The focus stays with the moved item's controls, for the keyboard.
    await eventually(() => page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe(
      'Move "Minutes of the last meeting" down',
    );
    const projectLink = agenda.nth(1).getByRole("link", { name: "Project BIL-007 · Billing engine" });
    expect(await projectLink.getAttribute("href")).toBe(`/projects/${project.id}`);

    // ---- a decision under the project's agenda item; it inherits the reference ----
    await page.getByRole("button", { name: "Record decision" }).click();
    dialog = page.getByRole("dialog", { name: "Record decision" });
    await choose(page, dialog, "Kind", "Approved");
    await dialog.getByRole("textbox", { name: "Title", exact: true }).fill("Approve billing engine phase 2");
    await dialog
      .getByRole("textbox", { name: "Rationale" })
      .fill("The business case holds: payback in fourteen months, risks accepted by finance.");
    await choose(page, dialog, "Agenda item", "2. Billing engine go/no-go");
    expect(await dialog.getByRole("combobox", { name: "Project", exact: true }).inputValue()).toBe(
      "BIL-007 · Billing engine",
    );
    await dialog.getByRole("combobox", { name: "Decided by" }).click();
    await page.getByRole("option", { name: adminName, exact: true }).click();
    await page.keyboard.press("Escape");
    await checkPage(page, "meeting-decision-form");
    await dialog.getByRole("button", { name: "Record decision" }).click();
    await dialog.waitFor({ state: "hidden" });
    const decisions = page.getByRole("table", { name: "Decisions in this meeting" });
    const decisionRow = decisions.getByRole("row", { name: /Approve billing engine phase 2/ });
    await decisionRow.waitFor();
    expect(await decisionRow.textContent()).toContain("Approved");
    expect(await decisionRow.textContent()).toContain("Mar 4, 2027");
    expect(await decisionRow.getByRole("link", { name: "Project BIL-007 · Billing engine" }).count()).toBe(1);

    // ---- an action item, due in the past ----
    await page.getByRole("button", { name: "Add action item" }).click();
    dialog = page.getByRole("dialog", { name: "Add action item" });
    await dialog.getByRole("textbox", { name: "Title", exact: true }).fill("Send the revised budget to finance");
    await dialog.getByRole("combobox", { name: "Owner", exact: true }).fill(adminName.slice(0, 4));
    await page.getByRole("option", { name: adminName, exact: true }).click();
    await dialog.getByLabel("Due date").fill("2024-01-15");
    await choose(page, dialog, "Follows from decision", "Approve billing engine phase 2");
    await dialog.getByRole("button", { name: "Add action item" }).click();
    await dialog.waitFor({ state: "hidden" });
    const actionRow = page
      .getByRole("table", { name: "Action items from this meeting" })
      .getByRole("row", { name: /Send the revised budget to finance/ });
    await actionRow.waitFor();
    // Overdue is said in words, not only in colour.
    expect(await actionRow.textContent()).toContain("Overdue");

    // ---- held ----
    await page.getByRole("button", { name: "Mark as held" }).click();
    await page.getByRole("button", { name: "Mark as planned" }).waitFor();
    expect(await page.getByRole("button", { name: "Cancel meeting" }).count()).toBe(0);
    await checkPage(page, "meeting-detail");

    // ---- minutes and invite ----
    const minutes = await download(page, "Download minutes (Markdown)");
    expect(minutes.name).toBe("2027-03-04-q3-portfolio-review-minutes.md");
    expect(minutes.text).toContain("# Q3 portfolio review");
    expect(minutes.text).toContain("Approved: Approve billing engine phase 2");
    expect(minutes.text).toContain("payback in fourteen months");
    expect(minutes.text).toContain("(overdue)");
    const invite = await download(page, "Download invite (.ics)");
    expect(invite.name).toBe("2027-03-04-q3-portfolio-review.ics");
    expect(invite.text).toContain("BEGIN:VCALENDAR");
    expect(invite.text).toContain(`UID:${meetingId}@throughline`);
    expect(invite.text).toContain("DTSTART:20270304T090000Z");

    // ---- the meetings list ----
    await frame.navigate("Meetings");
    const upcoming = page.getByRole("table", { name: "Upcoming meetings" });
    const listRow = upcoming.getByRole("row", { name: /Q3 portfolio review/ });
    await listRow.waitFor();
    await eventually(() => listRow.textContent()).toContain("Portfolio review");
    expect(await listRow.textContent()).toContain("Held");
    expect(await listRow.textContent()).toContain("Board room 4");
    await eventually(() => listRow.getByRole("cell").last().textContent()).toBe("2");
    await checkPage(page, "meetings-list");
    await page.getByText("Past", { exact: true }).click();
    await page.getByText("No past meetings match these filters.").waitFor();
    expect(new URL(page.url()).search).toBe("?when=past");

    // ---- the project's Decisions tab ----
    await page.goto(`/projects/${project.id}`);
    await page.getByRole("tab", { name: "Decisions", exact: true }).click();
    const projectDecisions = page.getByRole("table", { name: "Decisions about this project" });
    const projectRow = projectDecisions.getByRole("row", { name: /Approve billing engine phase 2/ });
    await projectRow.waitFor();
    expect(await projectRow.textContent()).toContain("Approved");
    expect(await projectRow.getByRole("link", { name: "Q3 portfolio review" }).getAttribute("href")).toBe(
      `/meetings/${meetingId}`,
    );
    await checkPage(page, "project-decisions-tab");

    // ---- the decision log: search and kind filter ----
    await frame.navigate("Decision log");
    const log = page.getByRole("table", { name: "Decisions" });
    await log.getByRole("row", { name: /Approve billing engine phase 2/ }).waitFor();
    await page.getByRole("searchbox", { name: "Search" }).fill("PAYBACK finance");
    await eventually(() => new URL(page.url()).searchParams.get("q")).toBe("PAYBACK finance");
    await eventually(() => page.getByRole("status").filter({ hasText: "decision" }).textContent()).toBe("1 decision");
    const logRow = log.getByRole("row", { name: /Approve billing engine phase 2/ });
    expect(await logRow.textContent()).toContain("payback in fourteen months");
    expect(await logRow.textContent()).toContain(adminName);
    expect(await logRow.getByRole("link", { name: "Q3 portfolio review" }).count()).toBe(1);
    expect(await logRow.getByRole("link", { name: "Project BIL-007 · Billing engine" }).count()).toBe(1);
    await checkPage(page, "decision-log");
    await page.getByRole("searchbox", { name: "Search" }).fill("payback nowhere");
    await page.getByText("No decisions match these filters.").waitFor();
    await page.getByRole("searchbox", { name: "Search" }).fill("");
    await log.getByRole("row", { name: /Approve billing engine phase 2/ }).waitFor();
    await choose(page, page, "Kind", "Deferred");
    await page.getByText("No decisions match these filters.").waitFor();
    await page.keyboard.press("Escape");

    // ---- the action items page ----
    await frame.navigate("Action items");
    const actions = page.getByRole("table", { name: "Action items" });
    const overdueRow = actions.getByRole("row", { name: /Send the revised budget to finance/ });
    await overdueRow.waitFor();
    expect(await overdueRow.textContent()).toContain("Overdue");
    expect(await overdueRow.getByRole("link", { name: "Q3 portfolio review" }).count()).toBe(1);
    await page.getByRole("switch", { name: "Only overdue" }).check();
    await eventually(() => page.getByRole("status").filter({ hasText: "action item" }).textContent()).toBe(
      "1 action item · 1 overdue",
    );
    await checkPage(page, "action-items");
    // One story across six pages with an axe check on each: longer than the suite's default.
  }, 180_000);

  test("a stale meeting shows “Someone else changed this meeting” and reloads the current version", async () => {
    const meeting = await admin.post<Meeting>("/meetings", {
      title: "Stage-gate review: telemetry",
      type: "stage_gate",
      startsAt: "2027-05-10T13:00:00Z",
      attendees: [{ userId: dana.id }],
    });
    const { page } = await open();
    await page.goto(`/meetings/${meeting.id}`);
    await page.getByRole("heading", { level: 1, name: "Stage-gate review: telemetry" }).waitFor();

    // Someone else edits the meeting meanwhile.
    await admin.patch(`/meetings/${meeting.id}`, { version: meeting.version, location: "Lab 2" });

    await choose(page, page, `Attendance of ${dana.name}`, "Attended");
    const alert = page.getByRole("alert").filter({ hasText: "Someone else changed this meeting" });
    await alert.waitFor();
    await checkPage(page, "meeting-conflict");
    await alert.getByRole("button", { name: "Reload current version" }).click();
    await alert.waitFor({ state: "hidden" });
    await page.getByText("Lab 2").first().waitFor();
    expect(await page.getByRole("combobox", { name: `Attendance of ${dana.name}` }).inputValue()).toBe("Invited");

    // With the current version the same change now goes through.
    await choose(page, page, `Attendance of ${dana.name}`, "Attended");
    await page.getByText("1 person · 1 attended · 0 sent apologies").waitFor();
    const saved = await admin.get<{ attendees: { attendance: string }[] }>(`/meetings/${meeting.id}`);
    expect(saved.attendees.map((a) => a.attendance)).toEqual(["attended"]);
  });

  test("an owner without meeting.write marks their own action done, and cannot change others'", async () => {
    const password = "Owner-Passw0rd-2027!";
    const owner = await admin.createUser({ email: "omar@example.test", name: "Omar Owner", role: "member" });
    const first = await ApiSession.signIn(server.baseUrl, "omar@example.test", owner.oneTimePassword ?? "");
    await first.post("/me/password", { currentPassword: owner.oneTimePassword, newPassword: password });
    const omar = await ApiSession.signIn(server.baseUrl, "omar@example.test", password);

    const meeting = await admin.post<Meeting>("/meetings", {
      title: "PMO review: resourcing",
      type: "pmo_review",
      startsAt: "2027-06-01T08:00:00Z",
    });
    await admin.post("/action-items", {
      meetingId: meeting.id,
      title: "Update the resource plan",
      ownerId: owner.user.id,
      dueDate: "2024-02-01",
    });
    await admin.post("/action-items", {
      meetingId: meeting.id,
      title: "Someone else's chore",
      ownerId: dana.id,
      dueDate: "2030-02-01",
    });

    const { page } = await open(omar);
    await page.goto("/actions");
    const actions = page.getByRole("table", { name: "Action items" });
    await actions.getByRole("row", { name: /Update the resource plan/ }).waitFor();
    await page.getByRole("switch", { name: "Only mine" }).check();
    await eventually(() => actions.getByRole("row").count()).toBe(2); // header and Omar's item
    await page.getByRole("switch", { name: "Only mine" }).uncheck();
    const others = actions.getByRole("row", { name: /Someone else's chore/ });
    await others.waitFor();
    // Not Omar's: the status is shown, not offered for change.
    expect(await others.getByRole("combobox").count()).toBe(0);
    expect(await others.textContent()).toContain("Open");
    expect(await page.getByRole("button", { name: "New meeting" }).count()).toBe(0);
    await checkPage(page, "action-items-owner");

    await choose(page, page, 'Status of "Update the resource plan"', "Done");
    await actions.getByRole("row", { name: /Update the resource plan/ }).waitFor({ state: "detached" });
    // The row left the (open) list; the summary says what happened and holds the keyboard's place.
    const summary = page.getByRole("status").filter({ hasText: "action item" });
    await eventually(() => summary.textContent()).toContain("“Update the resource plan” is now done.");
    expect(await summary.evaluate((el) => el === document.activeElement)).toBe(true);
    const done = await admin.get<{ items: { title: string; status: string; completedAt: string | null }[] }>(
      `/action-items?ownerId=${owner.user.id}`,
    );
    expect(done.items.map((a) => [a.title, a.status])).toEqual([["Update the resource plan", "done"]]);

    // The meeting page offers an owner no editing controls.
    await page.goto(`/meetings/${meeting.id}`);
    await page.getByRole("heading", { level: 1, name: "PMO review: resourcing" }).waitFor();
    for (const name of ["Edit", "Mark as held", "Cancel meeting", "Add agenda item", "Record decision"]) {
      expect(await page.getByRole("button", { name, exact: true }).count(), name).toBe(0);
    }
    await checkPage(page, "meeting-detail-read-only");
  });
});
