import { expect, test } from "@playwright/test";
import { declareIncident, signedInPage, stepCard } from "./helpers";

test("a second browser sees every step change live", async ({ browser }) => {
  const commander = await signedInPage(browser);
  const watcher = await signedInPage(browser);

  const path = await declareIncident(commander.page, "Checkout database down", "Complete Database Failure");
  await watcher.page.goto(path);
  await expect(watcher.page.getByTestId("connection-state")).toHaveAttribute("data-state", "live");

  // The scenario's phases and RTO timers are on the page.
  await expect(commander.page.getByTestId("phase")).toHaveCount(3);
  await expect(commander.page.getByTestId("rto-timer")).toHaveCount(4);
  await expect(stepCard(commander.page, "Assess the situation").locator("pre")).toContainText("pg_isready");

  await stepCard(commander.page, "Assess the situation").getByRole("button", { name: "Start" }).click();
  await expect(stepCard(watcher.page, "Assess the situation")).toHaveAttribute("data-state", "in_progress");
  await expect(stepCard(commander.page, "Assess the situation")).toHaveAttribute("data-state", "in_progress");

  const note = stepCard(commander.page, "Assess the situation").getByLabel("Note for Assess the situation");
  await note.fill("Primary unreachable, replica lagging 2 min");
  await stepCard(commander.page, "Assess the situation").getByRole("button", { name: "Done" }).click();
  await expect(stepCard(watcher.page, "Assess the situation")).toHaveAttribute("data-state", "done");
  await expect(stepCard(watcher.page, "Assess the situation").getByTestId("step-last-change")).toContainText("Primary unreachable");

  await stepCard(commander.page, "Notify stakeholders").getByRole("button", { name: "Blocked" }).click();
  await expect(stepCard(watcher.page, "Notify stakeholders")).toHaveAttribute("data-state", "blocked");
  await expect(watcher.page.getByRole("progressbar", { name: "Overall progress" })).toHaveAttribute("aria-valuenow", "1");

  await commander.context.close();
  await watcher.context.close();
});

test("a browser that was offline catches up on every missed change once", async ({ browser }) => {
  const commander = await signedInPage(browser);
  const watcher = await signedInPage(browser);

  const path = await declareIncident(commander.page, "Replica lost during failover", "Complete Database Failure");
  await watcher.page.goto(path);
  await expect(watcher.page.getByTestId("connection-state")).toHaveAttribute("data-state", "live");

  await watcher.context.setOffline(true);
  await expect(watcher.page.getByTestId("connection-state")).toHaveAttribute("data-state", "offline");

  await stepCard(commander.page, "Assess the situation").getByRole("button", { name: "Done" }).click();
  await stepCard(commander.page, "Activate maintenance mode").getByRole("button", { name: "Skip" }).click();
  await stepCard(commander.page, "Restore from latest backup").getByRole("button", { name: "Failed" }).click();
  await expect(stepCard(commander.page, "Restore from latest backup")).toHaveAttribute("data-state", "failed");

  // Nothing arrives while offline.
  await expect(stepCard(watcher.page, "Assess the situation")).toHaveAttribute("data-state", "pending");

  await watcher.context.setOffline(false);
  await expect(watcher.page.getByTestId("connection-state")).toHaveAttribute("data-state", "live");
  await expect(stepCard(watcher.page, "Assess the situation")).toHaveAttribute("data-state", "done");
  await expect(stepCard(watcher.page, "Activate maintenance mode")).toHaveAttribute("data-state", "skipped");
  await expect(stepCard(watcher.page, "Restore from latest backup")).toHaveAttribute("data-state", "failed");

  // Each missed event shows exactly once, in order: declared (1) and the three changes (2-4).
  const sequence = await watcher.page.getByTestId("timeline-event").evaluateAll((items) => items.map((item) => Number(item.getAttribute("data-seq"))));
  expect(sequence).toEqual([4, 3, 2, 1]);

  await commander.context.close();
  await watcher.context.close();
});

test("resolving moves the incident to resolved in the list", async ({ browser }) => {
  const commander = await signedInPage(browser);
  const path = await declareIncident(commander.page, "CDN assets failing", "CDN/Asset Failure");

  await commander.page.getByRole("button", { name: "Resolve incident" }).click();
  await commander.page.getByRole("button", { name: "Confirm resolve" }).click();
  await expect(commander.page.getByTestId("incident-status")).toHaveText("Resolved");
  await expect(commander.page.getByTestId("rto-timer").first().getByTestId("timer-status")).toHaveAttribute("data-status", "met");

  await commander.page.goto("/incidents");
  const row = commander.page.getByTestId("incident-row").filter({ hasText: "CDN assets failing" });
  await expect(row).toContainText("Resolved");
  await expect(row).toContainText("CDN/Asset Failure");
  await expect(row).toContainText("SEV1");
  expect(path).toMatch(/^\/incidents\//);

  await commander.context.close();
});

test("signed-out visitors reach only the sign-in page and health", async ({ request, page }) => {
  await page.goto("/incidents");
  await expect(page).toHaveURL(/\/signin/);

  expect((await request.get("/api/health")).status()).toBe(200);
  const database = await request.get("/api/health/database");
  expect(database.status()).toBe(200);
  expect((await database.json()).status).toBe("ok");
  expect((await request.get("/api/time")).status()).toBe(401);
});

test("timers count in server time when the browser clock is 7 minutes slow", async ({ browser }) => {
  const commander = await signedInPage(browser);
  const path = await declareIncident(commander.page, "Clock skew drill", "Security Breach");

  const skewedContext = await browser.newContext({ storageState: await commander.context.storageState() });
  const skewed = await skewedContext.newPage();
  await skewed.clock.install({ time: Date.now() - 7 * 60_000 });
  await skewed.clock.resume();
  await skewed.goto(path);
  await expect(skewed.getByTestId("connection-state")).toHaveAttribute("data-state", "live");

  // The incident was declared seconds ago, so with the offset applied the elapsed time is
  // under a minute and every RTO is on track. Uncorrected, it would read minus seven minutes.
  await expect(skewed.getByTestId("incident-elapsed")).toHaveText(/^0:[0-5]\d$/);
  await expect(skewed.getByTestId("rto-elapsed").first()).toHaveText(/^0:[0-5]\d elapsed$/);
  await expect(skewed.getByTestId("rto-timer").getByTestId("timer-status").first()).toHaveAttribute("data-status", "on_track");

  await skewedContext.close();
  await commander.context.close();
});

test("a stale click gets a conflict message and the current step", async ({ browser }) => {
  const commander = await signedInPage(browser);
  const watcher = await signedInPage(browser);
  const path = await declareIncident(commander.page, "Two responders, one step", "Complete Database Failure");

  // The watcher's socket stops delivering server messages, so its page keeps the old state.
  let deliverToWatcher = true;
  await watcher.page.routeWebSocket(/\/socket\.io\//, (socket) => {
    const server = socket.connectToServer();
    server.onMessage((message) => {
      if (deliverToWatcher) socket.send(message);
    });
  });
  await watcher.page.goto(path);
  await expect(watcher.page.getByTestId("connection-state")).toHaveAttribute("data-state", "live");
  deliverToWatcher = false;

  await stepCard(commander.page, "Assess the situation").getByRole("button", { name: "Done" }).click();
  await expect(stepCard(commander.page, "Assess the situation")).toHaveAttribute("data-state", "done");
  await expect(stepCard(watcher.page, "Assess the situation")).toHaveAttribute("data-state", "pending");

  await stepCard(watcher.page, "Assess the situation").getByRole("button", { name: "Failed" }).click();
  const card = stepCard(watcher.page, "Assess the situation");
  await expect(card.getByRole("alert")).toContainText('Administrator changed "Assess the situation" first');
  await expect(card.getByRole("alert")).toContainText("it is now Done. Your change was not saved");
  await expect(card).toHaveAttribute("data-state", "done");

  // The commander's change stands.
  await commander.page.reload();
  await expect(stepCard(commander.page, "Assess the situation")).toHaveAttribute("data-state", "done");

  await commander.context.close();
  await watcher.context.close();
});
