import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig } from "@playwright/test";
import { chromiumArgs, chromiumExecutable } from "./e2e/chromium";

const port = Number(process.env.E2E_PORT || 3100);
// A fresh embedded database per run. Set once in the main process (workers inherit it); the next run removes it.
process.env.E2E_DATA_DIR ||= join(tmpdir(), `switchyard-e2e-${Date.now()}`);
const dataDir = process.env.E2E_DATA_DIR;
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: "e2e",
  globalSetup: "./e2e/global-setup.ts",
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  forbidOnly: true,
  retries: 0,
  workers: 2,
  reporter: [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: { executablePath: chromiumExecutable(), args: chromiumArgs },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  webServer: {
    // The production build, as deployed; a fresh embedded database per run.
    command: "npm run build && npm start",
    url: `${baseURL}/api/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      PORT: String(port),
      // OAuth redirects and the same-origin check use the public base URL.
      APP_URL: baseURL,
      DATA_DIR: dataDir,
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});
