import type { Page } from "playwright-core";

/** The sign-in page (/sign-in): email, password, and the "Sign in" button. */
export class SignInPage {
  constructor(readonly page: Page) {}

  get heading() {
    return this.page.getByRole("heading", { level: 1, name: "Sign in to Throughline" });
  }

  get email() {
    return this.page.getByRole("textbox", { name: "Email" });
  }

  get password() {
    return this.page.getByRole("textbox", { name: "Password" });
  }

  get error() {
    return this.page.getByRole("alert").filter({ hasText: "Sign-in failed" });
  }

  async goto(): Promise<this> {
    await this.page.goto("/sign-in");
    await this.heading.waitFor();
    return this;
  }

  /** Fills in the form and submits it; the caller waits for where it should lead. */
  async signIn(email: string, password: string): Promise<void> {
    await this.email.fill(email);
    await this.password.fill(password);
    await this.page.getByRole("button", { name: "Sign in", exact: true }).click();
  }
}
