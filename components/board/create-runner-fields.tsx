"use client";

import type { agents } from "@/db/schema/upstream-states";
import type { RunMode } from "@/lib/runners/create-runner-schemas";

/** A site the dialog offers; `reconnectNeeded`: Netlify refused the token its sync uses. */
export interface RunSiteChoice {
  id: string;
  name: string;
  reconnectNeeded: boolean;
}

export interface RunDraft {
  siteId: string;
  prompt: string;
  mode: RunMode;
  agent: (typeof agents)[number];
  model: string;
  branch: string;
}

export const field = "h-9 rounded-md border border-border bg-canvas px-2 text-sm";
const modes: Array<{ mode: RunMode; label: string; about: string }> = [
  { mode: "normal", label: "Build", about: "Changes the code, with a deploy preview." },
  { mode: "ask", label: "Ask", about: "Answers a question; changes nothing." },
];

/** The "Start a run" form's first fields: site, prompt and mode. */
export function CreateRunnerFields({
  draft,
  sites,
  onChange,
}: {
  draft: RunDraft;
  sites: RunSiteChoice[];
  onChange: (change: Partial<RunDraft>) => void;
}) {
  const site = sites.find((choice) => choice.id === draft.siteId);
  return (
    <>
      <div className="flex flex-col gap-1">
        <label htmlFor="run-site" className="text-sm font-medium">
          Site
        </label>
        <select
          id="run-site"
          required
          value={draft.siteId}
          onChange={(event) => onChange({ siteId: event.target.value })}
          aria-describedby={site?.reconnectNeeded ? "run-site-about" : undefined}
          className={field}
        >
          {sites.length === 1 ? null : <option value="">Choose a site…</option>}
          {sites.map((choice) => (
            <option key={choice.id} value={choice.id}>
              {choice.name}
            </option>
          ))}
        </select>
        {site?.reconnectNeeded ? (
          <p id="run-site-about" className="text-xs text-warn-ink">
            This site&apos;s sync needs reconnecting in Settings: the run starts, but the board may not follow
            it until then.
          </p>
        ) : null}
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="run-prompt" className="text-sm font-medium">
          Prompt
        </label>
        <textarea
          id="run-prompt"
          required
          rows={5}
          maxLength={100_000}
          value={draft.prompt}
          onChange={(event) => onChange({ prompt: event.target.value })}
          placeholder="What should the agent do?"
          className="min-h-24 rounded-md border border-border bg-canvas px-2 py-1.5 text-sm"
        />
      </div>
      <fieldset className="flex flex-col gap-1">
        <legend className="mb-1 text-sm font-medium">Mode</legend>
        <div className="flex flex-wrap gap-4">
          {modes.map(({ mode, label, about }) => (
            <div key={mode} className="flex items-start gap-2">
              <input
                id={`run-mode-${mode}`}
                type="radio"
                name="run-mode"
                checked={draft.mode === mode}
                onChange={() => onChange({ mode })}
                aria-describedby={`run-mode-${mode}-about`}
                className="mt-1"
              />
              <div className="flex flex-col text-sm">
                <label htmlFor={`run-mode-${mode}`}>{label}</label>
                <span id={`run-mode-${mode}-about`} className="text-xs text-ink-muted">
                  {about}
                </span>
              </div>
            </div>
          ))}
        </div>
      </fieldset>
    </>
  );
}
