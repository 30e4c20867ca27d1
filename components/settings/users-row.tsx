"use client";

import type { UserRole } from "@/db/schema";
import { displayName, useApproveUser, useChangeRole } from "@/lib/queries/users";
import type { UserOutput } from "@/lib/users/user-schemas";
import { UsersRemoveDialog } from "./users-remove-dialog";

// A Record over the role type, so the compiler keeps it complete; the schema's list itself would
// pull Drizzle into the browser bundle.
const roleNames: Record<UserRole, string> = { admin: "Admin", member: "Member", viewer: "Viewer" };
const roles = Object.keys(roleNames) as UserRole[];

const statusBadges: Record<UserOutput["status"], { label: string; className: string }> = {
  pending: { label: "Waiting for approval", className: "bg-warn-soft text-warn-ink" },
  active: { label: "Active", className: "bg-accent-soft text-ink" },
  disabled: { label: "Removed", className: "bg-surface-muted text-ink-muted" },
};

/** One person: name, email, role (a select), status, and what an admin can do about them. */
export function UsersRow({ user, isYou }: { user: UserOutput; isYou: boolean }) {
  const name = displayName(user);
  const approve = useApproveUser();
  const changeRole = useChangeRole();
  const badge = statusBadges[user.status];
  const cell = "px-5 py-3";
  return (
    <tr>
      <th scope="row" className={`${cell} font-medium`}>
        {name}
        {isYou ? <span className="ml-1 font-normal text-ink-muted">(you)</span> : null}
      </th>
      <td className={`${cell} break-all text-ink-muted`}>{user.email}</td>
      <td className={cell}>
        <select
          aria-label={`Role of ${name}`}
          value={user.role}
          disabled={user.status === "disabled" || changeRole.isPending}
          onChange={(event) => changeRole.mutate({ user, role: event.target.value as UserRole })}
          className="h-8 rounded-md border border-border bg-canvas px-2 text-sm disabled:opacity-60"
        >
          {roles.map((role) => (
            <option key={role} value={role}>
              {roleNames[role]}
            </option>
          ))}
        </select>
      </td>
      <td className={cell}>
        <span className={`whitespace-nowrap rounded-full px-2.5 py-1 text-xs font-medium ${badge.className}`}>
          {badge.label}
        </span>
      </td>
      <td className={`${cell} text-right`}>
        <div className="flex justify-end gap-2">
          {user.status === "disabled" ? (
            <button
              type="button"
              disabled={approve.isPending}
              onClick={() => approve.mutate(user)}
              className="h-8 whitespace-nowrap rounded-md border border-border px-3 text-sm font-medium disabled:opacity-60"
            >
              Let back in<span className="sr-only"> {name}</span>
            </button>
          ) : (
            <>
              {user.status === "pending" ? (
                <button
                  type="button"
                  disabled={approve.isPending}
                  onClick={() => approve.mutate(user)}
                  className="h-8 rounded-md bg-accent px-3 text-sm font-medium text-accent-ink disabled:opacity-60"
                >
                  Approve<span className="sr-only"> {name}</span>
                </button>
              ) : null}
              <UsersRemoveDialog user={user} />
            </>
          )}
        </div>
      </td>
    </tr>
  );
}
