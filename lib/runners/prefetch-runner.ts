import "server-only";
import { dehydrate, QueryClient } from "@tanstack/react-query";
import type { User } from "@/db/schema";
import { database } from "@/lib/database";
import { runnerDetailQueryOptions } from "@/lib/queries/runner-detail";
import { loadRunnerDetail } from "./runner-detail";
import { runnerDetailOutputSchema } from "./runner-detail-schemas";

/**
 * A run's page data read on the server and handed to the browser's query cache, so the page (or
 * the board's side panel) renders at once; undefined when the run is not on the board.
 */
export async function prefetchRunner(user: User, runnerId: string) {
  const { db } = await database();
  const detail = await loadRunnerDetail(db, user, runnerId);
  if (!detail) return undefined;
  const queryClient = new QueryClient();
  // Parsed like the API's answer, so the page's HTML carries exactly the same fields.
  queryClient.setQueryData(
    runnerDetailQueryOptions(runnerId).queryKey,
    runnerDetailOutputSchema.parse(detail),
  );
  return { detail, state: dehydrate(queryClient) };
}
