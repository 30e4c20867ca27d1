import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { advance } from "./agent";
import { applyAnswerFault } from "./answer-faults";
import { FaultInjector } from "./faults";
import { readJsonBody, type SimContext, SimHttpError, type SimResponse } from "./http";
import { loggedHeaders, RequestLog } from "./request-log";
import { matchRoute } from "./router";
import { handleControl } from "./routes/control";
import { DEMO_OAUTH_CLIENT, type OAuthClient, OAuthProvider } from "./routes/oauth";
import { createSimState, type SeedName } from "./state";
import type { SimStore } from "./store";

export interface SimulatorOptions {
  port?: number;
  host?: string;
  /** The bearer token the seeded account accepts; random when absent. */
  token?: string;
  seed?: SeedName;
  /** Clock factor: 1 real time, 10 ten times faster, 0 frozen (time moves only through /__sim/clock). */
  speed?: number;
  randomSeed?: number;
  /** The demo seed's simulated team (default on with the demo seed); off for tests that count runners. */
  team?: boolean;
  oauthClients?: OAuthClient[];
}

export interface NetlifySimulator {
  origin: string;
  /** Base URL of the API, as NETLIFY_API_URL expects it. */
  apiUrl: string;
  token: string;
  readonly store: SimStore;
  readonly log: RequestLog;
  readonly faults: FaultInjector;
  /** Starts over; the team setting stays as it was unless given. */
  reset(seed?: SeedName, team?: boolean): void;
  stop(): Promise<void>;
}

const API_PREFIX = "/api/v1";
const GET_CACHE_LIMIT = 2_000;

/** Starts the Netlify API simulator on a local port (0 picks a free one). */
export async function startSimulator(options: SimulatorOptions = {}): Promise<NetlifySimulator> {
  const token = options.token ?? `sim_${randomBytes(16).toString("hex")}`;
  const stateOptions = {
    token,
    seed: options.seed ?? "demo",
    speed: options.speed ?? 1,
    randomSeed: options.randomSeed ?? 42,
    team: options.team ?? (options.seed ?? "demo") === "demo",
  };
  const oauthClients = options.oauthClients ?? [DEMO_OAUTH_CLIENT];
  let store = createSimState(stateOptions);
  let oauth = new OAuthProvider(store, oauthClients);
  const faults = new FaultInjector();
  const log = new RequestLog();
  // GET responses are a pure function of (token, URL, store version): cache them per version.
  const getCache = new Map<string, { version: number; response: SimResponse }>();
  const sockets = new Set<Socket>();
  // The bodies API handlers read, for the request log.
  const readBodies = new WeakMap<IncomingMessage, Record<string, unknown>>();
  let origin = "";

  const simulator: NetlifySimulator = {
    origin: "",
    apiUrl: "",
    token,
    get store() {
      return store;
    },
    log,
    faults,
    reset(seed = stateOptions.seed, team = stateOptions.team) {
      // The team setting sticks: a later reset without one keeps it.
      stateOptions.team = team;
      store = createSimState({ ...stateOptions, seed });
      oauth = new OAuthProvider(store, oauthClients);
      getCache.clear();
      faults.clear();
      log.clear();
    },
    stop: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };

  const handleApi = async (
    request: IncomingMessage,
    path: string,
    query: URLSearchParams,
  ): Promise<SimResponse> => {
    const bearer = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? "")?.[1]?.trim();
    const user = store.userForToken(bearer);
    if (!user) return { status: 401, body: { error: "Unauthorized" } };
    const method = request.method ?? "GET";
    const match = matchRoute(method, path.slice(API_PREFIX.length) || "/");
    if (match.kind === "not_found") return { status: 404, body: { error: "Not found" } };
    if (match.kind === "method_not_allowed") {
      return {
        status: 405,
        body: { error: "Method not allowed" },
        headers: { Allow: match.allow.join(", ") },
      };
    }
    advance(store);
    const cacheKey = method === "GET" ? `${bearer} ${path}?${query}` : "";
    const cached = cacheKey ? getCache.get(cacheKey) : undefined;
    if (cached && cached.version === store.version) return cached.response;
    const body = method === "GET" || method === "DELETE" ? undefined : await readJsonBody(request);
    if (body) readBodies.set(request, body);
    const ctx: SimContext = { store, user, params: match.params, query, body: body ?? {}, origin, request };
    const response = await match.handler(ctx);
    if (cacheKey && response.status === 200) {
      if (getCache.size >= GET_CACHE_LIMIT) getCache.clear();
      // Encode once: re-encoding a 100-runner page on every hit costs more than serving it.
      const { payload, headers } = encodeBody(response);
      const encoded = { ...response, body: payload, headers };
      getCache.set(cacheKey, { version: store.version, response: encoded });
      return encoded;
    }
    return response;
  };

  /** The answer to a request, "hang" for none, and how long to hold its body back. */
  const route = async (
    request: IncomingMessage,
    url: URL,
  ): Promise<SimResponse | "hang" | { answer: SimResponse; bodyDelayMs: number }> => {
    const path = url.pathname;
    const method = request.method ?? "GET";
    if (path.startsWith("/__sim/"))
      return handleControl({ store, faults, log, token, reset: simulator.reset }, method, path, request);
    if (path === "/authorize" && method === "GET") return oauth.authorizePage(url.searchParams);
    if (path === "/authorize" && method === "POST") return oauth.approve(request);
    if (path === "/oauth/token" && method === "POST") return oauth.token(request);
    if (path !== API_PREFIX && !path.startsWith(`${API_PREFIX}/`))
      return { status: 404, body: { error: "Not found" } };
    const fault = faults.decide(path.slice(API_PREFIX.length), () => store.random.next());
    if (fault.kind === "hang") return "hang";
    const delay = fault.kind === "delay" ? fault.ms : fault.kind === "none" ? 0 : fault.delayMs;
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    if (fault.kind === "redirect") return { status: 307, headers: { location: fault.location } };
    let answer: SimResponse;
    if (fault.kind === "error") {
      const headers: Record<string, string> =
        fault.status === 429 || fault.status === 503 ? { "Retry-After": "1" } : {};
      answer = { status: fault.status, body: fault.body ?? { error: "Simulated upstream failure" }, headers };
    } else {
      answer = await handleApi(request, path, url.searchParams);
    }
    return { answer: applyAnswerFault(answer, fault.answer), bodyDelayMs: fault.answer?.bodyDelayMs ?? 0 };
  };

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const started = performance.now();
    let url: URL;
    try {
      url = new URL(request.url ?? "/", "http://sim.invalid");
    } catch {
      send(response, { status: 400, body: { error: "Bad request" } });
      return;
    }
    route(request, url)
      .catch(
        (error: unknown): SimResponse =>
          error instanceof SimHttpError
            ? { status: error.status, body: { error: error.message, ...error.extra } }
            : { status: 500, body: { error: "Internal server error" } },
      )
      .then((routed) => {
        const logRequest = (status: number) =>
          log.add({
            method: request.method ?? "GET",
            path: url.pathname,
            query: url.search,
            status,
            durationMs: Math.round((performance.now() - started) * 10) / 10,
            at: new Date().toISOString(),
            authenticated: Boolean(request.headers.authorization),
            headers: loggedHeaders(request.headers),
            ...(readBodies.has(request) ? { body: readBodies.get(request) } : {}),
          });
        if (routed === "hang") {
          // Logged once the client gives up, so a test sees that the connection was closed.
          response.once("close", () => logRequest(499));
          return;
        }
        const { answer: result, bodyDelayMs } =
          "answer" in routed ? routed : { answer: routed, bodyDelayMs: 0 };
        // A body left unread (a 413, an early error) would corrupt the next request on this socket.
        send(
          response,
          request.complete ? result : { ...result, headers: { ...result.headers, connection: "close" } },
          bodyDelayMs,
        );
        logRequest(result.status);
      });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  // Malformed HTTP must not take the process down; answer it like any other bad request.
  server.on("clientError", (_error, socket) => {
    const body = JSON.stringify({ error: "Bad request" });
    if (socket.writable) {
      socket.end(
        `HTTP/1.1 400 Bad Request\r\ncontent-type: application/json\r\ncontent-length: ${body.length}\r\nconnection: close\r\n\r\n${body}`,
      );
    } else socket.destroy();
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("simulator has no TCP address");
  origin = `http://${options.host && options.host !== "0.0.0.0" ? options.host : "127.0.0.1"}:${address.port}`;
  simulator.origin = origin;
  simulator.apiUrl = `${origin}${API_PREFIX}`;
  return simulator;
}

function encodeBody(result: SimResponse): { payload: Buffer; headers: Record<string, string> } {
  if (Buffer.isBuffer(result.body)) return { payload: result.body, headers: { ...result.headers } };
  const headers: Record<string, string> = { ...result.headers };
  let text = "";
  if (typeof result.body === "string") text = result.body;
  else if (result.body !== undefined) {
    text = JSON.stringify(result.body);
    headers["content-type"] ??= "application/json; charset=utf-8";
  }
  const payload = Buffer.from(text);
  headers["content-length"] = String(payload.length);
  return { payload, headers };
}

function send(response: ServerResponse, result: SimResponse, bodyDelayMs = 0): void {
  if (response.headersSent || response.destroyed) return;
  const { payload, headers } = encodeBody(result);
  response.writeHead(result.status, headers);
  if (bodyDelayMs <= 0) {
    response.end(payload);
    return;
  }
  response.flushHeaders();
  setTimeout(() => {
    if (!response.destroyed) response.end(payload);
  }, bodyDelayMs);
}
