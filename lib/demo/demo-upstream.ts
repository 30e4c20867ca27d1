import "server-only";
import type { Database } from "@/db";
import type { Env } from "@/lib/env";
import { createNetlifyClient } from "@/lib/netlify/client";
import { type NetlifySimulator, startSimulator } from "@/lib/netlify-sim/server";
import { connectSite } from "@/lib/sites/connect-site";
import { syncSiteRunners } from "@/lib/sync/sync-site-runners";

const REFRESH_INTERVAL_MS = 3_000;

export interface DemoUpstream {
  apiUrl: string;
  token: string;
  simulator: NetlifySimulator;
  /** Syncs every demo site now (the timer does the same every few seconds). */
  refresh(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Demo mode's Netlify: the simulator, seeded with a demo account whose sites are connected to
 * the board and refreshed every few seconds, and whose simulated team keeps starting runs,
 * asking questions and opening pull requests, so the board never goes quiet.
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
  const demoSites = await client.sites.listAll();
  for (const site of demoSites) await connectSite(db, client, site.id, null);

  let refreshing: Promise<void> | undefined;
  const refresh = async () => {
    for (const site of demoSites) await syncSiteRunners(db, client, site.id);
  };
  await refresh();
  const timer = setInterval(() => {
    // One refresh at a time; a slow one simply delays the next.
    refreshing ??= refresh()
      .catch((error: unknown) => console.error(`demo refresh failed: ${(error as Error).message}`))
      .finally(() => {
        refreshing = undefined;
      });
  }, REFRESH_INTERVAL_MS);
  timer.unref();

  return {
    apiUrl: simulator.apiUrl,
    token: simulator.token,
    simulator,
    refresh,
    async stop() {
      clearInterval(timer);
      await refreshing;
      await simulator.stop();
    },
  };
}
