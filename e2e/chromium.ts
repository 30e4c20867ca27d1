/** The Chromium the e2e suite drives: CHROMIUM_PATH, else Debian's package. Read by the Playwright config and the installer. */
export function chromiumExecutable(): string {
  return process.env.CHROMIUM_PATH || "/usr/bin/chromium";
}

/** Flags for a sandbox without a GPU or outside network: background services would only fail and retry. */
export const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
];
