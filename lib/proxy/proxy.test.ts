import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { storageBackends } from "@/db/testing/backends";
import { allScopes, type ProxyFixture, startProxyFixture } from "./testing/proxy-fixture";

for (const backend of storageBackends().slice(0, 2)) {
  describe(`the proxy on ${backend.name}`, () => {
    let fixture: ProxyFixture;
    beforeAll(async () => {
      fixture = await startProxyFixture(backend);
    }, 60_000);
    afterAll(async () => fixture?.dispose());

    it("lists the key's site's runners with site_id set from the key", async () => {
      const { key } = await fixture.mint(allScopes);
      await fixture.clearUpstreamRequests();
      const response = await fixture.call("GET", "/api/proxy/agent_runners?site_id=evil&per_page=5", { key });
      expect(response.status).toBe(200);
      const runners = (await response.json()) as Array<{ site_id: string }>;
      expect(runners.length).toBeGreaterThan(0);
      expect(runners.every((runner) => runner.site_id === fixture.siteId)).toBe(true);
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(response.headers.get("ratelimit-policy")).toContain("q=");
      expect(response.headers.get("server-timing")).toContain("upstream;dur=");
      const upstream = await fixture.upstreamRequests();
      expect(upstream).toHaveLength(1);
      expect(upstream[0]?.query).toContain(`site_id=${fixture.siteId}`);
      expect(upstream[0]?.query).not.toContain("evil");
    });
  });
}
