import { describe, expect, it } from "vitest";
import { roleRefusal, runnerAbilities, sessionAbilities } from "./runner-abilities";
import { runnerDetail, sessionFacts } from "./testing/runner-detail";

const member = { write: true, deploy: true };
const viewer = { write: false, deploy: false };
const three = [sessionFacts({ id: "s1" }), sessionFacts({ id: "s2" }), sessionFacts({ id: "s3" })];

describe("runnerAbilities", () => {
  it("offers a finished run with a diff a pull request, a follow-up and archiving, but no stop", () => {
    const abilities = runnerAbilities(runnerDetail(), three, member);
    expect(abilities.createPr).toEqual({ allowed: true });
    expect(abilities.followUp).toEqual({ allowed: true });
    expect(abilities.archive).toEqual({ allowed: true });
    expect(abilities.stop).toEqual({ allowed: false, reason: "The run is not running." });
  });

  it("disables every change for a viewer, saying the role only looks", () => {
    const abilities = runnerAbilities(runnerDetail(), three, viewer);
    for (const ability of Object.values(abilities))
      expect(ability).toEqual({ allowed: false, reason: "Your role can look at runs but not change them." });
  });

  it("lets a running run be stopped but not followed up or archived", () => {
    const abilities = runnerAbilities(runnerDetail({ state: "running" }), three, member);
    expect(abilities.stop.allowed).toBe(true);
    expect(abilities.followUp).toMatchObject({
      allowed: false,
      reason: expect.stringMatching(/still running/),
    });
    expect(abilities.archive).toMatchObject({ allowed: false, reason: "Stop the run before archiving it." });
  });

  it("refuses follow-ups after publishing and after a merge", () => {
    expect(runnerAbilities(runnerDetail({ isPublished: true }), three, member).followUp).toMatchObject({
      allowed: false,
      reason: expect.stringMatching(/published/),
    });
    expect(
      runnerAbilities(
        runnerDetail({ prState: "merged", prUrl: "https://github.com/o/r/pull/1" }),
        three,
        member,
      ).followUp,
    ).toMatchObject({ allowed: false, reason: expect.stringMatching(/merged/) });
  });

  it("opens no second pull request and none without a diff or deploy rights", () => {
    const withPr = runnerDetail({ prUrl: "https://github.com/o/r/pull/1", prState: "open" });
    expect(runnerAbilities(withPr, three, member).createPr.allowed).toBe(false);
    const noChanges = [sessionFacts({ hasResultDiff: false, hasCumulativeDiff: false })];
    expect(runnerAbilities(runnerDetail({ hasDiff: false }), noChanges, member).createPr.allowed).toBe(false);
    expect(runnerAbilities(runnerDetail(), three, { write: true, deploy: false }).createPr).toEqual({
      allowed: false,
      reason: "This needs deploy rights, which your role does not have.",
    });
  });

  it("commits to an open pull request's branch only while a session is uncommitted", () => {
    const open = runnerDetail({ prUrl: "u", prState: "open", prBranch: "agent-blog-1a2b" });
    expect(runnerAbilities(open, three, member).commit).toEqual({ allowed: true });
    const committed = three.map((session) => ({ ...session, commitSha: "abc" }));
    expect(runnerAbilities(open, committed, member).commit.allowed).toBe(false);
    expect(runnerAbilities(runnerDetail(), three, member).commit.allowed).toBe(false);
  });

  it("commits to a draft pull request's branch too, and names a merged one", () => {
    const draft = runnerDetail({ prUrl: "u", prState: "draft", prBranch: "agent-blog-1a2b" });
    expect(runnerAbilities(draft, three, member).commit).toEqual({ allowed: true });
    const merged = runnerDetail({ prUrl: "u", prState: "merged", prBranch: "agent-blog-1a2b" });
    expect(runnerAbilities(merged, three, member).commit).toEqual({
      allowed: false,
      reason: "The pull request is merged: commits go to an open one's branch.",
    });
  });

  it("opens a pull request from an earlier session's changes after an ask follow-up made none", () => {
    const asked = [
      sessionFacts({ id: "s1" }),
      sessionFacts({ id: "s2", mode: "ask", hasResultDiff: false, hasCumulativeDiff: false }),
    ];
    expect(runnerAbilities(runnerDetail({ hasDiff: false }), asked, member).createPr).toEqual({
      allowed: true,
    });
  });

  it("offers a rebase only when Netlify says one is available", () => {
    expect(runnerAbilities(runnerDetail(), three, member).rebase.allowed).toBe(false);
    expect(runnerAbilities(runnerDetail({ rebaseAvailable: true }), three, member).rebase.allowed).toBe(true);
  });

  it("offers answering only while the agent waits on one", () => {
    expect(runnerAbilities(runnerDetail(), three, member).answer.allowed).toBe(false);
    const waiting = runnerDetail({
      state: "await_input",
      interaction: { kind: "questions", sessionId: "s3", refId: "q", questions: [] },
    });
    expect(runnerAbilities(waiting, three, member).answer.allowed).toBe(true);
  });
});

describe("sessionAbilities", () => {
  it("reverts to a middle session, but not to the first or the latest", () => {
    const runner = runnerDetail();
    expect(sessionAbilities(runner, three, 0, member).revert).toMatchObject({ allowed: false });
    expect(sessionAbilities(runner, three, 1, member).revert).toEqual({ allowed: true });
    expect(sessionAbilities(runner, three, 2, member).revert).toEqual({
      allowed: false,
      reason: "This is already the latest session.",
    });
  });

  it("refuses a revert once a session was committed, and greys discarded sessions", () => {
    const committed = [three[0], { ...sessionFacts({ id: "s2" }), commitSha: "abc" }, three[2]].filter(
      (session) => session !== undefined,
    );
    expect(sessionAbilities(runnerDetail(), committed, 1, member).revert.allowed).toBe(false);
    const discarded = [three[0], three[1], { ...sessionFacts({ id: "s3" }), isDiscarded: true }].filter(
      (session) => session !== undefined,
    );
    expect(sessionAbilities(runnerDetail(), discarded, 2, member)).toEqual({
      redeploy: { allowed: false, reason: "This session was discarded by a revert." },
      revert: { allowed: false, reason: "This session was discarded by a revert." },
    });
    // With the last one discarded, the middle session is the latest.
    expect(sessionAbilities(runnerDetail(), discarded, 1, member).revert.allowed).toBe(false);
  });

  it("redeploys a finished session with changes, given deploy rights and no active session", () => {
    expect(sessionAbilities(runnerDetail(), three, 1, member).redeploy).toEqual({ allowed: true });
    expect(sessionAbilities(runnerDetail({ state: "running" }), three, 1, member).redeploy.allowed).toBe(
      false,
    );
    const noChanges = [sessionFacts({ hasCumulativeDiff: false })];
    expect(sessionAbilities(runnerDetail(), noChanges, 0, member).redeploy.allowed).toBe(false);
    expect(sessionAbilities(runnerDetail(), three, 1, { write: true, deploy: false }).redeploy.allowed).toBe(
      false,
    );
  });
});

describe("roleRefusal", () => {
  const withoutDeploy = { write: true, deploy: false };

  it("keeps pull requests, commits and redeploys to deploy rights, the rest to write rights", () => {
    expect(roleRefusal("create_pr", withoutDeploy)?.reason).toBe(
      "This needs deploy rights, which your role does not have.",
    );
    expect(roleRefusal("commit", withoutDeploy)).toBeDefined();
    expect(roleRefusal("redeploy", withoutDeploy)).toBeDefined();
    expect(roleRefusal("follow_up", withoutDeploy)).toBeUndefined();
    expect(roleRefusal("revert", withoutDeploy)).toBeUndefined();
    expect(roleRefusal("stop", viewer)?.reason).toBe("Your role can look at runs but not change them.");
    expect(roleRefusal("create_pr", member)).toBeUndefined();
  });

  it("gives the page the reason the server refuses with", () => {
    const abilities = runnerAbilities(runnerDetail(), three, withoutDeploy);
    expect(abilities.createPr).toEqual(roleRefusal("create_pr", withoutDeploy));
    expect(abilities.commit).toEqual(roleRefusal("commit", withoutDeploy));
  });
});
