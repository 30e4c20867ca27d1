import pino from "pino";
import { describe, expect, it } from "vitest";
import { redactCensor, redactPaths, sensitiveFields, sensitiveHeaders } from "./redact";
import { isSensitiveFieldName } from "./scrub";

describe("redactPaths", () => {
  it("make pino alone censor every sensitive header and field down to three levels", () => {
    const written: string[] = [];
    const log = pino(
      { redact: { paths: redactPaths(), censor: redactCensor } },
      { write: (line: string) => written.push(line) },
    );
    const names = [...sensitiveHeaders, ...sensitiveFields];
    const flat = Object.fromEntries([...names.map((name) => [name, "secret-value"]), ["keep", "kept"]]);
    log.info({ ...flat, headers: flat, req: { headers: flat }, a: { b: { c: flat } } });
    const line = JSON.parse(written[0] ?? "{}");
    const censored = Object.fromEntries([...names.map((name) => [name, "[redacted]"]), ["keep", "kept"]]);
    expect(line).toMatchObject({
      ...censored,
      headers: censored,
      req: { headers: censored },
      a: { b: { c: censored } },
    });
    expect(written[0]).not.toContain("secret-value");
  });
});

describe("isSensitiveFieldName", () => {
  it("matches the secret fields and their spelling variants, not ids or display prefixes", () => {
    for (const name of [
      "token",
      "accessToken",
      "refresh_token",
      "password",
      "clientSecret",
      "key",
      "apiKey",
    ]) {
      expect(isSensitiveFieldName(name), name).toBe(true);
    }
    for (const name of [
      "keyHash",
      "key_hash",
      "authorization",
      "set-cookie",
      "x-netlify-token",
      "privateKey",
    ]) {
      expect(isSensitiveFieldName(name), name).toBe(true);
    }
    for (const name of ["keyId", "key_id", "keyPrefix", "keys", "monkey", "site_id", "status", "path"]) {
      expect(isSensitiveFieldName(name), name).toBe(false);
    }
  });
});
