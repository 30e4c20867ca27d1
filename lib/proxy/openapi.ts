import { type ApiKeyScope, apiKeyScopes } from "@/db/schema/api-keys";
import { scopeDetails } from "@/lib/keys/scopes";
import { pathParameterPattern } from "@/lib/netlify/endpoint-match";
import { type Endpoint, endpointList, type SiteBinding } from "@/lib/netlify/endpoints";
import { proxyErrorResponses } from "./openapi-errors";
import {
  componentSchemas,
  type JsonSchema,
  jsonSchemaOf,
  type SuccessShape,
  successShapes,
} from "./openapi-schemas";

/*
 * The proxy's OpenAPI 3.1 document, derived from the endpoint manifest: an endpoint added there
 * appears here with its scope, parameters and body; one with no scope (account-wide, never
 * reachable with a key) never does.
 */

export interface OpenApiParameter {
  name: string;
  in: "path" | "query";
  required: boolean;
  schema: JsonSchema;
  description?: string;
}

export interface OpenApiOperation {
  operationId: string;
  summary: string;
  description: string;
  tags: string[];
  security: Array<Record<string, string[]>>;
  "x-required-scope": ApiKeyScope;
  parameters?: OpenApiParameter[];
  requestBody?: { required: true; content: { "application/json": { schema: JsonSchema } } };
  responses: Record<string, unknown>;
}

export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string; description: string };
  servers: Array<{ url: string; description: string }>;
  security: Array<Record<string, string[]>>;
  tags: Array<{ name: string; description: string }>;
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: {
    securitySchemes: Record<string, unknown>;
    schemas: Record<string, JsonSchema>;
    responses: Record<string, unknown>;
  };
}

const securityScheme = "ApiKey";

/** Why a caller never sends the site: how each binding confines the call to the key's site. */
const bindingNotes: Record<SiteBinding, string> = {
  site_query: "The proxy sets `site_id` from the key; a `site_id` sent by the caller is dropped.",
  account_body:
    "The proxy sets `account_id` to the account of the key's site; one sent by the caller is dropped.",
  runner:
    "The runner must belong to the key's site: another site's runner is refused with 403 `SITE_MISMATCH` before anything is forwarded.",
};

type ProxiedEndpoint = Endpoint & { scope: ApiKeyScope };

/**
 * The document as served at `/api/proxy/openapi.json`; `appUrl` is the app's public base URL.
 * `endpoints` is the manifest; a test may pass another to see the document follow it.
 */
export function proxyOpenApiDocument(
  appUrl: string,
  endpoints: readonly Endpoint[] = endpointList,
): OpenApiDocument {
  const proxied = endpoints.filter((endpoint): endpoint is ProxiedEndpoint => endpoint.scope !== null);
  const paths: OpenApiDocument["paths"] = {};
  for (const endpoint of proxied) {
    paths[endpoint.path] = {
      ...paths[endpoint.path],
      [endpoint.method.toLowerCase()]: operationOf(endpoint),
    };
  }
  const usedScopes = apiKeyScopes.filter((scope) => proxied.some((endpoint) => endpoint.scope === scope));
  return {
    openapi: "3.1.1",
    info: {
      title: "Switchyard agent runner proxy",
      version: "1.0.0",
      description:
        'Netlify Agent Runners for one site, through a key minted on the Settings page. Every call needs `Authorization: Bearer oc_…` and the scope it names; the key fixes the site, so no call takes a `site_id`. Errors are JSON `{"error", "code"}` with a stable `code`.',
    },
    servers: [{ url: `${appUrl.replace(/\/+$/, "")}/api/proxy`, description: "This Switchyard's proxy" }],
    security: [{ [securityScheme]: [] }],
    tags: usedScopes.map((scope) => ({
      name: scope,
      description: `${scopeDetails[scope].risk} risk. ${scopeDetails[scope].summary}.`,
    })),
    paths,
    components: {
      securitySchemes: {
        [securityScheme]: {
          type: "http",
          scheme: "bearer",
          bearerFormat: "oc_…",
          description:
            "An API key from Settings → API keys, for one site and the scopes chosen when it was minted.",
        },
      },
      schemas: componentSchemas(proxied.map((endpoint) => successShapes[endpoint.response])),
      responses: Object.fromEntries(proxyErrorResponses.map((response) => [response.name, response.body])),
    },
  };
}

function operationOf(endpoint: ProxiedEndpoint): OpenApiOperation {
  const { scope } = endpoint;
  const parameters = [...pathParameters(endpoint.path), ...queryParameters(endpoint)];
  return {
    operationId: endpoint.name,
    summary: endpoint.summary,
    description: [
      `Requires the \`${scope}\` scope.`,
      ...(endpoint.binding ? [bindingNotes[endpoint.binding]] : []),
    ].join(" "),
    tags: [scope],
    // OpenAPI 3.1 lets a non-OAuth scheme list the roles a call needs: here, the key's scope.
    security: [{ [securityScheme]: [scope] }],
    "x-required-scope": scope,
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(endpoint.body
      ? {
          requestBody: {
            required: true,
            content: { "application/json": { schema: jsonSchemaOf(endpoint.body) } },
          },
        }
      : {}),
    responses: {
      ...successResponse(successShapes[endpoint.response]),
      ...Object.fromEntries(
        proxyErrorResponses.map(({ status, name }) => [status, { $ref: `#/components/responses/${name}` }]),
      ),
    },
  };
}

function pathParameters(path: string): OpenApiParameter[] {
  return [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
    name: name as string,
    in: "path",
    required: true,
    schema: { type: "string", pattern: pathParameterPattern.source },
  }));
}

function queryParameters(endpoint: Endpoint): OpenApiParameter[] {
  if (!endpoint.query) return [];
  const { properties, required = [] } = jsonSchemaOf(endpoint.query);
  if (!properties) throw new Error(`The query schema of ${endpoint.name} is not an object of parameters`);
  return Object.entries(properties).map(([name, property]) => {
    const { description, ...schema } = property as JsonSchema;
    return {
      name,
      in: "query",
      required: required.includes(name),
      schema,
      ...(typeof description === "string" ? { description } : {}),
    };
  });
}

function successResponse(shape: SuccessShape): Record<string, unknown> {
  switch (shape.kind) {
    case "accepted":
      return { 202: { description: shape.description } };
    case "text":
      return {
        200: { description: shape.description, content: { "text/plain": { schema: { type: "string" } } } },
      };
    case "json": {
      const item = { $ref: `#/components/schemas/${shape.component}` };
      const schema = shape.list ? { type: "array", items: item } : item;
      return { 200: { description: shape.description, content: { "application/json": { schema } } } };
    }
  }
}
