import { z } from "zod";
import type { CallOptions, NetlifyConfig } from "./config";
import { netlifyJson } from "./fetch";
import { type NetlifyAccount, netlifyAccountSchema } from "./schemas";

const accountListSchema = z.array(netlifyAccountSchema);

// GET /accounts — the teams the token's user belongs to; not paginated upstream.
export function listAccounts(config: NetlifyConfig, options: CallOptions = {}): Promise<NetlifyAccount[]> {
  return netlifyJson(config, "/accounts", { signal: options.signal }, accountListSchema);
}
