import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

/*
 * Netlify tokens at rest: AES-256-GCM under a key derived from AUTH_SECRET with HKDF-SHA256, a
 * fresh 96-bit IV per token, stored as base64url(iv ‖ auth tag ‖ ciphertext). The derivation
 * is labelled, so the same secret signing sessions never serves as this key directly.
 * Security invariant: neither the token nor the key appears in any error this module throws.
 */

const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_LABEL = "switchyard/netlify-token/aes-256-gcm/v1";

export class TokenDecryptionError extends Error {
  constructor() {
    super("A stored Netlify token could not be decrypted (was AUTH_SECRET changed?). Sign in again.");
    this.name = "TokenDecryptionError";
  }
}

export interface TokenCipher {
  encrypt(token: string): string;
  decrypt(sealed: string): string;
}

export function createTokenCipher(authSecret: string): TokenCipher {
  if (authSecret.length < 32) throw new Error("AUTH_SECRET must be at least 32 characters");
  const key = Buffer.from(hkdfSync("sha256", authSecret, "", KEY_LABEL, 32));
  return {
    encrypt(token) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      const ciphertext = Buffer.concat([cipher.update(token, "utf8"), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString("base64url");
    },
    decrypt(sealed) {
      const bytes = Buffer.from(sealed, "base64url");
      if (bytes.length <= IV_BYTES + TAG_BYTES) throw new TokenDecryptionError();
      try {
        const decipher = createDecipheriv("aes-256-gcm", key, bytes.subarray(0, IV_BYTES));
        decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
        return Buffer.concat([
          decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)),
          decipher.final(),
        ]).toString("utf8");
      } catch {
        // The cause names nothing useful and must not travel: a wrong key or tampered bytes.
        throw new TokenDecryptionError();
      }
    },
  };
}
