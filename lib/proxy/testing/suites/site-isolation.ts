import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { LoggedRequest } from "@/lib/netlify-sim/request-log";
import { allScopes, type ProxyFixture } from "../proxy-fixture";
import {
  cacheUpstreamRunner,
  clearFaults,
  expectError,
  finishedRunner,
  foreignToken,
  setFaults,
  type UpstreamRunner,
} from "../proxy-scenarios";
import type { SuiteWorld } from "./suite-world";

/*
 * OWASP API1 and API3 (proxy-security.md items 5, 6 and 19): a key reaches its own site and
 * nothing else. A client's `site_id` anywhere is dropped and the key's set; a runner of another
 * site is refused before anything is written; an upstream answer about another site is refused.
 */

export function describeSiteIsolation(world: SuiteWorld) {
  describe("site isolation", () => {
    let fixture: ProxyFixture;
    let key: string;
    let sameAccount: { uncached: UpstreamRunner; cached: UpstreamRunner };
    let otherAccount: { uncached: UpstreamRunner; cached: UpstreamRunner };
    let own: UpstreamRunner;

    beforeAll(async () => {
      fixture = world.fixture;
      key = (await fixture.mint(allScopes)).key;
      own = await finishedRunner(fixture, fixture.siteId);
      sameAccount = {
        uncached: await finishedRunner(fixture, fixture.otherSiteId),
        cached: await finishedRunner(fixture, fixture.otherSiteId),
      };
      otherAccount = {
        uncached: await finishedRunner(fixture, fixture.foreignSiteId, foreignToken),
        cached: await finishedRunner(fixture, fixture.foreignSiteId, foreignToken),
      };
      await cacheUpstreamRunner(fixture, sameAccount.cached);
      await cacheUpstreamRunner(fixture, otherAccount.cached, foreignToken);
    }, 60_000);
    beforeEach(async () => {
      await fixture.settle();
      await clearFaults(fixture);
      await fixture.clearUpstreamRequests();
    });

    const onlyUpstream = async (): Promise<LoggedRequest> => {
      const seen = await fixture.upstreamRequests();
      expect(seen).toHaveLength(1);
      return seen[0] as LoggedRequest;
    };

    it("sends only the key's site_id upstream, whatever site_id the query or headers carry", async () => {
      const polluted = [
        "site_id=B",
        "SITE_ID=B",
        "Site_Id=B",
        "sItE_iD=B",
        "site_id[]=B",
        "site_id%5B%5D=B",
        "site_id=A",
        "site_id=B",
        "site%5Fid=B",
        "account_id=B",
        "per_page=3",
      ].join("&");
      const response = await fixture.call("GET", `/api/proxy/agent_runners?${polluted}`, {
        key,
        headers: { "x-site-id": "B", "x-netlify-site-id": "B" },
      });
      expect(response.status).toBe(200);
      const runners = (await response.json()) as Array<{ site_id: string }>;
      expect(runners.every((runner) => runner.site_id === fixture.siteId)).toBe(true);
      const sent = await onlyUpstream();
      const query = new URLSearchParams(sent.query);
      expect([...query.keys()].sort()).toEqual(["per_page", "site_id"]);
      expect(query.getAll("site_id")).toEqual([fixture.siteId]);
      expect(Object.keys(sent.headers).filter((name) => name.includes("site"))).toEqual([]);
    });

    it("drops site_id from a create body in every spelling and nesting, duplicates included", async () => {
      const body = `{"site_id":"B","prompt":"Add a blog","site_id":"${fixture.otherSiteId}","nested":{"site_id":"B"},"SITE_ID":"B","agent":"claude"}`;
      const response = await fixture.call("POST", `/api/proxy/agent_runners?site_id=${fixture.otherSiteId}`, {
        key,
        body,
      });
      expect(response.status).toBe(200);
      const created = (await response.json()) as { id: string; site_id: string };
      expect(created.site_id).toBe(fixture.siteId);
      await fixture.settle();
      const [sent, ...refresh] = await fixture.upstreamRequests();
      // The only other request is the board's refresh of the new runner.
      expect(refresh.map((request) => `${request.method} ${request.path}`)).toEqual([
        `GET /api/v1/agent_runners/${created.id}/snapshot`,
      ]);
      if (!sent) throw new Error("nothing reached the upstream");
      expect(sent.method).toBe("POST");
      expect(new URLSearchParams(sent.query).getAll("site_id")).toEqual([fixture.siteId]);
      expect(sent.body).toEqual({ prompt: "Add a blog", agent: "claude" });
    });

    it("sets the key's site's account on an upload URL, never the client's account_id", async () => {
      const response = await fixture.call("POST", "/api/proxy/agent_runners/upload_url", {
        key,
        body: { filename: "a.png", content_type: "image/png", account_id: "someone-else", site_id: "B" },
      });
      expect(response.status).toBe(200);
      const sent = await onlyUpstream();
      const ownAccount = fixture.simulator.store.sites.get(fixture.siteId)?.accountId;
      expect(sent.body).toEqual({ filename: "a.png", content_type: "image/png", account_id: ownAccount });
    });

    it("passes no site_id at all to a runner's endpoints, whatever the query says", async () => {
      const response = await fixture.call(
        "GET",
        `/api/proxy/agent_runners/${own.id}/sessions?site_id=B&per_page=1`,
        {
          key,
        },
      );
      expect(response.status).toBe(200);
      const sent = (await fixture.upstreamRequests()).at(-1);
      expect(sent?.path).toBe(`/api/v1/agent_runners/${own.id}/sessions`);
      expect([...new URLSearchParams(sent?.query).keys()]).toEqual(["per_page"]);
    });

    const foreignCalls = (runner: UpstreamRunner) => [
      { scope: "read", method: "GET", path: `/agent_runners/${runner.id}` },
      { scope: "read", method: "GET", path: `/agent_runners/${runner.id}/diff` },
      { scope: "read", method: "GET", path: `/agent_runners/${runner.id}/sessions/${runner.sessionId}` },
      {
        scope: "write",
        method: "POST",
        path: `/agent_runners/${runner.id}/sessions`,
        body: { prompt: "More" },
      },
      { scope: "write", method: "DELETE", path: `/agent_runners/${runner.id}` },
      { scope: "write", method: "PATCH", path: `/agent_runners/${runner.id}`, body: { title: "Mine now" } },
      { scope: "deploy", method: "POST", path: `/agent_runners/${runner.id}/pull_request` },
      {
        scope: "deploy",
        method: "POST",
        path: `/agent_runners/${runner.id}/sessions/${runner.sessionId}/redeploy`,
      },
    ];

    /** Calls each read, write and deploy endpoint on `runner`; answers what each call sent upstream. */
    async function callForeign(runner: UpstreamRunner, status: number, code: string) {
      const sentPerCall: LoggedRequest[][] = [];
      for (const call of foreignCalls(runner)) {
        await fixture.clearUpstreamRequests();
        const response = await fixture.call(call.method, `/api/proxy${call.path}`, { key, body: call.body });
        const text = await response.clone().text();
        const body = await expectError(response, status, code);
        expect(Object.keys(body).sort(), call.path).toEqual(["code", "error"]);
        for (const foreign of [runner.siteId, runner.title, runner.sessionId, runner.id])
          expect(text, `${call.method} ${call.path}`).not.toContain(foreign);
        sentPerCall.push(await fixture.upstreamRequests());
      }
      return sentPerCall;
    }

    it("refuses read, write and deploy calls on an uncached runner of another site with 403 after one GET of it", async () => {
      const runner = sameAccount.uncached;
      for (const sent of await callForeign(runner, 403, "SITE_MISMATCH"))
        expect(sent.map((request) => `${request.method} ${request.path}`)).toEqual([
          `GET /api/v1/agent_runners/${runner.id}`,
        ]);
    });

    it("refuses read, write and deploy calls on a cached runner of another site with 403 and nothing upstream", async () => {
      for (const sent of await callForeign(sameAccount.cached, 403, "SITE_MISMATCH"))
        expect(sent).toEqual([]);
    });

    it("refuses calls on a cached runner of another account with 403 and nothing upstream", async () => {
      for (const sent of await callForeign(otherAccount.cached, 403, "SITE_MISMATCH"))
        expect(sent).toEqual([]);
    });

    it("answers 404 for an uncached runner of another account, which the key's owner cannot see, never writing", async () => {
      // Netlify answers the owner's GET with 404: the runner's existence is not the key's to learn.
      const runner = otherAccount.uncached;
      for (const sent of await callForeign(runner, 404, "NOT_FOUND"))
        expect(sent.map((request) => `${request.method} ${request.path} ${request.status}`)).toEqual([
          `GET /api/v1/agent_runners/${runner.id} 404`,
        ]);
    });

    it("refuses an upstream list naming another site with 502 and logs it as an error", async () => {
      await setFaults(fixture, { pathPrefix: "/agent_runners", siteId: fixture.otherSiteId, count: 1 });
      const response = await fixture.call("GET", "/api/proxy/agent_runners", { key });
      const text = await response.clone().text();
      await expectError(response, 502, "UPSTREAM_ERROR");
      expect(text).not.toContain(fixture.otherSiteId);
      const alert = world.logs
        .lines()
        .find((line) => line.msg === "upstream answer outside the key's site refused");
      expect(alert).toMatchObject({ level: "error", endpoint: "listRunners", siteId: fixture.siteId });
    });

    it("refuses an upstream runner naming another site with 502, even for a runner the cache puts on the key's site", async () => {
      await cacheUpstreamRunner(fixture, own);
      await setFaults(fixture, {
        pathPrefix: `/agent_runners/${own.id}`,
        siteId: fixture.foreignSiteId,
        count: 2,
      });
      for (const path of [`/agent_runners/${own.id}`, `/agent_runners/${own.id}/snapshot`]) {
        const response = await fixture.call("GET", `/api/proxy${path}`, { key });
        const text = await response.clone().text();
        await expectError(response, 502, "UPSTREAM_ERROR");
        expect(text).not.toContain(fixture.foreignSiteId);
      }
    });
  });
}
