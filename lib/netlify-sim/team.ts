import { startSession } from "./agent";
import { agentModels, demoPrompts, followUpPrompts } from "./content";
import { refuseWithoutCredits } from "./credits";
import { SimHttpError } from "./http";
import { answerInteraction } from "./interactions";
import { beginPullRequest } from "./landing";
import type { QuestionPrompt, SimRunner, SimSite, SimUser } from "./model";
import { SimRandom } from "./random";
import { keepBounded } from "./retention";
import { runnerState } from "./serialize";
import { activeSession, addEmptyRunner, type SessionOutcome, type SimStore, wireUser } from "./store";

/*
 * The demo's simulated team: the demo user and two colleagues keep starting runs, following
 * up, opening and merging pull requests, so the board never goes quiet. Colleagues answer
 * their agents' questions themselves; questions to the demo user wait for the person using
 * Switchyard. Old finished runs are archived, and the oldest archived ones forgotten, so the
 * data stays bounded however long the demo runs. Every decision comes from the team's own
 * seeded PRNG and happens on the simulator's timeline, so a seed and a clock give one history.
 */

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
/** The demo user is never left with more unanswered questions than this. */
const MAX_WAITING_ON_DEMO_USER = 3;
const COLLEAGUE_ANSWER_AFTER_MS = MINUTE;

export interface TeamActivity {
  runs_started: number;
  follow_ups: number;
  pull_requests: number;
  merged: number;
  closed: number;
  answered: number;
  archived: number;
  forgotten: number;
}

export class DemoTeam {
  enabled = true;
  nextActionAt: number | null = null;
  readonly activity: TeamActivity = {
    runs_started: 0,
    follow_ups: 0,
    pull_requests: 0,
    merged: 0,
    closed: 0,
    answered: 0,
    archived: 0,
    forgotten: 0,
  };
  private readonly random: SimRandom;

  constructor(
    private readonly store: SimStore,
    readonly demoUser: SimUser,
    readonly colleagues: SimUser[],
    randomSeed: number,
  ) {
    this.random = new SimRandom(randomSeed ^ 0x7ea3);
  }

  get members(): SimUser[] {
    return [this.demoUser, ...this.colleagues];
  }

  /** The first move comes soon, and it is a run that will ask the demo user something. */
  start(at: number): void {
    this.schedule(at + this.random.int(20, 60) * SECOND, (first) =>
      this.startRun(this.demoUser, first, "question"),
    );
  }

  private schedule(at: number, move: (at: number) => void): void {
    this.nextActionAt = at;
    this.store.timeline.schedule(at, (firedAt) => {
      if (this.nextActionAt !== firedAt) return;
      if (this.enabled) {
        this.answerColleagueQuestions(firedAt);
        move(firedAt);
        const kept = keepBounded(this.store, this.accountRunners(), firedAt);
        this.activity.archived += kept.archived;
        this.activity.forgotten += kept.forgotten;
      }
      this.schedule(firedAt + this.random.int(45, 90) * SECOND, (next) => this.act(next));
    });
  }

  private act(at: number): void {
    const roll = this.random.next();
    const member = this.random.pick(this.members);
    // About two moves in three start a run: one every minute or two.
    if (roll < 0.15 && this.followUp(member, at)) return;
    if (roll < 0.27 && this.openPullRequest(at)) return;
    if (roll < 0.37 && this.settlePullRequest(at)) return;
    this.startRun(member, at);
  }

  /** The team works within its credits and its cap of active runs, like anyone else. */
  private mayStart(member: SimUser): boolean {
    try {
      refuseWithoutCredits(this.store, this.store.accountOf(this.sites()[0] as SimSite), member.id);
      return true;
    } catch (error) {
      if (error instanceof SimHttpError) return false;
      throw error;
    }
  }

  private startRun(member: SimUser, at: number, outcome = this.drawOutcome(member)): void {
    if (!this.mayStart(member)) return;
    const sites = this.sites();
    const site = this.random.pick(sites);
    const runner = addEmptyRunner(this.store, { site, creator: wireUser(member), createdAt: at });
    const session = startSession(
      this.store,
      runner,
      this.sessionStart(member, this.random.pick(demoPrompts), outcome),
      at,
    );
    runner.title = session.title;
    this.activity.runs_started++;
  }

  private followUp(member: SimUser, at: number): boolean {
    const candidates = this.runs().filter(
      (runner) =>
        runner.user.id === member.id &&
        runner.publishingState === null &&
        !runner.prUrl &&
        ["done", "error", "interrupted"].includes(runnerState(runner)),
    );
    const runner = this.recent(candidates);
    if (!runner || !this.mayStart(member)) return false;
    const start = this.sessionStart(member, this.random.pick(followUpPrompts), this.drawOutcome(member));
    startSession(this.store, runner, start, at);
    this.activity.follow_ups++;
    return true;
  }

  private openPullRequest(at: number): boolean {
    const runner = this.recent(
      this.runs().filter(
        (candidate) =>
          this.store.siteOf(candidate).codeOrigin === "github" &&
          runnerState(candidate) === "done" &&
          !candidate.prUrl &&
          !candidate.prIsBeingCreated &&
          candidate.sessions.some((session) => !session.isDiscarded && session.resultDiff),
      ),
    );
    if (!runner) return false;
    beginPullRequest(this.store, runner, at);
    this.activity.pull_requests++;
    return true;
  }

  /** A reviewer merges most pull requests and closes a few. */
  private settlePullRequest(at: number): boolean {
    const runner = this.recent(this.runs().filter((candidate) => candidate.prState === "open"));
    if (!runner) return false;
    const merged = this.random.chance(0.8);
    runner.prState = merged ? "merged" : "closed";
    this.activity[merged ? "merged" : "closed"]++;
    this.store.changed(runner, at);
    return true;
  }

  private answerColleagueQuestions(at: number): void {
    const colleagueIds = new Set(this.colleagues.map((colleague) => colleague.id));
    for (const runner of this.runs()) {
      const session = activeSession(runner);
      if (session?.state !== "await_input" || !colleagueIds.has(session.user.id)) continue;
      for (const [refId, interaction] of session.interactions) {
        if (interaction.status !== "pending" || at - interaction.createdAt < COLLEAGUE_ANSWER_AFTER_MS)
          continue;
        const answer =
          interaction.type === "question"
            ? {
                refId,
                response: (interaction.payload as QuestionPrompt[]).map((question) => this.reply(question)),
              }
            : { refId, skipped: true as const, instruction: "Skip this; use the public package instead." };
        answerInteraction(this.store, runner, session, answer, at);
        this.activity.answered++;
      }
    }
  }

  private reply(question: QuestionPrompt): string | string[] {
    const options = question.options;
    if (!options) return "Keep it simple and consistent with the rest of the site.";
    return question.multi_select ? options.slice(0, 2) : this.random.pick(options);
  }

  private drawOutcome(member: SimUser): SessionOutcome {
    const roll = this.random.next();
    // Count the runs that wait on this person now and those whose agent is yet to ask.
    const waiting = this.runs().filter((runner) => {
      const session = activeSession(runner);
      return session?.user.id === member.id && (session.state === "await_input" || session.plan?.pause);
    }).length;
    const mayAsk = member !== this.demoUser || waiting < MAX_WAITING_ON_DEMO_USER;
    const askRate = member === this.demoUser ? 0.3 : 0.2;
    if (roll < 0.05) return "error";
    if (roll < 0.1) return "build_failure";
    if (mayAsk && roll < 0.1 + askRate) return "question";
    if (mayAsk && roll < 0.13 + askRate) return "authorization";
    return "done";
  }

  private sessionStart(member: SimUser, prompt: string, outcome?: SessionOutcome) {
    const agent = this.random.pick(Object.keys(agentModels));
    const model = this.random.pick(agentModels[agent] ?? [null]);
    return {
      prompt,
      mode: "normal",
      agentConfig: { agent, model },
      fileKeys: [],
      user: wireUser(member),
      outcome,
    };
  }

  private recent(runners: SimRunner[]): SimRunner | undefined {
    const newest = [...runners].sort((a, b) => b.updatedAt - a.updatedAt).slice(0, 5);
    return newest.length > 0 ? this.random.pick(newest) : undefined;
  }

  private sites() {
    const accountId = this.demoUser.accountIds[0];
    return [...this.store.sites.values()].filter((site) => site.accountId === accountId);
  }

  private accountRunners(): SimRunner[] {
    return this.sites().flatMap((site) => this.store.runnersBySite.get(site.id) ?? []);
  }

  /** The team's runs on the board: every run of the account that is not archived. */
  runs(): SimRunner[] {
    return this.accountRunners().filter((runner) => !runner.archived);
  }
}
