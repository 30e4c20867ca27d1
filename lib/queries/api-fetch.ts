/** An API error as the browser sees it: the server's message for people and its stable code. */
export class ApiRequestError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string | undefined,
  ) {
    super(message);
    this.name = "ApiRequestError";
  }
}

/**
 * Calls one of the app's own JSON endpoints from the browser. Same-origin, so the session cookie
 * and the Origin header (the CSRF check) go along by themselves; a non-2xx answer throws with
 * the server's `{error, code}`.
 */
export async function apiFetch<T>(
  path: string,
  init: { method?: string; body?: unknown; signal?: AbortSignal } = {},
): Promise<T> {
  const response = await fetch(path, {
    method: init.method ?? "GET",
    signal: init.signal,
    headers: init.body === undefined ? undefined : { "content-type": "application/json" },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  if (response.status === 204) return undefined as T;
  const answer = (await response.json().catch(() => ({}))) as { error?: string; code?: string };
  if (!response.ok)
    throw new ApiRequestError(
      answer.error ?? `The request failed (${response.status}).`,
      response.status,
      answer.code,
    );
  return answer as T;
}
