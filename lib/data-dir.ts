import { mkdirSync, statSync } from "node:fs";
import { resolve } from "node:path";

/** DATA_DIR exists as something other than a writable directory. */
export class DataDirectoryError extends Error {
  constructor(
    readonly directory: string,
    reason: string,
  ) {
    super(`DATA_DIR ${directory} cannot be used (${reason})`);
    this.name = "DataDirectoryError";
  }
}

/** Creates DATA_DIR if needed and returns its absolute path; never replaces what is there. */
export function ensureDataDir(dataDir: string): string {
  const directory = resolve(dataDir);
  try {
    mkdirSync(directory, { recursive: true });
  } catch (error) {
    throw new DataDirectoryError(directory, (error as NodeJS.ErrnoException).code ?? "cannot create it");
  }
  if (!statSync(directory).isDirectory()) throw new DataDirectoryError(directory, "it is not a directory");
  return directory;
}
