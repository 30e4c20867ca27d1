"use client";

import { infiniteQueryOptions, useInfiniteQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import type { DiffPage } from "@/lib/diffs/diff-schemas";
import { apiFetch } from "./api-fetch";
import { runnerQueryKeys } from "./query-keys";

/** Which diff to read: a session's own change or everything up to it; none means the run's latest. */
export interface DiffSelection {
  sessionId?: string;
  kind: "result" | "cumulative";
}

/** Files per page: the first page shows quickly, and a 5,000-file diff takes 50 pages. */
const perPage = 100;

const selectionKey = (selection: DiffSelection) => `${selection.sessionId ?? "run"}:${selection.kind}`;

export function diffSearch(selection: DiffSelection, extra: Record<string, string> = {}): string {
  const search = new URLSearchParams({ kind: selection.kind, ...extra });
  if (selection.sessionId) search.set("session", selection.sessionId);
  return search.toString();
}

/**
 * A diff, page by page. `version` names what the diff depends on (the sessions it covers and
 * their states): a new version is a new diff, so cached pages are never refetched in place.
 */
export const diffQueryOptions = (runnerId: string, selection: DiffSelection, version: string) =>
  infiniteQueryOptions({
    queryKey: runnerQueryKeys.diff(runnerId, selectionKey(selection), version),
    queryFn: ({ pageParam, signal }) =>
      apiFetch<DiffPage>(
        `/api/runners/${encodeURIComponent(runnerId)}/diff?${diffSearch(selection, {
          page: String(pageParam),
          perPage: String(perPage),
        })}`,
        { signal },
      ),
    initialPageParam: 1,
    getNextPageParam: (last) => (last.hasMore ? last.page + 1 : undefined),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 60_000,
  });

/**
 * The whole diff: the first page as soon as it comes, then the rest one page after another in the
 * background, so the file list fills in while the first files are read.
 */
export function useWholeDiff(runnerId: string, selection: DiffSelection, version: string) {
  const query = useInfiniteQuery(diffQueryOptions(runnerId, selection, version));
  const { hasNextPage, isFetchingNextPage, isError, fetchNextPage } = query;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && !isError) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, isError, fetchNextPage]);
  return query;
}
