import { expect, test } from "@playwright/test";
import { appAlert, declareIncident, ensureUser, E2E_USER_PASSWORD, signedInPage, stepCard } from "./helpers";

test("a deactivated responder's next click fails with a clear message", async ({ browser }) => {
  const admin = await signedInPage(browser);
  await ensureUser(admin.page, { email: "deactivate-me@e2e.test", name: "Dee Responder", role: "responder" });
  const responder = await signedInPage(browser, { email: "deactivate-me@e2e.test", password: E2E_USER_PASSWORD });

  const incidentPath = await declareIncident(admin.page, "Responder leaves mid-incident", "Complete Database Failure");
  await responder.page.goto(incidentPath);
  await expect(responder.page.getByTestId("connection-state")).toHaveAttribute("data-state", "live");
  await expect(stepCard(responder.page, "Assess the situation").getByRole("button", { name: "Start" })).toBeVisible();

  await admin.page.goto("/admin/users");
  const row = admin.page.getByTestId("user-row").filter({ hasText: "deactivate-me@e2e.test" });
  await row.getByRole("button", { name: "Deactivate" }).click();
  await expect(row.getByTestId("user-status")).toHaveText("Deactivated");

  // The open page loses its live connection at once and shows why.
  await expect(responder.page.getByTestId("connection-state")).toHaveAttribute("data-state", "offline");
  await expect(responder.page.getByText("The server ended live updates")).toBeVisible();

  await stepCard(responder.page, "Assess the situation").getByRole("button", { name: "Start" }).click();
  await expect(stepCard(responder.page, "Assess the situation").getByRole("alert")).toHaveText(
    "You are not signed in, or your session ended or your account was deactivated: sign in again.",
  );
  await expect(stepCard(admin.page, "Assess the situation")).toHaveCount(0);
  await admin.page.goto(incidentPath);
  await expect(stepCard(admin.page, "Assess the situation")).toHaveAttribute("data-state", "pending");

  // Signing in again is refused while deactivated.
  await responder.page.goto("/signin");
  await responder.page.getByLabel("Email").fill("deactivate-me@e2e.test");
  await responder.page.getByLabel("Password").fill(E2E_USER_PASSWORD);
  await responder.page.getByRole("button", { name: "Sign in" }).click();
  await expect(appAlert(responder.page)).toHaveText("Email or password is wrong, or the account is deactivated.");

  await admin.context.close();
  await responder.context.close();
});

test("role change shows on next page", async ({ browser }) => {
  const admin = await signedInPage(browser);
  await ensureUser(admin.page, { email: "promote-me@e2e.test", name: "Pro Motee", role: "viewer" });
  const user = await signedInPage(browser, { email: "promote-me@e2e.test", password: E2E_USER_PASSWORD });
  await expect(user.page.getByRole("link", { name: "Declare incident" })).toHaveCount(0);

  await admin.page.goto("/admin/users");
  await admin.page.getByLabel("Role of promote-me@e2e.test").selectOption("commander");
  await expect(admin.page.getByRole("status")).toHaveText("promote-me@e2e.test is now Commander.");

  await user.page.reload();
  await expect(user.page.getByTestId("current-user")).toContainText("commander");
  await expect(user.page.getByRole("link", { name: "Declare incident" })).toBeVisible();

  await admin.page.goto("/admin/audit?action=role_changed");
  const entry = admin.page.getByTestId("audit-row").filter({ hasText: "promote-me@e2e.test" }).first();
  await expect(entry).toContainText("from=viewer");
  await expect(entry).toContainText("to=commander");

  await admin.context.close();
  await user.context.close();
});

test("sign out everywhere ends every session of the user", async ({ browser }) => {
  const admin = await signedInPage(browser);
  await ensureUser(admin.page, { email: "two-laptops@e2e.test", name: "Two Laptops", role: "responder" });
  await admin.context.close();

  const first = await signedInPage(browser, { email: "two-laptops@e2e.test", password: E2E_USER_PASSWORD });
  const second = await signedInPage(browser, { email: "two-laptops@e2e.test", password: E2E_USER_PASSWORD });

  await first.page.getByRole("button", { name: "Sign out everywhere" }).click();
  await first.page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(first.page).toHaveURL(/\/signin/);

  await second.page.reload();
  await expect(second.page).toHaveURL(/\/signin/);
  expect((await second.context.request.get("/api/time")).status()).toBe(401);

  await first.context.close();
  await second.context.close();
});

test("repeated failed sign-ins are blocked with a clear message", async ({ browser }) => {
  const admin = await signedInPage(browser);
  await ensureUser(admin.page, { email: "forgetful@e2e.test", name: "Forgetful", role: "viewer" });

  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/signin");
  for (let attempt = 1; attempt <= 5; attempt += 1) {
    await page.getByLabel("Email").fill("forgetful@e2e.test");
    await page.getByLabel("Password").fill(`wrong-password-${attempt}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(appAlert(page)).toHaveText("Email or password is wrong, or the account is deactivated.");
    await page.reload();
  }

  // The right password is refused too until the window has passed.
  await page.getByLabel("Email").fill("forgetful@e2e.test");
  await page.getByLabel("Password").fill(E2E_USER_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(appAlert(page)).toHaveText(/^Too many failed sign-ins for this account: wait 1[45] minutes and try again, or ask an admin to reset your password\.$/);

  await admin.page.goto("/admin/audit?email=forgetful");
  await expect(admin.page.getByTestId("audit-row").and(admin.page.locator('[data-action="sign_in_failed"]'))).toHaveCount(5);
  await expect(admin.page.getByTestId("audit-row").and(admin.page.locator('[data-action="sign_in_rate_limited"]'))).toHaveCount(1);

  await context.close();
  await admin.context.close();
});

test("non-admins cannot open the admin pages", async ({ browser }) => {
  const admin = await signedInPage(browser);
  await ensureUser(admin.page, { email: "curious-commander@e2e.test", name: "Curious", role: "commander" });
  await admin.context.close();

  const commander = await signedInPage(browser, { email: "curious-commander@e2e.test", password: E2E_USER_PASSWORD });
  await expect(commander.page.getByRole("link", { name: "Users" })).toHaveCount(0);
  await commander.page.goto("/admin/users");
  await expect(appAlert(commander.page)).toHaveText("Only admins manage users. Your role is commander.");
  await expect(commander.page.getByTestId("user-row")).toHaveCount(0);
  await commander.page.goto("/admin/audit");
  await expect(appAlert(commander.page)).toHaveText("Only admins read the audit log. Your role is commander.");
  await commander.context.close();
});
