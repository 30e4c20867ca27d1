import { HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { connection } from "next/server";
import { Board } from "@/components/board/board";
import { BoardEmptyState } from "@/components/board/board-empty-state";
import { ReconnectNotice } from "@/components/board/reconnect-notice";
import { requireUser } from "@/lib/auth/current-user";
import { database } from "@/lib/database";
import { prefetchBoard } from "@/lib/runners/prefetch-board";
import { countConnectedSites } from "@/lib/sites/count-connected-sites";

// The root segment does not apply its own title template, so the board spells its title out.
export const metadata: Metadata = { title: { absolute: "Board · Switchyard" } };

export default async function BoardPage({ searchParams }: PageProps<"/">) {
  await connection();
  const user = await requireUser();
  const { db } = await database();
  const archived = (await searchParams).archived === "true";
  const siteCount = await countConnectedSites(db);
  const prefetched = siteCount > 0 ? await prefetchBoard(user, archived) : undefined;
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
      {siteCount === 0 ? (
        <BoardEmptyState />
      ) : (
        <HydrationBoundary state={prefetched}>
          <Board />
        </HydrationBoundary>
      )}
    </div>
  );
}
