import { type QueryClient, queryOptions } from "@tanstack/react-query";
import { activeRunnerStates } from "@/db/schema/upstream-states";
import type { RunnerDetailOutput } from "@/lib/runners/runner-detail-schemas";
import { apiFetch } from "./api-fetch";
import { runnerQueryKeys } from "./query-keys";

const activeStates: ReadonlySet<string> = new Set(activeRunnerStates);

/**
 * One run's page, from the cache. Polled while the page is open, often while the run is active:
 * the server refreshes the cache from Netlify after every action and on its own schedule.
 */
export const runnerDetailQueryOptions = (runnerId: string) =>
  queryOptions({
    queryKey: runnerQueryKeys.detail(runnerId),
    queryFn: () => apiFetch<RunnerDetailOutput>(`/api/runners/${encodeURIComponent(runnerId)}`),
    staleTime: 2_000,
    refetchInterval: (query) => (activeStates.has(query.state.data?.runner.state ?? "") ? 2_000 : 10_000),
  });

/**
 * Reads the run again once the server has refreshed it from Netlify (it does so right after
 * answering an action), and once more a little later for slower changes.
 */
export function refetchRunnerSoon(queryClient: QueryClient, runnerId: string): Promise<void> {
  const queryKey = runnerQueryKeys.detail(runnerId);
  setTimeout(() => void queryClient.invalidateQueries({ queryKey }), 2_000);
  return new Promise<void>((resolve) => setTimeout(resolve, 500)).then(() =>
    queryClient.invalidateQueries({ queryKey }),
  );
}
