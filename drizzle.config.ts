import { defineConfig } from "drizzle-kit";

/*
 * `generate` needs no database. Commands that connect (studio, check against a live schema)
 * read DRIZZLE_DATABASE_URL; for the embedded database, `npm run db:url` prints the address of
 * the running embedded server so drizzle-kit shares it with the app instead of opening the files twice.
 */
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./drizzle",
  dbCredentials: { url: process.env.DRIZZLE_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres" },
  strict: true,
  verbose: false,
});
