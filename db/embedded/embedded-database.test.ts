import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { type DatabaseHandle, openDatabase } from "../client";
import { queryRows } from "../query-rows";

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function embeddedDatabase(): Promise<{ dataDir: string; owner: DatabaseHandle }> {
  const dataDir = mkdtempSync(join(tmpdir(), "switchyard-embedded-"));
  const owner = await openDatabase({ dataDir });
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  cleanups.push(() => owner.close().catch(() => undefined));
  return { dataDir, owner };
}

function ownerRecord(dataDir: string): { pid: number; port: number; password: string } {
  return JSON.parse(readFileSync(join(dataDir, "embedded-server.json"), "utf8"));
}

async function selectOne(handle: DatabaseHandle): Promise<number | undefined> {
  return (await queryRows<{ one: number }>(handle.db, sql`select 1 as one`))[0]?.one;
}

describe("the embedded database server", () => {
  it("keeps its password in a file only its user can read", async () => {
    const { dataDir } = await embeddedDatabase();
    expect(statSync(join(dataDir, "embedded-server.json")).mode & 0o077).toBe(0);
    expect(statSync(dataDir).mode & 0o077).toBe(0);
  });

  it("refuses a client without the password before it reaches the database", async () => {
    const { dataDir } = await embeddedDatabase();
    const { port } = ownerRecord(dataDir);
    const intruder = new pg.Client({
      host: "127.0.0.1",
      port,
      user: "postgres",
      password: "guess",
      database: "postgres",
    });
    await expect(intruder.connect()).rejects.toMatchObject({ code: "28P01" });
  });

  it("answers a malformed start-up packet with an error and keeps serving everyone else", async () => {
    const { dataDir, owner } = await embeddedDatabase();
    const { port } = ownerRecord(dataDir);
    const reply = await new Promise<Buffer>((resolve, reject) => {
      const socket = connect({ host: "127.0.0.1", port }, () => {
        const packet = Buffer.alloc(8);
        packet.writeInt32BE(8, 0);
        packet.writeInt32BE(196608, 4);
        socket.write(packet);
      });
      const chunks: Buffer[] = [];
      socket.on("data", (chunk) => chunks.push(chunk));
      socket.on("close", () => resolve(Buffer.concat(chunks)));
      socket.on("error", reject);
    });
    expect(String.fromCharCode(reply[0] ?? 0)).toBe("E");
    expect(reply.toString()).toContain("malformed startup packet");
    expect(await selectOne(owner)).toBe(1);
  });

  it("stops promptly while another process is still connected", async () => {
    const { dataDir, owner } = await embeddedDatabase();
    const joiner = await openDatabase({ dataDir });
    cleanups.push(() => joiner.close().catch(() => undefined));
    expect(joiner.location).toContain("served by process");
    expect(await selectOne(joiner)).toBe(1);
    const stopped = await Promise.race([
      owner.close().then(() => "stopped"),
      new Promise((resolve) => setTimeout(() => resolve("hung"), 5_000)),
    ]);
    expect(stopped).toBe("stopped");
  });

  it("lets a joined process take over when the owner goes away", async () => {
    const { dataDir, owner } = await embeddedDatabase();
    const joiner = await openDatabase({ dataDir });
    cleanups.push(() => joiner.close().catch(() => undefined));
    await joiner.db.execute(sql`create table notes (body text)`);
    await joiner.db.execute(sql`insert into notes values ('kept')`);
    await owner.close();
    // The joiner's idle connection dropped; its next query finds no owner and becomes one.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await queryRows<{ body: string }>(joiner.db, sql`select body from notes`)).toEqual([
      { body: "kept" },
    ]);
    expect(ownerRecord(dataDir).pid).toBe(process.pid);
  });
});
