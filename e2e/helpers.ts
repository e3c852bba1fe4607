import { expect, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { E2E_ADMIN } from "../playwright.config";

export const E2E_USER_PASSWORD = "e2e-user-password-0123";

/** Opens a new browser context signed in as the given user (the first admin by default). */
export async function signedInPage(browser: Browser, credentials: { email: string; password: string } = E2E_ADMIN): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/signin");
  await page.getByLabel("Email").fill(credentials.email);
  await page.getByLabel("Password").fill(credentials.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/incidents$/);
  return { context, page };
}

/**
 * Creates a user on the admin page with E2E_USER_PASSWORD, unless one with that email
 * exists already (the server keeps its data for the whole run).
 */
export async function ensureUser(adminPage: Page, user: { email: string; name: string; role: string }): Promise<void> {
  await adminPage.goto("/admin/users");
  if ((await adminPage.getByTestId("user-row").filter({ hasText: user.email }).count()) > 0) return;

  const form = adminPage.getByRole("form", { name: "Create user" });
  await form.getByLabel("Email").fill(user.email);
  await form.getByLabel("Name").fill(user.name);
  await form.getByLabel("Initial password").fill(E2E_USER_PASSWORD);
  await form.getByLabel("Role").selectOption(user.role);
  await form.getByRole("button", { name: "Create user" }).click();
  await expect(adminPage.getByRole("status")).toContainText(`Created ${user.email}`);
  await expect(adminPage.getByTestId("user-row").filter({ hasText: user.email })).toHaveCount(1);
}

export async function declareIncident(page: Page, title: string, scenario: string): Promise<string> {
  await page.goto("/incidents/new");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel(/SEV1 · Critical/).check();
  await page.getByRole("group", { name: "Scenario" }).getByLabel(scenario).check();
  await page.getByRole("button", { name: "Declare incident" }).click();
  await expect(page).toHaveURL(/\/incidents\/c[a-z0-9]{20,}$/);
  await expect(page.getByTestId("connection-state")).toHaveAttribute("data-state", "live");
  return new URL(page.url()).pathname;
}

export function stepCard(page: Page, title: string) {
  return page.getByTestId("step-card").filter({ has: page.getByRole("heading", { name: title }) });
}

/** Finds the page's own alerts, leaving out the empty one Next.js adds to announce route changes. */
export function appAlert(page: Page) {
  return page.locator('[role="alert"]:not(#__next-route-announcer__)');
}

/** Creates a share link on an open command view and returns its address, which is shown only once. */
export async function createShareLinkOnPage(page: Page, label: string, options: { showNames?: boolean } = {}): Promise<string> {
  const panel = page.getByRole("region", { name: "Share links" });
  await panel.getByLabel("Who the link is for").fill(label);
  if (options.showNames) await panel.getByLabel("Show names").check();
  await panel.getByRole("button", { name: "Create share link" }).click();
  const url = await panel.getByTestId("new-share-url").inputValue();
  expect(url).toMatch(/\/share\/[A-Za-z0-9_-]{43}$/);
  await expect(panel.getByTestId("share-link-row").filter({ hasText: label })).toHaveAttribute("data-status", "active");
  return url;
}
