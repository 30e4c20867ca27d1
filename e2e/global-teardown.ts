import { existsSync, readFileSync } from "node:fs";
import type { FullConfig } from "@playwright/test";
import { readDemoHandoff, serverLogFile } from "./testing/demo-handoff";

/** The shape of a Switchyard API key's secret, long enough not to match the displayed prefix. */
const keySecret = /oc_[A-Za-z0-9]{20,}/g;
/** Well-formed, never minted: its request line proves the log is written, and its value must not be in it. */
const unknownKey = `oc_${"Z".repeat(42)}`;

/**
 * After every test, while the web server still runs (Playwright stops it after this): the
 * server's own output, every line it printed during the run, holds no API key secret and not
 * the upstream token the demo acts with. A run with a leak fails here.
 */
export default async function globalTeardown(config: FullConfig) {
  const baseURL = config.projects[0]?.use.baseURL;
  if (!baseURL) throw new Error("No baseURL to reach the web server at");
  const upstreamToken = readDemoHandoff().token;

  // A proxy call of our own, so the scan never passes on a log that request lines do not reach.
  const probe = await fetch(`${baseURL}/api/proxy/agent_runners`, {
    headers: { Authorization: `Bearer ${unknownKey}` },
  });
  const requestId = probe.headers.get("x-request-id");
  if (probe.status !== 401 || !requestId) throw new Error(`The proxy answered a made-up key ${probe.status}`);
  const log = await logWith(requestId);

  const lines = log.split("\n");
  const proxyLines = lines.filter((line) => line.includes('"path":"/api/proxy/')).length;
  const leaks = lines.flatMap((line, index) => {
    const found = [
      ...(line.match(keySecret) ?? []),
      ...(line.includes(upstreamToken) ? [upstreamToken] : []),
    ];
    // Never repeat a leaked secret in the report: its first characters say which one it is.
    return found.map((secret) => `line ${index + 1}: ${secret.slice(0, 6)}…`);
  });
  if (leaks.length > 0)
    throw new Error(`The web server printed secrets (${serverLogFile()}):\n${leaks.join("\n")}`);
  console.info(`Server log: ${lines.length} lines, ${proxyLines} proxy request lines, no secret in them.`);
}

/** The server's output once it holds the line of the request with this id (it is written asynchronously). */
async function logWith(requestId: string): Promise<string> {
  const file = serverLogFile();
  for (let waited = 0; waited <= 10_000; waited += 100) {
    const log = existsSync(file) ? readFileSync(file, "utf8") : "";
    if (log.split("\n").some((line) => line.includes(requestId) && line.includes("/api/proxy/"))) return log;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(
    `${file} never showed the request line of ${requestId}: the server's output is not captured, so no scan for secrets is possible`,
  );
}
