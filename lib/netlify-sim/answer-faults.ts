import { gzipSync } from "node:zlib";
import type { AnswerFault } from "./faults";
import type { SimResponse } from "./http";

/**
 * An answer changed as a misbehaving upstream would change it: extra headers, a foreign
 * `site_id` in its JSON, gzip encoding. The body comes back encoded with its own length, so
 * answers served from the GET cache (already encoded) are changed the same way.
 */
export function applyAnswerFault(result: SimResponse, fault: AnswerFault | undefined): SimResponse {
  if (!fault) return result;
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(result.headers ?? {}))
    if (name.toLowerCase() !== "content-length") headers[name] = value;
  let text = bodyText(result);
  if (fault.siteId !== undefined && text) {
    try {
      text = JSON.stringify(withSiteId(JSON.parse(text), fault.siteId));
    } catch {
      // Not JSON (a diff): nothing to rewrite.
    }
  }
  if (text && result.body !== undefined && !Buffer.isBuffer(result.body) && typeof result.body !== "string")
    headers["content-type"] ??= "application/json; charset=utf-8";
  let payload = Buffer.from(text);
  if (fault.gzip) {
    payload = gzipSync(payload);
    headers["content-encoding"] = "gzip";
  }
  Object.assign(headers, fault.headers);
  headers["content-length"] = String(payload.length);
  return { status: result.status, body: payload, headers };
}

function bodyText(result: SimResponse): string {
  if (result.body === undefined) return "";
  if (Buffer.isBuffer(result.body)) return result.body.toString("utf8");
  return typeof result.body === "string" ? result.body : JSON.stringify(result.body);
}

function withSiteId(value: unknown, siteId: string): unknown {
  if (Array.isArray(value)) return value.map((item) => withSiteId(item, siteId));
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value).map(([name, inner]) => [
      name,
      name === "site_id" ? siteId : withSiteId(inner, siteId),
    ]),
  );
}
