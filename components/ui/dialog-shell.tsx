"use client";

import * as Dialog from "@radix-ui/react-dialog";
import type { ReactNode } from "react";

const widths = {
  sm: "w-[min(28rem,calc(100vw-2rem))]",
  md: "w-[min(32rem,calc(100vw-2rem))]",
  lg: "w-[min(36rem,calc(100vw-2rem))]",
} as const;

/** The buttons of a dialog's footer. */
export const dialogButton = {
  secondary: "h-9 rounded-md border border-border px-3 text-sm",
  primary: "h-9 rounded-md bg-accent px-3 text-sm font-medium text-accent-ink disabled:opacity-60",
  warn: "h-9 rounded-md bg-warn-ink px-3 text-sm font-medium text-warn-soft disabled:opacity-60",
  danger: "h-9 rounded-md bg-red-700 px-3 text-sm font-medium text-white disabled:opacity-60",
} as const;

/** Closes the dialog it is in; renders a button, or its child with `asChild`. */
export const DialogClose = Dialog.Close;

/**
 * A modal dialog: overlay, centred panel, title and description (its accessible name and
 * description), then the body. Without `open` it keeps its own state; `trigger` opens it.
 */
export function DialogShell({
  trigger,
  title,
  description,
  children,
  open,
  onOpenChange,
  width = "md",
}: {
  trigger?: ReactNode;
  title: ReactNode;
  description: ReactNode;
  children: ReactNode;
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  width?: keyof typeof widths;
}) {
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      {trigger ? <Dialog.Trigger asChild>{trigger}</Dialog.Trigger> : null}
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-black/40" />
        <Dialog.Content
          className={`fixed top-1/2 left-1/2 z-50 flex max-h-[90dvh] ${widths[width]} -translate-x-1/2 -translate-y-1/2 flex-col gap-4 overflow-y-auto rounded-xl border border-border bg-surface p-5 shadow-xl`}
        >
          <Dialog.Title className="text-lg font-semibold tracking-tight">{title}</Dialog.Title>
          <Dialog.Description className="text-sm text-ink-muted">{description}</Dialog.Description>
          {children}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
