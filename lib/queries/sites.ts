"use client";

import { keepPreviousData, queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import type { SiteListOutput, SiteOutput } from "@/lib/sites/site-schemas";
import { apiFetch } from "./api-fetch";
import { keyQueryKeys, type SitesQuery, siteQueryKeys } from "./query-keys";

export type { SitesQuery };

export const sitesQueryOptions = (query: SitesQuery) =>
  queryOptions({
    queryKey: siteQueryKeys.list(query),
    queryFn: () => {
      const params = new URLSearchParams({ page: String(query.page) });
      if (query.search) params.set("search", query.search);
      return apiFetch<SiteListOutput>(`/api/sites?${params}`);
    },
    // The page being left stays on screen while the next one loads, so paging does not flicker.
    placeholderData: keepPreviousData,
  });

const failed = (error: Error) => toast.error(error.message);

/**
 * After a site joins or leaves the board: every sites page, and the server-rendered parts of
 * Settings that list connected sites (the key dialog's site choices). A disconnect also deletes
 * the site's keys, so the keys list is refreshed too.
 */
function useSitesChanged() {
  const queryClient = useQueryClient();
  const router = useRouter();
  return async (withKeys: boolean) => {
    router.refresh();
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: siteQueryKeys.all }),
      withKeys ? queryClient.invalidateQueries({ queryKey: keyQueryKeys.all }) : undefined,
    ]);
  };
}

export function useConnectSite() {
  const sitesChanged = useSitesChanged();
  return useMutation({
    mutationFn: (site: Pick<SiteOutput, "id" | "name">) =>
      apiFetch<{ site: SiteOutput }>("/api/sites", { method: "POST", body: { siteId: site.id } }),
    onSuccess: ({ site }) => {
      toast.success(`${site.name} is on the board.`);
      return sitesChanged(false);
    },
    onError: failed,
  });
}

export function useDisconnectSite() {
  const sitesChanged = useSitesChanged();
  return useMutation({
    mutationFn: (site: Pick<SiteOutput, "id" | "name">) =>
      apiFetch<void>(`/api/sites/${encodeURIComponent(site.id)}`, { method: "DELETE" }),
    onSuccess: (_answer, site) => {
      toast.success(`${site.name} is off the board, with its runners and keys.`);
      return sitesChanged(true);
    },
    onError: failed,
  });
}
