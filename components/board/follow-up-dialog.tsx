"use client";

import { type FormEvent, useState } from "react";
import { DialogClose, DialogShell, dialogButton } from "@/components/ui/dialog-shell";
import { agents } from "@/db/schema/upstream-states";
import type { BoardCard } from "@/lib/runners/board";
import type { RunnerAction } from "@/lib/runners/runner-action-schemas";
import { CreateRunnerAttachments } from "./create-runner-attachments";
import { useAttachmentUploads } from "./use-attachment-uploads";

type FollowUp = Extract<RunnerAction, { action: "follow_up" }>;

const field = "rounded-md border border-border bg-surface px-2 py-1.5 text-sm";

/** A follow-up for a finished run: the prompt, the agent, model and mode it runs with, and files. */
export function FollowUpDialog({
  card,
  onSend,
  onClose,
}: {
  card: Pick<BoardCard, "agent" | "model" | "title" | "siteName" | "siteId">;
  onSend: (followUp: FollowUp) => void;
  onClose: () => void;
}) {
  const [prompt, setPrompt] = useState("");
  const [agent, setAgent] = useState<string>(
    card.agent && (agents as readonly string[]).includes(card.agent) ? card.agent : "claude",
  );
  const [model, setModel] = useState(card.model ?? "");
  const [mode, setMode] = useState<"normal" | "ask">("normal");
  const attachments = useAttachmentUploads(card.siteId);
  const ready = prompt.trim() !== "" && !attachments.uploading && !attachments.failed;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!ready) return;
    onSend({
      action: "follow_up",
      prompt: prompt.trim(),
      agent: agent as FollowUp["agent"],
      model: model.trim() || undefined,
      mode,
      fileKeys: attachments.fileKeys.length > 0 ? attachments.fileKeys : undefined,
    });
  };
  return (
    <DialogShell
      open
      onOpenChange={(open) => (open ? undefined : onClose())}
      title="Send a follow-up"
      description={`A new session of “${card.title ?? "Untitled run"}” on ${card.siteName}.`}
    >
      <form onSubmit={submit} className="flex flex-col gap-3">
        <label className="flex flex-col gap-1 text-sm font-medium">
          Prompt
          <textarea
            required
            rows={4}
            value={prompt}
            onChange={(event) => setPrompt(event.target.value)}
            className={field}
          />
        </label>
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          <label className="flex flex-col gap-1 text-sm font-medium">
            Agent
            <select value={agent} onChange={(event) => setAgent(event.target.value)} className={field}>
              {agents.map((name) => (
                <option key={name}>{name}</option>
              ))}
            </select>
          </label>
          <label className="flex flex-col gap-1 text-sm font-medium">
            Model <span className="font-normal text-ink-muted">(optional)</span>
            <input value={model} onChange={(event) => setModel(event.target.value)} className={field} />
          </label>
        </div>
        <fieldset className="flex gap-4 text-sm">
          <legend className="mb-1 font-medium">Mode</legend>
          <label className="flex items-center gap-1.5">
            <input type="radio" name="mode" checked={mode === "normal"} onChange={() => setMode("normal")} />{" "}
            Build
          </label>
          <label className="flex items-center gap-1.5">
            <input type="radio" name="mode" checked={mode === "ask"} onChange={() => setMode("ask")} /> Ask
            (no code changes)
          </label>
        </fieldset>
        <CreateRunnerAttachments
          items={attachments.items}
          disabled={false}
          onPick={attachments.add}
          onRemove={attachments.remove}
        />
        <div className="flex justify-end gap-2">
          <DialogClose className={dialogButton.secondary}>Cancel</DialogClose>
          <button type="submit" disabled={!ready} className={dialogButton.primary}>
            Send follow-up
          </button>
        </div>
      </form>
    </DialogShell>
  );
}
