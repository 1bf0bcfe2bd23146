/** Exponential backoff with jitter for retrying requests to an API that is down or overloaded. */

/** Settings of {@link backoffDelay}. */
export interface BackoffOptions {
  /** Delay cap of the first retry, in ms (default 250). */
  baseMs?: number;
  /** Largest delay, in ms (default 15 000): an API back from a restart is noticed within this. */
  maxMs?: number;
  /** Injected for tests; defaults to Math.random. */
  random?: () => number;
}

/**
 * The delay before retry number `attempt` (1-based): the cap doubles each attempt up to `maxMs`, and
 * the delay is drawn uniformly from [cap/2, cap] ("equal jitter") so that many agents hitting one
 * restarted API spread out instead of retrying in lockstep.
 */
export function backoffDelay(attempt: number, options: BackoffOptions = {}): number {
  if (!Number.isInteger(attempt) || attempt < 1) throw new RangeError(`attempt must be an integer >= 1, got ${String(attempt)}`);
  const base = options.baseMs ?? 250;
  const max = options.maxMs ?? 15_000;
  const random = options.random ?? Math.random;
  const cap = Math.min(max, base * 2 ** Math.min(attempt - 1, 30));
  return cap / 2 + random() * (cap / 2);
}

/** Resolves after `ms`, or early (with false) when `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve(false);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve(true);
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve(false);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
