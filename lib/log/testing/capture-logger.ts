import { createLogger, type Logger, type LoggerOptions } from "../logger";

export interface CapturedLogs {
  logger: Logger;
  /** Every line written so far, exactly as it would reach stdout. */
  text(): string;
  /** The lines parsed as JSON. */
  lines(): Record<string, unknown>[];
}

/** A real logger (redaction and scrubbing included) whose output is kept in memory. */
export function captureLogs(options: Partial<LoggerOptions> = {}): CapturedLogs {
  const written: string[] = [];
  const logger = createLogger({
    level: "trace",
    ...options,
    destination: { write: (line) => written.push(line) },
  });
  return {
    logger,
    text: () => written.join(""),
    lines: () => written.map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}
