"use client";

import { useQuery } from "@tanstack/react-query";
import { usersQueryOptions } from "@/lib/queries/users";
import { UsersRow } from "./users-row";

/** Settings → Users, for admins: approve people, change roles, remove people. */
export function UsersSection({ currentUserId }: { currentUserId: string }) {
  return (
    <section aria-labelledby="users-heading" className="rounded-xl border border-border bg-surface">
      <div className="flex flex-col gap-0.5 border-b border-border px-5 py-3">
        <h2 id="users-heading" className="font-medium">
          Users
        </h2>
        <p className="text-sm text-ink-muted">
          Who may use this Switchyard. Admins manage people and all keys, members act on the board and their
          own keys, viewers only look.
        </p>
      </div>
      <UsersBody currentUserId={currentUserId} />
    </section>
  );
}

function UsersBody({ currentUserId }: { currentUserId: string }) {
  const people = useQuery(usersQueryOptions());
  const note = "px-5 py-4 text-sm";
  if (people.isPending)
    return (
      <p role="status" className={`${note} text-ink-muted`}>
        Loading people…
      </p>
    );
  if (people.isError)
    return (
      <div role="alert" className={`${note} flex flex-wrap items-center gap-3 bg-warn-soft text-warn-ink`}>
        <span>Could not load the people: {people.error.message}</span>
        <button
          type="button"
          onClick={() => void people.refetch()}
          className="h-8 rounded-md border border-current px-3 text-sm font-medium"
        >
          Try again
        </button>
      </div>
    );
  if (people.data.length === 0) return <p className={`${note} text-ink-muted`}>No one has signed in yet.</p>;
  const heading = "px-5 py-2 font-medium";
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead className="text-xs text-ink-muted">
          <tr>
            <th scope="col" className={heading}>
              Name
            </th>
            <th scope="col" className={heading}>
              Email
            </th>
            <th scope="col" className={heading}>
              Role
            </th>
            <th scope="col" className={heading}>
              Status
            </th>
            <th scope="col" className={heading}>
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-border border-t border-border">
          {people.data.map((user) => (
            <UsersRow key={user.id} user={user} isYou={user.id === currentUserId} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
