/*
 * What `bench:board` runs inside the page, as source text: tsx compiles functions with helpers
 * (`__name`) that do not exist in the browser, so `page.evaluate(fn)` would fail there. Every
 * time is `performance.now()` in the page: milliseconds since its navigation started.
 */

const columnSection = (column: string) => `section[aria-labelledby="column-${column}"]`;

/** After a frame is painted: requestAnimationFrame runs before the paint, a message after it. */
export const afterPaint = `(done) => requestAnimationFrame(() => {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => done(performance.now());
  channel.port2.postMessage(null);
})`;

/**
 * An init script for the board page: `window.__boardRendered` resolves once the first card of
 * each of `columns` is in the document and painted.
 */
export const renderedBoardScript = (columns: string[]) => `(() => {
  if (location.pathname !== "/") return;
  const selectors = ${JSON.stringify(columns.map((column) => `${columnSection(column)} article`))};
  const afterPaint = ${afterPaint};
  window.__boardRendered = new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (!selectors.every((selector) => document.querySelector(selector))) return;
      observer.disconnect();
      const foundAt = performance.now();
      afterPaint((paintedAt) => resolve({ foundAt, paintedAt }));
    });
    observer.observe(document, { childList: true, subtree: true });
  });
})();`;

/** Resolves once no long task has run for `quietMs` (at most `timeoutMs`): hydration and its effects are done. */
export const quietScript = (quietMs: number, timeoutMs: number) => `new Promise((resolve) => {
  const started = performance.now();
  let last = started;
  const observer = new PerformanceObserver(() => { last = performance.now(); });
  observer.observe({ type: "longtask" });
  const check = () => {
    const now = performance.now();
    if (now - last >= ${quietMs} || now - started >= ${timeoutMs}) {
      observer.disconnect();
      resolve(now - started);
    } else setTimeout(check, 50);
  };
  setTimeout(check, 50);
})`;

/** Cards in the document: in `column`, and on the whole board. */
export const cardsInDocumentScript = (column: string) => `({
  column: document.querySelectorAll(${JSON.stringify(`${columnSection(column)} article`)}).length,
  board: document.querySelectorAll("main section article").length,
})`;

/**
 * Arms `window.__boardMove`: from the click on a menu item (the event's own time) to the card
 * titled `title` inside the Cancelled column, and to the frame that shows it being painted.
 */
export const armMoveScript = (title: string) => `(() => {
  const section = document.querySelector(${JSON.stringify(columnSection("cancelled"))});
  const selector = 'article[aria-label="' + CSS.escape(${JSON.stringify(title)}) + '"]';
  const afterPaint = ${afterPaint};
  window.__boardMove = new Promise((resolve, reject) => {
    let clickedAt;
    const onClick = (event) => {
      if (clickedAt === undefined && event.target instanceof Element && event.target.closest('[role="menuitem"]'))
        clickedAt = event.timeStamp;
    };
    window.addEventListener("click", onClick, true);
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error("the card did not reach Cancelled within 15 s"));
    }, 15000);
    const observer = new MutationObserver(() => {
      if (clickedAt === undefined || !section.querySelector(selector)) return;
      const insertedAt = performance.now();
      observer.disconnect();
      clearTimeout(timer);
      window.removeEventListener("click", onClick, true);
      afterPaint((paintedAt) => resolve({ clickedAt, insertedAt, paintedAt }));
    });
    observer.observe(section, { childList: true, subtree: true });
  });
})();`;

/**
 * Scrolls `column`'s list from top to bottom, `stepPx` per frame, while long tasks are
 * recorded; answers them with the frames it took and whether the last card was reached.
 */
export const scrollColumnScript = (column: string, stepPx: number, lastIndex: number) => `(async () => {
  const scroller = document.querySelector(${JSON.stringify(`${columnSection(column)} .overflow-y-auto`)});
  if (!scroller) throw new Error("no scrolling list in column ${column}");
  const longTasks = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longTasks.push(entry.duration);
  });
  observer.observe({ type: "longtask" });
  const started = performance.now();
  let frames = 0;
  let previous = started;
  let longestFrameMs = 0;
  await new Promise((resolve) => {
    const step = (now) => {
      frames++;
      longestFrameMs = Math.max(longestFrameMs, now - previous);
      previous = now;
      const atEnd = scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1;
      if (atEnd || frames > 20000) return resolve();
      scroller.scrollTop += ${stepPx};
      requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  });
  const scrolledMs = performance.now() - started;
  // A long task still running at the end is reported once it ends.
  await new Promise((resolve) => setTimeout(resolve, 300));
  for (const entry of observer.takeRecords()) longTasks.push(entry.duration);
  observer.disconnect();
  const reachedLast = scroller.querySelector('li[data-index="${lastIndex}"]') !== null;
  return { longTasks, frames, scrolledMs, longestFrameMs, reachedLast };
})()`;
