"use client";
/**
 * Server-side cursor pagination for the runs table: loads pages of 100 as the user scrolls,
 * restarts when the filter/order change, and applies live updates to what is loaded.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { RunFilter, RunOrder, RunRowFragment } from "../gql/graphql";
import { gql } from "./graphql-client";
import { RunsPageQuery } from "./operations";

/** Rows per request while scrolling normally. */
export const PAGE_SIZE = 100;
/** Largest request when the user jumps far ahead (the API allows 500; complexity stays bounded). */
export const MAX_PAGE_SIZE = 400;

/** Rows to request so that row `wantIndex` (plus a margin) gets loaded: whole pages, 100..400. */
export function pageSizeFor(loaded: number, wantIndex: number): number {
  const need = wantIndex - loaded + 60;
  return Math.min(MAX_PAGE_SIZE, Math.max(PAGE_SIZE, Math.ceil(need / PAGE_SIZE) * PAGE_SIZE));
}

/** What the table reads. */
export interface RunsPages {
  rows: RunRowFragment[];
  total: number | null;
  hasNext: boolean;
  loading: boolean;
  error: Error | null;
  /** Fetches the next page (bigger when `wantIndex` is far ahead) unless one is in flight or none is left. */
  loadMore: (wantIndex?: number) => void;
  reload: () => void;
  update: (fn: (list: { rows: RunRowFragment[]; total: number }) => { rows: RunRowFragment[]; total: number }) => void;
}

/** Paginated runs for a filter and order. */
export function useRunsPages(filter: RunFilter, orderBy: RunOrder): RunsPages {
  const key = JSON.stringify([filter, orderBy]);
  const [state, setState] = useState<{
    key: string;
    rows: RunRowFragment[];
    total: number | null;
    cursor: string | null;
    hasNext: boolean;
    error: Error | null;
  }>({ key, rows: [], total: null, cursor: null, hasNext: true, error: null });
  const inflight = useRef<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [generation, setGeneration] = useState(0);
  const stateRef = useRef(state);
  stateRef.current = state;

  const fetchPage = useCallback(async (forKey: string, after: string | null, first: number = PAGE_SIZE) => {
    const token = `${forKey}|${after ?? ""}`;
    if (inflight.current === token) return;
    inflight.current = token;
    setLoading(true);
    const [f, o] = JSON.parse(forKey) as [RunFilter, RunOrder];
    try {
      const data = await gql(RunsPageQuery, { filter: f, orderBy: o, first, after });
      setState((prev) => {
        if (prev.key !== forKey) return prev;
        const seen = new Set(after === null ? [] : prev.rows.map((r) => r.id));
        const fresh = data.runs.nodes.filter((n) => !seen.has(n.id));
        return {
          key: forKey,
          rows: after === null ? fresh : prev.rows.concat(fresh),
          total: data.runs.totalCount,
          cursor: data.runs.pageInfo.endCursor ?? null,
          hasNext: data.runs.pageInfo.hasNextPage,
          error: null,
        };
      });
    } catch (e) {
      setState((prev) => (prev.key === forKey ? { ...prev, error: e as Error, hasNext: false } : prev));
    } finally {
      if (inflight.current === token) inflight.current = null;
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    setState({ key, rows: [], total: null, cursor: null, hasNext: true, error: null });
    inflight.current = null;
    void fetchPage(key, null);
  }, [key, fetchPage, generation]);

  const loadMore = useCallback(
    (wantIndex?: number) => {
      const s = stateRef.current;
      if (s.key !== key || !s.hasNext || s.cursor === null || inflight.current) return;
      void fetchPage(key, s.cursor, pageSizeFor(s.rows.length, wantIndex ?? s.rows.length));
    },
    [key, fetchPage],
  );

  const update = useCallback<RunsPages["update"]>((fn) => {
    setState((prev) => {
      if (prev.total === null) return prev;
      const next = fn({ rows: prev.rows, total: prev.total });
      return next.rows === prev.rows && next.total === prev.total ? prev : { ...prev, rows: next.rows, total: next.total };
    });
  }, []);

  const fresh = state.key === key;
  return {
    rows: fresh ? state.rows : [],
    total: fresh ? state.total : null,
    hasNext: fresh ? state.hasNext : true,
    loading,
    error: fresh ? state.error : null,
    loadMore,
    reload: () => setGeneration((g) => g + 1),
    update,
  };
}
