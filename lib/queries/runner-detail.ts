import { type QueryClient, queryOptions } from "@tanstack/react-query";
import type { RunnerDetailOutput } from "@/lib/runners/runner-detail-schemas";
import { apiFetch } from "./api-fetch";
import { runnerQueryKeys } from "./query-keys";

const activeStates = new Set(["new", "running", "await_input"]);

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
export function refetchRunnerSoon(queryClient: QueryClient, runnerId: string): void {
  const queryKey = runnerQueryKeys.detail(runnerId);
  for (const delay of [500, 2_000]) setTimeout(() => void queryClient.invalidateQueries({ queryKey }), delay);
}
