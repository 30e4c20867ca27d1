import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ApiError } from "./api-error";
import { defaultMaxBodyBytes, parseJsonBody, readJsonBody } from "./json-body";

/** A POST whose body arrives as a stream of chunks, with no Content-Length (as chunked uploads do). */
function streamedRequest(chunks: Uint8Array[], onPull?: () => void): Request {
  let index = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      onPull?.();
      const chunk = chunks[index++];
      if (chunk) controller.enqueue(chunk);
      else controller.close();
    },
  });
  const request = new Request("http://app.test/api/x", {
    method: "POST",
    body,
    duplex: "half",
  } as RequestInit);
  expect(request.headers.get("content-length")).toBeNull();
  return request;
}

const post = (body: BodyInit, headers?: HeadersInit) =>
  new NextRequest("http://app.test/api/x", { method: "POST", body, headers });

async function refusal(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe("readJsonBody", () => {
  it("parses a JSON body", async () => {
    expect(await readJsonBody(post('{"name":"ci","n":[1,2]}'))).toEqual({ name: "ci", n: [1, 2] });
  });

  it("refuses malformed JSON with 400 without echoing it", async () => {
    const error = await refusal(readJsonBody(post('{"name": "oc_secret",')));
    expect(error).toMatchObject({
      status: 400,
      code: "BAD_REQUEST",
      message: "The request body is not valid JSON.",
    });
  });

  it("refuses an empty body and invalid UTF-8 with 400", async () => {
    expect(await refusal(readJsonBody(post("  ")))).toMatchObject({ status: 400, code: "BAD_REQUEST" });
    expect(await refusal(readJsonBody(post(new Uint8Array([0x7b, 0xff, 0x7d]))))).toMatchObject({
      status: 400,
      message: "The request body is not valid UTF-8.",
    });
  });

  it("accepts a streamed body of exactly 1 MB", async () => {
    const json = `"${"a".repeat(defaultMaxBodyBytes - 2)}"`;
    const bytes = new TextEncoder().encode(json);
    const half = bytes.length / 2;
    const value = await readJsonBody(streamedRequest([bytes.subarray(0, half), bytes.subarray(half)]));
    expect(value).toHaveLength(defaultMaxBodyBytes - 2);
  });

  it("refuses a streamed body of 1 MB + 1 byte with 413, counted on the stream, and stops reading", async () => {
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    const chunks = [...Array.from({ length: 16 }, () => chunk), new Uint8Array([0x20]), chunk, chunk];
    let pulls = 0;
    const error = await refusal(readJsonBody(streamedRequest(chunks, () => pulls++)));
    expect(error).toMatchObject({ status: 413, code: "PAYLOAD_TOO_LARGE" });
    expect(error.message).toBe("The request body is larger than the limit of 1048576 bytes.");
    expect(pulls).toBeLessThanOrEqual(18);
  });

  it("refuses a declared Content-Length over the limit before reading, and honours a smaller limit", async () => {
    const request = post("{}", { "content-length": String(defaultMaxBodyBytes + 1) });
    expect(await refusal(readJsonBody(request))).toMatchObject({ status: 413 });
    expect(request.bodyUsed).toBe(false);
    expect(await refusal(readJsonBody(post('{"a":"bcd"}'), { maxBytes: 10 }))).toMatchObject({ status: 413 });
  });
});

describe("parseJsonBody", () => {
  it("reads and validates in one step", async () => {
    const schema = z.object({ name: z.string() });
    expect(await parseJsonBody(post('{"name":"ci"}'), schema)).toEqual({ name: "ci" });
    expect(await refusal(parseJsonBody(post('{"name":3}'), schema))).toMatchObject({ status: 422 });
  });
});
