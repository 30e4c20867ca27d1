import { createHash, randomInt } from "node:crypto";
import { crc32 } from "node:zlib";

/*
 * The `oc_` API key: `oc_` + 36 random base62 characters (~214 bits) + a 6-character base62
 * CRC-32 of those 36. Letters, digits and one underscore form a single word, so a double-click
 * selects the whole key; the checksum lets a typo or a truncated paste be refused without a
 * database query. Security invariant: only `hashApiKey(key)` and `displayPrefix(key)` are
 * ever stored.
 */

const PREFIX = "oc_";
const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
export const KEY_RANDOM_LENGTH = 36;
const CHECKSUM_LENGTH = 6;
const keyPattern = new RegExp(`^${PREFIX}[0-9A-Za-z]{${KEY_RANDOM_LENGTH + CHECKSUM_LENGTH}}$`);
/** How much of a key a list shows: enough to tell keys apart, far too little to use one. */
const DISPLAY_LENGTH = PREFIX.length + 6;

function toBase62(value: number, width: number): string {
  let out = "";
  for (let rest = value; out.length < width; rest = Math.floor(rest / 62)) out = BASE62[rest % 62] + out;
  return out;
}

const checksumOf = (random: string) => toBase62(crc32(random), CHECKSUM_LENGTH);

/** A new key. `randomInt` draws each character without modulo bias. */
export function generateApiKey(): string {
  let random = "";
  for (let i = 0; i < KEY_RANDOM_LENGTH; i++) random += BASE62[randomInt(62)];
  return `${PREFIX}${random}${checksumOf(random)}`;
}

export type KeyShapeProblem = "malformed" | "bad_checksum";

/** Checks a presented key's shape and checksum: the cheap refusal before any lookup. */
export function checkKeyShape(candidate: string): KeyShapeProblem | undefined {
  if (!keyPattern.test(candidate)) return "malformed";
  const random = candidate.slice(PREFIX.length, PREFIX.length + KEY_RANDOM_LENGTH);
  return candidate.slice(PREFIX.length + KEY_RANDOM_LENGTH) === checksumOf(random)
    ? undefined
    : "bad_checksum";
}

/** What the database stores and looks keys up by: hex SHA-256 of the whole key. */
export const hashApiKey = (key: string): string => createHash("sha256").update(key).digest("hex");

export const displayPrefix = (key: string): string => key.slice(0, DISPLAY_LENGTH);
