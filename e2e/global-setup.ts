import { readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Removes the embedded databases of earlier e2e runs. Cleaning up at the start, not the end,
 * because Playwright runs a global teardown before it stops the web server using the data.
 * Only directories idle for an hour go, so a run in progress elsewhere keeps its own.
 */
export default function globalSetup() {
  const current = process.env.E2E_DATA_DIR;
  for (const entry of readdirSync(tmpdir())) {
    const path = join(tmpdir(), entry);
    if (!entry.startsWith("switchyard-e2e-") || path === current) continue;
    if (Date.now() - statSync(path).mtimeMs > 60 * 60_000) rmSync(path, { recursive: true, force: true });
  }
}
