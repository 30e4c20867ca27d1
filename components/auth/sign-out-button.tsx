"use client";

import { useRouter } from "next/navigation";

/** Ends this browser's session (the header's menu also offers every browser). */
export function SignOutButton({ everywhere = false }: { everywhere?: boolean }) {
  const router = useRouter();
  async function signOut() {
    await fetch(everywhere ? "/api/session/sign-out-everywhere" : "/api/session/sign-out", {
      method: "POST",
    });
    router.replace("/sign-in");
    router.refresh();
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
