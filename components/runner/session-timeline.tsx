"use client";

import { useId, useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Heading } from "@/components/ui/heading";
import { useRunnerAction } from "@/lib/queries/runner-actions";
import type { RunnerDetailOutput, SessionView } from "@/lib/runners/runner-detail-schemas";
import { ActionButton, actionButton } from "./action-button";
import { SessionItem } from "./session-item";

/** Which diff the viewer shows: one session's own change, or everything up to it. */
export interface DiffChoice {
  sessionId: string;
  kind: "result" | "cumulative";
}

/**
 * The run's sessions, oldest first: each with its prompt, result, questions and preview, and its
 * own actions (redeploy, revert to it, show its changes). Reverting asks first and says which
 * sessions it discards.
 */
export function SessionTimeline({
  detail,
  onShowDiff,
}: {
  detail: RunnerDetailOutput;
  onShowDiff: (choice: DiffChoice) => void;
}) {
  const act = useRunnerAction(detail.runner.id);
  const headingId = useId();
  const [revertTo, setRevertTo] = useState<{ session: SessionView; number: number }>();
  const later = revertTo
    ? detail.sessions.slice(revertTo.number).filter((session) => !session.isDiscarded).length
    : 0;
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-3">
      <Heading id={headingId} className="text-lg font-semibold">
        Sessions
      </Heading>
      {detail.sessions.length === 0 ? (
        <p className="text-sm text-ink-muted">No session has been read for this run yet.</p>
      ) : (
        <ol className="flex flex-col gap-3">
          {detail.sessions.map((session, index) => (
            <SessionItem
              key={session.id}
              session={session}
              number={index + 1}
              actions={
                <>
                  {session.hasResultDiff || session.hasCumulativeDiff ? (
                    <button
                      type="button"
                      className={actionButton}
                      onClick={() =>
                        onShowDiff({
                          sessionId: session.id,
                          kind: session.hasResultDiff ? "result" : "cumulative",
                        })
                      }
                    >
                      Show the changes of session {index + 1}
                    </button>
                  ) : null}
                  <ActionButton
                    label={`Redeploy session ${index + 1}`}
                    ability={session.abilities.redeploy}
                    pending={act.isPending}
                    onClick={() => act.mutate({ action: "redeploy", sessionId: session.id })}
                  />
                  <ActionButton
                    label={`Revert to session ${index + 1}`}
                    ability={session.abilities.revert}
                    pending={act.isPending}
                    onClick={() => setRevertTo({ session, number: index + 1 })}
                  />
                </>
              }
            />
          ))}
        </ol>
      )}
      <ConfirmDialog
        open={revertTo !== undefined}
        onOpenChange={(open) => (open ? undefined : setRevertTo(undefined))}
        title={`Revert to session ${revertTo?.number ?? ""}?`}
        description={`The ${later === 1 ? "session" : `${later} sessions`} after it will be discarded: their changes leave the run and its preview.`}
        confirmLabel="Revert"
        onConfirm={(close) => {
          if (revertTo) act.mutate({ action: "revert", sessionId: revertTo.session.id });
          close();
          setRevertTo(undefined);
        }}
      />
    </section>
  );
}
