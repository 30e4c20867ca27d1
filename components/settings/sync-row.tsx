"use client";

import { RelativeTime } from "@/components/ui/relative-time";
import { useSyncNow } from "@/lib/queries/sync";
import type { SiteSyncStatus } from "@/lib/sync/sync-schemas";

const cell = "px-5 py-3";
const badge = "whitespace-nowrap rounded-full px-2.5 py-1 text-xs font-medium";

/** One connected site's sync: when it was last read whole, when next, and what went wrong. */
export function SyncRow({
  site,
  now,
  canSyncNow,
}: {
  site: SiteSyncStatus;
  now: number;
  canSyncNow: boolean;
}) {
  const syncNow = useSyncNow();
  return (
    <tr>
      <th scope="row" className={`${cell} font-medium`}>
        {site.siteName}
      </th>
      <td className={cell}>
        {site.lastFullSyncAt ? <RelativeTime iso={site.lastFullSyncAt} now={now} /> : "Never"}
      </td>
      <td className={cell}>
        <NextRun site={site} now={now} />
      </td>
      <td className={`${cell} max-w-md`}>
        <SyncHealth site={site} now={now} />
      </td>
      {canSyncNow ? (
        <td className={`${cell} text-right`}>
          <button
            type="button"
            aria-label={`Sync ${site.siteName} now`}
            disabled={syncNow.isPending}
            onClick={() => syncNow.mutate({ siteId: site.siteId })}
            className="h-8 whitespace-nowrap rounded-md border border-border px-3 text-sm font-medium disabled:opacity-60"
          >
            {syncNow.isPending ? "Syncing…" : "Sync now"}
          </button>
        </td>
      ) : null}
    </tr>
  );
}

function NextRun({ site, now }: { site: SiteSyncStatus; now: number }) {
  if (site.syncing) return "Running now";
  if (site.reconnectNeeded) return "After reconnecting";
  if (!site.nextSyncAt || Date.parse(site.nextSyncAt) <= now) return "At the next scheduled run";
  return <RelativeTime iso={site.nextSyncAt} now={now} />;
}

function reconnectHint(site: SiteSyncStatus): string {
  if (site.tokenSource === "service_token")
    return "Netlify refused the service token (NETLIFY_TOKEN) this site syncs with; set a valid one.";
  return site.connectedByMe
    ? "Netlify refused your stored sign-in. Sign out and sign in with Netlify again to resume syncing."
    : "Netlify refused the sign-in of the person who connected this site; they need to sign in again.";
}

function SyncHealth({ site, now }: { site: SiteSyncStatus; now: number }) {
  if (site.reconnectNeeded)
    return (
      <div className="flex flex-col items-start gap-1">
        <span className={`${badge} bg-warn-soft text-warn-ink`}>Reconnect needed</span>
        <span className="text-xs text-ink-muted">{reconnectHint(site)}</span>
      </div>
    );
  if (site.lastError)
    return (
      <div className="flex flex-col items-start gap-1">
        <span className={`${badge} bg-warn-soft text-warn-ink`}>Failing</span>
        <span className="text-xs text-ink-muted">
          {site.lastError}
          {site.backoffUntil ? (
            <>
              {" "}
              Next try <RelativeTime iso={site.backoffUntil} now={now} />.
            </>
          ) : null}
        </span>
      </div>
    );
  if (site.resumesAtPage)
    return <span className="text-ink-muted">Part way through; resumes at page {site.resumesAtPage}</span>;
  if (!site.lastFullSyncAt) return <span className="text-ink-muted">Not synced yet</span>;
  return <span className={`${badge} bg-accent-soft text-ink`}>Up to date</span>;
}
