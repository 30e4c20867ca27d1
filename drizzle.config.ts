import { defineConfig } from "drizzle-kit";
import { runningEmbeddedUrl } from "./db/embedded/embedded-database";
import { env } from "./lib/env";

/*
 * `drizzle-kit generate` needs no database. Commands that connect (push, studio) use
 * DATABASE_URL, or for the embedded database the server that `npm run dev` runs: drizzle-kit
 * then shares it with the app instead of opening the same files a second time.
 */
const config = env();
const url = config.databaseUrl ?? runningEmbeddedUrl(config.dataDir);

export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./drizzle",
  ...(url ? { dbCredentials: { url } } : {}),
  strict: true,
  verbose: false,
});
