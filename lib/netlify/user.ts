import type { CallOptions, NetlifyConfig } from "./config";
import { netlifyJson } from "./fetch";
import { type NetlifyUser, netlifyUserSchema } from "./schemas";
import { upstreamRequest } from "./upstream-request";

// Whoever the token belongs to; also the cheapest way to check a token works.
export async function getCurrentUser(config: NetlifyConfig, options: CallOptions = {}): Promise<NetlifyUser> {
  const { method, path } = upstreamRequest("getCurrentUser", {});
  return netlifyJson(config, path, { method, signal: options.signal }, netlifyUserSchema);
}
