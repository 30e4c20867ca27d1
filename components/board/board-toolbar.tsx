"use client";

import { agents } from "@/db/schema/upstream-states";
import { useBoardUrl } from "@/lib/queries/board-url";
import { type BoardCard, type BoardColumn, boardColumns } from "@/lib/runners/board";
import { boardSorts, isBoardColumn } from "@/lib/runners/board-filters";
import type { BoardOutput } from "@/lib/runners/board-schemas";
import { CreateRunnerButton } from "./create-runner-dialog";

const control = "h-9 rounded-md border border-border bg-surface px-2 text-sm";
const label = "flex flex-col gap-1 text-xs font-medium text-ink-muted";

/** Filters, sort and the archive toggle (all in the URL), and a phone's column switcher. */
export function BoardToolbar({
  sites,
  viewer,
  counts,
}: {
  sites: BoardOutput["sites"];
  viewer: BoardOutput["viewer"];
  counts: Record<BoardColumn, BoardCard[]>;
}) {
  const [url, setUrl] = useBoardUrl();
  return (
    <div className="flex flex-col gap-3">
      <div className="flex justify-end">
        <CreateRunnerButton sites={sites} disabled={!viewer.write} />
      </div>
      <search aria-label="Filter runs" className="flex flex-wrap items-end gap-3">
        <label className={`${label} min-w-40 flex-1`}>
          Search
          <input
            type="search"
            value={url.q}
            placeholder="Title, branch, site…"
            onChange={(event) => void setUrl({ q: event.target.value || null })}
            className={control}
          />
        </label>
        <label className={label}>
          Site
          <select
            value={url.site ?? ""}
            onChange={(event) => void setUrl({ site: event.target.value || null })}
            className={control}
          >
            <option value="">All sites</option>
            {sites.map((site) => (
              <option key={site.id} value={site.id}>
                {site.name}
              </option>
            ))}
          </select>
        </label>
        <label className={label}>
          Agent
          <select
            value={url.agent ?? ""}
            onChange={(event) => void setUrl({ agent: event.target.value || null })}
            className={control}
          >
            <option value="">All agents</option>
            {agents.map((agent) => (
              <option key={agent}>{agent}</option>
            ))}
          </select>
        </label>
        <label className={label}>
          State
          <select
            value={url.state ?? ""}
            onChange={(event) =>
              void setUrl({ state: isBoardColumn(event.target.value) ? event.target.value : null })
            }
            className={control}
          >
            <option value="">All states</option>
            {boardColumns.map((column) => (
              <option key={column.id} value={column.id}>
                {column.title}
              </option>
            ))}
          </select>
        </label>
        <label className={label}>
          Sort
          <select
            value={url.sort}
            onChange={(event) => void setUrl({ sort: event.target.value as typeof url.sort })}
            className={control}
          >
            {boardSorts.map((sort) => (
              <option key={sort.id} value={sort.id}>
                {sort.label}
              </option>
            ))}
          </select>
        </label>
        <label className="flex h-9 items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={url.mine}
            onChange={(event) => void setUrl({ mine: event.target.checked || null })}
          />
          Started by me
        </label>
        <label className="flex h-9 items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={url.archived}
            onChange={(event) => void setUrl({ archived: event.target.checked || null })}
          />
          Show archived
        </label>
      </search>
      <label className={`${label} md:hidden`}>
        Column
        <select
          value={url.show}
          onChange={(event) => void setUrl({ show: event.target.value as BoardColumn })}
          className={control}
        >
          {boardColumns
            .filter(({ id }) => id !== "archived" || url.archived)
            .map((column) => (
              <option key={column.id} value={column.id}>
                {column.title} ({counts[column.id].length})
              </option>
            ))}
        </select>
      </label>
    </div>
  );
}
