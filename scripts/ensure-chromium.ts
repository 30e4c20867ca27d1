/**
 * Makes sure the Chromium that the e2e suite drives is installed (Playwright's own browser
 * download is neither wanted nor possible offline). CHROMIUM_PATH wins; otherwise Debian's
 * /usr/bin/chromium, installed with apt-get when running as root on Debian.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { chromiumExecutable } from "../e2e/chromium";

const executable = chromiumExecutable();

function aptGet(...args: string[]): boolean {
  const result = spawnSync("apt-get", args, {
    stdio: "inherit",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
  return result.status === 0;
}

if (!existsSync(executable)) {
  const canInstall =
    executable === "/usr/bin/chromium" && process.getuid?.() === 0 && existsSync("/usr/bin/apt-get");
  if (!canInstall) {
    console.error(
      `Chromium is not installed at ${executable}. Install it (Debian/Ubuntu: sudo apt-get install chromium) ` +
        "or set CHROMIUM_PATH to a Chromium or Chrome executable, then run the tests again.",
    );
    process.exit(1);
  }
  console.info("Chromium is missing: installing Debian's chromium package…");
  const installed =
    aptGet("install", "-y", "-q", "chromium") ||
    (aptGet("update", "-q") && aptGet("install", "-y", "-q", "chromium"));
  if (!installed || !existsSync(executable)) {
    console.error(
      "Installing chromium with apt-get failed; install it by hand (apt-get install chromium) and run the tests again.",
    );
    process.exit(1);
  }
}
console.info(`Using Chromium at ${executable}`);
