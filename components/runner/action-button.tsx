"use client";

import { useId } from "react";
import type { Ability } from "@/lib/runners/runner-detail-schemas";

export const actionButton =
  "h-9 rounded-md border border-border bg-surface px-3 text-sm font-medium hover:bg-surface-muted disabled:cursor-not-allowed disabled:opacity-60";

/**
 * A button for one action on a run. When the action cannot be taken now it is disabled and the
 * reason is written beside it (and is its accessible description), so nobody has to guess.
 */
export function ActionButton({
  label,
  ability,
  pending = false,
  onClick,
}: {
  label: string;
  ability: Ability;
  pending?: boolean;
  onClick: () => void;
}) {
  const reasonId = useId();
  return (
    <div className="flex flex-col gap-1">
      <button
        type="button"
        disabled={!ability.allowed || pending}
        aria-describedby={ability.allowed ? undefined : reasonId}
        onClick={onClick}
        className={actionButton}
      >
        {label}
      </button>
      {ability.allowed ? null : (
        <span id={reasonId} className="max-w-56 text-xs text-ink-muted">
          {ability.reason}
        </span>
      )}
    </div>
  );
}
