import { type BoardCard, boardColumns, groupByColumn } from "@/lib/runners/board";
import { RunnerCard } from "./runner-card";

export function BoardColumns({ cards }: { cards: BoardCard[] }) {
  const columns = groupByColumn(cards);
  return (
    <div className="grid auto-cols-[minmax(14rem,1fr)] grid-flow-col gap-4 overflow-x-auto pb-4">
      {boardColumns.map(({ id, title }) => (
        <section key={id} aria-labelledby={`column-${id}`} className="flex min-w-0 flex-col gap-3">
          <h2 id={`column-${id}`} className="flex items-center justify-between text-sm font-medium">
            <span>{title}</span>
            <span className="rounded-full bg-surface-muted px-2 py-0.5 text-xs text-ink-muted">
              {columns[id].length}
            </span>
          </h2>
          <div className="flex flex-col gap-2">
            {columns[id].map((card) => (
              // In "Other" the column does not say the state, so the card does.
              <RunnerCard key={card.id} card={card} showState={id === "other"} />
            ))}
          </div>
        </section>
      ))}
    </div>
  );
}
