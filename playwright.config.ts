import { defineConfig } from "@playwright/test";

// End-to-end tests run Debian's Chromium (Playwright cannot download its own browser offline)
// against the production build served by server.ts on a port and data folder of their own.
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_ADMIN = { email: "commander@e2e.test", password: "e2e-password-0123" };
const dataDir = process.env.E2E_DATA_DIR ?? ".data/e2e";

export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  webServer: {
    command: `rm -rf ${dataDir} && node --import tsx server.ts`,
    url: `http://127.0.0.1:${E2E_PORT}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      NODE_ENV: "production",
      PORT: String(E2E_PORT),
      HOST: "127.0.0.1",
      RUNBRIDGE_DATA_DIR: dataDir,
      RUNBRIDGE_ADMIN_EMAIL: E2E_ADMIN.email,
      RUNBRIDGE_ADMIN_PASSWORD: E2E_ADMIN.password,
      DATABASE_URL: "",
      LOG_LEVEL: "warn",
    },
  },
});
