import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "@/db/migrate";
import { apiKeys, runners, sites } from "@/db/schema";
import { storageBackends, type TestDatabase } from "@/db/testing/backends";
import { mintKey } from "@/lib/keys/mint-key";
import { siteAccessThrough } from "@/lib/keys/site-access";
import { createNetlifyClient } from "@/lib/netlify/client";
import { type NetlifySimulator, startSimulator } from "@/lib/netlify-sim/server";
import { addForeignSite, simulatedSiteId } from "@/lib/netlify-sim/testing/sim-sites";
import { reconcileSite } from "@/lib/sync/reconcile-site";
import { type ActorName, insertActors } from "@/lib/testing/actors";
import { refusal } from "@/lib/testing/refusal";
import { listNetlifySites } from "./list-netlify-sites";
import { connectSiteFor, disconnectSite } from "./manage-sites";
import type { SiteActor } from "./site-permissions";

const demoSiteNames = ["aurora-storefront", "docs-portal", "field-notes-blog"];
const seededSites = 150;

// PGlite always; PostgreSQL when TEST_DATABASE_URL names a server (the Neon driver is covered by the storage suite).
for (const backend of storageBackends().slice(0, 2)) {
  describe(`Settings sites on ${backend.name}`, () => {
    let database: TestDatabase;
    let simulator: NetlifySimulator;
    let foreignSiteId: string;
    const actors = {} as Record<ActorName, SiteActor>;

    const db = () => database.handle.db;
    const client = () => createNetlifyClient({ baseUrl: simulator.apiUrl, token: "demo", timeoutMs: 5_000 });
    const siteIdNamed = (name: string) => simulatedSiteId(simulator, name);
    const list = (actor: SiteActor, request: Parameters<typeof listNetlifySites>[3] = {}) =>
      listNetlifySites(db(), client(), actor, request);
    const connect = (actor: SiteActor, siteId: string) => connectSiteFor(db(), client(), actor, siteId);
    const connectedRows = async () => (await db().select({ n: count() }).from(sites))[0]?.n;

    beforeAll(async () => {
      database = await backend.create();
      await migrate(db());
      simulator = await startSimulator({ token: "demo", speed: 0, team: false });
      const seeded = await fetch(`${simulator.origin}/__sim/seed`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ runners: 0, sites: seededSites }),
      });
      expect(seeded.status).toBe(200);
      foreignSiteId = await addForeignSite(simulator);
      Object.assign(actors, await insertActors(db()));
    });
    afterAll(async () => {
      await simulator?.stop();
      await database?.dispose();
    });

    it("pages through 153 sites at most 50 at a time, each once, in Netlify's order", async () => {
      const pages = [];
      for (let page = 1; page <= 4; page++) pages.push(await list(actors.viewer, { page, perPage: 50 }));
      expect(pages.map((page) => [page.page, page.totalPages, page.sites.length])).toEqual([
        [1, 4, 50],
        [2, 4, 50],
        [3, 4, 50],
        [4, 4, 3],
      ]);
      const ids = pages.flatMap((page) => page.sites.map((site) => site.id));
      expect(new Set(ids).size).toBe(seededSites + demoSiteNames.length);
      const names = pages.flatMap((page) => page.sites.map((site) => site.name));
      expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
      expect(pages[0]?.sites[0]).toEqual({
        id: expect.any(String),
        name: "aurora-storefront",
        url: expect.stringMatching(/^https:\/\//),
        accountName: expect.any(String),
        connected: false,
        connectedByMe: false,
      });

      const beyond = await list(actors.viewer, { page: 5, perPage: 50 });
      expect(beyond).toEqual({ sites: [], page: 5, totalPages: 4 });
      const capped = await list(actors.viewer, { perPage: 500 });
      expect([capped.sites.length, capped.totalPages]).toEqual([50, 4]);
      const byDefault = await list(actors.viewer);
      expect([byDefault.page, byDefault.sites.length, byDefault.totalPages]).toEqual([1, 20, 8]);
    });

    it("searches by name through Netlify, with paging over the matches", async () => {
      const aurora = await list(actors.member, { search: "  aurora " });
      expect(aurora.sites.map((site) => site.name)).toEqual(["aurora-storefront"]);
      expect(aurora.totalPages).toBe(1);
      const bulk = await list(actors.member, { search: "bulk-site", page: 3, perPage: 50 });
      expect([bulk.sites.length, bulk.totalPages]).toEqual([50, 3]);
      expect(bulk.sites.every((site) => site.name.startsWith("bulk-site"))).toBe(true);
      expect(await list(actors.member, { search: "no-such-site" })).toEqual({
        sites: [],
        page: 1,
        totalPages: 1,
      });
    });

    it("connects a site with the member's own token: connected for everyone, connected by them for them", async () => {
      const siteId = siteIdNamed("docs-portal");
      const { site, created } = await connect(actors.member, siteId);
      expect(created).toBe(true);
      expect(site).toMatchObject({
        id: siteId,
        name: "docs-portal",
        connectedByUserId: actors.member.userId,
      });

      const [asMember] = (await list(actors.member, { search: "docs-portal" })).sites;
      expect(asMember).toMatchObject({ id: siteId, connected: true, connectedByMe: true });
      const [asAdmin] = (await list(actors.admin, { search: "docs-portal" })).sites;
      expect(asAdmin).toMatchObject({ id: siteId, connected: true, connectedByMe: false });
    });

    it("connecting a site again, or minting a key for it, never takes it over from who connected it", async () => {
      const siteId = siteIdNamed("docs-portal");
      const again = await connect(actors.otherMember, siteId);
      expect(again.created).toBe(false);
      expect(again.site.connectedByUserId).toBe(actors.member.userId);
      await mintKey(
        db(),
        {
          actor: { kind: "user", userId: actors.admin.userId, role: "admin" },
          name: "docs deploys",
          siteId,
          scopes: ["agent_runners:read"],
          expiresAt: null,
        },
        siteAccessThrough(db(), client(), actors.admin.userId),
      );
      const [row] = await db().select().from(sites).where(eq(sites.id, siteId));
      expect(row?.connectedByUserId).toBe(actors.member.userId);
      expect((await refusal(disconnectSite(db(), actors.otherMember, siteId))).code).toBe("FORBIDDEN");
    });

    it("refuses a site another account owns with 404, and writes nothing", async () => {
      const before = await connectedRows();
      const refused = await refusal(connect(actors.admin, foreignSiteId));
      expect([refused.status, refused.code]).toEqual([404, "NOT_FOUND"]);
      expect(refused.message).toBe("Your Netlify account cannot see that site.");
      expect((await refusal(connect(actors.admin, "no-such-site"))).code).toBe("NOT_FOUND");
      expect((await refusal(connect(actors.admin, "../../accounts"))).code).toBe("VALIDATION_FAILED");
      expect(await connectedRows()).toBe(before);
    });

    it("lets a viewer list sites but neither connect nor disconnect one", async () => {
      const before = await connectedRows();
      expect((await list(actors.viewer, { search: "aurora" })).sites).toHaveLength(1);
      const connecting = await refusal(connect(actors.viewer, siteIdNamed("aurora-storefront")));
      expect([connecting.status, connecting.code]).toEqual([403, "FORBIDDEN"]);
      const disconnecting = await refusal(disconnectSite(db(), actors.viewer, siteIdNamed("docs-portal")));
      expect([disconnecting.status, disconnecting.code]).toEqual([403, "FORBIDDEN"]);
      expect(await connectedRows()).toBe(before);
    });

    it("lets a member disconnect only the sites they connected, and refuses someone else's", async () => {
      const siteId = siteIdNamed("field-notes-blog");
      await connect(actors.otherMember, siteId);
      const refused = await refusal(disconnectSite(db(), actors.member, siteId));
      expect([refused.status, refused.code]).toEqual([403, "FORBIDDEN"]);
      expect(await db().select().from(sites).where(eq(sites.id, siteId))).toHaveLength(1);

      const removed = await disconnectSite(db(), actors.otherMember, siteId);
      expect(removed.id).toBe(siteId);
      expect(await db().select().from(sites).where(eq(sites.id, siteId))).toHaveLength(0);
      const [listed] = (await list(actors.otherMember, { search: "field-notes-blog" })).sites;
      expect(listed).toMatchObject({ connected: false, connectedByMe: false });
      const again = await refusal(disconnectSite(db(), actors.otherMember, siteId));
      expect([again.status, again.code]).toEqual([404, "NOT_FOUND"]);
    });

    it("lets an admin disconnect anyone's site, taking its runners and its keys with it", async () => {
      const siteId = siteIdNamed("docs-portal");
      const synced = await reconcileSite(db(), client(), siteId, { deadline: Number.POSITIVE_INFINITY });
      expect(synced.complete).toBe(true);
      const runnersOf = async () =>
        (await db().select({ n: count() }).from(runners).where(eq(runners.siteId, siteId)))[0]?.n;
      const keysOf = async () =>
        (await db().select({ n: count() }).from(apiKeys).where(eq(apiKeys.siteId, siteId)))[0]?.n;
      expect(await runnersOf()).toBeGreaterThan(0);
      expect(await keysOf()).toBe(1);

      await disconnectSite(db(), actors.admin, siteId);
      expect(await runnersOf()).toBe(0);
      expect(await keysOf()).toBe(0);
      expect(await db().select().from(sites).where(eq(sites.id, siteId))).toHaveLength(0);
      expect((await refusal(disconnectSite(db(), actors.admin, "../../x"))).code).toBe("NOT_FOUND");
    });
  });
}
