import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BenchDatabase, createBenchDatabase } from "./bench-database";
import { ProcessGroups } from "./process-groups";

/** What a benchmark that starts servers gets: a work folder, its processes, and a fresh database. */
export interface BenchWorld {
  workDir: string;
  processes: ProcessGroups;
  /** Creates the benchmark's database on `adminUrl`; it is dropped when the run ends. */
  createDatabase(adminUrl: string): Promise<BenchDatabase>;
}

/**
 * Runs a benchmark's body, then stops every process it started, drops its database and removes
 * its work folder, also when it fails or is interrupted (Ctrl-C). A failure is printed as one
 * line (with its stack) and sets a non-zero exit code.
 */
export async function runBench(
  name: string,
  body: (world: BenchWorld) => Promise<void>,
  options: { beforeCleanUp?: () => void } = {},
): Promise<void> {
  const workDir = mkdtempSync(join(tmpdir(), `switchyard-bench-${name}-`));
  const processes = new ProcessGroups(workDir);
  let database: BenchDatabase | undefined;
  let cleaned: Promise<void> | undefined;
  const cleanUp = () => {
    cleaned ??= (async () => {
      options.beforeCleanUp?.();
      await processes.stopAll();
      await database?.drop().catch((error: unknown) => {
        console.error(`could not drop database ${database?.name}: ${(error as Error).message}`);
      });
      rmSync(workDir, { recursive: true, force: true });
    })();
    return cleaned;
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const)
    process.once(signal, () => void cleanUp().finally(() => process.exit(130)));
  try {
    await body({
      workDir,
      processes,
      async createDatabase(adminUrl) {
        database = await createBenchDatabase(adminUrl);
        return database;
      },
    });
  } catch (error) {
    console.error(
      `bench:${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    process.exitCode = 1;
  } finally {
    await cleanUp();
  }
}
