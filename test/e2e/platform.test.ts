/**
 * The platform in a real browser: sign-in, the demo organization, the project form (create, edit,
 * a refused save), a project's history, the projects list (sort, filter, search), sign-out, and an
 * axe-core check with a screenshot of every page a user depends on, and of a page still loading.
 * One server for the file.
 */
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect, test } from "vitest";
import { AppFrame } from "./pages/app-frame.js";
import { loadingIndicators, ProjectDetailPage } from "./pages/project-detail-page.js";
import { ProjectFormPage } from "./pages/project-form-page.js";
import { ProjectsPage } from "./pages/projects-page.js";
import { SignInPage } from "./pages/sign-in-page.js";
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
import { ADMIN_EMAIL, ADMIN_PASSWORD, ApiSession, type Me, type RunningServer, startServer } from "./support/server.js";
import { eventually } from "./support/ui.js";

type ProjectList = { total: number; items: { id: string; code: string; name: string; status: string }[] };

describeInBrowser("Throughline in the browser", () => {
  let server: RunningServer;
  let browser: Browser;
  /** One context for the file (a warm HTTP cache); each test gets a new tab and its own cookies. */
  let context: BrowserContext;
  let admin: ApiSession;
  let current: TestPage | undefined;
  /** Server errors (5xx) answered to the page during the current test. */
  let serverErrors: string[] = [];

  beforeAll(async () => {
    // Every test signs in afresh; the default limit (10 a minute per address) is for people.
    [server, browser] = await Promise.all([startServer({ SIGN_IN_RATE_LIMIT: "1000" }), launchBrowser()]);
    [admin, context] = await Promise.all([ApiSession.signIn(server.baseUrl), openContext(browser, server.baseUrl)]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    console.log(`screenshots: ${SCREENSHOT_DIR}\n${summarizeAxeLog()}`);
  });

  afterEach(async ({ task }) => {
    const opened = current;
    current = undefined;
    if (task.result?.state === "fail" && opened) {
      console.log(`failure screenshot: ${await screenshot(opened.page, `failed-${task.name.slice(0, 50)}`)}`);
    }
    await opened?.page.close();
    expect(opened?.pageErrors ?? [], "uncaught errors in the page").toEqual([]);
    expect(serverErrors, "server errors answered to the page").toEqual([]);
    serverErrors = [];
  });

  /** A new tab with no cookies but a new admin session (from the API) unless asked to be signed out. */
  async function open(options: { signedIn?: boolean } = {}): Promise<TestPage> {
    await context.clearCookies();
    current = await openPage(context);
    current.page.on("response", (r) => {
      if (r.status() >= 500) serverErrors.push(`${r.status()} ${r.request().method()} ${r.url()}`);
    });
    if (options.signedIn ?? true) {
      const session = await ApiSession.signIn(server.baseUrl);
      await context.addCookies(session.cookies().map((c) => ({ ...c, url: server.baseUrl })));
    }
    return current;
  }

  /** The demo organization, loaded through the API when an earlier test has not loaded it. */
  async function ensureDemo(): Promise<void> {
    const me = await admin.get<Me>("/me");
    if (me.isEmpty) await admin.post("/demo");
  }

  /** The axe check and a screenshot of the page as it is now. */
  async function checkPage(page: TestPage["page"], name: string): Promise<void> {
    await axeCheck(page, name);
    await screenshot(page, name);
  }

  let seq = 0;
  const uniqueCode = (prefix: string) => `${prefix}-${Date.now().toString(36).slice(-4).toUpperCase()}${++seq}`;

  test("the admin signs in and loads the demo organization from the welcome page", async () => {
    // ADMIN_PASSWORD was set, so the admin keeps it: no forced change at first sign-in.
    expect(admin.me.user.mustChangePassword).toBe(false);
    expect(admin.me.isEmpty).toBe(true);

    const { page } = await open({ signedIn: false });
    await page.goto("/");
    const signIn = new SignInPage(page);
    await signIn.heading.waitFor();
    expect(new URL(page.url()).pathname).toBe("/sign-in");
    await checkPage(page, "sign-in");

    await signIn.signIn(ADMIN_EMAIL, "not the password at all");
    await signIn.error.waitFor();
    await checkPage(page, "sign-in-failed");

    await signIn.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
    // The organization is empty, so the home page leads to the welcome page.
    const frame = new AppFrame(page);
    await page.getByRole("heading", { level: 1, name: "Welcome to Throughline, Administrator" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/welcome");
    await checkPage(page, "welcome");

    const loaded = page.waitForResponse((r) => r.url().endsWith("/api/v1/demo") && r.request().method() === "POST");
    await page.getByRole("button", { name: "Load demo organization" }).click();
    expect((await loaded).status()).toBe(201);

    const projects = new ProjectsPage(page);
    await projects.table.waitFor();
    expect(new URL(page.url()).pathname).toBe("/projects");
    await eventually(() => projects.count.textContent()).toBe("40 projects");
    await eventually(() => projects.rows.count()).toBe(40);
    expect(await frame.heading.textContent()).toBe("Projects");
    // Default order: by code, ascending.
    expect(await projects.sortState("Code")).toBe("ascending");
    expect((await projects.columnTexts("Code")).slice(0, 3)).toEqual(["CUS-001", "CUS-002", "CUS-003"]);
    await checkPage(page, "projects-list");
  });

  test("a project is created through the form, edited, and both changes are in its history", async () => {
    const portfolio = await admin.createPortfolio(`E2E portfolio ${uniqueCode("P")}`);
    const code = uniqueCode("E2E");
    const name = "Grid edge telemetry";
    const renamed = "Grid edge telemetry, phase 1";
    const { page } = await open();
    const money = (cents: number) =>
      new Intl.NumberFormat("en-US", { style: "currency", currency: admin.me.organization.currency }).format(
        cents / 100,
      );

    await new ProjectsPage(page).goto();
    await page.getByRole("link", { name: "New project" }).click();
    const form = new ProjectFormPage(page);
    await page.getByRole("heading", { level: 1, name: "New project" }).waitFor();
    await form.form.waitFor();
    await checkPage(page, "project-new");

    await form.fill({
      code,
      name,
      description: "Sensors on the low-voltage network.",
      portfolio: portfolio.name,
      category: "Grow",
      plannedStart: "2027-01-01",
      plannedEnd: "2027-06-30",
      budget: [{ expenseType: "capex", amount: "125000" }],
    });
    // The new line starts in the planned start's month.
    expect(await form.form.getByRole("textbox", { name: "Budget line 1 month" }).inputValue()).toBe("2027-01");
    const created = await form.save();
    expect(created.status()).toBe(201);
    const { id } = (await created.json()) as { id: string };

    const detail = new ProjectDetailPage(page);
    await detail.waitFor(code, name);
    expect(new URL(page.url()).pathname).toBe(`/projects/${id}`);
    expect(await detail.overview("Portfolio")).toBe(portfolio.name);
    expect(await detail.overview("Category")).toBe("Grow");
    expect(await detail.overview("Planned start")).toBe("Jan 1, 2027");
    expect(await detail.overview("Planned end")).toBe("Jun 30, 2027");
    expect(await detail.overview("Budget total")).toBe(money(12_500_000));
    await checkPage(page, "project-detail-overview");
    const tabs = await detail.tabNames();
    expect(tabs).toEqual(
      expect.arrayContaining(["Overview", "Budget", "Resource demand", "Dependencies", "Team", "History"]),
    );
    for (const tab of tabs.filter((t) => t !== "Overview")) {
      await detail.openTab(tab);
      if (tab === "Budget") {
        const row = detail.panel.getByRole("row", { name: /^Jan 2027/ });
        expect(await row.getByRole("cell").allTextContents()).toEqual([money(12_500_000), money(0), money(12_500_000)]);
      }
      await checkPage(page, `project-detail-${tab.toLowerCase().replace(/ /g, "-")}`);
    }

    await detail.openTab("Overview");
    await detail.edit();
    await form.waitForEdit(code);
    expect(await form.field("Name").inputValue()).toBe(name);
    await checkPage(page, "project-edit");
    await form.field("Name").fill(renamed);
    const updated = await form.save();
    expect(updated.status()).toBe(200);
    // The edit sends the version and the changed field only.
    expect(updated.request().postDataJSON()).toEqual({ version: 1, name: renamed });
    await detail.waitFor(code, renamed);

    await detail.openTab("History");
    const events = detail.historyEvents;
    await eventually(() => events.count()).toBe(2);
    const [latest, first] = [await events.nth(0).ariaSnapshot(), await events.nth(1).ariaSnapshot()];
    // Newest first: the update shows the changed field as before → after (read as "from … to …").
    expect(latest).toContain("text: Update");
    expect(latest).toContain(`listitem: "Name: from ${name} to ${renamed}"`);
    expect(latest).not.toContain("Code:");
    expect(first).toContain("text: Create");
    expect(first).toContain(`listitem: "Code: ${code}"`);
    expect(first).toContain(`listitem: "Name: ${name}"`);
    expect(first).toContain(`listitem: "Portfolio: ${portfolio.name}"`);
    // The struck-through old value is what sighted users see before the arrow.
    expect(await events.nth(0).locator("[style*='line-through']").textContent()).toBe(name);
    await checkPage(page, "project-history-after-edit");
  });

  test("a planned end before the planned start is refused next to the field, and nothing is saved", async () => {
    const portfolio = await admin.createPortfolio(`E2E portfolio ${uniqueCode("P")}`);
    const code = uniqueCode("BAD");
    const { page } = await open();
    const form = await new ProjectFormPage(page).gotoNew();
    await form.fill({
      code,
      name: "Backwards schedule",
      portfolio: portfolio.name,
      category: "Run",
      plannedStart: "2027-06-30",
      plannedEnd: "2027-01-01",
    });

    const refused = await form.save();
    expect(refused.status()).toBe(400);
    await form.notSavedAlert.waitFor();
    await eventually(() => form.errorFor("Planned end")).toMatchObject({
      text: "must be on or after the planned start",
    });
    const error = await form.errorFor("Planned end");
    expect(error?.gap, "the message sits right under the Planned end input").toBeLessThan(40);
    expect(error?.gap).toBeGreaterThanOrEqual(0);
    expect(await form.field("Planned end").getAttribute("aria-invalid")).toBe("true");
    // The other fields carry no error.
    expect(await form.errorFor("Planned start")).toBeNull();
    expect(await form.errorFor("Code")).toBeNull();
    // Still on the form with what was typed; nothing was created.
    expect(new URL(page.url()).pathname).toBe("/projects/new");
    expect(await form.field("Code").inputValue()).toBe(code);
    // The portfolio was made for this test: it still holds no project.
    const inPortfolio = await admin.get<ProjectList>(`/projects?portfolioId=${portfolio.id}&archived=include`);
    expect(inPortfolio.total).toBe(0);
    await checkPage(page, "project-new-refused");
  });

  test("the projects list sorts by a column, filters by status and searches by a word", async () => {
    await ensureDemo();
    const { page } = await open();
    const projects = await new ProjectsPage(page).goto();
    expect(await projects.sortState("Code")).toBe("ascending");
    expect(await projects.sortState("Budget")).toBe("none");

    const amounts = async () => (await projects.columnTexts("Budget")).map((t) => Number(t.replace(/[^0-9.-]/g, "")));
    const sorted = (values: number[], order: "asc" | "desc") =>
      [...values].sort((a, b) => (order === "asc" ? a - b : b - a));

    await projects.sortBy("Budget");
    await eventually(() => projects.sortState("Budget")).toBe("ascending");
    expect(await projects.sortState("Code")).toBe("none");
    await eventually(async () => {
      const a = await amounts();
      return a.length > 1 && a.join() === sorted(a, "asc").join() && a[0] !== a[a.length - 1];
    }, "budgets ascending").toBe(true);
    await projects.sortBy("Budget");
    await eventually(() => projects.sortState("Budget")).toBe("descending");
    await eventually(async () => {
      const a = await amounts();
      return a.length > 1 && a.join() === sorted(a, "desc").join() && a[0] !== a[a.length - 1];
    }, "budgets descending").toBe(true);
    expect(new URL(page.url()).searchParams.get("sort")).toBe("budgetTotalCents");
    expect(new URL(page.url()).searchParams.get("order")).toBe("desc");

    // Search by a word: the list narrows to what the API finds for it, still sorted.
    const word = "Charging";
    const matches = await admin.get<ProjectList>(`/projects?q=${word}`);
    expect(matches.total).toBeGreaterThan(0);
    expect(matches.total).toBeLessThan(40);
    await projects.search.fill(word);
    await eventually(async () => (await projects.columnTexts("Code")).sort()).toEqual(
      matches.items.map((p) => p.code).sort(),
    );
    await eventually(() => projects.count.textContent()).toBe(
      `${matches.total} project${matches.total === 1 ? "" : "s"}`,
    );
    expect(new URL(page.url()).searchParams.get("q")).toBe(word);
    // Both projects named after charging are among them (others may mention it in their description).
    expect(await projects.columnTexts("Code")).toEqual(expect.arrayContaining(["CUS-004", "NET-014"]));
    expect(await projects.sortState("Budget")).toBe("descending");
    await checkPage(page, "projects-searched");

    // Clear the search, then filter by a status.
    const everything = await admin.get<ProjectList>("/projects?limit=1");
    await projects.search.fill("");
    await eventually(() => projects.count.textContent()).toMatch(new RegExp(`^${everything.total} projects`));
    const onHold = await admin.get<ProjectList>("/projects?status=on_hold");
    expect(onHold.total).toBeGreaterThan(0);
    await projects.filterByStatus("On hold");
    await eventually(() => projects.count.textContent()).toBe(
      `${onHold.total} project${onHold.total === 1 ? "" : "s"}`,
    );
    await eventually(() => projects.columnTexts("Status")).toEqual(onHold.items.map(() => "On hold"));
    expect(new URL(page.url()).searchParams.get("status")).toBe("on_hold");
    expect(new URL(page.url()).searchParams.has("q")).toBe(false);
    // The sort survives the filter.
    expect(await projects.sortState("Budget")).toBe("descending");
    await checkPage(page, "projects-filtered");
  });

  test("every other page a user depends on passes axe: portfolios, import, audit, users, tokens, password", async () => {
    await ensureDemo();
    await admin.createToken("E2E reporting script", 30);
    const { page } = await open();
    const frame = new AppFrame(page);
    await page.goto("/projects/import");
    await page.getByRole("heading", { level: 1, name: "Import projects" }).waitFor();
    await checkPage(page, "project-import");

    await frame.navigate("Portfolios");
    const portfolios = page.getByRole("table", { name: "Portfolios" });
    await portfolios.getByRole("link", { name: "Digital & IT" }).waitFor();
    await checkPage(page, "portfolios");

    await portfolios.getByRole("link", { name: "Digital & IT" }).click();
    await page.getByRole("heading", { level: 1, name: "Digital & IT" }).waitFor();
    await page.getByRole("table", { name: "Programs" }).waitFor();
    await checkPage(page, "portfolio-detail");

    await frame.navigate("Audit", "Audit trail");
    await page.getByRole("table", { name: "Audit events" }).waitFor();
    await checkPage(page, "audit");

    await frame.navigate("Users");
    await page.getByRole("table", { name: "Users" }).getByRole("cell", { name: ADMIN_EMAIL }).waitFor();
    await checkPage(page, "users");

    await frame.navigate("API tokens");
    await page
      .getByRole("table", { name: "API tokens" })
      .getByRole("cell", { name: "E2E reporting script", exact: true })
      .waitFor();
    await checkPage(page, "tokens");

    await frame.changePassword();
    await checkPage(page, "change-password");
  });

  test("a section that is still loading passes axe (its loading indicator)", async () => {
    const portfolio = await admin.createPortfolio(`E2E portfolio ${uniqueCode("P")}`);
    const project = await admin.createProject({
      code: uniqueCode("LDG"),
      name: "Slow history",
      portfolioId: portfolio.id,
    });
    const { page } = await open();
    // Hold the history until the check has run, so the loading state is there to be checked.
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route("**/api/v1/projects/*/history*", async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`/projects/${project.id}?tab=history`);
    const detail = new ProjectDetailPage(page);
    await detail.waitFor(project.code, project.name);
    const panel = page.getByRole("tabpanel", { name: "History" });
    await eventually(() => loadingIndicators(panel)).toBe(1);
    // Every page shows this indicator (PageLoader) while it loads, the session check included.
    try {
      await checkPage(page, "project-history-loading");
    } finally {
      release();
    }
    await detail.historyEvents.first().waitFor();
  });

  test("signing out ends the session and leads back to the sign-in page", async () => {
    const { page } = await open();
    await page.goto("/portfolios");
    await new AppFrame(page).heading.filter({ hasText: "Portfolios" }).waitFor();
    const [session] = (await context.cookies()).filter((c) => c.name === "tl_session");
    expect(session).toBeDefined();
    const signedOut = page.waitForResponse((r) => r.url().endsWith("/api/v1/auth/sign-out"));
    await new AppFrame(page).signOut();
    expect((await signedOut).status()).toBe(204);
    expect(new URL(page.url()).pathname).toBe("/sign-in");
    expect((await context.cookies()).filter((c) => c.name === "tl_session")).toEqual([]);
    // The server ended the session too: its cookie no longer signs anyone in.
    const replay = await fetch(`${server.baseUrl}/api/v1/me`, { headers: { Cookie: `tl_session=${session?.value}` } });
    expect(replay.status).toBe(401);

    // A signed-in page now sends the visitor to sign in, remembering where they were going.
    await page.goto("/admin/users");
    await new SignInPage(page).heading.waitFor();
    expect(new URL(page.url()).searchParams.get("next")).toBe("/admin/users");
  });
});
