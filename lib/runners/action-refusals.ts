import { ApiError } from "@/lib/http/api-error";
import { NetlifyApiError } from "@/lib/netlify/errors";
import type { RunnerAction } from "./runner-action-schemas";

/**
 * Netlify says a repository lacks its GitHub App only in words; clients recognise the failure by
 * this pattern (research notes §4.6).
 */
const missingGitHubApp = /coding installation/i;

/**
 * Netlify's 400s and 422s for the run page's actions, by what its rules say they mean (research
 * notes §4.5–§4.10): the general "check what was entered" would leave the person guessing.
 */
const pageActionRefusals: Partial<Record<string, string>> = {
  "revert:400":
    "Netlify refused the revert: a run cannot go back to its first session, nor once sessions were committed to a branch.",
  "rebase:400":
    "Nothing to rebase: the run has no changes, or it is already on the latest production deploy.",
  "rebase:422":
    "This site deploys from a Git repository, so its runs are not rebased; open or update a pull request instead.",
  "redeploy:400": "Only a finished session with changes can be redeployed.",
  "redeploy:422": "This session has no changes to deploy.",
  "commit:400":
    "Netlify refused the commit: changes go to the pull request's branch, never to the production branch.",
};

/**
 * A refusal that means something particular for this action, in the person's terms; others keep
 * the general sentence of `error-sentences.ts`.
 */
export function refusalInPlainWords(error: unknown, action: RunnerAction): ApiError | undefined {
  if (!(error instanceof NetlifyApiError)) return undefined;
  if (action.action === "create_pr" && error.status === 403)
    return new ApiError(
      "FORBIDDEN",
      "Netlify refused: you do not have permission to deploy this site, so a pull request cannot be opened.",
    );
  if (action.action === "create_pr" && error.status === 422 && missingGitHubApp.test(error.message))
    return new ApiError(
      "CONFLICT",
      "This site's repository does not have Netlify's GitHub App installed, so a pull request cannot be opened. Install the app for the repository on GitHub, then try again.",
    );
  const specific = pageActionRefusals[`${action.action}:${error.status}`];
  if (specific) return new ApiError("CONFLICT", specific);
  if ((action.action === "answer" || action.action === "skip") && error.status === 422)
    return new ApiError("CONFLICT", "This question was already answered or skipped.");
  return undefined;
}
