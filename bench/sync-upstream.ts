import type { NetlifyClient } from "@/lib/netlify/client";
import type { LoggedRequest } from "@/lib/netlify-sim/request-log";

/** The API calls that reached the simulator in one measured stretch, by kind. */
export interface UpstreamCalls {
  total: number;
  runnerLists: number;
  sessionLists: number;
  runnerGets: number;
  other: number;
  /** Answers that were not 2xx. */
  failed: number;
  /** The runners whose session lists were read, once each however often. */
  sessionRunners: Set<string>;
}

export const noUpstreamCalls = (): UpstreamCalls => ({
  total: 0,
  runnerLists: 0,
  sessionLists: 0,
  runnerGets: 0,
  other: 0,
  failed: 0,
  sessionRunners: new Set(),
});

/** The simulator's controls, over HTTP: it runs in a process of its own. */
export function simulatorControls(origin: string) {
  async function control(method: string, path: string, body?: unknown): Promise<unknown> {
    const response = await fetch(`${origin}${path}`, {
      method,
      headers: { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}`);
    return response.status === 204 ? undefined : response.json();
  }
  return {
    control,
    /**
     * Adds the API calls logged since the last take to `calls`, and empties the log. The log
     * keeps its last 10,000 entries, fewer than a cold pass over 10,000 runners makes: take
     * after each site.
     */
    async takeCalls(calls: UpstreamCalls): Promise<void> {
      const logged = (await control("GET", "/__sim/requests")) as LoggedRequest[];
      await control("DELETE", "/__sim/requests");
      for (const entry of logged) count(calls, entry);
    },
  };
}

function count(calls: UpstreamCalls, entry: LoggedRequest): void {
  if (!entry.path.startsWith("/api/v1/")) return;
  calls.total++;
  if (entry.status >= 300) calls.failed++;
  const sessions = /^\/api\/v1\/agent_runners\/([^/]+)\/sessions$/.exec(entry.path);
  if (entry.method !== "GET") calls.other++;
  else if (entry.path === "/api/v1/agent_runners") calls.runnerLists++;
  else if (sessions?.[1]) {
    calls.sessionLists++;
    calls.sessionRunners.add(sessions[1]);
  } else if (/^\/api\/v1\/agent_runners\/[^/]+$/.test(entry.path)) calls.runnerGets++;
  else calls.other++;
}

/**
 * Changes `count` runners spread evenly over the sites and their pages, through the API as a
 * person would: a third get a new state, a third a new title, a third a follow-up (a new
 * session, which also moves the runner to the top of its list). Answers the ids changed.
 */
export async function changeRunners(
  controls: ReturnType<typeof simulatorControls>,
  client: NetlifyClient,
  siteIds: string[],
  count: number,
): Promise<string[]> {
  const all = (await Promise.all(siteIds.map((siteId) => client.runners.listAll({ siteId })))).flat();
  const step = Math.max(1, Math.floor(all.length / count));
  const picked = all.filter((_, index) => index % step === 0).slice(0, count);
  for (const [index, runner] of picked.entries()) {
    if (index % 3 === 0)
      await controls.control("POST", `/__sim/runners/${runner.id}/state`, { state: "error" });
    else if (index % 3 === 1)
      await client.runners.update(runner.id, { title: `${runner.title ?? "Runner"} (renamed)` });
    else await client.sessions.create(runner.id, { prompt: "Tighten the spacing on mobile" });
  }
  return picked.map((runner) => runner.id);
}
