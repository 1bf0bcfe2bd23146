"use client";
import { useEffect, useRef } from "react";

/** A call that runs its work once per burst, and can be cancelled. */
export interface Coalesced {
  (): void;
  cancel(): void;
}

/**
 * Returns a function that, however often it is called, runs `fn` once, `ms` after the first call
 * of a burst; calls while that run is pending join it. Unlike a debounce, which waits for `ms` of
 * quiet, this fires during a steady stream of calls too: a sweep whose agents log an epoch every
 * few hundred milliseconds never goes quiet, and its page must still refresh about every `ms`.
 */
export function coalesce(fn: () => void, ms: number): Coalesced {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const call = (() => {
    if (timer !== null) return;
    timer = setTimeout(() => {
      timer = null;
      fn();
    }, ms);
  }) as Coalesced;
  call.cancel = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  return call;
}

/**
 * {@link coalesce} as a hook: a stable function that calls the latest `fn` at most once per `ms`
 * while live events keep arriving (one per epoch per run), and never after unmount.
 */
export function useCoalesced(fn: () => void, ms: number): () => void {
  const latest = useRef(fn);
  latest.current = fn;
  const call = useRef<Coalesced | null>(null);
  call.current ??= coalesce(() => latest.current(), ms);
  useEffect(() => () => call.current?.cancel(), []);
  return call.current;
}
