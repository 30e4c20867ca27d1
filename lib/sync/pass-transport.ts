import type { NetlifyClient } from "@/lib/netlify/client";
import type { NetlifyConfig } from "@/lib/netlify/config";

/**
 * How a scheduled pass talks to Netlify: every request gives up at `hardStop` (the end of the
 * run's time budget), so a hung upstream cannot carry a run past its serverless limit; the abort
 * surfaces as the client's ordinary `timeout` error. One quick retry at most: a pass that fails
 * resumes on the next run anyway, and a long Retry-After is honoured by the scheduler's backoff
 * rather than by sleeping here.
 */
export function passTransport(
  hardStop: number,
): Pick<NetlifyConfig, "hardStop" | "maxRetries" | "maxRetryDelayMs"> {
  return { hardStop, maxRetries: 1, maxRetryDelayMs: 2_000 };
}

/** The live-list page a pass was applying: where it resumes if it throws. */
export interface PassProgress {
  page: number;
}

/**
 * The client with its live-list paging observed. A pass writes each page in one transaction only
 * after reading everything that page needs, so when it throws, every page before the one it was
 * listing is cached whole and that page is where the next run resumes. The archived list and the
 * final re-read of page 1 come after the live walk and do not move the mark.
 */
export function observePassProgress(client: NetlifyClient, progress: PassProgress): NetlifyClient {
  let liveWalkDone = false;
  return {
    ...client,
    runners: {
      ...client.runners,
      list: (params, options) => {
        if (params.state !== undefined) liveWalkDone = true;
        else if (!liveWalkDone) progress.page = params.page ?? 1;
        return client.runners.list(params, options);
      },
    },
  };
}
