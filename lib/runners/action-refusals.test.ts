import { describe, expect, it } from "vitest";
import { NetlifyApiError } from "@/lib/netlify/errors";
import { refusalInPlainWords } from "./action-refusals";
import type { RunnerAction } from "./runner-action-schemas";

const netlify = (status: number, message: string) => new NetlifyApiError({ status, message });

describe("refusalInPlainWords", () => {
  it("names the missing deploy permission when Netlify refuses a pull request", () => {
    const refusal = refusalInPlainWords(netlify(403, "Forbidden"), { action: "create_pr" });
    expect(refusal?.status).toBe(403);
    expect(refusal?.message).toMatch(/permission to deploy this site/);
  });

  it("names the missing GitHub App instead of passing Netlify's words on", () => {
    const error = netlify(422, "No netlify-coding installation found for this repository (GitHub App)");
    const refusal = refusalInPlainWords(error, { action: "create_pr" });
    expect(refusal?.status).toBe(409);
    expect(refusal?.message).toMatch(/GitHub App installed/);
    expect(refusal?.message).not.toMatch(/netlify-coding/);
  });

  it("leaves other 422s on a pull request to the general sentence", () => {
    expect(refusalInPlainWords(netlify(422, "Runner has no diff"), { action: "create_pr" })).toBeUndefined();
  });

  it("says a question was already answered when an answer or a skip gets 422", () => {
    const answer: RunnerAction = { action: "answer", sessionId: "s", refId: "r", response: ["yes"] };
    expect(refusalInPlainWords(netlify(422, "x"), answer)?.message).toBe(
      "This question was already answered or skipped.",
    );
    expect(
      refusalInPlainWords(netlify(422, "x"), { action: "skip", sessionId: "s", refId: "r" })?.status,
    ).toBe(409);
  });

  it("says what Netlify's rules mean when it refuses a revert, rebase, redeploy or commit", () => {
    expect(
      refusalInPlainWords(netlify(400, "Bad Request"), { action: "revert", sessionId: "s" })?.message,
    ).toMatch(/first session/);
    expect(refusalInPlainWords(netlify(422, "x"), { action: "rebase" })?.message).toMatch(/Git repository/);
    expect(refusalInPlainWords(netlify(400, "x"), { action: "redeploy", sessionId: "s" })?.status).toBe(409);
    expect(refusalInPlainWords(netlify(400, "x"), { action: "commit" })?.message).toMatch(
      /production branch/,
    );
    expect(refusalInPlainWords(netlify(429, "x"), { action: "rebase" })).toBeUndefined();
  });

  it("keeps errors that are not Netlify's answers as they are", () => {
    expect(refusalInPlainWords(new Error("socket hang up"), { action: "stop" })).toBeUndefined();
    expect(refusalInPlainWords(netlify(403, "Forbidden"), { action: "stop" })).toBeUndefined();
  });
});
