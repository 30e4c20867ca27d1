import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db";
import { migrate } from "@/db/migrate";
import { apiKeys, sites, users } from "@/db/schema";
import { storageBackends, type TestDatabase } from "@/db/testing/backends";
import { ApiError } from "@/lib/http/api-error";
import { createNetlifyClient } from "@/lib/netlify/client";
import { type NetlifySimulator, startSimulator } from "@/lib/netlify-sim/server";
import { addForeignSite, simulatedSiteId } from "@/lib/netlify-sim/testing/sim-sites";
import { type ActorName, insertActors } from "@/lib/testing/actors";
import { refusal as refusalOf } from "@/lib/testing/refusal";
import { type KeyActor, KeyRequestError } from "./key-actor";
import { checkKeyShape, generateApiKey, hashApiKey } from "./key-format";
import { keyStatus } from "./key-summary";
import { listKeys, revokeKey, rollKey } from "./manage-keys";
import { type MintKeyRequest, mintKey } from "./mint-key";
import { siteAccessThrough } from "./site-access";
import { verifyApiKey } from "./verify-key";

const DAY = 86_400_000;
const inDays = (days: number) => new Date(Date.now() + days * DAY);
const refusal = (call: Promise<unknown>) => refusalOf(call, KeyRequestError);

// PGlite always; PostgreSQL when TEST_DATABASE_URL names a server (the Neon driver is covered by the storage suite).
for (const backend of storageBackends().slice(0, 2)) {
  describe(`API keys on ${backend.name}`, () => {
    let database: TestDatabase;
    let simulator: NetlifySimulator;
    let siteId: string;
    let foreignSiteId: string;
    const actors = {} as Record<ActorName, KeyActor & { kind: "user" }>;

    const db = () => database.handle.db;
    const access = () =>
      siteAccessThrough(
        db(),
        createNetlifyClient({ baseUrl: simulator.apiUrl, token: "demo", timeoutMs: 5_000 }),
        null,
      );
    const mint = (request: Partial<MintKeyRequest> & { actor: KeyActor }) =>
      mintKey(
        db(),
        { name: "CI deploys", siteId, scopes: ["agent_runners:read"], expiresAt: inDays(30), ...request },
        access(),
      );
    const tableSizes = async () => ({
      keys: (await db().select({ n: count() }).from(apiKeys))[0]?.n,
      sites: (await db().select({ n: count() }).from(sites))[0]?.n,
    });

    beforeAll(async () => {
      database = await backend.create();
      await migrate(db());
      simulator = await startSimulator({ token: "demo", speed: 0, team: false });
      siteId = simulatedSiteId(simulator, "aurora-storefront");
      foreignSiteId = await addForeignSite(simulator);
      const people = await insertActors(db());
      for (const name of Object.keys(people) as ActorName[]) actors[name] = { kind: "user", ...people[name] };
    });
    afterAll(async () => {
      await simulator?.stop();
      await database?.dispose();
    });

    it("mints a checksummed oc_ key shown once, stores only its hash and prefix, and connects the site", async () => {
      const { key, summary } = await mint({
        actor: actors.member,
        scopes: ["agent_runners:read", "agent_runners:write"],
      });
      expect(checkKeyShape(key)).toBeUndefined();
      const [row] = await db().select().from(apiKeys);
      expect(row).toMatchObject({ keyHash: hashApiKey(key), displayPrefix: key.slice(0, 9), siteId });
      expect(JSON.stringify(row)).not.toContain(key.slice(3));
      expect(JSON.stringify(summary)).not.toContain(row?.keyHash ?? "-");
      expect(summary).toMatchObject({
        name: "CI deploys",
        ownerUserId: actors.member.userId,
        requestCount: 0,
      });
      expect((await db().select().from(sites)).map((site) => site.name)).toEqual(["aurora-storefront"]);
    });

    it("refuses every escalation and bad input with a clear error, and writes nothing", async () => {
      const before = await tableSizes();
      // Thunks, so each attempt starts (and is awaited) in turn: no rejection goes unobserved.
      const attempts: Array<[string, () => Promise<unknown>, KeyRequestError["code"]]> = [
        ["a viewer minting", () => mint({ actor: actors.viewer }), "FORBIDDEN"],
        [
          "a viewer minting write",
          () => mint({ actor: actors.viewer, scopes: ["agent_runners:write"] }),
          "FORBIDDEN",
        ],
        [
          "an unknown scope",
          () => mint({ actor: actors.admin, scopes: ["agent_runners:admin"] }),
          "VALIDATION_FAILED",
        ],
        [
          "a duplicate scope",
          () => mint({ actor: actors.admin, scopes: ["agent_runners:read", "agent_runners:read"] }),
          "VALIDATION_FAILED",
        ],
        ["no scope", () => mint({ actor: actors.member, scopes: [] }), "VALIDATION_FAILED"],
        [
          "a member's key that never expires",
          () => mint({ actor: actors.member, expiresAt: null }),
          "FORBIDDEN",
        ],
        [
          "an expiry in the past",
          () => mint({ actor: actors.admin, expiresAt: inDays(-1) }),
          "VALIDATION_FAILED",
        ],
        [
          "an expiry beyond ten years",
          () => mint({ actor: actors.admin, expiresAt: inDays(3_651) }),
          "VALIDATION_FAILED",
        ],
        ["a 10 KB name", () => mint({ actor: actors.member, name: "n".repeat(10_240) }), "VALIDATION_FAILED"],
        ["an empty name", () => mint({ actor: actors.member, name: "   " }), "VALIDATION_FAILED"],
        [
          "a site the token cannot see",
          () => mint({ actor: actors.admin, siteId: foreignSiteId }),
          "NOT_FOUND",
        ],
        [
          "a site id that is a path",
          () => mint({ actor: actors.admin, siteId: "../../accounts" }),
          "VALIDATION_FAILED",
        ],
      ];
      for (const [name, attempt, code] of attempts) {
        const error = await refusal(attempt());
        expect(error.code, name).toBe(code);
        expect(error.message, name).toMatch(/\.$/);
      }
      expect(await tableSizes()).toEqual(before);
    });

    it("lets admins and the operator mint keys that never expire", async () => {
      expect((await mint({ actor: actors.admin, expiresAt: null })).summary.expiresAt).toBeNull();
      const service = await mint({
        actor: { kind: "service" },
        expiresAt: null,
        scopes: ["agent_runners:deploy"],
      });
      expect(service.summary.ownerUserId).toBeNull();
    });

    it("lists a member's own keys only, an admin's view all, never with a hash", async () => {
      await mint({ actor: actors.otherMember, name: "Other's key" });
      const own = await listKeys(db(), actors.member);
      expect(own.length).toBeGreaterThan(0);
      expect(own.every((key) => key.ownerUserId === actors.member.userId)).toBe(true);
      const all = await listKeys(db(), actors.admin);
      expect(all.map((key) => key.name)).toContain("Other's key");
      expect(await listKeys(db(), actors.viewer)).toEqual([]);
      expect(await listKeys(db(), actors.admin, { siteId: foreignSiteId })).toEqual([]);
      expect(JSON.stringify(all)).not.toMatch(/[0-9a-f]{64}/);
    });

    it("revokes at once and for good; someone else's key is not found; a second revoke is a conflict", async () => {
      const { summary } = await mint({ actor: actors.member, name: "To revoke" });
      const othersKey = (await listKeys(db(), actors.otherMember))[0];
      expect((await refusal(revokeKey(db(), actors.member, othersKey?.id ?? ""))).code).toBe("NOT_FOUND");
      expect((await refusal(revokeKey(db(), actors.viewer, summary.id))).code).toBe("FORBIDDEN");
      expect((await refusal(revokeKey(db(), actors.member, "not-a-uuid"))).code).toBe("NOT_FOUND");
      const revoked = await revokeKey(db(), actors.member, summary.id);
      expect(keyStatus(revoked)).toBe("revoked");
      expect((await refusal(revokeKey(db(), actors.member, summary.id))).code).toBe("CONFLICT");
      expect((await refusal(revokeKey(db(), actors.admin, summary.id))).code).toBe("CONFLICT");
    });

    it("rolls a key: a new secret with the same settings; the old one lives out its grace period", async () => {
      const original = await mint({ actor: actors.member, name: "Rolling", scopes: ["agent_runners:write"] });
      const rolled = await rollKey(db(), actors.member, original.summary.id, 3_600);
      expect(rolled.key).not.toBe(original.key);
      expect(rolled.summary).toMatchObject({
        name: "Rolling",
        siteId,
        scopes: ["agent_runners:write"],
        ownerUserId: actors.member.userId,
        expiresAt: original.summary.expiresAt,
      });
      const [old] = (await listKeys(db(), actors.member)).filter((key) => key.id === original.summary.id);
      expect(old && keyStatus(old)).toBe("expiring");
      expect(old && keyStatus(old, new Date(Date.now() + 3_601_000))).toBe("revoked");
      expect((await refusal(rollKey(db(), actors.member, original.summary.id, 0))).code).toBe("CONFLICT");
      const immediate = await rollKey(db(), actors.member, rolled.summary.id, 0);
      const [dead] = (await listKeys(db(), actors.member)).filter((key) => key.id === rolled.summary.id);
      expect(dead && keyStatus(dead)).toBe("revoked");
      for (const grace of [-1, 86_401, 1.5]) {
        expect((await refusal(rollKey(db(), actors.member, immediate.summary.id, grace))).code).toBe(
          "VALIDATION_FAILED",
        );
      }
    });

    it("verifies presented keys: missing, malformed and unknown before revoked, expired and out of scope", async () => {
      const codeOf = async (call: Promise<unknown>) => {
        try {
          await call;
        } catch (error) {
          if (error instanceof ApiError) return error.code;
          throw error;
        }
        return "accepted";
      };
      // A database that fails the test if it is asked anything: shape refusals must not query.
      const untouchable = new Proxy(
        {},
        {
          get() {
            throw new Error("the database was queried for a key refused by its shape");
          },
        },
      ) as Database;
      const valid = generateApiKey();
      const typo = `${valid.slice(0, 10)}${valid[10] === "a" ? "b" : "a"}${valid.slice(11)}`;
      expect(await codeOf(verifyApiKey(untouchable, null, "agent_runners:read"))).toBe("MISSING_KEY");
      expect(await codeOf(verifyApiKey(untouchable, "Basic abc", "agent_runners:read"))).toBe("MISSING_KEY");
      expect(await codeOf(verifyApiKey(untouchable, "Bearer oc_short", "agent_runners:read"))).toBe(
        "INVALID_KEY",
      );
      expect(await codeOf(verifyApiKey(untouchable, `Bearer ${typo}`, "agent_runners:read"))).toBe(
        "INVALID_KEY",
      );
      expect(await codeOf(verifyApiKey(db(), `Bearer ${valid}`, "agent_runners:read"))).toBe("INVALID_KEY");

      const { key, summary } = await mint({
        actor: actors.member,
        name: "Verified",
        scopes: ["agent_runners:read"],
      });
      expect((await verifyApiKey(db(), `Bearer ${key}`, "agent_runners:read")).id).toBe(summary.id);
      expect(await codeOf(verifyApiKey(db(), `bearer ${key}`, "agent_runners:read"))).toBe("accepted");
      expect(await codeOf(verifyApiKey(db(), `Bearer ${key}`, "agent_runners:write"))).toBe(
        "INSUFFICIENT_SCOPE",
      );
      const later = new Date(Date.now() + 31 * DAY);
      expect(await codeOf(verifyApiKey(db(), `Bearer ${key}`, "agent_runners:read", { now: later }))).toBe(
        "KEY_EXPIRED",
      );

      const rolled = await rollKey(db(), actors.member, summary.id, 60);
      expect(await codeOf(verifyApiKey(db(), `Bearer ${key}`, "agent_runners:read"))).toBe("accepted");
      const afterGrace = new Date(Date.now() + 61_000);
      expect(
        await codeOf(verifyApiKey(db(), `Bearer ${key}`, "agent_runners:read", { now: afterGrace })),
      ).toBe("KEY_REVOKED");
      expect(
        await codeOf(verifyApiKey(db(), `Bearer ${rolled.key}`, "agent_runners:read", { now: afterGrace })),
      ).toBe("accepted");
      await revokeKey(db(), actors.member, rolled.summary.id);
      expect(await codeOf(verifyApiKey(db(), `Bearer ${rolled.key}`, "agent_runners:read"))).toBe(
        "KEY_REVOKED",
      );
    });

    it("lets a key do no more than its owner may today: a demoted owner's key shrinks, a removed owner's stops", async () => {
      const [person] = await db()
        .insert(users)
        .values({ email: "changing@example.com", role: "member", status: "active" })
        .returning();
      const actor = { kind: "user" as const, userId: person?.id ?? "", role: "member" as const };
      const { key } = await mint({ actor, scopes: ["agent_runners:read", "agent_runners:write"] });
      const codeOf = (needed: "agent_runners:read" | "agent_runners:write") =>
        verifyApiKey(db(), `Bearer ${key}`, needed).then(
          () => "accepted",
          (error: ApiError) => error.code,
        );
      expect(await codeOf("agent_runners:write")).toBe("accepted");
      await db().update(users).set({ role: "viewer" }).where(eq(users.id, actor.userId));
      expect(await codeOf("agent_runners:write")).toBe("INSUFFICIENT_SCOPE");
      expect(await codeOf("agent_runners:read")).toBe("accepted");
      await db().update(users).set({ status: "disabled" }).where(eq(users.id, actor.userId));
      expect(await codeOf("agent_runners:read")).toBe("KEY_REVOKED");
    });
  });
}
