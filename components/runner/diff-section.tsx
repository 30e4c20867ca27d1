"use client";

import { type RefObject, useId, useMemo } from "react";
import { toast } from "sonner";
import { DiffViewer } from "@/components/diff/diff-viewer";
import { Heading } from "@/components/ui/heading";
import type { DiffLayout } from "@/lib/diffs/diff-rows";
import { virtualizeLists } from "@/lib/list-rendering";
import { useSaveDiffLayout } from "@/lib/queries/preferences";
import { type DiffSelection, diffSearch, useWholeDiff } from "@/lib/queries/runner-diff";
import type { RunnerDetailOutput } from "@/lib/runners/runner-detail-schemas";
import { actionButton } from "./action-button";
import type { DiffChoice } from "./session-timeline";

/** The diffs a person can pick: the run's latest, and each session's own and cumulative changes. */
function diffOptions(detail: RunnerDetailOutput): { value: string; label: string }[] {
  const options = [{ value: "", label: "Everything the run changed" }];
  detail.sessions.forEach((session, index) => {
    if (session.hasResultDiff)
      options.push({ value: `${session.id}:result`, label: `Session ${index + 1}: its own changes` });
    if (session.hasCumulativeDiff)
      options.push({ value: `${session.id}:cumulative`, label: `Session ${index + 1}: everything up to it` });
  });
  return options;
}

const toSelection = (value: string): DiffSelection => {
  const [sessionId, kind] = value.split(":");
  return sessionId
    ? { sessionId, kind: kind === "result" ? "result" : "cumulative" }
    : { kind: "cumulative" };
};

/**
 * What a diff depends on: the sessions it covers, their states and whether they were discarded.
 * A follow-up, revert, rebase or redeploy changes it, and so shows the new diff.
 */
function diffVersion(detail: RunnerDetailOutput, selection: DiffSelection): string {
  const upTo = selection.sessionId
    ? detail.sessions.findIndex((session) => session.id === selection.sessionId) + 1
    : detail.sessions.length;
  return detail.sessions
    .slice(0, upTo)
    .map((session) => `${session.id}:${session.state}:${session.isDiscarded ? "x" : ""}`)
    .join(",");
}

function DiffBody({
  runnerId,
  selection,
  version,
  layout,
}: {
  runnerId: string;
  selection: DiffSelection;
  version: string;
  layout: DiffLayout;
}) {
  const diff = useWholeDiff(runnerId, selection, version);
  const files = useMemo(() => diff.data?.pages.flatMap((page) => page.files) ?? [], [diff.data]);
  if (diff.isError)
    return (
      <p role="alert" className="rounded-md bg-warn-soft p-3 text-sm text-warn-ink">
        {diff.error.message}
      </p>
    );
  // The benchmark's baseline renders the whole diff at once, when every page is in.
  if (!diff.data || (!virtualizeLists && diff.hasNextPage))
    return <p className="text-sm text-ink-muted">Loading the changes…</p>;
  if (files.length === 0) return <p className="text-sm text-ink-muted">No changes to show.</p>;
  return <DiffViewer files={files} complete={!diff.hasNextPage} layout={layout} />;
}

/**
 * The run's changes: which diff, the layout (remembered for the person), copy and download of the
 * patch, and the viewer itself.
 */
export function DiffSection({
  detail,
  choice,
  onChoose,
  headingRef,
}: {
  detail: RunnerDetailOutput;
  choice: DiffChoice | undefined;
  onChoose: (choice: DiffChoice | undefined) => void;
  /** Focused (and so scrolled to) when a session asks to show its changes. */
  headingRef: RefObject<HTMLHeadingElement | null>;
}) {
  const runnerId = detail.runner.id;
  const saveLayout = useSaveDiffLayout();
  const layoutName = useId();
  const headingId = useId();
  const selection: DiffSelection = choice ?? { kind: "cumulative" };
  const value = choice ? `${choice.sessionId}:${choice.kind}` : "";
  const version = diffVersion(detail, selection);
  const patchUrl = `/api/runners/${encodeURIComponent(runnerId)}/diff/patch?${diffSearch(selection)}`;
  const hasChanges = detail.runner.hasDiff || detail.sessions.some((session) => session.hasCumulativeDiff);
  const copyPatch = async () => {
    try {
      const answer = await fetch(patchUrl);
      if (!answer.ok) throw new Error(`the server answered ${answer.status}`);
      await navigator.clipboard.writeText(await answer.text());
      toast.success("Patch copied.");
    } catch (error) {
      toast.error(`The patch could not be copied: ${(error as Error).message}`);
    }
  };
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-3">
      <Heading id={headingId} ref={headingRef} tabIndex={-1} className="text-lg font-semibold">
        Changes
      </Heading>
      {hasChanges ? (
        <>
          <div className="flex flex-wrap items-end gap-3">
            <label className="flex flex-col gap-1 text-xs font-medium text-ink-muted">
              Show
              <select
                value={value}
                onChange={(event) => {
                  const picked = toSelection(event.target.value);
                  onChoose(picked.sessionId ? { sessionId: picked.sessionId, kind: picked.kind } : undefined);
                }}
                className="h-9 rounded-md border border-border bg-surface px-2 text-sm text-ink"
              >
                {diffOptions(detail).map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </select>
            </label>
            <fieldset className="flex h-9 items-center gap-3 text-sm">
              <legend className="sr-only">Layout</legend>
              {(["unified", "split"] as const).map((layout) => (
                <label key={layout} className="flex items-center gap-1.5">
                  <input
                    type="radio"
                    name={layoutName}
                    checked={detail.diffLayout === layout}
                    onChange={() => saveLayout.mutate(layout)}
                  />
                  {layout === "unified" ? "Unified" : "Split"}
                </label>
              ))}
            </fieldset>
            <button type="button" onClick={() => void copyPatch()} className={actionButton}>
              Copy patch
            </button>
            <a href={patchUrl} download className={`${actionButton} inline-flex items-center`}>
              Download .diff
            </a>
          </div>
          <DiffBody
            // A new diff starts a new viewer: its rows and highlights belong to the old one.
            key={`${value}@${version}`}
            runnerId={runnerId}
            selection={selection}
            version={version}
            layout={detail.diffLayout}
          />
        </>
      ) : (
        <p className="text-sm text-ink-muted">This run has not changed any code.</p>
      )}
    </section>
  );
}
