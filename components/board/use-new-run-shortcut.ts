"use client";

import { useEffect } from "react";

/**
 * `n` opens the dialog from anywhere on the page, except while typing in a field, with a
 * modifier held (browser and screen-reader shortcuts), or while another dialog is open.
 */
export function useNewRunShortcut(setOpen: (open: boolean) => void, enabled: boolean) {
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "n" || event.repeat || event.defaultPrevented) return;
      if (event.ctrlKey || event.metaKey || event.altKey || event.shiftKey) return;
      if (isTypingTarget(event.target) || document.querySelector('[role="dialog"], [role="alertdialog"]'))
        return;
      // Kept from the field the dialog focuses, which would otherwise receive the "n".
      event.preventDefault();
      setOpen(true);
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [setOpen, enabled]);
}

function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName) ||
    target.closest('[role="textbox"], [role="searchbox"], [role="combobox"]') !== null
  );
}
