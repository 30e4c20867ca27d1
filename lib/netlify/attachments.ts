import type { CallOptions, NetlifyConfig } from "./config";
import { netlifyJson } from "./fetch";
import { deleteUrlSchema, uploadUrlSchema } from "./schemas";

export interface UploadUrlParams {
  accountId: string;
  filename: string;
  contentType: string;
}

export interface DeleteUrlParams {
  accountId: string;
  fileKey: string;
}

/**
 * POST /agent_runners/upload_url — a presigned URL the caller then PUTs the file to (with the
 * same Content-Type); the returned `file_key` goes into a create's `fileKeys`.
 */
export function getUploadUrl(config: NetlifyConfig, params: UploadUrlParams, options: CallOptions = {}) {
  const body = { account_id: params.accountId, filename: params.filename, content_type: params.contentType };
  const init = { method: "POST", body, signal: options.signal } as const;
  return netlifyJson(config, "/agent_runners/upload_url", init, uploadUrlSchema);
}

// POST /agent_runners/delete_url — a presigned URL the caller then sends DELETE to.
export function getDeleteUrl(config: NetlifyConfig, params: DeleteUrlParams, options: CallOptions = {}) {
  const body = { account_id: params.accountId, file_key: params.fileKey };
  const init = { method: "POST", body, signal: options.signal } as const;
  return netlifyJson(config, "/agent_runners/delete_url", init, deleteUrlSchema);
}
