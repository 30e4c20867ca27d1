import { type Command, CommanderError } from "commander";
import { KeyRequestError } from "@/lib/keys/key-actor";
import { describeNetlifyError } from "@/lib/netlify/error-sentences";
import { NetlifyApiError } from "@/lib/netlify/errors";
import { explainStartupFailure } from "@/lib/startup/explain";
import { prepareServer } from "@/lib/startup/prepare";
import type { CliContext } from "./cli-context";
import { CliError } from "./cli-error";
import { serviceNetlifyClient } from "./service-client";

/** A refusal in one line; an unexpected failure without its internals. */
function explain(error: unknown): string {
  if (error instanceof KeyRequestError || error instanceof CliError) return error.message;
  if (error instanceof NetlifyApiError) return describeNetlifyError(error);
  return `unexpected failure (${error instanceof Error ? error.name : "unknown"}); nothing was changed`;
}

/**
 * Runs a command-line program: validated environment, database ready, then the command.
 * Output goes to stdout, every error to stderr as one line, and the exit code says which.
 */
export async function runCli(
  name: string,
  build: (context: CliContext) => Command,
  argv: string[],
): Promise<number> {
  let prepared: Awaited<ReturnType<typeof prepareServer>>;
  try {
    prepared = await prepareServer();
  } catch (error) {
    process.stderr.write(`${explainStartupFailure(error)}\n`);
    return 1;
  }
  const { env, database } = prepared;
  const context: CliContext = {
    env,
    db: database.db,
    netlify: () => serviceNetlifyClient(env),
    out: (line) => process.stdout.write(`${line}\n`),
  };
  const program = build(context).exitOverride();
  try {
    await program.parseAsync(argv, { from: "user" });
    return 0;
  } catch (error) {
    // Commander has already printed its own usage error or help text.
    if (error instanceof CommanderError) return error.exitCode;
    process.stderr.write(`${name}: ${explain(error)}\n`);
    return 1;
  } finally {
    await database.close().catch(() => undefined);
  }
}
