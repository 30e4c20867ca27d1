import { describe, expect, it, vi } from "vitest";
import { ApiError } from "@/lib/http";
import { checkDatabase } from "./health";

const open = vi.hoisted(() => ({ result: undefined as unknown }));
vi.mock("@/lib/database", () => ({ database: () => open.result }));

describe("checkDatabase", () => {
  it("names the driver once the database answers", async () => {
    open.result = Promise.resolve({ driver: "pg", db: { execute: async () => ({ rows: [] }) } });
    expect(await checkDatabase()).toBe("pg");
  });

  it("is a 503 SERVICE_UNAVAILABLE keeping the failure as its cause when the database does not answer", async () => {
    const failure = new Error("connect ECONNREFUSED postgres://app:pw@db.internal:5432");
    open.result = Promise.resolve({ driver: "pg", db: { execute: async () => Promise.reject(failure) } });
    const error = await checkDatabase().catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 503,
      code: "SERVICE_UNAVAILABLE",
      message: "The database is not reachable.",
    });
    expect((error as ApiError).cause).toBe(failure);
    open.result = Promise.reject(failure);
    await expect(checkDatabase()).rejects.toMatchObject({ code: "SERVICE_UNAVAILABLE" });
  });
});
