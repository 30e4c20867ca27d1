/**
 * `npm run demo:soak -- [--minutes 60] [--speed 60]`: runs what the demo launcher runs (the
 * embedded database, the simulator with its team, a scheduler run of the sync engine every five
 * simulated minutes, as the cron route makes it) on a fast clock, and prints
 * the board's counts every five simulated minutes with the process's memory, so "the demo never
 * goes quiet and stays small" is something to look at, not to take on trust.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { openDatabase } from "@/db/client";
import { migrate } from "@/db/migrate";
import { runners } from "@/db/schema";
import { startDemoUpstream } from "@/lib/demo/demo-upstream";
import { parseEnv } from "@/lib/env";
import { syncDueSites } from "@/lib/sync/sync-sites";

const argsSchema = z.object({
  minutes: z.coerce
    .number()
    .int()
    .min(5)
    .max(24 * 60)
    .default(60),
  speed: z.coerce.number().min(1).max(600).default(60),
});
const { values } = parseArgs({ options: { minutes: { type: "string" }, speed: { type: "string" } } });
const args = argsSchema.parse(values);

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const dataDir = await mkdtemp(join(tmpdir(), "switchyard-soak-"));
const database = await openDatabase({ dataDir });
await migrate(database.db);
const demo = await startDemoUpstream(parseEnv({ DATA_DIR: dataDir }), database.db, { speed: args.speed });
const syncEnv = parseEnv({ DATA_DIR: dataDir, NETLIFY_API_URL: demo.apiUrl, NETLIFY_DEMO_TOKEN: demo.token });
const started = Date.now();
const rssAtStart = process.memoryUsage().rss;
console.info(
  `demo soak: ${args.minutes} simulated minutes at ${args.speed}× (RSS at start ${megabytes(rssAtStart)})`,
);
console.info("minute  on board  waiting  running  done  failed  archived  started  answered  rss");

let peakRss = rssAtStart;
for (let minute = 5; minute <= args.minutes; minute += 5) {
  await new Promise((resolve) => setTimeout(resolve, started + (minute * 60_000) / args.speed - Date.now()));
  await syncDueSites(database.db, syncEnv, {
    deadline: Date.now() + 20_000,
    owner: "demo-soak",
    force: true,
  });
  const rows = await database.db
    .select({ state: runners.state, count: sql<number>`count(*)::int` })
    .from(runners)
    .groupBy(runners.state);
  const count = (...states: string[]) =>
    rows.filter((row) => states.includes(row.state)).reduce((sum, row) => sum + row.count, 0);
  const onBoard = rows.reduce((sum, row) => sum + row.count, 0) - count("archived");
  const activity = demo.simulator.store.team?.activity;
  const rss = process.memoryUsage().rss;
  peakRss = Math.max(peakRss, rss);
  console.info(
    [
      minute,
      onBoard,
      count("await_input"),
      count("new", "running"),
      count("done"),
      count("error", "interrupted"),
      count("archived"),
      activity?.runs_started ?? 0,
      activity?.answered ?? 0,
      megabytes(rss),
    ]
      .map((cell, index) => String(cell).padStart(index === 0 ? 6 : 8))
      .join(" "),
  );
}
const rssAtEnd = process.memoryUsage().rss;
console.info(
  `RSS: ${megabytes(rssAtStart)} at start, ${megabytes(rssAtEnd)} after, peak ${megabytes(peakRss)}`,
);
await demo.stop();
await database.close();
await rm(dataDir, { recursive: true, force: true });
