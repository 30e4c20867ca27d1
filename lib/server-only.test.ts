import { execFile } from "node:child_process";
import { describe, expect, it } from "vitest";

/**
 * The modules that hold secrets or tokens (the environment, the database URL, the demo secrets,
 * the Netlify token on the wire). Each must fail to load outside the server, so that importing
 * one from a client component breaks the build instead of shipping it to a browser.
 */
const serverModules = [
  "lib/env.ts",
  "lib/database.ts",
  "lib/secrets.ts",
  "db/client.ts",
  "lib/netlify/transport.ts",
  "lib/netlify/fetch.ts",
  "lib/netlify/client.ts",
  "lib/demo/demo-upstream.ts",
];

interface LoadResult {
  loaded: boolean;
  stderr: string;
}

/** Imports one module in a fresh Node.js process, outside Vitest's own resolution. */
function loadInNode(path: string, conditions: string[]): Promise<LoadResult> {
  const args = [
    "--import",
    "tsx",
    ...conditions,
    "--input-type=module",
    "--eval",
    `await import("./${path}")`,
  ];
  return new Promise((resolve) => {
    execFile(process.execPath, args, { cwd: process.cwd() }, (error, _stdout, stderr) => {
      resolve({ loaded: error === null, stderr });
    });
  });
}

const loadEach = (conditions: string[]) =>
  Promise.all(serverModules.map(async (path) => ({ path, ...(await loadInNode(path, conditions)) })));

describe("server-only modules", () => {
  it("refuse to load without React's server condition, with server-only's message", async () => {
    for (const { path, loaded, stderr } of await loadEach([])) {
      expect(loaded, path).toBe(false);
      expect(stderr, path).toMatch(/cannot be imported from a Client Component module/);
    }
  });

  it("load under the react-server condition, as Next.js's server and the scripts run them", async () => {
    for (const { path, loaded, stderr } of await loadEach(["--conditions=react-server"])) {
      expect({ path, loaded, stderr }).toEqual({ path, loaded: true, stderr: "" });
    }
  });
});
