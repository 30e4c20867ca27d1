import "server-only";
import type { Env } from "@/lib/env";
import { createNetlifyClient, type NetlifyClient, netlifyConfigFor } from "@/lib/netlify/client";
import { CliError } from "./cli-error";
import { readDemoHandoff } from "./demo-handoff";

/**
 * The Netlify client the CLI acts with: the service token (`NETLIFY_TOKEN`) in live mode, the
 * running demo's simulated account in demo mode.
 */
export function serviceNetlifyClient(env: Env): NetlifyClient {
  if (env.mode === "demo") {
    const demo = readDemoHandoff(env.dataDir);
    if (!demo)
      throw new CliError(
        "demo mode acts on the running demo's Netlify simulator; start it with `npm run dev` (same DATA_DIR) and try again",
      );
    return createNetlifyClient({
      baseUrl: demo.apiUrl,
      token: demo.token,
      timeoutMs: env.netlifyApiTimeoutMs,
    });
  }
  if (!env.netlifyToken)
    throw new CliError(
      "set NETLIFY_TOKEN: keys minted and sites connected from the CLI act with the service token",
    );
  return createNetlifyClient(netlifyConfigFor(env, env.netlifyToken));
}
