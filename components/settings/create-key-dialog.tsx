"use client";

import { type FormEvent, useState } from "react";
import { DialogClose, DialogShell, dialogButton } from "@/components/ui/dialog-shell";
import type { ScopeChoice, SiteChoice } from "@/lib/keys/key-choices";
import type { MintKeyInput } from "@/lib/keys/key-schemas";
import { useMintKey } from "@/lib/queries/keys";
import { Disclosure, EndpointList } from "./key-endpoints";
import { NewKeyReveal } from "./new-key-reveal";

const riskStyle = {
  Low: "bg-accent-soft text-accent",
  Medium: "bg-warn-soft text-warn-ink",
  High: "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-200",
} as const;

const field = "h-9 rounded-md border border-border bg-canvas px-2 text-sm";

/** "Create key": name, site, scopes with their risk, expiry; then the key, once. */
export function CreateKeyDialog({
  sites,
  scopes,
  mayNeverExpire,
  proxyUrl,
}: {
  sites: SiteChoice[];
  scopes: ScopeChoice[];
  mayNeverExpire: boolean;
  proxyUrl: string;
}) {
  const [open, setOpen] = useState(false);
  const [checked, setChecked] = useState<string[]>(["agent_runners:read"]);
  const [expiry, setExpiry] = useState("30d");
  const mint = useMintKey();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const custom = String(form.get("expiry-date") ?? "");
    const expires = (
      expiry === "custom" ? new Date(`${custom}T23:59:59`).toISOString() : expiry
    ) as MintKeyInput["expires"];
    mint.mutate({
      name: String(form.get("name") ?? ""),
      siteId: String(form.get("site") ?? ""),
      scopes: checked,
      expires,
    });
  }

  function close(next: boolean) {
    setOpen(next);
    // The plaintext must not linger in memory or reappear when the dialog opens again.
    if (!next) mint.reset();
  }

  return (
    <DialogShell
      width="lg"
      open={open}
      onOpenChange={close}
      trigger={
        <button
          type="button"
          className="h-9 rounded-md bg-accent px-3 text-sm font-medium text-accent-ink"
          disabled={sites.length === 0}
        >
          Create key
        </button>
      }
      title={mint.data ? "Your new API key" : "Create an API key"}
      description="A key lets a script use the proxy for one site, with the scopes you choose and no more."
    >
      {mint.data ? (
        <>
          <NewKeyReveal
            secret={mint.data.key}
            proxyUrl={proxyUrl}
            canWrite={mint.data.apiKey.scopes.includes("agent_runners:write")}
          />
          <DialogClose className={`${dialogButton.secondary} self-end`}>Done</DialogClose>
        </>
      ) : (
        <form onSubmit={submit} className="flex flex-col gap-4">
          <div className="flex flex-col gap-1">
            <label htmlFor="key-name" className="text-sm font-medium">
              Name
            </label>
            <input
              id="key-name"
              name="name"
              required
              maxLength={100}
              placeholder="e.g. CI deploys"
              className={field}
            />
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor="key-site" className="text-sm font-medium">
              Site
            </label>
            <select id="key-site" name="site" required className={field}>
              {sites.map((site) => (
                <option key={site.id} value={site.id}>
                  {site.name}
                </option>
              ))}
            </select>
          </div>
          <fieldset className="flex flex-col gap-2">
            <legend className="mb-1 text-sm font-medium">Scopes</legend>
            {scopes.map((choice) => (
              <div key={choice.scope} className="flex items-start gap-2">
                <input
                  id={`scope-${choice.scope}`}
                  type="checkbox"
                  aria-describedby={`scope-${choice.scope}-about`}
                  checked={checked.includes(choice.scope)}
                  onChange={(event) =>
                    setChecked((current) =>
                      event.target.checked
                        ? [...current, choice.scope]
                        : current.filter((s) => s !== choice.scope),
                    )
                  }
                  className="mt-1"
                />
                <div className="flex flex-col text-sm">
                  <label htmlFor={`scope-${choice.scope}`} className="font-mono">
                    {choice.scope}
                  </label>
                  <span
                    id={`scope-${choice.scope}-about`}
                    className="flex flex-wrap items-center gap-2 text-xs text-ink-muted"
                  >
                    <span className={`rounded-full px-2 py-0.5 ${riskStyle[choice.risk]}`}>
                      {choice.risk} risk
                    </span>
                    {choice.summary}
                  </span>
                </div>
              </div>
            ))}
          </fieldset>
          <section aria-labelledby="key-can" className="rounded-md bg-surface-muted p-3 text-sm">
            <h3 id="key-can" className="font-medium">
              This key will be able to
            </h3>
            {checked.length === 0 ? (
              <p className="text-ink-muted">Nothing yet: choose at least one scope.</p>
            ) : (
              <ul className="flex list-disc flex-col gap-1 pl-5">
                {scopes
                  .filter((choice) => checked.includes(choice.scope))
                  .map((choice) => (
                    <li key={choice.scope}>
                      {choice.summary}
                      <Disclosure
                        label={
                          <>
                            {choice.endpoints.length}{" "}
                            {choice.endpoints.length === 1 ? "endpoint" : "endpoints"}
                            <span className="sr-only"> of {choice.scope}</span>
                          </>
                        }
                      >
                        <EndpointList
                          endpoints={choice.endpoints}
                          aria-label={`Endpoints of ${choice.scope}`}
                        />
                      </Disclosure>
                    </li>
                  ))}
              </ul>
            )}
          </section>
          <div className="flex flex-col gap-1">
            <label htmlFor="key-expires" className="text-sm font-medium">
              Expires
            </label>
            <select
              id="key-expires"
              value={expiry}
              onChange={(event) => setExpiry(event.target.value)}
              className={field}
            >
              <option value="7d">In 7 days</option>
              <option value="30d">In 30 days</option>
              <option value="90d">In 90 days</option>
              <option value="custom">On a date…</option>
              {mayNeverExpire ? <option value="never">Never (admins only)</option> : null}
            </select>
            {expiry === "custom" ? (
              <>
                <label htmlFor="key-expiry-date" className="text-sm font-medium">
                  Expiry date
                </label>
                <input id="key-expiry-date" name="expiry-date" type="date" required className={field} />
              </>
            ) : null}
          </div>
          <div className="flex justify-end gap-2">
            <DialogClose type="button" className={dialogButton.secondary}>
              Cancel
            </DialogClose>
            <button type="submit" disabled={mint.isPending} className={dialogButton.primary}>
              {mint.isPending ? "Creating…" : "Create"}
            </button>
          </div>
        </form>
      )}
    </DialogShell>
  );
}
