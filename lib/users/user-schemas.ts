import { z } from "zod";
import { type User, userRoles, userStatuses } from "@/db/schema";

/*
 * The users API's shapes, in and out. The output is parsed from the row, so a column that is not
 * listed here (the Netlify user id, anything added later) cannot reach a browser; Netlify tokens
 * live in another table and are never read here at all.
 */

/** `PATCH /api/users/{userId}`: approve (`status: "active"`) and/or change the role, at least one. */
export const updateUserInputSchema = z
  .strictObject({
    role: z.enum(userRoles).optional(),
    status: z.literal("active").optional(),
  })
  .refine((change) => change.role !== undefined || change.status !== undefined, {
    message: "Send a role, a status, or both",
  });
export type UpdateUserInput = z.infer<typeof updateUserInputSchema>;

export const userOutputSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  fullName: z.string().nullable(),
  avatarUrl: z.string().nullable(),
  role: z.enum(userRoles),
  status: z.enum(userStatuses),
  lastSeenAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export type UserOutput = z.infer<typeof userOutputSchema>;

export function toUserOutput(user: User): UserOutput {
  return userOutputSchema.parse({
    ...user,
    lastSeenAt: user.lastSeenAt?.toISOString() ?? null,
    createdAt: user.createdAt.toISOString(),
  });
}

/** What the browser may know about the person signed in (`GET /api/session`, the sign-in answers). */
export const sessionUserSchema = userOutputSchema.pick({
  id: true,
  email: true,
  fullName: true,
  avatarUrl: true,
  role: true,
  status: true,
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

export const toSessionUser = (user: User): SessionUser => sessionUserSchema.parse(user);
