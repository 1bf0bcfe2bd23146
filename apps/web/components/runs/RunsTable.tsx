"use client";
/**
 * The runs table: virtualised rows over server-side cursor pages, sortable and filterable on
 * every column and by tags, a column chooser and multi-select to Compare. All view state is in the URL.
 */
import { useVirtualizer } from "@tanstack/react-virtual";
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { RunField, RunRowFragment } from "../../gql/graphql";
import { useQuery, useSubscription } from "../../lib/hooks";
import { LaunchOptionsQuery, RunUpdatedSubscription } from "../../lib/operations";
import type { Catalogue } from "../../lib/catalogue";
import { DEFAULT_COLUMN_KEYS, runColumns, type RunColumn } from "../../lib/run-columns";
import { applyRunUpdate } from "../../lib/run-patch";
import {
  nextSort,
  parseViewState,
  RUN_STATUSES,
  serializeViewState,
  tagSuggestions,
  toRunFilter,
  toRunOrder,
  type RunsViewState,
} from "../../lib/runs-view-state";
import { useRunsPages } from "../../lib/use-runs-pages";
import { ErrorBox } from "../States";
import { StatusBadge } from "../StatusBadge";
import { ColumnChooser } from "./ColumnChooser";
import { RunsSeedGroups } from "./RunsSeedGroups";
import { HeaderFilter } from "./HeaderFilter";
import { TagFilter } from "./TagFilter";

const ROW_HEIGHT = 34;
const CHECK_WIDTH = 36;

/** Props: the scope of runs shown (an experiment or a sweep) and the served catalogue its knob columns come from. */
export interface RunsTableProps {
  experimentId?: string;
  sweepId?: string;
  catalogue: Catalogue;
}

/** The runs table, driven by the URL's search params. */
export function RunsTable({ experimentId, sweepId, catalogue }: RunsTableProps) {
  const pathname = usePathname();
  const table = useMemo(() => runColumns(catalogue), [catalogue]);
  const params = useSearchParams();
  // The view is React state, seeded from the URL and written back to it with replaceState: no
  // server round trip and no remount per click (router.replace would re-render the page segment).
  // In the browser the address bar is the truth (Next may remount this subtree after replaceState).
  const [{ state: view, warnings }, setParsed] = useState(() =>
    parseViewState(typeof window === "undefined" ? params : new URLSearchParams(window.location.search), table),
  );
  const setView = useCallback(
    (next: RunsViewState) => {
      setParsed({ state: next, warnings: [] });
      const qs = serializeViewState(next).toString();
      window.history.replaceState(window.history.state, "", qs ? `${pathname}?${qs}` : pathname);
    },
    [pathname],
  );
  useEffect(() => {
    // Back/forward: take the view from the URL again.
    const onPop = () => setParsed(parseViewState(new URLSearchParams(window.location.search), table));
    window.addEventListener("popstate", onPop);
    return () => window.removeEventListener("popstate", onPop);
  }, [table]);

  const scope = useMemo(() => (sweepId ? { sweepId } : { experimentId }), [experimentId, sweepId]);
  const filter = useMemo(() => toRunFilter(view, scope), [view, scope]);
  const [groupsShown, setGroupsShown] = useState(false);
  const order = useMemo(() => toRunOrder(view), [view]);
  const pages = useRunsPages(filter, order);
  const options = useQuery(LaunchOptionsQuery, {});

  const newestFirst = order.field === "CREATED_AT" && order.direction === "DESC";
  useSubscription(RunUpdatedSubscription, scope, (d) =>
    pages.update((list) => applyRunUpdate(list, d.runUpdated, view, newestFirst, catalogue)),
  );

  const columns: RunColumn[] = useMemo(
    () => (view.columns ?? DEFAULT_COLUMN_KEYS).map((k) => table.byKey(k)).filter((c): c is RunColumn => c !== undefined),
    [view.columns, table],
  );
  const template = `${CHECK_WIDTH}px ${columns.map((c) => `${c.width}px`).join(" ")}`;
  const width = CHECK_WIDTH + columns.reduce((s, c) => s + c.width, 0);
  const selected = useMemo(() => new Set(view.selected), [view.selected]);

  const scrollRef = useRef<HTMLDivElement>(null);
  const count = pages.total ?? 0;
  const virtualizer = useVirtualizer({ count, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? 0;
  const { loadMore, rows, hasNext } = pages;
  useEffect(() => {
    // Fetch ahead: the next page is requested while 40 loaded rows remain below the viewport.
    if (hasNext && lastIndex >= rows.length - 40) loadMore(lastIndex);
  }, [lastIndex, rows.length, hasNext, loadMore]);

  const toggle = (id: string) => {
    const next = selected.has(id) ? view.selected.filter((s) => s !== id) : [...view.selected, id];
    setView({ ...view, selected: next });
  };
  const sortBy = (field: RunField) => setView({ ...view, sort: nextSort(view.sort, field) });
  const canCompare = view.selected.length >= 2 && view.selected.length <= 20;
  const baseModels = options.data?.baseModels.map((b) => b.name) ?? [];
  const augmentations = options.data?.augmentationPresets.map((a) => a.ops) ?? [];
  const suggestedTags = useMemo(() => tagSuggestions(pages.rows, view.tags), [pages.rows, view.tags]);

  return (
    <div data-testid="runs-table">
      {warnings.length > 0 ? <div className="warn-box">{warnings.join(". ")}</div> : null}
      <div className="runs-toolbar">
        <b data-testid="runs-total">{pages.total === null ? "…" : `${pages.total.toLocaleString()} runs`}</b>
        <span className="muted">{pages.rows.length < (pages.total ?? 0) ? `(${pages.rows.length.toLocaleString()} loaded)` : ""}</span>
        <span style={{ flex: 1 }} />
        <span className="muted">{view.selected.length} selected</span>
        {view.selected.length > 0 ? <button onClick={() => setView({ ...view, selected: [] })}>Clear selection</button> : null}
        {canCompare ? (
          <Link className="button primary" data-testid="compare-link" href={`/compare?ids=${view.selected.join(",")}`}>
            Compare {view.selected.length}
          </Link>
        ) : (
          <button className="primary" disabled title="Select 2 to 20 runs">
            Compare
          </button>
        )}
        <label style={{ fontWeight: 400 }}>
          <input
            type="checkbox"
            checked={groupsShown}
            onChange={(e) => setGroupsShown(e.target.checked)}
            data-testid="runs-groups-toggle"
          />{" "}
          Seed groups
        </label>
        <ColumnChooser columns={table.all} visible={columns.map((c) => c.key)} onChange={(cols) => setView({ ...view, columns: cols })} />
        <button
          onClick={() => setView({ ...view, sort: null, status: [], baseModels: [], augmentations: [], search: "", ranges: [], tags: [] })}
        >
          Reset filters
        </button>
      </div>
      <TagFilter active={view.tags} suggestions={suggestedTags} onChange={(tags) => setView({ ...view, tags })} />
      {groupsShown ? <RunsSeedGroups filter={filter} /> : null}
      {pages.error ? <ErrorBox error={pages.error} retry={pages.reload} /> : null}
      <div className="runs-table">
        <div className="runs-scroll" ref={scrollRef} data-testid="runs-scroll">
          <div className="runs-head" style={{ gridTemplateColumns: template, width }}>
            <div />
            {columns.map((c) => (
              <div key={c.key} data-col={c.key}>
                <button
                  className="sort"
                  onClick={() => sortBy(c.field)}
                  data-testid={`sort-${c.key}`}
                  title={c.title ? `Sort by ${c.label}: ${c.title}` : `Sort by ${c.label}`}
                >
                  {view.sort?.field === c.field ? (view.sort.direction === "DESC" ? "▼ " : "▲ ") : ""}
                  {c.label}
                </button>
                <HeaderFilter
                  column={c}
                  view={view}
                  setView={setView}
                  baseModels={baseModels}
                  augmentations={augmentations}
                  statuses={RUN_STATUSES}
                />
              </div>
            ))}
          </div>
          <div style={{ height: virtualizer.getTotalSize(), position: "relative", width }}>
            {items.map((item) => {
              const run = pages.rows[item.index];
              return (
                <div
                  key={run?.id ?? `p${item.index}`}
                  className={`runs-row${run && selected.has(run.id) ? " selected" : ""}`}
                  data-testid={run ? "run-row" : "run-row-placeholder"}
                  data-run-id={run?.id}
                  data-status={run?.status}
                  data-index={item.index}
                  style={{ gridTemplateColumns: template, width, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
                >
                  {run ? (
                    <Row run={run} columns={columns} selected={selected.has(run.id)} toggle={toggle} />
                  ) : (
                    <div className="muted" style={{ gridColumn: "1 / -1" }}>
                      loading…
                    </div>
                  )}
                </div>
              );
            })}
          </div>
          {pages.total === 0 ? <div className="empty muted">No runs match this view.</div> : null}
        </div>
      </div>
    </div>
  );
}

function Row({
  run,
  columns,
  selected,
  toggle,
}: {
  run: RunRowFragment;
  columns: RunColumn[];
  selected: boolean;
  toggle: (id: string) => void;
}) {
  return (
    <>
      <div>
        <input type="checkbox" aria-label={`select ${run.name}`} checked={selected} onChange={() => toggle(run.id)} />
      </div>
      {columns.map((c) => (
        <div key={c.key} className={c.numeric ? "num" : undefined} data-col={c.key}>
          {c.key === "status" ? (
            <StatusBadge status={run.status} />
          ) : c.key === "name" ? (
            <Link href={`/runs/${run.id}`}>{run.name}</Link>
          ) : (
            c.render(run)
          )}
        </div>
      ))}
    </>
  );
}
