import { join } from "node:path";
import { defineConfig } from "@playwright/test";
import base from "../../playwright.config";

/*
 * `npm run docs:screenshots`: the README's screenshots, taken from the demo as a person sees it,
 * with the same production server the e2e suite starts. Kept out of the e2e suite: it writes
 * files under docs/ rather than checking anything.
 */
export default defineConfig({
  ...base,
  testDir: ".",
  testMatch: /\.shots\.ts$/,
  // The base config's paths are relative to the repository root, this file's are not.
  globalSetup: join(process.cwd(), "e2e/global-setup.ts"),
  globalTeardown: undefined,
  workers: 1,
});
