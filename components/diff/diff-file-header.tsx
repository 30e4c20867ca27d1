import { Heading } from "@/components/ui/heading";
import type { CollapseReason, DiffFile } from "@/lib/diffs/diff-schemas";

const reasons: Record<CollapseReason, string> = {
  lockfile: "Lockfile",
  generated: "Generated",
  binary: "Binary or no text changes",
  large: "Large change",
};

const statusWords = { added: "added", deleted: "deleted", renamed: "renamed", modified: "" } as const;

/** A file's heading row: its path, what happened to it, its counts, and the fold switch. */
export function DiffFileHeader({
  file,
  open,
  current,
  onToggle,
}: {
  file: DiffFile;
  open: boolean;
  current: boolean;
  onToggle: () => void;
}) {
  const canOpen = file.hunks.length > 0;
  return (
    <div
      className={`flex h-full items-center gap-3 border-y border-border bg-surface-muted px-3 font-sans text-sm ${
        current ? "ring-2 ring-accent ring-inset" : ""
      }`}
    >
      <Heading depth={1} className="min-w-0 truncate font-mono font-medium" title={file.path}>
        {file.oldPath ? `${file.oldPath} → ` : ""}
        {file.path}
      </Heading>
      {statusWords[file.status] ? (
        <span className="text-xs text-ink-muted">{statusWords[file.status]}</span>
      ) : null}
      {file.collapsed ? (
        <span className="rounded-full bg-surface px-2 py-0.5 text-xs text-ink-muted">
          {reasons[file.collapsed]}
        </span>
      ) : null}
      <span className="ml-auto shrink-0 text-xs">
        <span className="text-added-ink">+{file.additions.toLocaleString()}</span>{" "}
        <span className="text-danger-ink">−{file.deletions.toLocaleString()}</span>
      </span>
      {canOpen ? (
        <button
          type="button"
          aria-expanded={open}
          aria-label={`${open ? "Fold" : "Show"} ${file.path}`}
          onClick={onToggle}
          className="h-7 shrink-0 rounded-md border border-border bg-surface px-2 text-xs hover:bg-canvas"
        >
          {open ? "Fold" : "Show"}
        </button>
      ) : null}
    </div>
  );
}
