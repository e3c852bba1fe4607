import { expect, test } from "@playwright/test";
import { declareIncident, ensureUser, E2E_USER_PASSWORD, signedInPage, stepCard } from "./helpers";

const COMMANDER = { email: "roles-commander@e2e.test", name: "Cora Commander", role: "commander" };
const RESPONDER = { email: "roles-responder@e2e.test", name: "Rhea Responder", role: "responder" };

test("commander assigns a role and a step, then hands over command", async ({ browser }) => {
  const admin = await signedInPage(browser);
  await ensureUser(admin.page, COMMANDER);
  await ensureUser(admin.page, RESPONDER);
  await admin.context.close();

  const commander = await signedInPage(browser, { email: COMMANDER.email, password: E2E_USER_PASSWORD });
  const responder = await signedInPage(browser, { email: RESPONDER.email, password: E2E_USER_PASSWORD });

  const path = await declareIncident(commander.page, "Roles and handover", "Complete Database Failure");
  await expect(commander.page.getByTestId("incident-commander")).toHaveText(`Commander: ${COMMANDER.name}`);

  await responder.page.goto(path);
  await expect(responder.page.getByTestId("connection-state")).toHaveAttribute("data-state", "live");
  await expect(responder.page.getByTestId("incident-commander")).toHaveText(`Commander: ${COMMANDER.name}`);
  // A global responder commands nothing yet: no role form, no handover, no resolve, no assignee picker.
  await expect(responder.page.getByRole("form", { name: "Assign incident role" })).toHaveCount(0);
  await expect(responder.page.getByRole("form", { name: "Hand over command" })).toHaveCount(0);
  await expect(responder.page.getByRole("button", { name: "Resolve incident" })).toHaveCount(0);
  await expect(stepCard(responder.page, "Notify stakeholders").getByLabel("Assignee of Notify stakeholders")).toHaveCount(0);

  // The commander gives the responder the role Operations, and the responder's page shows it without a reload.
  const roleForm = commander.page.getByRole("form", { name: "Assign incident role" });
  await roleForm.getByLabel("Person").selectOption({ label: `${RESPONDER.name} (Responder)` });
  await roleForm.getByLabel("Role").selectOption({ label: "Operations" });
  await roleForm.getByRole("button", { name: "Assign" }).click();
  const operations = (page: typeof responder.page) => page.locator('[data-testid="incident-role"][data-role="operations"]');
  await expect(operations(commander.page).getByTestId("incident-role-holder")).toHaveText(RESPONDER.name);
  await expect(operations(responder.page).getByTestId("incident-role-holder")).toHaveText(RESPONDER.name);
  await expect(responder.page.getByTestId("timeline-event").first()).toContainText(`gave ${RESPONDER.name} the role Operations`);

  // The same assignment again is rejected with the reason.
  await roleForm.getByLabel("Person").selectOption({ label: `${RESPONDER.name} (Responder)` });
  await roleForm.getByLabel("Role").selectOption({ label: "Operations" });
  await roleForm.getByRole("button", { name: "Assign" }).click();
  await expect(commander.page.getByTestId("incident-roles").getByRole("alert")).toHaveText(`${RESPONDER.name} already holds the role Operations on this incident.`);

  await stepCard(commander.page, "Notify stakeholders").getByLabel("Assignee of Notify stakeholders").selectOption({ label: RESPONDER.name });
  await expect(stepCard(commander.page, "Notify stakeholders").getByTestId("step-assignee")).toHaveText(`Assigned to ${RESPONDER.name}`);
  await expect(stepCard(responder.page, "Notify stakeholders").getByTestId("step-assignee")).toHaveText(`Assigned to ${RESPONDER.name}`);
  await expect(stepCard(responder.page, "Assess the situation").getByTestId("step-assignee")).toHaveCount(0);

  const handover = commander.page.getByRole("form", { name: "Hand over command" });
  await handover.getByLabel("New incident commander").selectOption({ label: RESPONDER.name });
  await handover.getByRole("button", { name: "Hand over command" }).click();
  await expect(commander.page.getByTestId("incident-commander")).toHaveText(`Commander: ${RESPONDER.name}`);
  await expect(responder.page.getByTestId("incident-commander")).toHaveText(`Commander: ${RESPONDER.name}`);
  await expect(responder.page.getByTestId("timeline-event").first()).toContainText(`handed over command from ${COMMANDER.name} to ${RESPONDER.name}`);
  await expect(responder.page.locator('[data-testid="incident-role"][data-role="incident_commander"]').getByTestId("incident-role-holder")).toHaveText(RESPONDER.name);

  // The new commander gets the controls without a reload.
  await expect(responder.page.getByRole("form", { name: "Hand over command" })).toBeVisible();
  await expect(responder.page.getByTestId("connection-state")).toHaveAttribute("data-state", "live");
  await responder.page.getByRole("button", { name: "Resolve incident" }).click();
  await responder.page.getByRole("button", { name: "Confirm resolve" }).click();
  await expect(responder.page.getByTestId("incident-status")).toHaveText("Resolved");
  await expect(commander.page.getByTestId("incident-status")).toHaveText("Resolved");

  await commander.context.close();
  await responder.context.close();
});
