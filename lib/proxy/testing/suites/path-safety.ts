import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allScopes, type ProxyFixture } from "../proxy-fixture";
import { finishedRunner, startCanary, type UpstreamRunner } from "../proxy-scenarios";
import type { SuiteWorld } from "./suite-world";

/*
 * proxy-security.md items 1–3 (OWASP API7): no path a client sends can move the upstream call
 * off Netlify's origin or out of `/api/v1`, or reach an endpoint the manifest does not proxy.
 * The proxy routes from the raw, still-encoded path; anything that is not exactly a template
 * with plain-id parameters is refused before a key is even looked up.
 */

/** Paths after `/api/proxy`; `HOST` is the canary's host, `ID`/`SID` a real runner and session. */
const payloads = [
  "//HOST/x",
  "/\\HOST/x",
  "/\\\\HOST",
  "/http:HOST",
  "/agent_runners/@HOST",
  "/agent_runners/ID/%2e%2e/%2e%2e/admin",
  "/agent_runners/%2e%2e/%2e%2e/%2e%2e/v1/sites",
  "/%2e%2e/v1/sites",
  "/agent_runners/.%2e/sites",
  "/agent_runners/%2e",
  "/agent_runners/ID%2F..%2F..%2Fsites",
  "/agent_runners/ID%2Fsessions",
  "/agent_runners/ID%2fsessions%2fSID",
  "/agent_runners/ID%5C..%5Csites",
  "/agent_runners/ID%252F..%252Fsites",
  "/agent_runners/ID%00",
  "/agent_runners/ID%00/sessions",
  "/agent_runners/ID;jsessionid=1",
  "/agent_runners/ID;/sessions",
  "/agent_runners/ID%C0%AF..%C0%AFsites",
  "/agent_runners/ID%E2%80%AE",
  "/agent_runners/ID\\..\\..\\sites",
  "/agent_runners/ID%20",
  "/agent_runners/ID/",
  "/agent_runners//ID",
  "/agent_runners/ID/sessions/SID/diff",
  "/agent_runners/ID/sessions/SID/diff/result/extra",
  `/agent_runners/${"a".repeat(129)}`,
  "/AGENT_RUNNERS",
  "/agent_runners.json",
  "/",
  "",
  // Manifest endpoints no key may reach: account-wide reads and the public form of create.
  "/sites",
  "/sites/SITE",
  "/sites/SITE/agent_runners",
  "/user",
  "/accounts",
];

export function describePathSafety(world: SuiteWorld) {
  describe("path handling", () => {
    let fixture: ProxyFixture;
    let canary: Awaited<ReturnType<typeof startCanary>>;
    let runner: UpstreamRunner;
    let key: string;
    const expand = (payload: string) =>
      payload
        .replaceAll("HOST", new URL(canary.url).host)
        .replaceAll("SID", runner.sessionId)
        .replaceAll("ID", runner.id)
        .replaceAll("SITE", fixture.siteId);

    beforeAll(async () => {
      fixture = world.fixture;
      canary = await startCanary();
      runner = await finishedRunner(fixture, fixture.siteId);
      key = (await fixture.mint(allScopes)).key;
    }, 60_000);
    afterAll(async () => canary?.close());

    for (const payload of payloads) {
      it(`refuses ${JSON.stringify(payload || "(nothing)")} with nothing sent upstream or elsewhere`, async () => {
        await fixture.clearUpstreamRequests();
        const path = `/api/proxy${expand(payload)}`;
        for (const method of ["GET", "POST", "DELETE"]) {
          const response = await fixture.call(method, path, {
            key,
            ...(method === "POST" ? { body: { prompt: "x", session_id: runner.sessionId } } : {}),
          });
          expect([400, 404, 405], `${method} ${path}`).toContain(response.status);
          expect((await response.json()).code).toMatch(/^(INVALID_ENDPOINT|NOT_FOUND|METHOD_NOT_ALLOWED)$/);
        }
        expect(await fixture.upstreamRequests()).toEqual([]);
        expect(canary.hits()).toBe(0);
      });
    }

    it("answers an encoded slash in a runner id with 400 INVALID_ENDPOINT, as on every runtime", async () => {
      const response = await fixture.call("GET", `/api/proxy/agent_runners/${runner.id}%2Fsessions`, { key });
      expect(response.status).toBe(400);
      expect((await response.json()).code).toBe("INVALID_ENDPOINT");
    });

    it("keeps every upstream request on the configured origin under /api/v1, whatever the path held", async () => {
      await fixture.clearUpstreamRequests();
      const valid = [
        `/agent_runners/${runner.id}`,
        `/agent_runners/${runner.id}/sessions/${runner.sessionId}`,
        "/agent_runners/no-such-runner_1",
        "/agent_runners?page=1&per_page=2",
      ];
      for (const path of [...valid, ...payloads.map(expand)])
        await fixture.call("GET", `/api/proxy${path}`, { key });
      const seen = await fixture.upstreamRequests();
      expect(seen.length).toBeGreaterThanOrEqual(valid.length);
      const simulatorHost = new URL(fixture.simulator.apiUrl).host;
      for (const request of seen) {
        expect(request.headers.host).toBe(simulatorHost);
        expect(request.path).toMatch(/^\/api\/v1\/agent_runners(\/[A-Za-z0-9_-]+)*$/);
      }
      expect(canary.hits()).toBe(0);
    });
  });
}
