import type { IncomingHttpHeaders } from "node:http";
import autocannon from "autocannon";

export interface Percentiles {
  p50Ms: number;
  p99Ms: number;
  count: number;
}

export interface LoadRun {
  requestsPerSecond: number;
  /** Percentiles of every answer, errors included, from autocannon's per-response times (µs precision). */
  p50Ms: number;
  p99Ms: number;
  requests: number;
  statuses: Record<number, number>;
  /** The same percentiles for the answers of each status. */
  byStatus: Record<number, Percentiles>;
  errors: number;
}

export interface LoadOptions {
  connections: number;
  /** Run for this long, or until `amount` answers; one of them. */
  seconds?: number;
  amount?: number;
  /** Each connection's requests take these headers in turn instead (e.g. two keys, side by side). */
  alternateHeaders?: Array<Record<string, string>>;
  /** Called with each answer's headers (the body is then read too: keep it to short runs). */
  onHeaders?: (headers: IncomingHttpHeaders) => void;
}

export function percentile(sorted: Float64Array, share: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)] ?? Number.NaN;
}

function percentiles(times: number[]): Percentiles {
  const sorted = Float64Array.from(times).sort();
  return { p50Ms: percentile(sorted, 0.5), p99Ms: percentile(sorted, 0.99), count: sorted.length };
}

/**
 * An autocannon run at a fixed number of connections. autocannon's own histogram keeps whole
 * milliseconds and 2xx answers only; a proxy's overhead is a fraction of a millisecond and auth
 * failures are 4xx, so the percentiles here come from the raw response times instead.
 */
export function runLoad(
  url: string,
  headers: Record<string, string>,
  options: LoadOptions,
): Promise<LoadRun> {
  const times: number[] = [];
  const timesByStatus = new Map<number, number[]>();
  const statuses: Record<number, number> = {};
  const onHeaders = options.onHeaders;
  const requests =
    options.alternateHeaders || onHeaders
      ? (options.alternateHeaders ?? [headers]).map((requestHeaders) => ({
          method: "GET" as const,
          headers: requestHeaders,
          ...(onHeaders
            ? {
                onResponse: (
                  _status: number,
                  _body: string,
                  _context: object,
                  answer?: IncomingHttpHeaders,
                ) => onHeaders(answer ?? {}),
              }
            : {}),
        }))
      : undefined;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        headers: options.alternateHeaders ? {} : headers,
        connections: options.connections,
        pipelining: 1,
        ...(options.amount ? { amount: options.amount } : { duration: options.seconds ?? 10 }),
        ...(requests ? { requests } : {}),
      },
      (error, result) => {
        if (error) return reject(error);
        const all = percentiles(times);
        resolve({
          requestsPerSecond: times.length / (result.duration || 1),
          p50Ms: all.p50Ms,
          p99Ms: all.p99Ms,
          requests: times.length,
          statuses,
          byStatus: Object.fromEntries(
            [...timesByStatus].map(([status, list]) => [status, percentiles(list)]),
          ),
          errors: result.errors + result.timeouts,
        });
      },
    );
    instance.on("response", (_client, status, _bytes, responseTime) => {
      times.push(responseTime);
      statuses[status] = (statuses[status] ?? 0) + 1;
      const list = timesByStatus.get(status);
      if (list) list.push(responseTime);
      else timesByStatus.set(status, [responseTime]);
    });
  });
}
