"use client";

/** Ends this browser's session (the header's menu also offers every browser). */
export function SignOutButton({ everywhere = false }: { everywhere?: boolean }) {
  async function signOut() {
    await fetch(everywhere ? "/api/session/sign-out-everywhere" : "/api/session/sign-out", {
      method: "POST",
    });
    // A full load, not a client navigation: nothing of the signed-in pages (their cached runs,
    // the header) stays in memory, and no refresh can race the navigation and land back on "/".
    window.location.assign("/sign-in");
  }
  return (
    <button
      type="button"
      onClick={() => void signOut()}
      className="whitespace-nowrap rounded-md px-2 py-1 text-sm text-ink-muted hover:bg-surface-muted hover:text-ink"
    >
      {everywhere ? "Sign out everywhere" : "Sign out"}
    </button>
  );
}
