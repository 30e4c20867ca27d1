import Link from "next/link";
import { SignOutButton } from "@/components/auth/sign-out-button";
import type { AppMode } from "@/lib/env";
import { NavLinks } from "./nav-links";
import { SwitchyardMark } from "./switchyard-mark";

/** The signed-in person as the header shows them; absent on the sign-in page. */
export interface HeaderPerson {
  name: string;
  role: string;
}

export function AppHeader({ mode, person }: { mode: AppMode; person?: HeaderPerson }) {
  return (
    <header className="sticky top-0 z-10 border-b border-border bg-surface/90 backdrop-blur">
      <div className="mx-auto flex h-14 w-full max-w-7xl items-center gap-3 px-4 sm:gap-6 sm:px-6">
        <Link href="/" className="flex items-center gap-2 font-semibold tracking-tight">
          <SwitchyardMark className="size-6 text-accent" />
          {/* On a phone the mark alone; the name stays the link's accessible name. */}
          <span className="sr-only sm:not-sr-only">Switchyard</span>
        </Link>
        {person ? <NavLinks /> : null}
        <div className="ml-auto flex items-center gap-2 sm:gap-3">
          {mode === "demo" ? (
            <span
              className="whitespace-nowrap rounded-full bg-warn-soft px-2.5 py-1 text-xs font-medium text-warn-ink"
              title="No Netlify credentials are configured: Switchyard runs against its built-in simulator."
            >
              Demo mode
            </span>
          ) : null}
          {person ? (
            <>
              <span className="hidden text-sm text-ink-muted sm:inline" title={`Role: ${person.role}`}>
                {person.name}
              </span>
              <SignOutButton />
            </>
          ) : null}
        </div>
      </div>
    </header>
  );
}
