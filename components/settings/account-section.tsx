import { SignOutButton } from "@/components/auth/sign-out-button";

/** Who is signed in, with their role, and the way to end every session of theirs at once. */
export function AccountSection({ name, email, role }: { name: string; email: string; role: string }) {
  return (
    <section
      aria-labelledby="account-heading"
      className="flex flex-col gap-3 rounded-xl border border-border bg-surface p-5"
    >
      <h2 id="account-heading" className="font-medium">
        Your account
      </h2>
      <p className="text-sm">
        {name} <span className="text-ink-muted">({email})</span>, signed in as{" "}
        <span className="font-medium">{role}</span>.
      </p>
      <div className="flex flex-wrap items-center gap-3 text-sm text-ink-muted">
        <span>Lost a device, or signed in somewhere you should not have?</span>
        <SignOutButton everywhere />
      </div>
    </section>
  );
}
