import type { ReactNode } from "react";

const heading = "px-5 py-2 font-medium";

/**
 * A settings section's table: a caption for screen readers (its accessible name), one header a
 * column, and, when the rows end in buttons, an Actions header only screen readers hear.
 */
export function SettingsTable({
  caption,
  columns,
  actions,
  busy,
  children,
}: {
  caption: string;
  columns: string[];
  actions: boolean;
  /** The rows shown are a placeholder while the next ones load. */
  busy?: boolean;
  /** The table's rows. */
  children: ReactNode;
}) {
  return (
    // Wider than a phone: the table scrolls on its own, the page does not (relative: its sr-only cells too).
    <div className="relative overflow-x-auto" aria-busy={busy}>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="text-xs text-ink-muted">
          <tr>
            {columns.map((title) => (
              <th key={title} scope="col" className={heading}>
                {title}
              </th>
            ))}
            {actions ? (
              <th scope="col" className={heading}>
                <span className="sr-only">Actions</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-border border-t border-border">{children}</tbody>
      </table>
    </div>
  );
}
