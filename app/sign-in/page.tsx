import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { SignInPanel } from "@/components/auth/sign-in-panel";
import { WaitingForApproval } from "@/components/auth/waiting-for-approval";
import { currentUser } from "@/lib/auth/current-user";
import { netlifyOAuthSettings } from "@/lib/auth/netlify-oauth";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "Sign in" };

/** What each failed "Sign in with Netlify" comes back as (`?error=`), in words. */
const oauthFailures: Record<string, string> = {
  state: "That sign-in link expired or was already used. Start again.",
  denied: "Netlify did not authorize Switchyard. Try again, or use a personal access token.",
  exchange: "Netlify did not complete the sign-in (the code expired or was already used). Start again.",
  rejected: "Netlify did not accept the sign-in. Try again, or use a personal access token.",
};

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  await connection();
  const user = await currentUser();
  if (user?.status === "active") redirect("/");
  if (user) return <WaitingForApproval email={user.email} status={user.status} />;
  const { error } = await searchParams;
  const config = env();
  return (
    <SignInPanel
      demo={config.mode === "demo"}
      oauthAvailable={netlifyOAuthSettings(config) !== undefined}
      failure={error ? (oauthFailures[error] ?? oauthFailures.rejected) : undefined}
    />
  );
}
