import { describe, expect, it } from "vitest";
import { runAlerts, titleWithCount, waitingCount } from "./run-alerts";
import { boardCard } from "./testing/board-card";

const viewer = { userId: "u1", netlifyUserId: "n1" };
const mine = { kind: "person", name: "Dana", userId: "u1", netlifyUserId: "n1" } as const;
const theirs = { kind: "person", name: "Marco", userId: "u2", netlifyUserId: "n2" } as const;

describe("runAlerts", () => {
  it("tells the viewer when their run finishes, fails or waits on them", () => {
    const before = [
      boardCard({ id: "a", state: "running", startedBy: mine }),
      boardCard({ id: "b", state: "running", startedBy: mine }),
      boardCard({ id: "c", state: "running", startedBy: mine, title: "Ask first" }),
    ];
    const after = [
      boardCard({ id: "a", state: "done", startedBy: mine }),
      boardCard({ id: "b", state: "error", startedBy: mine }),
      boardCard({ id: "c", state: "await_input", startedBy: mine, title: "Ask first" }),
    ];
    expect(runAlerts(before, after, viewer).map(({ runnerId, body }) => [runnerId, body])).toEqual([
      ["a", "Your run finished."],
      ["b", "Your run failed."],
      ["c", "Your run is waiting for your answer."],
    ]);
  });

  it("says nothing of others' runs, of runs seen for the first time, or of moves that are not news", () => {
    const before = [
      boardCard({ id: "a", state: "running", startedBy: theirs }),
      boardCard({ id: "b", state: "done", startedBy: mine }),
      boardCard({ id: "c", state: "done", startedBy: { kind: "key", name: "ci" } }),
      boardCard({ id: "e", state: "done", prState: "open", prUrl: "u", startedBy: mine }),
    ];
    const after = [
      boardCard({ id: "a", state: "done", startedBy: theirs }),
      boardCard({ id: "b", state: "archived", startedBy: mine }),
      boardCard({ id: "c", state: "error", startedBy: { kind: "key", name: "ci" } }),
      boardCard({ id: "d", state: "done", startedBy: mine }),
      // A pull request closed: back in Needs review, but nothing finished.
      boardCard({ id: "e", state: "done", prState: "closed", prUrl: "u", startedBy: mine }),
    ];
    expect(runAlerts(before, after, viewer)).toEqual([]);
  });

  it("recognises the viewer by their Netlify id when the run was started on Netlify", () => {
    const onNetlify = { kind: "person", name: "Dana", userId: null, netlifyUserId: "n1" } as const;
    const alerts = runAlerts(
      [boardCard({ id: "a", state: "running", startedBy: onNetlify })],
      [boardCard({ id: "a", state: "done", startedBy: onNetlify })],
      viewer,
    );
    expect(alerts).toHaveLength(1);
  });
});

describe("waitingCount", () => {
  it("counts the runs in Needs you", () => {
    expect(waitingCount([boardCard({ state: "await_input" }), boardCard({ state: "done" })])).toBe(1);
  });
});

describe("titleWithCount", () => {
  it("puts the count in front of the page's own title, once, and takes it away at zero", () => {
    expect(titleWithCount("Settings · Switchyard", 3)).toBe("(3) Settings · Switchyard");
    expect(titleWithCount("(3) Settings · Switchyard", 2)).toBe("(2) Settings · Switchyard");
    expect(titleWithCount("(2) Board · Switchyard", 0)).toBe("Board · Switchyard");
    expect(titleWithCount("(draft) notes", 0)).toBe("(draft) notes");
  });
});
