import "server-only";
import type { Env } from "@/lib/env";
import { listAccounts } from "./accounts";
import { getDeleteUrl, getUploadUrl } from "./attachments";
import type { NetlifyConfig } from "./config";
import { getDiffPage, streamDiff } from "./diff-pages";
import {
  commitRunner,
  createPullRequest,
  getRunnerDiff,
  publishRunnerToProduction,
  rebaseRunner,
  revertRunner,
  streamRunnerDiff,
} from "./runner-actions";
import { getRunnerSnapshot } from "./runner-snapshot";
import {
  archiveRunner,
  createRunner,
  createRunnerOnSite,
  getRunner,
  listAllRunners,
  listRunners,
  stopRunner,
  updateRunner,
} from "./runners";
import { answerSession } from "./session-answers";
import {
  getSessionCumulativeDiff,
  getSessionDiffUploadUrls,
  getSessionResultDiff,
  streamSessionDiff,
} from "./session-diffs";
import {
  createSession,
  getSession,
  listAllSessions,
  listSessions,
  redeploySession,
  stopSession,
  updateSession,
} from "./sessions";
import { getSite, listAllSites, listSites } from "./sites";
import { getCurrentUser } from "./user";

type Endpoint = (config: NetlifyConfig, ...args: never[]) => unknown;
type Bound<M extends Record<string, Endpoint>> = {
  [K in keyof M]: M[K] extends (config: NetlifyConfig, ...args: infer A) => infer R
    ? (...args: A) => R
    : never;
};

function bindConfig<M extends Record<string, Endpoint>>(config: NetlifyConfig, endpoints: M): Bound<M> {
  const bound: Record<string, (...args: never[]) => unknown> = {};
  for (const [name, endpoint] of Object.entries(endpoints)) {
    bound[name] = (...args: never[]) => endpoint(config, ...args);
  }
  // Object.entries loses the per-key signatures; Bound<M> restores exactly what was bound above.
  return bound as Bound<M>;
}

/** The Netlify API with one token and base URL bound in: `client.runners.get(id)`. */
export function createNetlifyClient(config: NetlifyConfig) {
  // A copy, so a caller mutating its object later cannot redirect an existing client.
  const fixed: NetlifyConfig = { ...config };
  return {
    runners: bindConfig(fixed, {
      list: listRunners,
      listAll: listAllRunners,
      get: getRunner,
      snapshot: getRunnerSnapshot,
      create: createRunner,
      createOnSite: createRunnerOnSite,
      update: updateRunner,
      stop: stopRunner,
      archive: archiveRunner,
      revert: revertRunner,
      rebase: rebaseRunner,
      createPullRequest,
      commit: commitRunner,
      publishToProduction: publishRunnerToProduction,
      diff: getRunnerDiff,
      diffStream: streamRunnerDiff,
    }),
    sessions: bindConfig(fixed, {
      list: listSessions,
      listAll: listAllSessions,
      get: getSession,
      create: createSession,
      update: updateSession,
      stop: stopSession,
      redeploy: redeploySession,
      answer: answerSession,
      resultDiff: getSessionResultDiff,
      cumulativeDiff: getSessionCumulativeDiff,
      diffStream: streamSessionDiff,
      diffUploadUrls: getSessionDiffUploadUrls,
    }),
    diffs: bindConfig(fixed, { page: getDiffPage, stream: streamDiff }),
    attachments: bindConfig(fixed, { uploadUrl: getUploadUrl, deleteUrl: getDeleteUrl }),
    sites: bindConfig(fixed, { list: listSites, listAll: listAllSites, get: getSite }),
    user: bindConfig(fixed, { current: getCurrentUser }),
    accounts: bindConfig(fixed, { list: listAccounts }),
  };
}

export type NetlifyClient = ReturnType<typeof createNetlifyClient>;

/** The config for one token against the configured upstream (Netlify, or the simulator in demo mode). */
export function netlifyConfigFor(
  env: Pick<Env, "netlifyApiUrl" | "netlifyApiTimeoutMs">,
  token: string,
): NetlifyConfig {
  return { baseUrl: env.netlifyApiUrl, token, timeoutMs: env.netlifyApiTimeoutMs };
}
