import "server-only";
import { createTokenCipher, type TokenCipher } from "@/lib/crypto/token-cipher";
import type { Env } from "@/lib/env";
import { ApiError } from "@/lib/http/api-error";
import type { FoundKey } from "@/lib/keys/key-verdict";
import { resolveSecrets } from "@/lib/secrets";

let cached: { secret: string; cipher: TokenCipher } | undefined;

/** The cipher for AUTH_SECRET, derived once per process rather than once per call. */
function cipherFor(env: Env): TokenCipher {
  const secret = resolveSecrets(env).authSecret;
  if (cached?.secret !== secret) cached = { secret, cipher: createTokenCipher(secret) };
  return cached.cipher;
}

/** The service token: `NETLIFY_TOKEN`, or in demo mode the simulator's demo account. */
export const serviceToken = (env: Env) =>
  env.netlifyToken ?? (env.mode === "demo" ? env.netlifyDemoToken : undefined);

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
    return cipherFor(env).decrypt(key.tokenCiphertext);
  } catch {
    throw unreadable;
  }
}
