import "server-only";
import { request } from "undici";
import type { CallOptions, NetlifyConfig } from "./config";
import { deadlineSignal } from "./deadline-signal";
import { NetlifyApiError } from "./errors";
import { transportError } from "./transport";

export interface UploadFile {
  bytes: Uint8Array;
  /** Sent as `Content-Type`; must be the type the upload URL was asked for. */
  contentType: string;
}

/** Where the API is (for the origin check below) and how long a request may take; no token. */
export type UploadTarget = Pick<NetlifyConfig, "baseUrl" | "timeoutMs">;

/**
 * PUTs a file to a presigned URL from `attachments.uploadUrl`. Not a client function: it never
 * receives the bearer token, so it cannot send it. The URL carries its own signature and points
 * at a file store, not at the API. Redirects are not followed (undici's `request` never does),
 * and plain http is accepted only on the API's own origin (the simulator), so a file never
 * travels unencrypted to a third party.
 */
export async function putUploadFile(
  target: UploadTarget,
  uploadUrl: string,
  file: UploadFile,
  options: CallOptions = {},
): Promise<void> {
  const url = new URL(uploadUrl);
  if (url.protocol !== "https:" && url.origin !== new URL(target.baseUrl).origin)
    throw new NetlifyApiError({
      status: 502,
      errorCode: "invalid_response",
      message: "Netlify handed out an upload URL that is not https",
    });
  let status: number;
  try {
    const answer = await request(url, {
      method: "PUT",
      headers: { "Content-Type": file.contentType, "User-Agent": "switchyard" },
      body: file.bytes,
      signal: deadlineSignal(target.timeoutMs, options.signal),
    });
    status = answer.statusCode;
    await answer.body.dump();
  } catch (error) {
    throw transportError(error, { ...target, token: "" }, options.signal);
  }
  if (status < 200 || status >= 300)
    throw new NetlifyApiError({
      status: 502,
      errorCode: "upload_refused",
      message: `The file store answered the upload with status ${status}`,
    });
}
