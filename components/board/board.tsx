"use client";

import {
  DndContext,
  type DragEndEvent,
  DragOverlay,
  type DragStartEvent,
  PointerSensor,
  useSensor,
  useSensors,
} from "@dnd-kit/core";
import { useQuery } from "@tanstack/react-query";
import { useCallback, useMemo, useRef, useState } from "react";
import { toast } from "sonner";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useNow } from "@/components/ui/relative-time";
import { boardQueryOptions, shownCards } from "@/lib/queries/board";
import { useBoardUrl } from "@/lib/queries/board-url";
import { useMoveRunner } from "@/lib/queries/runner-actions";
import { useLiveBoard } from "@/lib/queries/use-live-board";
import { type BoardCard, type BoardColumn, boardColumns, groupByColumn } from "@/lib/runners/board";
import { filterCards } from "@/lib/runners/board-filters";
import { boardMove } from "@/lib/runners/board-moves";
import { ArchiveDropZone } from "./archive-drop-zone";
import { BoardColumnView, dropHintFor } from "./board-column";
import { columnUnderCard, dragAnnouncements, dragInstructions } from "./board-drag";
import { BoardToolbar } from "./board-toolbar";
import { FollowUpDialog } from "./follow-up-dialog";
import { RunnerCard } from "./runner-card";
import { useKeyboardMove } from "./use-keyboard-move";

/** A board with sites but no runs yet says how to start one. */
function NoRunsYet({ canStart }: { canStart: boolean }) {
  return (
    <p className="rounded-lg border border-dashed border-border p-4 text-sm text-ink-muted">
      No runs on these sites yet.{" "}
      {canStart
        ? "Start one with New run (or press n): describe the change, pick the site, and the agent gets to work."
        : "Runs started on Netlify or through a key appear here as they start."}
    </p>
  );
}

/**
 * The board: live cards in columns, filtered by the view in the URL. A drop (or "Move to…")
 * becomes one API action: stop and "open a PR" go at once, archive asks first, a follow-up asks
 * for its prompt. A move the run cannot make is refused while dragging, with the reason.
 */
export function Board() {
  const [url] = useBoardUrl();
  const { data } = useQuery(boardQueryOptions(url.archived));
  // The shell's RunWatch keeps the usual board live on every page; the archived view is kept here.
  useLiveBoard(true, { enabled: url.archived });
  const now = useNow();
  // `mutate` keeps its identity; the mutation object does not, and a callback depending on it
  // would re-render every card whenever a move starts or settles.
  const { mutate: moveRunner } = useMoveRunner();
  const [dragged, setDragged] = useState<BoardCard>();
  const [followUpFor, setFollowUpFor] = useState<BoardCard>();
  const [archiveFor, setArchiveFor] = useState<BoardCard>();

  const abilities = useMemo(
    () => ({ write: data?.viewer.write ?? false, deploy: data?.viewer.deploy ?? false }),
    [data?.viewer.write, data?.viewer.deploy],
  );
  const cards = useMemo(() => (data ? shownCards(data, url.archived) : []), [data, url.archived]);
  const { site, agent, state, q: text, mine, sort } = url;
  const filtered = useMemo(
    () => (data ? filterCards(cards, { site, agent, column: state, text, mine, sort }, data.viewer) : []),
    [cards, data, site, agent, state, text, mine, sort],
  );
  const columns = useMemo(() => groupByColumn(filtered), [filtered]);
  const byId = useRef(new Map<string, BoardCard>());
  byId.current = new Map(cards.map((card) => [card.id, card]));

  const startMove = useCallback(
    (card: BoardCard, to: BoardColumn) => {
      const decided = boardMove(card, to, abilities);
      if (decided.kind === "refused") return void toast.error(decided.reason);
      if (decided.kind !== "action") return;
      if (decided.action === "follow_up") return setFollowUpFor(card);
      if (decided.action === "archive") return setArchiveFor(card);
      moveRunner({ card, action: { action: decided.action } });
    },
    [abilities, moveRunner],
  );

  const visibleColumns = useMemo(
    () => boardColumns.filter(({ id }) => id !== "archived" || url.archived),
    [url.archived],
  );
  // From the keyboard a card can also go to Archived while that column is hidden (its drop zone).
  const keyboardColumns = useMemo(() => boardColumns.map(({ id }) => id), []);
  const keyboard = useKeyboardMove(keyboardColumns, abilities, startMove);
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }));
  const announcements = useMemo(
    () => dragAnnouncements((id) => byId.current.get(String(id)), abilities),
    [abilities],
  );
  const onDragStart = ({ active }: DragStartEvent) => setDragged(byId.current.get(String(active.id)));
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    setDragged(undefined);
    const card = byId.current.get(String(active.id));
    if (card && over) startMove(card, over.id as BoardColumn);
  };

  if (!data) return null;
  const moving = dragged ?? keyboard.moving?.card;
  return (
    <div className="flex flex-col gap-4">
      <BoardToolbar sites={data.sites} viewer={data.viewer} counts={groupByColumn(cards)} />
      {data.cards.length === 0 ? <NoRunsYet canStart={abilities.write} /> : null}
      <DndContext
        sensors={sensors}
        collisionDetection={columnUnderCard}
        // The board scrolls sideways only with the pointer right at its edge, so a column near
        // the edge can still be dropped on.
        autoScroll={{ threshold: { x: 0.05, y: 0.1 } }}
        accessibility={{ announcements, screenReaderInstructions: { draggable: dragInstructions } }}
        onDragStart={onDragStart}
        onDragEnd={onDragEnd}
        onDragCancel={() => setDragged(undefined)}
      >
        <div className="grid grid-cols-1 gap-3 md:grid-flow-col md:grid-cols-none md:auto-cols-[minmax(16rem,1fr)] md:overflow-x-auto md:pb-2">
          {visibleColumns.map((column) => (
            <BoardColumnView
              key={column.id}
              column={column}
              cards={columns[column.id]}
              abilities={abilities}
              now={now}
              hint={moving ? dropHintFor(boardMove(moving, column.id, abilities)) : undefined}
              shownOnPhone={column.id === url.show}
              targeted={keyboard.moving?.column === column.id}
              movingId={keyboard.moving?.card.id}
              onMove={startMove}
              onHandleKey={keyboard.onHandleKey}
              onHandleBlur={keyboard.cancel}
            />
          ))}
          {moving && !url.archived ? (
            <ArchiveDropZone
              card={moving}
              abilities={abilities}
              targeted={keyboard.moving?.column === "archived"}
            />
          ) : null}
        </div>
        <DragOverlay dropAnimation={null}>
          {dragged ? (
            <RunnerCard card={dragged} abilities={abilities} now={now} onMove={startMove} dragging />
          ) : null}
        </DragOverlay>
      </DndContext>
      <div role="status" aria-live="assertive" aria-atomic="true" className="sr-only">
        {keyboard.announcement}
      </div>
      {followUpFor ? (
        <FollowUpDialog
          card={followUpFor}
          onClose={() => setFollowUpFor(undefined)}
          onSend={(action) => {
            moveRunner({ card: followUpFor, action });
            setFollowUpFor(undefined);
          }}
        />
      ) : null}
      {archiveFor ? (
        <ConfirmDialog
          open
          onOpenChange={(open) => (open ? undefined : setArchiveFor(undefined))}
          title="Archive this run?"
          description={`“${archiveFor.title ?? "Untitled run"}” leaves the board; it stays under Archived.`}
          confirmLabel="Archive"
          onConfirm={(close) => {
            moveRunner({ card: archiveFor, action: { action: "archive" } });
            close();
            setArchiveFor(undefined);
          }}
        />
      ) : null}
    </div>
  );
}
