"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import type { RunnerDetailOutput } from "@/lib/runners/runner-detail-schemas";
import type { Preferences } from "@/lib/users/preferences";
import { apiFetch } from "./api-fetch";
import { runnerQueryKeys } from "./query-keys";

/**
 * Remembers the diff layout for the signed-in person. Every open run page switches at once; a
 * failure says so, and the choice still holds on this page.
 */
export function useSaveDiffLayout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (diffLayout: Preferences["diffLayout"]) =>
      apiFetch<Preferences>("/api/session/preferences", { method: "PUT", body: { diffLayout } }),
    onMutate: (diffLayout) => {
      queryClient.setQueriesData<RunnerDetailOutput>({ queryKey: runnerQueryKeys.all }, (detail) =>
        detail && "diffLayout" in detail ? { ...detail, diffLayout } : detail,
      );
    },
    onError: (error) => {
      toast.error(`The layout could not be remembered: ${error.message}`);
    },
  });
}
