import "server-only";
import type { z } from "zod";
import type { NetlifyConfig, NetlifyRequestInit } from "./config";
import { errorFromResponse, NetlifyApiError } from "./errors";
import { parseRetryAfterSeconds, type RetryPolicy, retryableStatuses, retryDelayMs, sleep } from "./retry";
import { send, transportError } from "./transport";
import { buildUrl } from "./url";

export type { CallOptions, HttpMethod, NetlifyConfig, NetlifyRequestInit } from "./config";

/**
 * The single door to the Netlify API: token, timeout, no redirects, GET-only retries and error
 * normalization. Resolves only with a 2xx Response; anything else throws NetlifyApiError (or
 * the caller's own abort reason when the caller aborted).
 */
export async function netlifyFetch(
  config: NetlifyConfig,
  path: string,
  init: NetlifyRequestInit = {},
): Promise<Response> {
  const method = init.method ?? "GET";
  const url = buildUrl(config.baseUrl, path, init.query);
  // Only GET is retried: a POST that failed on the way back may still have taken effect.
  const maxRetries = method === "GET" ? Math.max(0, config.maxRetries ?? 3) : 0;
  const policy: RetryPolicy = {
    retryBaseDelayMs: config.retryBaseDelayMs ?? 250,
    maxRetryDelayMs: config.maxRetryDelayMs ?? 10_000,
  };
  for (let attempt = 0; ; attempt++) {
    let response: Response;
    try {
      response = await send(config, url, method, init);
    } catch (error) {
      // A refused or reset connection is retried; a timeout is not, or one call could take 4 × timeout.
      const transient = error instanceof NetlifyApiError && error.errorCode === "network_error";
      if (!transient || attempt >= maxRetries) throw error;
      await sleep(retryDelayMs(attempt, undefined, policy) ?? 0, init.signal);
      continue;
    }
    // Following a redirect would resend the token to wherever Location points.
    if (response.type === "opaqueredirect" || (response.status >= 300 && response.status < 400)) {
      await discard(response);
      throw new NetlifyApiError({
        status: 502,
        errorCode: "unexpected_redirect",
        message: `Netlify API answered with a redirect (${response.status}), which is never followed`,
      });
    }
    if (response.ok) return response;
    const retryAfterSeconds = parseRetryAfterSeconds(response.headers.get("retry-after"));
    if (attempt < maxRetries && retryableStatuses.has(response.status)) {
      const wait = retryDelayMs(attempt, retryAfterSeconds, policy);
      if (wait !== null) {
        await discard(response);
        await sleep(wait, init.signal);
        continue;
      }
    }
    throw await errorFromResponse(response, config.token, retryAfterSeconds);
  }
}

/** A JSON answer validated against `schema`; a mismatch is the upstream's fault (502 `invalid_response`). */
export async function netlifyJson<S extends z.ZodType>(
  config: NetlifyConfig,
  path: string,
  init: NetlifyRequestInit,
  schema: S,
): Promise<z.output<S>> {
  const response = await netlifyFetch(config, path, { ...init, accept: "application/json" });
  return parseJsonBody(response, schema, config, init.signal);
}

export async function parseJsonBody<S extends z.ZodType>(
  response: Response,
  schema: S,
  config: NetlifyConfig,
  signal?: AbortSignal,
): Promise<z.output<S>> {
  const text = await readText(response, config, signal);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw invalidResponse("Netlify API answered with a body that is not JSON");
  }
  const result = schema.safeParse(json);
  if (result.success) return result.data;
  // Paths and zod's wording only: values could be large or sensitive.
  const issues = result.error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`);
  throw invalidResponse(`Netlify API answered with an unexpected shape (${issues.join("; ")})`);
}

/** A `text/plain` answer (the diff endpoints), read whole. */
export async function netlifyText(
  config: NetlifyConfig,
  path: string,
  init: NetlifyRequestInit = {},
): Promise<string> {
  return (await netlifyTextAnswer(config, path, init)).text;
}

/** A `text/plain` answer read whole, with its headers (a paged diff's `Total`). */
export async function netlifyTextAnswer(
  config: NetlifyConfig,
  path: string,
  init: NetlifyRequestInit = {},
): Promise<{ text: string; headers: Headers }> {
  const response = await netlifyFetch(config, path, { ...init, accept: "text/plain" });
  return { text: await readText(response, config, init.signal), headers: response.headers };
}

/**
 * A `text/plain` answer as a stream, for passing large diffs through without buffering.
 * The timeout still applies while it is read; a timeout then errors the stream itself.
 */
export async function netlifyStream(
  config: NetlifyConfig,
  path: string,
  init: NetlifyRequestInit = {},
): Promise<ReadableStream<Uint8Array>> {
  const response = await netlifyFetch(config, path, { ...init, accept: "text/plain" });
  return response.body ?? new ReadableStream<Uint8Array>({ start: (controller) => controller.close() });
}

/** For the 202-with-empty-body endpoints (stop, archive): success carries nothing to read. */
export async function netlifyNoContent(
  config: NetlifyConfig,
  path: string,
  init: NetlifyRequestInit = {},
): Promise<void> {
  await discard(await netlifyFetch(config, path, init));
}

async function readText(response: Response, config: NetlifyConfig, signal?: AbortSignal): Promise<string> {
  try {
    return await response.text();
  } catch (error) {
    throw transportError(error, config, signal);
  }
}

function invalidResponse(message: string): NetlifyApiError {
  return new NetlifyApiError({ status: 502, errorCode: "invalid_response", message });
}

async function discard(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => undefined);
}
