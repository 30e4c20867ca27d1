"use client";

import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import type { UserRole } from "@/db/schema";
import type { UpdateUserInput, UserOutput } from "@/lib/users/user-schemas";
import { apiFetch } from "./api-fetch";

export const userQueryKeys = {
  all: ["users"] as const,
};

export const usersQueryOptions = () =>
  queryOptions({
    queryKey: userQueryKeys.all,
    queryFn: async () => (await apiFetch<{ users: UserOutput[] }>("/api/users")).users,
  });

/** How the Users section names a person: their name, or their email when Netlify gave none. */
export const displayName = (user: Pick<UserOutput, "fullName" | "email">) => user.fullName ?? user.email;

const userPath = (userId: string) => `/api/users/${encodeURIComponent(userId)}`;

const patchUser = (userId: string, change: UpdateUserInput) =>
  apiFetch<{ user: UserOutput }>(userPath(userId), { method: "PATCH", body: change });

const failed = (error: Error) => toast.error(error.message);

export function useApproveUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (user: UserOutput) => patchUser(user.id, { status: "active" }),
    onSuccess: ({ user }) => {
      toast.success(`${displayName(user)} can now sign in, as a ${user.role}.`);
      return queryClient.invalidateQueries({ queryKey: userQueryKeys.all });
    },
    onError: failed,
  });
}

/** Shows the new role at once and puts the old one back if the server refuses. */
export function useChangeRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ user, role }: { user: UserOutput; role: UserRole }) => patchUser(user.id, { role }),
    onMutate: async ({ user, role }) => {
      await queryClient.cancelQueries({ queryKey: userQueryKeys.all });
      const previous = queryClient.getQueryData(usersQueryOptions().queryKey);
      queryClient.setQueryData(usersQueryOptions().queryKey, (people) =>
        people?.map((person) => (person.id === user.id ? { ...person, role } : person)),
      );
      return { previous };
    },
    onSuccess: ({ user }) => {
      toast.success(`${displayName(user)} is now a ${user.role}.`);
    },
    onError: (error, _change, context) => {
      if (context?.previous) queryClient.setQueryData(usersQueryOptions().queryKey, context.previous);
      failed(error);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: userQueryKeys.all }),
  });
}

export function useRemoveUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (user: UserOutput) => apiFetch<void>(userPath(user.id), { method: "DELETE" }),
    onSuccess: (_answer, user) => {
      toast.success(`${displayName(user)} was removed and signed out everywhere.`);
      return queryClient.invalidateQueries({ queryKey: userQueryKeys.all });
    },
    onError: failed,
  });
}
