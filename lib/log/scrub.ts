import pino from "pino";

/**
 * Value scrubbing: secrets found by their shape in any string of a log line, whatever field (or
 * message, or error) carries them. Field-name redaction is the other half (see `redact.ts`): a
 * token pasted into a message or echoed in an upstream error has no telling field name.
 */

const replacements: ReadonlyArray<readonly [RegExp, string]> = [
  // Our API keys: `oc_` + base62 (lib/keys/key-format.ts); 20+ characters so a display prefix
  // (`oc_` + 6, shown on Settings and safe to log) stays readable.
  [/\boc_[A-Za-z0-9]{20,}\b/g, "oc_[redacted]"],
  // Netlify personal access tokens: `nfp_` + base62.
  [/\bnfp_[A-Za-z0-9]{20,}\b/g, "nfp_[redacted]"],
  // Any credential in an Authorization-style value; Netlify OAuth tokens are long base64url
  // strings with no prefix of their own, so "after Bearer" is how they are recognised.
  [/\b(Bearer|Basic)\s+[A-Za-z0-9\-._~+/]+=*/gi, "$1 [redacted]"],
  // Credentials in a URL's query (OAuth callbacks, a key pasted as ?api_key=).
  [
    /([?&](?:access_token|refresh_token|id_token|token|code|api_key|apikey|key|secret|client_secret|password)=)[^&#\s"']+/gi,
    "$1[redacted]",
  ],
  // Credentials in a URL's authority (postgres://user:password@host).
  [/(\b[a-z][a-z0-9+.-]*:\/\/[^/\s:@]+:)[^/\s@]+@/gi, "$1[redacted]@"],
];

/** Secrets shorter than this are not scrubbed by value: replacing a short string would garble unrelated text. */
const minKnownSecretLength = 8;

export interface Scrubber {
  text(value: string): string;
  value(value: unknown): unknown;
}

/**
 * A scrubber for secret shapes plus `knownSecrets`, exact values this process holds (the
 * service token, AUTH_SECRET…), whatever shape they have.
 */
export function createScrubber(knownSecrets: readonly (string | undefined)[] = []): Scrubber {
  const exact = knownSecrets.filter(
    (secret): secret is string => (secret?.length ?? 0) >= minKnownSecretLength,
  );
  const text = (value: string): string => {
    let scrubbed = value;
    for (const secret of exact) scrubbed = scrubbed.replaceAll(secret, "[redacted]");
    for (const [pattern, replacement] of replacements) scrubbed = scrubbed.replace(pattern, replacement);
    return scrubbed;
  };
  return { text, value: (value) => scrubValue(value, text, new WeakSet()) };
}

/**
 * A deep copy with every string scrubbed and every sensitive field censored. Errors become pino's
 * serialized form ({type, message, stack, own fields}, causes folded in) here, before pino would
 * serialize the raw Error, so their message and stack are scrubbed too.
 */
function scrubValue(value: unknown, text: (value: string) => string, seen: WeakSet<object>): unknown {
  if (typeof value === "string") return text(value);
  if (value === null || typeof value !== "object") return value;
  if (seen.has(value)) return "[Circular]";
  seen.add(value);
  try {
    if (Array.isArray(value)) return value.map((item) => scrubValue(item, text, seen));
    if (value instanceof Error) return scrubFields(pino.stdSerializers.err(value), text, seen);
    // A URL, a Date, a Buffer: what JSON.stringify would write is what gets scrubbed.
    const toJSON = (value as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === "function") return scrubValue(toJSON.call(value), text, seen);
    return scrubFields(value, text, seen);
  } finally {
    // Only the current path counts: the same object twice side by side is not a cycle.
    seen.delete(value);
  }
}

function scrubFields(value: object, text: (value: string) => string, seen: WeakSet<object>) {
  const copy: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    copy[key] = isSensitiveFieldName(key) && field != null ? "[redacted]" : scrubValue(field, text, seen);
  }
  return copy;
}

/**
 * Field names whose value is censored at any depth: the redact paths' names plus their spelling
 * variants (`accessToken`, `client_secret`, `apiKey`). `keyId`/`key_id` and `keyPrefix` are
 * not secret and stay: logs name keys by id and display prefix (proxy-security.md item 18).
 */
export function isSensitiveFieldName(name: string): boolean {
  return /token|password|passwd|secret|authorization|cookie|^(api[-_]?)?key$|key[-_]?hash|private[-_]?key/i.test(
    name,
  );
}
