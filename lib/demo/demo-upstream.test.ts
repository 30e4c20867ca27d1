import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "@/db/migrate";
import { runners, sites, syncState } from "@/db/schema";
import { storageBackends, type TestDatabase } from "@/db/testing/backends";
import { parseEnv } from "@/lib/env";
import { runnerStates } from "@/lib/netlify/schemas";
import { syncDueSites } from "@/lib/sync/sync-sites";
import { type DemoUpstream, startDemoUpstream } from "./demo-upstream";

const embedded = storageBackends()[0];

async function countByState(database: TestDatabase) {
  const rows = await database.handle.db.select({ state: runners.state }).from(runners);
  const counts: Record<string, number> = {};
  for (const row of rows) counts[row.state] = (counts[row.state] ?? 0) + 1;
  return counts;
}

/**
 * A fresh embedded database and demo upstream for the calling `describe`, on a frozen clock.
 * `sync()` is one run of the scheduler, as the launcher's call of the cron route makes it.
 */
function useDemoUpstream(options: { team: boolean }) {
  const handles = {} as { database: TestDatabase; demo: DemoUpstream; sync(): Promise<void> };
  beforeAll(async () => {
    if (!embedded) throw new Error("the embedded back end is always available");
    handles.database = await embedded.create();
    await migrate(handles.database.handle.db);
    handles.demo = await startDemoUpstream(parseEnv({}), handles.database.handle.db, {
      speed: 0,
      ...options,
    });
    const env = parseEnv({ NETLIFY_API_URL: handles.demo.apiUrl, NETLIFY_DEMO_TOKEN: handles.demo.token });
    handles.sync = async () => {
      const run = await syncDueSites(handles.database.handle.db, env, {
        deadline: Date.now() + 30_000,
        owner: "demo-test",
        force: true,
      });
      expect(run.results.map((site) => site.outcome)).toEqual(["synced", "synced", "synced"]);
    };
  });
  afterAll(async () => {
    await handles.demo?.stop();
    await handles.database?.dispose();
  });
  return handles;
}

describe("demo mode's upstream", () => {
  // Without the team: these tests count runners, and the team would add its own.
  const handles = useDemoUpstream({ team: false });

  it("connects the three demo sites and caches nothing by itself: it has no sync loop of its own", async () => {
    await new Promise((resolve) => setTimeout(resolve, 3_500));
    expect(await handles.database.handle.db.select().from(runners)).toEqual([]);
  });

  it("caches ~40 runners over every state after one scheduler run", async () => {
    await handles.sync();
    const connected = await handles.database.handle.db
      .select({ name: sites.name })
      .from(sites)
      .orderBy(sites.name);
    expect(connected.map((site) => site.name)).toEqual([
      "aurora-storefront",
      "docs-portal",
      "field-notes-blog",
    ]);
    const counts = await countByState(handles.database);
    for (const state of runnerStates) {
      expect(counts[state] ?? 0, `runners in ${state}: ${JSON.stringify(counts)}`).toBeGreaterThan(0);
    }
    const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
    expect(total).toBeGreaterThanOrEqual(35);
    expect(await handles.database.handle.db.select().from(syncState)).toHaveLength(3);
  });

  it("follows runners as they finish", async () => {
    const before = await countByState(handles.database);
    await fetch(`${handles.demo.simulator.origin}/__sim/clock`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ advance_ms: 15 * 60_000 }),
    });
    await handles.sync();
    const after = await countByState(handles.database);
    expect(after.running ?? 0).toBe(0);
    expect(after.new ?? 0).toBe(0);
    expect((after.done ?? 0) + (after.error ?? 0)).toBe(
      (before.done ?? 0) + (before.error ?? 0) + (before.running ?? 0) + (before.new ?? 0),
    );
  });

  it("removes a runner from the cache once upstream no longer has it, keeping the others", async () => {
    const [victim] = await handles.database.handle.db
      .select()
      .from(runners)
      .where(eq(runners.state, "done"))
      .limit(1);
    if (!victim) throw new Error("demo data has done runners");
    const upstreamRunner = handles.demo.simulator.store.runners.get(victim.id);
    const siteRunners = handles.demo.simulator.store.runnersBySite.get(victim.siteId) ?? [];
    handles.demo.simulator.store.runners.delete(victim.id);
    siteRunners.splice(siteRunners.indexOf(upstreamRunner as never), 1);
    handles.demo.simulator.store.changed();
    const countBefore = (await handles.database.handle.db.select().from(runners)).length;
    await handles.sync();
    expect(await handles.database.handle.db.select().from(runners).where(eq(runners.id, victim.id))).toEqual(
      [],
    );
    expect((await handles.database.handle.db.select().from(runners)).length).toBe(countBefore - 1);
  });
});

describe("demo mode's upstream with its team", () => {
  const handles = useDemoUpstream({ team: true });

  it("shows new runs, and a run waiting on the demo user, on the board within five minutes", async () => {
    const before = await handles.database.handle.db.select({ id: runners.id }).from(runners);
    for (let minute = 0; minute < 5; minute++) {
      await fetch(`${handles.demo.simulator.origin}/__sim/clock`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ advance_ms: 60_000 }),
      });
      await handles.sync();
    }
    const after = await handles.database.handle.db.select().from(runners);
    expect(after.length).toBeGreaterThan(before.length);
    const waiting = after.filter((runner) => runner.state === "await_input");
    expect(waiting.map((runner) => runner.creator?.fullName)).toContain("Dana Demo");
  });
});
