import { expect, test } from "@playwright/test";
import { declareIncident, signedInPage, stepCard } from "./helpers";

test("a resolved incident has a review with chart, metrics, filters and exports", async ({ browser }) => {
  const { context, page } = await signedInPage(browser);
  const path = await declareIncident(page, "Review walkthrough", "Complete Database Failure");

  // A review is only for resolved incidents.
  await page.goto(`${path}/review`);
  await expect(page.getByRole("status")).toContainText("is still open");
  await page.goto(path);
  await expect(page.getByTestId("connection-state")).toHaveAttribute("data-state", "live");

  await stepCard(page, "Assess the situation").getByRole("button", { name: "Start" }).click();
  await expect(stepCard(page, "Assess the situation")).toHaveAttribute("data-state", "in_progress");
  await stepCard(page, "Assess the situation").getByRole("button", { name: "Done" }).click();
  await expect(stepCard(page, "Assess the situation")).toHaveAttribute("data-state", "done");
  await stepCard(page, "Notify stakeholders").getByLabel("Note for Notify stakeholders").fill("Status page vendor is down");
  await stepCard(page, "Notify stakeholders").getByRole("button", { name: "Blocked" }).click();
  await expect(stepCard(page, "Notify stakeholders")).toHaveAttribute("data-state", "blocked");
  // "Restore from latest backup" would need a second commander's approval to start (dangerous).
  await stepCard(page, "Verify data integrity").getByRole("button", { name: "Start" }).click();
  await expect(stepCard(page, "Verify data integrity")).toHaveAttribute("data-state", "in_progress");
  await page.getByRole("button", { name: "Resolve incident" }).click();
  await page.getByRole("button", { name: "Confirm resolve" }).click();
  await expect(page.getByTestId("incident-status")).toHaveText("Resolved");

  await page.getByRole("link", { name: "Open the post-incident review" }).click();
  await expect(page.getByRole("heading", { name: "Review walkthrough" })).toBeVisible();

  // Chart: one bar per step (10 in this scenario), three time boxes, four RTO lines, one resolution line.
  const chart = page.getByTestId("gantt-chart");
  await expect(chart.getByTestId("gantt-bar")).toHaveCount(10);
  await expect(chart.locator('[data-testid="gantt-bar"] rect')).not.toHaveCount(0);
  await expect(chart.getByTestId("phase-box")).toHaveCount(3);
  await expect(chart.getByTestId("rto-line")).toHaveCount(4);
  await expect(chart.getByTestId("resolved-line")).toHaveCount(1);
  await chart.screenshot({ path: "test-results/review-chart.png" });

  // Metrics: every RTO is met because the run took seconds.
  await expect(page.getByTestId("objective-row").filter({ hasText: "RTO" })).toHaveCount(4);
  for (const row of await page.getByTestId("objective-row").filter({ hasText: "RTO" }).all()) {
    await expect(row).toHaveAttribute("data-status", "met");
  }
  await expect(page.getByTestId("problem")).toHaveCount(1);
  await expect(page.getByTestId("problem")).toContainText("Status page vendor is down");

  // Timeline filters and permalinks.
  const events = page.getByTestId("review-event");
  await expect(events).toHaveCount(6);
  await page.getByLabel(/^Steps \(4\)/).uncheck();
  await expect(events.filter({ visible: true })).toHaveCount(2);
  await page.getByLabel(/^Steps \(4\)/).check();
  await expect(events.filter({ visible: true })).toHaveCount(6);
  await page.getByRole("link", { name: "#3", exact: true }).click();
  await expect(page).toHaveURL(/#event-3$/);

  // Exports.
  const reviewId = path.split("/").at(-1);
  const json = await page.request.get(`/api/incidents/${reviewId}/review/export?format=json`);
  expect(json.status()).toBe(200);
  expect(json.headers()["content-disposition"]).toContain(`review-${reviewId}.json`);
  const exported = await json.json();
  expect(exported.format).toBe("runbridge-review");
  expect(exported.events).toHaveLength(6);
  expect(exported.metrics.problems[0].reason).toBe("Status page vendor is down");

  const markdown = await page.request.get(`/api/incidents/${reviewId}/review/export?format=markdown`);
  expect(markdown.headers()["content-type"]).toContain("text/markdown");
  expect(await markdown.text()).toContain("# Post-incident review: Review walkthrough");

  const wrongFormat = await page.request.get(`/api/incidents/${reviewId}/review/export?format=pdf`);
  expect(wrongFormat.status()).toBe(400);

  await context.close();
});

test("reviewers write up, annotate and follow up an incident", async ({ browser }) => {
  const { context, page } = await signedInPage(browser);
  const path = await declareIncident(page, "Review write-up", "Complete Database Failure");
  await stepCard(page, "Assess the situation").getByRole("button", { name: "Done" }).click();
  await expect(stepCard(page, "Assess the situation")).toHaveAttribute("data-state", "done");
  await page.getByRole("button", { name: "Resolve incident" }).click();
  await page.getByRole("button", { name: "Confirm resolve" }).click();
  await expect(page.getByTestId("incident-status")).toHaveText("Resolved");
  await page.goto(`${path}/review`);

  // Write-up with data loss, which judges the RPOs.
  await page.getByLabel("Root cause").fill("Disk full on the primary");
  await page.getByLabel("Data loss in minutes").fill("45");
  await page.getByRole("button", { name: "Save write-up" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved" })).toBeVisible();
  await expect(page.getByTestId("objective-row").filter({ hasText: "Customer Data" })).toHaveAttribute("data-status", "missed");
  await expect(page.getByTestId("objective-row").filter({ hasText: "Maximum Data Loss" })).toHaveAttribute("data-status", "met");

  // Action item with owner and due date.
  await page.getByLabel("Action", { exact: true }).fill("Alert at 80% disk");
  await page.getByLabel("Owner").fill("Platform team");
  await page.getByLabel("Due date").fill("2026-12-31");
  await page.getByRole("button", { name: "Add action item" }).click();
  await expect(page.getByTestId("action-item")).toContainText("Platform team");
  await page.getByLabel("Done: Alert at 80% disk").check();
  await expect(page.getByTestId("action-item")).toHaveAttribute("data-done", "true");

  // The runbook's post-recovery list is the follow-up checklist.
  await expect(page.getByTestId("checklist-item")).toHaveCount(4);
  await page.getByTestId("checklist-item").filter({ hasText: "Data integrity validation" }).getByRole("checkbox").check();
  await expect(page.getByTestId("checklist-item").filter({ hasText: "Data integrity validation" })).toHaveAttribute("data-done", "true");

  // Feedback on a runbook step, also listed for the runbook's maintainers.
  await page.getByLabel("Step the feedback is about").selectOption({ label: "Activate maintenance mode" });
  await page.getByLabel("Problem").selectOption("unclear");
  await page.getByLabel("Comment").fill("Which maintenance page, the CDN one or the app one?");
  await page.getByRole("button", { name: "Add feedback" }).click();
  await expect(page.getByTestId("feedback-item")).toContainText("Which maintenance page");

  // A correction of event #2 with the real time; the original event stays.
  await page.getByLabel("Event to correct").fill("2");
  await page.getByLabel("What happened").fill("Assessment finished earlier");
  await page.getByLabel("Reason").fill("Clicked Done late");
  await page.getByRole("button", { name: "Add annotation" }).click();
  await expect(page.locator("#event-2").getByTestId("event-correction")).toContainText("Corrected in #4");
  await expect(page.locator("#event-4")).toContainText("Correction of #2: Assessment finished earlier");
  await expect(page.locator("#event-2")).toContainText("Not started → Done");

  // Without S3 settings the archive says what to configure.
  await page.getByRole("button", { name: "Archive to S3" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "S3 archiving is not configured" })).toContainText("RUNBRIDGE_S3_BUCKET");

  await page.goto("/runbooks");
  await page.getByRole("link", { name: "Step feedback from reviews" }).click();
  await expect(page.getByTestId("feedback-entry").filter({ hasText: "Which maintenance page" })).toContainText("Review write-up");
  // The runbook's own library page lists the feedback too.
  await page.getByTestId("feedback-runbook").getByRole("heading").getByRole("link").click();
  await expect(page.getByRole("heading", { name: "Feedback from post-incident reviews" })).toBeVisible();
  await expect(page.getByTestId("feedback-entry").filter({ hasText: "Which maintenance page" })).toContainText("phase 1, step 2");

  // The print stylesheet hides the controls and keeps the chart.
  await page.goto(`${path}/review`);
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("link", { name: "Export JSON" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Add action item" })).toBeHidden();
  await expect(page.getByTestId("gantt-chart")).toBeVisible();
  await page.screenshot({ path: "test-results/review-print.png", fullPage: true });

  await context.close();
});
