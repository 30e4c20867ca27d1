"use client";

import { useId, useState } from "react";
import { FollowUpDialog } from "@/components/board/follow-up-dialog";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Heading } from "@/components/ui/heading";
import { useRunnerAction } from "@/lib/queries/runner-actions";
import type { RunnerDetailOutput } from "@/lib/runners/runner-detail-schemas";
import { ActionButton } from "./action-button";

/**
 * What can be done with the run as a whole. Each button is enabled only when Netlify's rules and
 * the person's role allow it; archiving asks first. Session actions (redeploy, revert) sit on
 * their sessions.
 */
export function RunnerActions({ detail }: { detail: RunnerDetailOutput }) {
  const { runner, abilities } = detail;
  const act = useRunnerAction(runner.id);
  const [followingUp, setFollowingUp] = useState(false);
  const [archiving, setArchiving] = useState(false);
  const pending = act.isPending;
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-2">
      <Heading id={headingId} className="text-sm font-semibold">
        Actions
      </Heading>
      <div className="flex flex-wrap items-start gap-3">
        <ActionButton
          label="Send a follow-up"
          ability={abilities.followUp}
          pending={pending}
          onClick={() => setFollowingUp(true)}
        />
        <ActionButton
          label="Stop"
          ability={abilities.stop}
          pending={pending}
          onClick={() => act.mutate({ action: "stop" })}
        />
        <ActionButton
          label="Open a pull request"
          ability={abilities.createPr}
          pending={pending}
          onClick={() => act.mutate({ action: "create_pr" })}
        />
        <ActionButton
          label="Commit to the PR branch"
          ability={abilities.commit}
          pending={pending}
          onClick={() => act.mutate({ action: "commit" })}
        />
        <ActionButton
          label="Rebase"
          ability={abilities.rebase}
          pending={pending}
          onClick={() => act.mutate({ action: "rebase" })}
        />
        <ActionButton
          label="Archive"
          ability={abilities.archive}
          pending={pending}
          onClick={() => setArchiving(true)}
        />
      </div>
      {followingUp ? (
        <FollowUpDialog
          card={runner}
          onClose={() => setFollowingUp(false)}
          onSend={(action) => {
            act.mutate(action);
            setFollowingUp(false);
          }}
        />
      ) : null}
      <ConfirmDialog
        open={archiving}
        onOpenChange={setArchiving}
        title="Archive this run?"
        description={`“${runner.title ?? "Untitled run"}” leaves the board; it stays under Archived.`}
        confirmLabel="Archive"
        onConfirm={(close) => {
          act.mutate({ action: "archive" });
          close();
        }}
      />
    </section>
  );
}
