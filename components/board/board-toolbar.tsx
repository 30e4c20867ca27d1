"use client";

import { useId, useState } from "react";
import { agents } from "@/db/schema/upstream-states";
import { useBoardUrl } from "@/lib/queries/board-url";
import { type BoardCard, type BoardColumn, boardColumns } from "@/lib/runners/board";
import { boardSorts, isBoardColumn } from "@/lib/runners/board-filters";
import type { BoardOutput } from "@/lib/runners/board-schemas";
import { CreateRunnerButton } from "./create-runner-dialog";
import { NotificationsToggle } from "./run-notifications";

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
  // On a phone the filters fold away behind a button, so the cards keep the screen.
  const [filtersOpen, setFiltersOpen] = useState(false);
  const filtersId = useId();
  const activeFilters = [url.q, url.site, url.agent, url.state, url.mine].filter(Boolean).length;
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-end justify-end gap-2">
        <label className={`${label} flex-1 md:hidden`}>
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
        <button
          type="button"
          aria-expanded={filtersOpen}
          aria-controls={filtersId}
          onClick={() => setFiltersOpen((open) => !open)}
          className={`${control} font-medium md:hidden`}
        >
          {activeFilters ? `Filters (${activeFilters})` : "Filters"}
        </button>
        <NotificationsToggle />
        <CreateRunnerButton sites={sites} disabled={!viewer.write} />
      </div>
      <search
        id={filtersId}
        aria-label="Filter runs"
        className={`${filtersOpen ? "flex" : "hidden"} flex-wrap items-end gap-3 md:flex`}
      >
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
    </div>
  );
}
