import type { Metadata } from "next";
import { connection } from "next/server";
import { BoardEmptyState } from "@/components/board/board-empty-state";
import { SiteSummaryList } from "@/components/board/site-summary-list";
import { database } from "@/db";
import { listSiteBoardSummaries } from "@/lib/sites/board-summary";

// The root segment does not apply its own title template, so the board spells its title out.
export const metadata: Metadata = { title: { absolute: "Board · Switchyard" } };

export default async function BoardPage() {
  await connection();
  const { db } = await database();
  const sites = await listSiteBoardSummaries(db);
  return (
    <div className="flex flex-col gap-6">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight">Board</h1>
        <p className="text-sm text-ink-muted">Agent runners of your connected Netlify sites, by state.</p>
      </header>
      {sites.length === 0 ? <BoardEmptyState /> : <SiteSummaryList sites={sites} />}
    </div>
  );
}
