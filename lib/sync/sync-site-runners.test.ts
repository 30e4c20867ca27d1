import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "@/db/migrate";
import { runners, users } from "@/db/schema";
import { storageBackends, type TestDatabase } from "@/db/testing/backends";
import { createNetlifyClient, type NetlifyClient } from "@/lib/netlify/client";
import { type NetlifySimulator, startSimulator } from "@/lib/netlify-sim/server";
import { connectSite } from "@/lib/sites/connect-site";
import { syncSiteRunners } from "./sync-site-runners";

describe("syncSiteRunners", () => {
  let database: TestDatabase;
  let simulator: NetlifySimulator;
  let client: NetlifyClient;
  let siteId: string;

  beforeAll(async () => {
    const embedded = storageBackends()[0];
    if (!embedded) throw new Error("the embedded back end is always available");
    database = await embedded.create();
    await migrate(database.handle.db);
    simulator = await startSimulator({ token: "t", speed: 0 });
    client = createNetlifyClient({ baseUrl: simulator.apiUrl, token: "t", timeoutMs: 5_000 });
    siteId = [...simulator.store.sites.values()].find((site) => site.name === "aurora-storefront")?.id ?? "";
    await connectSite(database.handle.db, client, siteId, null);
  });
  afterAll(async () => {
    await simulator?.stop();
    await database?.dispose();
  });

  it("caches every runner of the site, archived ones included", async () => {
    const summary = await syncSiteRunners(database.handle.db, client, siteId);
    const upstreamCount = simulator.store.runnersBySite.get(siteId)?.length ?? 0;
    expect(summary).toEqual({ siteId, runners: upstreamCount, removed: 0 });
    const cached = await database.handle.db.select().from(runners).where(eq(runners.siteId, siteId));
    expect(cached).toHaveLength(upstreamCount);
    expect(cached.some((runner) => runner.state === "archived")).toBe(true);
  });

  it("keeps a runner that a page walk missed but the upstream still has", async () => {
    const [missed] = await database.handle.db
      .select()
      .from(runners)
      .where(eq(runners.siteId, siteId))
      .limit(1);
    if (!missed) throw new Error("the site has runners");
    // A follow-up can move a runner from page 2 to page 1 mid-walk; model the walk that skipped it.
    const skippingClient: NetlifyClient = {
      ...client,
      runners: {
        ...client.runners,
        listAll: async (filters) =>
          (await client.runners.listAll(filters)).filter((runner) => runner.id !== missed.id),
      },
    };
    const summary = await syncSiteRunners(database.handle.db, skippingClient, siteId);
    expect(summary.removed).toBe(0);
    expect(await database.handle.db.select().from(runners).where(eq(runners.id, missed.id))).toHaveLength(1);
  });

  it("keeps our provenance columns when upstream fields are refreshed", async () => {
    const [runner] = await database.handle.db
      .select()
      .from(runners)
      .where(eq(runners.siteId, siteId))
      .limit(1);
    if (!runner) throw new Error("the site has runners");
    const [person] = await database.handle.db.insert(users).values({ email: "ana@example.com" }).returning();
    await database.handle.db
      .update(runners)
      .set({ title: "stale title", createdByUserId: person?.id })
      .where(eq(runners.id, runner.id));
    await syncSiteRunners(database.handle.db, client, siteId);
    const [refreshed] = await database.handle.db.select().from(runners).where(eq(runners.id, runner.id));
    expect(refreshed?.title).toBe(simulator.store.runners.get(runner.id)?.title);
    expect(refreshed?.createdByUserId).toBe(person?.id);
  });

  it("stores a runner in a state Netlify adds later as sent, and follows it back to a known state", async () => {
    const { db } = database.handle;
    const before = await db.select().from(runners).where(eq(runners.siteId, siteId));
    const target = before.find((runner) => runner.state === "done");
    if (!target) throw new Error("the site has a finished runner");
    const setState = async (state: string | null) => {
      const response = await fetch(`${simulator.origin}/__sim/runners/${target.id}/state`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ state }),
      });
      expect(response.status, "the simulator's state control").toBe(200);
    };
    const statesOfOthers = (rows: typeof before) =>
      Object.fromEntries(rows.filter((row) => row.id !== target.id).map((row) => [row.id, row.state]));

    await setState("reviewing_changes");
    const summary = await syncSiteRunners(db, client, siteId);
    expect(summary).toMatchObject({ runners: before.length, removed: 0 });
    const during = await db.select().from(runners).where(eq(runners.siteId, siteId));
    const stored = during.find((runner) => runner.id === target.id);
    expect(stored).toMatchObject({
      state: "reviewing_changes",
      latestSessionState: "reviewing_changes",
      siteName: "aurora-storefront",
    });
    expect(stored?.upstream).toMatchObject({ state: "reviewing_changes" });
    expect(statesOfOthers(during)).toEqual(statesOfOthers(before));

    await setState(null);
    await syncSiteRunners(db, client, siteId);
    const [back] = await db.select().from(runners).where(eq(runners.id, target.id));
    expect(back).toMatchObject({ state: "done", latestSessionState: "done" });
  });
});
