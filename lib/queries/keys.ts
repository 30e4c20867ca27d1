"use client";

import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import type { KeyOutput, MintKeyInput } from "@/lib/keys/key-schemas";
import { apiFetch } from "./api-fetch";
import { keyQueryKeys, siteQueryKeys } from "./query-keys";

export const keysQueryOptions = () =>
  queryOptions({
    queryKey: keyQueryKeys.all,
    queryFn: async () => (await apiFetch<{ keys: KeyOutput[] }>("/api/keys")).keys,
  });

export interface MintedKeyAnswer {
  key: string;
  apiKey: KeyOutput;
}

const failed = (error: Error) => toast.error(error.message);

/** Mints a key; the plaintext comes back once, in the mutation's data. */
export function useMintKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MintKeyInput) =>
      apiFetch<MintedKeyAnswer>("/api/keys", { method: "POST", body: input }),
    onSuccess: (answer) => {
      toast.success(`Key "${answer.apiKey.name}" created. Copy it now: it is shown only once.`);
      // Minting connects the key's site if it was not on the board yet.
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: keyQueryKeys.all }),
        queryClient.invalidateQueries({ queryKey: siteQueryKeys.all }),
      ]);
    },
    onError: failed,
  });
}

export function useRevokeKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (keyId: string) =>
      apiFetch<{ apiKey: KeyOutput }>(`/api/keys/${encodeURIComponent(keyId)}`, { method: "DELETE" }),
    onSuccess: (answer) => {
      toast.success(`Key "${answer.apiKey.name}" revoked. It no longer works anywhere.`);
      return queryClient.invalidateQueries({ queryKey: keyQueryKeys.all });
    },
    onError: failed,
  });
}

export function useRollKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ keyId, graceSeconds }: { keyId: string; graceSeconds: number }) =>
      apiFetch<MintedKeyAnswer>(`/api/keys/${encodeURIComponent(keyId)}/roll`, {
        method: "POST",
        body: { graceSeconds },
      }),
    onSuccess: (answer) => {
      toast.success(`Key "${answer.apiKey.name}" rolled. Copy the new secret now: it is shown only once.`);
      return queryClient.invalidateQueries({ queryKey: keyQueryKeys.all });
    },
    onError: failed,
  });
}
