import type { z } from "zod";
import { ApiError } from "./api-error";

/** Where the input came from; named in the message so the caller knows what to fix. */
export type InputPart = "request body" | "query string" | "path";

const maxListedIssues = 5;

/**
 * Validates `input` against `schema`, or throws the ApiError that explains what is wrong. The
 * contract splits the statuses: a query string or a body of the wrong shape (a missing field, not
 * an object) is a 400 `BAD_REQUEST`; a complete body with an unacceptable value is a 422
 * `VALIDATION_FAILED`.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, part: InputPart): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw invalidInputError(result.error, input, part);
}

/** The query string as an object: a repeated parameter becomes an array, as a schema can then refuse. */
export function queryObject(searchParams: URLSearchParams): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const name of new Set(searchParams.keys())) {
    const values = searchParams.getAll(name);
    query[name] = values.length === 1 ? (values[0] as string) : values;
  }
  return query;
}

/**
 * The message names each field and what it expects, never what was sent: zod's own messages
 * state expected and received *types* only, and values may be secrets pasted in the wrong field.
 */
export function invalidInputError(error: z.ZodError, input: unknown, part: InputPart): ApiError {
  const missing = error.issues.filter(
    (issue) => issue.path.length > 0 && valueAt(input, issue.path) === undefined,
  );
  const wrongShape =
    part === "query string" || missing.length > 0 || error.issues.some((i) => i.path.length === 0);
  const described = error.issues
    .slice(0, maxListedIssues)
    .map((issue) => (missing.includes(issue) ? `${fieldName(issue.path)} is required` : describe(issue)));
  const more = error.issues.length - described.length;
  if (more > 0) described.push(`and ${more} more`);
  const message = `The ${part} is invalid: ${described.join("; ")}.`;
  return new ApiError(wrongShape ? "BAD_REQUEST" : "VALIDATION_FAILED", message);
}

function describe(issue: z.core.$ZodIssue): string {
  return issue.path.length === 0 ? issue.message : `${fieldName(issue.path)}: ${issue.message}`;
}

/** `scopes[1]`, `options.mode`: how a reader of the JSON would point at the field. */
function fieldName(path: readonly PropertyKey[]): string {
  return path
    .map((segment, index) => {
      if (typeof segment === "number") return `[${segment}]`;
      const name = String(segment);
      return index === 0 ? name : `.${name}`;
    })
    .join("");
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const segment of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[segment];
  }
  return value;
}
