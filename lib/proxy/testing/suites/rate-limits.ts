import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { generateApiKey } from "@/lib/keys/key-format";
import { allScopes, type ProxyCaller, type ProxyFixture } from "../proxy-fixture";
import { expectError, finishedRunner, roomInWindow, type UpstreamRunner } from "../proxy-scenarios";
import type { SuiteWorld } from "./suite-world";

/*
 * Brute force and abuse (proxy-security.md item 14, OWASP API4/API6): failed authentications
 * counted per client address before any key is known, calls counted per key after, deploy calls
 * against their own stricter limit; every counted answer says where the caller stands.
 */

const limits = { authFailures: 20, perKey: 5, deploy: 2 };

function expectRateLimitHeaders(response: Response, policy: string, limit: number) {
  expect(response.headers.get("ratelimit-policy")).toBe(`"${policy}";q=${limit};w=60`);
  expect(response.headers.get("ratelimit")).toMatch(new RegExp(`^"${policy}";r=\\d+;t=\\d+$`));
}

function expectRetryAfter(response: Response) {
  const seconds = Number(response.headers.get("retry-after"));
  expect(seconds).toBeGreaterThanOrEqual(1);
  expect(seconds).toBeLessThanOrEqual(60);
}

export function describeRateLimits(world: SuiteWorld) {
  describe("rate limits", () => {
    let fixture: ProxyFixture;
    /** An instance with low limits, so a test reaches them in a handful of calls. */
    let call: ProxyCaller;
    let runner: UpstreamRunner;
    const list = "/api/proxy/agent_runners";

    beforeAll(async () => {
      fixture = world.fixture;
      call = fixture.instanceWith({
        overrides: {
          PROXY_AUTH_FAILURES_PER_MINUTE: String(limits.authFailures),
          PROXY_RATE_LIMIT_PER_MINUTE: String(limits.perKey),
          PROXY_DEPLOY_RATE_LIMIT_PER_MINUTE: String(limits.deploy),
        },
      });
      runner = await finishedRunner(fixture, fixture.siteId);
    }, 60_000);
    beforeEach(async () => {
      await fixture.settle();
      await fixture.clearUpstreamRequests();
    });

    it("answers 1,000 random well-formed keys from one address with 429 and Retry-After past the threshold", async () => {
      await roomInWindow(8_000);
      const from = { "x-forwarded-for": "198.51.100.7" };
      const statuses: number[] = [];
      let lastRefusal: Response | undefined;
      for (let attempt = 0; attempt < 1_000; attempt++) {
        const response = await call("GET", list, { key: generateApiKey(), headers: from });
        statuses.push(response.status);
        if (response.status === 429) lastRefusal = response;
        else await response.body?.cancel();
      }
      expect(statuses.slice(0, limits.authFailures)).toEqual(new Array(limits.authFailures).fill(401));
      expect(statuses.slice(limits.authFailures)).toEqual(new Array(1_000 - limits.authFailures).fill(429));
      if (!lastRefusal) throw new Error("no attempt was refused");
      await expectError(lastRefusal, 429, "RATE_LIMITED");
      expectRetryAfter(lastRefusal);
      expectRateLimitHeaders(lastRefusal, "auth-failures", limits.authFailures);

      const elsewhere = await call("GET", list, {
        key: generateApiKey(),
        headers: { "x-forwarded-for": "198.51.100.8" },
      });
      await expectError(elsewhere, 401, "INVALID_KEY");
      // A valid key is judged on its own: someone guessing from a shared address locks nobody out.
      const { key } = await fixture.mint(["agent_runners:read"]);
      await fixture.clearUpstreamRequests();
      expect((await call("GET", list, { key, headers: from })).status).toBe(200);
      expect((await fixture.upstreamRequests()).length).toBe(1);
    }, 60_000);

    it("limits each key's calls per minute, with the RateLimit fields on every answer", async () => {
      await roomInWindow(3_000);
      const { key } = await fixture.mint(["agent_runners:read"]);
      const { key: otherKey } = await fixture.mint(["agent_runners:read"]);
      const remaining: string[] = [];
      for (let attempt = 1; attempt <= limits.perKey; attempt++) {
        const response = await call("GET", list, { key });
        expect(response.status).toBe(200);
        expectRateLimitHeaders(response, "default", limits.perKey);
        remaining.push(/r=(\d+)/.exec(response.headers.get("ratelimit") ?? "")?.[1] ?? "");
      }
      expect(remaining).toEqual(["4", "3", "2", "1", "0"]);
      await fixture.clearUpstreamRequests();
      const refused = await call("GET", list, { key });
      await expectError(refused, 429, "RATE_LIMITED");
      expectRetryAfter(refused);
      expectRateLimitHeaders(refused, "default", limits.perKey);
      expect(await fixture.upstreamRequests()).toEqual([]);
      expect((await call("GET", list, { key: otherKey })).status).toBe(200);
    });

    it("holds deploy calls to their own stricter limit, leaving the key's other calls alone", async () => {
      await roomInWindow(3_000);
      const { key } = await fixture.mint(allScopes);
      const deployPath = `/api/proxy/agent_runners/${runner.id}/pull_request`;
      for (let attempt = 1; attempt <= limits.deploy; attempt++) {
        const response = await call("POST", deployPath, { key });
        expect(response.status).not.toBe(429);
        expectRateLimitHeaders(response, "deploy", limits.deploy);
      }
      await fixture.settle();
      await fixture.clearUpstreamRequests();
      const refused = await call("POST", deployPath, { key });
      await expectError(refused, 429, "RATE_LIMITED");
      expectRetryAfter(refused);
      expectRateLimitHeaders(refused, "deploy", limits.deploy);
      expect(await fixture.upstreamRequests()).toEqual([]);
      const read = await call("GET", `/api/proxy/agent_runners/${runner.id}`, { key });
      expect(read.status).toBe(200);
      expectRateLimitHeaders(read, "default", limits.perKey);
    });
  });
}
