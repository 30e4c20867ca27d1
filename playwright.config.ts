import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig } from "@playwright/test";
import { chromiumArgs, chromiumExecutable } from "./e2e/chromium";
import { serverLogFile } from "./e2e/testing/demo-handoff";

const port = Number(process.env.E2E_PORT || 3100);
// A fresh embedded database per run. Set once in the main process (workers inherit it); the next run removes it.
process.env.E2E_DATA_DIR ||= join(tmpdir(), `switchyard-e2e-${Date.now()}`);
const dataDir = process.env.E2E_DATA_DIR;
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: "e2e",
  globalSetup: "./e2e/global-setup.ts",
  // Runs while the web server is still up: its output must hold no secret (e2e/global-teardown.ts).
  globalTeardown: "./e2e/global-teardown.ts",
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
    // The production build, as deployed; a fresh embedded database per run. The server's output,
    // stderr included, is also kept in DATA_DIR/server.log for the teardown's scan for secrets.
    command: `npm run build && mkdir -p '${dataDir}' && npm start 2>&1 | tee -a '${serverLogFile(dataDir)}'`,
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
