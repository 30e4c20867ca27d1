"use client";

import { type FormEvent, useState } from "react";
import { AgentText } from "@/components/board/agent-text";
import { CardPrBadge } from "@/components/board/card-pr-badge";
import { RelativeTime, useNow } from "@/components/ui/relative-time";
import { useRunnerAction } from "@/lib/queries/runner-actions";
import { columnOf, columnTitle, isKnownState } from "@/lib/runners/board";
import type { RunnerDetailOutput } from "@/lib/runners/runner-detail-schemas";
import { ActionButton } from "./action-button";

const link = "text-link underline-offset-2 hover:underline";

function startedBy(runner: RunnerDetailOutput["runner"]): string | null {
  if (!runner.startedBy) return null;
  return runner.startedBy.kind === "key"
    ? `Started through the key ${runner.startedBy.name}`
    : `Started by ${runner.startedBy.name}`;
}

/** The title, which may be edited in place by anyone who can change the run. */
function RunnerTitle({ detail, level }: { detail: RunnerDetailOutput; level: "h1" | "h2" }) {
  const { runner, abilities } = detail;
  const rename = useRunnerAction(runner.id);
  const [editing, setEditing] = useState(false);
  const [title, setTitle] = useState(runner.title ?? "");
  const Heading = level;
  const save = (event: FormEvent) => {
    event.preventDefault();
    rename.mutate({ action: "rename", title }, { onSuccess: () => setEditing(false) });
  };
  if (editing)
    return (
      <form onSubmit={save} className="flex flex-wrap items-end gap-2">
        <label className="flex min-w-0 flex-1 flex-col gap-1 text-xs font-medium text-ink-muted">
          Title
          <input
            // biome-ignore lint/a11y/noAutofocus: the person just asked to edit this field
            autoFocus
            value={title}
            maxLength={255}
            onChange={(event) => setTitle(event.target.value)}
            onKeyDown={(event) => (event.key === "Escape" ? setEditing(false) : undefined)}
            className="h-9 rounded-md border border-border bg-surface px-2 text-base text-ink"
          />
        </label>
        <button
          type="submit"
          disabled={!title.trim() || rename.isPending}
          className="h-9 rounded-md bg-accent px-3 text-sm font-medium text-accent-ink disabled:opacity-60"
        >
          Save title
        </button>
        <button
          type="button"
          onClick={() => setEditing(false)}
          className="h-9 rounded-md border border-border px-3 text-sm"
        >
          Cancel
        </button>
      </form>
    );
  return (
    <div className="flex items-start gap-2">
      <Heading className="min-w-0 flex-1 text-xl font-semibold tracking-tight break-words">
        <AgentText text={runner.title ?? "Untitled run"} />
      </Heading>
      <ActionButton
        label="Rename"
        ability={abilities.rename}
        onClick={() => {
          setTitle(runner.title ?? "");
          setEditing(true);
        }}
      />
    </div>
  );
}

/** The run's agent and model, or those of its latest session when the run does not say. */
function agentOf({ runner, sessions }: RunnerDetailOutput): string {
  const latest = sessions.findLast((session) => session.agent !== null);
  const agent = runner.agent ?? latest?.agent;
  const model = runner.agent ? runner.model : latest?.model;
  if (!agent) return "—";
  return model ? `${agent} · ${model}` : agent;
}

/** Why the run is in its state, in the person's words, when there is something to say. */
function stateReason(runner: RunnerDetailOutput["runner"]): string | null {
  if (runner.failureReason) return runner.failureReason;
  if (runner.mergeCommitError) return `Commit failed: ${runner.mergeCommitError}`;
  if (runner.state === "await_input") return "The agent is waiting on you.";
  return null;
}

/**
 * The run at a glance: title, state and why, where it runs and who started it, and links to its
 * preview, its pull request and the run in Netlify.
 */
export function RunnerHeader({ detail, level }: { detail: RunnerDetailOutput; level: "h1" | "h2" }) {
  const { runner } = detail;
  const reason = stateReason(runner);
  const who = startedBy(runner);
  const now = useNow();
  return (
    <header className="flex flex-col gap-3">
      <RunnerTitle detail={detail} level={level} />
      <p className="flex flex-wrap items-center gap-2 text-sm">
        <span className="rounded-full bg-surface-muted px-2 py-0.5 font-medium">
          {columnTitle(columnOf(runner))}
        </span>
        {isKnownState(runner.state) ? null : (
          <span className="text-ink-muted">
            State <span className="font-mono">{runner.state}</span>
          </span>
        )}
        {reason ? <span className="text-danger-ink">{reason}</span> : null}
        <CardPrBadge card={runner} />
      </p>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr_auto_1fr]">
        <dt className="text-ink-muted">Site</dt>
        <dd>{runner.siteName}</dd>
        <dt className="text-ink-muted">Branch</dt>
        <dd className="font-mono break-all">{runner.prBranch ?? runner.branch ?? "—"}</dd>
        <dt className="text-ink-muted">Agent</dt>
        <dd>{agentOf(detail)}</dd>
        <dt className="text-ink-muted">Started</dt>
        <dd>
          <RelativeTime iso={runner.createdAt} now={now} />
          {who ? <span className="block text-ink-muted">{who}</span> : null}
        </dd>
      </dl>
      <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {runner.deployUrl ? (
          <a href={runner.deployUrl} target="_blank" rel="noreferrer" className={link}>
            Open the deploy preview
          </a>
        ) : null}
        <a href={runner.netlifyUrl} target="_blank" rel="noreferrer" className={link}>
          Open the run in Netlify
        </a>
      </p>
    </header>
  );
}
