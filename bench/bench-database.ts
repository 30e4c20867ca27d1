import { randomBytes } from "node:crypto";
import pg from "pg";

export interface BenchDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

async function withClient(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** A fresh PostgreSQL database for one run, created through `adminUrl`; `drop` ends its sessions too. */
export async function createBenchDatabase(adminUrl: string): Promise<BenchDatabase> {
  const name = `switchyard_bench_${randomBytes(4).toString("hex")}`;
  await withClient(adminUrl, `create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: () => withClient(adminUrl, `drop database if exists ${name} with (force)`),
  };
}
