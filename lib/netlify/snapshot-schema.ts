import { z } from "zod";
import { netlifyRunnerSchema, netlifySessionSchema } from "./schemas";
import { nullableString, openString } from "./wire-primitives";

export const activityStates = ["active", "idle", "terminal"] as const;
export type ActivityState = (typeof activityStates)[number];

/** A deploy of the run, as the snapshot lists it. */
export const netlifyRunDeploySchema = z.looseObject({
  id: z.string(),
  state: z.string(),
  deploy_ssl_url: nullableString.optional(),
  context: nullableString.optional(),
  error_message: nullableString.optional(),
});
export type NetlifyRunDeploy = z.infer<typeof netlifyRunDeploySchema>;

/** `GET /agent_runners/{id}/snapshot` (§7.4): the whole run in one answer. */
export const netlifyRunnerSnapshotSchema = z.looseObject({
  /** Grows on every change of the run: a cheap change detector. */
  state_version: z.number().int(),
  activity_state: openString<ActivityState>(),
  agent_runner: netlifyRunnerSchema,
  /** Oldest first. */
  sessions: z.array(netlifySessionSchema),
  deploys: z.array(netlifyRunDeploySchema).default([]),
});
export type NetlifyRunnerSnapshot = z.infer<typeof netlifyRunnerSnapshotSchema>;
