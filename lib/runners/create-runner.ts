import "server-only";
import { eq } from "drizzle-orm";
import type { Database } from "@/db";
import { type Site, sites, type User } from "@/db/schema";
import { netlifyClientForUser } from "@/lib/auth/user-netlify-client";
import type { Env } from "@/lib/env";
import { ApiError } from "@/lib/http/api-error";
import type { NetlifyClient } from "@/lib/netlify/client";
import { refreshRunner } from "@/lib/sync/refresh-runner";
import { watchAfterWriteMs, watchSites } from "@/lib/sync/watch";
import type { CreateRunnerRequest } from "./create-runner-schemas";

/** A run just started, for the caller to cache once the answer is sent. */
export interface RunnerCreated {
  runnerId: string;
  siteId: string;
  createdByUserId: string;
  client: NetlifyClient;
}

/** A site on the board (connected), or the 404 that says it is not. */
export async function connectedSite(db: Database, siteId: string): Promise<Site> {
  const [site] = await db.select().from(sites).where(eq(sites.id, siteId));
  if (!site) throw new ApiError("NOT_FOUND", "This site is not on the board. Connect it in Settings first.");
  return site;
}

/**
 * Starts a run on a connected site as the signed-in person, with their own Netlify token, so the
 * run is theirs upstream and Netlify's permissions and AI credit limits apply to them. Netlify's
 * refusals (credits, plan, a 422 on the prompt) reach the error mapper as they are.
 */
export async function createRunnerAs(
  db: Database,
  env: Env,
  user: User,
  input: CreateRunnerRequest,
): Promise<RunnerCreated> {
  const site = await connectedSite(db, input.siteId);
  const client = await netlifyClientForUser(db, env, user.id);
  const runner = await client.runners.createOnSite({
    siteId: site.id,
    prompt: input.prompt,
    mode: input.mode,
    agent: input.agent,
    model: input.model,
    branch: input.branch,
    fileKeys: input.fileKeys?.length ? input.fileKeys : undefined,
  });
  return { runnerId: runner.id, siteId: site.id, createdByUserId: user.id, client };
}

/**
 * After the answer: the site is watched and the run read into the cache, so boards show it
 * within seconds (refreshRunner refuses an answer naming another site).
 */
export async function cacheCreatedRunner(db: Database, created: RunnerCreated): Promise<void> {
  await watchSites(db, [created.siteId], watchAfterWriteMs);
  await refreshRunner(db, created.client, {
    runnerId: created.runnerId,
    siteId: created.siteId,
    createdByUserId: created.createdByUserId,
  });
}
