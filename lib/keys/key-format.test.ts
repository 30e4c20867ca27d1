import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { checkKeyShape, displayPrefix, generateApiKey, hashApiKey, KEY_RANDOM_LENGTH } from "./key-format";

describe("API key format", () => {
  it("is oc_ + 36 random base62 characters + a 6-character checksum, one word that a double-click selects", () => {
    const key = generateApiKey();
    expect(key).toMatch(/^oc_[0-9A-Za-z]{42}$/);
    expect(key).toMatch(/^\w+$/);
    expect(checkKeyShape(key)).toBeUndefined();
  });

  it("draws fresh keys that use the whole alphabet", () => {
    const keys = Array.from({ length: 2_000 }, generateApiKey);
    expect(new Set(keys).size).toBe(keys.length);
    const characters = new Set(keys.flatMap((key) => [...key.slice(3, 3 + KEY_RANDOM_LENGTH)]));
    expect(characters.size).toBe(62);
  });

  it("refuses malformed keys and keys whose checksum does not match, every single-character typo included", () => {
    const key = generateApiKey();
    const malformedKeys = [
      "",
      "oc_",
      key.slice(0, -1),
      `${key}x`,
      key.replace("oc_", "ok_"),
      `${key.slice(0, 10)}-${key.slice(11)}`,
      `${key.slice(0, 20)}é${key.slice(21)}`,
      ` ${key}`,
      `${key}\n`,
    ];
    for (const malformed of malformedKeys) {
      expect(checkKeyShape(malformed), malformed).toBe("malformed");
    }
    let typos = 0;
    for (let index = 3; index < key.length; index++) {
      const replacement = key[index] === "a" ? "b" : "a";
      const typo = `${key.slice(0, index)}${replacement}${key.slice(index + 1)}`;
      expect(checkKeyShape(typo), typo).toBe("bad_checksum");
      typos++;
    }
    expect(typos).toBe(42);
  });

  it("stores only a SHA-256 hash and a short prefix that cannot stand in for the key", () => {
    const key = generateApiKey();
    expect(hashApiKey(key)).toBe(createHash("sha256").update(key).digest("hex"));
    expect(hashApiKey(key)).not.toContain(key.slice(3, 12));
    expect(displayPrefix(key)).toBe(key.slice(0, 9));
    expect(checkKeyShape(displayPrefix(key))).toBe("malformed");
  });
});
