"use client";

import { useQuery } from "@tanstack/react-query";
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { useNotificationsOn } from "@/lib/notifications/preference";
import { boardQueryOptions } from "@/lib/queries/board";
import { useLiveBoard } from "@/lib/queries/use-live-board";
import type { BoardCard } from "@/lib/runners/board";
import { type RunAlert, runAlerts, titleWithCount, waitingCount } from "@/lib/runners/run-alerts";

/** Keeps the tab's title counting `waiting`, whatever title the current page sets. */
function useWaitingCountInTitle(waiting: number): void {
  useEffect(() => {
    const apply = () => {
      const next = titleWithCount(document.title, waiting);
      if (document.title !== next) document.title = next;
    };
    apply();
    // Next.js writes each page's own title on navigation (and may stream it in later).
    const observer = new MutationObserver(apply);
    observer.observe(document.head, { childList: true, subtree: true, characterData: true });
    return () => {
      observer.disconnect();
      document.title = titleWithCount(document.title, 0);
    };
  }, [waiting]);
}

/** True once the browser is idle after the page loaded: the page's own requests go first. */
function useSettled(): boolean {
  const [settled, setSettled] = useState(false);
  useEffect(() => {
    if (typeof window.requestIdleCallback !== "function") {
      const timer = setTimeout(() => setSettled(true), 500);
      return () => clearTimeout(timer);
    }
    const idle = window.requestIdleCallback(() => setSettled(true), { timeout: 2_000 });
    return () => window.cancelIdleCallback(idle);
  }, []);
  return settled;
}

/** Shows one notification; a browser that only notifies through a service worker (Android) throws. */
function notify(alert: RunAlert, onClick: () => void): void {
  try {
    // Tagged by run: a newer alert of the same run replaces the older one; titles repeat across runs.
    const shown = new Notification(alert.title, { body: alert.body, tag: alert.runnerId });
    shown.onclick = onClick;
  } catch {
    // Nothing to show it with: the tab's title still counts waiting runs.
  }
}

/**
 * On every signed-in page: keeps the board's cards live, counts the runs waiting on an answer in
 * the tab's title, and, when the person turned notifications on, tells them when a run they
 * started finishes, fails or waits on them (clicking the notification opens the run).
 */
export function RunWatch() {
  const router = useRouter();
  // The board page brings the board with it; other pages read it once they are idle.
  const settled = useSettled();
  const onBoard = usePathname() === "/";
  const watching = settled || onBoard;
  const { data } = useQuery({ ...boardQueryOptions(false), enabled: watching });
  const notifying = useNotificationsOn();
  // A person who asked to be told keeps being told while the tab is in the background.
  useLiveBoard(false, { enabled: watching, whileHidden: notifying });
  const cards = data?.cards;
  const viewer = data?.viewer;
  useWaitingCountInTitle(cards ? waitingCount(cards) : 0);

  const previous = useRef<readonly BoardCard[] | undefined>(undefined);
  useEffect(() => {
    const before = previous.current;
    previous.current = cards;
    if (!before || !cards || !viewer || !notifying) return;
    for (const alert of runAlerts(before, cards, viewer))
      notify(alert, () => {
        window.focus();
        router.push(`/runners/${encodeURIComponent(alert.runnerId)}`);
      });
  }, [cards, viewer, router, notifying]);
  return null;
}
