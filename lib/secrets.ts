import "server-only";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { createFileExclusive, ensureDataDir } from "@/db/data-dir";
import type { Env } from "./env";

export interface Secrets {
  authSecret: string;
  cronSecret: string;
}

const storedSecretsSchema = z.object({ authSecret: z.string().min(32), cronSecret: z.string().min(16) });

/**
 * The secrets this process runs with. Live mode takes them from the environment (validated there
 * as required). Demo mode generates them once into DATA_DIR so that sessions and stored tokens
 * survive a restart without any configuration.
 */
export function resolveSecrets(env: Env): Secrets {
  if (env.authSecret && env.cronSecret) return { authSecret: env.authSecret, cronSecret: env.cronSecret };
  const stored = readOrCreateDemoSecrets(env.dataDir);
  return { authSecret: env.authSecret ?? stored.authSecret, cronSecret: env.cronSecret ?? stored.cronSecret };
}

function readOrCreateDemoSecrets(dataDir: string): Secrets {
  const file = join(ensureDataDir(dataDir), "secrets.json");
  try {
    return storedSecretsSchema.parse(JSON.parse(readFileSync(file, "utf8")));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") {
      throw new Error(
        `${file} is unreadable; restore it, or delete it to generate new demo secrets (people then sign in again)`,
      );
    }
  }
  const secrets: Secrets = {
    authSecret: randomBytes(32).toString("base64url"),
    cronSecret: randomBytes(24).toString("hex"),
  };
  // Exclusive and atomic: if another process generated them first, theirs win and we read them back.
  if (createFileExclusive(file, JSON.stringify(secrets))) return secrets;
  return storedSecretsSchema.parse(JSON.parse(readFileSync(file, "utf8")));
}
