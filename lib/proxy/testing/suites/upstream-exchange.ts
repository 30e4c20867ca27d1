import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { generateApiKey } from "@/lib/keys/key-format";
import { allScopes, appUrl, type ProxyFixture, simToken } from "../proxy-fixture";
import {
  cacheUpstreamRunner,
  clearFaults,
  expectError,
  finishedRunner,
  runningRunner,
  setFaults,
  startCanary,
  type UpstreamRunner,
  upstream,
} from "../proxy-scenarios";
import type { SuiteWorld } from "./suite-world";

/*
 * What crosses the proxy in each direction (proxy-security.md items 7–9, 16 and 17): the upstream
 * sees our headers and none of the client's but an Idempotency-Key; the client sees Netlify's
 * data and statuses but none of its headers, redirects or error bodies.
 */

/** Headers the upstream may see: ours, and what Node's fetch adds to every request. */
const upstreamHeaderAllowList = [
  "host",
  "authorization",
  "accept",
  "user-agent",
  "content-type",
  "content-length",
  "idempotency-key",
  "accept-encoding",
  "accept-language",
  "sec-fetch-mode",
  "connection",
];

export function describeUpstreamExchange(world: SuiteWorld) {
  describe("what crosses the proxy in each direction", () => {
    let fixture: ProxyFixture;
    let canary: Awaited<ReturnType<typeof startCanary>>;
    let key: string;
    let readKey: string;
    let own: UpstreamRunner;

    beforeAll(async () => {
      fixture = world.fixture;
      canary = await startCanary();
      key = (await fixture.mint(allScopes)).key;
      readKey = (await fixture.mint(["agent_runners:read"])).key;
      own = await finishedRunner(fixture, fixture.siteId);
    }, 60_000);
    beforeEach(async () => {
      await fixture.settle();
      await clearFaults(fixture);
      await fixture.clearUpstreamRequests();
    });
    afterAll(async () => canary?.close());

    it("forwards none of the client's headers but a valid Idempotency-Key, and keeps the request's method", async () => {
      const hostile = {
        cookie: `session=abc; key=${key}`,
        host: "evil.example",
        "x-forwarded-for": "203.0.113.9",
        "x-forwarded-host": "evil.example",
        "x-forwarded-proto": "http",
        forwarded: "for=203.0.113.9;host=evil.example",
        "x-real-ip": "203.0.113.9",
        "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware",
        connection: "X-Secret, keep-alive",
        "x-secret": "1",
        "keep-alive": "timeout=5",
        te: "trailers",
        trailer: "X-Secret",
        upgrade: "websocket",
        "proxy-authorization": "Basic c2VjcmV0",
        "proxy-connection": "keep-alive",
        "x-http-method-override": "DELETE",
        "x-method-override": "DELETE",
        "x-site-id": fixture.otherSiteId,
        "idempotency-key": "create-pricing-1",
      };
      const read = await fixture.call("GET", `/api/proxy/agent_runners/${own.id}`, { key, headers: hostile });
      expect(read.status).toBe(200);
      const write = await fixture.call("POST", `/api/proxy/agent_runners/${own.id}/sessions`, {
        key,
        headers: hostile,
        body: { prompt: "Add a FAQ" },
      });
      expect(write.status).toBe(200);
      await fixture.settle();
      // Each call's own request, the runner GET that confirms its site, the board's refresh: all ours.
      const sent = await fixture.upstreamRequests();
      expect(sent.map((request) => request.method)).not.toContain("DELETE");
      const post = sent.filter((request) => request.method === "POST");
      expect(post).toHaveLength(1);
      for (const request of sent) {
        const names = Object.keys(request.headers);
        expect(names.filter((name) => !upstreamHeaderAllowList.includes(name))).toEqual([]);
        expect(request.headers.host).toBe(new URL(fixture.simulator.apiUrl).host);
        expect(request.headers.connection ?? "").not.toMatch(/x-secret/i);
        expect(request.headers["user-agent"]).toBe("switchyard");
      }
      expect(post[0]?.headers["idempotency-key"]).toBe("create-pricing-1");
      // The simulator accepted the call, so it came with the owner's token, not the client's key.
      expect(post[0]?.status).toBe(200);
    });

    it("drops an Idempotency-Key that is not a plain token", async () => {
      await fixture.call("GET", "/api/proxy/agent_runners", {
        key,
        headers: { "idempotency-key": `a b ${"x".repeat(300)}` },
      });
      expect((await fixture.upstreamRequests())[0]?.headers).not.toHaveProperty("idempotency-key");
    });

    it("decodes a gzip answer and passes on none of Netlify's own headers", async () => {
      await setFaults(fixture, {
        pathPrefix: "/agent_runners",
        count: 1,
        gzip: true,
        headers: {
          "set-cookie": "nf_session=upstream; HttpOnly",
          server: "Netlify",
          "x-powered-by": "Rails",
          "x-nf-request-id": "01ABC",
          via: "1.1 internal-lb.netlify.internal",
          "access-control-allow-origin": "*",
        },
      });
      const response = await fixture.call("GET", "/api/proxy/agent_runners?per_page=2", { key });
      expect(response.status).toBe(200);
      expect(((await response.json()) as unknown[]).length).toBe(2);
      for (const name of [
        "set-cookie",
        "server",
        "x-powered-by",
        "x-nf-request-id",
        "via",
        "content-encoding",
      ])
        expect(response.headers.has(name), name).toBe(false);
      expect(response.headers.get("access-control-allow-origin")).toBeNull();
    });

    it("never follows a redirect: 502, and the redirect's target gets no request", async () => {
      const target = `${canary.url}/api/v1/agent_runners`;
      await setFaults(fixture, { pathPrefix: "/agent_runners", redirectTo: target, count: 2 });
      const list = await fixture.call("GET", "/api/proxy/agent_runners", { key });
      const create = await fixture.call("POST", "/api/proxy/agent_runners", {
        key,
        body: { prompt: "Add a map" },
      });
      for (const response of [list, create]) {
        const text = await response.clone().text();
        await expectError(response, 502, "UPSTREAM_ERROR");
        expect(text).not.toContain(canary.url);
      }
      expect(canary.hits()).toBe(0);
    });

    it("answers an upstream 500 quoting internal hosts and the token with a generic 502", async () => {
      const internal = `connect ECONNREFUSED http://10.13.0.7:5432/agent_db?password=hunter2 (Bearer ${simToken})`;
      await setFaults(fixture, {
        pathPrefix: "/agent_runners",
        count: 1,
        errorStatus: 500,
        errorBody: { error: internal, stack: "at /srv/netlify/app/runner.rb:42" },
      });
      const response = await fixture.call("GET", "/api/proxy/agent_runners", { key });
      const text = await response.clone().text();
      const body = await expectError(response, 502, "UPSTREAM_ERROR");
      expect(Object.keys(body).sort()).toEqual(["code", "error"]);
      for (const secret of ["10.13.0.7", "agent_db", "hunter2", simToken, "runner.rb", "ECONNREFUSED"])
        expect(text).not.toContain(secret);
      expect(body.error).toContain(response.headers.get("x-request-id"));
    });

    it("keeps an upstream 4xx's status with a readable sentence and Netlify's error_code", async () => {
      const busy = await runningRunner(fixture, fixture.siteId);
      const response = await fixture.call("POST", `/api/proxy/agent_runners/${busy.id}/sessions`, {
        key,
        body: { prompt: "And one more thing" },
      });
      const body = await expectError(response, 409, "CONFLICT");
      expect(body.error_code).toBe("active_session_exists");
      expect(body.error.length).toBeGreaterThan(20);
      const missing = await fixture.call("GET", "/api/proxy/agent_runners/no-such-runner", { key });
      await expectError(missing, 404, "NOT_FOUND");
    });

    it("streams a diff as text/plain: the head arrives before Netlify has sent the body", async () => {
      await cacheUpstreamRunner(fixture, own);
      const expected = await (
        await fetch(`${fixture.simulator.apiUrl}/agent_runners/${own.id}/diff`, {
          headers: { authorization: `Bearer ${simToken}` },
        })
      ).text();
      await setFaults(fixture, { pathPrefix: `/agent_runners/${own.id}/diff`, bodyDelayMs: 1_500, count: 1 });
      const started = performance.now();
      const response = await fixture.call("GET", `/api/proxy/agent_runners/${own.id}/diff`, { key: readKey });
      const headMs = performance.now() - started;
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
      expect(headMs).toBeLessThan(1_200);
      expect(await response.text()).toBe(expected);
      expect(performance.now() - started).toBeGreaterThanOrEqual(1_450);
      expect(expected).toMatch(/^diff --git /);
    });

    it("rewrites Link to the proxy's own URL, without site_id, so a script can follow it", async () => {
      const response = await fixture.call("GET", "/api/proxy/agent_runners?per_page=1&page=2", { key });
      expect(response.status).toBe(200);
      expect(Number(response.headers.get("total"))).toBeGreaterThan(2);
      const links = [...(response.headers.get("link") ?? "").matchAll(/<([^>]+)>; rel="(\w+)"/g)];
      expect(links.map((link) => link[2])).toEqual(["next", "prev", "last"]);
      for (const [, href] of links) {
        const url = new URL(href ?? "");
        expect(`${url.origin}${url.pathname}`).toBe(`${appUrl}/api/proxy/agent_runners`);
        expect([...url.searchParams.keys()].sort()).toEqual(["page", "per_page"]);
      }
      const next = new URL(links[0]?.[1] ?? "");
      const followed = await fixture.call("GET", `${next.pathname}${next.search}`, { key });
      expect(followed.status).toBe(200);
      expect(response.headers.get("link")).not.toContain(fixture.simulator.origin);
    });

    it("sends no-store, Vary, a request id and Server-Timing, and no CORS header, on successes and errors", async () => {
      await setFaults(fixture, { pathPrefix: "/agent_runners/", errorStatus: 503, count: 1 });
      const answers = {
        ok: await fixture.call("GET", "/api/proxy/agent_runners", { key }),
        upstreamError: await fixture.call("GET", `/api/proxy/agent_runners/${own.id}/sessions`, { key }),
        scope: await fixture.call("POST", "/api/proxy/agent_runners", {
          key: readKey,
          body: { prompt: "x" },
        }),
        unknownKey: await fixture.call("GET", "/api/proxy/agent_runners", { key: generateApiKey() }),
        missingKey: await fixture.call("GET", "/api/proxy/agent_runners"),
        badPath: await fixture.call("GET", "/api/proxy/nothing-here", { key }),
      };
      expect(Object.values(answers).map((answer) => answer.status)).toEqual([200, 502, 403, 401, 401, 400]);
      for (const [name, answer] of Object.entries(answers)) {
        expect(answer.headers.get("cache-control"), name).toBe("no-store");
        expect(answer.headers.get("vary"), name).toContain("Authorization");
        expect(answer.headers.get("x-request-id"), name).toMatch(/^[0-9a-f-]{36}$/);
        expect(answer.headers.get("server-timing") ?? "", name).toMatch(/\w+;dur=\d/);
        const cors = [...answer.headers.keys()].filter((header) => header.startsWith("access-control-"));
        expect(cors, name).toEqual([]);
      }
    });

    it("keeps the upstream token out of every answer, whatever Netlify echoes", async () => {
      const echoed = { error: `Token ${simToken} is not allowed`, error_code: simToken };
      await setFaults(fixture, {
        pathPrefix: "/agent_runners",
        errorStatus: 422,
        errorBody: echoed,
        count: 1,
      });
      const response = await fixture.call("GET", "/api/proxy/agent_runners", { key });
      expect(response.status).toBe(422);
      expect(await response.text()).not.toContain(simToken);
      expect(await upstream(fixture, "GET", `/agent_runners/${own.id}`)).toMatchObject({ id: own.id });
    });
  });
}
