import { createDecipheriv, hkdfSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createTokenCipher, TokenDecryptionError } from "./token-cipher";

const secret = "a-demo-auth-secret-that-is-long-enough-0123456789";
const token = "nfp_Pq3sT9uVwXyZ0123456789abcdefABCDEF";

describe("Netlify token encryption", () => {
  it("round-trips a token, with a fresh IV each time, and never stores it in clear", () => {
    const cipher = createTokenCipher(secret);
    const first = cipher.encrypt(token);
    const second = cipher.encrypt(token);
    expect(first).not.toBe(second);
    expect(first).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(Buffer.from(first, "base64url").toString("latin1")).not.toContain(token.slice(4, 20));
    expect(cipher.decrypt(first)).toBe(token);
    expect(cipher.decrypt(second)).toBe(token);
  });

  it("is AES-256-GCM with a key derived from AUTH_SECRET by HKDF: iv ‖ tag ‖ ciphertext", () => {
    const sealed = Buffer.from(createTokenCipher(secret).encrypt(token), "base64url");
    const key = Buffer.from(hkdfSync("sha256", secret, "", "switchyard/netlify-token/aes-256-gcm/v1", 32));
    const decipher = createDecipheriv("aes-256-gcm", key, sealed.subarray(0, 12));
    decipher.setAuthTag(sealed.subarray(12, 28));
    expect(Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]).toString()).toBe(token);
  });

  it("refuses tampered bytes, truncated input and another secret's ciphertext, without quoting anything", () => {
    const cipher = createTokenCipher(secret);
    const sealed = cipher.encrypt(token);
    const bytes = Buffer.from(sealed, "base64url");
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 1;
    const attempts = [
      bytes.toString("base64url"),
      sealed.slice(0, 20),
      "",
      createTokenCipher(`${secret}-rotated`).encrypt(token),
    ];
    for (const attempt of attempts) {
      let thrown: unknown;
      try {
        cipher.decrypt(attempt);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(TokenDecryptionError);
      expect(String((thrown as Error).message)).not.toContain(token);
      expect(String((thrown as Error).message)).not.toContain(secret);
    }
  });

  it("refuses an AUTH_SECRET shorter than 32 characters", () => {
    expect(() => createTokenCipher("short")).toThrow(/at least 32/);
  });
});
