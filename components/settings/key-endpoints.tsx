"use client";

import { Fragment, type ReactNode, useId, useState } from "react";
import type { KeyCapability } from "@/lib/keys/key-capabilities";
import type { ScopeChoice } from "@/lib/keys/key-choices";

/**
 * A button that shows or hides what follows it (WAI-ARIA disclosure pattern). The panel stays in
 * the DOM, hidden, so `aria-controls` always points at something.
 */
export function Disclosure({ label, children }: { label: ReactNode; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  return (
    <div className="flex flex-col gap-1">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((current) => !current)}
        className="inline-flex items-center gap-1 self-start rounded text-xs font-medium text-accent hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent"
      >
        <span aria-hidden="true" className={`inline-block transition-transform ${open ? "rotate-90" : ""}`}>
          ▸
        </span>
        {label}
      </button>
      <div id={panelId} hidden={!open}>
        {children}
      </div>
    </div>
  );
}

/** A path that may break after any `/` (and nowhere else unless a segment alone is too long). */
function BreakablePath({ path }: { path: string }) {
  let offset = 0;
  return path.split(/(?<=\/)/).map((segment) => {
    const at = offset;
    offset += segment.length;
    return (
      <Fragment key={at}>
        {at > 0 ? <wbr /> : null}
        {segment}
      </Fragment>
    );
  });
}

/** `METHOD /path — summary`, one per line; long paths wrap inside the list instead of widening the page. */
export function EndpointList({
  endpoints,
  ...name
}: { endpoints: KeyCapability[] } & ({ "aria-label": string } | { "aria-labelledby": string })) {
  return (
    <ul {...name} className="flex flex-col gap-1 text-xs">
      {endpoints.map((endpoint) => (
        <li key={`${endpoint.method} ${endpoint.path}`} className="wrap-break-word">
          <code className="rounded bg-surface-muted px-1 font-mono text-ink">
            {endpoint.method} <BreakablePath path={endpoint.path} />
          </code>{" "}
          <span className="text-ink-muted">— {endpoint.summary}</span>
        </li>
      ))}
    </ul>
  );
}

/** A key's row: every endpoint its scopes allow, by scope, behind "What this key can call". */
export function KeyEndpoints({ keyScopes, scopes }: { keyScopes: readonly string[]; scopes: ScopeChoice[] }) {
  const baseId = useId();
  const granted = scopes.filter((choice) => keyScopes.includes(choice.scope));
  return (
    <Disclosure label="What this key can call">
      <ul aria-label="What this key can call" className="flex min-w-64 flex-col gap-2 pt-1">
        {granted.map((choice) => (
          <li key={choice.scope} className="flex flex-col gap-1">
            <span id={`${baseId}-${choice.scope}`} className="font-mono text-xs font-medium">
              {choice.scope}
            </span>
            <EndpointList endpoints={choice.endpoints} aria-labelledby={`${baseId}-${choice.scope}`} />
          </li>
        ))}
      </ul>
    </Disclosure>
  );
}
