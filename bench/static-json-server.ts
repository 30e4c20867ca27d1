/**
 * Baseline for `bench:sim`: a bare node:http server answering every request with one
 * precomputed JSON body of the same size as the simulator's list page. It is the ceiling of
 * Node's HTTP stack on this machine; the simulator cannot beat it, only get close.
 */
import { createServer } from "node:http";

const bytes = Number(process.argv[2] ?? 100_000);
const body = Buffer.from(JSON.stringify([{ padding: "x".repeat(Math.max(0, bytes - 20)) }]));
const server = createServer((_request, response) => {
  response.writeHead(200, {
    "content-type": "application/json; charset=utf-8",
    "content-length": body.length,
  });
  response.end(body);
});
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  if (address && typeof address === "object") console.info(`listening on http://127.0.0.1:${address.port}/`);
});
