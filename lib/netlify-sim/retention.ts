import type { SimRunner } from "./model";
import { runnerState } from "./serialize";
import { isActiveState, type SimStore } from "./store";

/** Runs on the board (not archived) the demo keeps at most; older finished ones are archived. */
export const LIVE_RUN_LIMIT = 80;
/** Archived runs kept; older ones are forgotten, as a retention window would. */
export const ARCHIVED_RUN_LIMIT = 120;

export interface RetentionResult {
  archived: number;
  forgotten: number;
}

/**
 * Keeps an account's demo data bounded however long it runs: archives the least recently
 * touched finished runs beyond the live limit, then forgets the oldest archived ones.
 */
export function keepBounded(store: SimStore, accountRunners: SimRunner[], at: number): RetentionResult {
  const result: RetentionResult = { archived: 0, forgotten: 0 };
  const onBoard = accountRunners.filter((runner) => !runner.archived);
  const finished = onBoard
    .filter((runner) => !isActiveState(runnerState(runner)))
    .sort((a, b) => a.updatedAt - b.updatedAt);
  for (let excess = onBoard.length - LIVE_RUN_LIMIT; excess > 0 && finished.length > 0; excess--) {
    const oldest = finished.shift() as SimRunner;
    oldest.archived = true;
    store.changed(oldest, at);
    result.archived++;
  }
  const archived = accountRunners
    .filter((runner) => runner.archived)
    .sort((a, b) => a.updatedAt - b.updatedAt);
  for (const runner of archived.slice(0, Math.max(0, archived.length - ARCHIVED_RUN_LIMIT))) {
    store.removeRunner(runner);
    result.forgotten++;
  }
  return result;
}
