"use client";

import type { UserRole } from "@/db/schema";
import { useConnectSite } from "@/lib/queries/sites";
import { mayConnectSites, mayDisconnectSite } from "@/lib/sites/site-permissions";
import type { SiteOutput } from "@/lib/sites/site-schemas";
import { SitesDisconnectDialog } from "./sites-disconnect-dialog";

const cell = "px-5 py-3";

function connectionBadge(site: SiteOutput) {
  if (!site.connected) return { label: "Not connected", className: "bg-surface-muted text-ink-muted" };
  return {
    label: site.connectedByMe ? "On the board · connected by you" : "On the board",
    className: "bg-accent-soft text-ink",
  };
}

/** One Netlify site: name and address, account, whether it is on the board, and what the person may do. */
export function SitesRow({ site, role }: { site: SiteOutput; role: UserRole }) {
  const connect = useConnectSite();
  const badge = connectionBadge(site);
  return (
    <tr>
      <th scope="row" className={`${cell} font-medium`}>
        <span className="block">{site.name}</span>
        {site.url ? (
          <a
            href={site.url}
            target="_blank"
            rel="noreferrer"
            className="block break-all text-xs font-normal text-ink-muted underline-offset-2 hover:underline"
          >
            {site.url.replace(/^https?:\/\//, "")}
          </a>
        ) : null}
      </th>
      <td className={`${cell} text-ink-muted`}>{site.accountName ?? "—"}</td>
      <td className={cell}>
        <span className={`whitespace-nowrap rounded-full px-2.5 py-1 text-xs font-medium ${badge.className}`}>
          {badge.label}
        </span>
      </td>
      {mayConnectSites(role) ? (
        <td className={`${cell} text-right`}>
          {!site.connected ? (
            <button
              type="button"
              aria-label={`Connect ${site.name}`}
              disabled={connect.isPending}
              onClick={() => connect.mutate(site)}
              className="h-8 rounded-md bg-accent px-3 text-sm font-medium text-accent-ink disabled:opacity-60"
            >
              {connect.isPending ? "Connecting…" : "Connect"}
            </button>
          ) : mayDisconnectSite(role, site.connectedByMe) ? (
            <SitesDisconnectDialog site={site} />
          ) : null}
        </td>
      ) : null}
    </tr>
  );
}
