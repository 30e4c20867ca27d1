import { get } from "node:http";

export interface Download {
  status: number;
  bytes: number;
  seconds: number;
}

/**
 * Reads an answer to its end and counts its bytes without keeping them, at most `bytesPerSecond`
 * when given (a slow client: the server then has to hold back, not buffer). Plain node:http with
 * no `Accept-Encoding`, as curl sends it: the bytes are those on the wire, uncompressed.
 */
export function download(url: string, token: string, bytesPerSecond?: number): Promise<Download> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const request = get(url, { headers: { authorization: `Bearer ${token}` }, agent: false }, (answer) => {
      let bytes = 0;
      answer.on("data", (chunk: Buffer) => {
        bytes += chunk.length;
        if (!bytesPerSecond) return;
        const ahead = started + (bytes / bytesPerSecond) * 1000 - performance.now();
        if (ahead > 5) {
          answer.pause();
          setTimeout(() => answer.resume(), ahead);
        }
      });
      answer.on("end", () =>
        resolve({ status: answer.statusCode ?? 0, bytes, seconds: (performance.now() - started) / 1000 }),
      );
      answer.on("error", reject);
    });
    request.on("error", reject);
  });
}
