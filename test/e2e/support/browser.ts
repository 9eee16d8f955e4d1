/**
 * Real Chromium for the browser tests (playwright-core drives the system's Chromium), an axe-core
 * accessibility check, and screenshots into a temporary directory outside the repository.
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { describe } from "vitest";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
export const hasChromium = fs.existsSync(CHROMIUM_PATH);

if (!hasChromium) {
  if (process.env.CI === "true") {
    throw new Error(
      `Chromium was not found at ${CHROMIUM_PATH}. The browser tests must run in CI: install the chromium package or set CHROMIUM_PATH.`,
    );
  }
  console.log("skipped: no Chromium (install the chromium package)");
}

/** `describe` for suites that need Chromium: skipped (with one line printed) when it is missing outside CI. */
export const describeInBrowser = describe.skipIf(!hasChromium);

const LAUNCH_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: LAUNCH_ARGS });
}

/** How long a locator waits for what the user should see before the test fails with a clear message (generous: the machines running this are often busy). */
export const UI_TIMEOUT = 15_000;

export type TestPage = {
  context: BrowserContext;
  page: Page;
  /** Uncaught exceptions in the page so far; a test asserts there are none. */
  pageErrors: string[];
};

/** A browser context (its own cookies and cache) on the server: a desktop viewport, UTC, English. */
export async function openContext(browser: Browser, baseUrl: string): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport: { width: 1280, height: 900 },
    locale: "en-US",
    timezoneId: "UTC",
    reducedMotion: "reduce",
  });
  context.setDefaultTimeout(UI_TIMEOUT);
  context.setDefaultNavigationTimeout(UI_TIMEOUT * 2);
  return context;
}

/** A new tab in the context, recording uncaught page errors. */
export async function openPage(context: BrowserContext): Promise<TestPage> {
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on("pageerror", (error) => pageErrors.push(`${error.name}: ${error.message}`));
  return { context, page, pageErrors };
}

const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve("axe-core/axe.min.js");
let axeSource: string | undefined;

type AxeNode = { target: unknown[]; failureSummary?: string; html: string };
export type AxeViolation = {
  id: string;
  impact: "minor" | "moderate" | "serious" | "critical" | null;
  help: string;
  helpUrl: string;
  nodes: AxeNode[];
};

/** Every violation seen in this process, by page, for a summary at the end of a run. */
export const axeLog: { page: string; violations: AxeViolation[] }[] = [];

function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map(
      (v) =>
        `  [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n${v.nodes
          .slice(0, 8)
          .map((n) => `      ${JSON.stringify(n.target)}  ${n.html.slice(0, 160)}`)
          .join("\n")}${v.nodes.length > 8 ? `\n      … and ${v.nodes.length - 8} more` : ""}`,
    )
    .join("\n");
}

/**
 * Runs axe-core (WCAG 2.0/2.1 A and AA, plus best practices) on the page as it is now and fails on
 * any serious or critical violation, listing each one's id, help and target nodes.
 *
 * axe is injected the way @axe-core/playwright does it, by evaluating node_modules/axe-core/axe.min.js
 * through the DevTools protocol: `page.addScriptTag({ path })` inserts an inline <script>, which the
 * server's Content-Security-Policy (script-src 'self') rightly refuses, and turning CSP off with
 * `bypassCSP` would hide real CSP breakage from these tests.
 */
export async function axeCheck(page: Page, label: string): Promise<AxeViolation[]> {
  axeSource ??= fs.readFileSync(AXE_PATH, "utf8");
  const hasAxe = await page.evaluate(() => "axe" in window);
  if (!hasAxe) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is injected at run time and has no types here
    const axe = (window as any).axe;
    const result = await axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
      resultTypes: ["violations"],
    });
    return result.violations as unknown[];
  });
  const typed = violations as AxeViolation[];
  axeLog.push({ page: label, violations: typed });
  const blocking = typed.filter((v) => v.impact === "serious" || v.impact === "critical");
  if (blocking.length > 0) {
    throw new Error(
      `axe found ${blocking.length} serious or critical violation(s) on ${label} (${page.url()}):\n${describeViolations(blocking)}`,
    );
  }
  return typed;
}

/** Every violation seen (any impact), one line each, for the run's summary. */
export function summarizeAxeLog(): string {
  const lines = axeLog.flatMap(({ page, violations }) =>
    violations.map((v) => `${page}: [${v.impact}] ${v.id} (${v.nodes.length} node(s)): ${v.help}`),
  );
  return lines.length === 0
    ? `axe: no violations on ${axeLog.length} page state(s)`
    : `axe: ${axeLog.length} page state(s) checked; violations:\n${lines.join("\n")}`;
}

export const SCREENSHOT_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "tl-e2e-screens-"));

/** A screenshot of what the viewport shows into SCREENSHOT_DIR (never the repository); returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const file = path.join(SCREENSHOT_DIR, `${name.replace(/[^a-z0-9-]+/gi, "-")}.png`);
  await page.screenshot({ path: file, animations: "disabled" });
  return file;
}
