/**
 * The benefits-realization pages in a real browser. The issue's scenario: recording a measurement
 * turns a benefit at risk and raises a recommendation.
 *
 * Set up through the API (dates relative to today, month 0 = this month): a project delivered a
 * year ago, an objective, and BEN-CLAIMS, a benefit from 100 claims (baseline a year ago) to 200
 * (a year ahead) on a linear profile, 10 % tolerance (a band of 10 claims), measured monthly, on
 * plan for months −6 … −2. plan(m) = 100 + 100 · (m + 12) / 24.
 *
 * Before: the latest actual (month −2) is on plan, so the benefit is on track, and the trend of five
 * on-plan months forecasts exactly 200 (probability 1: no forecast recommendation).
 * The person records month −1 through the form at 130, 15.8 below plan(−1) ≈ 145.8: beyond the band
 * (10) but within twice it (20), so tracking.ts says at risk. The six points' least-squares trend now
 * forecasts ≈ 165 for the target month with an 80 % range below 200, so the probability of target
 * falls to ≈ 7 % < 50 % and recommendations.ts raises `low_forecast_probability` ("The target is
 * unlikely to be reached"). (`below_tolerance` needs two such months in a row, so it stays silent.)
 *
 * Then: recording the same month again gets the server's 409, the form shows the recorded value and
 * corrects it; a corrective action is raised from the recommendation; the register filters by
 * tracking status; the roll-up renders; the map marks the project, the benefit and the objective as
 * impacted once the project is put on hold; after the project closes, its review lists the benefit
 * and its printable report renders without the navigation. A second test covers the new-benefit
 * form's live DOAM check and a server field error; a third the project's Benefits and Business case
 * tabs. Every page passes axe; screenshots go to /tmp/benefits-shots/.
 */
import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect, test } from "vitest";
import { AppFrame } from "./pages/app-frame.js";
import {
  axeCheck,
  describeInBrowser,
  launchBrowser,
  openContext,
  openPage,
  summarizeAxeLog,
  type TestPage,
} from "./support/browser.js";
import { ApiSession, type RunningServer, startServer } from "./support/server.js";
import { eventually } from "./support/ui.js";

const SHOTS = "/tmp/benefits-shots";

type Id = { id: string };
type Benefit = Id & { code: string; version: number; trackingStatus: string };
type Tracking = {
  status: string;
  recommendations: { rule: string }[];
  forecast: { probabilityOfTarget: number } | null;
};
type Measurement = Id & { period: string; value: number; version: number };
type Action = Id & { rule: string | null; title: string; status: string; expectedEffect: string };

/** The month `offset` months from this one, `YYYY-MM` (UTC, like the server's clock). */
function month(offset: number): string {
  const d = new Date();
  const i = d.getUTCFullYear() * 12 + d.getUTCMonth() + offset;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`;
}
const day = (offset: number) => `${month(offset)}-01`;
/** The linear profile's planned value `m` months from now. */
const plan = (m: number) => 100 + (100 * (m + 12)) / 24;
/** "Oct 2026", as the pages write a month. */
function monthLabel(period: string): string {
  return new Intl.DateTimeFormat("en-US", { year: "numeric", month: "short", timeZone: "UTC" }).format(
    new Date(`${period}-01T00:00:00Z`),
  );
}

describeInBrowser("Benefits realization pages in the browser", () => {
  let server: RunningServer;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let admin: ApiSession;
  let adminId: string;
  let opened: TestPage[] = [];
  let serverErrors: string[] = [];
  let portfolio: Id & { name: string };
  let project: Id & { code: string; version: number };
  let objective: Id;
  let claims: Benefit;
  let onTrack: Benefit;

  beforeAll(async () => {
    fs.rmSync(SHOTS, { recursive: true, force: true });
    fs.mkdirSync(SHOTS, { recursive: true });
    [server, browser] = await Promise.all([startServer({ SIGN_IN_RATE_LIMIT: "1000" }), launchBrowser()]);
    admin = await ApiSession.signIn(server.baseUrl);
    adminId = (await admin.get<{ user: Id }>("/me")).user.id;
    portfolio = await admin.createPortfolio("Claims transformation");
    // Delivered before realization starts, so it raises no "project delayed" recommendation.
    project = await admin.createProject({
      code: "CLM-1",
      name: "Claims triage automation",
      portfolioId: portfolio.id,
      plannedStart: `${month(-24)}-01`,
      plannedEnd: `${month(-13)}-28`,
    });
    objective = await admin.post<Id>("/strategy/objectives", {
      code: "CX",
      title: "Delight customers",
      horizonStart: month(-24),
      horizonEnd: month(24),
    });
    const benefit = (code: string, title: string, extra: Record<string, unknown>) =>
      admin.post<Benefit>("/benefits", {
        code,
        title,
        description: "Claims clerks settle simple claims in one touch, so customers are paid within days.",
        type: "cash_releasing",
        category: "customer",
        responsibleOwnerId: adminId,
        accountableOwnerId: adminId,
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
        status: "realizing",
        businessChange: "Claims are triaged automatically",
        profile: { kind: "linear", start: month(-12) },
        ...extra,
      });
    claims = await benefit("BEN-CLAIMS", "Faster claims settlement", {
      beneficiaries: "Claims clerks and claimants",
      attributionNote: "Seasonal claim volumes also move the KPI; compared with the same month a year before.",
      valuePerUnitCents: 50_00,
      projectIds: [project.id],
      objectives: [{ objectiveId: objective.id, weight: 1 }],
    });
    onTrack = await benefit("BEN-NPS", "Happier claimants", { kpiName: "Claimant NPS", unit: "points" });
    for (let m = -6; m <= -2; m++)
      await admin.post(`/benefits/${claims.id}/measurements`, { period: month(m), value: plan(m) });
    for (let m = -3; m <= -1; m++)
      await admin.post(`/benefits/${onTrack.id}/measurements`, { period: month(m), value: plan(m) + 1 });
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

  async function open(): Promise<Page> {
    const t = await openPage(await openContext(browser, server.baseUrl));
    opened.push(t);
    t.page.on("response", (r) => {
      if (r.status() >= 500) serverErrors.push(`${r.status()} ${r.request().method()} ${r.url()}`);
    });
    const session = await ApiSession.signIn(server.baseUrl);
    await t.context.addCookies(session.cookies().map((c) => ({ ...c, url: server.baseUrl })));
    return t.page;
  }

  /** axe, then a full-page screenshot into SHOTS. */
  async function checkPage(page: Page, name: string): Promise<void> {
    // Charts and dialogs fade in; axe reads colours mid-transition otherwise.
    await eventually(() => page.evaluate(() => document.getAnimations().length)).toBe(0);
    await axeCheck(page, name);
    // The frame's header is fixed: from the top, a full-page screenshot draws it once, where it belongs.
    await page.evaluate(() => window.scrollTo(0, 0));
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

  /** The rows of a table by its name, as the text of each body row's header cell. */
  function rowHeaders(page: Page, table: string): Promise<string[]> {
    return page
      .getByRole("table", { name: table, exact: true })
      .locator("tbody tr")
      .evaluateAll((rows) => rows.map((r) => (r.querySelector("th")?.textContent ?? "").trim()));
  }

  test("recording a measurement below tolerance turns the benefit at risk and raises a recommendation", {
    timeout: 240_000,
  }, async () => {
    const page = await open();
    const frame = new AppFrame(page);

    // The register, reached from the navigation.
    await page.goto("/projects");
    await heading(page, "Projects");
    await frame.navigate("Register", "Benefits register");
    await eventually(() => rowHeaders(page, "Benefits")).toEqual(["BEN-CLAIMS", "BEN-NPS"]);
    const claimsRow = page.getByRole("table", { name: "Benefits" }).getByRole("row", { name: /BEN-CLAIMS/ });
    expect(await claimsRow.textContent()).toContain("On track");
    expect(await claimsRow.textContent()).toContain("100 → 200");
    await checkPage(page, "01-register");

    // The benefit: on track, with its burn-up chart and no forecast recommendation yet.
    await claimsRow.getByRole("link", { name: "BEN-CLAIMS" }).click();
    await heading(page, "BEN-CLAIMS · Faster claims settlement");
    const status = page.getByRole("main").getByTestId("tracking-status").first();
    await eventually(() => status.textContent()).toContain("On track");
    const chart = page.getByRole("img", { name: /^Burn-up chart of BEN-CLAIMS/ });
    await chart.waitFor();
    await eventually(() => chart.locator("svg path").count()).toBeGreaterThan(5);
    expect(await chart.getAttribute("aria-label")).toContain("forecast to the target month with its 80 % range");
    await page.getByRole("table", { name: /^Planned, actual and forecast values of BEN-CLAIMS/ }).waitFor({
      state: "attached",
    });
    const recommendations = page.getByRole("region", { name: /^Recommendations/ });
    expect(await recommendations.locator('[data-rule="low_forecast_probability"]').count()).toBe(0);
    expect(await page.getByTestId("probability").textContent()).toContain("100 %");
    await checkPage(page, "02-benefit-on-track");

    // Record October's value (month −1) through the form: 130, 15.8 below the plan of ≈ 145.8.
    const form = page.getByRole("form", { name: "Record measurement" });
    await form.getByLabel("Month").fill(month(-1));
    await form.getByRole("textbox", { name: "Value (claims)" }).fill("130");
    await form.getByRole("textbox", { name: "Evidence" }).fill("Claims system report for the month");
    await form.getByRole("textbox", { name: "Source" }).fill("Claims system");
    const recorded = await respondedTo(page, "POST", /\/benefits\/[^/]+\/measurements$/, () =>
      form.getByRole("button", { name: "Record measurement" }).click(),
    );
    expect(recorded.status()).toBe(201);
    expect(recorded.request().postDataJSON()).toMatchObject({ period: month(-1), value: 130, source: "Claims system" });
    await form.getByText(`Recorded 130 claims for ${monthLabel(month(-1))}.`).waitFor();

    // The badge turns "At risk" and the forecast recommendation appears.
    await eventually(() => status.textContent()).toContain("At risk");
    const unlikely = recommendations.locator('[data-rule="low_forecast_probability"]');
    await unlikely.waitFor();
    expect(await unlikely.textContent()).toContain("The target is unlikely to be reached");
    expect(await unlikely.textContent()).toMatch(/gives a \d+ % chance of reaching the target/);
    await eventually(() => page.getByTestId("probability").textContent()).not.toContain("100 %");
    const measurements = page.getByRole("table", { name: "Measurements" });
    await eventually(() => measurements.locator("tbody tr").count()).toBe(6);
    const tracked = await admin.get<Tracking>(`/benefits/${claims.id}/tracking`);
    expect(tracked.status).toBe("at_risk");
    expect(tracked.forecast?.probabilityOfTarget).toBeLessThan(0.5);
    expect(tracked.recommendations.map((r) => r.rule)).not.toContain("below_tolerance");
    await checkPage(page, "03-benefit-at-risk");

    // The same month again: the server's 409 names the recorded value, which the form offers to correct.
    await form.getByRole("textbox", { name: "Value (claims)" }).fill("131");
    const duplicate = await respondedTo(page, "POST", /\/benefits\/[^/]+\/measurements$/, () =>
      form.getByRole("button", { name: "Record measurement" }).click(),
    );
    expect(duplicate.status()).toBe(409);
    const conflict = form.getByRole("alert").filter({ hasText: "has a value already" });
    await conflict.waitFor();
    expect(await form.getByTestId("existing-value").textContent()).toBe("130 claims");
    await checkPage(page, "04-measurement-conflict");
    const corrected = await respondedTo(page, "PATCH", /\/benefit-measurements\/[^/]+$/, () =>
      conflict.getByRole("button", { name: "Correct it to 131 claims" }).click(),
    );
    expect(corrected.status()).toBe(200);
    expect(corrected.request().postDataJSON()).toMatchObject({ value: 131 });
    await form.getByText(`Corrected ${monthLabel(month(-1))} to 131 claims.`).waitFor();
    const stored = await admin.get<{ items: Measurement[] }>(`/benefits/${claims.id}/measurements`);
    expect(stored.items.find((m) => m.period === month(-1))?.value).toBe(131);
    await eventually(() =>
      measurements.getByRole("row", { name: new RegExp(monthLabel(month(-1))) }).textContent(),
    ).toContain("131 claims");

    // Raise a corrective action from the recommendation.
    await unlikely.getByRole("button", { name: /^Raise corrective action/ }).click();
    const dialog = await dialogShown(page, "Raise corrective action");
    expect(await dialog.getByRole("textbox", { name: "Title" }).inputValue()).toBe(
      "The target is unlikely to be reached: BEN-CLAIMS",
    );
    await dialog.getByRole("textbox", { name: "Expected effect" }).fill("Back within tolerance by the next quarter");
    await checkPage(page, "05-raise-action");
    const raised = await respondedTo(page, "POST", /\/corrective-actions$/, () =>
      dialog.getByRole("button", { name: "Raise action" }).click(),
    );
    expect(raised.status()).toBe(201);
    expect(raised.request().postDataJSON()).toMatchObject({
      benefitId: claims.id,
      rule: "low_forecast_probability",
      ownerId: adminId,
    });
    await dialog.waitFor({ state: "detached" });
    await unlikely.getByRole("link", { name: /^Open action: The target is unlikely to be reached/ }).waitFor();
    const actions = await admin.get<{ items: Action[] }>(`/corrective-actions?benefitId=${claims.id}`);
    expect(actions.items).toEqual([
      expect.objectContaining({
        rule: "low_forecast_probability",
        status: "open",
        expectedEffect: "Back within tolerance by the next quarter",
      }),
    ]);

    // The corrective actions list shows it; the recommendations inbox links to it.
    await unlikely.getByRole("link", { name: /^Open action/ }).click();
    await heading(page, "Corrective actions");
    await eventually(() => rowHeaders(page, "Corrective actions")).toEqual([
      expect.stringContaining("The target is unlikely to be reached: BEN-CLAIMS"),
    ]);
    await checkPage(page, "06-corrective-actions");
    await frame.navigate("Recommendations");
    const inbox = page.getByRole("list", { name: "Recommendations inbox" });
    await inbox
      .locator('[data-rule="low_forecast_probability"]')
      .getByRole("link", { name: /^Open action/ })
      .waitFor();
    await checkPage(page, "07-recommendations");

    // The register filters by tracking status.
    await frame.navigate("Register", "Benefits register");
    await eventually(() => rowHeaders(page, "Benefits")).toEqual(["BEN-CLAIMS", "BEN-NPS"]);
    await page.getByRole("combobox", { name: "Tracking status" }).click();
    await page.getByRole("option", { name: "At risk" }).click();
    await page.keyboard.press("Escape");
    await eventually(() => rowHeaders(page, "Benefits")).toEqual(["BEN-CLAIMS"]);
    expect(new URL(page.url()).searchParams.get("trackingStatus")).toBe("at_risk");
    await checkPage(page, "08-register-at-risk");

    // The roll-up: money planned against realized, value at risk, deviations.
    await frame.navigate("Roll-up", "Benefits roll-up");
    const rollup = page.getByRole("table", { name: "Roll-up" });
    await eventually(() => rowHeaders(page, "Roll-up")).toEqual(["CX · Delight customers"]);
    await page.getByRole("img", { name: /^Bar chart of planned against realized benefits money/ }).waitFor();
    expect(await page.getByTestId("value-at-risk").textContent()).toMatch(/€[\d,]+/);
    expect(await rollup.textContent()).toContain("€");
    await eventually(() => rowHeaders(page, "Largest deviations")).toEqual([
      expect.stringContaining("BEN-CLAIMS"),
      expect.stringContaining("BEN-NPS"),
    ]);
    await checkPage(page, "09-rollup");
    await page.locator("label", { hasText: "By quarter" }).click();
    await eventually(() => rowHeaders(page, "Roll-up").then((r) => r.length)).toBeGreaterThan(4);
    await checkPage(page, "10-rollup-quarter");

    // The map: the project goes on hold, and everything downstream is marked impacted.
    await frame.navigate("Benefits map");
    await page.getByRole("img", { name: /^Benefits dependency network/ }).waitFor();
    await page.getByText("No node is impacted").waitFor();
    await admin.patch(`/projects/${project.id}`, { version: project.version, status: "on_hold" });
    await page.reload();
    await heading(page, "Benefits map");
    const impacted = page.getByRole("list", { name: "Impacted nodes" });
    await eventually(() => impacted.getByRole("listitem").allTextContents()).toEqual([
      expect.stringMatching(/^Enabling project: CLM-1 · Claims triage automation — CLM-1 is on hold/),
      expect.stringMatching(/^Benefit: BEN-CLAIMS · Faster claims settlement — CLM-1 is on hold/),
      expect.stringMatching(/^Objective: CX · Delight customers — CLM-1 is on hold/),
    ]);
    const network = page.getByRole("img", { name: /^Benefits dependency network/ });
    expect(await network.getAttribute("aria-label")).toContain("3 impacted nodes have a red border");
    // The red border is drawn: three node outlines in the impact colour.
    await eventually(() => network.locator('svg [stroke="#c92a2a"]').count()).toBeGreaterThanOrEqual(3);
    await page.getByRole("table", { name: "Nodes of the benefits map" }).waitFor({ state: "attached" });
    await checkPage(page, "11-map-impacted");

    // Closed: the project's review lists the benefit, planned against actual.
    let version = (await admin.get<{ version: number }>(`/projects/${project.id}`)).version;
    for (const next of ["active", "closed"]) {
      version = (await admin.patch<{ version: number }>(`/projects/${project.id}`, { version, status: next })).version;
    }
    await frame.navigate("Reviews", "Post-implementation reviews");
    await eventually(() => rowHeaders(page, "Post-implementation reviews")).toEqual([
      "CLM-1 · Claims triage automation",
      "CLM-1 · Claims triage automation",
      "CLM-1 · Claims triage automation",
    ]);
    await checkPage(page, "12-reviews");
    await page.getByRole("table", { name: "Post-implementation reviews" }).getByRole("link").first().click();
    await heading(page, "Review of CLM-1 · Claims triage automation");
    const items = page.getByRole("table", { name: "Benefits reviewed" });
    await eventually(() => rowHeaders(page, "Benefits reviewed")).toEqual([expect.stringContaining("BEN-CLAIMS")]);
    expect(await items.getByRole("textbox", { name: "Actual of BEN-CLAIMS (claims)" }).inputValue()).toBe("131");
    await items.getByRole("textbox", { name: "Comment on BEN-CLAIMS" }).fill("Behind plan since the triage pause");
    await page.getByRole("radio", { name: "4 · Good" }).check();
    await page.getByRole("textbox", { name: "Lessons learned" }).fill("Pilot triage rules before the go-live");
    const savedReview = await respondedTo(page, "PATCH", /\/pirs\/[^/]+$/, () =>
      page.getByRole("button", { name: "Save", exact: true }).click(),
    );
    expect(savedReview.status()).toBe(200);
    expect(savedReview.request().postDataJSON()).toMatchObject({
      rating: 4,
      lessons: "Pilot triage rules before the go-live",
      items: [{ benefitId: claims.id, comment: "Behind plan since the triage pause" }],
    });
    await page.getByRole("main").getByRole("status").filter({ hasText: "Saved." }).waitFor();
    await checkPage(page, "13-review");
    // Completed, then signed off (the admin may sign off any review): the review can no longer change.
    const completed = await respondedTo(page, "PATCH", /\/pirs\/[^/]+$/, () =>
      page.getByRole("button", { name: "Complete review" }).click(),
    );
    expect(completed.status()).toBe(200);
    expect(completed.request().postDataJSON()).toEqual({ version: expect.any(Number), complete: true });
    await page
      .getByRole("main")
      .locator(".mantine-Badge-label", { hasText: /^Completed$/ })
      .waitFor();
    const signed = await respondedTo(page, "POST", /\/pirs\/[^/]+\/sign-off$/, () =>
      page.getByRole("button", { name: "Sign off" }).click(),
    );
    expect(signed.status()).toBe(200);
    await page.getByText("This review is signed off and can no longer change.").waitFor();
    expect(await items.getByRole("textbox").count()).toBe(0);

    // The printable report: the review without the navigation frame.
    await page.getByRole("link", { name: "Printable report" }).click();
    await page.getByRole("heading", { level: 1, name: "CLM-1 · Claims triage automation" }).waitFor();
    expect(await page.getByRole("navigation", { name: "Main" }).count()).toBe(0);
    expect(await page.getByRole("banner").count()).toBe(0);
    const report = page.getByRole("table", { name: "Benefits reviewed" });
    expect(await report.textContent()).toContain("Behind plan since the triage pause");
    const details = await page.getByRole("table", { name: "Review details" }).textContent();
    expect(details).toContain("4 · Good");
    expect(details).toMatch(/Signed off.+by Administrator/);
    await checkPage(page, "14-review-print");
    await page.emulateMedia({ media: "print" });
    expect(await page.getByRole("button", { name: "Print" }).isVisible()).toBe(false);
    await page.screenshot({ path: path.join(SHOTS, "15-review-print-media.png"), fullPage: true });
  });

  test("the new-benefit form checks DOAM live and shows the server's field errors beside their inputs", {
    timeout: 120_000,
  }, async () => {
    const page = await open();
    await page.goto("/benefits/new");
    await heading(page, "New benefit");
    const measurable = page.getByTestId("doam-measurable");
    await eventually(() => measurable.textContent()).toContain("The baseline value is missing");

    await page.getByRole("textbox", { name: "Code" }).fill("BEN-CLAIMS");
    await page.getByRole("textbox", { name: "Title", exact: true }).fill("Shorter call waiting times");
    const described = page.getByTestId("doam-described");
    await eventually(() => described.textContent()).toContain("does not say who gains");
    await page.getByRole("textbox", { name: "Beneficiaries" }).fill("Callers and call-centre agents");
    await eventually(() => described.textContent()).not.toContain("does not say who gains");
    await page.getByRole("combobox", { name: "Category" }).click();
    await page.getByRole("option", { name: "Customer" }).click();
    await page.getByRole("textbox", { name: "KPI" }).fill("Average wait");
    await page.getByRole("textbox", { name: "Unit", exact: true }).fill("minutes");
    await page.getByRole("combobox", { name: "Direction" }).click();
    await page.getByRole("option", { name: "Decrease" }).click();
    await page.getByRole("textbox", { name: "Baseline value (minutes)" }).fill("12");
    await page.getByLabel("Baseline date").fill(day(-1));
    await page.getByRole("textbox", { name: "Target value (minutes)" }).fill("6");
    await page.getByLabel("Target date").fill(day(11));
    // The check catches up a moment after typing: Measurable passes, the profile preview appears.
    await eventually(() => measurable.textContent()).not.toContain("baseline value is missing");
    await eventually(() => measurable.getByText("Pass").count()).toBe(1);
    const preview = page.getByRole("img", { name: /^Line chart of the planned profile, 13 months/ });
    await preview.waitFor();
    await checkPage(page, "16-new-benefit");

    // A code already in use: the server's 400 shows beside the Code input.
    const refused = await respondedTo(page, "POST", /\/api\/v1\/benefits$/, () =>
      page.getByRole("button", { name: "Save benefit" }).click(),
    );
    expect(refused.status()).toBe(400);
    const code = page.getByRole("textbox", { name: "Code" });
    await eventually(() => code.getAttribute("aria-invalid")).toBe("true");
    await page.getByRole("alert").filter({ hasText: "The benefit was not saved" }).waitFor();
    await checkPage(page, "17-new-benefit-error");
    await code.fill("BEN-WAIT");
    const created = await respondedTo(page, "POST", /\/api\/v1\/benefits$/, () =>
      page.getByRole("button", { name: "Save benefit" }).click(),
    );
    expect(created.status()).toBe(201);
    expect(created.request().postDataJSON()).toMatchObject({
      code: "BEN-WAIT",
      direction: "decrease",
      baselineValue: 12,
      targetValue: 6,
      profile: { kind: "linear", start: month(-1) },
    });
    await heading(page, "BEN-WAIT · Shorter call waiting times");
  });

  test("measurements import with a dry run; business changes, risks and edits go through their dialogs", {
    timeout: 150_000,
  }, async () => {
    const page = await open();
    await page.goto("/benefits/import");
    await heading(page, "Import measurements");
    const template = page.getByRole("link", { name: "Download the CSV template" });
    expect(await template.getAttribute("download")).toBe("measurements-template.csv");
    expect(decodeURIComponent((await template.getAttribute("href")) ?? "")).toContain(
      "benefit,period,value,measured_on,evidence,source",
    );
    const file = page.getByLabel("File", { exact: true });
    const csv = (rows: string[]) => ({
      name: "measurements.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(["benefit,period,value,measured_on,evidence,source", ...rows].join("\n")),
    });
    // A dry run reports the bad row by line and column; Import stays off.
    await file.setInputFiles(csv([`BEN-NPS,${month(0)},152,,Survey,Panel`, `NOPE,${month(0)},1,,,`]));
    const dry = await respondedTo(page, "POST", /\/benefit-measurements\/import$/, () =>
      page.getByRole("button", { name: "Check file" }).click(),
    );
    expect(dry.status()).toBe(200);
    expect(new URL(dry.url()).searchParams.get("dryRun")).toBe("true");
    const problems = page.getByRole("table", { name: "Import problems" });
    await eventually(() => problems.locator("tbody tr").allTextContents()).toEqual([
      expect.stringMatching(/^3benefitno benefit has the code NOPE/),
    ]);
    expect(await page.getByRole("button", { name: "Import" }).isDisabled()).toBe(true);
    await checkPage(page, "20-import-problems");
    await file.setInputFiles(csv([`BEN-NPS,${month(0)},152,,Survey,Panel`]));
    await page.getByRole("button", { name: "Check file" }).click();
    await page.getByText("The file is ready to import").waitFor();
    const imported = await respondedTo(page, "POST", /\/benefit-measurements\/import$/, () =>
      page.getByRole("button", { name: "Import" }).click(),
    );
    expect(imported.status()).toBe(201);
    await page.getByText("Imported 1 row: 1 new, 0 corrected.").waitFor();
    const nps = await admin.get<{ items: Measurement[] }>(`/benefits/${onTrack.id}/measurements`);
    expect(nps.items.find((m) => m.period === month(0))?.value).toBe(152);
    await checkPage(page, "21-imported");

    // A business change between the project and the benefit, added on the map.
    await page.goto("/benefits/map");
    await heading(page, "Benefits map");
    await page.getByRole("button", { name: "Add business change" }).click();
    const change = await dialogShown(page, "Add business change");
    await change.getByRole("textbox", { name: "Business change" }).fill("Claims are triaged by rules");
    await change.getByRole("combobox", { name: "Enabled by projects" }).click();
    await page.getByRole("option", { name: "CLM-1 · Claims triage automation" }).click();
    await change.getByRole("combobox", { name: "Enables benefits" }).click();
    await page.getByRole("option", { name: "BEN-CLAIMS · Faster claims settlement" }).click();
    await change.getByRole("textbox", { name: "Business change" }).click();
    await checkPage(page, "22-business-change-dialog");
    const added = await respondedTo(page, "POST", /\/benefit-map\/changes$/, () =>
      change.getByRole("button", { name: "Save business change" }).click(),
    );
    expect(added.status()).toBe(201);
    expect(added.request().postDataJSON()).toMatchObject({ projectIds: [project.id], benefitIds: [claims.id] });
    await eventually(() => rowHeaders(page, "Business changes")).toEqual([
      expect.stringContaining("Claims are triaged by rules"),
    ]);
    await eventually(() =>
      page
        .getByRole("table", { name: "Nodes of the benefits map" })
        .getByRole("row", { name: /^CLM-1/ })
        .textContent(),
    ).toContain("Claims are triaged by rules");
    await checkPage(page, "23-map-with-change");

    // A risk on BEN-NPS: half likely, 40 % of the benefit → 80 % expected after risks.
    await page.goto(`/benefits/${onTrack.id}`);
    await heading(page, "BEN-NPS · Happier claimants");
    await page.getByRole("button", { name: "Add risk" }).click();
    const risk = await dialogShown(page, "Add risk");
    await risk.getByRole("textbox", { name: "Title" }).fill("Survey panel shrinks");
    await risk.getByRole("textbox", { name: "Probability (%)" }).fill("50");
    await risk.getByRole("textbox", { name: "Impact (% of the benefit)" }).fill("40");
    await risk.getByRole("button", { name: "Add risk" }).click();
    await risk.waitFor({ state: "detached" });
    await eventually(() => page.getByTestId("risk-summary").textContent()).toContain(
      "Expected realization after risks: 80 %",
    );
    expect(await page.getByRole("table", { name: "Risks" }).textContent()).toContain("Survey panel shrinks");

    // The edit page keeps the stored profile and sends only what changed.
    await page.getByRole("link", { name: "Edit" }).click();
    await heading(page, "Edit benefit");
    expect(await page.getByRole("radio", { name: /^Keep the stored profile \(25 months\)/ }).isChecked()).toBe(true);
    await page.getByRole("textbox", { name: "Title", exact: true }).fill("Happier claimants after settlement");
    await checkPage(page, "24-edit-benefit");
    const patched = await respondedTo(page, "PATCH", /\/api\/v1\/benefits\/[^/]+$/, () =>
      page.getByRole("button", { name: "Save benefit" }).click(),
    );
    expect(patched.status()).toBe(200);
    expect(patched.request().postDataJSON()).toEqual({
      version: onTrack.version,
      title: "Happier claimants after settlement",
    });
    await heading(page, "BEN-NPS · Happier claimants after settlement");
  });

  test("the project page lists its benefits and appraises its business case", { timeout: 120_000 }, async () => {
    const other = await admin.createProject({ code: "CLM-2", name: "Claims portal", portfolioId: portfolio.id });
    const page = await open();
    await page.goto(`/projects/${project.id}?tab=benefits`);
    await heading(page, "CLM-1 · Claims triage automation");
    await eventually(() => rowHeaders(page, "Benefits of this project")).toEqual([
      expect.stringContaining("BEN-CLAIMS"),
    ]);
    await checkPage(page, "18-project-benefits");

    await page.goto(`/projects/${other.id}?tab=business-case`);
    await page.getByText("This project has no business case yet.").waitFor();
    const form = page.getByRole("form", { name: "Business case" });
    await form.getByRole("textbox", { name: "First year (t = 0)" }).fill("2027");
    const years = ["2027", "2028", "2029", "2030"];
    const flows: [string, string][] = [
      ["40000", "0"],
      ["0", "5000"],
      ["0", "8000"],
      ["0", "12000"],
    ];
    // Last row first, so that no two rows share a year while the years are retyped.
    for (const [i, y] of [...years.entries()].reverse())
      await form.getByRole("textbox", { name: `Year of row ${i + 1}` }).fill(y);
    for (const [i, y] of years.entries()) {
      await form.getByRole("textbox", { name: `Costs in ${y}` }).fill(flows[i]![0]);
      await form.getByRole("textbox", { name: `Benefits in ${y}` }).fill(flows[i]![1]);
    }
    await form.getByRole("button", { name: "Add year" }).click();
    await form.getByRole("textbox", { name: "Benefits in 2031" }).fill("30000");
    // numpy-financial's npv example: 8 %, [-40000, 5000, 8000, 12000, 30000] → 3065.22.
    await eventually(() => form.getByTestId("appraisal").textContent()).toContain("€3,065.22");
    const saved = await respondedTo(page, "PUT", /\/business-case$/, () =>
      form.getByRole("button", { name: "Save business case" }).click(),
    );
    expect(saved.status()).toBe(200);
    expect(saved.request().postDataJSON()).toMatchObject({ version: null, discountRate: 0.08, firstYear: 2027 });
    const appraisal = page.getByRole("region", { name: "Appraisal" }).getByTestId("appraisal");
    await eventually(() => appraisal.textContent()).toContain("€3,065.22");
    expect(await appraisal.textContent()).toMatch(/IRR\d+(\.\d)? %/);
    await checkPage(page, "19-business-case");
  });
});
