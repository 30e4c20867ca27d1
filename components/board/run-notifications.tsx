"use client";

import { useEffect, useState } from "react";
import { setNotificationsOn, useNotificationsOn } from "@/lib/notifications/preference";

type Permission = NotificationPermission | "unsupported";

/**
 * The one place notifications are asked for: a button, so the browser asks only when the person
 * chose to, once; afterwards it turns them off and on again without asking.
 */
export function NotificationsToggle() {
  const [permission, setPermission] = useState<Permission>();
  const on = useNotificationsOn();
  useEffect(() => {
    setPermission(typeof Notification === "undefined" ? "unsupported" : Notification.permission);
  }, []);
  if (!permission || permission === "unsupported") return null;
  if (permission === "denied")
    return <p className="text-xs text-ink-muted">Notifications are blocked for this site in your browser.</p>;

  const toggle = async () => {
    const granted = permission === "granted" ? "granted" : await Notification.requestPermission();
    setPermission(granted);
    setNotificationsOn(granted === "granted" && !on);
  };
  return (
    <button
      type="button"
      aria-pressed={on}
      onClick={() => void toggle()}
      title="Tell me when a run I started finishes, fails or waits for my answer"
      className="h-9 rounded-md border border-border bg-surface px-3 text-sm hover:bg-surface-muted"
    >
      {on ? "Notifications on" : "Notify me about my runs"}
    </button>
  );
}
