import "server-only";
import { createTokenCipher, type TokenCipher } from "@/lib/crypto/token-cipher";
import type { Env } from "@/lib/env";
import { resolveSecrets } from "@/lib/secrets";

let cached: { secret: string; cipher: TokenCipher } | undefined;

/** The cipher of stored Netlify tokens, derived once per AUTH_SECRET rather than once per call. */
export function storedTokenCipher(env: Env): TokenCipher {
  const secret = resolveSecrets(env).authSecret;
  if (cached?.secret !== secret) cached = { secret, cipher: createTokenCipher(secret) };
  return cached.cipher;
}

/** The service token: `NETLIFY_TOKEN`, or in demo mode the simulator's demo account. */
export const serviceToken = (env: Env): string | undefined =>
  env.netlifyToken ?? (env.mode === "demo" ? env.netlifyDemoToken : undefined);
