import type { HttpMethod } from "./config";
import { type Endpoint, type EndpointName, netlifyEndpoints } from "./endpoints";

/**
 * An id in a path: letters, digits, `_` and `-` only. Stricter than RFC 3986's unreserved set on
 * purpose: `.` (dot segments), `%` (encoded slashes, NULs, overlong UTF-8), `;` and `\` never
 * name an endpoint, so they can never reach one by how a parser normalizes them.
 */
export const pathParameterPattern = /^[A-Za-z0-9_-]{1,128}$/;

export type EndpointMatch =
  | { kind: "found"; endpoint: Endpoint; params: Record<string, string> }
  | { kind: "method_not_allowed"; allow: HttpMethod[] }
  | { kind: "not_found" };

interface CompiledTemplate {
  segments: string[];
  literals: number;
  byMethod: Map<string, Endpoint>;
}

/** Templates grouped once, so a path is matched against each template a single time. */
export function compileEndpoints(endpoints: readonly Endpoint[]): CompiledTemplate[] {
  const byPath = new Map<string, CompiledTemplate>();
  for (const endpoint of endpoints) {
    let template = byPath.get(endpoint.path);
    if (!template) {
      const segments = endpoint.path.split("/").slice(1);
      const literals = segments.filter((segment) => !segment.startsWith("{")).length;
      template = { segments, literals, byMethod: new Map() };
      byPath.set(endpoint.path, template);
    }
    template.byMethod.set(endpoint.method, endpoint);
  }
  return [...byPath.values()];
}

/**
 * The endpoint a raw (still percent-encoded) path names. Literal segments win over parameters,
 * so `/agent_runners/upload_url` is never read as a runner id. Default deny: a path no template
 * fits is `not_found`, a fitting path with another method is `method_not_allowed` with `Allow`
 * (HEAD and OPTIONS are never implied).
 */
export function matchEndpoint(
  templates: readonly CompiledTemplate[],
  method: string,
  path: string,
): EndpointMatch {
  const segments = path.split("/").slice(1);
  let best: { template: CompiledTemplate; params: Record<string, string> } | undefined;
  for (const template of templates) {
    if (template.segments.length !== segments.length) continue;
    if (best && template.literals <= best.template.literals) continue;
    const params = matchSegments(template.segments, segments);
    if (params) best = { template, params };
  }
  if (!best) return { kind: "not_found" };
  const endpoint = best.template.byMethod.get(method);
  if (!endpoint)
    return { kind: "method_not_allowed", allow: [...best.template.byMethod.keys()] as HttpMethod[] };
  return { kind: "found", endpoint, params: best.params };
}

function matchSegments(template: string[], actual: string[]): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  for (const [index, part] of template.entries()) {
    const segment = actual[index] ?? "";
    if (part.startsWith("{")) {
      if (!pathParameterPattern.test(segment)) return undefined;
      params[part.slice(1, -1)] = segment;
    } else if (part !== segment) {
      return undefined;
    }
  }
  return params;
}

type ParamsOf<Path extends string> = Path extends `${string}{${infer Name}}${infer Rest}`
  ? { [K in Name | keyof ParamsOf<Rest>]: string }
  : Record<never, string>;

/**
 * The upstream path of `name` with its parameters filled in. A value that is not a plain id is
 * refused rather than encoded: `..` or `a/b` must never climb to another endpoint.
 */
export function endpointPath<N extends EndpointName>(
  name: N,
  params: ParamsOf<(typeof netlifyEndpoints)[N]["path"]>,
): string {
  const values = params as Record<string, string>;
  return netlifyEndpoints[name].path.replace(/\{(\w+)\}/g, (_, param: string) => {
    const value = values[param] ?? "";
    if (!pathParameterPattern.test(value)) throw new InvalidPathParameterError(param);
    return value;
  });
}

export class InvalidPathParameterError extends Error {
  constructor(readonly parameter: string) {
    super(`${parameter} must be an id of letters, digits, _ or -`);
    this.name = "InvalidPathParameterError";
  }
}
