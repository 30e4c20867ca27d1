"use client";

import { useQuery } from "@tanstack/react-query";
import { useNow } from "@/components/ui/relative-time";
import { SectionLoadError, SectionNote } from "@/components/ui/section-note";
import { syncStatusQueryOptions } from "@/lib/queries/sync";
import { SettingsTable } from "./settings-table";
import { SyncRow } from "./sync-row";

/** Settings → Sync: how fresh each connected site's cache is, and for admins "Sync now". */
export function SyncSection({ canSyncNow }: { canSyncNow: boolean }) {
  return (
    <section id="sync" aria-labelledby="sync-heading" className="rounded-xl border border-border bg-surface">
      <div className="flex flex-col gap-0.5 border-b border-border px-5 py-3">
        <h2 id="sync-heading" className="font-medium">
          Sync
        </h2>
        <p className="text-sm text-ink-muted">
          The board reads runners from Switchyard's own copy, which is brought up to date with Netlify on a
          schedule: soon after something changed, less often for quiet sites.
        </p>
      </div>
      <SyncBody canSyncNow={canSyncNow} />
    </section>
  );
}

function SyncBody({ canSyncNow }: { canSyncNow: boolean }) {
  const status = useQuery(syncStatusQueryOptions());
  const now = useNow();
  if (status.isPending) return <SectionNote status>Loading the sync status…</SectionNote>;
  if (status.isError)
    return (
      <SectionLoadError onRetry={() => void status.refetch()}>
        Could not load the sync status: {status.error.message}
      </SectionLoadError>
    );
  if (status.data.sites.length === 0) return <SectionNote status>No sites are on the board yet.</SectionNote>;
  return (
    <SettingsTable
      caption="Sync status of the connected sites"
      columns={["Site", "Last full sync", "Next run", "Status"]}
      actions={canSyncNow}
    >
      {status.data.sites.map((site) => (
        <SyncRow key={site.siteId} site={site} now={now} canSyncNow={canSyncNow} />
      ))}
    </SettingsTable>
  );
}
