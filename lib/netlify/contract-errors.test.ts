import { describe, expect, it } from "vitest";
import { apiError, clientFor, useContractSimulator } from "./testing/contract-fixture";

describe("protocol errors contract: 401, 404, 405 and malformed JSON", () => {
  const contract = useContractSimulator();

  it("answers 401 {error} to an unknown token and to a request without one, on every resource", async () => {
    const stranger = clientFor(contract.sim.apiUrl, "nfp_not_a_real_token");
    const siteId = await contract.siteId("aurora-storefront");
    for (const call of [
      () => stranger.user.current(),
      () => stranger.sites.list(),
      () => stranger.runners.list({ siteId }),
      () => stranger.runners.create({ siteId, prompt: "Hi" }),
    ]) {
      expect(await apiError(call())).toMatchObject({ status: 401, message: "Unauthorized" });
    }
    const anonymous = await contract.raw("/user", { token: null });
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({ error: "Unauthorized" });
  });

  it("answers 405 with an Allow header listing the methods the path supports", async () => {
    const runner = await contract.finishedRunner("aurora-storefront");
    const onRunner = await contract.raw(`/agent_runners/${runner.id}`, { method: "PUT" });
    expect(onRunner.status).toBe(405);
    expect(onRunner.headers.get("allow")).toBe("GET, PATCH, DELETE");
    expect(await onRunner.json()).toEqual({ error: "Method not allowed" });

    const onCollection = await contract.raw("/agent_runners", { method: "DELETE" });
    expect(onCollection.status).toBe(405);
    expect(onCollection.headers.get("allow")).toBe("GET, POST");
    const onArchive = await contract.raw(`/agent_runners/${runner.id}/archive`, { method: "GET" });
    expect(onArchive.status).toBe(405);
    expect(onArchive.headers.get("allow")).toBe("POST");
    // A refused method changes nothing.
    expect((await contract.client.runners.get(runner.id)).state).toBe("done");
  });

  it("answers 400 {error} to a malformed JSON body and creates nothing", async () => {
    const siteId = await contract.siteId("aurora-storefront");
    const before = (await contract.client.runners.list({ siteId })).total;
    const malformed = await contract.raw(`/agent_runners?site_id=${siteId}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '{"prompt": "Add a contact form",',
    });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toEqual({ error: "Invalid JSON body" });
    expect((await contract.client.runners.list({ siteId })).total).toBe(before);

    const runner = await contract.finishedRunner("aurora-storefront");
    const followUp = await contract.raw(`/agent_runners/${runner.id}/sessions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "not json",
    });
    expect(followUp.status).toBe(400);
    expect(await followUp.json()).toEqual({ error: "Invalid JSON body" });
    const notAnObject = await contract.raw(`/agent_runners/${runner.id}/sessions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '["prompt"]',
    });
    expect(notAnObject.status).toBe(400);
    expect(await contract.client.sessions.listAll(runner.id)).toHaveLength(1);
  });

  it("answers 404 {error} to a path the API does not have", async () => {
    const unknown = await contract.raw("/agent_runners/abc/not_an_action");
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ error: "Not found" });
  });
});
