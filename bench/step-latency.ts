// Measures how long a step change takes to show in a second browser: a responder clicks in
// browser A, and the step card in browser B changes state. Both pages stamp Date.now() (the
// same machine clock): A in a capture-phase click listener, B in a MutationObserver on the
// card. It starts its own production server (run `next build` first) on a temporary data
// folder and prints the median and p95 of 20 clicks.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Page } from "@playwright/test";

const PORT = Number(process.env.BENCH_PORT ?? 3200);
const SAMPLES = 20;
const BASE_URL = `http://127.0.0.1:${PORT}`;
const ADMIN = { email: "bench@runbridge.test", password: "bench-password-0123" };
const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"];

async function waitForHealth(deadlineMs: number): Promise<void> {
  while (Date.now() < deadlineMs) {
    try {
      if ((await fetch(`${BASE_URL}/api/health`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The server did not respond on ${BASE_URL}/api/health within the start-up timeout.`);
}

async function signIn(page: Page): Promise<void> {
  await page.goto(`${BASE_URL}/signin`);
  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/incidents$/);
}

function percentile(sorted: number[], fraction: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1);
  return sorted[index];
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "runbridge-bench-"));
  const server = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    env: { ...process.env, NODE_ENV: "production", PORT: String(PORT), HOST: "127.0.0.1", RUNBRIDGE_DATA_DIR: dataDir, RUNBRIDGE_ADMIN_EMAIL: ADMIN.email, RUNBRIDGE_ADMIN_PASSWORD: ADMIN.password, DATABASE_URL: "", LOG_LEVEL: "warn" },
    stdio: ["ignore", "ignore", "inherit"],
  });

  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
  try {
    await waitForHealth(Date.now() + 120_000);

    const pageA = await (await browser.newContext()).newPage();
    const pageB = await (await browser.newContext()).newPage();
    await signIn(pageA);
    await signIn(pageB);

    await pageA.goto(`${BASE_URL}/incidents/new`);
    await pageA.getByLabel("Title").fill("Latency benchmark");
    await pageA.getByRole("group", { name: "Scenario" }).getByLabel("Complete Database Failure").check();
    await pageA.getByRole("button", { name: "Declare incident" }).click();
    await pageA.waitForURL(/\/incidents\/c[a-z0-9]{20,}$/);
    await pageB.goto(pageA.url());
    for (const page of [pageA, pageB]) {
      await page.locator('[data-testid="connection-state"][data-state="live"]').waitFor();
    }

    const stepId = await pageA.getByTestId("step-card").filter({ hasText: "Assess the situation" }).getAttribute("data-step-id");
    const cardSelector = `[data-step-id="${stepId}"]`;
  await pageA.evaluate(() => {
    document.addEventListener("click", () => ((window as unknown as { clickedAt: number }).clickedAt = Date.now()), true);
  });

    const latencies: number[] = [];
    for (let sample = 0; sample < SAMPLES; sample += 1) {
      const expected = sample % 2 === 0 ? "in_progress" : "pending";
      const button = sample % 2 === 0 ? "Start" : "Reopen";

      const seen = pageB.evaluate(
        ({ selector, state }) =>
          new Promise<number>((resolve, reject) => {
            const card = document.querySelector(selector);
            if (!card) {
              reject(new Error(`No step card matches ${selector}.`));
              return;
            }
            setTimeout(() => reject(new Error(`The step card did not change to ${state} within 10 s.`)), 10_000);
            const observer = new MutationObserver(() => {
              if (card.getAttribute("data-state") === state) {
                observer.disconnect();
                resolve(Date.now());
              }
            });
            observer.observe(card, { attributes: true, attributeFilter: ["data-state"] });
          }),
        { selector: cardSelector, state: expected },
      );

      await pageA.locator(cardSelector).getByRole("button", { name: button, exact: true }).click();
      const seenAt = await seen;
      const clickedAt = await pageA.evaluate(() => (window as unknown as { clickedAt: number }).clickedAt);
      latencies.push(seenAt - clickedAt);
      await pageA.locator(`${cardSelector}[data-state="${expected}"]`).waitFor();
    }

    const sorted = [...latencies].sort((a, b) => a - b);
    const result = { samples: SAMPLES, medianMs: percentile(sorted, 0.5), p95Ms: percentile(sorted, 0.95), maxMs: sorted[sorted.length - 1], allMs: latencies };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await browser.close();
    server.kill("SIGTERM");
    await new Promise((resolve) => server.once("exit", resolve));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
