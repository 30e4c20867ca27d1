import { DatabaseUnreachableError } from "@/db/client";
import { DataDirectoryError } from "@/db/data-dir";
import { EmbeddedDataError } from "@/db/embedded/embedded-database";
import { EnvError } from "@/lib/env";
import { MigrationError } from "./prepare";

/** One line for the operator: what is wrong and how to fix it. Never includes secrets. */
export function explainStartupFailure(error: unknown): string {
  const prefix = "Switchyard cannot start:";
  if (error instanceof EnvError) {
    return `${prefix} ${error.problems.join("; ")}. Fix the environment (see README, Configuration) and start again.`;
  }
  if (error instanceof DatabaseUnreachableError) {
    return `${prefix} ${error.message}. Check DATABASE_URL and that the database server is running and accepts connections, or unset DATABASE_URL to use the embedded database.`;
  }
  if (error instanceof EmbeddedDataError) {
    return `${prefix} ${error.message}. Nothing was changed; move ${error.directory} aside (or point DATA_DIR elsewhere) to start with a fresh embedded database.`;
  }
  if (error instanceof DataDirectoryError) {
    return `${prefix} ${error.message}. Point DATA_DIR at a directory Switchyard may write to.`;
  }
  if (error instanceof MigrationError) {
    return `${prefix} ${error.message}. The schema was left as it was; fix the cause and start again.`;
  }
  const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
  return `${prefix} ${message}`;
}
