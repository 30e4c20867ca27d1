import "server-only";
import { z } from "zod";
import type { Database } from "@/db";
import { database } from "@/lib/database";
import { type Env, env } from "@/lib/env";
import { parseInput, queryObject, withRoute } from "@/lib/http";
import { requireBearerSecret } from "@/lib/http/bearer-secret";
import { resolveSecrets } from "@/lib/secrets";
import { syncDueSites } from "./sync-sites";

/**
 * Within Netlify's 30 s limit for scheduled functions, with room for the function's own start
 * and the answer's way back; `?budgetSeconds=` takes 1 to 60 for hosts with other limits.
 */
export const defaultCronBudgetSeconds = 20;

/** `GET|POST /api/cron/sync?budgetSeconds=` */
export const cronSyncQuerySchema = z.strictObject({
  budgetSeconds: z
    .string()
    .regex(/^\d{1,2}$/, "expected whole seconds from 1 to 60")
    .transform(Number)
    .pipe(z.number().int().min(1, "expected 1 to 60").max(60, "expected 1 to 60"))
    .optional(),
});

export interface CronSyncDependencies {
  database(): Promise<Database>;
  env(): Env;
}

const appDependencies: CronSyncDependencies = { database: async () => (await database()).db, env };

/**
 * The cron route: `Authorization: Bearer $CRON_SECRET` (401 otherwise, before anything else is
 * read), then one scheduler run within the budget, answered with its summary. Tests pass their
 * own database and environment.
 */
export function cronSyncHandler(dependencies: CronSyncDependencies = appDependencies) {
  return withRoute(
    async (request, _context, { requestId, log }) => {
      const query = parseInput(
        cronSyncQuerySchema,
        queryObject(request.nextUrl.searchParams),
        "query string",
      );
      const budgetMs = (query.budgetSeconds ?? defaultCronBudgetSeconds) * 1000;
      const summary = await syncDueSites(await dependencies.database(), dependencies.env(), {
        deadline: Date.now() + budgetMs,
        owner: `cron:${requestId}`,
        log,
      });
      log.info({ sites: summary.sites, totals: summary.totals, durationMs: summary.durationMs }, "cron sync");
      return Response.json(summary);
    },
    {
      authorize(request) {
        requireBearerSecret(request, resolveSecrets(dependencies.env()).cronSecret);
        return {};
      },
    },
  );
}
