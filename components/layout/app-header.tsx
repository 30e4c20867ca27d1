import Link from "next/link";
import type { AppMode } from "@/lib/env";
import { NavLinks } from "./nav-links";
import { SwitchyardMark } from "./switchyard-mark";

export function AppHeader({ mode }: { mode: AppMode }) {
  return (
    <header className="sticky top-0 z-10 border-b border-border bg-surface/90 backdrop-blur">
      <div className="mx-auto flex h-14 w-full max-w-7xl items-center gap-6 px-4 sm:px-6">
        <Link href="/" className="flex items-center gap-2 font-semibold tracking-tight">
          <SwitchyardMark className="size-6 text-accent" />
          <span>Switchyard</span>
        </Link>
        <NavLinks />
        <div className="ml-auto">
          {mode === "demo" ? (
            <span
              className="rounded-full bg-warn-soft px-2.5 py-1 text-xs font-medium text-warn-ink"
              title="No Netlify credentials are configured: Switchyard runs against its built-in simulator."
            >
              Demo mode
            </span>
          ) : null}
        </div>
      </div>
    </header>
  );
}
