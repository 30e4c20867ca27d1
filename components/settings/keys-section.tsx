"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { ScopeChoice, SiteChoice } from "@/lib/keys/key-choices";
import type { KeyOutput } from "@/lib/keys/key-schemas";
import { keysQueryOptions, type MintedKeyAnswer } from "@/lib/queries/keys";
import { CreateKeyDialog } from "./create-key-dialog";
import { RevokeKeyButton, RolledKeyDialog, RollKeyButton } from "./key-actions";
import { KeyEndpoints } from "./key-endpoints";

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });
const when = (iso: string | null, otherwise: string) => (iso ? dateFormat.format(new Date(iso)) : otherwise);

const statusLabel: Record<KeyOutput["status"], string> = {
  active: "Active",
  expiring: "Rolled (grace period)",
  expired: "Expired",
  revoked: "Revoked",
};

/** "API keys": the keys the person may see, and for members and admins, minting, revoking, rolling. */
export function KeysSection({
  sites,
  scopes,
  canMint,
  mayNeverExpire,
  proxyUrl,
}: {
  sites: SiteChoice[];
  scopes: ScopeChoice[];
  canMint: boolean;
  mayNeverExpire: boolean;
  proxyUrl: string;
}) {
  const keys = useQuery(keysQueryOptions());
  const [rolled, setRolled] = useState<MintedKeyAnswer>();
  return (
    <section
      aria-labelledby="api-keys-heading"
      className="flex flex-col gap-4 rounded-xl border border-border bg-surface p-5"
    >
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 id="api-keys-heading" className="font-medium">
            API keys
          </h2>
          <p className="text-sm text-ink-muted">
            Keys for scripts and CI to use the proxy at <code className="font-mono">{proxyUrl}</code>, one
            site each.
          </p>
        </div>
        {canMint ? (
          <CreateKeyDialog
            sites={sites}
            scopes={scopes}
            mayNeverExpire={mayNeverExpire}
            proxyUrl={proxyUrl}
          />
        ) : null}
      </header>
      {canMint && sites.length === 0 ? (
        <p className="text-sm text-ink-muted">Connect a site first: a key is always for one site.</p>
      ) : null}
      {keys.isPending ? <p className="text-sm text-ink-muted">Loading keys…</p> : null}
      {keys.isError ? (
        <p role="alert" className="text-sm text-warn-ink">
          The keys could not be loaded: {keys.error.message}
        </p>
      ) : null}
      {keys.data?.length === 0 ? <p className="text-sm text-ink-muted">No keys yet.</p> : null}
      {keys.data && keys.data.length > 0 ? (
        <div className="relative overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">API keys</caption>
            <thead className="text-xs text-ink-muted">
              <tr>
                {[
                  "Name",
                  "Key",
                  "Site",
                  "Scopes",
                  "Created by",
                  "Created",
                  "Expires",
                  "Last used",
                  "Requests (24 h)",
                  "Status",
                ].map((title) => (
                  <th key={title} scope="col" className="px-2 py-1 font-medium">
                    {title}
                  </th>
                ))}
                {canMint ? (
                  <th scope="col" className="px-2 py-1 font-medium">
                    <span className="sr-only">Actions</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {keys.data.map((key) => (
                <tr key={key.id} className="border-t border-border">
                  <th scope="row" className="px-2 py-2 font-medium">
                    {key.name}
                  </th>
                  <td className="px-2 py-2 font-mono text-xs">{key.displayPrefix}…</td>
                  <td className="px-2 py-2">{key.siteName ?? key.siteId}</td>
                  <td className="px-2 py-2">
                    <div className="flex flex-col gap-1">
                      <span className="font-mono text-xs">{key.scopes.join(" ")}</span>
                      <KeyEndpoints keyScopes={key.scopes} scopes={scopes} />
                    </div>
                  </td>
                  <td className="px-2 py-2">{key.ownerEmail ?? "CLI (service token)"}</td>
                  <td className="px-2 py-2">{when(key.createdAt, "")}</td>
                  <td className="px-2 py-2">{when(key.expiresAt, "Never")}</td>
                  <td className="px-2 py-2">{when(key.lastUsedAt, "Never")}</td>
                  <td className="px-2 py-2">{key.requestsLast24h}</td>
                  <td className="px-2 py-2">{statusLabel[key.status]}</td>
                  {canMint ? (
                    <td className="px-2 py-2">
                      {key.status === "active" ? (
                        <div className="flex gap-2">
                          <RollKeyButton apiKey={key} onRolled={setRolled} />
                          <RevokeKeyButton apiKey={key} />
                        </div>
                      ) : key.status === "expiring" ? (
                        <RevokeKeyButton apiKey={key} />
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <RolledKeyDialog answer={rolled} proxyUrl={proxyUrl} onClose={() => setRolled(undefined)} />
    </section>
  );
}
