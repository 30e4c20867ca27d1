import type { CapturedLogs } from "@/lib/log/testing/capture-logger";
import type { ProxyFixture } from "../proxy-fixture";

/**
 * What every suite of `proxy-security.test.ts` runs against, filled in before its first test:
 * one proxy world per storage back end (a database, a simulator), and the app's log lines.
 */
export interface SuiteWorld {
  fixture: ProxyFixture;
  logs: CapturedLogs;
}
