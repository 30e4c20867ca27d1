import { beforeAll, describe, expect, it } from "vitest";
import type { ApiKeyScope } from "@/db/schema";
import { compileEndpoints } from "@/lib/netlify/endpoint-match";
import { type Endpoint, type EndpointName, proxiedEndpoints } from "@/lib/netlify/endpoints";
import type { ProxyFixture } from "../proxy-fixture";
import { finishedRunner, scopeSets, type UpstreamRunner } from "../proxy-scenarios";
import type { SuiteWorld } from "./suite-world";

/*
 * OWASP API5 (proxy-security.md item 4): every manifest endpoint called through the proxy with a
 * key holding exactly each non-empty scope set. A set without the endpoint's scope is refused
 * before anything goes upstream; a set with it is never refused for scope. Generated from the
 * manifest, so an endpoint added there is covered here without a line changed.
 */

/** A valid body for each endpoint that takes one, so allowed calls get past validation to Netlify. */
const sampleBodies: Partial<Record<EndpointName, (runner: UpstreamRunner) => Record<string, unknown>>> = {
  createRunner: () => ({ prompt: "Add a pricing page" }),
  createUploadUrl: () => ({ filename: "mock.png", content_type: "image/png" }),
  createDeleteUrl: () => ({ file_key: "uploads/mock.png" }),
  updateRunner: () => ({ title: "Renamed by a script" }),
  revertRunner: (runner) => ({ session_id: runner.sessionId }),
  commitRunner: () => ({ target_branch: "agent-pricing-page" }),
  createSession: () => ({ prompt: "Also add a FAQ" }),
  updateSession: () => ({ title: "Pricing" }),
  answerSession: () => ({ refId: "ref-1", skipped: true }),
};

const fill = (endpoint: Endpoint, runner: UpstreamRunner) =>
  endpoint.path.replace("{runner_id}", runner.id).replace("{session_id}", runner.sessionId);

interface MatrixCase {
  endpoint: Endpoint;
  scopes: ApiKeyScope[];
  allowed: boolean;
}

const cases: MatrixCase[] = proxiedEndpoints.flatMap((endpoint) =>
  scopeSets.map((scopes) => ({
    endpoint,
    scopes,
    allowed: endpoint.scope !== null && scopes.includes(endpoint.scope),
  })),
);
const label = (c: MatrixCase) => `${c.endpoint.method} ${c.endpoint.path} with [${c.scopes.join(", ")}]`;
const methods = ["GET", "POST", "PATCH", "DELETE", "PUT", "HEAD", "OPTIONS"];

/** Backend-independent: the matrix is the manifest's, and every body it sends is valid. */
export function describeScopeMatrixGeneration() {
  describe("the scope matrix generation", () => {
    it(`covers ${proxiedEndpoints.length} endpoints × ${scopeSets.length} scope sets = ${cases.length} cases`, () => {
      expect(cases).toHaveLength(proxiedEndpoints.length * 7);
      expect(proxiedEndpoints.length).toBeGreaterThanOrEqual(25);
      for (const endpoint of proxiedEndpoints) {
        if (!endpoint.body) continue;
        const sample = sampleBodies[endpoint.name];
        expect(sample, `a sample body for ${endpoint.name}`).toBeDefined();
        const runner = { id: "r", sessionId: "s", siteId: "x", title: "" };
        expect(endpoint.body.safeParse(sample?.(runner)).success, endpoint.name).toBe(true);
      }
    });
  });
}

export function describeScopeMatrix(world: SuiteWorld) {
  describe("scopes", () => {
    let fixture: ProxyFixture;
    let runner: UpstreamRunner;
    const keys = new Map<string, string>();
    const keyFor = (scopes: ApiKeyScope[]) => keys.get(scopes.join(",")) ?? "";

    const callCase = (c: MatrixCase) => {
      const body = sampleBodies[c.endpoint.name]?.(runner);
      return fixture.call(c.endpoint.method, `/api/proxy${fill(c.endpoint, runner)}`, {
        key: keyFor(c.scopes),
        ...(body ? { body } : {}),
      });
    };

    beforeAll(async () => {
      fixture = world.fixture;
      runner = await finishedRunner(fixture, fixture.siteId);
      for (const scopes of scopeSets) keys.set(scopes.join(","), (await fixture.mint(scopes)).key);
    }, 60_000);

    // Refusals first, all of them: no write has run yet, so the upstream log must stay empty.
    describe(`refuses the ${cases.filter((c) => !c.allowed).length} calls whose key lacks the scope, before anything goes upstream`, () => {
      beforeAll(async () => {
        await fixture.settle();
        await fixture.clearUpstreamRequests();
      });

      for (const c of cases.filter((c) => !c.allowed)) {
        it(`refuses ${label(c)}`, async () => {
          const response = await callCase(c);
          expect(response.status).toBe(403);
          expect(await response.json()).toEqual({
            error: `API key missing required scope: ${c.endpoint.scope}`,
            code: "INSUFFICIENT_SCOPE",
          });
          expect(await fixture.upstreamRequests()).toEqual([]);
        });
      }
    });

    describe(`lets the ${cases.filter((c) => c.allowed).length} calls whose key holds the scope through`, () => {
      for (const c of cases.filter((c) => c.allowed)) {
        it(`passes ${label(c)}`, async () => {
          await fixture.clearUpstreamRequests();
          const response = await callCase(c);
          const text = await response.text();
          expect(text).not.toContain("INSUFFICIENT_SCOPE");
          const upstreamPath = `/api/v1${fill(c.endpoint, runner)}`;
          const reached = (await fixture.upstreamRequests()).some(
            (request) => request.method === c.endpoint.method && request.path === upstreamPath,
          );
          // Reached Netlify, or refused by the proxy's own validation: never for scope.
          expect(reached || [400, 422].includes(response.status), `${response.status} ${text}`).toBe(true);
        });
      }
    });

    describe("refuses a known path with a method it does not take", () => {
      for (const template of compileEndpoints(proxiedEndpoints)) {
        const endpoints = [...template.byMethod.values()];
        const path = `/${template.segments.join("/")}`;
        const allow = endpoints.map((endpoint) => endpoint.method);
        const refused = methods.filter((method) => !allow.includes(method as Endpoint["method"]));
        it(`answers ${refused.join(", ")} on ${path} with 405 and Allow: ${allow.join(", ")}`, async () => {
          const filled = path.replace("{runner_id}", runner.id).replace("{session_id}", runner.sessionId);
          await fixture.clearUpstreamRequests();
          for (const method of refused) {
            const response = await fixture.call(method, `/api/proxy${filled}`, {
              key: keyFor(scopeSets[6] ?? []),
              headers: { origin: "https://evil.example", "access-control-request-method": "DELETE" },
            });
            expect(response.status, method).toBe(405);
            expect(response.headers.get("allow"), method).toBe(allow.join(", "));
            if (method !== "HEAD") expect((await response.json()).code, method).toBe("METHOD_NOT_ALLOWED");
            // A preflight gets nothing that would let a browser call the proxy cross-origin.
            const cors = [...response.headers.keys()].filter((name) => name.startsWith("access-control-"));
            expect(cors, method).toEqual([]);
          }
          expect(await fixture.upstreamRequests()).toEqual([]);
        });
      }
    });
  });
}
