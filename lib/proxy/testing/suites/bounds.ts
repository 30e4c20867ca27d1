import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { allScopes, type ProxyCaller, type ProxyFixture } from "../proxy-fixture";
import {
  cacheUpstreamRunner,
  clearFaults,
  expectError,
  finishedRunner,
  setFaults,
  type UpstreamRunner,
} from "../proxy-scenarios";
import type { SuiteWorld } from "./suite-world";

/*
 * Size and time bounds (proxy-security.md item 15, OWASP API4) and input validation: bodies
 * counted as they stream in, input refused before anything goes upstream, and no upstream call
 * outliving its budget or the client that asked for it.
 */

const timeoutMs = 1_000;
const megabyte = 1024 * 1024;

/** A chunked upload of `chunks` megabytes; `pulled()` says how many the reader asked for. */
function streamedBody(chunks: number) {
  let pulled = 0;
  const chunk = new TextEncoder().encode(`{"prompt":"${"x".repeat(megabyte)}`);
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulled++;
      if (pulled > chunks) controller.close();
      else controller.enqueue(chunk);
    },
  });
  return { stream, pulled: () => pulled };
}

export function describeBounds(world: SuiteWorld) {
  describe("size and time bounds", () => {
    let fixture: ProxyFixture;
    /** An instance with a short upstream timeout, so running out of time takes a second. */
    let call: ProxyCaller;
    let key: string;
    let runner: UpstreamRunner;
    const create = "/api/proxy/agent_runners";

    beforeAll(async () => {
      fixture = world.fixture;
      call = fixture.instanceWith({ overrides: { NETLIFY_API_TIMEOUT_MS: String(timeoutMs) } });
      key = (await fixture.mint(allScopes)).key;
      runner = await finishedRunner(fixture, fixture.siteId);
      await cacheUpstreamRunner(fixture, runner);
    }, 60_000);
    beforeEach(async () => {
      await fixture.settle();
      await clearFaults(fixture);
      await fixture.clearUpstreamRequests();
    });

    it("refuses an 11 MB body with 413, by its declared length and when it comes chunked without one", async () => {
      const body = JSON.stringify({ prompt: "x".repeat(11 * megabyte) });
      const declared = await call("POST", create, {
        key,
        body,
        headers: { "content-length": String(Buffer.byteLength(body)) },
      });
      await expectError(declared, 413, "PAYLOAD_TOO_LARGE");
      const chunked = streamedBody(11);
      const streamed = await call("POST", create, { key, body: chunked.stream });
      await expectError(streamed, 413, "PAYLOAD_TOO_LARGE");
      // The upload was cut off once past the limit, not read to its end.
      expect(chunked.pulled()).toBeLessThan(5);
      expect(await fixture.upstreamRequests()).toEqual([]);
    });

    it("refuses a body that is not a JSON object with 400 BAD_REQUEST", async () => {
      const invalidUtf8 = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]));
          controller.close();
        },
      });
      const bodies = [
        '{"prompt": "Add a form"',
        "prompt=Add a form",
        "",
        "[1, 2]",
        "null",
        '"text"',
        invalidUtf8,
      ];
      for (const body of bodies) {
        const response = await call("POST", create, { key, body });
        await expectError(response, 400, "BAD_REQUEST");
      }
      await expectError(await call("POST", create, { key, body: { agent: "claude" } }), 400, "BAD_REQUEST");
      expect(await fixture.upstreamRequests()).toEqual([]);
    });

    it("refuses complete bodies with values out of bounds with 422 VALIDATION_FAILED, naming the field", async () => {
      const refused: Array<[string, string, Record<string, unknown>, string]> = [
        ["POST", create, { prompt: "Add a form", agent: "skynet" }, "agent"],
        ["POST", create, { prompt: "x".repeat(100_001) }, "prompt"],
        ["POST", create, { prompt: "Add a form", file_keys: new Array(21).fill("k") }, "file_keys"],
        ["POST", `/api/proxy/agent_runners/${runner.id}/commit`, { target_branch: "   " }, "target_branch"],
        ["PATCH", `/api/proxy/agent_runners/${runner.id}`, { title: 42 }, "title"],
        ["POST", `/api/proxy/agent_runners/${runner.id}/revert`, { session_id: "../other" }, "session_id"],
      ];
      for (const [method, path, body, field] of refused) {
        const response = await call(method, path, { key, body });
        const answer = await expectError(response, 422, "VALIDATION_FAILED");
        expect(answer.error).toContain(field);
        expect(answer.error).not.toContain("skynet");
      }
      expect(await fixture.upstreamRequests()).toEqual([]);
    });

    it("refuses a query parameter out of range with 400 before anything goes upstream", async () => {
      for (const query of ["per_page=1000", "page=0", "state=exploded", "per_page=1&per_page=2"]) {
        await expectError(await call("GET", `${create}?${query}`, { key }), 400, "BAD_REQUEST");
      }
      expect(await fixture.upstreamRequests()).toEqual([]);
    });

    it("answers 504 within the budget when Netlify does not answer, and drops the upstream connection", async () => {
      await setFaults(fixture, { pathPrefix: "/agent_runners", hang: true });
      const started = performance.now();
      const response = await call("GET", create, { key });
      const elapsed = performance.now() - started;
      await expectError(response, 504, "UPSTREAM_TIMEOUT");
      expect(elapsed).toBeGreaterThanOrEqual(timeoutMs - 50);
      expect(elapsed).toBeLessThan(timeoutMs + 1_500);
      await expect
        .poll(async () => (await fixture.upstreamRequests()).map((request) => request.status))
        .toEqual([499]);
    });

    it("answers 504 when Netlify answers after the budget", async () => {
      await setFaults(fixture, { pathPrefix: "/agent_runners", latencyMs: timeoutMs + 500 });
      await expectError(await call("GET", create, { key }), 504, "UPSTREAM_TIMEOUT");
    });

    it("answers 504 when Netlify sends the head in time but the body after the budget", async () => {
      const uncached = await finishedRunner(fixture, fixture.siteId);
      await setFaults(fixture, { pathPrefix: "/agent_runners", bodyDelayMs: timeoutMs + 500 });
      await expectError(await call("GET", create, { key }), 504, "UPSTREAM_TIMEOUT");
      // The GET that confirms an uncached runner's site before a write, too.
      await setFaults(fixture, { pathPrefix: `/agent_runners/${uncached.id}`, bodyDelayMs: timeoutMs + 500 });
      const write = await call("PATCH", `/api/proxy/agent_runners/${uncached.id}`, {
        key,
        body: { title: "Renamed" },
      });
      await expectError(write, 504, "UPSTREAM_TIMEOUT");
      expect((await fixture.upstreamRequests()).filter((request) => request.method === "PATCH")).toEqual([]);
    });

    it("cancels the upstream call when the client goes away, without waiting for the budget", async () => {
      await setFaults(fixture, { pathPrefix: `/agent_runners/${runner.id}`, hang: true });
      const client = new AbortController();
      const started = performance.now();
      const pending = call("GET", `/api/proxy/agent_runners/${runner.id}`, {
        key,
        signal: client.signal,
      }).catch((error: unknown) => error);
      setTimeout(() => client.abort(), 100);
      const answer = await pending;
      expect(performance.now() - started).toBeLessThan(timeoutMs - 300);
      // Recorded as the client's doing (499), not as a failure of ours (500).
      expect(answer instanceof Response ? answer.status : answer).toBe(499);
      await expect
        .poll(async () => (await fixture.upstreamRequests())[0], { timeout: timeoutMs })
        .toMatchObject({ status: 499 });
      const [seen] = await fixture.upstreamRequests();
      expect(seen?.durationMs).toBeLessThan(timeoutMs - 300);
    });
  });
}
