import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { Metadata } from "next";
import { connection } from "next/server";
import { Board } from "@/components/board/board";
import { BoardEmptyState } from "@/components/board/board-empty-state";
import { ReconnectNotice } from "@/components/board/reconnect-notice";
import { requireUser } from "@/lib/auth/current-user";
import { database } from "@/lib/database";
import { boardQueryOptions, toBoardData } from "@/lib/queries/board";
import { loadBoard } from "@/lib/runners/board-view";
import { countConnectedSites } from "@/lib/sites/count-connected-sites";

// The root segment does not apply its own title template, so the board spells its title out.
export const metadata: Metadata = { title: { absolute: "Board · Switchyard" } };

export default async function BoardPage({ searchParams }: PageProps<"/">) {
  await connection();
  const user = await requireUser();
  const { db } = await database();
  const archived = (await searchParams).archived === "true";
  const siteCount = await countConnectedSites(db);
  // The board is read here and handed to the browser's query cache, so it renders at once and
  // is then kept live there.
  const queryClient = new QueryClient();
  if (siteCount > 0)
    await queryClient.prefetchQuery({
      ...boardQueryOptions(archived),
      queryFn: async () => toBoardData(await loadBoard(db, user, { includeArchived: archived })),
    });
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
        <HydrationBoundary state={dehydrate(queryClient)}>
          <Board />
        </HydrationBoundary>
      )}
    </div>
  );
}
