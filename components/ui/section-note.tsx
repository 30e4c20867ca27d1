import type { ReactNode } from "react";

const note = "px-5 py-4 text-sm";

/** A muted line in place of a section's list: loading, or nothing to show. `status` announces it. */
export function SectionNote({ children, status = false }: { children: ReactNode; status?: boolean }) {
  return (
    <p role={status ? "status" : undefined} className={`${note} text-ink-muted`}>
      {children}
    </p>
  );
}

/** A section's list could not be loaded: says why, and offers to ask again. */
export function SectionLoadError({ children, onRetry }: { children: ReactNode; onRetry: () => void }) {
  return (
    <div role="alert" className={`${note} flex flex-wrap items-center gap-3 bg-warn-soft text-warn-ink`}>
      <span>{children}</span>
      <button
        type="button"
        onClick={onRetry}
        className="h-8 rounded-md border border-current px-3 text-sm font-medium"
      >
        Try again
      </button>
    </div>
  );
}
