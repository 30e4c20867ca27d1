import { readFileSync } from "node:fs";
import { join } from "node:path";

/** What the launcher leaves in DATA_DIR for the demo's simulator (written by `lib/cli/demo-handoff.ts`). */
export interface DemoHandoff {
  /** The simulator's API base, `http://127.0.0.1:<port>/api/v1`; its `/__sim/*` controls sit at the origin. */
  apiUrl: string;
  /** The upstream token the demo acts with: a secret that must never reach the server's output. */
  token: string;
}

/** The e2e run's DATA_DIR, set once by `playwright.config.ts`. */
export function e2eDataDir(): string {
  const dataDir = process.env.E2E_DATA_DIR;
  if (!dataDir) throw new Error("E2E_DATA_DIR is not set: run the suite through playwright.config.ts");
  return dataDir;
}

/** Where `playwright.config.ts` has the web server's stdout and stderr written. */
export const serverLogFile = (dataDir = e2eDataDir()) => join(dataDir, "server.log");

/** The running demo's simulator; throws while no launcher has written the file (or after it stopped). */
export function readDemoHandoff(dataDir = e2eDataDir()): DemoHandoff {
  // lib/cli/demo-handoff.ts is server-only, so its reader cannot be imported here: the file name is its.
  const parsed: unknown = JSON.parse(readFileSync(join(dataDir, "demo-upstream.json"), "utf8"));
  const { apiUrl, token } = (parsed ?? {}) as Partial<Record<keyof DemoHandoff, unknown>>;
  if (typeof apiUrl !== "string" || typeof token !== "string" || token === "")
    throw new Error("The demo handoff file does not name the simulator and its token");
  return { apiUrl, token };
}
