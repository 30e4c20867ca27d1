"use client";

import { useQuery } from "@tanstack/react-query";
import { useId, useRef, useState } from "react";
import { CardQuestions } from "@/components/board/card-questions";
import { Heading, SectionLevelProvider } from "@/components/ui/heading";
import { ApiRequestError } from "@/lib/queries/api-fetch";
import { runnerDetailQueryOptions } from "@/lib/queries/runner-detail";
import { DiffSection } from "./diff-section";
import { RunnerActions } from "./runner-actions";
import { RunnerHeader } from "./runner-header";
import { type DiffChoice, SessionTimeline } from "./session-timeline";

/**
 * Everything about one run: the header, what it waits on, its actions, its sessions and its
 * changes. The same view is the run's page and the board's side panel (`level` is its title's
 * heading level there).
 */
export function RunnerView({ runnerId, level }: { runnerId: string; level: "h1" | "h2" }) {
  const { data: detail, error } = useQuery(runnerDetailQueryOptions(runnerId));
  const [diff, setDiff] = useState<DiffChoice>();
  const changesHeading = useRef<HTMLHeadingElement>(null);
  // A session's "Show the changes" takes the person (and their focus) to the diff it picked.
  const showDiff = (choice: DiffChoice) => {
    setDiff(choice);
    changesHeading.current?.focus();
  };
  // Ids of its own: a panel can open over a run's page.
  const headingId = useId();
  if (error)
    return (
      <p role="alert" className="rounded-md bg-warn-soft p-3 text-sm text-warn-ink">
        {error instanceof ApiRequestError && error.status === 404
          ? "This run is not on the board: it may be on a site that is not connected, or gone."
          : error.message}
      </p>
    );
  if (!detail) return <p className="text-sm text-ink-muted">Loading the run…</p>;
  const { runner } = detail;
  return (
    <div className="flex flex-col gap-6">
      <RunnerHeader detail={detail} level={level} />
      <SectionLevelProvider level={level === "h1" ? 2 : 3}>
        {runner.interaction ? (
          <section aria-labelledby={headingId} className="flex flex-col gap-2 rounded-lg bg-warn-soft/60 p-3">
            <Heading id={headingId} className="text-sm font-semibold">
              The agent is waiting on you
            </Heading>
            <CardQuestions
              card={runner}
              interaction={runner.interaction}
              canAnswer={detail.abilities.answer.allowed}
            />
          </section>
        ) : null}
        <RunnerActions detail={detail} />
        <SessionTimeline detail={detail} onShowDiff={showDiff} />
        <DiffSection detail={detail} choice={diff} onChoose={setDiff} headingRef={changesHeading} />
      </SectionLevelProvider>
    </div>
  );
}
