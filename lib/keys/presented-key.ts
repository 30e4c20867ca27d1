import { ApiError } from "@/lib/http/api-error";
import { checkKeyShape } from "./key-format";

const bearer = /^Bearer\s+(\S+)\s*$/i;

/**
 * The key a request presents in `Authorization: Bearer oc_…`, the only place one is accepted
 * (a key in the query string ends up in access logs). A missing header is 401 `MISSING_KEY`;
 * a malformed key or a bad checksum is 401 `INVALID_KEY` before any query, worded as an
 * unknown key is, so a caller learns nothing about which. Security invariant: the presented key
 * is never logged or echoed, only hashed.
 */
export function presentedKey(authorization: string | null): string {
  const presented = bearer.exec(authorization ?? "")?.[1];
  if (!presented) throw new ApiError("MISSING_KEY", "Send your API key as `Authorization: Bearer oc_…`.");
  if (checkKeyShape(presented)) throw invalidKeyError();
  return presented;
}

export const invalidKeyError = (options?: { headers?: Record<string, string> }) =>
  new ApiError("INVALID_KEY", "The API key is not valid.", options);
