import { type ApiErrorCode, type ApiErrorStatus, statusOf } from "./error-codes";

interface ApiErrorOptions {
  /** What went wrong underneath; logged server-side, never sent to the client. */
  cause?: unknown;
  /** Further response headers (e.g. the rate-limit headers every proxy answer carries). */
  headers?: Readonly<Record<string, string>>;
  /**
   * Netlify's own `error_code` (e.g. `active_session_exists`), passed on as `error_code` so
   * scripts can branch on it; it is a short identifier, never a message.
   */
  upstreamErrorCode?: string;
}

/** The header each code cannot be sent without. */
interface RequiredHeaderOptions {
  /** The methods the endpoint does answer, sent as `Allow`. */
  METHOD_NOT_ALLOWED: { allow: readonly string[] };
  /** Whole seconds until a retry may succeed, sent as `Retry-After`. */
  RATE_LIMITED: { retryAfterSeconds: number };
}

/** `new ApiError(code, message, options?)`, with `options` required where the code needs a header. */
export type ApiErrorArguments = {
  [C in ApiErrorCode]: C extends keyof RequiredHeaderOptions
    ? [code: C, message: string, options: ApiErrorOptions & RequiredHeaderOptions[C]]
    : [code: C, message: string, options?: ApiErrorOptions];
}[ApiErrorCode];

/**
 * The one error a route handler throws to answer with an error. `message` is shown to the caller
 * as is, so it must hold nothing secret and no value the caller sent (it may name fields).
 */
export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly status: ApiErrorStatus;
  /** Extra response headers that travel with the error (`Allow`, `Retry-After`). */
  readonly headers: Readonly<Record<string, string>>;
  readonly upstreamErrorCode: string | undefined;

  constructor(...[code, message, options]: ApiErrorArguments) {
    const settings: AnyOptions | undefined = options;
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = "ApiError";
    this.code = code;
    this.status = statusOf(code);
    this.headers = headersFor(settings);
    this.upstreamErrorCode = options?.upstreamErrorCode;
  }
}

type AnyOptions = ApiErrorOptions & Partial<{ allow: readonly string[]; retryAfterSeconds: number }>;

function headersFor(options: AnyOptions | undefined): Record<string, string> {
  const headers: Record<string, string> = { ...options?.headers };
  if (options?.allow) headers.Allow = options.allow.join(", ");
  if (options?.retryAfterSeconds !== undefined) {
    // Retry-After takes whole seconds; 0 would invite an immediate retry storm.
    headers["Retry-After"] = String(Math.max(1, Math.ceil(options.retryAfterSeconds)));
  }
  return headers;
}
