import type { Database } from "@/db";
import type { ApiKeyScope } from "@/db/schema";
import { hashApiKey } from "./key-format";
import { lookupKey, type RateClass } from "./key-lookup";
import { type FoundKey, judgeKey } from "./key-verdict";
import { presentedKey } from "./presented-key";

export interface VerifyOptions {
  /** Judge expiry and revocation at this time instead of the database's now (tests of grace periods). */
  now?: Date;
  rateClass?: RateClass;
}

/**
 * Who a presented `Authorization: Bearer oc_…` is, and whether it may make a call needing
 * `needed`: refused with the contract's status and code otherwise (see `judgeKey`).
 */
export async function verifyApiKey(
  db: Database,
  authorization: string | null,
  needed: ApiKeyScope,
  options: VerifyOptions = {},
): Promise<FoundKey> {
  const keyHash = hashApiKey(presentedKey(authorization));
  const lookup = await lookupKey(db, {
    keyHash,
    rateClass: options.rateClass ?? "default",
  });
  return judgeKey(lookup, needed, { nowMs: options.now?.getTime() });
}
