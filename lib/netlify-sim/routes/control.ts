import type { IncomingMessage } from "node:http";
import { z } from "zod";
import { advance } from "../agent";
import { iso } from "../clock";
import type { FaultInjector } from "../faults";
import { decodeSegment, MAX_BODY_BYTES, readJsonBody, type SimResponse } from "../http";
import type { RequestLog } from "../request-log";
import { seedAccount, seedBulk, seedSite } from "../seed";
import { siteWire } from "../serialize";
import type { SeedName } from "../state";
import type { SimStore } from "../store";
import { handleScenarioControl } from "./control-scenarios";

/** What the control API needs from the running simulator. */
export interface ControlTarget {
  store: SimStore;
  faults: FaultInjector;
  log: RequestLog;
  token: string;
  reset(seed: SeedName, team?: boolean): void;
}

const faultSchema = z.object({
  pathPrefix: z.string().startsWith("/").optional(),
  latencyMs: z.number().int().min(0).max(600_000).optional(),
  errorRate: z.number().min(0).max(1).optional(),
  errorStatus: z.number().int().min(400).max(599).optional(),
  errorBody: z.unknown().optional(),
  hang: z.boolean().optional(),
  redirectTo: z.url().optional(),
  headers: z.record(z.string(), z.string()).optional(),
  gzip: z.boolean().optional(),
  siteId: z.string().optional(),
  bodyDelayMs: z.number().int().min(0).max(600_000).optional(),
  count: z.number().int().min(1).optional(),
});

const schemas = {
  reset: z.object({ seed: z.enum(["demo", "empty"]).default("demo"), team: z.boolean().optional() }),
  seed: z.object({
    runners: z.number().int().min(0).max(200_000),
    sites: z.number().int().min(1).max(1_000).default(1),
    /** Finished sessions per runner: the first prompt and its follow-ups. */
    sessions: z.number().int().min(1).max(20).default(1),
    token: z.string().optional(),
  }),
  account: z.object({
    token: z.string().min(1),
    account_name: z.string().min(1).optional(),
    user_name: z.string().min(1).optional(),
    sites: z
      .array(z.object({ name: z.string().min(1), code_origin: z.enum(["github", "netlify-git", "zip"]) }))
      .default([]),
  }),
  faults: z.union([z.array(faultSchema), faultSchema.transform((plan) => [plan])]),
  clock: z.object({ advance_ms: z.number().int().min(0) }),
};

export const bad = (error: string): SimResponse => ({ status: 400, body: { error } });

export async function parse<T>(request: IncomingMessage, schema: z.ZodType<T>): Promise<T | SimResponse> {
  const result = schema.safeParse(await readJsonBody(request));
  return result.success
    ? result.data
    : bad(result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; "));
}

export const isResponse = (value: unknown): value is SimResponse =>
  typeof value === "object" &&
  value !== null &&
  "status" in value &&
  typeof (value as SimResponse).status === "number";

/** /__sim/* — test and benchmark controls. Not part of Netlify's API. */
export async function handleControl(
  target: ControlTarget,
  method: string,
  path: string,
  request: IncomingMessage,
): Promise<SimResponse> {
  const { store } = target;
  const route = `${method} ${path.startsWith("/__sim/uploads/") ? "/__sim/uploads/*" : path}`;
  switch (route) {
    case "POST /__sim/reset": {
      const input = await parse(request, schemas.reset);
      if (isResponse(input)) return input;
      target.reset(input.seed, input.team);
      return { status: 200, body: { ok: true, seed: input.seed } };
    }
    case "POST /__sim/seed": {
      const input = await parse(request, schemas.seed);
      if (isResponse(input)) return input;
      const user = store.userForToken(input.token ?? target.token);
      if (!user) return bad("unknown token");
      const started = performance.now();
      const sites = seedBulk(store, user, input);
      return {
        status: 200,
        body: {
          sites: sites.map((site) => site.id),
          runners: input.runners,
          ms: Math.round(performance.now() - started),
        },
      };
    }
    case "POST /__sim/accounts": {
      const input = await parse(request, schemas.account);
      if (isResponse(input)) return input;
      if (store.tokens.has(input.token)) return bad("token already in use");
      const user = seedAccount(store, {
        token: input.token,
        accountName: input.account_name,
        userName: input.user_name,
      });
      const sites = input.sites.map((site) => seedSite(store, user, site.name, site.code_origin));
      return {
        status: 200,
        body: {
          user_id: user.id,
          account_id: user.accountIds[0],
          sites: sites.map((site) => siteWire(store, site)),
        },
      };
    }
    case "GET /__sim/faults":
      return { status: 200, body: target.faults.list() };
    case "PUT /__sim/faults": {
      const input = await parse(request, schemas.faults);
      if (isResponse(input)) return input;
      target.faults.set(input);
      return { status: 200, body: target.faults.list() };
    }
    case "DELETE /__sim/faults":
      target.faults.clear();
      return { status: 204 };
    case "GET /__sim/clock":
      return { status: 200, body: { now: iso(store.clock.now()), speed: store.clock.factor } };
    case "POST /__sim/clock": {
      const input = await parse(request, schemas.clock);
      if (isResponse(input)) return input;
      advance(store, store.clock.advance(input.advance_ms));
      return { status: 200, body: { now: iso(store.clock.now()) } };
    }
    case "GET /__sim/requests":
      return { status: 200, body: target.log.list() };
    case "DELETE /__sim/requests":
      target.log.clear();
      return { status: 204 };
    case "PUT /__sim/uploads/*":
      return receiveUpload(store, path.slice("/__sim/uploads/".length), request);
    case "DELETE /__sim/uploads/*":
      return store.uploads.delete(decodeSegment(path.slice("/__sim/uploads/".length)))
        ? { status: 204 }
        : { status: 404, body: { error: "Not found" } };
    default:
      return (
        (await handleScenarioControl(target, method, path, request)) ?? {
          status: 404,
          body: { error: "Not found" },
        }
      );
  }
}

/** The signed-URL upload target: the client PUTs the file with its Content-Type. */
async function receiveUpload(
  store: SimStore,
  rawKey: string,
  request: IncomingMessage,
): Promise<SimResponse> {
  const key = decodeSegment(rawKey);
  const upload = store.uploads.get(key);
  if (!upload) return { status: 403, body: { error: "Unknown or expired upload URL" } };
  let bytes = 0;
  for await (const chunk of request) {
    bytes += (chunk as Buffer).length;
    if (bytes > 10 * MAX_BODY_BYTES) return { status: 413, body: { error: "File too large" } };
  }
  upload.bytes = bytes;
  upload.contentType = request.headers["content-type"] ?? upload.contentType;
  return { status: 200 };
}
