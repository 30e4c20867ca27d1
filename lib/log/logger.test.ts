import { describe, expect, it } from "vitest";
import { displayPrefix, generateApiKey } from "@/lib/keys/key-format";
import { captureLogs } from "./testing/capture-logger";

const apiKey = generateApiKey();
const netlifyPat = `nfp_${"aB3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1dE3fG5"}`;
const oauthToken = "p8Xq2-Lk_9vR4tYb1nM6cZ0wEa7sDf3gHj5kLz8xCv2bNm4QwErTyUiOp-_aSdFgHjK";
const serviceToken = "svc-token-with-no-recognisable-shape-123";

/** Every raw secret of these tests: none may appear anywhere in the output. */
const secrets = [apiKey, netlifyPat, oauthToken, serviceToken, "hunter2hunter2"];

function expectNoSecret(text: string) {
  for (const secret of secrets) expect(text).not.toContain(secret);
  expect(text).not.toMatch(/\boc_[A-Za-z0-9]{20,}\b/);
  expect(text).not.toMatch(/\bnfp_[A-Za-z0-9]{20,}\b/);
}

describe("createLogger", () => {
  it("writes one JSON object per line with the level's name, an ISO time and the message", () => {
    const logs = captureLogs({ level: "info" });
    logs.logger.child({ requestId: "r-1" }).info({ status: 200 }, "request");
    logs.logger.debug("below the level");
    expect(logs.text().split("\n")).toHaveLength(2);
    expect(logs.lines()).toEqual([
      expect.objectContaining({ level: "info", requestId: "r-1", status: 200, msg: "request" }),
    ]);
    expect(logs.lines()[0]?.time).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it("censors credential headers and secret fields by name, keeping the fields beside them", () => {
    const logs = captureLogs();
    const headers = {
      authorization: `Bearer ${apiKey}`,
      cookie: "session=abc",
      "set-cookie": "session=abc; HttpOnly",
      "x-netlify-token": serviceToken,
      accept: "application/json",
    };
    logs.logger.info({
      headers,
      request: { headers, path: "/api/keys" },
      token: oauthToken,
      user: { email: "ada@example.test", password: "hunter2hunter2" },
      secret: "s",
      key: apiKey,
      keyHash: "a".repeat(64),
      keyId: "key_123",
      keyPrefix: displayPrefix(apiKey),
    });
    const [line] = logs.lines();
    const censored = { ...headers, authorization: "[redacted]", cookie: "[redacted]" };
    Object.assign(censored, { "set-cookie": "[redacted]", "x-netlify-token": "[redacted]" });
    expect(line).toMatchObject({
      headers: censored,
      request: { headers: censored, path: "/api/keys" },
      token: "[redacted]",
      user: { email: "ada@example.test", password: "[redacted]" },
      secret: "[redacted]",
      key: "[redacted]",
      keyHash: "[redacted]",
      keyId: "key_123",
      keyPrefix: displayPrefix(apiKey),
    });
    expectNoSecret(logs.text());
  });

  it("censors spelling variants of secret fields at any depth", () => {
    const logs = captureLogs();
    logs.logger.info({
      a: { b: { c: { d: { accessToken: oauthToken, client_secret: "x", apiKey: "y", id: 7 } } } },
    });
    expect(logs.lines()[0]).toMatchObject({
      a: {
        b: {
          c: { d: { accessToken: "[redacted]", client_secret: "[redacted]", apiKey: "[redacted]", id: 7 } },
        },
      },
    });
    expectNoSecret(logs.text());
  });

  it("scrubs oc_ keys, Netlify tokens and Bearer values from messages, keeping the rest of the text", () => {
    const logs = captureLogs();
    logs.logger.info(`key ${apiKey} refused for site s1`);
    logs.logger.info("upstream answered %s with %d", `Authorization: Bearer ${oauthToken}`, 401);
    logs.logger.warn({ site: "s1" }, `token ${netlifyPat} expired`);
    expect(logs.lines().map((line) => line.msg)).toEqual([
      "key oc_[redacted] refused for site s1",
      "upstream answered Authorization: Bearer [redacted] with 401",
      "token nfp_[redacted] expired",
    ]);
    expectNoSecret(logs.text());
  });

  it("scrubs secrets in strings anywhere in a logged object: nested, in arrays, in URLs", () => {
    const logs = captureLogs();
    logs.logger.info({
      upstream: { note: `echoed ${apiKey} back`, attempts: [{ detail: `Bearer ${oauthToken}` }] },
      url: new URL(`https://app.example.test/callback?code=abc123&state=s&access_token=${oauthToken}`),
      database: "postgres://app:hunter2hunter2@db.example.test:5432/app",
      display: displayPrefix(apiKey),
    });
    expect(logs.lines()[0]).toEqual(
      expect.objectContaining({
        upstream: { note: "echoed oc_[redacted] back", attempts: [{ detail: "Bearer [redacted]" }] },
        url: "https://app.example.test/callback?code=[redacted]&state=s&access_token=[redacted]",
        database: "postgres://app:[redacted]@db.example.test:5432/app",
        display: displayPrefix(apiKey),
      }),
    );
    expectNoSecret(logs.text());
  });

  it("scrubs an Error's message, stack, cause and own fields however it is logged", () => {
    const logs = captureLogs();
    const cause = new Error(`socket closed after Bearer ${oauthToken}`);
    const error = Object.assign(new Error(`lookup of ${apiKey} failed`, { cause }), {
      status: 502,
      request: { url: `https://api.example.test/x?api_key=${apiKey}` },
    });
    logs.logger.error(error);
    logs.logger.error({ err: error, requestId: "r-2" }, "unhandled");
    logs.logger.error({ err: error });
    const lines = logs.lines();
    expect(lines.map((line) => line.msg)).toEqual([
      "lookup of oc_[redacted] failed",
      "unhandled",
      "lookup of oc_[redacted] failed",
    ]);
    for (const line of lines) {
      expect(line.err).toMatchObject({
        type: "Error",
        message: "lookup of oc_[redacted] failed: socket closed after Bearer [redacted]",
        status: 502,
        request: { url: "https://api.example.test/x?api_key=[redacted]" },
      });
      expect((line.err as { stack: string }).stack).toContain("lookup of oc_[redacted] failed");
    }
    expectNoSecret(logs.text());
  });

  it("scrubs the process's own secrets by value, whatever their shape", () => {
    const logs = captureLogs({ knownSecrets: [serviceToken, undefined, "short"] });
    logs.logger.info({ upstream: `sent ${serviceToken}` }, `retrying with ${serviceToken}`);
    logs.logger.info("a short word stays");
    expect(logs.lines().map(({ upstream, msg }) => ({ upstream, msg }))).toEqual([
      { upstream: "sent [redacted]", msg: "retrying with [redacted]" },
      { upstream: undefined, msg: "a short word stays" },
    ]);
    expectNoSecret(logs.text());
  });

  it("survives circular objects and repeats shared ones", () => {
    const logs = captureLogs();
    const shared = { id: 1 };
    const loop: Record<string, unknown> = { name: "loop", pair: [shared, shared] };
    loop.self = loop;
    logs.logger.info({ loop });
    expect(logs.lines()[0]).toMatchObject({
      loop: { name: "loop", pair: [{ id: 1 }, { id: 1 }], self: "[Circular]" },
    });
  });
});
