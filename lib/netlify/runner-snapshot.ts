import type { CallOptions, NetlifyConfig } from "./config";
import { netlifyJson } from "./fetch";
import { runnerPath } from "./runners";
import { type NetlifyRunnerSnapshot, netlifyRunnerSnapshotSchema } from "./snapshot-schema";

// GET /agent_runners/{id}/snapshot — runner, sessions (oldest first) and deploys in one call; 404 as for the runner.
export function getRunnerSnapshot(
  config: NetlifyConfig,
  id: string,
  options: CallOptions = {},
): Promise<NetlifyRunnerSnapshot> {
  return netlifyJson(
    config,
    `${runnerPath(id)}/snapshot`,
    { signal: options.signal },
    netlifyRunnerSnapshotSchema,
  );
}
