"use client";

import { useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { DialogClose, DialogShell, dialogButton } from "@/components/ui/dialog-shell";
import type { KeyOutput } from "@/lib/keys/key-schemas";
import { type MintedKeyAnswer, useRevokeKey, useRollKey } from "@/lib/queries/keys";
import { NewKeyReveal } from "./new-key-reveal";

const button = "h-8 rounded-md border border-border px-2 text-xs";

/** Revoke: immediate and final, so it asks first. */
export function RevokeKeyButton({ apiKey }: { apiKey: KeyOutput }) {
  const revoke = useRevokeKey();
  return (
    <ConfirmDialog
      trigger={
        <button type="button" aria-label={`Revoke ${apiKey.name}`} className={button}>
          Revoke
        </button>
      }
      title={`Revoke ${apiKey.name}?`}
      description="Scripts using this key stop working at once, on every instance. This cannot be undone."
      confirmLabel="Revoke key"
      tone="danger"
      onConfirm={(close) => {
        revoke.mutate(apiKey.id);
        close();
      }}
    />
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
    // Awaited rather than passed as mutate's onSuccess: the refreshed list turns this row into the
    // old key's (without this button), and a callback of an unmounted caller is dropped.
    roll
      .mutateAsync({ keyId: apiKey.id, graceSeconds: Math.round(hours * 3_600) })
      .then((answer) => {
        setOpen(false);
        onRolled(answer);
      })
      .catch(() => undefined); // the hook's toast says what failed
  }
  return (
    <DialogShell
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
        <DialogClose className={dialogButton.secondary}>Cancel</DialogClose>
        <button type="button" disabled={roll.isPending} onClick={rollNow} className={dialogButton.primary}>
          Roll key
        </button>
      </div>
    </DialogShell>
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
    <DialogShell
      width="lg"
      open={answer !== undefined}
      onOpenChange={(open) => (open ? undefined : onClose())}
      title={<>New secret for {answer?.apiKey.name}</>}
      description="Same name, site, scopes and expiry; the old secret works until its grace period ends."
    >
      {answer ? (
        <NewKeyReveal
          secret={answer.key}
          proxyUrl={proxyUrl}
          canWrite={answer.apiKey.scopes.includes("agent_runners:write")}
        />
      ) : null}
      <DialogClose className={`${dialogButton.secondary} self-end`}>Done</DialogClose>
    </DialogShell>
  );
}
