import "server-only";
import { readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";

/*
 * In demo mode the Netlify simulator lives inside the running launcher (`npm run dev`). The
 * launcher leaves its address and token in DATA_DIR (0600, like the embedded database's owner
 * file) so the CLI acts on the same simulated account; it removes the file when it stops.
 */

const handoffSchema = z.object({ apiUrl: z.url(), token: z.string().min(1), pid: z.number().int() });
export type DemoHandoff = z.infer<typeof handoffSchema>;

const handoffFile = (dataDir: string) => join(dataDir, "demo-upstream.json");

export function writeDemoHandoff(dataDir: string, handoff: DemoHandoff): void {
  const file = handoffFile(dataDir);
  writeFileSync(`${file}.tmp`, JSON.stringify(handoff), { mode: 0o600 });
  renameSync(`${file}.tmp`, file);
}

export function removeDemoHandoff(dataDir: string, pid: number): void {
  if (readDemoHandoff(dataDir)?.pid === pid) rmSync(handoffFile(dataDir), { force: true });
}

/** The running demo's simulator, or undefined when no launcher is running for this DATA_DIR. */
export function readDemoHandoff(dataDir: string): DemoHandoff | undefined {
  try {
    const handoff = handoffSchema.parse(JSON.parse(readFileSync(handoffFile(dataDir), "utf8")));
    process.kill(handoff.pid, 0);
    return handoff;
  } catch {
    return undefined;
  }
}
