import { asc, gt, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { queryRows } from "@/db/query-rows";
import { runnerRemovals, runners } from "@/db/schema";
import { toBoardCard, visibleCardRows } from "./board-cards";
import type { BoardChangesOutput } from "./board-schemas";

/** The most one answer carries; a cold sync of a large site arrives in several. */
const maxChangesPerAnswer = 500;

/**
 * The highest board change number so far, over runners written and runners removed: what open
 * boards compare with to know something changed. One index-only `max` per table.
 */
export async function boardCursor(db: Database): Promise<number> {
  const [row] = await queryRows<{ cursor: string }>(
    db,
    sql`select greatest(
      (select max(${runners.changeSeq}) from ${runners}),
      (select max(${runnerRemovals.changeSeq}) from ${runnerRemovals}),
      0)::text as cursor`,
  );
  return Number(row?.cursor ?? 0);
}

/**
 * What changed on the board after change number `since`: cards written since (as the board
 * shows them, on the sites the board shows; archived ones too, which the board hides unless it
 * shows the archive) and the ids of cards to drop. Removals are not filtered by
 * site: a removed runner is on nobody's board any more (its site may be gone too), and its id
 * is all that is sent. Long backlogs come in answers
 * of at most `maxChangesPerAnswer` per table, the cursor stopping where the shorter one ends.
 */
export async function boardChangesSince(
  db: Database,
  since: number,
  limit = maxChangesPerAnswer,
): Promise<BoardChangesOutput> {
  const [written, removals] = await Promise.all([
    visibleCardRows(db).where(gt(runners.changeSeq, since)).orderBy(asc(runners.changeSeq)).limit(limit),
    db
      .select({ id: runnerRemovals.runnerId, changeSeq: runnerRemovals.changeSeq })
      .from(runnerRemovals)
      .where(gt(runnerRemovals.changeSeq, since))
      .orderBy(asc(runnerRemovals.changeSeq))
      .limit(limit),
  ]);
  const fullUpTo = (rows: { changeSeq: number }[]) =>
    rows.length === limit ? (rows.at(-1)?.changeSeq ?? Infinity) : Infinity;
  const bound = Math.min(fullUpTo(written), fullUpTo(removals));
  const kept = written.filter((row) => row.changeSeq <= bound);
  const dropped = removals.filter((row) => row.changeSeq <= bound);
  const cursor = Number.isFinite(bound)
    ? bound
    : Math.max(since, ...kept.map((row) => row.changeSeq), ...dropped.map((row) => row.changeSeq));
  return {
    cursor,
    runners: kept.map(toBoardCard),
    removed: dropped.map((row) => row.id),
    more: Number.isFinite(bound),
  };
}
