"use client";

import { useMutation } from "@tanstack/react-query";
import { toast } from "sonner";
import type {
  CreatedRunner,
  CreateRunnerInput,
  UploadedAttachment,
} from "@/lib/runners/create-runner-schemas";
import { apiFetch } from "./api-fetch";
import { apiUpload, type UploadOptions } from "./api-upload";

export interface StartRunInput {
  input: CreateRunnerInput;
  /** For the confirmation: the site the run starts on, by name. */
  siteName: string;
}

/**
 * Starts a run. No board query is invalidated: the server caches the run after answering, so a
 * refetch now would miss it; open boards pick it up through their live updates within seconds.
 */
export function useCreateRunner() {
  return useMutation({
    mutationFn: ({ input }: StartRunInput) =>
      apiFetch<CreatedRunner>("/api/runners", { method: "POST", body: input }),
    onSuccess: (_created, { siteName }) => {
      toast.success(`Run started on ${siteName}`);
    },
    onError: (error) => {
      toast.error(error.message);
    },
  });
}

export interface UploadAttachmentInput extends UploadOptions {
  siteId: string;
  file: File;
}

/**
 * Uploads one file for a run; answers its file key. No toast: the dialog shows the outcome
 * beside the file, where it is read (while a modal is open, everything outside it, the toasts'
 * live region included, is hidden from screen readers).
 */
export function useUploadAttachment() {
  return useMutation({
    mutationFn: ({ siteId, file, onProgress, signal }: UploadAttachmentInput) => {
      const form = new FormData();
      form.set("siteId", siteId);
      form.set("file", file);
      return apiUpload<UploadedAttachment>("/api/uploads", form, { onProgress, signal });
    },
  });
}
