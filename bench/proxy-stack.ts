import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { generateApiKey } from "@/lib/keys/key-format";
import type { BenchDatabase } from "./bench-database";
import { freePort, waitForHealth } from "./harness";
import type { ProcessGroups } from "./process-groups";

/** Everything `bench:proxy` talks to, started by `startProxyStack`. */
export interface ProxyStack {
  /** The simulator: its API base URL (NETLIFY_API_URL), its origin (for /__sim/) and its token. */
  apiUrl: string;
  simOrigin: string;
  simToken: string;
  passThroughUrl: string;
  appUrl: string;
  appPort: number;
  siteId: string;
  runnerId: string;
  keys: { valid: string; revoked: string; unknown: string };
}

const tsx = join(process.cwd(), "node_modules", ".bin", "tsx");
// Demo seed, frozen clock, team off: a world that changes only when the benchmark asks.
const simulatedWorld = ["--seed", "demo", "--speed", "0", "--team", "off"];
const allScopes = "agent_runners:read,agent_runners:write,agent_runners:deploy";

/**
 * The environment of live mode against the simulator, as an operator would set it: the
 * service token, the benchmark's database, and rate limits far above what a run makes (the
 * limits themselves are not what is measured, and a 429 would cut the run short).
 */
function liveEnv(options: {
  apiUrl: string;
  simToken: string;
  databaseUrl: string;
  port: number;
  dataDir: string;
}) {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: options.databaseUrl,
    NETLIFY_API_URL: options.apiUrl,
    NETLIFY_TOKEN: options.simToken,
    AUTH_SECRET: randomBytes(32).toString("base64"),
    CRON_SECRET: randomBytes(24).toString("hex"),
    APP_URL: `http://127.0.0.1:${options.port}`,
    PORT: String(options.port),
    DATA_DIR: options.dataDir,
    PROXY_RATE_LIMIT_PER_MINUTE: "1000000",
    PROXY_DEPLOY_RATE_LIMIT_PER_MINUTE: "1000000",
    PROXY_AUTH_FAILURES_PER_MINUTE: "1000000",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  for (const name of [
    "NETLIFY_OAUTH_CLIENT_ID",
    "NETLIFY_OAUTH_CLIENT_SECRET",
    "NETLIFY_DEMO_TOKEN",
    "DATABASE_DRIVER",
  ])
    delete env[name];
  return env;
}

/** A site of the demo account and one of its runners with a diff (the diff benchmark grows it). */
async function pickRunner(apiUrl: string, simToken: string): Promise<{ siteId: string; runnerId: string }> {
  const get = async <T>(path: string) =>
    (await (
      await fetch(`${apiUrl}${path}`, { headers: { authorization: `Bearer ${simToken}` } })
    ).json()) as T;
  for (const site of await get<Array<{ id: string }>>("/sites")) {
    const runners = await get<Array<{ id: string; has_result_diff: boolean }>>(
      `/agent_runners?site_id=${site.id}&per_page=100`,
    );
    const runner = runners.find((candidate) => candidate.has_result_diff);
    if (runner) return { siteId: site.id, runnerId: runner.id };
  }
  throw new Error("the demo account has no runner with a diff");
}

/**
 * Starts the simulator, the pass-through baseline, and Switchyard's production server in live mode with the
 * simulator as Netlify; then mints a key, and a second one that it revokes, with the CLI.
 */
export async function startProxyStack(
  processes: ProcessGroups,
  database: BenchDatabase,
  workDir: string,
): Promise<ProxyStack> {
  const simToken = `bench_${randomBytes(12).toString("hex")}`;
  const sim = processes.start(
    "simulator",
    tsx,
    ["--conditions=react-server", "scripts/sim.ts", "--port", "0", "--token", simToken, ...simulatedWorld],
    process.env,
  );
  const apiUrl = (await processes.waitForOutput("simulator", sim, /listening on (\S+)/, 60_000))[1] ?? "";
  const passThrough = processes.start(
    "pass-through",
    tsx,
    ["bench/pass-through-proxy.ts", apiUrl, simToken],
    process.env,
  );
  const passThroughUrl =
    (await processes.waitForOutput("pass-through", passThrough, /listening on (\S+)/, 60_000))[1] ?? "";

  const appPort = await freePort();
  const env = liveEnv({
    apiUrl,
    simToken,
    databaseUrl: database.url,
    port: appPort,
    dataDir: join(workDir, "data"),
  });
  const app = processes.start("switchyard", "npm", ["start"], env);
  const appUrl = `http://127.0.0.1:${appPort}`;
  await waitForHealth(processes, "switchyard", app, appUrl);

  const { siteId, runnerId } = await pickRunner(apiUrl, simToken);
  const keysCli = async (args: string[]) => {
    const { code, stdout } = await processes.run(
      "keys",
      "npm",
      ["run", "--silent", "keys", "--", ...args],
      env,
      120_000,
    );
    if (code !== 0)
      throw new Error(`npm run keys -- ${args[0]} failed (exit ${code}):\n${processes.tail("keys")}`);
    return JSON.parse(stdout) as { id: string; key: string };
  };
  const create = (name: string) =>
    keysCli(["create", "--site", siteId, "--scopes", allScopes, "--name", name, "--json"]);
  const valid = await create("bench");
  const revoked = await create("bench, revoked");
  await keysCli(["revoke", revoked.id, "--json"]);

  return {
    apiUrl,
    simOrigin: new URL(apiUrl).origin,
    simToken,
    passThroughUrl,
    appUrl,
    appPort,
    siteId,
    runnerId,
    // Well formed, with a valid checksum, so it is refused by the lookup and not before it.
    keys: { valid: valid.key, revoked: revoked.key, unknown: generateApiKey() },
  };
}
