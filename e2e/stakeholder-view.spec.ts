// The stakeholder view: a share-link visitor and a signed-in viewer watch an incident live
// without any control, see public updates but never notes, and a revoked link cuts the open
// page off at once.
import { expect, test } from "@playwright/test";
import { createShareLinkOnPage, declareIncident, ensureUser, E2E_USER_PASSWORD, signedInPage, stepCard } from "./helpers";

test("share-link visitor: live, read-only, cut off on revoke", async ({ browser }) => {
  const commander = await signedInPage(browser);
  const incidentPath = await declareIncident(commander.page, "Stakeholder incident", "Complete Database Failure");
  // A second commander's browser, whose share links panel must follow the first one's changes.
  const second = await signedInPage(browser);
  await second.page.goto(incidentPath);
  await expect(second.page.getByTestId("connection-state")).toHaveAttribute("data-state", "live");
  const url = await createShareLinkOnPage(commander.page, "Executive team");
  const secondRow = second.page.getByTestId("share-link-row").filter({ hasText: "Executive team" });
  await expect(secondRow).toHaveAttribute("data-status", "active");

  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  await visitor.goto(url);
  const view = visitor.getByTestId("stakeholder-view");
  await expect(view).toBeVisible();
  await expect(visitor.getByTestId("connection-state")).toHaveAttribute("data-state", "live");
  await expect(visitor.getByRole("heading", { name: "Stakeholder incident" })).toBeVisible();
  await expect(visitor.getByTestId("incident-status")).toHaveText("Recovery in progress");
  await expect(visitor.getByTestId("stakeholder-phase")).toHaveCount(3);
  await expect(visitor.getByTestId("rto-timer")).toHaveCount(4);
  await expect(visitor.getByRole("button")).toHaveCount(0);
  await expect(visitor.getByRole("textbox")).toHaveCount(0);

  // An internal note, a step with a note, and a public update, made in the commander's browser.
  await commander.page.getByLabel("Incident note").fill("internal: the primary's disk is corrupt");
  await commander.page.getByRole("button", { name: "Add note" }).click();
  await expect(commander.page.getByTestId("timeline-event").filter({ hasText: "the primary's disk is corrupt" })).toHaveCount(1);
  await stepCard(commander.page, "Assess the situation").getByRole("button", { name: "Done" }).click();
  await expect(stepCard(commander.page, "Assess the situation")).toHaveAttribute("data-state", "done");
  await commander.page.getByLabel("Update for stakeholders").fill("Checkout is down; next update at 12:30 UTC");
  await commander.page.getByRole("button", { name: "Post update" }).click();

  await expect(visitor.getByTestId("public-update")).toHaveText(/Checkout is down; next update at 12:30 UTC/);
  await expect(visitor.getByRole("progressbar", { name: "Overall progress" })).toHaveAttribute("aria-valuenow", "1");
  await expect(visitor.getByRole("progressbar", { name: "Progress of Immediate Actions" })).toHaveAttribute("aria-valuenow", "1");
  const text = await view.innerText();
  expect(text).not.toContain("the primary's disk is corrupt");
  expect(text).not.toContain("Administrator");
  expect(text).not.toContain("Assess the situation");

  // Revoking ends the open page without a reload, and the link stays dead afterwards.
  await commander.page.getByTestId("share-link-row").filter({ hasText: "Executive team" }).getByRole("button", { name: "Revoke" }).click();
  await expect(commander.page.getByTestId("share-link-row").filter({ hasText: "Executive team" })).toHaveAttribute("data-status", "revoked");
  await expect(visitor.getByTestId("access-ended")).toContainText("This share link was revoked or has expired", { timeout: 5_000 });
  await expect(secondRow).toHaveAttribute("data-status", "revoked");
  await second.context.close();
  await expect(view).toHaveCount(0);
  const reloaded = await visitor.reload();
  expect(reloaded?.status()).toBe(404);
  await expect(visitor.getByTestId("access-ended")).toContainText("The share link is wrong, was revoked, or has expired");

  // A second link that allows names shows who leads and who wrote the update.
  await commander.page.goto(incidentPath);
  const namedUrl = await createShareLinkOnPage(commander.page, "Support leads", { showNames: true });
  await visitor.goto(namedUrl);
  await expect(visitor.getByTestId("stakeholder-commander")).toHaveText("Administrator");
  await expect(visitor.getByTestId("public-update")).toContainText("Administrator");

  await visitorContext.close();
  await commander.context.close();
});

test("viewer: live views without controls", async ({ browser }) => {
  const commander = await signedInPage(browser);
  await ensureUser(commander.page, { email: "stakeholder-viewer@e2e.test", name: "Stella Viewer", role: "viewer" });
  const incidentPath = await declareIncident(commander.page, "Viewer watched incident", "CDN/Asset Failure");

  const viewer = await signedInPage(browser, { email: "stakeholder-viewer@e2e.test", password: E2E_USER_PASSWORD });
  await viewer.page.goto(`${incidentPath}/status`);
  await expect(viewer.page.getByTestId("connection-state")).toHaveAttribute("data-state", "live");
  await expect(viewer.page.getByTestId("stakeholder-view").getByRole("button")).toHaveCount(0);
  await expect(viewer.page.getByTestId("stakeholder-commander")).toHaveText("Administrator");

  await commander.page.getByLabel("Update for stakeholders").fill("Images load slowly in Europe");
  await commander.page.getByRole("button", { name: "Post update" }).click();
  await expect(viewer.page.getByTestId("public-update")).toContainText("Images load slowly in Europe");

  // The command view shows the viewer everything live but offers no control.
  await viewer.page.goto(incidentPath);
  await expect(viewer.page.getByTestId("connection-state")).toHaveAttribute("data-state", "live");
  await expect(viewer.page.getByRole("region", { name: "Share links" })).toHaveCount(0);
  await expect(viewer.page.getByLabel("Update for stakeholders")).toHaveCount(0);
  await expect(viewer.page.getByLabel("Incident note")).toHaveCount(0);
  await expect(viewer.page.getByTestId("step-card").first()).toBeVisible();
  await expect(viewer.page.getByTestId("step-card").getByRole("button", { name: /^(Start|Done|Skip|Blocked|Failed|Run|Request approval)/ })).toHaveCount(0);

  await commander.page.getByLabel("Update for stakeholders").fill("Fix rolling out");
  await commander.page.getByRole("button", { name: "Post update" }).click();
  await expect(viewer.page.getByTestId("timeline-event").filter({ hasText: "public update: Fix rolling out" })).toHaveCount(1);

  await viewer.context.close();
  await commander.context.close();
});
