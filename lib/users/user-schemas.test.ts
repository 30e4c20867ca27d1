import { describe, expect, it } from "vitest";
import type { User } from "@/db/schema";
import { parseInput } from "@/lib/http";
import { ApiError } from "@/lib/http/api-error";
import { toUserOutput, updateUserInputSchema } from "./user-schemas";

const refusalOf = (input: unknown) => {
  try {
    parseInput(updateUserInputSchema, input, "request body");
  } catch (error) {
    if (error instanceof ApiError) return { status: error.status, message: error.message };
    throw error;
  }
  throw new Error("expected the input to be refused");
};

describe("the users API's shapes", () => {
  it("takes a role, an approval, or both", () => {
    expect(parseInput(updateUserInputSchema, { role: "viewer" }, "request body")).toEqual({ role: "viewer" });
    expect(parseInput(updateUserInputSchema, { status: "active", role: "admin" }, "request body")).toEqual({
      status: "active",
      role: "admin",
    });
  });

  it("refuses an empty change or unknown fields as 400 and unknown values as 422", () => {
    expect(refusalOf({}).status).toBe(400);
    expect(refusalOf([]).status).toBe(400);
    expect(refusalOf({ role: "viewer", netlifyUserId: "x" }).status).toBe(400);
    expect(refusalOf({ role: "owner" })).toMatchObject({ status: 422, message: /role/ });
    expect(refusalOf({ status: "disabled" })).toMatchObject({ status: 422, message: /status/ });
    expect(refusalOf({ status: "pending", role: "member" }).status).toBe(422);
  });

  it("sends a person without their Netlify id or any column not in the schema", () => {
    const row = {
      id: "6f1c1f5e-8f0a-4a3e-9d7b-2b6b4c1d2e3f",
      netlifyUserId: "netlify-internal-id",
      email: "priya@example.com",
      fullName: "Priya Patel",
      avatarUrl: null,
      role: "member",
      status: "pending",
      lastSeenAt: null,
      diffLayout: "split",
      createdAt: new Date("2026-01-02T03:04:05Z"),
      updatedAt: new Date("2026-01-02T03:04:05Z"),
      tokenCiphertext: "sealed",
    } as User;
    expect(toUserOutput(row)).toEqual({
      id: row.id,
      email: "priya@example.com",
      fullName: "Priya Patel",
      avatarUrl: null,
      role: "member",
      status: "pending",
      lastSeenAt: null,
      createdAt: "2026-01-02T03:04:05.000Z",
    });
  });
});
