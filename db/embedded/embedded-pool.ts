import pg from "pg";
import { connectEmbedded, type EmbeddedConnection } from "./embedded-database";

type ConnectCallback = (
  error: Error | undefined,
  client?: pg.PoolClient,
  done?: (release?: unknown) => void,
) => void;

export interface EmbeddedPool {
  pool: pg.Pool;
  /** How this process reached the database when it was opened. */
  connection: EmbeddedConnection;
  close(): Promise<void>;
}

const ownerGoneCodes = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE"]);

/**
 * A node-postgres pool on the embedded database that survives its owner going away: when the
 * owning process exits, the next connection looks the owner up again (possibly becoming the
 * owner itself) instead of failing for good, and a dropped idle client never crashes us.
 */
export async function openEmbeddedPool(dataDir: string, max: number): Promise<EmbeddedPool> {
  const opened = await connectEmbedded(dataDir);
  let current = opened;
  const pool = new pg.Pool({ connectionString: current.url, max });

  let recovering: Promise<void> | undefined;
  const recover = () => {
    recovering ??= (async () => {
      if (current.ownedServer) return;
      current = await connectEmbedded(dataDir);
      // pg builds every new client from pool.options, so later connections reach the new owner.
      (pool as unknown as { options: { connectionString: string } }).options.connectionString = current.url;
    })().finally(() => {
      recovering = undefined;
    });
    return recovering;
  };
  pool.on("error", () => void recover().catch(() => undefined));

  const connectOnce = pool.connect.bind(pool) as () => Promise<pg.PoolClient>;
  const connectWithRecovery = async (): Promise<pg.PoolClient> => {
    try {
      return await connectOnce();
    } catch (error) {
      if (!ownerGoneCodes.has((error as NodeJS.ErrnoException).code ?? "")) throw error;
      await recover();
      return connectOnce();
    }
  };
  // Pool.query() calls this.connect(callback), so both forms must recover.
  pool.connect = ((callback?: ConnectCallback) => {
    if (!callback) return connectWithRecovery();
    connectWithRecovery().then(
      (client) =>
        callback(undefined, client, (release) => client.release(release as boolean | Error | undefined)),
      (error: Error) => callback(error),
    );
    return undefined;
  }) as typeof pool.connect;

  return {
    pool,
    connection: opened,
    async close() {
      await pool.end();
      await current.ownedServer?.stop();
    },
  };
}
