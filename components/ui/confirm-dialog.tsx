"use client";

import { type ReactNode, useState } from "react";
import { DialogClose, DialogShell, dialogButton } from "./dialog-shell";

/**
 * A question before something that cannot be taken back: Cancel, or the confirm button.
 * `onConfirm` gets `close`, so the caller chooses when the dialog goes (at once, or once
 * the request settles).
 */
export function ConfirmDialog({
  trigger,
  open: controlledOpen,
  onOpenChange,
  title,
  description,
  confirmLabel,
  pendingLabel,
  pending = false,
  tone = "warn",
  width,
  onConfirm,
}: {
  /** Opens the dialog; leave it out to control the dialog with `open` and `onOpenChange`. */
  trigger?: ReactNode;
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  title: ReactNode;
  description: ReactNode;
  confirmLabel: string;
  /** Shown on the confirm button while `pending`. */
  pendingLabel?: string;
  pending?: boolean;
  tone?: "warn" | "danger";
  width?: "sm" | "md" | "lg";
  onConfirm: (close: () => void) => void;
}) {
  const [ownOpen, setOwnOpen] = useState(false);
  const open = controlledOpen ?? ownOpen;
  const setOpen = (next: boolean) => {
    setOwnOpen(next);
    onOpenChange?.(next);
  };
  return (
    <DialogShell
      open={open}
      onOpenChange={setOpen}
      trigger={trigger}
      title={title}
      description={description}
      width={width}
    >
      <div className="flex justify-end gap-2">
        <DialogClose className={dialogButton.secondary}>Cancel</DialogClose>
        <button
          type="button"
          disabled={pending}
          onClick={() => onConfirm(() => setOpen(false))}
          className={dialogButton[tone]}
        >
          {pending && pendingLabel ? pendingLabel : confirmLabel}
        </button>
      </div>
    </DialogShell>
  );
}
