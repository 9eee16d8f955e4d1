import type { Locator, Page } from "playwright-core";
import { eventually } from "../support/ui.js";

/**
 * Loading indicators (PageLoader: a status holding a spinner or saying "Loading…") inside a region;
 * empty live regions, which wait for messages, are not loading.
 */
export function loadingIndicators(region: Locator): Promise<number> {
  return region
    .getByRole("status")
    .evaluateAll(
      (els) =>
        els.filter(
          (e) =>
            /^Loading/.test((e.textContent ?? "").trim()) ||
            e.querySelector('[aria-label^="Loading"], .mantine-Loader-root') !== null,
        ).length,
    );
}

/** Tabs every project has; modules add more ("Strategy", "Decisions"), read them with tabNames(). */
export type ProjectTab =
  | "Overview"
  | "Budget"
  | "Resource demand"
  | "Dependencies"
  | "Team"
  | "History"
  | (string & {});

/** A project's page (/projects/:id): heading "CODE · Name", actions, and its section tabs. */
export class ProjectDetailPage {
  constructor(readonly page: Page) {}

  heading(code: string, name: string) {
    return this.page.getByRole("heading", { level: 1, name: `${code} · ${name}`, exact: true });
  }

  async waitFor(code: string, name: string): Promise<this> {
    await this.heading(code, name).waitFor();
    return this;
  }

  get panel() {
    return this.page.getByRole("tabpanel");
  }

  /** The section tabs, in order, as their names read. */
  async tabNames(): Promise<ProjectTab[]> {
    return this.page.getByRole("tablist", { name: "Project sections" }).getByRole("tab").allTextContents();
  }

  /**
   * Opens a tab and waits for its content as a person would: the panel is shown and no loading
   * indicator is left in it (History, for one, fetches its events when opened).
   */
  async openTab(tab: ProjectTab): Promise<void> {
    await this.page.getByRole("tab", { name: tab, exact: true }).click();
    const panel = this.page.getByRole("tabpanel", { name: tab, exact: true });
    await panel.waitFor();
    await eventually(() => loadingIndicators(panel), `"${tab}" still loading`).toBe(0);
  }

  /** A value of the Overview's description list, by its term ("Budget total", "Planned end"). */
  async overview(term: string): Promise<string> {
    const value = this.panel
      .locator("dt", { hasText: new RegExp(`^${term}$`) })
      .locator("xpath=following-sibling::dd[1]");
    return ((await value.textContent()) ?? "").trim();
  }

  async edit(): Promise<void> {
    await this.page.getByRole("link", { name: "Edit", exact: true }).click();
  }

  /** The History tab's events, newest first: the action badge and each change as read aloud. */
  get historyEvents() {
    return this.page.getByRole("tabpanel", { name: "History" }).getByRole("list").first().locator(":scope > li");
  }
}
