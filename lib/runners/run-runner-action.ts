import "server-only";
import { eq } from "drizzle-orm";
import type { Database } from "@/db";
import { runners, type User } from "@/db/schema";
import { netlifyClientForUser } from "@/lib/auth/user-netlify-client";
import type { Env } from "@/lib/env";
import { ApiError } from "@/lib/http/api-error";
import type { NetlifyClient } from "@/lib/netlify/client";
import { NetlifyApiError } from "@/lib/netlify/errors";
import { refreshRunner } from "@/lib/sync/refresh-runner";
import { watchAfterWriteMs, watchSites } from "@/lib/sync/watch";
import { boardAbilities } from "./board-view";
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
  if (action.action === "create_pr" && !boardAbilities(user).deploy)
    throw new ApiError("FORBIDDEN", "Opening a pull request needs deploy rights, which you do not have.");
  const [runner] = await db.select({ siteId: runners.siteId }).from(runners).where(eq(runners.id, runnerId));
  if (!runner) throw new ApiError("NOT_FOUND", "This run is not on the board.");
  const client = await netlifyClientForUser(db, env, user.id);
  try {
    await callNetlify(client, runnerId, action);
  } catch (error) {
    throw refusalInPlainWords(error, action) ?? error;
  }
  return { runnerId, siteId: runner.siteId, client };
}

async function callNetlify(client: NetlifyClient, runnerId: string, action: RunnerAction): Promise<void> {
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
  }
}

/** A refusal that means something particular for this action; others keep the general sentence. */
function refusalInPlainWords(error: unknown, action: RunnerAction): ApiError | undefined {
  if (!(error instanceof NetlifyApiError)) return undefined;
  if (action.action === "create_pr" && error.status === 403)
    return new ApiError(
      "FORBIDDEN",
      "Netlify refused: you do not have permission to deploy this site, so a pull request cannot be opened.",
    );
  if ((action.action === "answer" || action.action === "skip") && error.status === 422)
    return new ApiError("CONFLICT", "This question was already answered or skipped.");
  return undefined;
}

/** After the answer: the run is read back into the cache, and its site watched, so boards follow. */
export async function refreshAfterAction(db: Database, done: RunnerActionDone): Promise<void> {
  await watchSites(db, [done.siteId], watchAfterWriteMs);
  await refreshRunner(db, done.client, { runnerId: done.runnerId, siteId: done.siteId });
}
