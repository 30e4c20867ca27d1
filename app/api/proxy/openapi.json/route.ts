import { env } from "@/lib/env";
import { otherMethods, withRoute } from "@/lib/http";
import { proxyOpenApiDocument } from "@/lib/proxy/openapi";

export const dynamic = "force-dynamic";

// Public and built once per process: the manifest and APP_URL cannot change while it runs.
let document: string | undefined;

// GET /api/proxy/openapi.json — the proxy's OpenAPI 3.1 document, derived from the endpoint manifest; no key needed
export const GET = withRoute(() => {
  document ??= JSON.stringify(proxyOpenApiDocument(env().appUrl));
  return new Response(document, { headers: { "Content-Type": "application/json" } });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
