import type { Page } from "playwright-core";

/** The signed-in frame around every page: header with the account menu, main navigation, the page's h1. */
export class AppFrame {
  constructor(readonly page: Page) {}

  /** The page's one h1 inside <main>. */
  get heading() {
    return this.page.getByRole("main").getByRole("heading", { level: 1 });
  }

  get navigation() {
    return this.page.getByRole("navigation", { name: "Main" });
  }

  /** Follows a link of the main navigation ("Projects", "Portfolios", "Audit", "Users", "API tokens"). */
  async navigate(link: string, heading: string | RegExp = link): Promise<void> {
    await this.navigation.getByRole("link", { name: link, exact: true }).click();
    await this.page.getByRole("main").getByRole("heading", { level: 1, name: heading }).waitFor();
  }

  async openAccountMenu(): Promise<void> {
    await this.page.getByRole("button", { name: /^Account: / }).click();
  }

  /** Opens the account menu and waits until it has faded out after the choice. */
  async changePassword(): Promise<void> {
    await this.openAccountMenu();
    await this.page.getByRole("menuitem", { name: "Change password" }).click();
    await this.page.getByRole("heading", { level: 1, name: "Change password" }).waitFor();
    await this.page.getByRole("menu").waitFor({ state: "detached" });
  }

  async signOut(): Promise<void> {
    await this.openAccountMenu();
    await this.page.getByRole("menuitem", { name: "Sign out" }).click();
    await this.page.getByRole("heading", { level: 1, name: "Sign in to Throughline" }).waitFor();
  }
}
