import { count, eq } from "drizzle-orm";
import type { Database } from "@/db";
import { type RunnerState, runners, sites } from "@/db/schema";

export interface SiteBoardSummary {
  id: string;
  name: string;
  url: string | null;
  runnersByState: Partial<Record<RunnerState, number>>;
}

/** Connected sites with how many cached runners each has per state, alphabetically. */
export async function listSiteBoardSummaries(db: Database): Promise<SiteBoardSummary[]> {
  const siteRows = await db
    .select({ id: sites.id, name: sites.name, url: sites.url })
    .from(sites)
    .orderBy(sites.name);
  const countRows = await db
    .select({ siteId: runners.siteId, state: runners.state, runnerCount: count() })
    .from(runners)
    .innerJoin(sites, eq(sites.id, runners.siteId))
    .groupBy(runners.siteId, runners.state);
  return siteRows.map((site) => ({
    ...site,
    runnersByState: Object.fromEntries(
      countRows.filter((row) => row.siteId === site.id).map((row) => [row.state, row.runnerCount]),
    ),
  }));
}
