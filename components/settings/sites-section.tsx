"use client";

import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useEffect, useState } from "react";
import { SectionLoadError, SectionNote } from "@/components/ui/section-note";
import type { UserRole } from "@/db/schema";
import { type SitesQuery, sitesQueryOptions } from "@/lib/queries/sites";
import { mayConnectSites } from "@/lib/sites/site-permissions";
import { SettingsTable } from "./settings-table";
import { SitesPager } from "./sites-pager";
import { SitesRow } from "./sites-row";

const SEARCH_DELAY_MS = 300;

/** Settings → Sites: the Netlify sites the person's token can see, and which are on the board. */
export function SitesSection({ role }: { role: UserRole }) {
  const [typed, setTyped] = useState("");
  const [query, setQuery] = useState<SitesQuery>({ search: "", page: 1 });

  // Netlify is asked once typing pauses, not per keystroke; a new search starts at page 1.
  useEffect(() => {
    const search = typed.trim();
    if (search === query.search) return;
    const timer = setTimeout(() => setQuery({ search, page: 1 }), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [typed, query.search]);

  function searchNow(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setQuery({ search: typed.trim(), page: 1 });
  }

  return (
    <section aria-labelledby="sites-heading" className="rounded-xl border border-border bg-surface">
      <div className="flex flex-col gap-3 border-b border-border px-5 py-3">
        <div className="flex flex-col gap-0.5">
          <h2 id="sites-heading" className="font-medium">
            Sites
          </h2>
          <p className="text-sm text-ink-muted">
            The Netlify sites your token can see. A connected site's runners are on the board; minting a key
            for a site connects it too.
          </p>
        </div>
        <search>
          <form onSubmit={searchNow} className="flex flex-col gap-1">
            <label htmlFor="sites-search" className="text-sm font-medium">
              Search sites
            </label>
            <input
              id="sites-search"
              type="search"
              value={typed}
              onChange={(event) => setTyped(event.target.value)}
              maxLength={100}
              placeholder="Site name"
              autoComplete="off"
              className="h-9 rounded-md border border-border bg-canvas px-2 text-sm sm:max-w-xs"
            />
          </form>
        </search>
      </div>
      <SitesBody query={query} role={role} onPage={(page) => setQuery((current) => ({ ...current, page }))} />
    </section>
  );
}

function SitesBody({
  query,
  role,
  onPage,
}: {
  query: SitesQuery;
  role: UserRole;
  onPage: (page: number) => void;
}) {
  const sites = useQuery(sitesQueryOptions(query));
  if (sites.isPending) return <SectionNote status>Loading sites…</SectionNote>;
  if (sites.isError)
    return (
      <SectionLoadError onRetry={() => void sites.refetch()}>
        Could not load the sites: {sites.error.message}
      </SectionLoadError>
    );
  const { page, totalPages } = sites.data;
  return (
    <>
      {sites.data.sites.length === 0 ? (
        <SectionNote status>
          {query.search
            ? `No sites match “${query.search}”.`
            : page > 1
              ? "No sites on this page."
              : "Your Netlify account has no sites yet."}
        </SectionNote>
      ) : (
        <SettingsTable
          caption="Netlify sites"
          columns={["Site", "Account", "Board"]}
          actions={mayConnectSites(role)}
          busy={sites.isPlaceholderData}
        >
          {sites.data.sites.map((site) => (
            <SitesRow key={site.id} site={site} role={role} />
          ))}
        </SettingsTable>
      )}
      {totalPages > 1 || page > 1 ? (
        <SitesPager page={page} totalPages={totalPages} busy={sites.isPlaceholderData} onPage={onPage} />
      ) : null}
    </>
  );
}
