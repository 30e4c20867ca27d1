/**
 * Field-name redaction with pino's `redact`: the headers that carry credentials and the fields
 * that hold secrets, wherever a log call puts them down to `maxDepth` levels (`headers.cookie`,
 * `request.headers.authorization`). Deeper fields and spelling variants (`accessToken`) are
 * caught by the scrubber's `isSensitiveFieldName`.
 */
export const sensitiveHeaders = ["authorization", "cookie", "set-cookie", "x-netlify-token"] as const;
export const sensitiveFields = ["token", "password", "secret", "key", "keyHash"] as const;

export const redactCensor = "[redacted]";

const maxDepth = 3;

export function redactPaths(): string[] {
  const paths: string[] = [];
  for (const name of [...sensitiveHeaders, ...sensitiveFields]) {
    const segment = /^[A-Za-z_$][\w$]*$/.test(name) ? name : `["${name}"]`;
    for (let depth = 0; depth <= maxDepth; depth++) {
      const prefix = "*.".repeat(depth);
      paths.push(segment.startsWith("[") ? `${prefix.slice(0, -1)}${segment}` : `${prefix}${segment}`);
    }
  }
  return paths;
}
