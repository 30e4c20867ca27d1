"use client";

import { usePathname, useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import type { BoardCard } from "@/lib/runners/board";
import type { BoardViewer } from "@/lib/runners/board-filters";
import { runAlerts, waitingCount } from "@/lib/runners/run-alerts";

const storageKey = "switchyard.notifications";
const boardTitle = "Board · Switchyard";

type Permission = NotificationPermission | "unsupported";

const notificationsOn = () =>
  typeof Notification !== "undefined" &&
  Notification.permission === "granted" &&
  localStorage.getItem(storageKey) === "on";

/**
 * While the board is open: the tab's title counts the runs waiting on the person, and, when they
 * turned notifications on, the browser tells them when a run they started finishes, fails or
 * waits on them (clicking the notification opens the run).
 */
export function useRunNotifications(cards: readonly BoardCard[], viewer: BoardViewer | undefined): void {
  const router = useRouter();
  const previous = useRef<readonly BoardCard[] | undefined>(undefined);
  const waiting = waitingCount(cards);

  // Again after every navigation: Next.js writes each route's own title (the run panel's, then
  // the board's) when the URL changes.
  const pathname = usePathname();
  useEffect(() => {
    if (pathname !== "/") return;
    document.title = waiting > 0 ? `(${waiting}) ${boardTitle}` : boardTitle;
  }, [waiting, pathname]);

  useEffect(() => {
    const before = previous.current;
    previous.current = cards;
    if (!before || !viewer || !notificationsOn()) return;
    for (const alert of runAlerts(before, cards, viewer)) {
      const shown = new Notification(alert.title, { body: alert.body, tag: alert.runnerId });
      shown.onclick = () => {
        window.focus();
        router.push(`/runners/${encodeURIComponent(alert.runnerId)}`);
      };
    }
  }, [cards, viewer, router]);
}

/**
 * The one place notifications are asked for: a button, so the browser asks only when the person
 * chose to, once; afterwards it turns them off and on again without asking.
 */
export function NotificationsToggle() {
  const [permission, setPermission] = useState<Permission>();
  const [on, setOn] = useState(false);
  useEffect(() => {
    setPermission(typeof Notification === "undefined" ? "unsupported" : Notification.permission);
    setOn(notificationsOn());
  }, []);
  if (!permission || permission === "unsupported") return null;
  if (permission === "denied")
    return <p className="text-xs text-ink-muted">Notifications are blocked for this site in your browser.</p>;

  const toggle = async () => {
    const granted = permission === "granted" ? "granted" : await Notification.requestPermission();
    setPermission(granted);
    const next = granted === "granted" && !on;
    localStorage.setItem(storageKey, next ? "on" : "off");
    setOn(next);
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
