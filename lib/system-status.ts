import type { DatabaseHandle } from "@/db";
import { migrationStatus } from "@/db/migrate";
import type { Env } from "@/lib/env";

export interface SystemStatus {
  mode: Env["mode"];
  databaseDriver: DatabaseHandle["driver"];
  databaseLocation: string;
  migrationsApplied: number;
  migrationsTotal: number;
  netlifyApiUrl: string;
}

/** What Settings shows about this installation. Holds no secret: locations carry no credentials. */
export async function readSystemStatus(config: Env, database: DatabaseHandle): Promise<SystemStatus> {
  const migrations = await migrationStatus(database.db);
  return {
    mode: config.mode,
    databaseDriver: database.driver,
    databaseLocation: database.location,
    migrationsApplied: migrations.applied,
    migrationsTotal: migrations.total,
    netlifyApiUrl: config.netlifyApiUrl,
  };
}
