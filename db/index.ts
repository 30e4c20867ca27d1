// The database layer's public types. Opening the app's database from the environment is
// lib/database.ts's job: db/ imports nothing from the layers above it.
export type { Database, DatabaseDriver, DatabaseHandle } from "./client";
