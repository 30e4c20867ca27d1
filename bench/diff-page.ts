import { afterPaint } from "./board-page";

/*
 * What `bench:diff` runs inside the page, as source text (see board-page.ts for why). Every time
 * is `performance.now()` in the page: milliseconds since its navigation started.
 */

/**
 * An init script for a run's page: `window.__diffShown` resolves once the diff's first file
 * heading is painted, `window.__fileListComplete` once the file list says it holds `files` files
 * (and is painted). Long tasks are recorded in `window.__longTasks` from the start.
 */
export const diffTimesScript = (files: number) => `(() => {
  if (!location.pathname.startsWith("/runners/")) return;
  const afterPaint = ${afterPaint};
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__longTasks.push({ at: entry.startTime, ms: entry.duration });
  }).observe({ type: "longtask", buffered: true });
  const complete = ${JSON.stringify(`${files.toLocaleString("en-US")} files`)};
  const watch = (found) => new Promise((resolve) => {
    const check = () => {
      if (!found()) return false;
      const foundAt = performance.now();
      afterPaint((paintedAt) => resolve({ foundAt, paintedAt }));
      return true;
    };
    const observer = new MutationObserver(() => { if (check()) observer.disconnect(); });
    observer.observe(document, { childList: true, subtree: true, characterData: true });
  });
  window.__diffShown = watch(() => document.querySelector('section[aria-label="Diff"] h3'));
  window.__fileListComplete = watch(() =>
    [...document.querySelectorAll('nav[aria-label="Changed files"] p')].some((p) => p.textContent === complete));
})();`;

/**
 * Scrolls `selector`'s element by `stepPx` a frame until its end (or `maxFrames`), with the long
 * tasks of that time; answers them, the frames, and whether the end was reached.
 */
export const scrollScript = (selector: string, stepPx: number, maxFrames: number) => `(async () => {
  const scroller = document.querySelector(${JSON.stringify(selector)});
  if (!scroller) throw new Error(${JSON.stringify(`nothing to scroll at ${selector}`)});
  const longTasks = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longTasks.push(entry.duration);
  });
  observer.observe({ type: "longtask" });
  const started = performance.now();
  let frames = 0;
  await new Promise((resolve) => {
    const step = () => {
      frames++;
      const atEnd = scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1;
      if (atEnd || frames > ${maxFrames}) return resolve();
      scroller.scrollTop += ${stepPx};
      requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  });
  const scrolledMs = performance.now() - started;
  await new Promise((resolve) => setTimeout(resolve, 300));
  for (const entry of observer.takeRecords()) longTasks.push(entry.duration);
  observer.disconnect();
  const reachedEnd = scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1;
  return { longTasks, frames, scrolledMs, reachedEnd };
})()`;
