import { randomBytes } from "node:crypto";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { BenchDatabase } from "./bench-database";
import { freePort, waitForHealth } from "./harness";
import type { ProcessGroups } from "./process-groups";

/** Everything `bench:board` talks to, started by `startBoardStack`. */
export interface BoardStack {
  /** The simulator's API base URL, its origin (for /__sim/) and its token (the demo user's). */
  apiUrl: string;
  simOrigin: string;
  simToken: string;
  /** Each build's production server: the same database, the same simulator. */
  apps: { ours: string; baseline: string };
}

const tsx = join(process.cwd(), "node_modules", ".bin", "tsx");
const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");

/**
 * Demo mode as the launcher sets it up for Next.js (`scripts/serve.ts`), but with the simulator
 * in a process of its own so that both servers share it: its address and demo token, the
 * benchmark's PostgreSQL database, and one pair of secrets so a session works on either server.
 */
function demoEnv(options: {
  apiUrl: string;
  simToken: string;
  databaseUrl: string;
  port: number;
  dataDir: string;
  secrets: { auth: string; cron: string };
}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: options.databaseUrl,
    NETLIFY_API_URL: options.apiUrl,
    NETLIFY_DEMO_TOKEN: options.simToken,
    AUTH_SECRET: options.secrets.auth,
    CRON_SECRET: options.secrets.cron,
    APP_URL: `http://127.0.0.1:${options.port}`,
    PORT: String(options.port),
    DATA_DIR: options.dataDir,
    NEXT_TELEMETRY_DISABLED: "1",
  };
  for (const name of [
    "NETLIFY_TOKEN",
    "NETLIFY_OAUTH_CLIENT_ID",
    "NETLIFY_OAUTH_CLIENT_SECRET",
    "DATABASE_DRIVER",
    "NEXT_PUBLIC_VIRTUALIZE_LISTS",
  ])
    delete env[name];
  return env;
}

/**
 * Starts the simulator (demo account, frozen clock, team off: a world that changes only when
 * the benchmark asks) and `next start` for each build, ours first: its start-up applies the
 * migrations, which the baseline's then finds done.
 */
export async function startBoardStack(
  processes: ProcessGroups,
  database: BenchDatabase,
  workDir: string,
  baselineDir: string,
): Promise<BoardStack> {
  const simToken = `bench_${randomBytes(12).toString("hex")}`;
  const sim = processes.start(
    "simulator",
    tsx,
    [
      "--conditions=react-server",
      "scripts/sim.ts",
      ...["--port", "0", "--token", simToken, "--seed", "demo", "--speed", "0", "--team", "off"],
    ],
    process.env,
  );
  const apiUrl = (await processes.waitForOutput("simulator", sim, /listening on (\S+)/, 60_000))[1] ?? "";
  const secrets = { auth: randomBytes(32).toString("base64"), cron: randomBytes(24).toString("hex") };
  const start = async (name: string, projectDir: string) => {
    const port = await freePort();
    const env = demoEnv({
      apiUrl,
      simToken,
      databaseUrl: database.url,
      port,
      dataDir: join(workDir, "data"),
      secrets,
    });
    const app = processes.start(
      name,
      process.execPath,
      [nextBin, "start", projectDir, "--port", String(port)],
      env,
    );
    const url = `http://127.0.0.1:${port}`;
    await waitForHealth(processes, name, app, url);
    return url;
  };
  const ours = await start("ours", process.cwd());
  const baseline = await start("baseline", baselineDir);
  return { apiUrl, simOrigin: new URL(apiUrl).origin, simToken, apps: { ours, baseline } };
}
