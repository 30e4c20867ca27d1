"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { type ReactNode, useState } from "react";
import type { KeyOutput } from "@/lib/keys/key-schemas";
import { type MintedKeyAnswer, useRevokeKey, useRollKey } from "@/lib/queries/keys";
import { NewKeyReveal } from "./new-key-reveal";

const button = "h-8 rounded-md border border-border px-2 text-xs";

function ActionDialog({
  trigger,
  title,
  description,
  children,
  open,
  onOpenChange,
}: {
  trigger: ReactNode;
  title: string;
  description: string;
  children: ReactNode;
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
}) {
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Trigger asChild>{trigger}</Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-black/40" />
        <Dialog.Content className="fixed top-1/2 left-1/2 z-50 flex w-[min(32rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 flex-col gap-4 rounded-xl border border-border bg-surface p-5 shadow-xl">
          <Dialog.Title className="text-lg font-semibold">{title}</Dialog.Title>
          <Dialog.Description className="text-sm text-ink-muted">{description}</Dialog.Description>
          {children}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

/** Revoke: immediate and final, so it asks first. */
export function RevokeKeyButton({ apiKey }: { apiKey: KeyOutput }) {
  const revoke = useRevokeKey();
  return (
    <ActionDialog
      trigger={
        <button type="button" aria-label={`Revoke ${apiKey.name}`} className={button}>
          Revoke
        </button>
      }
      title={`Revoke ${apiKey.name}?`}
      description="Scripts using this key stop working at once, on every instance. This cannot be undone."
    >
      <div className="flex justify-end gap-2">
        <Dialog.Close className="h-9 rounded-md border border-border px-3 text-sm">Cancel</Dialog.Close>
        <Dialog.Close
          onClick={() => revoke.mutate(apiKey.id)}
          className="h-9 rounded-md bg-red-700 px-3 text-sm font-medium text-white"
        >
          Revoke key
        </Dialog.Close>
      </div>
    </ActionDialog>
  );
}

/** Roll: a new secret with the same settings; the old one keeps working for the grace period chosen. */
export function RollKeyButton({
  apiKey,
  onRolled,
}: {
  apiKey: KeyOutput;
  /** The new secret goes up to the section: this row turns into the old key's and may vanish. */
  onRolled: (answer: MintedKeyAnswer) => void;
}) {
  const roll = useRollKey();
  const [open, setOpen] = useState(false);
  const [hours, setHours] = useState(1);
  function rollNow() {
    roll.mutate(
      { keyId: apiKey.id, graceSeconds: Math.round(hours * 3_600) },
      {
        onSuccess: (answer) => {
          setOpen(false);
          onRolled(answer);
        },
      },
    );
  }
  return (
    <ActionDialog
      open={open}
      onOpenChange={setOpen}
      trigger={
        <button type="button" aria-label={`Roll ${apiKey.name}`} className={button}>
          Roll
        </button>
      }
      title={`Roll ${apiKey.name}?`}
      description="Rolling gives the key a new secret with the same name, site, scopes and expiry."
    >
      <div className="flex flex-col gap-1">
        <label htmlFor={`grace-${apiKey.id}`} className="text-sm font-medium">
          Old secret keeps working for (hours)
        </label>
        <input
          id={`grace-${apiKey.id}`}
          type="number"
          min={0}
          max={24}
          value={hours}
          onChange={(event) => setHours(Math.min(24, Math.max(0, Number(event.target.value) || 0)))}
          className="h-9 w-28 rounded-md border border-border bg-canvas px-2 text-sm"
        />
        <p className="text-xs text-ink-muted">
          0 stops it at once; at most 24 hours, to switch your scripts over.
        </p>
      </div>
      <div className="flex justify-end gap-2">
        <Dialog.Close className="h-9 rounded-md border border-border px-3 text-sm">Cancel</Dialog.Close>
        <button
          type="button"
          disabled={roll.isPending}
          onClick={rollNow}
          className="h-9 rounded-md bg-accent px-3 text-sm font-medium text-accent-ink"
        >
          Roll key
        </button>
      </div>
    </ActionDialog>
  );
}

/** The new secret of a rolled key, shown once. */
export function RolledKeyDialog({
  answer,
  proxyUrl,
  onClose,
}: {
  answer: MintedKeyAnswer | undefined;
  proxyUrl: string;
  onClose: () => void;
}) {
  return (
    <Dialog.Root open={answer !== undefined} onOpenChange={(open) => (open ? undefined : onClose())}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-black/40" />
        <Dialog.Content className="fixed top-1/2 left-1/2 z-50 flex w-[min(36rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 flex-col gap-4 rounded-xl border border-border bg-surface p-5 shadow-xl">
          <Dialog.Title className="text-lg font-semibold">New secret for {answer?.apiKey.name}</Dialog.Title>
          <Dialog.Description className="text-sm text-ink-muted">
            Same name, site, scopes and expiry; the old secret works until its grace period ends.
          </Dialog.Description>
          {answer ? (
            <NewKeyReveal
              secret={answer.key}
              proxyUrl={proxyUrl}
              canWrite={answer.apiKey.scopes.includes("agent_runners:write")}
            />
          ) : null}
          <Dialog.Close className="h-9 self-end rounded-md border border-border px-3 text-sm">
            Done
          </Dialog.Close>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
