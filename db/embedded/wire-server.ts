import { createHash, timingSafeEqual } from "node:crypto";
import { createServer, type Server, type Socket } from "node:net";
import type { PGlite } from "@electric-sql/pglite";
import {
  authenticationCleartextRequest,
  errorResponse,
  parsePassword,
  parseStartupParameters,
} from "./wire-protocol";

/*
 * Serves one PGlite database over the PostgreSQL wire protocol so that the app, the CLI and
 * drizzle-kit can share it. PGlite has a single backend session, so connections take turns:
 * a connection owns the backend from its first message until a unit of work ends (a simple
 * Query or an extended-protocol Sync) outside a transaction. That keeps transactions and the
 * unnamed prepared statement of one client from interleaving with another's, which queueing
 * each message on its own would not guarantee.
 *
 * Consequences worth knowing: session state (SET, session-level advisory locks) is shared by
 * every connection, so use transaction-scoped locks (pg_advisory_xact_lock) only.
 *
 * Security: clients must present the password from the owner file (0600, in a 0700 DATA_DIR)
 * before anything reaches PGlite, so other local users cannot read or write the database.
 */

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const PROTOCOL_3 = 196608;
const MAX_STARTUP_BYTES = 10_000;

const QUERY = 0x51; // 'Q'
const SYNC = 0x53; // 'S'
const TERMINATE = 0x58; // 'X'
const PASSWORD = 0x70; // 'p'

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

export interface WireServerOptions {
  password: string;
  host?: string;
  port?: number;
  /** PGlite itself failed (its WebAssembly instance died): nothing more can be served. */
  onFatal(error: unknown): void;
}

interface Shared {
  database: PGlite;
  turn: BackendTurn;
  passwordDigest: Buffer;
  onFatal(error: unknown): void;
}

const digest = (text: string) => createHash("sha256").update(text).digest();

export async function startWireServer(database: PGlite, options: WireServerOptions): Promise<WireServer> {
  const shared: Shared = {
    database,
    turn: new BackendTurn(),
    passwordDigest: digest(options.password),
    onFatal: options.onFatal,
  };
  const sockets = new Set<Socket>();
  let nextConnection = 1;

  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.setNoDelay(true);
    serveConnection(shared, nextConnection++, socket);
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

type Phase = "startup" | "password" | "ready";

function serveConnection(shared: Shared, id: number, socket: Socket): void {
  const { database, turn } = shared;
  let buffered = Buffer.alloc(0);
  let phase: Phase = "startup";
  let startupMessage: Buffer | undefined;
  let holding = false;
  let closed = false;
  // Messages of one connection run strictly in order, whatever the socket's chunking.
  let chain = Promise.resolve();

  const releaseTurn = () => {
    if (!holding) return;
    holding = false;
    turn.release(id);
  };

  const refuse = (code: string, message: string) => {
    if (socket.writable) socket.end(errorResponse(code, message));
    else socket.destroy();
  };

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

  const enqueue = (message: Buffer, type: number | null) => {
    chain = chain
      .then(() => runMessage(message, type))
      .catch((error: unknown) => {
        socket.destroy();
        releaseTurn();
        shared.onFatal(error);
      });
  };

  const onClose = async () => {
    if (closed) return;
    closed = true;
    turn.forget(id);
    await chain;
    // A client that vanished mid-transaction must not leave the shared session inside it.
    if (holding && database.isInTransaction()) await database.exec("ROLLBACK").catch(() => undefined);
    releaseTurn();
  };

  socket.on("close", () => void onClose());
  socket.on("error", () => socket.destroy());

  socket.on("data", (chunk: Buffer) => {
    buffered = Buffer.concat([buffered, chunk]);
    for (;;) {
      if (phase === "startup") {
        if (buffered.length < 8) return;
        const length = buffered.readInt32BE(0);
        if (length < 8 || length > MAX_STARTUP_BYTES) return refuse("08P01", "invalid startup packet length");
        if (buffered.length < length) return;
        const code = buffered.readInt32BE(4);
        const message = Buffer.from(buffered.subarray(0, length));
        buffered = buffered.subarray(length);
        if (code === SSL_REQUEST || code === GSSENC_REQUEST) {
          socket.write("N");
          continue;
        }
        if (code !== PROTOCOL_3 || !parseStartupParameters(message)?.user) {
          return refuse("08P01", "unsupported or malformed startup packet");
        }
        startupMessage = message;
        phase = "password";
        socket.write(authenticationCleartextRequest());
        continue;
      }
      if (buffered.length < 5) return;
      const length = buffered.readInt32BE(1) + 1;
      if (length < 5) return refuse("08P01", "invalid message length");
      if (buffered.length < length) return;
      const type = buffered[0] ?? 0;
      const message = Buffer.from(buffered.subarray(0, length));
      buffered = buffered.subarray(length);
      if (phase === "password") {
        const password = type === PASSWORD ? parsePassword(message) : undefined;
        if (password === undefined || !timingSafeEqual(digest(password), shared.passwordDigest)) {
          return refuse("28P01", "password authentication failed");
        }
        phase = "ready";
        // Only now does PGlite see this client: it answers AuthenticationOk and ReadyForQuery.
        if (startupMessage) enqueue(startupMessage, null);
        continue;
      }
      if (type === TERMINATE) {
        // Terminate ends this client only; forwarding it would end the one shared backend.
        chain = chain.then(() => void socket.end());
        return;
      }
      enqueue(message, type);
    }
  });
}
