import "server-only";
import { serviceToken, storedTokenCipher } from "@/lib/auth/stored-token";
import type { Env } from "@/lib/env";
import { ApiError } from "@/lib/http/api-error";
import type { FoundKey } from "@/lib/keys/key-verdict";

/**
 * The Netlify token a key acts with: its owner's, decrypted for this call only, or the service
 * token for keys minted from the CLI. Security invariant: the token goes into the upstream
 * request's Authorization header and nowhere else; the errors here never quote it.
 */
export function upstreamTokenFor(key: FoundKey, env: Env): string {
  if (!key.ownerUserId) {
    const token = serviceToken(env);
    if (!token)
      throw new ApiError(
        "UPSTREAM_ERROR",
        "This key was made from the command line and acts with the service token, but NETLIFY_TOKEN is not set on the server.",
      );
    return token;
  }
  const unreadable = new ApiError(
    "UPSTREAM_ERROR",
    "The Netlify sign-in of this key's creator can no longer be used. They need to sign in to Switchyard again.",
  );
  if (!key.tokenCiphertext) throw unreadable;
  try {
    return storedTokenCipher(env).decrypt(key.tokenCiphertext);
  } catch {
    throw unreadable;
  }
}
