import { eq, sql } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/db";
import { apiKeys } from "@/db/schema";
import { generateApiKey } from "@/lib/keys/key-format";
import { revokeKey } from "@/lib/keys/manage-keys";
import { allScopes, type ProxyCaller, type ProxyFixture } from "../proxy-fixture";
import { expectError } from "../proxy-scenarios";
import type { SuiteWorld } from "./suite-world";

/*
 * Key transport and verdicts (proxy-security.md items 10–13, OWASP API2): a key only in
 * `Authorization: Bearer`, garbage refused before any query, every refusal with its documented
 * status and stable code, and a revocation that holds from the very next request.
 */

const databaseMethods = new Set(["execute", "select", "insert", "update", "delete", "transaction", "query"]);

/** The database with every query counted: the proof that a refusal cost no round trip. */
function countingQueries(db: Database) {
  let queries = 0;
  const counted = new Proxy(db, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      // Hot statements run as prepared statements straight on the driver's client.
      if (property === "$client") {
        queries++;
        return value;
      }
      if (typeof value !== "function" || !databaseMethods.has(String(property))) return value;
      return (...args: unknown[]) => {
        queries++;
        return (value as (...inner: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { db: counted, queries: () => queries };
}

/** A key of the right shape with its checksum broken by one character. */
function withBadChecksum(key: string): string {
  const last = key.at(-1) === "A" ? "B" : "A";
  return `${key.slice(0, -1)}${last}`;
}

export function describeKeyChecks(world: SuiteWorld) {
  describe("key checks", () => {
    let fixture: ProxyFixture;
    let spied: ReturnType<typeof countingQueries>;
    let spiedCall: ProxyCaller;
    let key: string;
    const list = "/api/proxy/agent_runners";
    const admin = () => ({ kind: "user" as const, userId: fixture.adminId, role: "admin" as const });

    beforeAll(async () => {
      fixture = world.fixture;
      spied = countingQueries(fixture.db);
      spiedCall = fixture.instanceWith({ db: spied.db });
      key = (await fixture.mint(allScopes)).key;
    }, 60_000);
    beforeEach(async () => {
      await fixture.settle();
      await fixture.clearUpstreamRequests();
    });

    /** Calls at once, so the audit written after them (batched, later) falls outside the count. */
    async function queriesDuring(calls: Array<() => Promise<Response>>) {
      await fixture.settle();
      const before = spied.queries();
      const responses = await Promise.all(calls.map((call) => call()));
      return { responses, queries: spied.queries() - before };
    }

    it("refuses malformed, oversize and bad-checksum keys with 401 INVALID_KEY and no database query", async () => {
      const presented = [
        "oc_short",
        `oc_${"A".repeat(10_000)}`,
        withBadChecksum(generateApiKey()),
        generateApiKey().replace("oc_", "sk_"),
        generateApiKey().replace("oc_", "OC_"),
        `${generateApiKey().slice(0, -1)}!`,
        `${generateApiKey()}x`,
        `"${generateApiKey()}"`,
      ];
      const { responses, queries } = await queriesDuring(
        presented.map(
          (candidate) => () => spiedCall("GET", list, { headers: { authorization: `Bearer ${candidate}` } }),
        ),
      );
      for (const response of responses) await expectError(response, 401, "INVALID_KEY");
      expect(queries).toBe(0);
      expect(await fixture.upstreamRequests()).toEqual([]);
    });

    it("looks a well-formed unknown key up, and refuses it with the same 401 INVALID_KEY", async () => {
      const { responses, queries } = await queriesDuring([
        () => spiedCall("GET", list, { key: generateApiKey() }),
      ]);
      await expectError(responses[0] as Response, 401, "INVALID_KEY");
      expect(queries).toBeGreaterThan(0);
    });

    it("answers 401 MISSING_KEY when no bearer key is sent, wherever else one is", async () => {
      const attempts: Array<Record<string, string>> = [
        {},
        { authorization: `Basic ${Buffer.from(`user:${key}`).toString("base64")}` },
        { authorization: "Bearer" },
        { authorization: `Token ${key}` },
        { cookie: `api_key=${key}; session=x` },
        { "x-api-key": key },
        { "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware" },
        { "x-middleware-subrequest": "src/middleware:nowaf:src/middleware", "x-nextjs-data": "1" },
      ];
      const { responses, queries } = await queriesDuring(
        attempts.map((headers) => () => spiedCall("GET", list, { headers })),
      );
      for (const response of responses) await expectError(response, 401, "MISSING_KEY");
      expect(queries).toBe(0);
      expect(await fixture.upstreamRequests()).toEqual([]);
    });

    it("refuses a key in the query string with 400 before any lookup, even beside a valid header", async () => {
      const names = ["api_key", "apikey", "key", "token", "access_token"];
      const { responses, queries } = await queriesDuring(
        names.map((name) => () => spiedCall("GET", `${list}?${name}=${key}`, { key })),
      );
      for (const response of responses) {
        const text = await response.clone().text();
        const body = await expectError(response, 400, "BAD_REQUEST");
        expect(body.error).toContain("Authorization: Bearer");
        expect(text).not.toContain(key);
      }
      expect(queries).toBe(0);
      expect(await fixture.upstreamRequests()).toEqual([]);
    });

    it("refuses a revoked key with 403 KEY_REVOKED on the very next request", async () => {
      const minted = await fixture.mint(["agent_runners:read"]);
      await fixture.clearUpstreamRequests();
      expect((await fixture.call("GET", list, { key: minted.key })).status).toBe(200);
      await revokeKey(fixture.db, admin(), minted.id);
      await expectError(await fixture.call("GET", list, { key: minted.key }), 403, "KEY_REVOKED");
      await expectError(await fixture.call("GET", list, { key: minted.key }), 403, "KEY_REVOKED");
      expect((await fixture.upstreamRequests()).length).toBe(1);
    });

    it("refuses a key whose expiry has passed with 403 KEY_EXPIRED, by the database's clock", async () => {
      const minted = await fixture.mint(["agent_runners:read"]);
      await fixture.db
        .update(apiKeys)
        .set({ expiresAt: sql`now() - interval '1 second'` })
        .where(eq(apiKeys.id, minted.id));
      await fixture.clearUpstreamRequests();
      await expectError(await fixture.call("GET", list, { key: minted.key }), 403, "KEY_EXPIRED");
      // Revoked and expired: revoked wins, the stronger statement.
      await revokeKey(fixture.db, admin(), minted.id);
      await expectError(await fixture.call("GET", list, { key: minted.key }), 403, "KEY_REVOKED");
      expect(await fixture.upstreamRequests()).toEqual([]);
    });

    it("keeps a key whose expiry is still ahead working", async () => {
      const minted = await fixture.mint(["agent_runners:read"]);
      await fixture.db
        .update(apiKeys)
        .set({ expiresAt: sql`now() + interval '1 hour'` })
        .where(eq(apiKeys.id, minted.id));
      expect((await fixture.call("GET", list, { key: minted.key })).status).toBe(200);
    });

    it("answers every refusal with the contract's error body and nothing more", async () => {
      const answers = [
        await fixture.call("GET", list),
        await fixture.call("GET", list, { key: generateApiKey() }),
        await fixture.call("POST", list, { key: (await fixture.mint(["agent_runners:read"])).key, body: {} }),
      ];
      for (const answer of answers) {
        const body = (await answer.json()) as Record<string, unknown>;
        expect(Object.keys(body).sort()).toEqual(["code", "error"]);
        expect(answer.headers.get("content-type")).toContain("application/json");
      }
    });
  });
}
