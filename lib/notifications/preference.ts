import { useSyncExternalStore } from "react";

/*
 * Whether the person turned run notifications on: kept in the browser (it is this browser's
 * permission), and shared live between the toggle and the watcher of every page.
 */

const storageKey = "switchyard.notifications";
const changedEvent = "switchyard:notifications";

/** On, and the browser still allows them. */
export const notificationsOn = (): boolean =>
  typeof Notification !== "undefined" &&
  Notification.permission === "granted" &&
  localStorage.getItem(storageKey) === "on";

export function setNotificationsOn(on: boolean): void {
  localStorage.setItem(storageKey, on ? "on" : "off");
  window.dispatchEvent(new Event(changedEvent));
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener(changedEvent, onChange);
  // Another tab of the app turned them on or off.
  window.addEventListener("storage", onChange);
  return () => {
    window.removeEventListener(changedEvent, onChange);
    window.removeEventListener("storage", onChange);
  };
}

export const useNotificationsOn = (): boolean =>
  useSyncExternalStore(subscribe, notificationsOn, () => false);
