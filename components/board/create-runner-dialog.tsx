"use client";

import { type FormEvent, useId, useState } from "react";
import { DialogClose, DialogShell, dialogButton } from "@/components/ui/dialog-shell";
import { useCreateRunner } from "@/lib/queries/create-runner";
import { defaultAgent } from "@/lib/runners/create-runner-schemas";
import { CreateRunnerAttachments } from "./create-runner-attachments";
import { CreateRunnerFields, type RunDraft, type RunSiteChoice } from "./create-runner-fields";
import { CreateRunnerOptions } from "./create-runner-options";
import { useAttachmentUploads } from "./use-attachment-uploads";
import { useNewRunShortcut } from "./use-new-run-shortcut";

export type { RunSiteChoice } from "./create-runner-fields";

const viewerReason = "Viewers can follow runs but not start them. Ask an admin for the member role.";
const noSiteReason = "Connect a site in Settings first: a run is always on one site.";

const emptyDraft: RunDraft = {
  siteId: "",
  prompt: "",
  mode: "normal",
  agent: defaultAgent,
  model: "",
  branch: "",
};

/**
 * "New run" (or `n` anywhere on the page): a dialog to start a run on a connected site, with a
 * prompt, build or ask mode, agent, model, branch and attachments. `disabled` (a viewer) leaves
 * the button visible but unusable, saying why.
 */
export function CreateRunnerButton({ sites, disabled }: { sites: RunSiteChoice[]; disabled: boolean }) {
  const [open, setOpen] = useState(false);
  const reasonId = useId();
  const [draft, setDraft] = useState(emptyDraft);
  const create = useCreateRunner();
  // The only site is chosen for the person; a site that left the board is chosen for no one.
  const siteId = sites.some((site) => site.id === draft.siteId)
    ? draft.siteId
    : sites.length === 1
      ? (sites[0]?.id ?? "")
      : "";
  const attachments = useAttachmentUploads(siteId);
  const reason = disabled ? viewerReason : sites.length === 0 ? noSiteReason : undefined;
  useNewRunShortcut(setOpen, reason === undefined);

  const ready = siteId !== "" && draft.prompt.trim() !== "" && !attachments.uploading && !attachments.failed;

  function change(next: Partial<RunDraft>) {
    // Files are stored with a site's team: they cannot go with a run on another site.
    if (next.siteId !== undefined && next.siteId !== siteId) attachments.clear();
    setDraft((current) => ({ ...current, ...next }));
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!ready || create.isPending) return;
    const site = sites.find((choice) => choice.id === siteId);
    const input = {
      siteId,
      prompt: draft.prompt,
      mode: draft.mode,
      agent: draft.agent,
      model: draft.model.trim() || undefined,
      branch: draft.branch.trim() || undefined,
      fileKeys: attachments.fileKeys.length > 0 ? attachments.fileKeys : undefined,
    };
    create.mutate(
      { input, siteName: site?.name ?? "the site" },
      {
        onSuccess: () => {
          setOpen(false);
          setDraft(emptyDraft);
          attachments.clear();
          create.reset();
        },
      },
    );
  }

  function openChange(next: boolean) {
    setOpen(next);
    // A refusal read last time is not news when the dialog opens again.
    if (!next && create.isError) create.reset();
  }

  return (
    <>
      {reason ? (
        <span id={reasonId} className="sr-only">
          {reason}
        </span>
      ) : null}
      <DialogShell
        width="lg"
        open={open}
        onOpenChange={openChange}
        trigger={
          <button
            type="button"
            disabled={reason !== undefined}
            title={reason ?? "New run (N)"}
            aria-keyshortcuts={reason ? undefined : "n"}
            aria-describedby={reason ? reasonId : undefined}
            className="h-9 rounded-md bg-accent px-3 text-sm font-medium text-accent-ink disabled:opacity-60"
          >
            New run
          </button>
        }
        title="Start a run"
        description="An agent works on the site as you, with your Netlify account's AI credits."
      >
        <form onSubmit={submit} className="flex flex-col gap-4">
          <CreateRunnerFields draft={{ ...draft, siteId }} sites={sites} onChange={change} />
          <CreateRunnerOptions draft={draft} onChange={change} />
          <CreateRunnerAttachments
            items={attachments.items}
            disabled={siteId === ""}
            onPick={attachments.add}
            onRemove={attachments.remove}
          />
          {create.isError ? (
            <p role="alert" className="rounded-md bg-warn-soft p-3 text-sm text-warn-ink">
              {create.error.message}
            </p>
          ) : null}
          <div className="flex justify-end gap-2">
            <DialogClose type="button" className={dialogButton.secondary}>
              Cancel
            </DialogClose>
            <button type="submit" disabled={!ready || create.isPending} className={dialogButton.primary}>
              {create.isPending ? "Starting…" : "Run"}
            </button>
          </div>
        </form>
      </DialogShell>
    </>
  );
}
