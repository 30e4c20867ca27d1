"use client";

import type { ChangeEvent } from "react";
import { attachmentAccept, formatBytes } from "@/lib/runners/attachment-rules";
import type { AttachmentItem } from "./use-attachment-uploads";

const fileInput =
  "text-sm file:mr-3 file:h-8 file:rounded-md file:border file:border-border file:bg-canvas file:px-3 file:text-sm disabled:opacity-60";

/** "Attachments": pick files (uploaded at once), see each one's progress or error, remove any. */
export function CreateRunnerAttachments({
  items,
  disabled,
  onPick,
  onRemove,
}: {
  items: AttachmentItem[];
  /** No site chosen yet: files are stored for a site's team, so there is nowhere to put them. */
  disabled: boolean;
  onPick: (files: File[]) => void;
  onRemove: (id: number) => void;
}) {
  function pick(event: ChangeEvent<HTMLInputElement>) {
    onPick([...(event.target.files ?? [])]);
    // Emptied, so picking the same file again (after removing it) still counts as a change.
    event.target.value = "";
  }

  return (
    <div className="flex flex-col gap-1">
      <label htmlFor="run-files" className="text-sm font-medium">
        Attachments <span className="font-normal text-ink-muted">(optional)</span>
      </label>
      <input
        id="run-files"
        type="file"
        multiple
        accept={attachmentAccept}
        disabled={disabled}
        onChange={pick}
        aria-describedby="run-files-about"
        className={fileInput}
      />
      <p id="run-files-about" className="text-xs text-ink-muted">
        {disabled
          ? "Choose a site first: files are stored with its team."
          : "Images, PDF, text, Markdown or JSON, up to 10 MB each. Changing the site removes them."}
      </p>
      {items.length > 0 ? (
        <ul aria-label="Attached files" className="flex flex-col gap-2">
          {items.map((item) => (
            <AttachmentRow key={item.id} item={item} onRemove={() => onRemove(item.id)} />
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function AttachmentRow({ item, onRemove }: { item: AttachmentItem; onRemove: () => void }) {
  const percent = Math.round(item.progress * 100);
  return (
    <li className="flex flex-col gap-1 rounded-md border border-border bg-surface-muted px-3 py-2 text-sm">
      <div className="flex items-center justify-between gap-2">
        <span className="min-w-0 truncate">
          {item.name} <span className="text-xs text-ink-muted">{formatBytes(item.size)}</span>
        </span>
        <button
          type="button"
          onClick={onRemove}
          aria-label={`Remove ${item.name}`}
          className="h-7 shrink-0 rounded-md border border-border px-2 text-xs"
        >
          Remove
        </button>
      </div>
      {item.state === "uploading" ? (
        <div className="flex items-center gap-2 text-xs text-ink-muted">
          <progress
            value={item.progress}
            max={1}
            aria-label={`Uploading ${item.name}`}
            className="h-1.5 grow"
          />
          <span>{percent}%</span>
        </div>
      ) : null}
      {/* Always rendered, so screen readers hear "Uploaded" when it arrives, not every percent before. */}
      <span aria-live="polite" className="text-xs text-accent">
        {item.state === "uploaded" ? "Uploaded" : ""}
      </span>
      {item.state === "failed" ? (
        <span role="alert" className="text-xs text-warn-ink">
          {item.error}
        </span>
      ) : null}
    </li>
  );
}
