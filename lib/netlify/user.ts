import type { CallOptions, NetlifyConfig } from "./config";
import { netlifyJson } from "./fetch";
import { type NetlifyUser, netlifyUserSchema } from "./schemas";

// GET /user — whoever the token belongs to; also the cheapest way to check a token works.
export function getCurrentUser(config: NetlifyConfig, options: CallOptions = {}): Promise<NetlifyUser> {
  return netlifyJson(config, "/user", { signal: options.signal }, netlifyUserSchema);
}
