"use client";

import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { displayName, useRemoveUser } from "@/lib/queries/users";
import type { UserOutput } from "@/lib/users/user-schemas";

/** "Remove ‹name›", confirmed in a dialog because it signs the person out at once. */
export function UsersRemoveDialog({ user }: { user: UserOutput }) {
  const remove = useRemoveUser();
  const name = displayName(user);
  return (
    <ConfirmDialog
      width="sm"
      trigger={
        <button
          type="button"
          className="h-8 rounded-md border border-border px-3 text-sm font-medium disabled:opacity-60"
        >
          Remove<span className="sr-only"> {name}</span>
        </button>
      }
      title={`Remove ${name}?`}
      description={`${name} is signed out everywhere at once and can no longer sign in. An admin can let them back in later.`}
      confirmLabel="Remove"
      pendingLabel="Removing…"
      pending={remove.isPending}
      // Closed whatever the outcome: while the modal is open everything outside it, the
      // toast's live region included, is hidden from screen readers.
      onConfirm={(close) => remove.mutate(user, { onSettled: close })}
    />
  );
}
