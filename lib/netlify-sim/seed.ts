import { advance, startSession, stopSession } from "./agent";
import { agentModels, demoPrompts, followUpPrompts } from "./content";
import type { CodeOrigin, SimRunner, SimSite, SimUser } from "./model";
import { addEmptyRunner, type SimStore, wireUser } from "./store";

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

export function seedSite(store: SimStore, user: SimUser, name: string, codeOrigin: CodeOrigin): SimSite {
  const accountId = user.accountIds[0];
  if (!accountId) throw new Error("user has no account");
  const account = store.accounts.get(accountId);
  return store.addSite({
    id: store.random.uuid(),
    name,
    accountId,
    codeOrigin,
    repoUrl: codeOrigin === "zip" ? null : `https://github.com/${account?.slug ?? "example"}/${name}`,
    repoBranch: codeOrigin === "zip" ? null : "main",
    createdAt: store.clock.now() - 90 * 24 * HOUR,
    productionDeployChanged: codeOrigin === "zip",
  });
}

type Fate =
  | "done"
  | "error"
  | "cancelled"
  | "running"
  | "new"
  | "archived"
  | "pr_open"
  | "pr_merged"
  | "pr_closed";

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
  const followUps = fate === "running" || fate === "new" ? 0 : random.pick([0, 0, 0, 1, 2]);
  let at = runner.createdAt;
  const prompts = [
    random.pick(demoPrompts),
    ...Array.from({ length: followUps }, () => random.pick(followUpPrompts)),
  ];
  prompts.forEach((prompt, index) => {
    const last = index === prompts.length - 1;
    const live = last && (fate === "running" || fate === "new");
    const durationMs = live
      ? startedAgoMs + random.int(MINUTE / 2, 4 * MINUTE)
      : Math.min(
          random.int(2 * MINUTE, 9 * MINUTE),
          Math.max(MINUTE, (now - at) / (prompts.length - index) - MINUTE),
        );
    const outcome = last && fate === "error" ? "error" : "done";
    const session = startSession(
      store,
      runner,
      { prompt, mode: "normal", agentConfig, fileKeys: [], user: wireUser(user), outcome, durationMs },
      at,
    );
    if (index === 0) runner.title = session.title;
    if (last && fate === "cancelled") {
      const stoppedAt = at + Math.floor(durationMs / 2);
      advance(store, stoppedAt);
      stopSession(store, runner, session, stoppedAt);
    } else if (!live) advance(store, at + durationMs + 2_000);
    at += durationMs + random.int(MINUTE, 20 * MINUTE);
  });
  if (fate === "new") {
    // Still queued: push the start time forward so it begins running shortly after start-up.
    const session = runner.sessions.at(-1);
    if (session?.plan) session.plan.runningAt = now + random.int(5_000, 20_000);
  }
  if (fate.startsWith("pr_") && site.codeOrigin === "github") {
    store.pending.push({ kind: "pull_request", runnerId: runner.id, completeAt: now - MINUTE });
    advance(store, now - MINUTE + 1);
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
  ...Array<Fate>(5).fill("error"),
  ...Array<Fate>(4).fill("cancelled"),
  ...Array<Fate>(4).fill("archived"),
  ...Array<Fate>(4).fill("pr_open"),
  ...Array<Fate>(2).fill("pr_merged"),
  ...Array<Fate>(1).fill("pr_closed"),
];

/** The demo account: three sites and ~40 runners over every state, some of them live. */
export function seedDemo(store: SimStore, token: string): SimUser {
  const user = seedAccount(store, { token });
  const sites = [
    seedSite(store, user, "aurora-storefront", "github"),
    seedSite(store, user, "field-notes-blog", "github"),
    seedSite(store, user, "docs-portal", "zip"),
  ];
  demoFates.forEach((fate, index) => {
    const site = fate.startsWith("pr_")
      ? (sites[index % 2] as SimSite)
      : (sites[index % sites.length] as SimSite);
    const live = fate === "running" || fate === "new";
    const startedAgoMs = live
      ? store.random.int(10_000, 3 * MINUTE)
      : store.random.int(2 * HOUR, 12 * 24 * HOUR);
    seedRunner(store, site, user, fate, startedAgoMs);
  });
  return user;
}

/**
 * Bulk data for benchmarks and load tests: `runners` finished runners spread over `sites` new
 * sites of `user`'s account. Skips the agent's planning to stay fast.
 */
export function seedBulk(
  store: SimStore,
  user: SimUser,
  options: { runners: number; sites: number },
): SimSite[] {
  const sites = Array.from({ length: options.sites }, (_, index) =>
    seedSite(store, user, `bulk-site-${store.sites.size + 1}-${index}`, "github"),
  );
  const now = store.clock.now();
  const creator = wireUser(user);
  for (let i = 0; i < options.runners; i++) {
    const site = sites[i % sites.length] as SimSite;
    const createdAt = now - (options.runners - i) * 60_000;
    const runner = addEmptyRunner(store, { site, creator, createdAt });
    const prompt = demoPrompts[i % demoPrompts.length] as string;
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
      createdAt,
    );
    runner.title = session.title;
  }
  advance(store, now);
  return sites;
}
