import { SignOutButton } from "./sign-out-button";

/** For a person signed in whose account an admin has yet to approve (or has disabled). */
export function WaitingForApproval({ email, status }: { email: string; status: string }) {
  return (
    <section
      aria-labelledby="waiting-heading"
      className="mx-auto flex max-w-md flex-col gap-4 py-8 text-center"
    >
      <h1 id="waiting-heading" className="text-2xl font-semibold tracking-tight">
        {status === "pending" ? "Waiting for approval" : "Account disabled"}
      </h1>
      <p className="text-sm text-ink-muted">
        {status === "pending"
          ? `You are signed in as ${email}. An admin of this Switchyard has to approve your account before you can see the board.`
          : `The account ${email} was disabled by an admin.`}
      </p>
      <div className="mx-auto flex gap-2">
        <SignOutButton />
        <SignOutButton everywhere />
      </div>
    </section>
  );
}
