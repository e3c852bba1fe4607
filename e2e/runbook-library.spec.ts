import { expect, test } from "@playwright/test";
import { signedInPage, stepCard } from "./helpers";

const RUNBOOK = [
  "# Replica failover runbook",
  "",
  "## Severity levels",
  "- **SEV1 - Critical:** primary database down",
  "- **SEV2 - High:** replica lag over 5 minutes",
  "",
  "## Scenario: Replica failover",
  "",
  "### Detect (0-5 minutes)",
  "1. Confirm the primary is down",
  "   ```bash",
  "   pg_isready -h primary",
  "   ```",
  "2. Page the DBA on call <b>now</b>",
  "",
  "### Verify",
  "- [ ] Check writes succeed on the new primary",
].join("\n");

test("an admin imports a pasted runbook and declares an incident from it", async ({ browser }) => {
  const { context, page } = await signedInPage(browser);

  await page.getByRole("link", { name: "Runbooks" }).click();
  await expect(page.getByRole("heading", { name: "Runbook library" })).toBeVisible();
  await page.getByRole("link", { name: "Import runbook" }).click();

  await page.getByLabel("Or paste Markdown").fill(RUNBOOK);
  await page.getByRole("button", { name: "Preview" }).click();

  const preview = page.getByTestId("runbook-preview");
  await expect(preview.getByRole("heading", { name: "Replica failover runbook" })).toBeVisible();
  await expect(preview.getByTestId("preview-step")).toHaveCount(3);
  await expect(preview.getByTestId("preview-step").first()).toContainText("line 10");
  await expect(preview.locator("pre").first()).toHaveText("pg_isready -h primary");
  // HTML in the runbook is shown as text, never rendered.
  await expect(preview.getByText("Page the DBA on call <b>now</b>")).toBeVisible();
  await expect(preview.locator("b", { hasText: "now" })).toHaveCount(0);

  const warning = page.getByRole("button", { name: /Line 16: Phase "Verify" of scenario "Replica failover" has no time box/ });
  await expect(warning).toBeVisible();
  await warning.click();
  await expect(page.getByLabel("Source lines 13 to 17")).toContainText("### Verify");

  await page.screenshot({ path: "test-results/runbook-import-preview.png", fullPage: true });

  await page.getByRole("button", { name: "Save runbook" }).click();
  await expect(page).toHaveURL(/\/runbooks\/c[a-z0-9]+\?saved=1$/);
  await expect(page.getByRole("status").filter({ hasText: "Saved as version" })).toHaveText("Saved as version 1.");
  await expect(page.getByTestId("version-row")).toHaveCount(1);

  // The time box the heading did not give is set after import, and the warning goes away.
  await page.getByLabel("Start minute of Verify").fill("5");
  await page.getByLabel("End minute of Verify").fill("15");
  await page.getByRole("button", { name: "Save time box" }).nth(1).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved:" })).toHaveText("Saved: time box of Verify.");
  await expect(page.getByRole("button", { name: /Line 16: Phase "Verify"/ })).toHaveCount(0);
  await page.screenshot({ path: "test-results/runbook-detail.png", fullPage: true });

  await page.goto("/incidents/new");
  await page.getByLabel("Runbook").selectOption({ label: "Replica failover runbook (version 1)" });
  await expect(page.getByRole("group", { name: "Scenario" }).getByLabel("Replica failover")).toBeVisible();
  await page.getByLabel("Title").fill("Primary database unreachable");
  await page.getByLabel(/SEV1 · Critical/).check();
  await page.getByRole("group", { name: "Scenario" }).getByLabel("Replica failover").check();
  await page.getByRole("button", { name: "Declare incident" }).click();

  await expect(page).toHaveURL(/\/incidents\/c[a-z0-9]{20,}$/);
  await expect(page.getByTestId("phase")).toHaveCount(2);
  await expect(stepCard(page, "Confirm the primary is down").locator("pre")).toContainText("pg_isready -h primary");
  await expect(stepCard(page, "Check writes succeed on the new primary")).toBeVisible();

  await context.close();
});

test("a binary upload gets a plain message and saves nothing", async ({ browser }) => {
  const { context, page } = await signedInPage(browser);

  await page.goto("/runbooks/import");
  await page.getByLabel("Upload a Markdown file").setInputFiles({
    name: "diagram.png",
    mimeType: "image/png",
    buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]),
  });
  await expect(page.getByRole("alert").filter({ hasText: "diagram.png" })).toHaveText(
    "diagram.png: The file contains binary data, not text, so it is not a Markdown runbook. Export the runbook as Markdown (.md) and upload that.",
  );
  await expect(page.getByTestId("runbook-preview")).toHaveCount(0);

  await context.close();
});
