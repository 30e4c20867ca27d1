import { defineConfig } from "drizzle-kit";
import { runningEmbeddedUrl } from "./db/embedded/embedded-database";
import { parseEnv } from "./lib/env-schema";

/*
 * `drizzle-kit generate` needs no database. Commands that connect (push, studio) use
 * DATABASE_URL, or for the embedded database the server that `npm run dev` runs: drizzle-kit
 * then shares it with the app instead of opening the same files a second time.
 */
// Parses `process.env` itself, not through lib/env.ts: drizzle-kit loads this file with plain
// Node resolution, where that module's server-only guard throws. Same contract, same errors.
const config = parseEnv(process.env);
const url = config.databaseUrl ?? runningEmbeddedUrl(config.dataDir);

export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./drizzle",
  ...(url ? { dbCredentials: { url } } : {}),
  strict: true,
  verbose: false,
});
