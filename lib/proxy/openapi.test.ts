import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { apiErrorCodes, apiErrorStatuses } from "@/lib/http/error-codes";
import { type Endpoint, endpointList, netlifyEndpoints, proxiedEndpoints } from "@/lib/netlify/endpoints";
import { type OpenApiOperation, proxyOpenApiDocument } from "./openapi";

const appUrl = "https://switchyard.example";
const document = proxyOpenApiDocument(appUrl);

const operations = Object.entries(document.paths).flatMap(([path, item]) =>
  Object.entries(item).map(([method, operation]) => ({ method: method.toUpperCase(), path, operation })),
);

const operationFor = (endpoint: Pick<Endpoint, "method" | "path">): OpenApiOperation => {
  const operation = document.paths[endpoint.path]?.[endpoint.method.toLowerCase()];
  if (!operation) throw new Error(`no operation for ${endpoint.method} ${endpoint.path}`);
  return operation;
};

/** Every value in `tree`, depth first, with the key it sits under. */
function* walk(tree: unknown, key = ""): Generator<{ key: string; value: unknown }> {
  yield { key, value: tree };
  if (tree && typeof tree === "object")
    for (const [childKey, child] of Object.entries(tree)) yield* walk(child, childKey);
}

/** The property names a JSON Schema allows at any depth, through `anyOf`/`items` too. */
const propertyNames = (schema: unknown) =>
  [...walk(schema)].flatMap(({ key, value }) =>
    key === "properties" && value && typeof value === "object" ? Object.keys(value) : [],
  );

describe("the proxy's OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    const validator = new Validator();
    // As served: through JSON, which also proves nothing in it is lost on the way.
    const result = await validator.validate(JSON.parse(JSON.stringify(document)) as Record<string, unknown>);
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
  });

  it("points at this app's proxy and authenticates with bearer keys", () => {
    expect(document.servers).toEqual([{ url: `${appUrl}/api/proxy`, description: expect.any(String) }]);
    expect(proxyOpenApiDocument(`${appUrl}/`).servers[0]?.url).toBe(`${appUrl}/api/proxy`);
    expect(document.components.securitySchemes.ApiKey).toMatchObject({ type: "http", scheme: "bearer" });
  });

  it("has exactly one operation per proxied endpoint of the manifest, named after it", () => {
    const described = operations.map(
      ({ method, path, operation }) => `${operation.operationId} ${method} ${path}`,
    );
    const manifest = proxiedEndpoints.map(({ name, method, path }) => `${name} ${method} ${path}`);
    expect(described.sort()).toEqual(manifest.sort());
  });

  it("leaves out every endpoint a key cannot reach", () => {
    const unreachable = endpointList.filter((endpoint) => endpoint.scope === null);
    expect(unreachable.length).toBeGreaterThan(0);
    for (const endpoint of unreachable)
      expect(document.paths[endpoint.path]?.[endpoint.method.toLowerCase()]).toBeUndefined();
  });

  it("follows the manifest: an endpoint added there appears, with its scope", () => {
    const added: Endpoint = {
      name: "getRunner",
      method: "GET",
      path: "/agent_runners/{runner_id}/notes",
      summary: "Read a runner's notes",
      scope: "agent_runners:read",
      binding: "runner",
      response: "runner",
    };
    const grown = proxyOpenApiDocument(appUrl, [...endpointList, added]);
    expect(grown.paths["/agent_runners/{runner_id}/notes"]?.get).toMatchObject({
      summary: "Read a runner's notes",
      "x-required-scope": "agent_runners:read",
    });
  });

  it("names each operation's scope, in its security, an extension, its tag and its description", () => {
    for (const endpoint of proxiedEndpoints) {
      const operation = operationFor(endpoint);
      expect(operation["x-required-scope"], endpoint.name).toBe(endpoint.scope);
      expect(operation.security).toEqual([{ ApiKey: [endpoint.scope] }]);
      expect(operation.tags).toEqual([endpoint.scope]);
      expect(operation.description).toContain(`\`${endpoint.scope}\``);
      expect(operation.summary).toBe(endpoint.summary);
    }
  });

  it("takes a body exactly where the manifest has one, requiring the fields its schema requires", () => {
    for (const endpoint of proxiedEndpoints) {
      const body = operationFor(endpoint).requestBody?.content["application/json"].schema;
      if (!endpoint.body) {
        expect(body, endpoint.name).toBeUndefined();
        continue;
      }
      expect(body, endpoint.name).toBeDefined();
      if (!(endpoint.body instanceof z.ZodObject)) continue;
      const required = Object.entries(endpoint.body.shape as Record<string, z.ZodType>)
        .filter(([, field]) => !field.safeParse(undefined).success)
        .map(([name]) => name);
      expect(body?.required ?? [], endpoint.name).toEqual(required);
      expect(Object.keys(body?.properties ?? {}), endpoint.name).toEqual(Object.keys(endpoint.body.shape));
    }
    const { createRunner, commitRunner, revertRunner } = netlifyEndpoints;
    expect(operationFor(createRunner).requestBody?.content["application/json"].schema.required).toEqual([
      "prompt",
    ]);
    expect(operationFor(commitRunner).requestBody?.content["application/json"].schema.required).toEqual([
      "target_branch",
    ]);
    expect(operationFor(revertRunner).requestBody?.content["application/json"].schema.required).toEqual([
      "session_id",
    ]);
  });

  it("lists the path's parameters and the query schema's, none of the query's required", () => {
    const { getRunnerDiff, getSession } = netlifyEndpoints;
    const names = (endpoint: Pick<Endpoint, "method" | "path">) =>
      (operationFor(endpoint).parameters ?? []).map((p) => `${p.in}:${p.name}`);
    expect(names(getRunnerDiff)).toEqual([
      "path:runner_id",
      "query:page",
      "query:per_page",
      "query:strip_binary",
    ]);
    expect(names(getSession)).toEqual(["path:runner_id", "path:session_id"]);
    for (const endpoint of proxiedEndpoints)
      for (const parameter of operationFor(endpoint).parameters ?? [])
        expect(parameter.required, `${endpoint.name} ${parameter.name}`).toBe(parameter.in === "path");
  });

  it("never lets a caller send site_id or account_id: the proxy sets them from the key", () => {
    for (const { operation } of operations) {
      const parameters = (operation.parameters ?? []).map((parameter) => parameter.name);
      const bodyFields = propertyNames(operation.requestBody);
      for (const name of ["site_id", "account_id"]) {
        expect(parameters, operation.operationId).not.toContain(name);
        expect(bodyFields, operation.operationId).not.toContain(name);
      }
    }
  });

  it("answers each response kind in its own form", () => {
    const { stopRunner, getRunnerDiff, listRunners, getRunnerSnapshot } = netlifyEndpoints;
    expect(operationFor(stopRunner).responses[202]).toEqual({ description: expect.any(String) });
    expect(operationFor(getRunnerDiff).responses[200]).toMatchObject({
      content: { "text/plain": { schema: { type: "string" } } },
    });
    expect(operationFor(listRunners).responses[200]).toMatchObject({
      content: {
        "application/json": { schema: { type: "array", items: { $ref: "#/components/schemas/Runner" } } },
      },
    });
    expect(operationFor(getRunnerSnapshot).responses[200]).toMatchObject({
      content: { "application/json": { schema: { $ref: "#/components/schemas/Snapshot" } } },
    });
    expect(document.components.schemas.Runner?.required).toEqual(
      expect.arrayContaining(["id", "site_id", "state", "created_at", "updated_at"]),
    );
  });

  it("resolves every $ref inside the document", () => {
    const refs = [...walk(document)].filter(({ key }) => key === "$ref").map(({ value }) => String(value));
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of new Set(refs)) {
      expect(ref).toMatch(/^#\//);
      const target = ref
        .slice(2)
        .split("/")
        .reduce<unknown>(
          (node, segment) => (node as Record<string, unknown> | undefined)?.[segment],
          document,
        );
      expect(target, ref).toBeDefined();
    }
  });

  it("gives every operation the contract's error answers, all with the one Error body", () => {
    const statuses = ["400", "401", "403", "404", "405", "409", "413", "422", "429", "500", "502", "504"];
    for (const { operation } of operations) {
      const errors = Object.keys(operation.responses).filter((status) => Number(status) >= 400);
      expect(errors, operation.operationId).toEqual(statuses);
    }
    const error = document.components.schemas.Error;
    expect(error).toMatchObject({
      required: ["error", "code"],
      properties: { code: { enum: apiErrorCodes } },
    });
    for (const response of Object.values(document.components.responses))
      expect(response).toMatchObject({
        content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
      });
  });

  it("names, for each error status, only codes that are sent with that status", () => {
    // Every operation refers to the same responses, so the first one shows them all.
    const responses = Object.entries(operations[0]?.operation.responses ?? {});
    for (const [status, reference] of responses.filter(([status]) => Number(status) >= 400)) {
      const name = String((reference as { $ref: string }).$ref)
        .split("/")
        .pop() as string;
      const { description } = document.components.responses[name] as { description: string };
      const codes = [...description.matchAll(/`([A-Z_]+)`/g)].map(
        ([, code]) => code as keyof typeof apiErrorStatuses,
      );
      expect(codes.length, status).toBeGreaterThan(0);
      for (const code of codes) expect(apiErrorStatuses[code], `${status} ${code}`).toBe(Number(status));
    }
  });

  it("carries Allow on 405 and Retry-After on 429", () => {
    expect(document.components.responses.MethodNotAllowed).toMatchObject({ headers: { Allow: {} } });
    expect(document.components.responses.RateLimited).toMatchObject({ headers: { "Retry-After": {} } });
  });
});
