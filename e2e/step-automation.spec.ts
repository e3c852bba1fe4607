import { expect, test, type Page } from "@playwright/test";
import { declareIncident, E2E_USER_PASSWORD, ensureUser, signedInPage, stepCard } from "./helpers";

// Commands run the same Node.js as the test runner, allowed explicitly on the settings page.
const NODE = process.execPath;

async function allowNode(adminPage: Page): Promise<void> {
  await adminPage.goto("/admin/automation");
  await adminPage.getByLabel("Command executables").fill(NODE);
  await adminPage.getByRole("button", { name: "Save settings" }).click();
  await expect(adminPage.getByRole("status")).toHaveText("Saved.");
}

async function makeCommandStep(page: Page, title: string, args: string[], dangerous: boolean): Promise<void> {
  const card = stepCard(page, title);
  await card.getByText("Step settings (admin)").click();
  await card.getByLabel(`Kind of ${title}`).selectOption("command");
  await card.getByLabel(`Parameters of ${title}`).fill(JSON.stringify({ executable: NODE, args }));
  const flag = card.getByRole("checkbox");
  if ((await flag.isChecked()) !== dangerous) await flag.click();
  await card.getByRole("button", { name: "Save step settings" }).click();
  await expect(card.getByTestId("step-automation").locator("code").first()).toContainText(NODE);
}

test("a command's output appears live in a second browser", async ({ browser }) => {
  const commander = await signedInPage(browser);
  const watcher = await signedInPage(browser);
  await allowNode(commander.page);

  const path = await declareIncident(commander.page, "Checkout nodes unhealthy", "Complete Database Failure");
  // The first line is printed, then the process waits, so the line must arrive while it runs.
  const script = "console.log('draining node 1'); setTimeout(() => console.log('node 1 drained'), 2500);";
  await makeCommandStep(commander.page, "Notify stakeholders", ["-e", script], false);

  await watcher.page.goto(path);
  await expect(watcher.page.getByTestId("connection-state")).toHaveAttribute("data-state", "live");
  const watched = stepCard(watcher.page, "Notify stakeholders");

  await stepCard(commander.page, "Notify stakeholders").getByRole("button", { name: "Run", exact: true }).click();

  await expect(watched.getByTestId("run-output")).toContainText("draining node 1");
  await expect(watched.getByTestId("run")).toHaveAttribute("data-status", "running");
  await expect(watched.getByTestId("run-output")).not.toContainText("node 1 drained");
  await expect(watched).toHaveAttribute("data-state", "in_progress");

  await expect(watched.getByTestId("run-output")).toContainText("node 1 drained");
  await expect(watched.getByTestId("run")).toHaveAttribute("data-status", "succeeded");
  await expect(watched.getByTestId("run-verdict")).toHaveText("Exit code 0");
  await expect(watched).toHaveAttribute("data-state", "done");
  await expect(watcher.page.getByTestId("timeline-event").first()).toContainText("Notify stakeholders: run succeeded");

  await commander.context.close();
  await watcher.context.close();
});

test("a running command can be cancelled from another browser", async ({ browser }) => {
  const commander = await signedInPage(browser);
  const responder = await signedInPage(browser);
  await allowNode(commander.page);

  const path = await declareIncident(commander.page, "Stuck restore", "Complete Database Failure");
  await makeCommandStep(commander.page, "Notify stakeholders", ["-e", "console.log('waiting'); setInterval(() => {}, 1000);"], false);
  await responder.page.goto(path);
  await expect(responder.page.getByTestId("connection-state")).toHaveAttribute("data-state", "live");

  await stepCard(commander.page, "Notify stakeholders").getByRole("button", { name: "Run", exact: true }).click();
  await expect(stepCard(responder.page, "Notify stakeholders").getByTestId("run-output")).toContainText("waiting");
  await stepCard(responder.page, "Notify stakeholders").getByRole("button", { name: "Cancel run" }).click();

  await expect(stepCard(commander.page, "Notify stakeholders").getByTestId("run")).toHaveAttribute("data-status", "cancelled");
  await expect(stepCard(commander.page, "Notify stakeholders")).toHaveAttribute("data-state", "pending");

  await commander.context.close();
  await responder.context.close();
});

test("a runbook step set by an admin runs in new incidents", async ({ browser }) => {
  const admin = await signedInPage(browser);
  await allowNode(admin.page);

  await admin.page.goto("/admin/automation/steps");
  const scenario = admin.page.getByTestId("runbook-scenario").filter({ hasText: "Complete Database Failure" });
  const maintenance = scenario.getByTestId("runbook-step").filter({ hasText: "Activate maintenance mode" });
  await expect(maintenance).toContainText("Manual");
  await expect(scenario.getByTestId("runbook-step").filter({ hasText: "Assess the situation" })).toContainText("Database check");
  await expect(scenario.getByTestId("runbook-step").filter({ hasText: "Restore from latest backup" })).toContainText("Dangerous");

  await maintenance.getByText("Change").click();
  await maintenance.getByLabel("Kind of Activate maintenance mode").selectOption("command");
  await maintenance.getByLabel("Parameters of Activate maintenance mode").fill(JSON.stringify({ executable: NODE, args: ["-e", "console.log('maintenance page on')"] }));
  await maintenance.getByRole("button", { name: "Save step settings" }).click();
  await expect(maintenance.getByRole("status")).toContainText("Saved");
  await expect(maintenance).toContainText("set by an admin");

  await declareIncident(admin.page, "Maintenance from the library", "Complete Database Failure");
  const card = stepCard(admin.page, "Activate maintenance mode");
  await expect(card.getByTestId("step-automation")).toContainText("Command");
  await card.getByRole("button", { name: "Run", exact: true }).click();
  await expect(card.getByTestId("run-output")).toContainText("maintenance page on");
  await expect(card).toHaveAttribute("data-state", "done");

  await admin.context.close();
});

test("a dangerous step waits for a second commander's approval", async ({ browser }) => {
  const admin = await signedInPage(browser);
  await allowNode(admin.page);
  const first = { email: "ic-one@e2e.test", name: "Iris One", role: "commander" };
  const second = { email: "ic-two@e2e.test", name: "Omar Two", role: "commander" };
  await ensureUser(admin.page, first);
  await ensureUser(admin.page, second);

  const path = await declareIncident(admin.page, "Fail over DNS", "Application Server Failure");
  // "Activate backup server" switches DNS, so the runbook mapping flags it dangerous.
  await makeCommandStep(admin.page, "Activate backup server", ["-e", "console.log('dns switched')"], true);

  const requester = await signedInPage(browser, { email: first.email, password: E2E_USER_PASSWORD });
  const approver = await signedInPage(browser, { email: second.email, password: E2E_USER_PASSWORD });
  await requester.page.goto(path);
  await approver.page.goto(path);
  await expect(approver.page.getByTestId("connection-state")).toHaveAttribute("data-state", "live");

  const requesterCard = stepCard(requester.page, "Activate backup server");
  const approverCard = stepCard(approver.page, "Activate backup server");
  await expect(requesterCard.getByTestId("dangerous-badge")).toBeVisible();
  await expect(requesterCard.getByRole("button", { name: "Run", exact: true })).toBeDisabled();

  await requesterCard.getByRole("button", { name: "Request approval" }).click();
  await expect(requesterCard.getByTestId("approval")).toHaveAttribute("data-status", "requested");
  // The requester cannot approve their own request; the second commander sees it live.
  await expect(requesterCard.getByRole("button", { name: "Approve" })).toHaveCount(0);
  await expect(requesterCard.getByRole("button", { name: "Run", exact: true })).toBeDisabled();
  await expect(approverCard.getByTestId("approval")).toContainText("Approval requested by Iris One");

  await approverCard.getByRole("button", { name: "Approve" }).click();
  await expect(requesterCard.getByTestId("approval")).toHaveAttribute("data-status", "approved");
  await expect(requesterCard.getByTestId("approval")).toContainText("Approved by Omar Two");

  await requesterCard.getByRole("button", { name: "Run", exact: true }).click();
  await expect(approverCard.getByTestId("run-output")).toContainText("dns switched");
  await expect(approverCard).toHaveAttribute("data-state", "done");
  await expect(approver.page.getByTestId("timeline-event").filter({ hasText: "Activate backup server: approved" })).toHaveCount(1);

  await admin.context.close();
  await requester.context.close();
  await approver.context.close();
});
