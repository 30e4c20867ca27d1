import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFreshDatabase, testDatabaseUrl } from "@/db/testing/backends";
import { writeDemoHandoff } from "@/lib/cli/demo-handoff";
import { type NetlifySimulator, startSimulator } from "@/lib/netlify-sim/server";
import { runScript } from "./testing/run-script";

/*
 * The public CLI contract, as an operator runs it: `npm run keys` and `npm run sites` in live
 * mode with a service token against the Netlify simulator, on PostgreSQL when the suite has one
 * and on the embedded database otherwise.
 */

describe("npm run keys / npm run sites", () => {
  let simulator: NetlifySimulator;
  let dataDir: string;
  let dropDatabase: (() => Promise<void>) | undefined;
  let env: Record<string, string>;
  let siteId: string;
  let foreignSiteId: string;

  const keys = (...args: string[]) => runScript(["scripts/keys.ts", ...args], env);
  const sites = (...args: string[]) => runScript(["scripts/sites.ts", ...args], env);
  const json = <T>(stdout: string) => JSON.parse(stdout) as T;

  beforeAll(async () => {
    simulator = await startSimulator({ token: "service-token", speed: 0, team: false });
    siteId = [...simulator.store.sites.values()].find((site) => site.name === "field-notes-blog")?.id ?? "";
    const other = await fetch(`${simulator.origin}/__sim/accounts`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ token: "other", sites: [{ name: "not-ours", code_origin: "github" }] }),
    });
    foreignSiteId = ((await other.json()) as { sites: Array<{ id: string }> }).sites[0]?.id ?? "";
    dataDir = await mkdtemp(join(tmpdir(), "switchyard-cli-"));
    env = {
      DATA_DIR: dataDir,
      NETLIFY_API_URL: simulator.apiUrl,
      NETLIFY_TOKEN: "service-token",
      AUTH_SECRET: "an-auth-secret-for-the-cli-tests-0123456789",
      CRON_SECRET: "a-cron-secret-0123456789",
    };
    if (testDatabaseUrl) {
      const fresh = await createFreshDatabase(testDatabaseUrl);
      env.DATABASE_URL = fresh.url;
      dropDatabase = fresh.drop;
    }
  });
  afterAll(async () => {
    await simulator?.stop();
    await dropDatabase?.();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("connects a site and lists it, as text and as JSON", async () => {
    const connected = await sites("connect", siteId, "--json");
    expect(connected.stderr).toBe("");
    expect(connected.code).toBe(0);
    expect(json(connected.stdout)).toMatchObject({
      id: siteId,
      name: "field-notes-blog",
      connected_by: "service token",
    });
    const listed = await sites("list");
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(new RegExp(`^${siteId}\\s+field-notes-blog`, "m"));
  });

  it("mints a key once (--json), lists it without its secret, revokes it, and refuses a second revoke", async () => {
    const created = await keys(
      "create",
      "--site",
      siteId,
      "--scopes",
      "agent_runners:read,agent_runners:write",
      "--name",
      "deploy bot",
      "--expires-in",
      "30d",
      "--json",
    );
    expect(created.code).toBe(0);
    const key = json<{ id: string; key: string; site_id: string; scopes: string[]; expires_at: string }>(
      created.stdout,
    );
    expect(key.key).toMatch(/^oc_[0-9A-Za-z]{42}$/);
    expect(key).toMatchObject({ site_id: siteId, scopes: ["agent_runners:read", "agent_runners:write"] });
    expect(new Date(key.expires_at).getTime() - Date.now()).toBeGreaterThan(29.9 * 86_400_000);

    const listed = await keys("list", "--json");
    expect(listed.code).toBe(0);
    expect(listed.stdout).not.toContain(key.key);
    expect(listed.stdout).not.toMatch(/[0-9a-f]{64}/);
    expect(json<Array<{ id: string; status: string }>>(listed.stdout)).toContainEqual(
      expect.objectContaining({ id: key.id, status: "active", display_prefix: key.key.slice(0, 9) }),
    );
    const table = await keys("list", "--site", siteId);
    expect(table.stdout).toContain(key.key.slice(0, 9));

    const revoked = await keys("revoke", key.id);
    expect(revoked).toMatchObject({ code: 0, stderr: "" });
    expect(revoked.stdout).toContain(`Revoked key "deploy bot" (${key.id}).`);
    const again = await keys("revoke", key.id);
    expect(again.code).toBe(1);
    expect(again.stderr).toBe("keys: This key is already revoked.\n");
  });

  it("prints the plaintext key exactly once in text output, with a warning to store it", async () => {
    const created = await keys("create", "--site", siteId, "--scopes", "agent_runners:read");
    expect(created.code).toBe(0);
    const printed = created.stdout.match(/oc_[0-9A-Za-z]{42}/g) ?? [];
    expect(printed).toHaveLength(1);
    expect(created.stdout).toContain("This is the only time the key is shown.");
  });

  it("refuses bad input with one line on stderr, a non-zero exit and no new key", async () => {
    const before = json<unknown[]>((await keys("list", "--json")).stdout).length;
    const attempts: Array<[string[], RegExp]> = [
      [["create", "--site", siteId, "--scopes", "agent_runners:admin"], /is not a scope/],
      [["create", "--site", siteId, "--scopes", "agent_runners:read,agent_runners:read"], /listed twice/],
      [
        ["create", "--site", siteId, "--scopes", "agent_runners:read", "--expires-in", "5y"],
        /expiry must be/,
      ],
      [["create", "--site", foreignSiteId, "--scopes", "agent_runners:read"], /cannot see that site/],
      [["create", "--scopes", "agent_runners:read"], /required option '--site <site_id>'/],
      [
        ["create", "--site", siteId, "--scopes", "agent_runners:read", "--name", "x".repeat(10_240)],
        /longer than/,
      ],
      [["revoke", "00000000-0000-4000-8000-000000000000"], /No such key/],
      [["rotate"], /unknown command 'rotate'/],
    ];
    for (const [args, message] of attempts) {
      const result = await keys(...args);
      expect(result.code, args.join(" ")).not.toBe(0);
      expect(result.stderr, args.join(" ")).toMatch(message);
      expect(result.stderr.trim().split("\n").length, args.join(" ")).toBeLessThanOrEqual(2);
    }
    expect(json<unknown[]>((await keys("list", "--json")).stdout)).toHaveLength(before);
  });

  it("in demo mode, acts on the running demo's simulator, and says to start the demo when none runs", async () => {
    const demoDir = await mkdtemp(join(tmpdir(), "switchyard-cli-demo-"));
    try {
      const none = await runScript(["scripts/sites.ts", "connect", siteId], { DATA_DIR: demoDir });
      expect(none.code).toBe(1);
      expect(none.stderr).toMatch(/start it with `npm run dev`/);
      // What the launcher leaves behind while it runs (here this test process stands in for it).
      writeDemoHandoff(demoDir, { apiUrl: simulator.apiUrl, token: "service-token", pid: process.pid });
      const connected = await runScript(["scripts/sites.ts", "connect", siteId, "--json"], {
        DATA_DIR: demoDir,
      });
      expect(connected.stderr).toBe("");
      expect(json(connected.stdout)).toMatchObject({ id: siteId, name: "field-notes-blog" });
    } finally {
      await rm(demoDir, { recursive: true, force: true });
    }
  });
});
