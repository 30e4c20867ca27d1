"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { useState } from "react";
import { useDisconnectSite } from "@/lib/queries/sites";
import type { SiteOutput } from "@/lib/sites/site-schemas";

const button = "h-8 rounded-md px-3 text-sm font-medium disabled:opacity-60";

/** "Disconnect ‹site›", confirmed first: the database deletes the site's runners and keys with it. */
export function SitesDisconnectDialog({ site }: { site: SiteOutput }) {
  const [open, setOpen] = useState(false);
  const disconnect = useDisconnectSite();
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger asChild>
        <button
          type="button"
          aria-label={`Disconnect ${site.name}`}
          className={`${button} border border-border`}
        >
          Disconnect
        </button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-20 bg-black/40" />
        <Dialog.Content className="fixed top-1/2 left-1/2 z-30 flex w-[min(30rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 flex-col gap-4 rounded-xl border border-border bg-surface p-5 shadow-lg">
          <Dialog.Title className="text-lg font-semibold tracking-tight">
            Disconnect {site.name}?
          </Dialog.Title>
          <Dialog.Description className="text-sm text-ink-muted">
            {site.name} leaves the board: its runners go from the board, and every API key for this site is
            deleted, whoever created it, so scripts using those keys stop working at once. The site itself
            stays on Netlify, and you can connect it again later.
          </Dialog.Description>
          <div className="flex justify-end gap-2">
            <Dialog.Close asChild>
              <button type="button" className={`${button} border border-border`}>
                Cancel
              </button>
            </Dialog.Close>
            <button
              type="button"
              disabled={disconnect.isPending}
              // Closed whatever the outcome: while the modal is open everything outside it, the
              // toast's live region included, is hidden from screen readers.
              onClick={() => disconnect.mutate(site, { onSettled: () => setOpen(false) })}
              className={`${button} bg-warn-ink text-warn-soft`}
            >
              {disconnect.isPending ? "Disconnecting…" : "Disconnect"}
            </button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
