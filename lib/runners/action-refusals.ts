import { ApiError } from "@/lib/http/api-error";
import { NetlifyApiError } from "@/lib/netlify/errors";
import type { RunnerAction } from "./runner-action-schemas";

/**
 * Netlify says a repository lacks its GitHub App only in words; clients recognise the failure by
 * this pattern (research notes §4.6).
 */
const missingGitHubApp = /coding installation/i;

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
  if ((action.action === "answer" || action.action === "skip") && error.status === 422)
    return new ApiError("CONFLICT", "This question was already answered or skipped.");
  return undefined;
}
