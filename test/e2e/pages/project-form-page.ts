import type { Page, Response } from "playwright-core";
import { errorOf } from "../support/ui.js";

export type ProjectFormInput = {
  code?: string;
  name?: string;
  description?: string;
  portfolio?: string;
  category?: string;
  plannedStart?: string;
  plannedEnd?: string;
  /** Budget lines to add after any already on the form; month defaults to the form's suggestion. */
  budget?: { month?: string; expenseType?: "capex" | "opex"; amount: string }[];
};

/** The project form, new (/projects/new) and edit (/projects/:id/edit). */
export class ProjectFormPage {
  constructor(readonly page: Page) {}

  get form() {
    return this.page.getByRole("form", { name: "Project" });
  }

  /** A text field by its label; exact, because required labels carry an aria-hidden asterisk. */
  field(label: string) {
    return this.form.getByRole("textbox", { name: label, exact: true });
  }

  /** The form-level alert a refused save shows. */
  get notSavedAlert() {
    return this.form.getByRole("alert").filter({ hasText: "The project was not saved" });
  }

  async gotoNew(): Promise<this> {
    await this.page.goto("/projects/new");
    await this.page.getByRole("heading", { level: 1, name: "New project" }).waitFor();
    return this;
  }

  async waitForEdit(code: string): Promise<this> {
    await this.page.getByRole("heading", { level: 1, name: `Edit ${code}` }).waitFor();
    await this.form.waitFor();
    return this;
  }

  /** Picks an option of a Mantine select (combobox) by the option's visible name. */
  async choose(label: string, option: string): Promise<void> {
    await this.form.getByRole("combobox", { name: label, exact: true }).click();
    await this.page.getByRole("option", { name: option, exact: true }).click();
    await this.page.getByRole("listbox").waitFor({ state: "detached" });
  }

  async fill(input: ProjectFormInput): Promise<void> {
    if (input.code !== undefined) await this.field("Code").fill(input.code);
    if (input.name !== undefined) await this.field("Name").fill(input.name);
    if (input.description !== undefined) await this.field("Description").fill(input.description);
    if (input.portfolio !== undefined) await this.choose("Portfolio", input.portfolio);
    if (input.category !== undefined) await this.choose("Category", input.category);
    if (input.plannedStart !== undefined) await this.field("Planned start").fill(input.plannedStart);
    if (input.plannedEnd !== undefined) await this.field("Planned end").fill(input.plannedEnd);
    for (const line of input.budget ?? []) await this.addBudgetLine(line);
  }

  async addBudgetLine(line: { month?: string; expenseType?: "capex" | "opex"; amount: string }): Promise<void> {
    // Lines are named by their position: "Budget line 3 amount". No table yet means no lines.
    const n = (await this.form.getByRole("table", { name: "Budget lines" }).locator("tbody tr").count()) + 1;
    await this.form.getByRole("button", { name: "Add budget line" }).click();
    const month = this.form.getByRole("textbox", { name: `Budget line ${n} month` });
    await month.waitFor();
    if (line.month !== undefined) await month.fill(line.month);
    if (line.expenseType !== undefined) {
      await this.form.getByRole("combobox", { name: `Budget line ${n} expense type` }).selectOption(line.expenseType);
    }
    await this.form.getByRole("textbox", { name: `Budget line ${n} amount` }).fill(line.amount);
  }

  /** Presses Save and returns the API's answer to the create (POST) or update (PATCH). */
  async save(): Promise<Response> {
    const answer = this.page.waitForResponse(
      (r) =>
        /\/api\/v1\/projects(\/[^/?]+)?$/.test(new URL(r.url()).pathname) &&
        ["POST", "PATCH"].includes(r.request().method()),
    );
    await this.form.getByRole("button", { name: "Save" }).click();
    return answer;
  }

  /** The error shown with a field (through aria-describedby), and how far below the input it sits. */
  errorFor(label: string) {
    return errorOf(this.field(label));
  }
}
