import { eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { apiKeys, requestLog, runners, sessions, syncState } from "@/db/schema";
import { generateApiKey } from "@/lib/keys/key-format";
import { revokeKey } from "@/lib/keys/manage-keys";
import { activeRefreshIntervalMs } from "@/lib/sync/watch";
import { allScopes, type ProxyFixture, serviceTokenValue, simToken } from "../proxy-fixture";
import {
  cacheUpstreamRunner,
  clearFaults,
  finishedRunner,
  runningRunner,
  setFaults,
  type UpstreamRunner,
  upstream,
} from "../proxy-scenarios";
import type { SuiteWorld } from "./suite-world";

/*
 * What a call leaves behind once its answer is sent: one audit row (route template, never the
 * path or key), the key's usage, after a write the board's cache brought up to date, and log
 * lines without a secret in them (proxy-security.md item 18).
 */

export function describeAudit(world: SuiteWorld) {
  describe("audit and board follow-up", () => {
    let fixture: ProxyFixture;
    let key: { key: string; id: string };
    let own: UpstreamRunner;
    let foreign: UpstreamRunner;

    beforeAll(async () => {
      fixture = world.fixture;
      key = await fixture.mint(allScopes);
      own = await finishedRunner(fixture, fixture.siteId);
      foreign = await finishedRunner(fixture, fixture.otherSiteId);
    }, 60_000);
    beforeEach(async () => {
      await fixture.settle();
      await clearFaults(fixture);
      await fixture.clearUpstreamRequests();
    });

    it("writes one audit row per call with the key, the route template, the status and the latency", async () => {
      const [before] = await fixture.db.select().from(apiKeys).where(eq(apiKeys.id, key.id));
      const calls: Array<[string, string, string | undefined, string | null]> = [
        ["GET", "/api/proxy/agent_runners?per_page=2", "/agent_runners", key.id],
        ["GET", `/api/proxy/agent_runners/${own.id}`, "/agent_runners/{runner_id}", key.id],
        ["GET", `/api/proxy/agent_runners/${own.id}/sessions/${own.sessionId}`, undefined, key.id],
        ["POST", "/api/proxy/agent_runners", "/agent_runners", key.id],
        ["GET", `/api/proxy/agent_runners/${foreign.id}`, "/agent_runners/{runner_id}", key.id],
        ["GET", "/api/proxy/agent_runners/a%2Fb", "(no endpoint)", null],
      ];
      const answers: Array<{ requestId: string; status: number }> = [];
      for (const [method, path] of calls) {
        const response = await fixture.call(method, path, {
          key: key.key,
          body: method === "POST" ? "{" : undefined,
        });
        answers.push({ requestId: response.headers.get("x-request-id") ?? "", status: response.status });
      }
      expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 400, 403, 400]);
      await fixture.settle();
      const rows = await fixture.db.select().from(requestLog);
      for (const [index, [method, , route, keyId]] of calls.entries()) {
        const answer = answers[index];
        const matching = rows.filter((row) => row.requestId === answer?.requestId);
        expect(matching).toHaveLength(1);
        expect(matching[0]).toMatchObject({
          apiKeyId: keyId,
          method,
          route: route ?? "/agent_runners/{runner_id}/sessions/{session_id}",
          status: answer?.status,
        });
        expect(matching[0]?.latencyMs).toBeGreaterThanOrEqual(0);
        expect(matching[0]?.siteId).toBe(keyId ? fixture.siteId : null);
      }
      const stored = JSON.stringify(rows);
      for (const secret of [key.key, own.id, foreign.id, own.sessionId, "per_page", "a%2Fb"])
        expect(stored).not.toContain(secret);
      const [after] = await fixture.db.select().from(apiKeys).where(eq(apiKeys.id, key.id));
      expect(after?.requestCount).toBe((before?.requestCount ?? 0) + 5);
      expect(after?.lastUsedAt?.getTime()).toBeGreaterThan(before?.lastUsedAt?.getTime() ?? 0);
    });

    it("caches a runner created through a key with its session and the key that created it", async () => {
      const response = await fixture.call("POST", "/api/proxy/agent_runners", {
        key: key.key,
        body: { prompt: "Add a newsletter signup" },
      });
      expect(response.status).toBe(200);
      const created = (await response.json()) as { id: string };
      await fixture.settle();
      const [row] = await fixture.db.select().from(runners).where(eq(runners.id, created.id));
      expect(row).toMatchObject({ siteId: fixture.siteId, createdViaKeyId: key.id });
      const cachedSessions = await fixture.db
        .select()
        .from(sessions)
        .where(eq(sessions.runnerId, created.id));
      expect(cachedSessions).toHaveLength(1);
    });

    it("brings the cache up to date after a follow-up and after a stop", async () => {
      await cacheUpstreamRunner(fixture, own);
      const followUp = await fixture.call("POST", `/api/proxy/agent_runners/${own.id}/sessions`, {
        key: key.key,
        body: { prompt: "Add a privacy page" },
      });
      expect(followUp.status).toBe(200);
      const session = (await followUp.json()) as { id: string };
      await fixture.settle();
      const cached = await fixture.db.select().from(sessions).where(eq(sessions.runnerId, own.id));
      expect(cached.map((row) => row.id)).toContain(session.id);

      const stop = await fixture.call("DELETE", `/api/proxy/agent_runners/${own.id}`, { key: key.key });
      expect(stop.status).toBe(202);
      await fixture.settle();
      const live = (await upstream(fixture, "GET", `/agent_runners/${own.id}`)) as { state: string };
      const [row] = await fixture.db.select().from(runners).where(eq(runners.id, own.id));
      expect(row?.state).toBe(live.state);
      const [stopped] = await fixture.db.select().from(sessions).where(eq(sessions.id, session.id));
      expect(stopped?.state).not.toBe("running");
      // A runner created elsewhere never gets a key's provenance from a write.
      expect(row?.createdViaKeyId).toBeNull();
    });

    it("keeps a watched site's active runners fresh through the key's further calls, no board open", async () => {
      const created = await fixture.call("POST", "/api/proxy/agent_runners", {
        key: key.key,
        body: { prompt: "Add a status page" },
      });
      expect(created.status).toBe(200);
      const runner = (await created.json()) as { id: string };
      await fixture.settle();
      await fixture.control(`/__sim/runners/${runner.id}/state`, "POST", { state: "await_input" });
      // The active refresh runs at most once per interval per site.
      await new Promise((resolve) => setTimeout(resolve, activeRefreshIntervalMs + 200));
      const poll = await fixture.call("GET", "/api/proxy/agent_runners", { key: key.key });
      expect(poll.status).toBe(200);
      await fixture.settle();
      const [row] = await fixture.db.select().from(runners).where(eq(runners.id, runner.id));
      expect(row?.state).toBe("await_input");
    });

    it("makes exactly one upstream request for a runner's GET, cached or not, and caches it", async () => {
      const busy = await runningRunner(fixture, fixture.siteId);
      // Earlier writes left the site watched, and calls on a watched site also drive its
      // background refresh; this test counts the item request's own upstream calls.
      await fixture.db
        .update(syncState)
        .set({ watchedUntil: null })
        .where(eq(syncState.siteId, fixture.siteId));
      for (const round of ["not cached", "cached"]) {
        await fixture.settle();
        await fixture.clearUpstreamRequests();
        const response = await fixture.call("GET", `/api/proxy/agent_runners/${busy.id}`, { key: key.key });
        expect(response.status, round).toBe(200);
        await fixture.settle();
        const sent = await fixture.upstreamRequests();
        expect(
          sent.map((request) => `${request.method} ${request.path}`),
          round,
        ).toEqual([`GET /api/v1/agent_runners/${busy.id}`]);
        const [row] = await fixture.db.select().from(runners).where(eq(runners.id, busy.id));
        expect(row?.siteId, round).toBe(fixture.siteId);
      }
    });

    it("logs every kind of call without a key, the upstream tokens or AUTH_SECRET in any line", async () => {
      const cli = await fixture.mint(allScopes, { cli: true });
      const revoked = await fixture.mint(["agent_runners:read"]);
      await revokeKey(fixture.db, { kind: "user", userId: fixture.adminId, role: "admin" }, revoked.id);
      const echo = { error: `bad token ${simToken} / ${serviceTokenValue}`, error_code: simToken };
      const calls: Array<() => Promise<Response>> = [
        () => fixture.call("GET", "/api/proxy/agent_runners", { key: key.key }),
        () => fixture.call("GET", "/api/proxy/agent_runners", { key: cli.key }),
        () =>
          fixture.call("POST", "/api/proxy/agent_runners", { key: cli.key, body: { prompt: "Add search" } }),
        () => fixture.call("GET", "/api/proxy/agent_runners", { key: generateApiKey() }),
        () => fixture.call("GET", "/api/proxy/agent_runners", { key: `${key.key.slice(0, -1)}0` }),
        () => fixture.call("GET", "/api/proxy/agent_runners", { key: revoked.key }),
        () => fixture.call("GET", `/api/proxy/agent_runners?api_key=${key.key}`),
        () => fixture.call("GET", `/api/proxy/agent_runners/${foreign.id}`, { key: key.key }),
      ];
      for (const call of calls) await (await call()).text();
      for (const errorStatus of [500, 422, 401]) {
        await setFaults(fixture, { pathPrefix: "/agent_runners", errorStatus, errorBody: echo, count: 2 });
        for (const used of [key.key, cli.key])
          await (await fixture.call("GET", "/api/proxy/agent_runners", { key: used })).text();
      }
      await fixture.settle();
      const lines = world.logs.lines();
      expect(lines.filter((line) => line.msg === "request").length).toBeGreaterThanOrEqual(calls.length + 6);
      expect(lines.some((line) => line.msg === "Netlify refused the token a key acts with")).toBe(true);
      const written = world.logs.text();
      expect(written.match(/oc_[A-Za-z0-9]{20,}/g)).toBeNull();
      for (const secret of [simToken, serviceTokenValue, fixture.env.authSecret ?? "", key.key, cli.key])
        expect(written).not.toContain(secret);
    });
  });
}
