import type { IncomingHttpHeaders } from "node:http";

export interface LoggedRequest {
  method: string;
  path: string;
  query: string;
  /** 499 when the client closed the connection before an answer (a hung request). */
  status: number;
  durationMs: number;
  at: string;
  /** Whether a bearer token was presented; the token itself is never logged. */
  authenticated: boolean;
  /** The request's headers as received; credentials only as "[present]". */
  headers: Record<string, string>;
  /** Present only for requests whose body was read (writes). */
  body?: Record<string, unknown>;
}

/** Headers whose values are credentials: the log says they came, never what they held. */
const credentialHeaders = new Set(["authorization", "cookie", "proxy-authorization"]);

/** The headers of a request as the log keeps them, credentials replaced by "[present]". */
export function loggedHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const logged: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    logged[name] = credentialHeaders.has(name)
      ? "[present]"
      : Array.isArray(value)
        ? value.join(", ")
        : value;
  }
  return logged;
}

/** The last `capacity` requests, for tests and benchmarks to inspect what reached the upstream. */
export class RequestLog {
  private entries: LoggedRequest[] = [];

  constructor(private readonly capacity = 10_000) {}

  add(entry: LoggedRequest): void {
    this.entries.push(entry);
    // Trim in batches: dropping one entry per request would copy the whole array every time.
    if (this.entries.length >= this.capacity * 2) this.entries = this.entries.slice(-this.capacity);
  }

  list(): LoggedRequest[] {
    return this.entries.slice(-this.capacity);
  }

  clear(): void {
    this.entries = [];
  }
}
