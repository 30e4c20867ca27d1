import type { HttpMethod } from "./config";
import { endpointPath, InvalidPathParameterError } from "./endpoint-match";
import { type EndpointName, netlifyEndpoints } from "./endpoints";
import { NetlifyApiError } from "./errors";

export interface UpstreamRequest {
  method: HttpMethod;
  path: string;
}

type PathParams<N extends EndpointName> = Parameters<typeof endpointPath<N>>[1];

/**
 * The method and filled-in path of a manifest endpoint, so the client never spells either out.
 * An id that could not be a path segment fails here, before anything is sent, as the same 400
 * `invalid_path` NetlifyApiError every other client failure is.
 */
export function upstreamRequest<N extends EndpointName>(name: N, params: PathParams<N>): UpstreamRequest {
  try {
    return { method: netlifyEndpoints[name].method, path: endpointPath(name, params) };
  } catch (error) {
    if (!(error instanceof InvalidPathParameterError)) throw error;
    throw new NetlifyApiError({ status: 400, errorCode: "invalid_path", message: error.message });
  }
}
