"use client";

import { useEffect, useRef, useState } from "react";
import { useUploadAttachment } from "@/lib/queries/create-runner";
import { checkAttachment, maxAttachments } from "@/lib/runners/attachment-rules";

/** One picked file in the "Start a run" dialog: on its way, stored (with its key), or refused. */
export interface AttachmentItem {
  id: number;
  name: string;
  size: number;
  state: "uploading" | "uploaded" | "failed";
  /** Share of the file sent, 0 to 1. */
  progress: number;
  fileKey?: string;
  error?: string;
}

let lastId = 0;

/**
 * The dialog's attachments: each picked file is checked here first (size, type), then uploaded
 * at once for `siteId`, so the run starts without waiting for files. Removing a file on its way
 * cancels its upload.
 */
export function useAttachmentUploads(siteId: string) {
  const upload = useUploadAttachment();
  const [items, setItems] = useState<AttachmentItem[]>([]);
  const uploads = useRef(new Map<number, AbortController>());

  useEffect(() => {
    const running = uploads.current;
    return () => {
      for (const controller of running.values()) controller.abort();
    };
  }, []);

  const update = (id: number, change: Partial<AttachmentItem>) =>
    setItems((list) => list.map((item) => (item.id === id ? { ...item, ...change } : item)));

  function add(files: readonly File[]) {
    const room = maxAttachments - items.length;
    files.forEach((file, index) => {
      const id = ++lastId;
      const base = { id, name: file.name, size: file.size, progress: 0 };
      const check = checkAttachment(file);
      const error =
        index >= room
          ? `At most ${maxAttachments} files can go with a run.`
          : check.ok
            ? undefined
            : check.sentence;
      if (error) {
        setItems((list) => [...list, { ...base, state: "failed", error }]);
        return;
      }
      const controller = new AbortController();
      uploads.current.set(id, controller);
      setItems((list) => [...list, { ...base, state: "uploading" }]);
      upload
        .mutateAsync({
          siteId,
          file,
          signal: controller.signal,
          onProgress: (progress) => update(id, { progress }),
        })
        .then(({ fileKey }) => update(id, { state: "uploaded", progress: 1, fileKey }))
        .catch((failure: Error) => {
          if (!controller.signal.aborted) update(id, { state: "failed", error: failure.message });
        })
        .finally(() => uploads.current.delete(id));
    });
  }

  function remove(id: number) {
    uploads.current.get(id)?.abort();
    setItems((list) => list.filter((item) => item.id !== id));
  }

  function clear() {
    for (const controller of uploads.current.values()) controller.abort();
    setItems([]);
  }

  return {
    items,
    add,
    remove,
    clear,
    uploading: items.some((item) => item.state === "uploading"),
    failed: items.some((item) => item.state === "failed"),
    fileKeys: items.flatMap((item) => (item.fileKey ? [item.fileKey] : [])),
  };
}
