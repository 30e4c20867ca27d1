import { request } from "node:http";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { FaultPlan } from "./faults";
import type { LoggedRequest } from "./request-log";
import { type NetlifySimulator, startSimulator } from "./server";
import { simulatedSiteId } from "./testing/sim-sites";

/*
 * The faults and the request log a proxy's tests observe the upstream through: what a
 * misbehaving Netlify can send, and exactly what reached the simulator.
 */

const token = "faults-token";

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  /** Milliseconds from sending until the head arrived. */
  headMs: number;
}

/** A raw HTTP request: fetch would hide the encoding and some headers. */
function raw(
  origin: string,
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
) {
  return new Promise<RawAnswer>((resolve, reject) => {
    const started = performance.now();
    const url = new URL(path, origin);
    const outgoing = request(
      {
        host: url.hostname,
        port: url.port,
        path: `${url.pathname}${url.search}`,
        method: init.method ?? "GET",
        headers: init.headers,
      },
      (incoming) => {
        const headMs = performance.now() - started;
        const chunks: Buffer[] = [];
        incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
        incoming.on("end", () =>
          resolve({
            status: incoming.statusCode ?? 0,
            headers: incoming.headers,
            body: Buffer.concat(chunks),
            headMs,
          }),
        );
      },
    );
    outgoing.on("error", reject);
    outgoing.end(init.body);
  });
}

describe("simulator faults and request log", () => {
  let simulator: NetlifySimulator;
  let siteId: string;
  const auth = { authorization: `Bearer ${token}` };
  const setFaults = (plans: FaultPlan | FaultPlan[]) =>
    fetch(`${simulator.origin}/__sim/faults`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(plans),
    });
  const logged = async (): Promise<LoggedRequest[]> =>
    ((await (await fetch(`${simulator.origin}/__sim/requests`)).json()) as LoggedRequest[]).filter(
      (entry) => !entry.path.startsWith("/__sim"),
    );

  beforeAll(async () => {
    simulator = await startSimulator({ token, speed: 0, team: false });
    siteId = simulatedSiteId(simulator, "aurora-storefront");
  });
  beforeEach(() => simulator.reset("demo"));
  afterAll(() => simulator.stop());

  it("logs each request's headers with credentials as [present] and never their value", async () => {
    await raw(simulator.origin, `/api/v1/agent_runners?site_id=${siteId}`, {
      headers: { ...auth, cookie: "session=secret-cookie", "x-trace": "t-1" },
    });
    const [entry] = await logged();
    expect(entry?.headers).toMatchObject({
      authorization: "[present]",
      cookie: "[present]",
      "x-trace": "t-1",
    });
    expect(JSON.stringify(await logged())).not.toMatch(/faults-token|secret-cookie/);
  });

  it("logs the JSON body of a write as it was received", async () => {
    await raw(simulator.origin, `/api/v1/agent_runners?site_id=${siteId}`, {
      method: "POST",
      headers: { ...auth, "content-type": "application/json" },
      body: JSON.stringify({ prompt: "Add a footer", nested: { site_id: "x" } }),
    });
    expect((await logged())[0]?.body).toEqual({ prompt: "Add a footer", nested: { site_id: "x" } });
  });

  it("sends an answer gzip-encoded with the extra headers a fault names", async () => {
    await setFaults({
      pathPrefix: "/agent_runners",
      gzip: true,
      headers: { "set-cookie": "a=b", server: "nginx/1.2" },
    });
    const answer = await raw(simulator.origin, `/api/v1/agent_runners?site_id=${siteId}`, { headers: auth });
    expect(answer.headers["content-encoding"]).toBe("gzip");
    expect(answer.headers["set-cookie"]).toEqual(["a=b"]);
    expect(answer.headers.server).toBe("nginx/1.2");
    expect(Number(answer.headers["content-length"])).toBe(answer.body.length);
    const runners = JSON.parse(gunzipSync(answer.body).toString()) as Array<{ site_id: string }>;
    expect(runners.length).toBeGreaterThan(0);
  });

  it("rewrites every site_id of a JSON answer to the fault's, cached answers included", async () => {
    const path = `/api/v1/agent_runners?site_id=${siteId}`;
    await raw(simulator.origin, path, { headers: auth });
    await setFaults({ pathPrefix: "/agent_runners", siteId: "someone-elses-site" });
    const runners = JSON.parse(
      (await raw(simulator.origin, path, { headers: auth })).body.toString(),
    ) as Array<{
      site_id: string;
    }>;
    expect(new Set(runners.map((runner) => runner.site_id))).toEqual(new Set(["someone-elses-site"]));
  });

  it("answers an injected error with the fault's body", async () => {
    await setFaults({
      pathPrefix: "/agent_runners",
      errorStatus: 500,
      errorBody: { error: "at http://10.0.0.7/db" },
    });
    const answer = await raw(simulator.origin, `/api/v1/agent_runners?site_id=${siteId}`, { headers: auth });
    expect(answer.status).toBe(500);
    expect(JSON.parse(answer.body.toString())).toEqual({ error: "at http://10.0.0.7/db" });
  });

  it("sends the head of an answer at once and holds its body back for bodyDelayMs", async () => {
    await setFaults({ pathPrefix: "/agent_runners", bodyDelayMs: 300 });
    const started = performance.now();
    const answer = await raw(simulator.origin, `/api/v1/agent_runners?site_id=${siteId}`, { headers: auth });
    expect(answer.headMs).toBeLessThan(250);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    expect(JSON.parse(answer.body.toString())).toBeInstanceOf(Array);
  });

  it("logs a hung request with 499 once its client closes the connection", async () => {
    await setFaults({ pathPrefix: "/agent_runners", hang: true });
    const aborted = fetch(`${simulator.apiUrl}/agent_runners?site_id=${siteId}`, {
      headers: auth,
      signal: AbortSignal.timeout(100),
    });
    await expect(aborted).rejects.toThrow();
    await expect.poll(async () => (await logged()).map((entry) => entry.status)).toEqual([499]);
  });
});
