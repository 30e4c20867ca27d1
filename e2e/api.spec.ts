import { expect, test } from "@playwright/test";

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

test("an unknown API path answers a JSON 404 for every method, uncached and with a request id", async ({
  request,
}) => {
  for (const [method, path] of [
    ["GET", "/api/nope"],
    ["POST", "/api/nope/deeper"],
    ["DELETE", "/api/health/extra"],
  ] as const) {
    const response = await request.fetch(path, { method, data: method === "POST" ? { a: 1 } : undefined });
    expect(response.status(), `${method} ${path}`).toBe(404);
    expect(response.headers()["content-type"]).toMatch(/^application\/json/);
    expect(response.headers()["cache-control"]).toBe("no-store");
    expect(response.headers()["x-request-id"]).toMatch(uuid);
    expect(await response.json()).toEqual({ error: "No such API endpoint.", code: "NOT_FOUND" });
  }
});

test("the client's request id is replaced by the server's own", async ({ request }) => {
  const response = await request.get("/api/nope", { headers: { "X-Request-Id": "chosen-by-client" } });
  expect(response.headers()["x-request-id"]).toMatch(uuid);
});

test("/api/health keeps its own route and answers 200 through the same wrapper", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(response.headers()["cache-control"]).toBe("no-store");
  expect(response.headers()["x-request-id"]).toMatch(uuid);
  expect(await response.json()).toEqual({ status: "ok", mode: "demo", database: expect.any(String) });
});

test("a method /api/health does not define answers a JSON 405 with Allow", async ({ request }) => {
  const response = await request.post("/api/health", { data: {} });
  expect(response.status()).toBe(405);
  expect(response.headers().allow).toBe("GET, HEAD, OPTIONS");
  expect(response.headers()["cache-control"]).toBe("no-store");
  expect(await response.json()).toEqual({
    error: "POST is not allowed here; use GET, HEAD, OPTIONS.",
    code: "METHOD_NOT_ALLOWED",
  });
});
