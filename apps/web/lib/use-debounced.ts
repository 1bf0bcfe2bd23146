"use client";
import { useEffect, useRef } from "react";

/**
 * A stable function that calls the latest `fn` once, `ms` after the last call: live events come
 * in bursts (one per epoch per run) and each burst needs one refetch, not dozens.
 */
export function useDebounced(fn: () => void, ms: number): () => void {
  const latest = useRef(fn);
  latest.current = fn;
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const call = useRef(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => latest.current(), ms);
  });
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);
  return call.current;
}
