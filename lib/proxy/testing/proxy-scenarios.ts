import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { expect } from "vitest";
import type { ApiKeyScope } from "@/db/schema";
import { sites } from "@/db/schema";
import { netlifyRunnerSchema } from "@/lib/netlify/schemas";
import type { FaultPlan } from "@/lib/netlify-sim/faults";
import { cacheRunner } from "@/lib/sync/refresh-runner";
import { type ProxyFixture, simToken } from "./proxy-fixture";

/*
 * The situations the proxy's tests set up upstream, made directly on the simulator (never through
 * the proxy, so the proxy's cache knows nothing of them unless a test says so).
 */

/** A session queues and works at most this long in the simulator (frozen clock: time moves only when told). */
const sessionMaxMs = 160_000;

/** The token of the simulator's second account, made by `addForeignSite`. */
export const foreignToken = "other";

export interface UpstreamRunner {
  id: string;
  sessionId: string;
  siteId: string;
  title: string;
}

/** A request straight to the simulator's API as `token`, bypassing the proxy. */
export async function upstream(
  fixture: ProxyFixture,
  method: string,
  path: string,
  body?: unknown,
  token = simToken,
): Promise<unknown> {
  const response = await fetch(`${fixture.simulator.apiUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status} upstream`);
  const text = await response.text();
  return text ? JSON.parse(text) : undefined;
}

/** A runner on `siteId` whose first session has finished `done` (so it has a diff and takes follow-ups). */
export async function finishedRunner(
  fixture: ProxyFixture,
  siteId: string,
  token = simToken,
): Promise<UpstreamRunner> {
  await fixture.control("/__sim/outcomes", "POST", { sessions: ["done"] });
  const runner = (await upstream(
    fixture,
    "POST",
    `/agent_runners?site_id=${siteId}`,
    { prompt: "Add a contact form to the homepage" },
    token,
  )) as { id: string };
  await fixture.control("/__sim/clock", "POST", { advance_ms: sessionMaxMs });
  return describeRunner(fixture, runner.id, token);
}

/** A runner on `siteId` whose session is still running (a follow-up now is a 409). */
export async function runningRunner(fixture: ProxyFixture, siteId: string): Promise<UpstreamRunner> {
  const runner = (await upstream(fixture, "POST", `/agent_runners?site_id=${siteId}`, {
    prompt: "Add a dark mode toggle",
  })) as { id: string };
  return describeRunner(fixture, runner.id);
}

async function describeRunner(fixture: ProxyFixture, id: string, token = simToken): Promise<UpstreamRunner> {
  const runner = (await upstream(fixture, "GET", `/agent_runners/${id}`, undefined, token)) as {
    site_id: string;
    title: string;
  };
  const sessions = (await upstream(
    fixture,
    "GET",
    `/agent_runners/${id}/sessions`,
    undefined,
    token,
  )) as Array<{
    id: string;
  }>;
  const sessionId = sessions[0]?.id;
  if (!sessionId) throw new Error(`runner ${id} has no session`);
  return { id, sessionId, siteId: runner.site_id, title: runner.title };
}

/**
 * Puts an upstream runner into the proxy's cache as a sync would, with its site's row (a site of
 * another account is on the board when someone there connected it).
 */
export async function cacheUpstreamRunner(fixture: ProxyFixture, runner: UpstreamRunner, token = simToken) {
  const wire = await upstream(fixture, "GET", `/agent_runners/${runner.id}`, undefined, token);
  await fixture.db
    .insert(sites)
    .values({ id: runner.siteId, name: `site ${runner.siteId}` })
    .onConflictDoNothing();
  await cacheRunner(fixture.db, netlifyRunnerSchema.parse(wire), runner.siteId);
}

export function setFaults(fixture: ProxyFixture, plans: FaultPlan | FaultPlan[]): Promise<unknown> {
  return fixture.control("/__sim/faults", "PUT", plans);
}

export function clearFaults(fixture: ProxyFixture): Promise<unknown> {
  return fixture.control("/__sim/faults", "DELETE");
}

/** Asserts an error answer's status and stable code; answers its body. */
export async function expectError(response: Response, status: number, code: string) {
  const body = (await response.json()) as { error: string; code: string; error_code?: string };
  expect({ status: response.status, code: body.code }).toEqual({ status, code });
  expect(body.error).toEqual(expect.any(String));
  return body;
}

/** Keys holding each of the seven non-empty scope sets, minted once. */
export const scopeSets: ApiKeyScope[][] = [
  ["agent_runners:read"],
  ["agent_runners:write"],
  ["agent_runners:deploy"],
  ["agent_runners:read", "agent_runners:write"],
  ["agent_runners:read", "agent_runners:deploy"],
  ["agent_runners:write", "agent_runners:deploy"],
  ["agent_runners:read", "agent_runners:write", "agent_runners:deploy"],
];

/** A second server standing for any host a request must never reach (a redirect target, `//evil`). */
export async function startCanary(): Promise<{ url: string; hits(): number; close(): Promise<void> }> {
  let hits = 0;
  const server = createServer((request, response) => {
    hits++;
    request.resume();
    response.end("canary");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hits: () => hits,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Rate-limit counters are fixed one-minute windows: a burst that straddles a minute starts over
 * halfway. Waits for the next minute when less than `needMs` of this one is left.
 */
export async function roomInWindow(needMs: number): Promise<void> {
  const left = 60_000 - (Date.now() % 60_000);
  if (left < needMs) await new Promise((resolve) => setTimeout(resolve, left + 50));
}
