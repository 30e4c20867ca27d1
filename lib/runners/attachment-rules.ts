/*
 * Which files a run may carry, checked in the browser before an upload starts and again on the
 * server (the browser's check is a courtesy; the server's is the rule). No server imports here.
 */

/** 10 MB: what Netlify's own client lets a person attach. */
export const maxAttachmentBytes = 10 * 1024 * 1024;

/** At most this many files per run (the upstream create takes 20 file keys). */
export const maxAttachments = 20;

/**
 * The media types a run may carry, each with the file name endings that mean it. The ending
 * decides: Netlify checks it, and browsers disagree on the type of `.md` and `.json` files
 * (often sending none at all).
 */
export const attachmentTypes = {
  "image/png": [".png"],
  "image/jpeg": [".jpg", ".jpeg"],
  "image/gif": [".gif"],
  "image/webp": [".webp"],
  "application/pdf": [".pdf"],
  "text/plain": [".txt"],
  "text/markdown": [".md"],
  "application/json": [".json"],
} as const satisfies Record<string, readonly string[]>;

export type AttachmentType = keyof typeof attachmentTypes;

/** For the file input's `accept`, so the picker offers the right files first. */
export const attachmentAccept = Object.entries(attachmentTypes)
  .flatMap(([type, endings]) => [type, ...endings])
  .join(",");

/** Types a browser or client sends when it does not know: the ending decides alone. */
const unknownTypes = new Set(["", "application/octet-stream"]);

export const attachmentSentences = {
  tooLarge: "The file is larger than 10 MB, the most a run can carry.",
  empty: "The file is empty.",
  wrongType: "Only images (PNG, JPEG, GIF, WebP), PDF, text, Markdown and JSON files can be attached.",
} as const;

export interface AttachmentCandidate {
  name: string;
  size: number;
  /** The media type the browser declared; may be empty. */
  type: string;
}

export type AttachmentCheck =
  | { ok: true; contentType: AttachmentType }
  | { ok: false; problem: "too_large" | "wrong_type" | "empty"; sentence: string };

/** Whether a file may be attached, and the media type it is then stored with. */
export function checkAttachment(file: AttachmentCandidate): AttachmentCheck {
  if (file.size > maxAttachmentBytes)
    return { ok: false, problem: "too_large", sentence: attachmentSentences.tooLarge };
  if (file.size === 0) return { ok: false, problem: "empty", sentence: attachmentSentences.empty };
  const contentType = typeByEnding(file.name);
  const declared = file.type.split(";")[0]?.trim().toLowerCase() ?? "";
  // A declared type outside the list (an executable renamed to .png) is refused, not trusted away.
  if (!contentType || (!unknownTypes.has(declared) && !(declared in attachmentTypes)))
    return { ok: false, problem: "wrong_type", sentence: attachmentSentences.wrongType };
  return { ok: true, contentType };
}

function typeByEnding(name: string): AttachmentType | undefined {
  const dot = name.lastIndexOf(".");
  if (dot < 0) return undefined;
  const ending = name.slice(dot).toLowerCase();
  for (const [type, endings] of Object.entries(attachmentTypes) as [AttachmentType, readonly string[]][])
    if (endings.includes(ending)) return type;
  return undefined;
}

/** "2.4 MB", "830 KB": how the dialog states a size. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
