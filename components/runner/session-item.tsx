"use client";

import { useId } from "react";
import { AgentText } from "@/components/board/agent-text";
import { Heading } from "@/components/ui/heading";
import type { SessionView } from "@/lib/runners/runner-detail-schemas";
import { AgentMarkdown } from "./agent-markdown";
import { SessionInteractions } from "./session-interactions";

const link = "text-link underline-offset-2 hover:underline";

const modeNames: Record<string, string> = {
  normal: "Build",
  ask: "Ask",
  redeploy: "Redeploy",
  rebase: "Rebase",
  create: "Create",
  git_sync: "Git sync",
  conflict_resolution: "Conflict resolution",
};

/** "3m 20s", from milliseconds. */
export function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  const m = Math.floor(seconds / 60);
  const h = Math.floor(m / 60);
  if (h > 0) return `${h}h ${m % 60}m`;
  return m > 0 ? `${m}m ${seconds % 60}s` : `${seconds}s`;
}

function facts(session: SessionView): string[] {
  return [
    modeNames[session.mode] ?? session.mode,
    session.agent ? (session.model ? `${session.agent} · ${session.model}` : session.agent) : null,
    session.state,
    session.durationMs ? formatDuration(session.durationMs) : null,
    session.stepsCount ? `${session.stepsCount} step${session.stepsCount === 1 ? "" : "s"}` : null,
    session.usage?.credits != null ? `${session.usage.credits.toLocaleString()} credits` : null,
    session.usage?.tokens != null ? `${session.usage.tokens.toLocaleString()} tokens` : null,
  ].filter((fact): fact is string => fact !== null);
}

/**
 * One session of the run: what was asked, how it went, what the agent answered (sanitized
 * Markdown) and asked, and its deploy preview. A discarded session is greyed and says so.
 * `actions` are its redeploy, revert and diff controls.
 */
export function SessionItem({
  session,
  number,
  actions,
}: {
  session: SessionView;
  number: number;
  actions: React.ReactNode;
}) {
  const headingId = useId();
  return (
    <li
      aria-labelledby={headingId}
      className={`flex flex-col gap-3 rounded-lg border border-border bg-surface p-4 ${
        session.isDiscarded ? "border-dashed bg-surface-muted text-ink-muted" : ""
      }`}
    >
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <Heading depth={1} id={headingId} className="font-semibold">
          Session {number}
          {session.isDiscarded ? (
            <>
              {" "}
              <span className="ml-1 text-sm font-normal">(discarded by a revert)</span>
            </>
          ) : null}
        </Heading>
        <p className="text-xs text-ink-muted">{facts(session).join(" · ")}</p>
      </div>
      {session.prompt ? (
        <blockquote className="border-l-2 border-border pl-3 text-sm whitespace-pre-wrap">
          <AgentText text={session.prompt} />
        </blockquote>
      ) : null}
      {session.creditMessage || session.interruptReason ? (
        <p className="text-sm text-danger-ink">
          {session.creditMessage ?? `Interrupted: ${session.interruptReason}`}
        </p>
      ) : null}
      {session.result ? <AgentMarkdown markdown={session.result} /> : null}
      <SessionInteractions interactions={session.interactions} />
      {session.steps.length > 0 ? (
        <details className="text-sm">
          <summary className="cursor-pointer text-ink-muted">Steps ({session.stepsCount})</summary>
          <ol className="mt-2 flex list-decimal flex-col gap-1 pl-5">
            {session.steps.map((step, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: steps only grow at the end
              <li key={index}>
                <AgentText text={step.title ?? step.message ?? ""} />
              </li>
            ))}
          </ol>
        </details>
      ) : null}
      <div className="flex flex-wrap items-start gap-3 text-sm">
        {session.deployUrl ? (
          <a href={session.deployUrl} target="_blank" rel="noreferrer" className={`${link} self-center`}>
            Deploy preview of session {number}
          </a>
        ) : null}
        {actions}
      </div>
    </li>
  );
}
