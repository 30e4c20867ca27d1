import type { CallOptions, NetlifyConfig } from "./config";
import { netlifyJson } from "./fetch";
import { type NetlifyRunnerSnapshot, netlifyRunnerSnapshotSchema } from "./snapshot-schema";
import { upstreamRequest } from "./upstream-request";

// Runner, sessions (oldest first) and deploys in one call; 404 as for the runner.
export async function getRunnerSnapshot(
  config: NetlifyConfig,
  id: string,
  options: CallOptions = {},
): Promise<NetlifyRunnerSnapshot> {
  const { method, path } = upstreamRequest("getRunnerSnapshot", { runner_id: id });
  return netlifyJson(config, path, { method, signal: options.signal }, netlifyRunnerSnapshotSchema);
}
