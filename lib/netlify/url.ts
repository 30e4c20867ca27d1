import { NetlifyApiError } from "./errors";

export type QueryValue = string | number | boolean;
export type Query = Record<string, QueryValue | readonly QueryValue[] | null | undefined>;

function invalidPath(message: string): NetlifyApiError {
  return new NetlifyApiError({ status: 400, errorCode: "invalid_path", message });
}

/**
 * Joins an already-encoded path to the base by concatenation. `new URL(path, base)` is never
 * used: an absolute path would drop the base's `/api/v1`. As a second guard, the normalized
 * result must still sit under the base path on the same origin.
 */
export function buildUrl(baseUrl: string, path: string, query?: Query): string {
  if (!path.startsWith("/") || /[?#]/.test(path)) {
    throw invalidPath("A Netlify API path must start with / and carry no query or fragment");
  }
  const base = baseUrl.replace(/\/+$/, "");
  const joined = `${base}${path}`;
  const baseUrlParsed = new URL(base);
  const parsed = new URL(joined);
  const basePath = baseUrlParsed.pathname.replace(/\/+$/, "");
  if (parsed.origin !== baseUrlParsed.origin || !parsed.pathname.startsWith(`${basePath}/`)) {
    throw invalidPath("A Netlify API path must stay under the API base URL");
  }
  const search = toSearchParams(query).toString();
  return search ? `${joined}?${search}` : joined;
}

/** Undefined and null values are left out; arrays repeat the key (`file_keys=a&file_keys=b`). */
export function toSearchParams(query: Query | undefined): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null) continue;
    const values: readonly QueryValue[] = Array.isArray(value) ? value : [value as QueryValue];
    for (const item of values) params.append(key, String(item));
  }
  return params;
}

/** Netlify's `from`/`to` filters take Unix seconds; milliseconds silently match nothing. */
export function toUnixSeconds(value: number | Date | undefined): number | undefined {
  if (value === undefined) return undefined;
  return value instanceof Date ? Math.floor(value.getTime() / 1000) : value;
}
