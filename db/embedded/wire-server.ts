import { createServer, type Server, type Socket } from "node:net";
import type { PGlite } from "@electric-sql/pglite";

/*
 * Serves one PGlite database over the PostgreSQL wire protocol so that the app, the CLI and
 * drizzle-kit can share it. PGlite has a single backend session, so connections take turns:
 * a connection owns the backend from its first message until a unit of work ends (a simple
 * Query or an extended-protocol Sync) outside a transaction. That keeps transactions and the
 * unnamed prepared statement of one client from interleaving with another's, which a
 * per-message queue (as in @electric-sql/pglite-socket) does not guarantee.
 */

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;
const PROTOCOL_3 = 196608;

const QUERY = 0x51; // 'Q'
const SYNC = 0x53; // 'S'
const TERMINATE = 0x58; // 'X'

/** A FIFO mutex: the backend session, handed from connection to connection. */
class BackendTurn {
  private owner: number | null = null;
  private readonly waiting: Array<{ connection: number; grant: () => void }> = [];

  async acquire(connection: number): Promise<void> {
    if (this.owner === connection) return;
    if (this.owner === null) {
      this.owner = connection;
      return;
    }
    await new Promise<void>((grant) => this.waiting.push({ connection, grant }));
  }

  release(connection: number): void {
    if (this.owner !== connection) return;
    const next = this.waiting.shift();
    this.owner = next?.connection ?? null;
    next?.grant();
  }

  forget(connection: number): void {
    const index = this.waiting.findIndex((entry) => entry.connection === connection);
    if (index >= 0) this.waiting.splice(index, 1);
  }
}

export interface WireServer {
  port: number;
  close(): Promise<void>;
}

export async function startWireServer(
  database: PGlite,
  options: { host?: string; port?: number } = {},
): Promise<WireServer> {
  const turn = new BackendTurn();
  const sockets = new Set<Socket>();
  let nextConnection = 1;

  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.setNoDelay(true);
    serveConnection(database, turn, nextConnection++, socket).finally(() => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("embedded server has no TCP address");

  return {
    port: address.port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

async function serveConnection(
  database: PGlite,
  turn: BackendTurn,
  id: number,
  socket: Socket,
): Promise<void> {
  let buffered = Buffer.alloc(0);
  let startedUp = false;
  let holding = false;
  let closed = false;
  // Messages of one connection run strictly in order, whatever the socket's chunking.
  let chain = Promise.resolve();

  const runMessage = async (message: Buffer, type: number | null) => {
    if (closed) return;
    if (!holding) {
      await turn.acquire(id);
      holding = true;
    }
    if (closed) return releaseTurn();
    await database.execProtocolRawStream(new Uint8Array(message), {
      onRawData: (chunk) => {
        if (!closed && socket.writable) socket.write(chunk);
      },
    });
    const endsUnit = type === null || type === QUERY || type === SYNC;
    if (endsUnit && !database.isInTransaction()) releaseTurn();
  };

  const releaseTurn = () => {
    if (!holding) return;
    holding = false;
    turn.release(id);
  };

  const onClose = async () => {
    if (closed) return;
    closed = true;
    turn.forget(id);
    await chain.catch(() => undefined);
    // A client that vanished mid-transaction must not leave the shared session inside it.
    if (holding && database.isInTransaction()) await database.exec("ROLLBACK").catch(() => undefined);
    releaseTurn();
  };

  socket.on("close", () => void onClose());
  socket.on("error", () => socket.destroy());

  socket.on("data", (chunk: Buffer) => {
    buffered = Buffer.concat([buffered, chunk]);
    for (;;) {
      if (!startedUp) {
        if (buffered.length < 8) return;
        const length = buffered.readInt32BE(0);
        if (buffered.length < length) return;
        const code = buffered.readInt32BE(4);
        const message = buffered.subarray(0, length);
        buffered = buffered.subarray(length);
        if (code === SSL_REQUEST || code === GSSENC_REQUEST) {
          socket.write("N");
          continue;
        }
        if (code === CANCEL_REQUEST || code !== PROTOCOL_3) {
          socket.destroy();
          return;
        }
        startedUp = true;
        chain = chain.then(() => runMessage(Buffer.from(message), null));
        continue;
      }
      if (buffered.length < 5) return;
      const length = buffered.readInt32BE(1) + 1;
      if (buffered.length < length) return;
      const type = buffered[0] ?? 0;
      const message = Buffer.from(buffered.subarray(0, length));
      buffered = buffered.subarray(length);
      if (type === TERMINATE) {
        // Terminate ends this client only; forwarding it would end the one shared backend.
        chain = chain.then(() => {
          socket.end();
        });
        return;
      }
      chain = chain
        .then(() => runMessage(message, type))
        .catch(() => {
          socket.destroy();
        });
    }
  });
}
