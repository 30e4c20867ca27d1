import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SimRandom } from "./random";
import { type NetlifySimulator, startSimulator } from "./server";

interface RawResponse {
  status: number;
  contentType: string;
  body: string;
}

function send(
  origin: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: Buffer,
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const url = new URL(origin);
    const req = request({ host: url.hostname, port: url.port, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          contentType: res.headers["content-type"] ?? "",
          body: Buffer.concat(chunks).toString(),
        }),
      );
    });
    req.on("error", reject);
    req.end(body);
  });
}

describe("the simulator under random input", () => {
  let simulator: NetlifySimulator;
  let runnerIds: string[] = [];
  let siteIds: string[] = [];
  let refIds: string[] = [];

  beforeAll(async () => {
    simulator = await startSimulator({ token: "fuzz-token", speed: 0 });
    siteIds = [...simulator.store.sites.keys()];
    // Runs waiting on a question or an authorization, so answers meet pending interactions too.
    const control = (path: string, body: unknown) =>
      send(
        simulator.origin,
        "POST",
        path,
        { "content-type": "application/json" },
        Buffer.from(JSON.stringify(body)),
      );
    await control("/__sim/outcomes", { sessions: ["question", "question", "authorization", "question"] });
    for (const siteId of [...siteIds, siteIds[0] ?? ""]) {
      await send(
        simulator.origin,
        "POST",
        `/api/v1/sites/${siteId}/agent_runners`,
        { authorization: "Bearer fuzz-token", "content-type": "application/json" },
        Buffer.from(JSON.stringify({ prompt: "Add a contact form" })),
      );
    }
    await control("/__sim/clock", { advance_ms: 200_000 });
    runnerIds = [...simulator.store.runners.keys()];
    refIds = [...simulator.store.sessions.values()].flatMap((session) => [...session.interactions.keys()]);
    expect(refIds.length).toBeGreaterThanOrEqual(4);
  });
  afterAll(() => simulator?.stop());

  it("answers 2,000 random requests without a crash or a 500, always with a JSON error body", async () => {
    const random = new SimRandom(7);
    const methods = ["GET", "POST", "PATCH", "PUT", "DELETE", "HEAD", "OPTIONS"];
    const junk = [
      "",
      "x",
      "..",
      "%2e%2e",
      "%00",
      "%2F",
      "a%2Fb",
      "%F0%9F%98%80",
      "%ZZ",
      "%",
      "a+b",
      "';drop%20table",
      "-1",
      "9".repeat(300),
      "__proto__",
    ];
    const segment = () =>
      random.pick([
        random.pick(runnerIds),
        random.pick(siteIds),
        random.pick(waitingSessionIds()),
        random.pick(junk),
        random.hex(random.int(1, 30)),
        "sessions",
        "diff",
        "result",
        "cumulative",
      ]);
    const waiting = () => [...simulator.store.sessions.values()].filter((s) => s.interactions.size > 0);
    const waitingSessionIds = () => waiting().map((session) => session.id);
    const waitingPath = () => {
      const session = random.pick(waiting());
      return `/api/v1/agent_runners/${session.runnerId}/sessions/${session.id}/answers`;
    };
    const templates = [
      () => "/api/v1/agent_runners",
      () =>
        `/api/v1/agent_runners?site_id=${random.pick([...siteIds, "nope", ""])}&page=${random.pick(["1", "0", "-3", "x", "99999"])}&per_page=${random.pick(["5", "1000", "abc"])}&state=${random.pick(["done", "live", "bogus", ""])}&from=${random.pick(["0", "1e20", "NaN"])}`,
      () => `/api/v1/agent_runners/${segment()}`,
      () =>
        `/api/v1/agent_runners/${segment()}/${random.pick(["archive", "revert", "rebase", "diff", "pull_request", "commit", "sessions", "snapshot", "publish_to_production", segment()])}`,
      () =>
        `/api/v1/agent_runners/${segment()}/sessions/${segment()}/${random.pick(["redeploy", "answers", "diff/result", "diff/cumulative", "diff/upload_urls", segment()])}`,
      waitingPath,
      waitingPath,
      () => `/api/v1/sites/${segment()}/agent_runners`,
      () => `/__sim/${random.pick(["credits", "outcomes", "team", segment()])}`,
      () =>
        `/api/v1/${random.pick(["sites", "user", "accounts", "agent_runners/upload_url", "agent_runners/delete_url"])}`,
      () => `/api/v1/sites/${segment()}`,
      () => `/${segment()}/${segment()}`,
      () => `/api/v1/${segment()}?${segment()}=${segment()}`,
    ];
    const jsonValue = (depth: number): unknown =>
      depth > 2
        ? random.pick([null, 1, "s", true])
        : random.pick([
            null,
            random.pick(refIds),
            random.pick(["Email", "Netlify Forms", "Home", "Yes"]),
            random.int(-1e6, 1e6),
            random.pick(junk),
            random.chance(0.5),
            Array.from({ length: random.int(0, 3) }, () => jsonValue(depth + 1)),
            Object.fromEntries(
              Array.from({ length: random.int(0, 4) }, () => [
                random.pick([
                  "prompt",
                  "agent",
                  "model",
                  "effort",
                  "mode",
                  "file_keys",
                  "session_id",
                  "target_branch",
                  "title",
                  "site_id",
                  "account_id",
                  "filename",
                  "content_type",
                  "is_published",
                  "refId",
                  "response",
                  "skipped",
                  "instruction",
                  "deploy_id",
                  "team_limit",
                  "user_limit",
                  "max_active_runs",
                  "sessions",
                  "x",
                ]),
                jsonValue(depth + 1),
              ]),
            ),
          ]);
    const body = (): Buffer | undefined =>
      random.pick([
        () => undefined,
        () => Buffer.from(JSON.stringify(jsonValue(0))),
        () => Buffer.from("{not json"),
        () => Buffer.from(random.hex(random.int(0, 64)), "hex"),
        () => (random.chance(0.05) ? Buffer.alloc(2 * 1024 * 1024, 0x61) : Buffer.from("[]")),
      ])();

    for (let i = 0; i < 2_000; i++) {
      const method = random.pick(methods);
      const path = random.pick(templates)();
      const headers: Record<string, string> = {
        "content-type": random.pick(["application/json", "text/plain", "application/x-www-form-urlencoded"]),
      };
      const auth = random.pick(["fuzz-token", "wrong", "", "fuzz-token"]);
      if (auth) headers.authorization = `Bearer ${auth}`;
      const payload = method === "GET" || method === "HEAD" ? undefined : body();
      if (payload) headers["content-length"] = String(payload.length);
      const response = await send(simulator.origin, method, path, headers, payload).catch((error: Error) => {
        throw new Error(`${method} ${path} (${payload?.length ?? 0} bytes): ${error.message}`);
      });
      const context = `${method} ${path} → ${response.status} ${response.body.slice(0, 200)}`;
      expect(response.status, context).toBeGreaterThanOrEqual(200);
      expect(response.status, context).toBeLessThan(500);
      if (response.status >= 400 && method !== "HEAD") {
        expect(response.contentType, context).toContain("application/json");
        expect(typeof JSON.parse(response.body).error, context).toBe("string");
      }
    }

    const health = await send(simulator.origin, "GET", "/api/v1/user", {
      authorization: "Bearer fuzz-token",
    });
    expect(health.status).toBe(200);
  });
});
