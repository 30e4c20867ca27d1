import { afterAll, beforeAll, describe, vi } from "vitest";
import { storageBackends } from "@/db/testing/backends";
import { captureLogs } from "@/lib/log/testing/capture-logger";
import { startProxyFixture } from "./testing/proxy-fixture";
import { describeAudit } from "./testing/suites/audit";
import { describeBounds } from "./testing/suites/bounds";
import { describeKeyChecks } from "./testing/suites/key-auth";
import { describePathSafety } from "./testing/suites/path-safety";
import { describeRateLimits } from "./testing/suites/rate-limits";
import { describeScopeMatrix, describeScopeMatrixGeneration } from "./testing/suites/scope-matrix";
import { describeSiteIsolation } from "./testing/suites/site-isolation";
import type { SuiteWorld } from "./testing/suites/suite-world";
import { describeUpstreamExchange } from "./testing/suites/upstream-exchange";

/*
 * The proxy's security suite (proxy-security.md, one suite per theme in ./testing/suites), run
 * against a real database and the simulator on each storage back end. One file on purpose: an
 * embedded database takes seconds to create and a test file gets a process of its own, so every
 * theme shares one world per back end; each keeps to its own keys, runners and settings.
 */

// Every line the app logs goes here, at debug level and without the secrets the app's own logger
// is told to scrub by value: the audit suite checks that no key or token ever gets that far.
const capture = vi.hoisted(() => ({ current: undefined as ReturnType<typeof captureLogs> | undefined }));
vi.mock("@/lib/log/app-logger", () => ({ logger: () => capture.current?.logger }));

describeScopeMatrixGeneration();

for (const backend of storageBackends().slice(0, 2)) {
  describe(`the proxy on ${backend.name}`, () => {
    const world = {} as SuiteWorld;
    beforeAll(async () => {
      world.logs = captureLogs({ level: "debug" });
      capture.current = world.logs;
      world.fixture = await startProxyFixture(backend);
    }, 60_000);
    afterAll(async () => world.fixture?.dispose());

    describeScopeMatrix(world);
    describePathSafety(world);
    describeSiteIsolation(world);
    describeUpstreamExchange(world);
    describeKeyChecks(world);
    describeRateLimits(world);
    describeBounds(world);
    describeAudit(world);
  });
}
