import { type BoardCard, boardColumns, groupByColumn } from "@/lib/runners/board";
import { RunnerCard } from "./runner-card";

const columnTitles: Record<(typeof boardColumns)[number], string> = {
  new: "New",
  running: "Running",
  done: "Done",
  error: "Error",
  cancelled: "Cancelled",
};

export function BoardColumns({ cards }: { cards: BoardCard[] }) {
  const columns = groupByColumn(cards);
  return (
    <div className="grid auto-cols-[minmax(14rem,1fr)] grid-flow-col gap-4 overflow-x-auto pb-4">
      {boardColumns.map((column) => (
        <section key={column} aria-labelledby={`column-${column}`} className="flex min-w-0 flex-col gap-3">
          <h2 id={`column-${column}`} className="flex items-center justify-between text-sm font-medium">
            <span>{columnTitles[column]}</span>
            <span className="rounded-full bg-surface-muted px-2 py-0.5 text-xs text-ink-muted">
              {columns[column].length}
            </span>
          </h2>
          <div className="flex flex-col gap-2">
            {columns[column].map((card) => (
              <RunnerCard key={card.id} card={card} />
            ))}
          </div>
        </section>
      ))}
    </div>
  );
}
