"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";

async function postJson(path: string, body?: unknown): Promise<string | undefined> {
  const response = await fetch(path, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.ok) return undefined;
  const answer = (await response.json().catch(() => ({}))) as { error?: string };
  return answer.error ?? "Signing in failed. Try again.";
}

/** The ways in: Netlify OAuth, a personal access token, and in demo mode one click. */
export function SignInPanel({
  demo,
  oauthAvailable,
  failure,
}: {
  demo: boolean;
  oauthAvailable: boolean;
  failure: string | undefined;
}) {
  const router = useRouter();
  const [error, setError] = useState(failure);
  const [busy, setBusy] = useState(false);

  async function signIn(path: string, body?: unknown) {
    setBusy(true);
    setError(undefined);
    const problem = await postJson(path, body);
    setBusy(false);
    if (problem) return setError(problem);
    router.replace("/");
    router.refresh();
  }

  function submitToken(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const token = new FormData(event.currentTarget).get("token");
    void signIn("/api/auth/token", { token: typeof token === "string" ? token : "" });
  }

  const button =
    "inline-flex h-10 w-full items-center justify-center rounded-lg px-4 text-sm font-medium disabled:opacity-60";
  return (
    <section aria-labelledby="sign-in-heading" className="mx-auto flex max-w-sm flex-col gap-6 py-8">
      <header className="flex flex-col gap-1 text-center">
        <h1 id="sign-in-heading" className="text-2xl font-semibold tracking-tight">
          Sign in to Switchyard
        </h1>
        <p className="text-sm text-ink-muted">Your agent runs, with your Netlify account.</p>
      </header>
      {error ? (
        <p role="alert" className="rounded-lg bg-warn-soft px-3 py-2 text-sm text-warn-ink">
          {error}
        </p>
      ) : null}
      {demo ? (
        <button
          type="button"
          disabled={busy}
          onClick={() => void signIn("/api/auth/demo")}
          className={`${button} bg-accent text-accent-ink`}
        >
          Continue as the demo user
        </button>
      ) : null}
      {oauthAvailable ? (
        <form action="/api/auth/netlify/start" method="get">
          <button type="submit" className={`${button} border border-border bg-surface`}>
            Sign in with Netlify
          </button>
        </form>
      ) : null}
      <form
        onSubmit={submitToken}
        className="flex flex-col gap-2 rounded-xl border border-border bg-surface p-4"
      >
        <h2 className="text-sm font-medium">Use a personal access token</h2>
        <label htmlFor="netlify-token" className="text-xs text-ink-muted">
          Netlify personal access token
        </label>
        <input
          id="netlify-token"
          name="token"
          type="password"
          autoComplete="off"
          required
          maxLength={500}
          className="h-9 rounded-md border border-border bg-canvas px-2 text-sm"
        />
        <button type="submit" disabled={busy} className={`${button} h-9 border border-border`}>
          Sign in with token
        </button>
        <p className="text-xs text-ink-muted">
          Create one in Netlify under User settings → Applications. It is checked with Netlify, then kept
          encrypted.
        </p>
      </form>
    </section>
  );
}
