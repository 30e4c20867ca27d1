import "server-only";
import type { Database } from "@/db";
import type { User } from "@/db/schema";
import { netlifyClientForUser } from "@/lib/auth/user-netlify-client";
import type { Env } from "@/lib/env";
import { ApiError, parseInput, readFormBody } from "@/lib/http";
import { putUploadFile } from "@/lib/netlify/upload-file";
import { attachmentSentences, checkAttachment, maxAttachmentBytes } from "./attachment-rules";
import { connectedSite } from "./create-runner";
import {
  type UploadedAttachment,
  uploadedAttachmentSchema,
  uploadFieldsSchema,
} from "./create-runner-schemas";

/** Room for the multipart framing and the site id around a file of the largest size. */
const formOverheadBytes = 64 * 1024;

export interface UploadForm {
  siteId: string;
  file: File;
}

/** `siteId` and `file` from a multipart body no larger than one attachment can make it. */
export async function readUploadForm(request: Request): Promise<UploadForm> {
  const form = await readFormBody(request, {
    maxBytes: maxAttachmentBytes + formOverheadBytes,
    tooLargeMessage: attachmentSentences.tooLarge,
  });
  const file = form.get("file");
  if (!(file instanceof File))
    throw new ApiError("BAD_REQUEST", "The request body is invalid: file is required.");
  const { siteId } = parseInput(
    uploadFieldsSchema,
    { siteId: form.get("siteId") ?? undefined },
    "request body",
  );
  return { siteId, file };
}

/**
 * Stores one file with Netlify for a run on a connected site, as the signed-in person: an upload
 * URL for the site's team, then the bytes PUT there from here. Security invariant: the upload
 * URL (a bearer credential for that storage slot) never reaches the browser; only the file key
 * does, which is worth nothing without the person's Netlify token.
 */
export async function uploadAttachmentAs(
  db: Database,
  env: Env,
  user: User,
  { siteId, file }: UploadForm,
): Promise<UploadedAttachment> {
  const check = checkAttachment(file);
  if (!check.ok)
    throw new ApiError(
      check.problem === "too_large" ? "PAYLOAD_TOO_LARGE" : "VALIDATION_FAILED",
      check.sentence,
    );
  const site = await connectedSite(db, siteId);
  const client = await netlifyClientForUser(db, env, user.id);
  // Sites connected before the account was recorded: Netlify says which team the site is on.
  const accountId = site.accountId ?? (await client.sites.get(site.id)).account_id;
  if (!accountId)
    throw new ApiError(
      "UPSTREAM_ERROR",
      "Netlify did not say which team this site belongs to, so nothing can be attached.",
    );
  const filename = storedFileName(file.name);
  const upload = await client.attachments.uploadUrl({ accountId, filename, contentType: check.contentType });
  await putUploadFile({ baseUrl: env.netlifyApiUrl, timeoutMs: env.netlifyApiTimeoutMs }, upload.upload_url, {
    bytes: new Uint8Array(await file.arrayBuffer()),
    contentType: check.contentType,
  });
  return uploadedAttachmentSchema.parse({ fileKey: upload.file_key, filename, size: file.size });
}

/**
 * The name the file is stored under: it becomes part of the file key and of the upload URL, and
 * Netlify refuses path separators, so only letters, digits, `.`, `_` and `-` are kept. The
 * ending is the one `checkAttachment` accepted.
 */
export function storedFileName(name: string): string {
  const dot = name.lastIndexOf(".");
  const ending = name.slice(dot).toLowerCase();
  const stem = name
    .slice(0, dot)
    .normalize("NFKD")
    // Accents come apart into a letter and a combining mark; the letter stays.
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\w.-]+/g, "-")
    .replace(/^[-.]+|[-.]+$/g, "")
    .slice(0, 100);
  return `${stem || "attachment"}${ending}`;
}
