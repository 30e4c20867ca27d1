import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db";
import { runners, sessions, type User } from "@/db/schema";
import { netlifyRunUrl } from "./board";
import { toBoardCard, visibleCardRows } from "./board-cards";
import { boardAbilities } from "./board-view";
import { runnerAbilities, sessionAbilities } from "./runner-abilities";
import type { RunnerDetail, RunnerDetailOutput } from "./runner-detail-schemas";
import { toSessionFacts } from "./session-view";

/** Runner fields without a column of their own, read leniently from the stored upstream payload. */
const runnerExtrasSchema = z.object({
  merge_commit_error: z.string().nullish().catch(null),
  merge_commit_is_being_created: z.boolean().nullish().catch(false),
  rebase_available: z.boolean().nullish().catch(false),
  latest_session_is_published: z.boolean().nullish().catch(false),
});

/**
 * One run for its page, from the cache: the card's fields and more, every session (discarded
 * ones too, greyed on the page), and what the person may do with it. Undefined when the run is
 * not on the board (unknown, or its site is not connected).
 */
export async function loadRunnerDetail(
  db: Database,
  user: Pick<User, "role" | "diffLayout">,
  runnerId: string,
): Promise<RunnerDetailOutput | undefined> {
  const [[row], [extra], sessionRows] = await Promise.all([
    visibleCardRows(db).where(eq(runners.id, runnerId)),
    db
      .select({
        prBranch: runners.prBranch,
        mergeCommitSha: runners.mergeCommitSha,
        upstream: runners.upstream,
      })
      .from(runners)
      .where(eq(runners.id, runnerId)),
    db
      .select()
      .from(sessions)
      .where(eq(sessions.runnerId, runnerId))
      .orderBy(asc(sessions.upstreamCreatedAt)),
  ]);
  if (!row || !extra) return undefined;
  const extras = runnerExtrasSchema.parse(extra.upstream ?? {});
  const card = toBoardCard(row);
  const runner: RunnerDetail = {
    ...card,
    prBranch: extra.prBranch,
    mergeCommitSha: extra.mergeCommitSha,
    mergeCommitError: extras.merge_commit_error ?? null,
    mergeCommitIsBeingCreated: extras.merge_commit_is_being_created ?? false,
    rebaseAvailable: extras.rebase_available ?? false,
    isPublished: extras.latest_session_is_published ?? false,
    netlifyUrl: netlifyRunUrl(card),
  };
  const viewer = boardAbilities(user);
  const facts = sessionRows.map(toSessionFacts);
  return {
    runner,
    sessions: facts.map((session, index) => ({
      ...session,
      abilities: sessionAbilities(runner, facts, index, viewer),
    })),
    abilities: runnerAbilities(runner, facts, viewer),
    diffLayout: user.diffLayout,
  };
}
