"use client";

import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useDisconnectSite } from "@/lib/queries/sites";
import type { SiteOutput } from "@/lib/sites/site-schemas";

/** "Disconnect ‹site›", confirmed first: the database deletes the site's runners and keys with it. */
export function SitesDisconnectDialog({ site }: { site: SiteOutput }) {
  const disconnect = useDisconnectSite();
  return (
    <ConfirmDialog
      trigger={
        <button
          type="button"
          aria-label={`Disconnect ${site.name}`}
          className="h-8 rounded-md border border-border px-3 text-sm font-medium disabled:opacity-60"
        >
          Disconnect
        </button>
      }
      title={`Disconnect ${site.name}?`}
      description={`${site.name} leaves the board: its runners go from the board, and every API key for this site is deleted, whoever created it, so scripts using those keys stop working at once. The site itself stays on Netlify, and you can connect it again later.`}
      confirmLabel="Disconnect"
      pendingLabel="Disconnecting…"
      pending={disconnect.isPending}
      // Closed whatever the outcome: while the modal is open everything outside it, the
      // toast's live region included, is hidden from screen readers.
      onConfirm={(close) => disconnect.mutate(site, { onSettled: close })}
    />
  );
}
