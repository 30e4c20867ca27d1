export interface LoggedRequest {
  method: string;
  path: string;
  query: string;
  status: number;
  durationMs: number;
  at: string;
  /** Whether a bearer token was presented; the token itself is never logged. */
  authenticated: boolean;
  /** Present only for requests whose body was read (writes). */
  body?: Record<string, unknown>;
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
