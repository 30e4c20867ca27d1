import type { Metadata } from "next";
import { connection } from "next/server";
import { BoardEmptyState } from "@/components/board/board-empty-state";
import { LiveBoard } from "@/components/board/live-board";
import { ReconnectNotice } from "@/components/board/reconnect-notice";
import { requireUser } from "@/lib/auth/current-user";
import { database } from "@/lib/database";
import { listBoardCards } from "@/lib/runners/board-cards";
import { boardCursor } from "@/lib/runners/board-changes";
import { countConnectedSites } from "@/lib/sites/count-connected-sites";

// The root segment does not apply its own title template, so the board spells its title out.
export const metadata: Metadata = { title: { absolute: "Board · Switchyard" } };

export default async function BoardPage() {
  await connection();
  await requireUser();
  const { db } = await database();
  // The cursor is read before the cards: a change landing in between is fetched again, not missed.
  const cursor = await boardCursor(db);
  const [siteCount, cards] = await Promise.all([countConnectedSites(db), listBoardCards(db)]);
  return (
    <div className="flex flex-col gap-6">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight">Board</h1>
        <p className="text-sm text-ink-muted">
          {siteCount === 0
            ? "Agent runners of your connected Netlify sites, by state."
            : `Agent runners of ${siteCount} connected site${siteCount === 1 ? "" : "s"}, by state.`}
        </p>
      </header>
      <ReconnectNotice />
      {siteCount === 0 ? <BoardEmptyState /> : <LiveBoard seed={{ cards, cursor }} />}
    </div>
  );
}
