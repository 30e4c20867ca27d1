/**
 * Baseline for `bench:proxy`: the least a proxy can do. A bare node:http server that forwards
 * every request to `<api url><path>` over kept-alive sockets, adds the bearer token and streams
 * the answer back; no auth, no checks, no logging. Usage: tsx bench/pass-through-proxy.ts <api url> <token>
 */
import { Agent, createServer, request as forward } from "node:http";

const [apiUrl, token] = process.argv.slice(2);
if (!apiUrl || !token) {
  console.error("usage: tsx bench/pass-through-proxy.ts <api url> <token>");
  process.exit(2);
}
const upstream = new URL(apiUrl);
const agent = new Agent({ keepAlive: true, maxSockets: 64 });

const server = createServer((incoming, outgoing) => {
  const upstreamRequest = forward(
    {
      agent,
      host: upstream.hostname,
      port: upstream.port,
      method: incoming.method,
      path: `${upstream.pathname}${incoming.url ?? "/"}`,
      headers: { authorization: `Bearer ${token}`, accept: incoming.headers.accept ?? "*/*" },
    },
    (answer) => {
      const headers: Record<string, string> = {};
      for (const name of ["content-type", "content-length"]) {
        const value = answer.headers[name];
        if (typeof value === "string") headers[name] = value;
      }
      outgoing.writeHead(answer.statusCode ?? 502, headers);
      answer.pipe(outgoing);
    },
  );
  upstreamRequest.on("error", () => {
    if (!outgoing.headersSent) outgoing.writeHead(502);
    outgoing.end();
  });
  incoming.pipe(upstreamRequest);
});

server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  if (address && typeof address === "object") console.info(`listening on http://127.0.0.1:${address.port}`);
});
