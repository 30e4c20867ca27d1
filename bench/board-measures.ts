import { gzipSync } from "node:zlib";
import type { Browser, BrowserContext, Locator, Page } from "@playwright/test";
import type { BoardOutput } from "@/lib/runners/board-schemas";
import {
  armMoveScript,
  cardsInDocumentScript,
  quietScript,
  renderedBoardScript,
  scrollColumnScript,
} from "./board-page";

/*
 * The board as a person meets it, in Chromium against one production server: signed in as the
 * demo user, at a desktop size where every column is laid out side by side.
 */

export interface BoardPage {
  appUrl: string;
  context: BrowserContext;
  page: Page;
}

const viewport = { width: 1600, height: 1000 };

export async function openBoardPage(browser: Browser, appUrl: string, columns: string[]): Promise<BoardPage> {
  const context = await browser.newContext({ baseURL: appUrl, viewport });
  await context.addInitScript(renderedBoardScript(columns));
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Continue as the demo user" }).click();
  await page.getByRole("heading", { level: 1, name: "Board" }).waitFor();
  return { appUrl, context, page };
}

/** Milliseconds from navigation start to the first card of each column painted. */
export async function loadBoard(board: BoardPage): Promise<number> {
  await board.page.goto("/", { waitUntil: "commit" });
  const { paintedAt } = (await board.page.evaluate("window.__boardRendered")) as { paintedAt: number };
  return paintedAt;
}

/**
 * Clicks a "Move to…" button until its menu opens: the server-rendered button is there (and
 * clickable) before React has hydrated it, which takes seconds for a board of every card.
 */
async function openMoveMenu(page: Page, trigger: Locator): Promise<void> {
  const menu = page.getByRole("menu");
  for (let tries = 1; ; tries++) {
    await trigger.click();
    try {
      await menu.waitFor({ timeout: 2_000 });
      return;
    } catch (error) {
      if (tries === 30) throw error;
    }
  }
}

/** Until the board is hydrated: its Move menus open, and no long task ran for a second. */
export async function settleBoard(board: BoardPage, column: string): Promise<void> {
  const firstCard = board.page.locator(`section[aria-labelledby="column-${column}"] article`).first();
  await openMoveMenu(board.page, firstCard.getByRole("button", { name: /^Move “/ }));
  await board.page.keyboard.press("Escape");
  await board.page.getByRole("menu").waitFor({ state: "detached" });
  await board.page.evaluate(quietScript(1_000, 30_000));
}

export async function cardsInDocument(
  board: BoardPage,
  column: string,
): Promise<{ column: number; board: number }> {
  return (await board.page.evaluate(cardsInDocumentScript(column))) as { column: number; board: number };
}

export async function boardJson(
  board: BoardPage,
): Promise<{ bytes: number; gzipBytes: number; board: BoardOutput }> {
  const answer = await board.context.request.get("/api/board");
  if (!answer.ok()) throw new Error(`GET /api/board answered ${answer.status()}`);
  const body = await answer.body();
  return { bytes: body.length, gzipBytes: gzipSync(body).length, board: JSON.parse(body.toString()) };
}

export interface ScrollResult {
  longTasks: number[];
  frames: number;
  scrolledMs: number;
  longestFrameMs: number;
  reachedLast: boolean;
}

export async function scrollColumn(board: BoardPage, column: string, cards: number): Promise<ScrollResult> {
  await settleBoard(board, column);
  return (await board.page.evaluate(scrollColumnScript(column, 120, cards - 1))) as ScrollResult;
}

/**
 * Starts a run as the demo user (it is `running` until stopped: the simulator's clock is
 * frozen), opens the board once the cache has it, and moves it to Cancelled from its "Move
 * to…" menu. Answers milliseconds from the menu item's click to the card in the Cancelled
 * column's part of the document, and to the frame showing it painted.
 */
export async function moveToCancelled(
  board: BoardPage,
  siteId: string,
  label: string,
): Promise<{ inDocumentMs: number; paintedMs: number }> {
  const { page, context, appUrl } = board;
  const started = await context.request.post("/api/runners", {
    headers: { origin: appUrl },
    data: { siteId, prompt: `Benchmark move ${label}: tidy the changelog headings` },
  });
  if (!started.ok())
    throw new Error(`POST /api/runners answered ${started.status()}: ${await started.text()}`);
  const { id } = (await started.json()) as { id: string };
  let title: string | undefined;
  for (let tries = 0; title === undefined; tries++) {
    if (tries > 100) throw new Error(`run ${id} did not reach the board's cache`);
    const { board: cards } = await boardJson(board);
    const card = cards.cards.find((candidate) => candidate.id === id && candidate.state === "running");
    title = card ? (card.title ?? "Untitled run") : undefined;
    if (!title) await page.waitForTimeout(200);
  }
  await loadBoard(board);
  await settleBoard(board, "running");
  const running = page.locator('section[aria-labelledby="column-running"]');
  await openMoveMenu(
    page,
    running
      .getByRole("article", { name: title, exact: true })
      .getByRole("button", { name: `Move “${title}” to…` }),
  );
  const item = page.getByRole("menuitem", { name: /^Cancelled/ });
  await page.evaluate(quietScript(300, 5_000));
  await page.evaluate(armMoveScript(title));
  await item.click();
  const moved = (await page.evaluate("window.__boardMove")) as {
    clickedAt: number;
    insertedAt: number;
    paintedAt: number;
  };
  return { inDocumentMs: moved.insertedAt - moved.clickedAt, paintedMs: moved.paintedAt - moved.clickedAt };
}
