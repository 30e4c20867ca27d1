import "server-only";
import { eq } from "drizzle-orm";
import type { Database } from "@/db";
import { runners, type User } from "@/db/schema";
import { netlifyClientForUser } from "@/lib/auth/user-netlify-client";
import type { Env } from "@/lib/env";
import { ApiError } from "@/lib/http/api-error";
import type { NetlifyClient } from "@/lib/netlify/client";
import { refreshRunner } from "@/lib/sync/refresh-runner";
import { watchAfterWriteMs, watchSites } from "@/lib/sync/watch";
import { refusalInPlainWords } from "./action-refusals";
import { boardAbilities } from "./board-view";
import { roleRefusal } from "./runner-abilities";
import type { RunnerAction } from "./runner-action-schemas";

/** What ran, for the caller to refresh the cache with once the answer is sent. */
export interface RunnerActionDone {
  runnerId: string;
  siteId: string;
  client: NetlifyClient;
}

/**
 * Carries out one action on a run as the signed-in person, with their own Netlify token, so
 * Netlify's own permissions apply too. The run must be on the board (a connected site).
 */
export async function runRunnerAction(
  db: Database,
  env: Env,
  user: User,
  runnerId: string,
  action: RunnerAction,
): Promise<RunnerActionDone> {
  const refused = roleRefusal(action.action, boardAbilities(user));
  if (refused) throw new ApiError("FORBIDDEN", refused.reason);
  const [runner] = await db
    .select({ siteId: runners.siteId, prBranch: runners.prBranch })
    .from(runners)
    .where(eq(runners.id, runnerId));
  if (!runner) throw new ApiError("NOT_FOUND", "This run is not on the board.");
  if (action.action === "commit" && !runner.prBranch)
    throw new ApiError(
      "CONFLICT",
      "The run has no pull request branch to commit to; open a pull request first.",
    );
  const client = await netlifyClientForUser(db, env, user.id);
  try {
    await callNetlify(client, runnerId, action, runner.prBranch);
  } catch (error) {
    throw refusalInPlainWords(error, action) ?? error;
  }
  return { runnerId, siteId: runner.siteId, client };
}

async function callNetlify(
  client: NetlifyClient,
  runnerId: string,
  action: RunnerAction,
  prBranch: string | null,
): Promise<void> {
  switch (action.action) {
    case "stop":
      return client.runners.stop(runnerId);
    case "archive":
      return client.runners.archive(runnerId);
    case "create_pr":
      await client.runners.createPullRequest(runnerId);
      return;
    case "follow_up":
      await client.sessions.create(runnerId, {
        prompt: action.prompt,
        agent: action.agent,
        model: action.model,
        mode: action.mode,
        fileKeys: action.fileKeys,
      });
      return;
    case "answer":
      await client.sessions.answer(runnerId, action.sessionId, {
        refId: action.refId,
        response: action.response,
      });
      return;
    case "skip":
      await client.sessions.answer(runnerId, action.sessionId, {
        refId: action.refId,
        skipped: true,
        instruction: action.instruction,
      });
      return;
    case "rename":
      await client.runners.update(runnerId, { title: action.title });
      return;
    case "commit":
      await client.runners.commit(runnerId, prBranch ?? "");
      return;
    case "redeploy":
      await client.sessions.redeploy(runnerId, action.sessionId);
      return;
    case "revert":
      await client.runners.revert(runnerId, action.sessionId);
      return;
    case "rebase":
      await client.runners.rebase(runnerId);
      return;
  }
}

/** After the answer: the run is read back into the cache, and its site watched, so boards follow. */
export async function refreshAfterAction(db: Database, done: RunnerActionDone): Promise<void> {
  await watchSites(db, [done.siteId], watchAfterWriteMs);
  await refreshRunner(db, done.client, { runnerId: done.runnerId, siteId: done.siteId });
}
