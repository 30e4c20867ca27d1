import type { Query } from "./url";

/** Everything a call needs; nothing is read from globals, so any token and any upstream work. */
export interface NetlifyConfig {
  /** Ends in `/api/v1`, e.g. `https://api.netlify.com/api/v1` or the simulator's. */
  baseUrl: string;
  token: string;
  /** Per attempt, covering headers and body. */
  timeoutMs: number;
  /** Epoch ms by which every request must be over, e.g. the end of a scheduled run's time budget. */
  hardStop?: number;
  /** Extra attempts for GET only; default 3. */
  maxRetries?: number;
  /** Default 250. */
  retryBaseDelayMs?: number;
  /** Longest single wait between attempts; default 10 000. */
  maxRetryDelayMs?: number;
}

export type HttpMethod = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

export interface NetlifyRequestInit {
  method?: HttpMethod;
  query?: Query;
  /** Sent as JSON. */
  body?: unknown;
  signal?: AbortSignal;
  accept?: string;
  /** Further request headers; the token, Accept and Content-Type are always set here, never by callers. */
  headers?: Readonly<Record<string, string>>;
}

/** Per-call options every resource function takes last. */
export interface CallOptions {
  signal?: AbortSignal;
}
