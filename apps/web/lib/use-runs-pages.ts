"use client";
/**
 * Server-side cursor pagination for the runs table: loads pages of 100 as the user scrolls,
 * restarts when the filter/order change, and applies live updates to what is loaded.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { RunFilter, RunOrder, RunRowFragment } from "../gql/graphql";
import { gql } from "./graphql-client";
import { RunsPageQuery } from "./operations";

/** Rows per request. */
export const PAGE_SIZE = 100;

/** What the table reads. */
export interface RunsPages {
  rows: RunRowFragment[];
  total: number | null;
  hasNext: boolean;
  loading: boolean;
  error: Error | null;
  /** Fetches the next page unless one is in flight or none is left. */
  loadMore: () => void;
  reload: () => void;
  update: (fn: (list: { rows: RunRowFragment[]; total: number }) => { rows: RunRowFragment[]; total: number }) => void;
}

/** Paginated runs for a filter and order. */
export function useRunsPages(filter: RunFilter, orderBy: RunOrder): RunsPages {
  const key = JSON.stringify([filter, orderBy]);
  const [state, setState] = useState<{ key: string; rows: RunRowFragment[]; total: number | null; cursor: string | null; hasNext: boolean; error: Error | null }>(
    { key, rows: [], total: null, cursor: null, hasNext: true, error: null });
  const inflight = useRef<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [generation, setGeneration] = useState(0);
  const stateRef = useRef(state);
  stateRef.current = state;

  const fetchPage = useCallback(async (forKey: string, after: string | null) => {
    const token = `${forKey}|${after ?? ""}`;
    if (inflight.current === token) return;
    inflight.current = token;
    setLoading(true);
    const [f, o] = JSON.parse(forKey) as [RunFilter, RunOrder];
    try {
      const data = await gql(RunsPageQuery, { filter: f, orderBy: o, first: PAGE_SIZE, after });
      setState((prev) => {
        if (prev.key !== forKey) return prev;
        const seen = new Set(after === null ? [] : prev.rows.map((r) => r.id));
        const fresh = data.runs.nodes.filter((n) => !seen.has(n.id));
        return { key: forKey, rows: after === null ? fresh : prev.rows.concat(fresh), total: data.runs.totalCount,
          cursor: data.runs.pageInfo.endCursor ?? null, hasNext: data.runs.pageInfo.hasNextPage, error: null };
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

  const loadMore = useCallback(() => {
    const s = stateRef.current;
    if (s.key !== key || !s.hasNext || s.cursor === null || inflight.current) return;
    void fetchPage(key, s.cursor);
  }, [key, fetchPage]);

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
