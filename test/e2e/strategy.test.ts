/**
 * The strategy pages in a real browser. The scenario: an executive fills a pairwise grid
 * and watches the consistency ratio (an inconsistent set first, then a consistent one), submits,
 * and the PMO publishes the weights, which reverses the ranking of two projects compared with the
 * model published before. Also: the goal editor's live SMART check and server field errors, a
 * check-in, and an axe-core check with a screenshot of every strategy page. Data is set up through
 * the API; one server for the file.
 */
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
  SCREENSHOT_DIR,
  screenshot,
  summarizeAxeLog,
  type TestPage,
} from "./support/browser.js";
import { ApiSession, type RunningServer, startServer } from "./support/server.js";
import { eventually } from "./support/ui.js";

const EXEC_EMAIL = "erin.exec@example.test";
const EXEC_PASSWORD = "Exec-Passw0rd-2027!zz";
const CUSTOMER = "Customer impact";
const RISK = "Risk reduction";
const COST = "Cost saving";

type Id = { id: string };
type Criterion = Id & { key: string; name: string };

/** An ISO date `days` from today (UTC). */
function isoDay(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

// ---------- page models ----------

/** The prioritization page (/strategy/prioritizations/:id): the pairwise grid and the live consistency. */
class PrioritizationPage {
  constructor(readonly page: Page) {}

  /** One row of the grid: the radio group "A versus B" (criteria come in the session's order, either way round). */
  pair(a: string, b: string) {
    return this.page.getByRole("group", { name: new RegExp(`^(${a} versus ${b}|${b} versus ${a})$`) });
  }

  /**
   * Picks a judgment by what it says: "Risk reduction is 3 times more important than Customer
   * impact", or "equal" for "… and … are equally important".
   */
  async judge(a: string, b: string, sentence: string): Promise<void> {
    const name = sentence === "equal" ? new RegExp(`^(${a} and ${b}|${b} and ${a}) are equally important$`) : sentence;
    await this.pair(a, b).getByRole("radio", { name, exact: true }).check();
  }

  /** The live consistency line ("2 comparisons missing…" or "CR 0.000 (threshold 0.050): consistent"). */
  get consistency() {
    return this.page.getByTestId("consistency-status");
  }

  button(name: string) {
    return this.page.getByRole("button", { name, exact: true });
  }
}

/** The ranking page (/strategy/ranking): the model select and the ranked table. */
class RankingPage {
  constructor(readonly page: Page) {}

  get table() {
    return this.page.getByRole("table", { name: "Ranking", exact: true });
  }

  /** Project codes in rank order. */
  async codes(): Promise<string[]> {
    return this.table
      .locator("tbody tr")
      .evaluateAll((rows) => rows.map((r) => (r.querySelectorAll("td")[1]?.textContent ?? "").trim()));
  }

  get modelHeading() {
    return this.page.getByRole("heading", { level: 2, name: /^Scoring model version \d+$/ });
  }

  async chooseModel(version: number): Promise<void> {
    await this.page.getByRole("combobox", { name: "Scoring model" }).click();
    await this.page.getByRole("option", { name: new RegExp(`^Version ${version}\\b`) }).click();
    await this.page.getByRole("heading", { level: 2, name: `Scoring model version ${version}` }).waitFor();
  }
}

describeInBrowser("Strategy pages in the browser", () => {
  let server: RunningServer;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let admin: ApiSession;
  let opened: TestPage[] = [];
  let serverErrors: string[] = [];

  // Set up once through the API.
  const criteria: Criterion[] = [];
  let projectA: Id & { code: string };
  let projectB: Id & { code: string };
  let objective: Id;
  let sessionForExec: Id & { name: string };

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer({ SIGN_IN_RATE_LIMIT: "1000" }), launchBrowser()]);
    admin = await ApiSession.signIn(server.baseUrl);

    // An executive with a known password.
    const exec = await admin.createUser({
      email: EXEC_EMAIL,
      name: "Erin Executive",
      role: "executive",
      password: EXEC_PASSWORD,
    });

    // Three top-level criteria on a 0–5 scale, with anchored levels on the first.
    for (const [key, name] of [
      ["customer", CUSTOMER],
      ["risk", RISK],
      ["cost", COST],
    ] as const) {
      criteria.push(
        await admin.post<Criterion>("/strategy/criteria", {
          key,
          name,
          scaleMin: 0,
          scaleMax: 5,
          levels:
            key === "customer"
              ? [
                  { value: 0, label: "None", description: "No customer sees a difference" },
                  { value: 5, label: "Transformative", description: "Changes how customers work with us" },
                ]
              : [],
        }),
      );
    }
    const [customer, risk, cost] = criteria as [Criterion, Criterion, Criterion];

    // Two projects: A is all about customers, B about risk and cost. The weights decide which leads.
    const categories = await admin.get<{ items: { key: string }[] }>("/categories");
    const category = categories.items[0]?.key;
    if (!category) throw new Error("the organization has no project categories");
    const portfolio = await admin.createPortfolio("Strategy E2E portfolio");
    const project = (code: string, name: string, amountCents: number) =>
      admin.post<Id & { code: string }>("/projects", {
        code,
        name,
        portfolioId: portfolio.id,
        category,
        plannedStart: "2027-01-01",
        plannedEnd: "2027-12-31",
        budget: [{ period: "2027-01", expenseType: "opex", amountCents }],
      });
    projectA = await project("STR-A", "Customer portal", 40_000_00);
    projectB = await project("STR-B", "Risk and cost programme", 60_000_00);
    await admin.request("PUT", `/projects/${projectA.id}/scores`, {
      scores: [
        { criterionId: customer.id, value: 5, rationale: "Self-service for every customer" },
        { criterionId: risk.id, value: 0 },
        { criterionId: cost.id, value: 0 },
      ],
    });
    await admin.request("PUT", `/projects/${projectB.id}/scores`, {
      scores: [
        { criterionId: customer.id, value: 0 },
        { criterionId: risk.id, value: 5 },
        { criterionId: cost.id, value: 5 },
      ],
    });

    // An objective with a goal and a check-in, and project B linked to it.
    objective = await admin.post<Id>("/strategy/objectives", {
      code: "O1",
      title: "Grow recurring revenue",
      horizonStart: isoDay(-60).slice(0, 7),
      horizonEnd: isoDay(700).slice(0, 7),
      weight: 3,
      ownerId: admin.me.user.id,
    });
    await admin.post("/strategy/objectives", {
      code: "PMO-1",
      kind: "pmo",
      title: "Deliver projects on time",
      horizonStart: isoDay(-60).slice(0, 7),
      horizonEnd: isoDay(700).slice(0, 7),
      weight: 1,
    });
    await admin.request("PUT", `/projects/${projectB.id}/objective-links`, {
      links: [{ objectiveId: objective.id, strength: 3 }],
    });
    const goal = await admin.post<Id>("/strategy/goals", {
      objectiveId: objective.id,
      title: "Raise recurring revenue from 100 to 130 MEUR",
      scope: "All business units",
      metricName: "Recurring revenue",
      unit: "MEUR",
      direction: "increase",
      baselineValue: 100,
      baselineDate: isoDay(-60),
      targetValue: 130,
      targetDate: isoDay(300),
      ownerId: admin.me.user.id,
    });
    await admin.post(`/strategy/goals/${goal.id}/check-ins`, { date: isoDay(-5), value: 104, note: "Q3 close" });

    // Model version 1 from the PMO's own judgments: customers matter most, so A leads.
    const first = await admin.post<Id>("/strategy/prioritizations", {
      name: "PMO baseline weights",
      participantIds: [admin.me.user.id],
    });
    await admin.request("PUT", `/strategy/prioritizations/${first.id}/judgments`, {
      judgments: [
        { a: customer.id, b: risk.id, value: 9 },
        { a: customer.id, b: cost.id, value: 9 },
        { a: risk.id, b: cost.id, value: 1 },
      ],
      submit: true,
    });
    await admin.post("/strategy/scoring-models", { sessionIds: [first.id], note: "Baseline" });

    // The executives' round.
    sessionForExec = await admin.post<Id & { name: string }>("/strategy/prioritizations", {
      name: "Executive weights 2027",
      businessUnit: "Group",
      description: "Compare the criteria in pairs.",
      participantIds: [exec.user.id],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    console.log(`screenshots: ${SCREENSHOT_DIR}\n${summarizeAxeLog()}`);
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

  /** A fresh browser context, signed in as the admin unless asked not to. */
  async function open(options: { signedIn?: boolean } = {}): Promise<Page> {
    // Its own context: the executive and the PMO are signed in side by side.
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

  async function checkPage(page: Page, name: string): Promise<void> {
    await axeCheck(page, name);
    await screenshot(page, name);
  }

  /** Waits for a dialog to be shown and its opening transition to end (axe reads colours mid-fade otherwise). */
  async function dialogShown(page: Page, name: string) {
    const dialog = page.getByRole("dialog", { name });
    await dialog.waitFor();
    await eventually(() => page.evaluate(() => document.getAnimations().length)).toBe(0);
    return dialog;
  }

  /**
   * Does `act` and returns the response to the request it sends (method, URL ending). Both are
   * awaited together, so a failed action never leaves the wait for the response unhandled.
   */
  async function respondedTo(page: Page, method: string, urlEnd: string, act: () => Promise<unknown>) {
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith(urlEnd) && r.request().method() === method),
      act(),
    ]);
    return response;
  }

  async function heading(page: Page, name: string | RegExp): Promise<void> {
    await page.getByRole("main").getByRole("heading", { level: 1, name }).waitFor();
  }

  test("an executive fills the pairwise grid and sees the CR; the PMO publishes weights that change the ranking", async () => {
    // Under model version 1 (customers first), project A leads.
    const before = await admin.get<{ rows: { code: string }[] }>("/strategy/ranking");
    expect(before.rows.map((r) => r.code)).toEqual([projectA.code, projectB.code]);

    // The executive signs in through the form and finds the prioritization.
    const page = await open({ signedIn: false });
    await page.goto("/strategy/prioritizations");
    const signIn = new SignInPage(page);
    await signIn.heading.waitFor();
    await signIn.signIn(EXEC_EMAIL, EXEC_PASSWORD);
    await heading(page, "Prioritizations");
    const row = page
      .getByRole("table", { name: "Prioritizations" })
      .getByRole("row", { name: /Executive weights 2027/ });
    await eventually(() => row.textContent()).toContain("Your judgments are awaited");
    await row.getByRole("link", { name: sessionForExec.name }).click();
    await heading(page, sessionForExec.name);

    const grid = new PrioritizationPage(page);
    // n(n−1)/2 = 3 rows for three criteria.
    await eventually(() => page.getByRole("group", { name: / versus / }).count()).toBe(3);
    await eventually(() => grid.consistency.textContent()).toContain("3 comparisons missing");
    await expect.poll(() => grid.button("Submit").isDisabled()).toBe(true);
    await checkPage(page, "prioritization-executive-empty");

    // A deliberately circular set: customer > risk > cost > customer.
    await grid.judge(CUSTOMER, RISK, `${CUSTOMER} is 3 times more important than ${RISK}`);
    await eventually(() => grid.consistency.textContent()).toContain("2 comparisons missing");
    await grid.judge(RISK, COST, `${RISK} is 3 times more important than ${COST}`);
    await eventually(() => grid.consistency.textContent()).toContain("1 comparison missing");
    await grid.judge(CUSTOMER, COST, `${COST} is 3 times more important than ${CUSTOMER}`);
    await eventually(() => grid.consistency.textContent()).toMatch(/CR \d\.\d{3} \(threshold 0\.050\): inconsistent/);
    const inconsistentCr = Number((await grid.consistency.textContent())?.match(/CR (\d\.\d{3})/)?.[1]);
    expect(inconsistentCr).toBeGreaterThan(0.05);
    await page.getByRole("heading", { name: "Judgments to reconsider" }).waitFor();
    await checkPage(page, "prioritization-executive-inconsistent");

    // One click takes a suggested value; the CR is recomputed at once.
    await page
      .getByRole("button", { name: /^Use suggested value for / })
      .first()
      .click();
    await eventually(async () =>
      Number((await grid.consistency.textContent())?.match(/CR (\d\.\d{3})/)?.[1]),
    ).toBeLessThan(inconsistentCr);

    // The executive settles on a consistent view: risk and cost each three times customer impact.
    await grid.judge(CUSTOMER, RISK, `${RISK} is 3 times more important than ${CUSTOMER}`);
    await grid.judge(CUSTOMER, COST, `${COST} is 3 times more important than ${CUSTOMER}`);
    await grid.judge(RISK, COST, "equal");
    await eventually(() => grid.consistency.textContent()).toContain("CR 0.000 (threshold 0.050): consistent");
    const weights = page.getByRole("list", { name: "Your weights" });
    await eventually(() => weights.textContent()).toContain("42.9 %");
    await eventually(() => weights.textContent()).toContain("14.3 %");

    // Keyboard: the arrow keys move along a row.
    const equal = grid.pair(RISK, COST).getByRole("radio", { name: /are equally important$/ });
    await equal.focus();
    await page.keyboard.press("ArrowRight");
    await eventually(() => grid.consistency.textContent()).not.toContain("CR 0.000");
    await page.keyboard.press("ArrowLeft");
    await eventually(() => grid.consistency.textContent()).toContain("CR 0.000");

    const saved = await respondedTo(page, "PUT", "/judgments", () => grid.button("Save draft").click());
    expect(saved.status()).toBe(200);
    await page.getByText("Draft saved.").waitFor();
    const submitResponse = await respondedTo(page, "PUT", "/judgments", () => grid.button("Submit").click());
    expect(submitResponse.status()).toBe(200);
    expect((submitResponse.request().postDataJSON() as { submit: boolean }).submit).toBe(true);
    await page.getByRole("alert").or(page.getByText("Judgments submitted")).first().waitFor();
    await page.getByText("Judgments submitted").waitFor();
    await checkPage(page, "prioritization-executive-submitted");

    // The PMO (the admin) opens it, sees the submission and publishes the weights.
    const pmo = await open();
    await pmo.goto(`/strategy/prioritizations/${sessionForExec.id}`);
    await heading(pmo, sessionForExec.name);
    const participants = pmo.getByRole("table", { name: "Participants" });
    await eventually(() => participants.getByRole("row", { name: /Erin Executive/ }).textContent()).toContain(
      "0.000 · consistent",
    );
    await eventually(() => pmo.getByRole("list", { name: "Group weights" }).textContent()).toContain("42.9 %");
    await checkPage(pmo, "prioritization-pmo");
    await pmo.getByRole("button", { name: "Publish weights", exact: true }).click();
    const dialog = await dialogShown(pmo, "Publish weights");
    await dialog.getByRole("textbox", { name: "Note" }).fill("Executive round 2027");
    await checkPage(pmo, "prioritization-publish-dialog");
    const published = await respondedTo(pmo, "POST", "/api/v1/strategy/scoring-models", () =>
      dialog.getByRole("button", { name: "Publish version 2" }).click(),
    );
    expect(published.status()).toBe(201);
    await pmo.getByText("Scoring model version 2 published").waitFor();

    // The ranking under the new model: B now leads; version 1 still shows A first.
    await pmo.getByRole("link", { name: "See the ranking" }).click();
    await heading(pmo, "Ranking");
    const ranking = new RankingPage(pmo);
    await eventually(() => ranking.modelHeading.textContent()).toBe("Scoring model version 2");
    await eventually(() => ranking.codes()).toEqual([projectB.code, projectA.code]);
    await pmo.getByRole("img", { name: /^Bar chart of each objective's share/ }).waitFor();
    await checkPage(pmo, "ranking-v2");
    await ranking.chooseModel(1);
    expect(new URL(pmo.url()).searchParams.get("modelId")).toBeTruthy();
    await eventually(() => ranking.codes()).toEqual([projectA.code, projectB.code]);
    await checkPage(pmo, "ranking-v1");
  });

  test("the goal editor shows SMART verdicts while typing, server field errors beside the fields, and records a check-in", async () => {
    const page = await open();
    await page.goto("/strategy/goals/new");
    await heading(page, "New goal");
    const letter = (l: string) => page.getByTestId(`smart-${l}`);
    const overall = page.getByRole("status").filter({ hasText: "Overall:" });

    const title = page.getByRole("textbox", { name: "Title" });
    await title.fill("Improve quality");
    await eventually(() => letter("S").textContent()).toContain("title uses only vague words");
    await eventually(() => letter("S").textContent()).toContain("Fail");
    await eventually(() => letter("R").textContent()).toContain("not linked to a strategic objective");
    await eventually(() => overall.textContent()).toContain("Fail");

    await title.fill("Raise NPS from 32 to 45");
    await eventually(() => letter("S").textContent()).not.toContain("title uses only vague words");
    await page.getByRole("combobox", { name: "Objective" }).click();
    await page.getByRole("option", { name: /^O1 · Grow recurring revenue/ }).click();
    await eventually(() => letter("R").textContent()).toContain("linked to an active organizational objective");
    await page.getByRole("textbox", { name: "Scope" }).fill("Customers in the EU");
    await page.getByRole("combobox", { name: "Owner" }).click();
    await page.getByRole("option", { name: admin.me.user.name }).click();
    await page.getByRole("textbox", { name: "Metric name" }).fill("Net promoter score");
    await page.getByRole("textbox", { name: "Unit" }).fill("points");
    await page.getByRole("textbox", { name: /^Baseline value/ }).fill("32");
    await page.getByLabel("Baseline date").fill(isoDay(-30));
    await page.getByRole("textbox", { name: /^Target value/ }).fill("45");
    // A target date before the baseline: the T letter fails at once…
    await page.getByLabel("Target date").fill(isoDay(-40));
    await eventually(() => letter("T").textContent()).toContain("target date is not after the baseline date");
    await checkPage(page, "goal-new-live-smart");

    // …and the server refuses it, with the message beside the field.
    const refused = await respondedTo(page, "POST", "/strategy/goals", () =>
      page.getByRole("button", { name: "Save goal" }).click(),
    );
    expect(refused.status()).toBe(400);
    await page.getByRole("alert").filter({ hasText: "The goal was not saved" }).waitFor();
    const targetDate = page.getByLabel("Target date");
    await eventually(() => targetDate.getAttribute("aria-invalid")).toBe("true");
    await eventually(() =>
      targetDate.evaluate((el) =>
        (el.getAttribute("aria-describedby") ?? "")
          .split(" ")
          .map((id) => document.getElementById(id)?.textContent ?? "")
          .join(" "),
      ),
    ).toContain("must be after the baseline date");
    await checkPage(page, "goal-new-server-errors");

    await targetDate.fill(isoDay(330));
    await eventually(() => overall.textContent()).toContain("Pass");
    await page.getByRole("button", { name: "Save goal" }).click();
    await heading(page, "Raise NPS from 32 to 45");
    await page.getByRole("heading", { name: "SMART check" }).waitFor();
    await eventually(() => page.getByText("Overall: Pass").count()).toBeGreaterThan(0);

    // A check-in: the table lists it and the chart appears.
    await page.getByRole("textbox", { name: /^Value/ }).fill("36");
    await page.getByRole("textbox", { name: "Note" }).fill("Autumn survey");
    await page.getByRole("button", { name: "Record check-in" }).click();
    await page.getByText("Check-in recorded.").waitFor();
    await eventually(() => page.getByRole("table", { name: "Check-ins" }).textContent()).toContain("Autumn survey");
    await page.getByRole("img", { name: /^Chart of recorded values/ }).waitFor();
    await eventually(() => page.locator("svg").count()).toBeGreaterThan(0);
    await checkPage(page, "goal-detail");

    // The goals list shows it with its verdict and progress.
    await page.goto(`/strategy/goals?objectiveId=${objective.id}`);
    await heading(page, "Goals");
    const goals = page.getByRole("table", { name: "Goals" });
    await eventually(() => goals.getByRole("row", { name: /Raise NPS from 32 to 45/ }).textContent()).toContain("Pass");
    await checkPage(page, "goals-list");
  });

  test("every strategy page passes axe and is reachable from the navigation", async () => {
    const page = await open();
    await page.goto("/projects");
    const frame = new AppFrame(page);
    await frame.navigate("Strategy", "Strategy map");
    const sections = page.getByRole("navigation", { name: "Strategy sections" });
    expect(await sections.getByRole("link", { name: "Strategy map" }).getAttribute("aria-current")).toBe("page");

    // The map: expand O1 to see its goal and its linked project.
    await page.getByRole("button", { name: "Show goals and projects of O1" }).click();
    await page.getByRole("link", { name: "Raise recurring revenue from 100 to 130 MEUR" }).waitFor();
    await page.getByRole("link", { name: `${projectB.code} · Risk and cost programme` }).waitFor();
    await checkPage(page, "strategy-map");
    await page.getByRole("button", { name: "Edit O1" }).click();
    const objectiveDialog = await dialogShown(page, "Edit objective");
    await checkPage(page, "objective-dialog");
    await objectiveDialog.getByRole("button", { name: "Cancel" }).click();
    await objectiveDialog.waitFor({ state: "hidden" });

    await sections.getByRole("link", { name: "Criteria" }).click();
    await heading(page, "Criteria");
    await page.getByRole("list", { name: `Levels of ${CUSTOMER}` }).waitFor();
    await checkPage(page, "criteria");
    await page.getByRole("button", { name: `Edit ${CUSTOMER}` }).click();
    const criterionDialog = await dialogShown(page, "Edit criterion");
    await criterionDialog.getByRole("table", { name: "Anchored levels" }).waitFor();
    await checkPage(page, "criterion-dialog");
    await criterionDialog.getByRole("button", { name: "Cancel" }).click();
    await criterionDialog.waitFor({ state: "hidden" });

    await sections.getByRole("link", { name: "Prioritizations" }).click();
    await heading(page, "Prioritizations");
    await page.getByRole("table", { name: "Prioritizations" }).waitFor();
    await checkPage(page, "prioritizations");
    await page.getByRole("button", { name: "New prioritization" }).click();
    const newDialog = await dialogShown(page, "New prioritization");
    await newDialog.getByText(/^Compares 3 criteria: /).waitFor();
    await checkPage(page, "prioritization-new-dialog");
    await newDialog.getByRole("button", { name: "Cancel" }).click();
    await newDialog.waitFor({ state: "hidden" });

    await sections.getByRole("link", { name: "Goals" }).click();
    await heading(page, "Goals");
    await sections.getByRole("link", { name: "Ranking" }).click();
    await heading(page, "Ranking");
    await page.getByRole("table", { name: "Sensitivity of the ranking to the weights" }).waitFor();
    await page.getByRole("table", { name: "Strategy spend by objective" }).waitFor();
    await page.getByRole("img", { name: /^Bar chart of each objective's share/ }).waitFor();
    await checkPage(page, "ranking-sensitivity-spend");

    // The project's Strategy tab, editable for the admin.
    await page.goto(`/projects/${projectA.id}?tab=strategy`);
    await page.getByRole("heading", { name: "Criterion scores" }).waitFor();
    await page.getByRole("combobox", { name: `Score on ${CUSTOMER}` }).waitFor();
    await checkPage(page, "project-strategy-tab");
    const strength = page.getByRole("combobox", { name: "Strength of the link to O1" });
    await strength.selectOption("2");
    const linked = await respondedTo(page, "PUT", "/objective-links", () =>
      page.getByRole("button", { name: "Save objective links" }).click(),
    );
    expect(linked.status()).toBe(200);
    await page.getByText("Objective links saved.").waitFor();

    // A score picked from the criterion's anchored levels, with its rationale.
    await page.getByRole("combobox", { name: `Score on ${CUSTOMER}` }).click();
    // Only the anchored levels are offered.
    await page.getByRole("option", { name: /^5 · Transformative/ }).waitFor();
    expect(await page.getByRole("listbox").getByRole("option").count()).toBe(2);
    await page.getByRole("option", { name: /^0 · None/ }).click();
    await page.getByRole("textbox", { name: `Rationale for the score on ${CUSTOMER}` }).fill("Internal tool after all");
    const scored = await respondedTo(page, "PUT", "/scores", () =>
      page.getByRole("button", { name: "Save scores" }).click(),
    );
    expect(scored.status()).toBe(200);
    expect(
      (scored.request().postDataJSON() as { scores: { value: number; rationale: string }[] }).scores,
    ).toContainEqual(expect.objectContaining({ value: 0, rationale: "Internal tool after all" }));
    await page.getByText("Scores saved.").waitFor();
    await eventually(() => page.getByRole("heading", { level: 2, name: "Priority" }).isVisible()).toBe(true);
  });
});
