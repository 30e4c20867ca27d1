import "server-only";
import { type DatabaseHandle, openDatabase } from "@/db/client";
import { env } from "@/lib/env";

// One pool per server process. Kept on globalThis because Next.js may evaluate this module
// once per bundle (instrumentation, route handlers, pages) and in dev once per reload.
const holder = globalThis as typeof globalThis & { switchyardDatabase?: Promise<DatabaseHandle> };

/**
 * The app's database, opened on first use from the environment contract. It lives in lib/, not
 * db/, because it reads the environment: db/ opens what it is given and imports nothing above it.
 */
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
