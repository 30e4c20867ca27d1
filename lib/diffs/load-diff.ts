import "server-only";
import { eq } from "drizzle-orm";
import type { Database } from "@/db";
import { runners, sites, type User } from "@/db/schema";
import { netlifyClientForUser } from "@/lib/auth/user-netlify-client";
import type { Env } from "@/lib/env";
import { ApiError } from "@/lib/http/api-error";
import type { DiffSource } from "@/lib/netlify/diff-pages";
import { NetlifyApiError } from "@/lib/netlify/errors";
import type { DiffPage, DiffQuery } from "./diff-schemas";
import { parseDiffFiles } from "./parse-diff-files";

/*
 * Diffs are read from Netlify as the signed-in person (they are not cached: a cumulative diff can
 * be tens of megabytes), for runs on the board only.
 */

const sourceOf = (query: Pick<DiffQuery, "session" | "kind">): DiffSource =>
  query.session ? { kind: query.kind, sessionId: query.session } : { kind: "runner" };

async function clientForRun(db: Database, env: Env, user: Pick<User, "id">, runnerId: string) {
  // On the board means on a connected site, as for the run's page (`visibleCardRows`).
  const [runner] = await db
    .select({ id: runners.id })
    .from(runners)
    .innerJoin(sites, eq(sites.id, runners.siteId))
    .where(eq(runners.id, runnerId));
  if (!runner) throw new ApiError("NOT_FOUND", "This run is not on the board.");
  return netlifyClientForUser(db, env, user.id);
}

/** One page of a diff, parsed; a run or session without a diff is an empty last page. */
export async function loadDiffPage(
  db: Database,
  env: Env,
  user: Pick<User, "id">,
  runnerId: string,
  query: DiffQuery,
): Promise<DiffPage> {
  const client = await clientForRun(db, env, user, runnerId);
  const empty = { files: [], page: query.page, perPage: query.perPage, totalFiles: 0, hasMore: false };
  try {
    const answer = await client.diffs.page(runnerId, sourceOf(query), {
      page: query.page,
      perPage: query.perPage,
    });
    const files = parseDiffFiles(answer.text);
    const seen = (query.page - 1) * query.perPage + files.length;
    const hasMore = answer.totalFiles === null ? files.length === query.perPage : seen < answer.totalFiles;
    return { files, page: query.page, perPage: query.perPage, totalFiles: answer.totalFiles, hasMore };
  } catch (error) {
    if (error instanceof NetlifyApiError && error.status === 404) return empty;
    throw error;
  }
}

/** The whole diff as Netlify sends it, streamed through for "Download .diff". */
export async function streamWholeDiff(
  db: Database,
  env: Env,
  user: Pick<User, "id">,
  runnerId: string,
  query: Pick<DiffQuery, "session" | "kind">,
): Promise<ReadableStream<Uint8Array>> {
  const client = await clientForRun(db, env, user, runnerId);
  try {
    return await client.diffs.stream(runnerId, sourceOf(query));
  } catch (error) {
    if (error instanceof NetlifyApiError && error.status === 404)
      throw new ApiError("NOT_FOUND", "There is no diff for this choice.");
    throw error;
  }
}
