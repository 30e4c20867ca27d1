import { z } from "zod";
import type { CallOptions, NetlifyConfig } from "./config";
import { netlifyJson } from "./fetch";
import { type NetlifyAccount, netlifyAccountSchema } from "./schemas";
import { upstreamRequest } from "./upstream-request";

const accountListSchema = z.array(netlifyAccountSchema);

// The teams the token's user belongs to; not paginated upstream.
export async function listAccounts(
  config: NetlifyConfig,
  options: CallOptions = {},
): Promise<NetlifyAccount[]> {
  const { method, path } = upstreamRequest("listAccounts", {});
  return netlifyJson(config, path, { method, signal: options.signal }, accountListSchema);
}
