import { ApiError } from "@/lib/http/api-error";
import type { ApiErrorCode } from "@/lib/http/error-codes";
import type { Logger } from "@/lib/log/logger";
import { describeNetlifyError } from "@/lib/netlify/error-sentences";
import { errorFromResponse, NetlifyApiError } from "@/lib/netlify/errors";
import { parseRetryAfterSeconds } from "@/lib/netlify/retry";
import { rewriteLinkHeader } from "./pagination-links";
import type { ProxyCall } from "./proxy-route";
import { belongsToTenant } from "./tenant-check";

/** Far above any real page or snapshot; an answer past it is not read into memory. */
const maxJsonAnswerBytes = 32 * 1024 * 1024;

export interface AnswerContext {
  call: ProxyCall;
  siteId: string;
  /** The upstream token, so an upstream echo of it can be redacted from messages. */
  token: string;
  requestId: string;
  /** The public URL of this proxy request, for rewriting `Link`. */
  publicUrl: string;
  log: Logger;
}

/** Netlify's 4xx statuses kept as they are, each with the stable code it maps to. */
const clientErrorCodes: Record<number, Exclude<ApiErrorCode, "METHOD_NOT_ALLOWED" | "RATE_LIMITED">> = {
  400: "BAD_REQUEST",
  403: "FORBIDDEN",
  404: "NOT_FOUND",
  409: "CONFLICT",
  413: "PAYLOAD_TOO_LARGE",
  422: "VALIDATION_FAILED",
};

/**
 * The proxy's answer to Netlify's. Redirects and 5xx become a generic 502 (never followed, never
 * quoted: their bodies may hold internal hosts); 4xx keep their status with a readable sentence
 * and Netlify's `error_code`; JSON is checked to belong to the key's site and passed on as sent;
 * diffs stream through without being held in memory.
 */
/** The answer to send, and the parsed JSON when there was some (for the after-write refresh). */
export interface ProxyAnswer {
  response: Response;
  answer?: unknown;
}

export async function answerFromUpstream(upstream: Response, context: AnswerContext): Promise<ProxyAnswer> {
  const { status } = upstream;
  if (upstream.type === "opaqueredirect" || (status >= 300 && status < 400) || status >= 500) {
    await discard(upstream);
    context.log.warn({ upstreamStatus: status }, "Netlify answered with a redirect or a server error");
    throw new ApiError(
      "UPSTREAM_ERROR",
      `Netlify could not complete this request (it answered ${status >= 500 ? "with a server error" : "with a redirect"}). Try again shortly; quote request ${context.requestId} if it persists.`,
    );
  }
  if (status >= 400) throw await clientError(upstream, context);

  const { endpoint } = context.call;
  const headers = new Headers();
  const total = upstream.headers.get("total");
  if (total && /^\d+$/.test(total)) headers.set("Total", total);
  const link = upstream.headers.get("link");
  if (link) headers.set("Link", rewriteLinkHeader(link, context.publicUrl));

  if (endpoint.response === "accepted") {
    await discard(upstream);
    return { response: new Response(null, { status: 202, headers }) };
  }
  if (endpoint.response === "diff") {
    headers.set("Content-Type", "text/plain; charset=utf-8");
    return { response: new Response(upstream.body, { status, headers }) };
  }
  const text = await readJsonText(upstream);
  let answer: unknown;
  try {
    answer = JSON.parse(text);
  } catch {
    throw unusable(context, "not JSON");
  }
  const tenant = { siteId: context.siteId, runnerId: context.call.runnerId };
  if (!belongsToTenant(endpoint.response, answer, tenant)) {
    // An alert, not noise: either Netlify misbehaved or someone is probing across tenants.
    context.log.error(
      { endpoint: endpoint.name, siteId: context.siteId },
      "upstream answer outside the key's site refused",
    );
    throw unusable(context, "outside the key's site");
  }
  headers.set("Content-Type", "application/json");
  return { response: new Response(text, { status, headers }), answer };
}

async function clientError(upstream: Response, context: AnswerContext): Promise<ApiError> {
  const retryAfterSeconds = parseRetryAfterSeconds(upstream.headers.get("retry-after"));
  const error = await errorFromResponse(upstream, context.token, retryAfterSeconds);
  const sentence = describeNetlifyError(error);
  const upstreamErrorCode =
    error.errorCode && /^[a-z0-9_]{1,64}$/.test(error.errorCode) ? error.errorCode : undefined;
  if (upstream.status === 429)
    return new ApiError("RATE_LIMITED", sentence, {
      retryAfterSeconds: retryAfterSeconds ?? 30,
      upstreamErrorCode,
    });
  if (upstream.status === 401) {
    // Netlify refused the stored token: the caller's key is fine, the owner must sign in again.
    context.log.warn("Netlify refused the token a key acts with");
    return new ApiError(
      "UPSTREAM_ERROR",
      "Netlify refused the sign-in this key acts with. Its creator needs to sign in to Switchyard again.",
    );
  }
  return new ApiError(clientErrorCodes[upstream.status] ?? "BAD_REQUEST", sentence, { upstreamErrorCode });
}

async function readJsonText(upstream: Response): Promise<string> {
  const declared = Number(upstream.headers.get("content-length") ?? Number.NaN);
  if (declared > maxJsonAnswerBytes) {
    await discard(upstream);
    throw new Error("upstream JSON answer over the size cap");
  }
  const text = await readUpstreamText(upstream);
  if (text.length > maxJsonAnswerBytes) throw new Error("upstream JSON answer over the size cap");
  return text;
}

/**
 * An upstream body as text. The timeout stays attached to the response, so a body still coming
 * when the budget runs out fails here: that is Netlify's timeout (504), and a connection lost
 * mid-body Netlify's failure (502), never an error of ours (500). The client's abort passes as is.
 */
export async function readUpstreamText(upstream: Response): Promise<string> {
  try {
    return await upstream.text();
  } catch (error) {
    if (error instanceof Error && error.name === "AbortError") throw error;
    const timedOut = error instanceof Error && error.name === "TimeoutError";
    throw new NetlifyApiError({
      status: timedOut ? 504 : 502,
      errorCode: timedOut ? "timeout" : "network_error",
      message: timedOut ? "Netlify API did not finish its answer in time" : "Netlify API answer was cut off",
    });
  }
}

function unusable(context: AnswerContext, why: string): ApiError {
  context.log.warn({ why }, "unusable upstream answer");
  return new ApiError(
    "UPSTREAM_ERROR",
    `Netlify sent an answer that cannot be passed on. Quote request ${context.requestId} if it persists.`,
  );
}

async function discard(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => undefined);
}
