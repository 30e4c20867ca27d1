import type { CallOptions, NetlifyConfig } from "./config";
import { netlifyJson } from "./fetch";
import { deleteUrlSchema, uploadUrlSchema } from "./schemas";
import { upstreamRequest } from "./upstream-request";

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
 * A presigned URL the caller then PUTs the file to (with the same Content-Type); the returned
 * `file_key` goes into a create's `fileKeys`.
 */
export async function getUploadUrl(
  config: NetlifyConfig,
  params: UploadUrlParams,
  options: CallOptions = {},
) {
  const { method, path } = upstreamRequest("createUploadUrl", {});
  const body = { account_id: params.accountId, filename: params.filename, content_type: params.contentType };
  return netlifyJson(config, path, { method, body, signal: options.signal }, uploadUrlSchema);
}

// A presigned URL the caller then sends DELETE to.
export async function getDeleteUrl(
  config: NetlifyConfig,
  params: DeleteUrlParams,
  options: CallOptions = {},
) {
  const { method, path } = upstreamRequest("createDeleteUrl", {});
  const body = { account_id: params.accountId, file_key: params.fileKey };
  return netlifyJson(config, path, { method, body, signal: options.signal }, deleteUrlSchema);
}
