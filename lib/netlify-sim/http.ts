import type { IncomingMessage } from "node:http";
import type { SimUser } from "./model";
import type { SimStore } from "./store";

export interface SimResponse {
  status: number;
  /** A string is sent as is; anything else as JSON. Undefined sends an empty body. */
  body?: unknown;
  headers?: Record<string, string>;
}

export interface SimContext {
  store: SimStore;
  user: SimUser;
  params: Record<string, string>;
  query: URLSearchParams;
  body: Record<string, unknown>;
  /** Public origin of the simulator, for Link headers and signed URLs. */
  origin: string;
  request: IncomingMessage;
}

export class SimHttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export const MAX_BODY_BYTES = 1024 * 1024;

export const json = (body: unknown, status = 200, headers?: Record<string, string>): SimResponse => ({
  status,
  body,
  headers,
});
export const accepted = (): SimResponse => ({ status: 202 });
export const text = (body: string, headers: Record<string, string> = {}): SimResponse => ({
  status: 200,
  body,
  headers: { "content-type": "text/plain; charset=utf-8", ...headers },
});

/** A path segment decoded, or "" when its escapes are malformed (which then matches nothing). */
export function decodeSegment(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return "";
  }
}

/** Reads a JSON object body. Netlify also takes these fields as query parameters (OAS), so callers merge both. */
export async function readJsonBody(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new SimHttpError(413, "Request body too large");
    chunks.push(chunk as Buffer);
  }
  const raw = Buffer.concat(chunks).toString("utf8").trim();
  if (raw === "") return {};
  const contentType = request.headers["content-type"] ?? "";
  if (contentType.includes("application/x-www-form-urlencoded")) {
    return Object.fromEntries(new URLSearchParams(raw));
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new SimHttpError(400, "Invalid JSON body");
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new SimHttpError(400, "Request body must be a JSON object");
  }
  return parsed as Record<string, unknown>;
}

/** A field from the JSON body, else from the query string. */
export function field(ctx: SimContext, name: string): unknown {
  return ctx.body[name] ?? ctx.query.get(name) ?? undefined;
}

export function optionalString(ctx: SimContext, name: string): string | undefined {
  const value = field(ctx, name);
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") throw new SimHttpError(422, `${name} must be a string`);
  return value;
}

export function requiredString(ctx: SimContext, name: string): string {
  const value = optionalString(ctx, name);
  if (value === undefined || value.trim() === "") throw new SimHttpError(400, `${name} is required`);
  return value;
}

export function stringList(ctx: SimContext, name: string): string[] {
  const value = ctx.body[name] ?? ctx.query.getAll(`${name}[]`);
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some((item) => typeof item !== "string")) {
    throw new SimHttpError(422, `${name} must be a list of strings`);
  }
  return value as string[];
}

export function optionalEnum<T extends string>(
  ctx: SimContext,
  name: string,
  allowed: readonly T[],
): T | undefined {
  const value = optionalString(ctx, name);
  if (value === undefined) return undefined;
  if (!allowed.includes(value as T))
    throw new SimHttpError(422, `${name} must be one of ${allowed.join(", ")}`);
  return value as T;
}

/** Query integers; junk falls back to the default like a Rails `to_i` would not quite, but safely. */
export function queryInt(ctx: SimContext, name: string, fallback: number): number {
  const raw = ctx.query.get(name);
  if (raw === null || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value)) throw new SimHttpError(400, `${name} must be a number`);
  return Math.trunc(value);
}

export function queryBool(ctx: SimContext, name: string): boolean {
  const raw = ctx.query.get(name);
  return raw === "true" || raw === "1";
}
