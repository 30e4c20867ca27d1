"use client";

import { useQuery } from "@tanstack/react-query";
import { SectionLoadError, SectionNote } from "@/components/ui/section-note";
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
  if (people.isPending) return <SectionNote status>Loading people…</SectionNote>;
  if (people.isError)
    return (
      <SectionLoadError onRetry={() => void people.refetch()}>
        Could not load the people: {people.error.message}
      </SectionLoadError>
    );
  if (people.data.length === 0) return <SectionNote>No one has signed in yet.</SectionNote>;
  const heading = "px-5 py-2 font-medium";
  return (
    <div className="relative overflow-x-auto">
      {/* Wider than a phone: the table scrolls on its own, the page does not. */}
      <div className="relative overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead className="text-xs text-ink-muted">
            <tr>
              {["Name", "Email", "Role", "Status"].map((title) => (
                <th key={title} scope="col" className={heading}>
                  {title}
                </th>
              ))}
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
    </div>
  );
}
