"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { useState } from "react";
import { displayName, useRemoveUser } from "@/lib/queries/users";
import type { UserOutput } from "@/lib/users/user-schemas";

/** "Remove ‹name›", confirmed in a dialog because it signs the person out at once. */
export function UsersRemoveDialog({ user }: { user: UserOutput }) {
  const [open, setOpen] = useState(false);
  const remove = useRemoveUser();
  const name = displayName(user);
  const button = "h-8 rounded-md px-3 text-sm font-medium disabled:opacity-60";
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger asChild>
        <button type="button" className={`${button} border border-border`}>
          Remove<span className="sr-only"> {name}</span>
        </button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-20 bg-black/40" />
        <Dialog.Content className="fixed top-1/2 left-1/2 z-30 flex w-[min(28rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 flex-col gap-4 rounded-xl border border-border bg-surface p-5 shadow-lg">
          <Dialog.Title className="text-lg font-semibold tracking-tight">Remove {name}?</Dialog.Title>
          <Dialog.Description className="text-sm text-ink-muted">
            {name} is signed out everywhere at once and can no longer sign in. An admin can let them back in
            later.
          </Dialog.Description>
          <div className="flex justify-end gap-2">
            <Dialog.Close asChild>
              <button type="button" className={`${button} border border-border`}>
                Cancel
              </button>
            </Dialog.Close>
            <button
              type="button"
              disabled={remove.isPending}
              // Closed whatever the outcome: while the modal is open everything outside it, the
              // toast's live region included, is hidden from screen readers.
              onClick={() => remove.mutate(user, { onSettled: () => setOpen(false) })}
              className={`${button} bg-warn-ink text-warn-soft`}
            >
              {remove.isPending ? "Removing…" : "Remove"}
            </button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
