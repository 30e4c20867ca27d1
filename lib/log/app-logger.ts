import { env } from "@/lib/env";
import { createLogger, type Logger } from "./logger";

let root: Logger | undefined;

/** The server's logger: JSON lines on stdout at `LOG_LEVEL`, scrubbing this process's own secrets by value too. */
export function logger(): Logger {
  if (!root) {
    const config = env();
    root = createLogger({
      level: config.logLevel,
      knownSecrets: [
        config.netlifyToken,
        config.netlifyDemoToken,
        config.netlifyOAuth?.clientSecret,
        config.authSecret,
        config.cronSecret,
      ],
    });
  }
  return root;
}
