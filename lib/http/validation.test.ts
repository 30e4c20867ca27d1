import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ApiError } from "./api-error";
import { parseInput, queryObject } from "./validation";

const keySchema = z.object({
  name: z.string().max(20),
  scopes: z.array(z.enum(["agent_runners:read", "agent_runners:write"])).min(1),
  options: z.object({ expiresInDays: z.number().int().positive() }).optional(),
});

function refusal(input: unknown, part: "request body" | "query string" = "request body"): ApiError {
  try {
    parseInput(keySchema, input, part);
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error("expected the input to be refused");
}

describe("parseInput", () => {
  it("returns the parsed value when the input is valid", () => {
    expect(
      parseInput(keySchema, { name: "ci", scopes: ["agent_runners:read"], extra: 1 }, "request body"),
    ).toEqual({
      name: "ci",
      scopes: ["agent_runners:read"],
    });
  });

  it("answers 400 BAD_REQUEST naming each missing field", () => {
    const error = refusal({ scopes: ["agent_runners:read"] });
    expect(error).toMatchObject({ status: 400, code: "BAD_REQUEST" });
    expect(error.message).toBe("The request body is invalid: name is required.");
    expect(refusal({})).toMatchObject({
      message: "The request body is invalid: name is required; scopes is required.",
    });
  });

  it("answers 400 when the body is not an object at all", () => {
    expect(refusal([1, 2])).toMatchObject({
      status: 400,
      message: "The request body is invalid: Invalid input: expected object, received array.",
    });
  });

  it("answers 422 VALIDATION_FAILED naming each bad field by its path, without echoing values", () => {
    const error = refusal({
      name: "oc_looks-like-a-secret-value-pasted-here",
      scopes: ["agent_runners:read", "agent_runners:destroy"],
      options: { expiresInDays: 1.5 },
    });
    expect(error).toMatchObject({ status: 422, code: "VALIDATION_FAILED" });
    expect(error.message).toMatch(
      /^The request body is invalid: name: Too big: .*; scopes\[1\]: Invalid option: .*; options\.expiresInDays: Invalid input: expected int, received number\.$/,
    );
    expect(error.message).not.toContain("pasted-here");
    expect(error.message).not.toContain("destroy");
    expect(error.message).not.toContain("1.5");
  });

  it("lists at most five problems", () => {
    const schema = z.object(Object.fromEntries("abcdefg".split("").map((name) => [name, z.string()])));
    expect(() => parseInput(schema, {}, "request body")).toThrow(
      "The request body is invalid: a is required; b is required; c is required; d is required; e is required; and 2 more.",
    );
  });

  it("answers 400 for any bad query string", () => {
    const query = queryObject(new URLSearchParams("name=ci&scopes=agent_runners:read&scopes=x"));
    expect(query).toEqual({ name: "ci", scopes: ["agent_runners:read", "x"] });
    expect(refusal(query, "query string")).toMatchObject({
      status: 400,
      code: "BAD_REQUEST",
      message: expect.stringMatching(/^The query string is invalid: scopes\[1\]: Invalid option/),
    });
  });
});
