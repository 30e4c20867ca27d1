import { sql } from "drizzle-orm";
import { bigint, index, pgSequence, pgTable, text } from "drizzle-orm/pg-core";
import { timestamptz } from "./columns";

/**
 * One counter for every change the board can see: each runner row written with new content, and
 * each runner removed, takes the next value. A browser that saw value N asks for what is newer
 * than N; every instance shares the counter, so live updates work across instances.
 */
export const boardChangeSeq = pgSequence("board_change_seq");

export const nextBoardChange = () => sql`nextval('board_change_seq')`;

/**
 * Runners that left the cache (gone upstream, or their site disconnected), so an open board
 * removes their cards. Kept for a day: a board away longer reloads whole.
 */
export const runnerRemovals = pgTable(
  "runner_removals",
  {
    runnerId: text("runner_id").primaryKey(),
    siteId: text("site_id").notNull(),
    changeSeq: bigint("change_seq", { mode: "number" }).notNull().default(nextBoardChange()),
    removedAt: timestamptz("removed_at").notNull().defaultNow(),
  },
  (table) => [
    /** Live updates: removals newer than what a board has seen. */
    index("runner_removals_change_seq_idx").on(table.changeSeq),
  ],
);
