import { z } from "zod";
import { apiErrorCodes } from "@/lib/http/error-codes";
import type { ApiErrorBody } from "@/lib/http/response";
import type { ResponseKind } from "@/lib/netlify/endpoints";
import {
  deleteUrlSchema,
  diffUploadUrlsSchema,
  netlifyAccountSchema,
  netlifyRunnerSchema,
  netlifySessionSchema,
  netlifySiteSchema,
  netlifyUserSchema,
  uploadUrlSchema,
} from "@/lib/netlify/schemas";
import { netlifyRunnerSnapshotSchema } from "@/lib/netlify/snapshot-schema";

/*
 * The JSON Schemas of the OpenAPI document, generated from the zod schemas the proxy and the
 * client validate with, so the document cannot describe a shape the code does not accept.
 */

export type JsonSchema = z.core.JSONSchema.BaseSchema;

/** How an endpoint answers when it succeeds: a JSON body (one object or a list), 202 without one, or text. */
export type SuccessShape =
  | { kind: "json"; description: string; component: string; schema: z.ZodType; list: boolean }
  | { kind: "accepted"; description: string }
  | { kind: "text"; description: string };

const json = (component: string, schema: z.ZodType, description: string, list = false): SuccessShape => ({
  kind: "json",
  component,
  schema,
  description,
  list,
});

/** Every response kind of the manifest; the type makes a new kind fail to compile until it is described here. */
export const successShapes: Record<ResponseKind, SuccessShape> = {
  runner: json("Runner", netlifyRunnerSchema, "The runner."),
  runners: json("Runner", netlifyRunnerSchema, "One page of runners.", true),
  session: json("Session", netlifySessionSchema, "The session."),
  sessions: json("Session", netlifySessionSchema, "One page of sessions.", true),
  snapshot: json("Snapshot", netlifyRunnerSnapshotSchema, "The runner with its sessions and deploys."),
  accepted: { kind: "accepted", description: "Accepted: the work goes on in the background." },
  diff: { kind: "text", description: "A unified diff." },
  upload_url: json("UploadUrl", uploadUrlSchema, "Where to PUT the file, and the key to attach it by."),
  delete_url: json("DeleteUrl", deleteUrlSchema, "Where to send the DELETE for the file."),
  diff_upload_urls: json("DiffUploadUrls", diffUploadUrlsSchema, "Where to upload each of the two diffs."),
  site: json("Site", netlifySiteSchema, "The site."),
  sites: json("Site", netlifySiteSchema, "The sites.", true),
  user: json("User", netlifyUserSchema, "The user."),
  accounts: json("Account", netlifyAccountSchema, "The accounts.", true),
};

/** The body of every error answer (`lib/http/response.ts`); typed against it so the two cannot drift. */
export const errorBodySchema: z.ZodType<ApiErrorBody> = z.object({
  error: z.string().describe("What went wrong, for a person to read."),
  code: z
    .enum(apiErrorCodes)
    .describe("Stable: scripts branch on it. Never renamed or moved to another status."),
  error_code: z
    .string()
    .optional()
    .describe("Netlify's own error code (e.g. `active_session_exists`), when the error came from Netlify."),
});

const conversion: z.core.ToJSONSchemaParams = {
  // Both what a caller sends and what Netlify answers are the input side of a schema: defaults,
  // coercions and transforms apply only after parsing.
  io: "input",
  // A `.catch` is a fallback for a malformed value (an interaction the agent garbled); the reader
  // needs the shape it expects, which is its inner schema. Anything else unrepresentable is a bug.
  unrepresentable: ({ zodSchema }) => (zodSchema._zod.def.type === "catch" ? "any" : "throw"),
  override: ({ jsonSchema }) => {
    // `format: date-time` says it; zod's own regex for it would repeat on every timestamp.
    if (jsonSchema.format === "date-time") delete jsonSchema.pattern;
  },
};

/** A request or parameter schema, inline (no `$schema`: the document's dialect applies). */
export function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, conversion);
  return rest;
}

/**
 * The named schemas (`components.schemas`): `Error` and those of the success shapes given.
 * Generated together, so a schema that contains another (a snapshot's runner) refers to it.
 */
export function componentSchemas(shapes: readonly SuccessShape[]): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  registry.add(errorBodySchema, { id: "Error" });
  for (const shape of shapes) {
    if (shape.kind === "json" && !registry.has(shape.schema))
      registry.add(shape.schema, { id: shape.component });
  }
  const { schemas } = z.toJSONSchema(registry, { ...conversion, uri: (id) => `#/components/schemas/${id}` });
  return Object.fromEntries(
    Object.entries(schemas).map(([id, { $schema: _dialect, $id: _id, ...schema }]) => [id, schema]),
  );
}
