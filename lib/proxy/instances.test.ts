import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { storageBackends, testDatabaseUrl } from "@/db/testing/backends";
import { revokeKey } from "@/lib/keys/manage-keys";
import { type ProxyCaller, type ProxyFixture, startProxyFixture } from "./testing/proxy-fixture";
import { expectError, roomInWindow } from "./testing/proxy-scenarios";

/*
 * Scale-out (architecture.md "Modes"): many stateless instances share one PostgreSQL, so nothing
 * that decides a call may live in one instance's memory. Two proxy instances with their own
 * connection pools must agree on a revocation at once and count one key's calls together.
 * Only on a PostgreSQL server: the embedded database has no second app instance to speak of.
 */

const perKeyLimit = 4;
const postgres = storageBackends().find((backend) => backend.name.startsWith("PostgreSQL"));

describe.runIf(testDatabaseUrl && postgres)("two app instances on one PostgreSQL", () => {
  let fixture: ProxyFixture;
  let instanceA: ProxyCaller;
  let instanceB: ProxyCaller;
  const list = "/api/proxy/agent_runners";

  beforeAll(async () => {
    if (!postgres) return;
    fixture = await startProxyFixture(postgres, { PROXY_RATE_LIMIT_PER_MINUTE: String(perKeyLimit) });
    instanceA = fixture.call;
    instanceB = fixture.instanceWith({ db: await fixture.openAnotherDatabase() });
  }, 60_000);
  beforeEach(() => fixture.settle());
  afterAll(async () => fixture?.dispose());

  it("refuses a key revoked through instance A on instance B's very next request", async () => {
    const minted = await fixture.mint(["agent_runners:read"]);
    expect((await instanceB("GET", list, { key: minted.key })).status).toBe(200);
    await revokeKey(fixture.db, { kind: "user", userId: fixture.adminId, role: "admin" }, minted.id);
    await expectError(await instanceB("GET", list, { key: minted.key }), 403, "KEY_REVOKED");
    await expectError(await instanceA("GET", list, { key: minted.key }), 403, "KEY_REVOKED");
  });

  it("counts one key's calls on both instances against one limit", async () => {
    await roomInWindow(3_000);
    const { key } = await fixture.mint(["agent_runners:read"]);
    const statuses: number[] = [];
    for (let call = 0; call <= perKeyLimit; call++) {
      const instance = call % 2 === 0 ? instanceA : instanceB;
      statuses.push((await instance("GET", list, { key })).status);
    }
    expect(statuses).toEqual([...new Array(perKeyLimit).fill(200), 429]);
    // The refused call was instance A's; instance B refuses the next one as well.
    await expectError(await instanceB("GET", list, { key }), 429, "RATE_LIMITED");
  });
});
