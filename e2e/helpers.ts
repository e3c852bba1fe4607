import { expect, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { E2E_ADMIN } from "../playwright.config";

export async function signedInPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/signin");
  await page.getByLabel("Email").fill(E2E_ADMIN.email);
  await page.getByLabel("Password").fill(E2E_ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/incidents$/);
  return { context, page };
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
