import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { AppHeader } from "@/components/layout/app-header";
import { RunWatch } from "@/components/layout/run-watch";
import { currentUser } from "@/lib/auth/current-user";
import { env } from "@/lib/env";
import { Providers } from "./providers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Switchyard", template: "%s · Switchyard" },
  description: "A control room for Netlify Agent Runners.",
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#f7f7f8" },
    { media: "(prefers-color-scheme: dark)", color: "#0f1013" },
  ],
};

export default async function RootLayout({ children, panel }: { children: ReactNode; panel: ReactNode }) {
  const user = await currentUser();
  return (
    <html lang="en">
      <body className="min-h-dvh antialiased">
        <Providers>
          <AppHeader
            mode={env().mode}
            person={
              user?.status === "active" ? { name: user.fullName ?? user.email, role: user.role } : undefined
            }
          />
          <main className="mx-auto w-full max-w-7xl px-4 py-8 sm:px-6">{children}</main>
          {panel}
          {/* After the page, so the board the page prefetched is in the cache before it asks. */}
          {user?.status === "active" ? <RunWatch /> : null}
        </Providers>
      </body>
    </html>
  );
}
