import { connect } from "node:net";
import { WebSocketServer } from "ws";

export interface NeonWebSocketBridge {
  /** Value for `neonWebSocketProxy`: host:port/path of this bridge. */
  proxy: string;
  close(): Promise<void>;
}

/**
 * A WebSocket-to-TCP bridge like the one Neon runs in front of PostgreSQL, so the Neon
 * serverless driver can be tested against a local server. Each WebSocket connection names its
 * target in `?address=host:port`; only loopback targets are accepted.
 */
export async function startNeonWebSocketBridge(): Promise<NeonWebSocketBridge> {
  const server = new WebSocketServer({ host: "127.0.0.1", port: 0 });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));

  server.on("connection", (webSocket, request) => {
    const address = new URL(request.url ?? "/", "http://bridge").searchParams.get("address") ?? "";
    const [host, port] = address.split(":");
    if (!host || !["127.0.0.1", "localhost", "::1"].includes(host) || !port) {
      webSocket.close(1008, "loopback targets only");
      return;
    }
    const socket = connect({ host, port: Number(port) });
    socket.on("data", (chunk) => webSocket.send(chunk));
    socket.on("close", () => webSocket.close());
    socket.on("error", () => webSocket.close());
    webSocket.on("message", (data: Buffer) => socket.write(data));
    webSocket.on("close", () => socket.destroy());
    webSocket.on("error", () => socket.destroy());
  });

  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("bridge has no TCP address");
  return {
    proxy: `127.0.0.1:${address.port}/v1`,
    close: () =>
      new Promise((resolve) => {
        for (const client of server.clients) client.terminate();
        server.close(() => resolve());
      }),
  };
}
