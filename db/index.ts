import { env } from "@/lib/env";
import { type DatabaseHandle, openDatabase } from "./client";

export type { Database, DatabaseDriver, DatabaseHandle } from "./client";

// One pool per server process. Kept on globalThis because Next.js may evaluate this module
// once per bundle (instrumentation, route handlers, pages) and in dev once per reload.
const holder = globalThis as typeof globalThis & { switchyardDatabase?: Promise<DatabaseHandle> };

/** The app's database, opened on first use from the environment contract. */
export function database(): Promise<DatabaseHandle> {
  holder.switchyardDatabase ??= openDatabase({
    url: env().databaseUrl,
    driver: env().databaseDriver,
    dataDir: env().dataDir,
  }).catch((error: unknown) => {
    holder.switchyardDatabase = undefined;
    throw error;
  });
  return holder.switchyardDatabase;
}
