import "server-only";
import { pipeline, type Readable, type Transform } from "node:stream";
import { createBrotliDecompress, createGunzip, createInflate } from "node:zlib";
import { Agent, request } from "undici";
import type { HttpMethod, NetlifyConfig, NetlifyRequestInit } from "./config";
import { deadlineSignal } from "./deadline-signal";
import { NetlifyApiError, redactToken } from "./errors";

/**
 * Requests go through undici's `request`, not the global `fetch`: same connection pool, but
 * without the WHATWG fetch machinery, which cost about twice the CPU per call (a cold sync of
 * 10,000 runners makes 10,000 calls). Redirects are never followed by `request`.
 */
const upstreamAgent = new Agent({ keepAliveTimeout: 10_000 });

const decoders: Record<string, () => Transform> = {
  gzip: createGunzip,
  "x-gzip": createGunzip,
  deflate: createInflate,
  br: createBrotliDecompress,
};
/** Statuses whose Response may not carry a body. */
const bodilessStatuses = new Set([204, 205, 304]);

/** One attempt, no retries: resolves with whatever status came back, throws on transport failure. */
export async function send(
  config: NetlifyConfig,
  url: string,
  method: HttpMethod,
  init: NetlifyRequestInit,
): Promise<Response> {
  // The deadline stays attached to the body, so it also bounds reading it.
  const budgetMs = Math.min(config.timeoutMs, (config.hardStop ?? Number.POSITIVE_INFINITY) - Date.now());
  const signal = deadlineSignal(Math.max(1, budgetMs), init.signal);
  const headers: Record<string, string> = {
    ...init.headers,
    Authorization: `Bearer ${config.token}`,
    Accept: init.accept ?? "application/json",
    "Accept-Encoding": "gzip, br",
    "User-Agent": "switchyard",
  };
  let body: string | undefined;
  if (init.body !== undefined) {
    headers["Content-Type"] = "application/json";
    body = JSON.stringify(init.body);
  }
  try {
    const answer = await request(url, { method, headers, body, signal, dispatcher: upstreamAgent });
    return asResponse(answer);
  } catch (error) {
    throw transportError(error, config, init.signal);
  }
}

/** undici's answer as a standard Response, its body decoded as `fetch` would have. */
function asResponse(answer: Awaited<ReturnType<typeof request>>): Response {
  const headers = new Headers();
  for (const [name, value] of Object.entries(answer.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  const status = answer.statusCode;
  if (bodilessStatuses.has(status)) {
    answer.body.dump().catch(() => undefined);
    return new Response(null, { status, headers });
  }
  const encoding = headers.get("content-encoding")?.trim().toLowerCase();
  const decoder = encoding ? decoders[encoding] : undefined;
  let stream: Readable = answer.body;
  if (decoder) {
    headers.delete("content-encoding");
    headers.delete("content-length");
    // A failed source or a corrupt payload errors the decoded stream, so a read sees it; a
    // cancelled read destroys the source too.
    stream = pipeline(answer.body, decoder(), () => undefined);
  }
  return new Response(webStreamOf(stream), { status, headers });
}

/**
 * Pulls from the Node stream only as the reader asks, and destroys it on cancel. (Node 20's
 * `Readable.toWeb` keeps pushing after a cancel and throws an uncaught "controller closed".)
 */
function webStreamOf(source: Readable): ReadableStream<Uint8Array> {
  const chunks = source[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const { value, done } = await chunks.next();
        if (done) controller.close();
        else controller.enqueue(value);
      },
      cancel() {
        // Nobody reads any more, so the error a destroy emits has no one to tell.
        source.on("error", () => undefined);
        source.destroy();
      },
    },
    { highWaterMark: 0 },
  );
}

/**
 * Maps a failed request or body read: the caller's own abort reason when the caller aborted,
 * else `timeout` or `network_error`. The raw error is never attached as `cause`: undici's
 * invalid-header errors quote the header value, i.e. the token.
 */
export function transportError(error: unknown, config: NetlifyConfig, callerSignal?: AbortSignal): unknown {
  if (error instanceof NetlifyApiError) return error;
  if (callerSignal?.aborted) return callerSignal.reason;
  if (error instanceof Error && error.name === "TimeoutError") {
    return new NetlifyApiError({
      status: 504,
      errorCode: "timeout",
      message: `Netlify API did not answer within ${config.timeoutMs} ms`,
    });
  }
  const code = systemErrorCode(error);
  return new NetlifyApiError({
    status: 502,
    errorCode: "network_error",
    message: redactToken(`Could not reach the Netlify API${code ? ` (${code})` : ""}`, config.token),
  });
}

/** Only a bare errno-style code (ECONNREFUSED, UND_ERR_SOCKET) is kept; free text could quote anything. */
function systemErrorCode(error: unknown): string | undefined {
  const code = codeOf(error) ?? codeOf(error instanceof Error ? error.cause : undefined);
  return code && /^[A-Z_]+$/.test(code) ? code : undefined;
}

function codeOf(error: unknown): string | undefined {
  return error instanceof Error && "code" in error && typeof error.code === "string" ? error.code : undefined;
}
