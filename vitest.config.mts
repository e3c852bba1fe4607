import { defineConfig } from "vitest/config";
import path from "node:path";

export default defineConfig({
  resolve: {
    alias: { "@": path.resolve(import.meta.dirname) },
  },
  test: {
    include: ["lib/**/*.test.ts", "app/**/*.test.ts", "components/**/*.test.ts", "scripts/**/*.test.ts"],
    exclude: ["e2e/**", "node_modules/**", ".next/**"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    // Tests provoke errors on purpose; LOG_LEVEL=info shows the logs when debugging.
    env: { LOG_LEVEL: process.env.LOG_LEVEL ?? "silent" },
  },
});
