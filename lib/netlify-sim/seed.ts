import { advance, startSession } from "./agent";
import { agentModels, demoPrompts, followUpPrompts } from "./content";
import { interruptSession, unlimitedCredits } from "./credits";
import { publishProductionDeploy } from "./deploys";
import { landPullRequest } from "./landing";
import type { CodeOrigin, SimRunner, SimSite, SimUser } from "./model";
import { stopSession } from "./session-end";
import { addEmptyRunner, type SessionOutcome, type SimStore, wireUser } from "./store";
import { DemoTeam } from "./team";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export interface SeedAccountOptions {
  token: string;
  accountName?: string;
  userName?: string;
  email?: string;
}

/** An account with one user who holds `token`. */
export function seedAccount(store: SimStore, options: SeedAccountOptions): SimUser {
  const { random } = store;
  const accountName = options.accountName ?? "Demo Team";
  const account = store.addAccount({
    id: random.id(),
    name: accountName,
    slug: accountName.toLowerCase().replace(/[^a-z0-9]+/g, "-"),
    type: "team",
    credits: unlimitedCredits(),
  });
  const fullName = options.userName ?? "Dana Demo";
  return store.addUser(
    {
      id: random.id(),
      full_name: fullName,
      email: options.email ?? `${fullName.split(" ")[0]?.toLowerCase()}@example.com`,
      avatar_url: null,
      accountIds: [account.id],
    },
    options.token,
  );
}

/** A colleague on `user`'s team, without a token of their own: they act only through the demo team. */
export function seedColleague(store: SimStore, user: SimUser, fullName: string): SimUser {
  return store.addUser({
    id: store.random.id(),
    full_name: fullName,
    email: `${fullName.split(" ")[0]?.toLowerCase()}@example.com`,
    avatar_url: null,
    accountIds: [...user.accountIds],
  });
}

export function seedSite(store: SimStore, user: SimUser, name: string, codeOrigin: CodeOrigin): SimSite {
  const accountId = user.accountIds[0];
  if (!accountId) throw new Error("user has no account");
  const account = store.accounts.get(accountId);
  const createdAt = store.clock.now() - 90 * 24 * HOUR;
  const site = store.addSite({
    id: store.random.uuid(),
    name,
    accountId,
    codeOrigin,
    repoUrl: codeOrigin === "zip" ? null : `https://github.com/${account?.slug ?? "example"}/${name}`,
    repoBranch: codeOrigin === "zip" ? null : "main",
    createdAt,
    productionDeployId: "",
  });
  publishProductionDeploy(store, site, createdAt);
  return site;
}

type Fate =
  | "done"
  | "error"
  | "cancelled"
  | "running"
  | "new"
  | "await_input"
  | "interrupted"
  | "archived"
  | "pr_open"
  | "pr_merged"
  | "pr_closed";

const lastOutcome: Partial<Record<Fate, SessionOutcome>> = { error: "error", await_input: "question" };

/** One runner whose history ends in `fate` at about `now`; running ones finish within a few minutes. */
export function seedRunner(
  store: SimStore,
  site: SimSite,
  user: SimUser,
  fate: Fate,
  startedAgoMs: number,
): SimRunner {
  const { random } = store;
  const now = store.clock.now();
  const runner = addEmptyRunner(store, { site, creator: wireUser(user), createdAt: now - startedAgoMs });
  const agent = random.pick(Object.keys(agentModels));
  const agentConfig = { agent, model: random.pick(agentModels[agent] ?? [null]) };
  const live = fate === "running" || fate === "new" || fate === "await_input";
  const followUps = live ? 0 : random.pick([0, 0, 0, 1, 2]);
  let at = runner.createdAt;
  const prompts = [
    random.pick(demoPrompts),
    ...Array.from({ length: followUps }, () => random.pick(followUpPrompts)),
  ];
  prompts.forEach((prompt, index) => {
    const last = index === prompts.length - 1;
    const durationMs =
      last && live
        ? startedAgoMs + random.int(MINUTE / 2, 4 * MINUTE)
        : Math.min(
            random.int(2 * MINUTE, 9 * MINUTE),
            Math.max(MINUTE, (now - at) / (prompts.length - index) - MINUTE),
          );
    // Still queued at start-up: it begins running a few seconds after the simulator starts.
    const queueMs = last && fate === "new" ? now - at + random.int(5_000, 20_000) : 0;
    const outcome = (last && lastOutcome[fate]) || "done";
    const start = { prompt, mode: "normal", agentConfig, fileKeys: [], user: wireUser(user), outcome };
    const session = startSession(store, runner, { ...start, durationMs, queueMs }, at);
    if (index === 0) runner.title = session.title;
    const stoppedAt = at + Math.floor(durationMs / 2);
    if (last && fate === "cancelled") {
      advance(store, stoppedAt);
      stopSession(store, runner, session, stoppedAt);
    } else if (last && fate === "interrupted") {
      advance(store, stoppedAt);
      interruptSession(store, runner, session, "team", stoppedAt);
    } else if (!(last && live)) advance(store, at + durationMs + 2_000);
    at += durationMs + random.int(MINUTE, 20 * MINUTE);
  });
  if (fate.startsWith("pr_") && site.codeOrigin === "github") {
    landPullRequest(store, runner);
    runner.prState = fate === "pr_merged" ? "merged" : fate === "pr_closed" ? "closed" : "open";
  }
  if (fate === "archived") runner.archived = true;
  store.changed(runner, Math.min(now, runner.updatedAt));
  return runner;
}

const demoFates: Fate[] = [
  ...Array<Fate>(11).fill("done"),
  ...Array<Fate>(7).fill("running"),
  ...Array<Fate>(2).fill("new"),
  ...Array<Fate>(2).fill("await_input"),
  ...Array<Fate>(5).fill("error"),
  ...Array<Fate>(1).fill("interrupted"),
  ...Array<Fate>(4).fill("cancelled"),
  ...Array<Fate>(4).fill("archived"),
  ...Array<Fate>(4).fill("pr_open"),
  ...Array<Fate>(2).fill("pr_merged"),
  ...Array<Fate>(1).fill("pr_closed"),
];

export interface DemoSeedOptions {
  token: string;
  /** Starts the simulated team that keeps the demo busy (off for tests that count runners). */
  team: boolean;
  randomSeed: number;
}

/** The demo account: three sites and ~40 runners over every state, some of them live, and its team. */
export function seedDemo(store: SimStore, options: DemoSeedOptions): SimUser {
  const user = seedAccount(store, { token: options.token });
  const colleagues = [seedColleague(store, user, "Priya Patel"), seedColleague(store, user, "Marco Rossi")];
  const members = [user, ...colleagues];
  const sites = [
    seedSite(store, user, "aurora-storefront", "github"),
    seedSite(store, user, "field-notes-blog", "github"),
    seedSite(store, user, "docs-portal", "zip"),
  ];
  let waiting = 0;
  demoFates.forEach((fate, index) => {
    const site = fate.startsWith("pr_")
      ? (sites[index % 2] as SimSite)
      : (sites[index % sites.length] as SimSite);
    const live = fate === "running" || fate === "new" || fate === "await_input";
    const startedAgoMs = live
      ? store.random.int(fate === "await_input" ? 2 * MINUTE : 10_000, 3 * MINUTE)
      : store.random.int(2 * HOUR, 12 * 24 * HOUR);
    // The first waiting run asks the demo user; the second a colleague, who answers it soon.
    const member =
      fate === "await_input" ? (members[waiting++ === 0 ? 0 : 1] as SimUser) : store.random.pick(members);
    seedRunner(store, site, member, fate, startedAgoMs);
  });
  // The production deploy of the zip site moved on since the older runs: they can rebase.
  const zipSite = sites[2] as SimSite;
  publishProductionDeploy(store, zipSite, store.clock.now() - HOUR);
  for (const runner of store.runnersBySite.get(zipSite.id) ?? []) {
    if (runner.createdAt > store.clock.now() - HOUR)
      runner.baseProductionDeployId = zipSite.productionDeployId;
    store.changed(runner, runner.updatedAt);
  }
  advance(store);
  // The billing period starts now: the seeded history's spending does not count against limits.
  const credits = store.accountOf(zipSite).credits;
  credits.teamUsed = 0;
  credits.usedByUser.clear();
  if (options.team) {
    store.team = new DemoTeam(store, user, colleagues, options.randomSeed);
    store.team.start(store.clock.now());
  }
  return user;
}

/**
 * Bulk data for benchmarks and load tests: `runners` finished runners spread over `sites` new
 * sites of `user`'s account, each with `sessions` finished sessions (the first prompt and its
 * follow-ups). Skips the agent's planning to stay fast.
 */
export function seedBulk(
  store: SimStore,
  user: SimUser,
  options: { runners: number; sites: number; sessions?: number },
): SimSite[] {
  const sites = Array.from({ length: options.sites }, (_, index) =>
    seedSite(store, user, `bulk-site-${store.sites.size + 1}-${index}`, "github"),
  );
  const now = store.clock.now();
  const creator = wireUser(user);
  const perRunner = Math.max(1, options.sessions ?? 1);
  // A minute per session: each ends (30 s) before the next starts, and every one before `now`.
  const spacing = perRunner * 60_000;
  for (let i = 0; i < options.runners; i++) {
    const site = sites[i % sites.length] as SimSite;
    const createdAt = now - (options.runners - i) * spacing;
    const runner = addEmptyRunner(store, { site, creator, createdAt });
    for (let index = 0; index < perRunner; index++) {
      const prompt = (
        index === 0 ? demoPrompts[i % demoPrompts.length] : followUpPrompts[i % followUpPrompts.length]
      ) as string;
      const session = startSession(
        store,
        runner,
        {
          prompt,
          mode: "normal",
          agentConfig: { agent: "claude", model: null },
          fileKeys: [],
          user: creator,
          outcome: "done",
          durationMs: 30_000,
        },
        createdAt + index * 60_000,
      );
      if (index === 0) runner.title = session.title;
    }
  }
  advance(store, now);
  return sites;
}
