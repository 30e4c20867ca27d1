import { describe, expect, it } from "vitest";
import { compileEndpoints, endpointPath, InvalidPathParameterError, matchEndpoint } from "./endpoint-match";
import { endpointList } from "./endpoints";

const templates = compileEndpoints(endpointList);
const match = (method: string, path: string) => matchEndpoint(templates, method, path);
const badIds = ["..", ".", "%2F", "a%2Fb", "a;b", "a\\b", "a/b", "", "%2e%2e", "x".repeat(129)];

describe("matchEndpoint", () => {
  it("reads a literal segment as itself, never as a runner id", () => {
    expect(match("POST", "/agent_runners/upload_url")).toMatchObject({
      kind: "found",
      endpoint: { name: "createUploadUrl" },
      params: {},
    });
    expect(match("GET", "/agent_runners/upload_url")).toEqual({
      kind: "method_not_allowed",
      allow: ["POST"],
    });
    expect(match("GET", "/agent_runners/r1")).toMatchObject({
      kind: "found",
      endpoint: { name: "getRunner" },
      params: { runner_id: "r1" },
    });
  });

  it("fills every parameter of a nested path under the manifest's names", () => {
    expect(match("POST", "/agent_runners/r1/sessions/s1/answers")).toMatchObject({
      kind: "found",
      endpoint: { name: "answerSession" },
      params: { runner_id: "r1", session_id: "s1" },
    });
  });

  it("denies by default: a path no template fits is not_found", () => {
    for (const path of ["/", "", "/agent_runners/", "/agent_runners/r1/unknown", "/api/v1/agent_runners"]) {
      expect({ path, match: match("GET", path) }).toEqual({ path, match: { kind: "not_found" } });
    }
    expect(match("GET", "/agent_runners/r1/sessions/s1/diff")).toEqual({ kind: "not_found" });
  });

  it("answers a known path with another method as method_not_allowed, listing the methods it has", () => {
    expect(match("PUT", "/agent_runners/r1")).toEqual({
      kind: "method_not_allowed",
      allow: ["GET", "PATCH", "DELETE"],
    });
    expect(match("DELETE", "/agent_runners")).toEqual({ kind: "method_not_allowed", allow: ["GET", "POST"] });
    expect(match("get", "/agent_runners")).toMatchObject({ kind: "method_not_allowed" });
  });

  it("never implies HEAD or OPTIONS from GET", () => {
    for (const method of ["HEAD", "OPTIONS"]) {
      const result = match(method, "/agent_runners/r1");
      expect(result).toEqual({ kind: "method_not_allowed", allow: ["GET", "PATCH", "DELETE"] });
    }
  });

  it("refuses a parameter that is not a plain id of at most 128 characters", () => {
    for (const id of badIds) {
      expect({ id, runner: match("GET", `/agent_runners/${id}`).kind }).toEqual({ id, runner: "not_found" });
      expect({ id, session: match("GET", `/agent_runners/r1/sessions/${id}`).kind }).toEqual({
        id,
        session: "not_found",
      });
    }
    expect(match("GET", `/agent_runners/${"x".repeat(128)}`).kind).toBe("found");
  });

  it("reaches every endpoint of the manifest through its own path, and only that endpoint", () => {
    for (const endpoint of endpointList) {
      const path = endpoint.path.replace(/\{\w+\}/g, "id_1");
      expect({ path, match: match(endpoint.method, path) }).toMatchObject({
        path,
        match: { kind: "found", endpoint: { name: endpoint.name } },
      });
    }
  });
});

describe("endpointPath", () => {
  it("fills the template with plain ids", () => {
    expect(endpointPath("getSession", { runner_id: "r1", session_id: "s-1_a" })).toBe(
      "/agent_runners/r1/sessions/s-1_a",
    );
    expect(endpointPath("listRunners", {})).toBe("/agent_runners");
  });

  it("refuses an id that is not a plain id instead of encoding it", () => {
    for (const id of badIds) {
      expect(() => endpointPath("getRunner", { runner_id: id })).toThrow(InvalidPathParameterError);
      expect(() => endpointPath("getSession", { runner_id: "r1", session_id: id })).toThrow(
        expect.objectContaining({ parameter: "session_id" }),
      );
    }
  });
});
