import { type DatabaseHandle, openDatabase } from "@/db/client";
import { type MigrationResult, migrate } from "@/db/migrate";
import { type Env, env } from "@/lib/env";
import { resolveSecrets } from "@/lib/secrets";

export class MigrationError extends Error {
  constructor(reason: string) {
    super(`applying database migrations failed (${reason})`);
    this.name = "MigrationError";
  }
}

export interface PreparedServer {
  env: Env;
  database: DatabaseHandle;
  migration: MigrationResult;
}

/**
 * Everything a server or CLI needs before it may serve: a valid environment, its secrets,
 * a reachable database and an up-to-date schema. Each failure throws a typed error that
 * `explainStartupFailure` turns into one actionable line.
 */
export async function prepareServer(options: { database?: DatabaseHandle } = {}): Promise<PreparedServer> {
  const config = env();
  resolveSecrets(config);
  const database =
    options.database ??
    (await openDatabase({ url: config.databaseUrl, driver: config.databaseDriver, dataDir: config.dataDir }));
  try {
    const migration = await migrate(database.db).catch((error: unknown) => {
      throw new MigrationError(error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error));
    });
    return { env: config, database, migration };
  } catch (error) {
    if (!options.database) await database.close().catch(() => undefined);
    throw error;
  }
}
