import { eq } from "drizzle-orm";
import type { Database } from "@/db";
import { type NewSession, runners, sessions } from "@/db/schema";
import type { NetlifyClient } from "@/lib/netlify/client";
import type { NetlifyRunner } from "@/lib/netlify/schemas";
import { type RunnerSyncRow, runnerRow } from "@/lib/sync/runner-row";
import { sessionRow } from "@/lib/sync/session-row";

/**
 * The baseline the sync engine is measured against: what a first implementation would do. Every
 * runner of the site (live and archived lists) gets its sessions read and, runner and sessions
 * alike, one select by id followed by an update or an insert; nothing is compared, so every
 * row is written on every pass. Runners are handled `concurrency` at a time, as the engine
 * reads session lists, so the two differ in what they do rather than in parallelism.
 */
export async function naiveSync(
  db: Database,
  client: NetlifyClient,
  siteId: string,
  concurrency = 4,
): Promise<{ runners: number; sessions: number }> {
  const listed = [
    ...(await client.runners.listAll({ siteId })),
    ...(await client.runners.listAll({ siteId, state: "archived" })),
  ];
  let sessionCount = 0;
  const syncRunner = async (runner: NetlifyRunner) => {
    const list = await client.sessions.listAll(runner.id, { includeDiscarded: true });
    const syncedAt = new Date();
    await writeRunner(db, runnerRow(runner, syncedAt));
    for (const session of list) await writeSession(db, sessionRow(session, syncedAt));
    sessionCount += list.length;
  };
  for (let start = 0; start < listed.length; start += concurrency) {
    await Promise.all(listed.slice(start, start + concurrency).map(syncRunner));
  }
  return { runners: listed.length, sessions: sessionCount };
}

async function writeRunner(db: Database, row: RunnerSyncRow): Promise<void> {
  const [existing] = await db.select({ id: runners.id }).from(runners).where(eq(runners.id, row.id));
  if (existing) await db.update(runners).set(row).where(eq(runners.id, row.id));
  else await db.insert(runners).values(row);
}

async function writeSession(db: Database, row: NewSession): Promise<void> {
  const [existing] = await db.select({ id: sessions.id }).from(sessions).where(eq(sessions.id, row.id));
  if (existing) await db.update(sessions).set(row).where(eq(sessions.id, row.id));
  else await db.insert(sessions).values(row);
}
