import type { Page } from "playwright-core";

export type SortState = "ascending" | "descending" | "none";

/** The projects list (/projects): filters, the sortable table and its "N projects" count. */
export class ProjectsPage {
  constructor(readonly page: Page) {}

  get table() {
    return this.page.getByRole("table", { name: "Projects" });
  }

  /** Body rows only (the header row holds column headers, not cells). */
  get rows() {
    return this.table.locator("tbody").getByRole("row");
  }

  /** The live count line: "40 projects", "1 project", "120 projects · showing 50". */
  get count() {
    return this.page.getByRole("status").filter({ hasText: /\d+ projects?/ });
  }

  get search() {
    return this.page.getByRole("searchbox", { name: "Search" });
  }

  /** Opens the list and waits for its count ("0 projects" in an empty organization, which has no table). */
  async goto(query = ""): Promise<this> {
    await this.page.goto(`/projects${query}`);
    await this.page.getByRole("heading", { level: 1, name: "Projects" }).waitFor();
    await this.count.waitFor();
    return this;
  }

  columnHeader(name: string) {
    return this.table.getByRole("columnheader", { name, exact: true });
  }

  async sortState(column: string): Promise<SortState | null> {
    return (await this.columnHeader(column).getAttribute("aria-sort")) as SortState | null;
  }

  /** Clicks the column's sort button (ascending first, then descending). */
  async sortBy(column: string): Promise<void> {
    await this.columnHeader(column).getByRole("button", { name: column, exact: true }).click();
  }

  /** The index of a column among the headers, to read its cells. */
  private async columnIndex(column: string): Promise<number> {
    const headers = await this.table.getByRole("columnheader").allTextContents();
    const i = headers.findIndex((h) => h.replace(/[▲▼↕]/g, "").trim() === column);
    if (i < 0) throw new Error(`no column "${column}" among ${JSON.stringify(headers)}`);
    return i;
  }

  /** The text of one column, top to bottom (as written, before CSS such as a badge's capitals). */
  async columnTexts(column: string): Promise<string[]> {
    const i = await this.columnIndex(column);
    const cells = await this.rows.evaluateAll(
      (rows, index) => rows.map((r) => ((r as HTMLTableRowElement).cells[index]?.textContent ?? "").trim()),
      i,
    );
    return cells;
  }

  /** Chooses statuses in the Status multi-select ("On hold", "Active") and closes its dropdown. */
  async filterByStatus(...labels: string[]): Promise<void> {
    const box = this.page.getByRole("combobox", { name: "Status" });
    await box.click();
    for (const label of labels) await this.page.getByRole("option", { name: label, exact: true }).click();
    await box.press("Escape");
    await this.page.getByRole("listbox").waitFor({ state: "detached" });
  }

  async openProject(code: string): Promise<void> {
    await this.table.getByRole("link", { name: code, exact: true }).click();
  }
}
