import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { migrate } from "@/db/migrate";
import { sites } from "@/db/schema";
import { createFreshDatabase, testDatabaseUrl } from "@/db/testing/backends";
import { runScript } from "./testing/run-script";

const scratch = mkdtempSync(join(tmpdir(), "switchyard-startup-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function freshDir(name: string): string {
  const directory = join(scratch, name);
  mkdirSync(directory, { recursive: true });
  return directory;
}

/** Content hash of every file under `root`, to prove a failed start-up wrote nothing. */
function snapshot(root: string): Record<string, string> {
  const hashes: Record<string, string> = {};
  const walk = (directory: string) => {
    for (const entry of readdirSync(directory)) {
      const path = join(directory, entry);
      if (statSync(path).isDirectory()) walk(path);
      else hashes[path] = createHash("sha256").update(readFileSync(path)).digest("hex");
    }
  };
  walk(root);
  return hashes;
}

function expectOneLineFailure(
  result: { code: number | null; stderr: string; stdout: string },
  pattern: RegExp,
) {
  expect(result.code).toBe(1);
  const lines = result.stderr.trim().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^Switchyard cannot start: /);
  expect(lines[0]).toMatch(pattern);
  expect(result.stdout).not.toMatch(/Ready|Local:/);
}

describe("start-up refuses bad configuration with one clear line", () => {
  it.each([
    ["npm run dev", ["scripts/serve.ts", "dev"]],
    ["npm run db:migrate", ["scripts/db-migrate.ts"]],
  ])("%s stops on a malformed DATABASE_URL", async (_name, args) => {
    const result = await runScript(args, {
      DATABASE_URL: "mysql://root:hunter2@db/app",
      DATA_DIR: freshDir("bad-url"),
    });
    expectOneLineFailure(result, /DATABASE_URL must be a postgres:\/\/ or postgresql:\/\/ URL/);
    expect(result.stderr).not.toContain("hunter2");
  });

  it("stops when the database is unreachable, without printing its password", async () => {
    const result = await runScript(["scripts/db-migrate.ts"], {
      DATABASE_URL: "postgres://app:s3cr3t-pw@127.0.0.1:1/switchyard",
      DATA_DIR: freshDir("unreachable"),
    });
    expectOneLineFailure(result, /cannot reach the database at 127\.0\.0\.1:1\/switchyard \(ECONNREFUSED/);
    expect(result.stderr).toMatch(/Check DATABASE_URL/);
    expect(result.stderr).not.toContain("s3cr3t-pw");
  });

  it("stops in live mode when a secret is missing", async () => {
    const result = await runScript(["scripts/serve.ts", "dev"], {
      NETLIFY_TOKEN: "nfp_live_token",
      DATA_DIR: freshDir("live"),
    });
    expectOneLineFailure(result, /AUTH_SECRET is required when Netlify credentials are set/);
    expect(result.stderr).not.toContain("nfp_live_token");
  });

  it("stops when DATA_DIR is a file", async () => {
    const file = join(freshDir("file-data-dir"), "not-a-dir");
    writeFileSync(file, "keep me");
    const result = await runScript(["scripts/db-migrate.ts"], { DATA_DIR: file });
    expectOneLineFailure(result, /DATA_DIR .*not-a-dir cannot be used/);
    expect(readFileSync(file, "utf8")).toBe("keep me");
  });

  it("refuses a data directory that holds something other than a database, leaving it untouched", async () => {
    const dataDir = freshDir("foreign");
    mkdirSync(join(dataDir, "pglite"));
    writeFileSync(join(dataDir, "pglite", "notes.txt"), "my notes");
    const before = snapshot(join(dataDir, "pglite"));
    const result = await runScript(["scripts/db-migrate.ts"], { DATA_DIR: dataDir });
    expectOneLineFailure(
      result,
      /embedded database in .*pglite cannot be opened \(.*PG_VERSION is missing\)/,
    );
    expect(snapshot(join(dataDir, "pglite"))).toEqual(before);
  });

  describe("with an existing embedded database", () => {
    const dataDir = freshDir("embedded");

    beforeAll(async () => {
      const first = await runScript(["scripts/db-migrate.ts"], { DATA_DIR: dataDir });
      expect(first.stdout).toMatch(/^Applied \d+ migration\(s\) to embedded/);
      expect(first.code).toBe(0);
    });

    it("migrating again applies nothing", async () => {
      const second = await runScript(["scripts/db-migrate.ts"], { DATA_DIR: dataDir });
      expect(second.code).toBe(0);
      expect(second.stdout).toMatch(/^Nothing to apply: embedded .* already has all \d+ migration\(s\)\./);
    });

    it("refuses corrupt data files and changes none of them", async () => {
      const pgdata = join(dataDir, "pglite");
      writeFileSync(join(pgdata, "global", "pg_control"), Buffer.alloc(8192, 0x5a));
      const before = snapshot(pgdata);
      const result = await runScript(["scripts/db-migrate.ts"], { DATA_DIR: dataDir });
      expectOneLineFailure(result, /embedded database in .*pglite cannot be opened .*move .* aside/);
      expect(snapshot(pgdata)).toEqual(before);
    });
  });
});

describe("the embedded database shared between processes", () => {
  it("lets the CLI work on the database a running server owns, without opening the files twice", async () => {
    const dataDir = freshDir("shared");
    const server = await openDatabase({ dataDir });
    try {
      await migrate(server.db);
      await server.db.insert(sites).values({ id: "site_shared", name: "shared" });
      const cli = await runScript(["scripts/db-migrate.ts"], { DATA_DIR: dataDir });
      expect(cli.code).toBe(0);
      expect(cli.stdout).toMatch(/^Nothing to apply: embedded/);
      expect(cli.stdout).toContain(`served by process ${process.pid}`);
      // The owner still serves after the CLI came and went.
      expect(await server.db.select().from(sites)).toEqual([expect.objectContaining({ id: "site_shared" })]);
    } finally {
      await server.close();
    }
  });
});

describe.runIf(testDatabaseUrl)("npm run db:migrate on PostgreSQL", () => {
  it("creates the schema in an empty database, then changes nothing", async () => {
    const fresh = await createFreshDatabase(testDatabaseUrl as string);
    try {
      const env = { DATABASE_URL: fresh.url, DATA_DIR: freshDir("pg") };
      const first = await runScript(["scripts/db-migrate.ts"], env);
      expect(first.code).toBe(0);
      expect(first.stdout).toMatch(/^Applied \d+ migration\(s\) to 127\.0\.0\.1:5432\/switchyard_test_/);
      const second = await runScript(["scripts/db-migrate.ts"], env);
      expect(second.code).toBe(0);
      expect(second.stdout).toMatch(/^Nothing to apply/);
    } finally {
      await fresh.drop();
    }
  });
});
