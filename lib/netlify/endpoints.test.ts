import { describe, expect, it } from "vitest";
import type { NetlifyClient } from "./client";
import { compileEndpoints, matchEndpoint } from "./endpoint-match";
import { type EndpointName, endpointList, netlifyEndpoints } from "./endpoints";
import { NetlifyApiError } from "./errors";
import { useContractSimulator } from "./testing/contract-fixture";

/** A call for every client function: TypeScript refuses this table if a function is left out. */
type ClientCalls = {
  [Group in keyof NetlifyClient]: Record<keyof NetlifyClient[Group], () => Promise<unknown>>;
};

const templates = compileEndpoints(endpointList);
const deploySegments = new Set(["pull_request", "commit", "redeploy", "publish_to_production"]);
/** The sign-in and site-listing endpoints: the app calls them with a user's token, no key reaches them. */
const accountWide = /^\/(sites|user|accounts)(\/|$)/;

describe("the client and the simulator derive from one endpoint manifest", () => {
  const contract = useContractSimulator();

  async function callsAgainstTheSimulator(): Promise<ClientCalls> {
    const { client } = contract;
    const siteId = await contract.siteId("aurora-storefront");
    const [account] = await client.accounts.list();
    if (!account) throw new Error("the demo token has no account");
    const upload = { accountId: account.id, filename: "notes.txt", contentType: "text/plain" };
    const { file_key: fileKey } = await client.attachments.uploadUrl(upload);
    const done = await contract.finishedRunner("aurora-storefront");
    const spare = await contract.finishedRunner("docs-portal");
    const waiting = await contract.waitingRunner("field-notes-blog");
    const [session] = (await client.sessions.list(done.id)).items;
    if (!session) throw new Error(`no session on ${done.id}`);
    const [runnerId, sessionId] = [done.id, session.id];
    const prompt = "Add a footer";
    const drain = (stream: ReadableStream<Uint8Array>) => new Response(stream).text();

    return {
      runners: {
        list: () => client.runners.list({ siteId }),
        listAll: () => client.runners.listAll({ siteId }),
        get: () => client.runners.get(runnerId),
        snapshot: () => client.runners.snapshot(runnerId),
        create: () => client.runners.create({ siteId, prompt }),
        createOnSite: () => client.runners.createOnSite({ siteId, prompt }),
        update: () => client.runners.update(runnerId, { title: "Footer" }),
        stop: () => client.runners.stop(spare.id),
        archive: () => client.runners.archive(spare.id),
        revert: () => client.runners.revert(runnerId, sessionId),
        rebase: () => client.runners.rebase(runnerId),
        createPullRequest: () => client.runners.createPullRequest(runnerId),
        commit: () => client.runners.commit(runnerId, "agent-footer"),
        publishToProduction: () => client.runners.publishToProduction(runnerId),
        diff: () => client.runners.diff(runnerId),
        diffStream: () => client.runners.diffStream(runnerId).then(drain),
      },
      sessions: {
        list: () => client.sessions.list(runnerId),
        listAll: () => client.sessions.listAll(runnerId),
        get: () => client.sessions.get(runnerId, sessionId),
        create: () => client.sessions.create(runnerId, { prompt }),
        update: () => client.sessions.update(runnerId, sessionId, { title: "First" }),
        stop: () => client.sessions.stop(runnerId, sessionId),
        redeploy: () => client.sessions.redeploy(runnerId, sessionId),
        answer: () =>
          client.sessions.answer(waiting.runner.id, waiting.session.id, {
            refId: waiting.refId,
            skipped: true,
          }),
        resultDiff: () => client.sessions.resultDiff(runnerId, sessionId),
        cumulativeDiff: () => client.sessions.cumulativeDiff(runnerId, sessionId),
        diffStream: () => client.sessions.diffStream(runnerId, sessionId, "result").then(drain),
        diffUploadUrls: () => client.sessions.diffUploadUrls(runnerId, sessionId),
      },
      diffs: {
        page: () => client.diffs.page(runnerId, { kind: "result", sessionId }, { page: 1, perPage: 10 }),
        stream: () => client.diffs.stream(runnerId, { kind: "runner" }).then(drain),
      },
      attachments: {
        uploadUrl: () => client.attachments.uploadUrl(upload),
        deleteUrl: () => client.attachments.deleteUrl({ accountId: account.id, fileKey }),
      },
      sites: {
        list: () => client.sites.list(),
        listAll: () => client.sites.listAll(),
        get: () => client.sites.get(siteId),
      },
      user: { current: () => client.user.current() },
      accounts: { list: () => client.accounts.list() },
    };
  }

  /** The endpoints the simulator saw since the log was last cleared; every request must name one. */
  async function endpointsLogged(): Promise<EndpointName[]> {
    const log = (await contract.control("GET", "/__sim/requests")) as Array<{ method: string; path: string }>;
    await contract.control("DELETE", "/__sim/requests");
    return log
      .filter((entry) => entry.path.startsWith("/api/v1/"))
      .map((entry) => {
        const match = matchEndpoint(templates, entry.method, entry.path.slice("/api/v1".length));
        if (match.kind !== "found") throw new Error(`${entry.method} ${entry.path} is not in the manifest`);
        return match.endpoint.name;
      });
  }

  it("calls every manifest endpoint through exactly one client function each, and nothing else", async () => {
    const calls = await callsAgainstTheSimulator();
    await endpointsLogged();
    const reached = new Map<string, EndpointName[]>();
    for (const [group, functions] of Object.entries(calls)) {
      for (const [name, call] of Object.entries(functions as Record<string, () => Promise<unknown>>)) {
        // An upstream refusal (the runner is busy, the site has no repository) still reached its endpoint.
        await call().catch((error: unknown) => {
          if (
            !(error instanceof NetlifyApiError) ||
            error.status >= 500 ||
            error.errorCode === "invalid_path"
          )
            throw error;
        });
        reached.set(`${group}.${name}`, [...new Set(await endpointsLogged())]);
      }
    }
    for (const [call, names] of reached) expect({ call, names }).toEqual({ call, names: [names[0]] });
    const hit = new Set([...reached.values()].flat());
    expect([...hit].sort()).toEqual(Object.keys(netlifyEndpoints).sort());
  });
});

describe("endpoint scopes", () => {
  it("gives every GET the read scope, except the account-wide endpoints no key reaches", () => {
    for (const endpoint of endpointList.filter((candidate) => candidate.method === "GET")) {
      expect({ [endpoint.name]: endpoint.scope }).toEqual({
        [endpoint.name]: accountWide.test(endpoint.path) ? null : "agent_runners:read",
      });
    }
  });

  it("needs deploy for what leaves the sandbox, write for other changes, and no scope only account-wide", () => {
    for (const endpoint of endpointList) {
      const expected = accountWide.test(endpoint.path)
        ? null
        : endpoint.method === "GET"
          ? "agent_runners:read"
          : deploySegments.has(endpoint.path.split("/").at(-1) ?? "")
            ? "agent_runners:deploy"
            : "agent_runners:write";
      expect({ [endpoint.name]: endpoint.scope }).toEqual({ [endpoint.name]: expected });
    }
  });
});
