/**
 * `npm run dev` / `npm start`: checks the environment, opens (or hosts) the database and applies
 * migrations before Next.js starts, so a bad configuration stops with one clear line and a
 * non-zero exit instead of a half-started server.
 */
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { removeDemoHandoff, writeDemoHandoff } from "@/lib/cli/demo-handoff";
import { startDemoScheduler } from "@/lib/demo/demo-scheduler";
import { startDemoUpstream } from "@/lib/demo/demo-upstream";
import { childProcessEnv } from "@/lib/env";
import { resolveSecrets } from "@/lib/secrets";
import { explainStartupFailure } from "@/lib/startup/explain";
import { type PreparedServer, prepareServer } from "@/lib/startup/prepare";

const command = process.argv[2];
if (command !== "dev" && command !== "start") {
  console.error("usage: tsx scripts/serve.ts dev|start");
  process.exit(2);
}

let prepared: PreparedServer;
try {
  prepared = await prepareServer();
} catch (error) {
  console.error(explainStartupFailure(error));
  process.exit(1);
}

const { env: config, database, migration } = prepared;
// Demo mode: the built-in Netlify simulator stands in for the API, in this process.
let demo: Awaited<ReturnType<typeof startDemoUpstream>> | undefined;
try {
  demo = config.mode === "demo" ? await startDemoUpstream(config, database.db) : undefined;
} catch (error) {
  console.error(explainStartupFailure(error));
  await database.close().catch(() => undefined);
  process.exit(1);
}
// The CLI (`npm run keys`, `npm run sites`) acts on this same simulated account.
if (demo) writeDemoHandoff(config.dataDir, { apiUrl: demo.apiUrl, token: demo.token, pid: process.pid });
console.info(
  `Switchyard: ${config.mode} mode, database ${database.location}` +
    (migration.applied > 0 ? `, applied ${migration.applied} migration(s)` : "") +
    (demo ? `, Netlify simulator at ${demo.apiUrl}` : ""),
);

const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
const next = spawn(process.execPath, [nextBin, command, "--port", String(config.port)], {
  stdio: "inherit",
  env: childProcessEnv(demo ? { NETLIFY_API_URL: demo.apiUrl, NETLIFY_DEMO_TOKEN: demo.token } : {}),
});

// Demo mode: this launcher calls the cron route as a host's scheduler would in production.
const scheduler = demo
  ? startDemoScheduler({
      appUrl: `http://127.0.0.1:${config.port}`,
      cronSecret: resolveSecrets(config).cronSecret,
    })
  : undefined;

const shutdown = async (code: number) => {
  scheduler?.stop();
  removeDemoHandoff(config.dataDir, process.pid);
  await demo?.stop().catch(() => undefined);
  await database.close().catch(() => undefined);
  process.exit(code);
};

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    next.kill(signal);
  });
}
next.on("exit", (code, signal) => void shutdown(code ?? (signal ? 1 : 0)));
next.on("error", (error) => {
  console.error(`Switchyard cannot start: Next.js did not start (${error.message}).`);
  void shutdown(1);
});
