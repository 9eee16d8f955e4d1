/**
 * The portfolio-selection pages in a real browser, on a small instance whose optimum is known.
 *
 * Four proposed projects, all spending in January 2027 (custom values, costs in EUR):
 *   SEL-A 40 000 → 10   SEL-B 30 000 → 7   SEL-C 30 000 → 7   SEL-D 50 000 → 9 (made mandatory)
 * With 100 000 a month, D (50 000) leaves 50 000: A alone (value 10) beats B or C (7 each), and B + C
 * (60 000) do not fit, so the optimum is {A, D} with value 19. With 60 000 a month only D fits.
 *
 * The PMO admin signs in, creates the scenario in the UI, sets the values, the mandatory project and
 * a monthly budget with the fill helper, saves, solves and reads the result (tables, frontier chart,
 * greedy comparison); copies it with a tighter budget ("Save and solve"), compares the two, and
 * approves the first, which moves SEL-A from proposed to approved. A second test covers a field
 * error from the server beside its input, an infeasible scenario's relaxations and the 409 on a
 * stale save. Every page passes axe; screenshots go to /tmp/selection-shots/.
 */
import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect, test } from "vitest";
import { AppFrame } from "./pages/app-frame.js";
import { SignInPage } from "./pages/sign-in-page.js";
import {
  axeCheck,
  describeInBrowser,
  launchBrowser,
  openContext,
  openPage,
  summarizeAxeLog,
  type TestPage,
  UI_TIMEOUT,
} from "./support/browser.js";
import { ADMIN_EMAIL, ADMIN_PASSWORD, ApiSession, type RunningServer, startServer } from "./support/server.js";
import { eventually } from "./support/ui.js";

const SHOTS = "/tmp/selection-shots";
/** Solves take a second or two here; the machine may be busy. */
const SOLVE_TIMEOUT = 60_000;

type Id = { id: string };
type ProjectRef = Id & { code: string };
type Scenario = Id & {
  name: string;
  version: number;
  status: string;
  constraints: { budgetByMonthCents: (number | null)[] };
  candidateSettings: { projectId: string; mandatory: boolean; customValue: number | null }[];
  latestRun: { id: string; status: string } | null;
};

/**
 * Flips a switch that has no visible label (a table cell's) by clicking it as a person does: its
 * track, inside the <label> that Mantine wraps around the hidden input.
 */
async function toggle(page: Page, name: string): Promise<void> {
  await page.getByRole("switch", { name }).locator("xpath=ancestor::label[1]").click();
}

// ---------- page model ----------

/** The scenario editor (/selection/:id): tabs, save state, the candidates and constraints tables, results. */
class ScenarioEditor {
  constructor(readonly page: Page) {}

  async tab(name: "Settings" | "Candidates" | "Constraints" | "Run and results"): Promise<void> {
    await this.page.getByRole("tab", { name: new RegExp(`^${name}`) }).click();
    await eventually(() =>
      this.page.getByRole("tab", { name: new RegExp(`^${name}`) }).getAttribute("aria-selected"),
    ).toBe("true");
  }

  get saveState() {
    return this.page.getByTestId("save-state");
  }

  button(name: string) {
    return this.page.getByRole("button", { name, exact: true });
  }

  /** A money or number cell of a table by its accessible name ("Budget in Jan 2027", "Custom value of SEL-A"). */
  input(name: string) {
    return this.page.getByRole("textbox", { name, exact: true });
  }

  /** Codes in the first column of a results table ("Selected projects", "Projects not selected"). */
  codes(table: "Selected projects" | "Projects not selected"): Promise<string[]> {
    return this.page
      .getByRole("table", { name: table, exact: true })
      .locator("tbody tr")
      .evaluateAll((rows) => rows.map((r) => (r.querySelector("th")?.textContent ?? "").trim()).sort());
  }

  /** Waits for the run to finish and the Result heading to appear. */
  async waitForResult(): Promise<void> {
    await this.page.getByRole("heading", { level: 2, name: "Result" }).waitFor({ timeout: SOLVE_TIMEOUT });
  }
}

describeInBrowser("Portfolio selection pages in the browser", () => {
  let server: RunningServer;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let admin: ApiSession;
  let opened: TestPage[] = [];
  let serverErrors: string[] = [];
  let portfolio: Id & { name: string };
  const projects: Record<string, ProjectRef> = {};
  let role: { key: string; name: string };

  beforeAll(async () => {
    fs.rmSync(SHOTS, { recursive: true, force: true });
    fs.mkdirSync(SHOTS, { recursive: true });
    [server, browser] = await Promise.all([startServer({ SIGN_IN_RATE_LIMIT: "1000" }), launchBrowser()]);
    admin = await ApiSession.signIn(server.baseUrl);
    const categories = await admin.get<{ items: { key: string }[] }>("/categories");
    const [grow, run] = [categories.items[0]?.key, categories.items[1]?.key ?? categories.items[0]?.key];
    if (!grow || !run) throw new Error("the organization has no project categories");
    const roles = await admin.get<{ items: { key: string; name: string }[] }>("/resource-roles");
    const firstRole = roles.items[0];
    if (!firstRole) throw new Error("the organization has no resource roles");
    role = firstRole;
    portfolio = await admin.createPortfolio("Selection E2E portfolio");
    const make = async (code: string, name: string, euros: number, category: string) => {
      projects[code] = await admin.createProject({
        code,
        name,
        portfolioId: portfolio.id,
        category,
        plannedStart: "2027-01-01",
        plannedEnd: "2027-02-28",
        budget: [{ period: "2027-01", expenseType: "opex", amountCents: euros * 100 }],
        // 100 hours of one role in the first month: well within the capacity set below.
        demand: [{ roleKey: role.key, period: "2027-01", hours: 100 }],
      });
    };
    await make("SEL-A", "Customer portal", 40_000, grow);
    await make("SEL-B", "Data platform", 30_000, grow);
    await make("SEL-C", "Mobile app", 30_000, run);
    await make("SEL-D", "Regulatory reporting", 50_000, run);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    console.log(`screenshots: ${SHOTS}\n${summarizeAxeLog()}`);
  });

  afterEach(async () => {
    const pages = opened;
    opened = [];
    for (const p of pages) await p.context.close();
    expect(
      pages.flatMap((p) => p.pageErrors),
      "uncaught errors in the page",
    ).toEqual([]);
    expect(serverErrors, "server errors answered to the page").toEqual([]);
    serverErrors = [];
  });

  async function open(options: { signedIn?: boolean } = {}): Promise<Page> {
    const t = await openPage(await openContext(browser, server.baseUrl));
    opened.push(t);
    t.page.on("response", (r) => {
      if (r.status() >= 500) serverErrors.push(`${r.status()} ${r.request().method()} ${r.url()}`);
    });
    if (options.signedIn ?? true) {
      const session = await ApiSession.signIn(server.baseUrl);
      await t.context.addCookies(session.cookies().map((c) => ({ ...c, url: server.baseUrl })));
    }
    return t.page;
  }

  /** axe, then a full-page screenshot into SHOTS. */
  async function checkPage(page: Page, name: string): Promise<void> {
    // Charts and dialogs fade in; axe reads colours mid-transition otherwise.
    await eventually(() => page.evaluate(() => document.getAnimations().length)).toBe(0);
    await axeCheck(page, name);
    await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true, animations: "disabled" });
  }

  async function dialogShown(page: Page, name: string) {
    const dialog = page.getByRole("dialog", { name });
    await dialog.waitFor();
    await eventually(() => page.evaluate(() => document.getAnimations().length)).toBe(0);
    return dialog;
  }

  async function respondedTo(page: Page, method: string, urlPart: RegExp, act: () => Promise<unknown>) {
    const [response] = await Promise.all([
      page.waitForResponse((r) => urlPart.test(new URL(r.url()).pathname) && r.request().method() === method),
      act(),
    ]);
    return response;
  }

  async function heading(page: Page, name: string | RegExp): Promise<void> {
    await page.getByRole("main").getByRole("heading", { level: 1, name }).waitFor();
  }

  test("the PMO builds, solves, compares and approves a portfolio", { timeout: 240_000 }, async () => {
    // Sign in through the form and reach the module from the navigation.
    const page = await open({ signedIn: false });
    await page.goto("/projects");
    const signIn = new SignInPage(page);
    await signIn.heading.waitFor();
    await signIn.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
    await heading(page, "Projects");
    await new AppFrame(page).navigate("Portfolio selection");
    await page.getByText("No scenarios yet.").waitFor();
    await checkPage(page, "01-scenarios-empty");

    // A new scenario: January to March 2027 on the test portfolio.
    await page.getByRole("button", { name: "New scenario" }).click();
    const dialog = await dialogShown(page, "New scenario");
    await dialog.getByRole("textbox", { name: "Name" }).fill("Growth 2027");
    await dialog.getByRole("combobox", { name: "Portfolio" }).click();
    await page.getByRole("option", { name: portfolio.name }).click();
    await dialog.getByLabel("First month").fill("2027-01");
    await dialog.getByRole("textbox", { name: "Horizon (months)" }).fill("3");
    await eventually(() => dialog.textContent()).toContain("Jan 2027 – Mar 2027 (3 months)");
    await checkPage(page, "02-new-scenario-dialog");
    const created = await respondedTo(page, "POST", /\/api\/v1\/scenarios$/, () =>
      dialog.getByRole("button", { name: "Create scenario" }).click(),
    );
    expect(created.status()).toBe(201);
    const scenarioId = ((await created.json()) as Id).id;
    await heading(page, "Growth 2027");
    expect(new URL(page.url()).pathname).toBe(`/selection/${scenarioId}`);
    const editor = new ScenarioEditor(page);
    await eventually(() => editor.saveState.textContent()).toBe("No changes");

    // Settings: values are set per candidate.
    await page.getByRole("radio", { name: /^Custom value/ }).check();
    await eventually(() => editor.saveState.textContent()).toBe("Unsaved changes");
    await checkPage(page, "03-editor-settings");

    // Candidates: the four projects, their custom values, SEL-D mandatory.
    await editor.tab("Candidates");
    const candidates = page.getByRole("table", { name: "Candidates" });
    await eventually(() => candidates.locator("tbody tr").count()).toBe(4);
    for (const [code, value] of [
      ["SEL-A", "10"],
      ["SEL-B", "7"],
      ["SEL-C", "7"],
      ["SEL-D", "9"],
    ] as const) {
      await editor.input(`Custom value of ${code}`).fill(value);
    }
    await toggle(page, "Mandatory: SEL-D");
    expect(await page.getByRole("switch", { name: "Mandatory: SEL-D" }).isChecked()).toBe(true);
    expect(await page.getByRole("switch", { name: "Excluded: SEL-D" }).isChecked()).toBe(false);
    await eventually(() => page.getByRole("status").filter({ hasText: "candidates" }).textContent()).toContain(
      "4 candidates · 1 mandatory · 0 excluded",
    );
    await checkPage(page, "04-editor-candidates");

    // Constraints: 100 000 in January, copied to every month by the fill helper.
    await editor.tab("Constraints");
    await editor.input("Budget in Jan 2027").fill("100000");
    await page.getByRole("button", { name: "Fill all months with the first budget" }).click();
    await eventually(() => editor.input("Budget in Mar 2027").inputValue()).toBe("100000");
    expect(await editor.input("Budget in Feb 2027").inputValue()).toBe("100000");
    // Capacity of the role the projects need: 1000 hours in January (four projects need 400).
    await editor.input(`${role.name} capacity in Jan 2027`).fill("1000");
    await checkPage(page, "05-editor-constraints");

    // Save: one PATCH with the version and the changed fields.
    const saved = await respondedTo(page, "PATCH", /\/api\/v1\/scenarios\/[^/]+$/, () => editor.button("Save").click());
    expect(saved.status()).toBe(200);
    const patch = saved.request().postDataJSON() as Record<string, unknown>;
    expect(patch).toMatchObject({ version: 1, valueSource: "custom" });
    expect(Object.keys(patch).sort()).toEqual(["candidates", "constraints", "valueSource", "version"]);
    expect((patch.constraints as { capacity: unknown }).capacity).toEqual([{ roleKey: role.key, byMonth: [1000] }]);
    await eventually(() => editor.saveState.textContent()).toBe("All changes saved");
    const stored = await admin.get<Scenario>(`/scenarios/${scenarioId}`);
    expect(stored.constraints.budgetByMonthCents).toEqual([100_000_00, 100_000_00, 100_000_00]);
    expect(stored.candidateSettings.find((s) => s.projectId === projects["SEL-D"]?.id)).toMatchObject({
      mandatory: true,
      customValue: 9,
    });

    // Solve and wait for the result.
    await editor.tab("Run and results");
    await page.getByText("This scenario has not been solved yet.").waitFor();
    const started = await respondedTo(page, "POST", /\/runs$/, () => editor.button("Solve").click());
    expect(started.status()).toBe(202);
    await editor.waitForResult();
    await eventually(() => page.getByRole("main").textContent()).toContain("Optimal");
    await eventually(() => editor.codes("Selected projects")).toEqual(["SEL-A", "SEL-D"]);
    expect(await editor.codes("Projects not selected")).toEqual(["SEL-B", "SEL-C"]);
    const notSelected = page.getByRole("table", { name: "Projects not selected" });
    const rowB = notSelected.getByRole("row", { name: /SEL-B/ });
    expect((await rowB.textContent())?.length ?? 0).toBeGreaterThan(20); // the reason sentence is there
    await expect.poll(() => page.getByRole("heading", { name: "Selected (2)", exact: true }).count()).toBe(1);
    const resultText = await page.getByRole("region", { name: "Result" }).textContent();
    expect(resultText).toContain("19");
    // The greedy comparison and the charts.
    await page.getByRole("table", { name: "Optimizer against the ranking cut-line" }).waitFor();
    const frontier = page.getByRole("img", { name: /^Line chart of the efficient frontier/ });
    await frontier.waitFor();
    await eventually(() => frontier.locator("svg path").count()).toBeGreaterThan(3);
    await eventually(() => page.getByRole("table", { name: "Efficient frontier points" }).textContent()).toContain(
      "100 %",
    );
    await page.getByRole("img", { name: /^Stacked bar chart of the selected portfolio's spend/ }).waitFor();
    await page
      .getByRole("img", { name: new RegExp(`^Bar chart of ${role.name} demand per month in hours, with the capacity`) })
      .waitFor();
    await page.getByRole("img", { name: /^Bubble chart of every candidate/ }).waitFor();
    // The model download: a CPLEX-LP attachment, fetched with the page's own session.
    const lpLink = page.getByRole("link", { name: "Download model (.lp)" });
    const lp = await page.request.get((await lpLink.getAttribute("href")) ?? "");
    expect(lp.status()).toBe(200);
    expect(lp.headers()["content-disposition"]).toMatch(/^attachment; filename=".+\.lp"$/);
    expect(await lp.text()).toMatch(/^maximize$/im);
    await checkPage(page, "06-editor-results");

    // A copy with 60 000 a month: only SEL-D fits. "Save and solve" saves the change first.
    await editor.button("Copy").click();
    const copyDialog = await dialogShown(page, "Copy scenario");
    await copyDialog.getByRole("textbox", { name: "Name of the copy" }).fill("Tight 2027");
    await copyDialog.getByRole("button", { name: "Copy", exact: true }).click();
    await heading(page, "Tight 2027");
    await editor.tab("Constraints");
    await editor.input("Budget in Jan 2027").fill("60000");
    await page.getByRole("button", { name: "Fill all months with the first budget" }).click();
    await editor.tab("Run and results");
    await page.getByText("You have unsaved changes: Solve saves them first.").waitFor();
    const copySaved = await respondedTo(page, "PATCH", /\/api\/v1\/scenarios\/[^/]+$/, () =>
      editor.button("Save and solve").click(),
    );
    expect(copySaved.status()).toBe(200);
    await editor.waitForResult();
    await eventually(() => editor.codes("Selected projects")).toEqual(["SEL-D"]);
    expect(await editor.codes("Projects not selected")).toEqual(["SEL-A", "SEL-B", "SEL-C"]);

    // The list shows both; tick them and compare.
    await page.getByRole("link", { name: "← All scenarios" }).click();
    await heading(page, "Portfolio selection");
    const list = page.getByRole("table", { name: "Scenarios" });
    await eventually(() => list.locator("tbody tr").count()).toBe(2);
    await eventually(() => list.getByRole("row", { name: /Growth 2027/ }).textContent()).toContain("Optimal");
    await page.getByRole("checkbox", { name: "Compare Growth 2027" }).check();
    await page.getByRole("checkbox", { name: "Compare Tight 2027" }).check();
    await checkPage(page, "07-scenarios-list");
    await page.getByRole("button", { name: "Compare", exact: true }).click();
    await heading(page, "Compare scenarios");
    const summary = page.getByRole("table", { name: "Scenario summary" });
    await eventually(() => summary.locator("thead th").count()).toBe(3);
    expect(await summary.textContent()).toContain("Growth 2027");
    expect(await summary.textContent()).toContain("Tight 2027");
    const matrix = page.getByRole("table", { name: "Projects by scenario" });
    await eventually(() => matrix.locator("tbody tr").count()).toBe(2);
    const rowA = matrix.getByRole("row", { name: /SEL-A/ });
    expect(await rowA.getAttribute("data-differs")).toBe("true");
    expect(await rowA.textContent()).toContain("Differs");
    expect(await matrix.getByRole("row", { name: /SEL-D/ }).getAttribute("data-differs")).toBeNull();
    await page.getByRole("img", { name: /^Line chart of the spend per month/ }).waitFor();
    await checkPage(page, "08-comparison");

    // Approve the first scenario's portfolio: SEL-A goes from proposed to approved.
    await page.goto(`/selection/${scenarioId}?tab=run`);
    await editor.waitForResult();
    await editor.button("Approve portfolio").click();
    const approve = await dialogShown(page, "Approve portfolio");
    await approve.getByText("SEL-A · Customer portal, starting Jan 2027").waitFor();
    await approve.getByRole("textbox", { name: "Rationale" }).fill("Best value within the 2027 budget");
    await checkPage(page, "09-approve-dialog");
    const committed = await respondedTo(page, "POST", /\/commit$/, () =>
      approve.getByRole("button", { name: "Approve portfolio" }).click(),
    );
    expect(committed.status()).toBe(200);
    expect(committed.request().postDataJSON()).toMatchObject({ rationale: "Best value within the 2027 budget" });
    await page.getByText("2 projects were approved at their chosen start.").waitFor();
    await page.getByRole("link", { name: "See the decision in the decision log" }).waitFor();
    await eventually(() => page.getByRole("main").textContent()).toContain("Committed");
    await checkPage(page, "10-approved");
    const projectA = await admin.get<{ status: string }>(`/projects/${projects["SEL-A"]?.id}`);
    const projectB = await admin.get<{ status: string }>(`/projects/${projects["SEL-B"]?.id}`);
    expect(projectA.status).toBe("approved");
    expect(projectB.status).toBe("proposed");
    expect((await admin.get<Scenario>(`/scenarios/${scenarioId}`)).status).toBe("committed");

    // The decision is in the log.
    await page.getByRole("link", { name: "See the decision in the decision log" }).click();
    await heading(page, "Decision log");
    await eventually(() => page.getByRole("main").textContent()).toContain(
      "Approve the portfolio of scenario Growth 2027",
    );
  });

  test("server field errors sit beside their inputs; infeasible scenarios list what must move; a stale save is a conflict", {
    timeout: 180_000,
  }, async () => {
    // Both A and D mandatory with 60 000 a month: infeasible by 30 000 in January.
    const scenario = await admin.post<Scenario>("/scenarios", {
      name: "Impossible 2027",
      portfolioId: portfolio.id,
      firstMonth: "2027-01",
      horizonMonths: 3,
      valueSource: "custom",
      constraints: { budgetByMonthCents: [60_000_00, 60_000_00, 60_000_00] },
      candidates: [
        { projectId: projects["SEL-A"]?.id, mandatory: true, customValue: 10 },
        { projectId: projects["SEL-D"]?.id, mandatory: true, customValue: 9 },
      ],
    });
    const page = await open();
    await page.goto(`/selection/${scenario.id}?tab=candidates`);
    await heading(page, "Impossible 2027");
    const editor = new ScenarioEditor(page);

    // A latest start before the earliest: the server's message appears under the input.
    await page.getByRole("combobox", { name: "Earliest start of SEL-B" }).selectOption("2027-02");
    await page.getByRole("combobox", { name: "Latest start of SEL-B" }).selectOption("2027-01");
    const refused = await respondedTo(page, "PATCH", /\/api\/v1\/scenarios\/[^/]+$/, () =>
      editor.button("Save").click(),
    );
    expect(refused.status()).toBe(400);
    const latest = page.getByRole("combobox", { name: "Latest start of SEL-B" });
    await eventually(() => latest.getAttribute("aria-invalid")).toBe("true");
    await eventually(() =>
      latest.evaluate((el) =>
        (el.getAttribute("aria-describedby") ?? "")
          .split(" ")
          .map((id) => document.getElementById(id)?.textContent ?? "")
          .join(" "),
      ),
    ).toContain("is before the earliest start");
    await eventually(() => page.getByRole("tab", { name: /^Candidates/ }).textContent()).toContain("1");
    await checkPage(page, "11-field-error");
    await editor.button("Discard changes").click();
    await eventually(() => editor.saveState.textContent()).toBe("No changes");

    // Solving. While the run is held at "running" (the answers to the page's polls are rewritten),
    // the progress shows its phase, bar, best value, gap and time, with Cancel.
    let holdRunning = true;
    const polls: string[] = [];
    await page.route(/\/api\/v1\/selection-runs\/[^/]+$/, async (route) => {
      polls.push(new Date().toISOString());
      const response = await route.fetch();
      if (!holdRunning) return route.fulfill({ response });
      const run = (await response.json()) as Record<string, unknown>;
      const progress = {
        phase: "solving",
        fraction: 0.42,
        incumbent: 12,
        bound: 15,
        gapPct: 25,
        nodes: 1234,
        elapsedSeconds: 3.4,
      };
      return route.fulfill({
        response,
        json: { ...run, status: "running", finishedAt: null, result: null, progress },
      });
    });
    await editor.tab("Run and results");
    await editor.button("Solve").click();
    await page.getByRole("heading", { level: 2, name: "Solving…" }).waitFor();
    const bar = page.getByRole("progressbar", { name: "Solve progress" });
    await eventually(() => bar.getAttribute("aria-valuenow")).toBe("42");
    const progress = page.getByRole("region", { name: "Solving…" });
    await eventually(() => progress.textContent()).toContain("Best value so far: 12");
    expect(await progress.textContent()).toContain("Gap: 25 %");
    expect(await progress.textContent()).toContain("Elapsed: 3.4 s");
    expect(await page.getByTestId("run-phase").textContent()).toBe("Solving");
    await page.getByRole("button", { name: "Cancel solve" }).waitFor();
    // The page keeps polling about twice a second.
    const seen = polls.length;
    await eventually(() => polls.length).toBeGreaterThanOrEqual(seen + 2);
    await checkPage(page, "12a-solving");
    holdRunning = false;

    // No portfolio meets the budget; the alert says what must move.
    await editor.waitForResult();
    await page.unroute(/\/api\/v1\/selection-runs\/[^/]+$/);
    const alert = page.getByRole("alert").filter({ hasText: "No portfolio meets every limit" });
    await alert.waitFor();
    await eventually(() => page.getByTestId("relaxations").locator("li").count()).toBeGreaterThan(0);
    expect(await page.getByTestId("relaxations").textContent()).toMatch(/budget/i);
    expect(await page.getByRole("button", { name: "Approve portfolio" }).count()).toBe(0);
    await checkPage(page, "12-infeasible");

    // Someone else renames the scenario; saving the stale version is refused and can be reloaded.
    const current = await admin.get<Scenario>(`/scenarios/${scenario.id}`);
    await admin.patch(`/scenarios/${scenario.id}`, { version: current.version, name: "Renamed elsewhere" });
    await editor.tab("Settings");
    await page.getByRole("textbox", { name: "Name", exact: true }).fill("My name");
    const stale = await respondedTo(page, "PATCH", /\/api\/v1\/scenarios\/[^/]+$/, () => editor.button("Save").click());
    expect(stale.status()).toBe(409);
    await page.getByRole("alert").filter({ hasText: "Someone else changed this scenario" }).waitFor();
    await checkPage(page, "13-conflict");
    await editor.button("Reload current version").click();
    await eventually(() => page.getByRole("textbox", { name: "Name", exact: true }).inputValue()).toBe(
      "Renamed elsewhere",
    );
    await heading(page, "Renamed elsewhere");
    await eventually(() => editor.saveState.textContent()).toBe("No changes");
  });

  test("the comparison page asks for scenarios when given none", async () => {
    const page = await open();
    await page.goto("/selection/compare");
    await heading(page, "Compare scenarios");
    await page.getByText("Choose two to four scenarios").waitFor({ timeout: UI_TIMEOUT });
    await checkPage(page, "14-comparison-empty");
  });
});
