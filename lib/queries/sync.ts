"use client";

import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import type { SyncNowOutput, SyncStatusList } from "@/lib/sync/sync-schemas";
import { apiFetch } from "./api-fetch";
import { syncQueryKeys } from "./query-keys";

/** How often the status is asked for while Settings is open: runs happen every few minutes. */
const statusRefreshMs = 15_000;

export const syncStatusQueryOptions = () =>
  queryOptions({
    queryKey: syncQueryKeys.status(),
    queryFn: () => apiFetch<SyncStatusList>("/api/sync"),
    refetchInterval: statusRefreshMs,
  });

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** What the toast says about a finished "Sync now". */
function announce(result: SyncNowOutput): void {
  const { siteName, runners } = result;
  switch (result.outcome) {
    case "synced": {
      const changed = runners ? runners.inserted + runners.updated + runners.archived + runners.removed : 0;
      toast.success(
        changed === 0
          ? `Synced ${siteName}: everything was up to date.`
          : `Synced ${siteName}: ${plural(changed, "runner")} changed.`,
      );
      return;
    }
    case "partial":
      toast.success(`Synced part of ${siteName}; the rest follows on the next scheduled run.`);
      return;
    case "skipped":
    case "deferred":
      toast.info(`${siteName} is being synced right now; its status updates when that run ends.`);
      return;
    case "failed":
      toast.error(`${siteName} could not be synced. ${result.error ?? ""}`.trim());
  }
}

/** An admin's "Sync now" for one site; the status list is asked again whatever the outcome. */
export function useSyncNow() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (site: { siteId: string }) =>
      apiFetch<SyncNowOutput>(`/api/sites/${encodeURIComponent(site.siteId)}/sync`, { method: "POST" }),
    onSuccess: announce,
    onError: (error: Error) => toast.error(error.message),
    onSettled: () => queryClient.invalidateQueries({ queryKey: syncQueryKeys.all }),
  });
}
