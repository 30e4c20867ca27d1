import pino, { type DestinationStream, type LevelWithSilent, type LogFn } from "pino";
import { redactCensor, redactPaths } from "./redact";
import { createScrubber, type Scrubber } from "./scrub";

export type Logger = pino.Logger;
export type LogLevel = LevelWithSilent;

export interface LoggerOptions {
  level: LogLevel;
  /** Where the JSON lines go; stdout unless given (tests pass a stream to read them back). */
  destination?: DestinationStream;
  /** Exact values to scrub wherever they appear (the service token, AUTH_SECRET…). */
  knownSecrets?: readonly (string | undefined)[];
}

/**
 * A pino logger writing one JSON object per line. Two layers keep secrets out, both inside pino:
 * `redact` censors fields by name (headers, `token`, `password`…), and the `logMethod` hook plus
 * the `log` formatter scrub secret-shaped strings from the message, its arguments and every value
 * of the logged object, Errors included. Child bindings are not scrubbed: bind ids, never input.
 */
export function createLogger(options: LoggerOptions): Logger {
  const scrubber = createScrubber(options.knownSecrets);
  const settings: pino.LoggerOptions = {
    level: options.level,
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: redactPaths(), censor: redactCensor },
    formatters: {
      level: (label) => ({ level: label }),
      log: (object) => scrubber.value(object) as Record<string, unknown>,
    },
    // The log formatter has already turned Errors into scrubbed plain objects; pino's own `err`
    // serializer would re-serialize them as type "Object".
    serializers: { err: (value: unknown) => scrubber.value(value) },
    hooks: {
      logMethod(args, method) {
        method.apply(this, scrubbedArguments(args, scrubber));
      },
    },
  };
  return options.destination ? pino(settings, options.destination) : pino(settings);
}

/**
 * Scrubs the message and its interpolation values. The merging object is left to the `log`
 * formatter, except that pino takes a missing message from `err.message` before formatting:
 * that message is supplied here, scrubbed.
 */
function scrubbedArguments(args: Parameters<LogFn>, scrubber: Scrubber): Parameters<LogFn> {
  const [first, ...rest] = args as unknown[];
  const values = rest.map((value) => scrubber.value(value));
  if (typeof first === "string") return [scrubber.text(first), ...values] as Parameters<LogFn>;
  const merging = first instanceof Error ? { err: first } : first;
  const err = (merging as { err?: unknown } | null | undefined)?.err;
  const hasMessage =
    typeof values[0] === "string" || (merging as { msg?: unknown } | null)?.msg !== undefined;
  if (!hasMessage && err instanceof Object && typeof (err as Error).message === "string") {
    values.unshift(scrubber.text((err as Error).message));
  }
  return [merging, ...values] as Parameters<LogFn>;
}
