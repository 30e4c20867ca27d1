import { afterAll, beforeAll, beforeEach } from "vitest";
import { type NetlifySimulator, startSimulator } from "@/lib/netlify-sim/server";
import { createNetlifyClient, type NetlifyClient } from "../client";
import { NetlifyApiError } from "../errors";
import type { NetlifyInteraction, NetlifyRunner, NetlifySession } from "../schemas";

/*
 * Shared set-up for the contract tests: the typed client against a real simulator on a free
 * port, with the simulated clock frozen (speed 0) so time moves only when a test says so.
 * Every test starts from a fresh demo seed without the demo team; the simulator's PRNG is
 * seeded, so each test sees the same ids on every run, and a test that depends on how a
 * session ends says so through `/__sim/outcomes` instead of retrying until the dice agree.
 */

export const contractToken = "contract-demo-token";

/** A session queues 1.5 s and works at most 150 s in the simulator; this covers both with slack. */
export const sessionMaxMs = 160_000;

/** ISO-8601 with milliseconds and `Z`, as Netlify sends every timestamp. */
export const isoMillisZ = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** How a forced session ends (`/__sim/outcomes`), or the exact questions it asks. */
export type ForcedSessionOutcome =
  | "done"
  | "error"
  | "build_failure"
  | "question"
  | "authorization"
  | { questions: Array<{ question: string; options?: string[]; multi_select?: boolean }> };

/** A run whose session waits on a person, with its one pending interaction. */
export interface WaitingRunner {
  runner: NetlifyRunner;
  session: NetlifySession;
  refId: string;
  interaction: NetlifyInteraction;
}

export type DemoSiteName = "aurora-storefront" | "field-notes-blog" | "docs-portal";

export interface OtherAccount {
  token: string;
  client: NetlifyClient;
  accountId: string;
  userId: string;
  siteIds: string[];
}

export interface RawInit extends Omit<RequestInit, "body"> {
  /** Sent as the Authorization bearer; the demo token unless given (null sends none). */
  token?: string | null;
  body?: string;
}

export function clientFor(apiUrl: string, token: string): NetlifyClient {
  // No retries: a contract test must see the first answer the upstream gives.
  return createNetlifyClient({ baseUrl: apiUrl, token, timeoutMs: 5_000, maxRetries: 0 });
}

/** The NetlifyApiError a call fails with; fails the test if the call succeeds or throws anything else. */
export async function apiError(call: Promise<unknown>): Promise<NetlifyApiError> {
  try {
    await call;
  } catch (error) {
    if (error instanceof NetlifyApiError) return error;
    throw error;
  }
  throw new Error("expected the call to fail with a NetlifyApiError, but it succeeded");
}

/** Registers the simulator's lifecycle hooks in the calling test file and returns its handles. */
export function useContractSimulator() {
  let simulator: NetlifySimulator | undefined;
  let demoClient: NetlifyClient | undefined;

  beforeAll(async () => {
    simulator = await startSimulator({ token: contractToken, seed: "demo", speed: 0, team: false });
    demoClient = clientFor(simulator.apiUrl, contractToken);
  });
  beforeEach(() => simulator?.reset("demo"));
  afterAll(async () => {
    await simulator?.stop();
  });

  const sim = (): NetlifySimulator => {
    if (!simulator) throw new Error("the contract simulator is not running");
    return simulator;
  };

  async function control(method: string, path: string, body?: unknown): Promise<unknown> {
    const response = await fetch(`${sim().origin}${path}`, {
      method,
      headers: { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}`);
    return response.status === 204 ? undefined : response.json();
  }

  const contract = {
    control,
    get sim() {
      return sim();
    },
    get client(): NetlifyClient {
      if (!demoClient) throw new Error("the contract simulator is not running");
      return demoClient;
    },

    /** A raw request to `/api/v1{path}`, for what the client deliberately hides (status, headers, bytes). */
    raw(path: string, init: RawInit = {}): Promise<Response> {
      const { token = contractToken, headers, ...rest } = init;
      const auth: Record<string, string> = token === null ? {} : { Authorization: `Bearer ${token}` };
      return fetch(`${sim().apiUrl}${path}`, { ...rest, headers: { ...auth, ...headers } });
    },

    /** Moves the frozen clock forward; the simulator applies every transition now due. */
    async advance(ms: number): Promise<void> {
      await control("POST", "/__sim/clock", { advance_ms: ms });
    },

    /** Lets every session started so far (and pending PRs and commits) finish. */
    finishSessions(): Promise<void> {
      return contract.advance(sessionMaxMs);
    },

    async siteId(name: DemoSiteName): Promise<string> {
      const sites = await contract.client.sites.listAll({ name });
      const site = sites.find((candidate) => candidate.name === name);
      if (!site) throw new Error(`demo site ${name} not found`);
      return site.id;
    },

    /**
     * Decides how the next sessions of the agent end, in order: `done`, `error` (the agent fails),
     * `build_failure` (the preview build fails), `question`, `authorization`, or the exact questions
     * to ask. Redeploys and rebases leave them queued.
     */
    async forceSessions(...outcomes: ForcedSessionOutcome[]): Promise<void> {
      await control("POST", "/__sim/outcomes", { sessions: outcomes });
    },

    /** A runner created now whose first session has finished with `outcome`. */
    async finishedRunner(
      siteName: DemoSiteName,
      outcome: "done" | "error" | "build_failure" = "done",
      prompt = "Add a contact form to the homepage",
    ): Promise<NetlifyRunner> {
      const siteId = await contract.siteId(siteName);
      await contract.forceSessions(outcome);
      const created = await contract.client.runners.create({ siteId, prompt });
      await contract.finishSessions();
      return contract.client.runners.get(created.id);
    },

    /** A follow-up on `runnerId` that has finished with `outcome`. */
    async finishedFollowUp(
      runnerId: string,
      outcome: "done" | "error" = "done",
      prompt = "Add form validation",
    ): Promise<NetlifySession> {
      await contract.forceSessions(outcome);
      const created = await contract.client.sessions.create(runnerId, { prompt });
      await contract.finishSessions();
      return contract.client.sessions.get(runnerId, created.id);
    },

    /**
     * A runner whose first session stopped to ask (`question`) or to be authorized: the session
     * in `await_input`, with its one pending interaction.
     */
    async waitingRunner(
      siteName: DemoSiteName,
      kind: ForcedSessionOutcome = "question",
    ): Promise<WaitingRunner> {
      await contract.forceSessions(kind);
      const runner = await contract.client.runners.create({
        siteId: await contract.siteId(siteName),
        prompt: "Add a contact form to the homepage",
      });
      await contract.finishSessions();
      const [session] = await contract.client.sessions.listAll(runner.id);
      const [entry] = Object.entries(session?.interactions ?? {});
      if (!session || !entry) throw new Error(`no pending interaction on ${runner.id}`);
      const [refId, interaction] = entry;
      return { runner, session, refId, interaction };
    },

    /** Sets the demo account's AI credits (`/__sim/credits`); null lifts a limit. */
    setCredits(limits: {
      team_limit?: number | null;
      user_limit?: number | null;
      max_active_runs?: number | null;
      reset_usage?: boolean;
      token?: string;
    }): Promise<unknown> {
      return control("PUT", "/__sim/credits", limits);
    },

    /** Another account with its own user, token and sites (for access checks). */
    async otherAccount(
      token: string,
      sites: Array<{ name: string; code_origin: "github" | "netlify-git" | "zip" }> = [],
    ): Promise<OtherAccount> {
      const created = (await control("POST", "/__sim/accounts", {
        token,
        account_name: "Other Team",
        user_name: "Olive Other",
        sites,
      })) as { user_id: string; account_id: string; sites: Array<{ id: string }> };
      return {
        token,
        client: clientFor(sim().apiUrl, token),
        accountId: created.account_id,
        userId: created.user_id,
        siteIds: created.sites.map((site) => site.id),
      };
    },

    /** The status the simulator sent for the latest `method path` request (path under /api/v1). */
    async loggedStatus(method: string, path: string): Promise<number | undefined> {
      const log = (await control("GET", "/__sim/requests")) as Array<{
        method: string;
        path: string;
        status: number;
      }>;
      return log.findLast((entry) => entry.method === method && entry.path === `/api/v1${path}`)?.status;
    },

    /** Seeds `runners` finished runners on one new site of the demo account; returns the site id. */
    async bulkSite(runners: number): Promise<string> {
      const seeded = (await control("POST", "/__sim/seed", { runners, sites: 1 })) as { sites: string[] };
      const siteId = seeded.sites[0];
      if (!siteId) throw new Error("the simulator seeded no site");
      return siteId;
    },
  };
  return contract;
}

export type ContractSimulator = ReturnType<typeof useContractSimulator>;
