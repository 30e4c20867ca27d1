import "server-only";
import type { Database } from "@/db";
import type { Env } from "@/lib/env";
import { createNetlifyClient } from "@/lib/netlify/client";
import { type NetlifySimulator, startSimulator } from "@/lib/netlify-sim/server";
import { connectSite } from "@/lib/sites/connect-site";

export interface DemoUpstream {
  apiUrl: string;
  token: string;
  simulator: NetlifySimulator;
  stop(): Promise<void>;
}

/**
 * Demo mode's Netlify: the simulator, seeded with a demo account whose sites are connected to
 * the board, and whose simulated team keeps starting runs, asking questions and opening pull
 * requests, so the board never goes quiet. It keeps no sync loop of its own: the cache follows
 * through the same engine as in live mode (the cron route, which the launcher calls as a
 * scheduler would, and the active refresh that open boards drive).
 */
export async function startDemoUpstream(
  config: Env,
  db: Database,
  options: { speed?: number; team?: boolean } = {},
): Promise<DemoUpstream> {
  const simulator = await startSimulator({
    seed: "demo",
    speed: options.speed ?? 1,
    team: options.team ?? true,
  });
  const client = createNetlifyClient({
    baseUrl: simulator.apiUrl,
    token: simulator.token,
    timeoutMs: config.netlifyApiTimeoutMs,
  });
  for (const site of await client.sites.listAll()) await connectSite(db, client, site.id, null);

  return {
    apiUrl: simulator.apiUrl,
    token: simulator.token,
    simulator,
    stop: () => simulator.stop(),
  };
}
