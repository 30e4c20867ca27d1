"use client";

const button = "h-8 rounded-md border border-border px-3 text-sm font-medium disabled:opacity-60";

/** Previous/next through the pages of sites; the page number is announced as it changes. */
export function SitesPager({
  page,
  totalPages,
  busy,
  onPage,
}: {
  page: number;
  totalPages: number;
  /** The next page is on its way: both buttons wait for it. */
  busy: boolean;
  onPage: (page: number) => void;
}) {
  return (
    <nav
      aria-label="Pages of sites"
      className="flex items-center justify-between gap-3 border-t border-border px-5 py-3"
    >
      <button type="button" disabled={busy || page <= 1} onClick={() => onPage(page - 1)} className={button}>
        Previous page
      </button>
      <p aria-live="polite" className="text-sm text-ink-muted">
        Page {page} of {totalPages}
      </p>
      <button
        type="button"
        disabled={busy || page >= totalPages}
        onClick={() => onPage(page + 1)}
        className={button}
      >
        Next page
      </button>
    </nav>
  );
}
