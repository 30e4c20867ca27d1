import { runnerStates } from "@/db/schema";
import type { SiteBoardSummary } from "@/lib/sites/board-summary";

export function SiteSummaryList({ sites }: { sites: SiteBoardSummary[] }) {
  return (
    <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
      {sites.map((site) => (
        <li key={site.id} className="rounded-xl border border-border bg-surface p-4">
          <h2 className="font-medium">{site.name}</h2>
          {site.url ? <p className="truncate text-xs text-ink-muted">{site.url}</p> : null}
          <dl className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-xs text-ink-muted">
            {runnerStates.map((state) => (
              <div key={state} className="flex gap-1">
                <dt className="capitalize">{state}</dt>
                <dd className="font-medium text-ink">{site.runnersByState[state] ?? 0}</dd>
              </div>
            ))}
          </dl>
        </li>
      ))}
    </ul>
  );
}
