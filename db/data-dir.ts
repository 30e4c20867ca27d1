// DATA_DIR's file-system plumbing: the embedded database keeps its files and password here
// (lib/secrets.ts keeps the demo secrets beside them), so it sits with the database layer.
import { chmodSync, linkSync, mkdirSync, renameSync, statSync, unlinkSync, writeFileSync } from "node:fs";
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

/**
 * Creates DATA_DIR if needed and returns its absolute path; never replaces what is there.
 * Created private (0700): it holds the database, its password and the demo secrets.
 */
export function ensureDataDir(dataDir: string): string {
  const directory = resolve(dataDir);
  try {
    mkdirSync(directory, { recursive: true, mode: 0o700 });
  } catch (error) {
    throw new DataDirectoryError(directory, (error as NodeJS.ErrnoException).code ?? "cannot create it");
  }
  const stat = statSync(directory);
  if (!stat.isDirectory()) throw new DataDirectoryError(directory, "it is not a directory");
  if (stat.mode & 0o077) {
    try {
      chmodSync(directory, 0o700);
    } catch {
      // Not ours to change (e.g. a shared mount); the files inside are still created 0600.
    }
  }
  return directory;
}

const temporaryPath = (path: string) => `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;

/**
 * Creates `path` with `content` only if it does not exist, atomically: readers see either no
 * file or the whole content, never a half-written one. Returns false if it already existed.
 */
export function createFileExclusive(path: string, content: string): boolean {
  const temporary = temporaryPath(path);
  writeFileSync(temporary, content, { mode: 0o600 });
  try {
    linkSync(temporary, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  } finally {
    unlinkSync(temporary);
  }
}

/** Replaces `path` with `content` atomically. */
export function replaceFile(path: string, content: string): void {
  const temporary = temporaryPath(path);
  writeFileSync(temporary, content, { mode: 0o600 });
  renameSync(temporary, path);
}
