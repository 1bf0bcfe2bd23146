/**
 * Creating a sweep from the launch form exactly once, and always leaving "Launching…".
 *
 * Why the button could stay on "Launching…" after the sweep existed: the form waited for two things
 * with no bound, the mutation (no timeout on the browser's fetch, nor on the proxy's, whose default
 * is undici's 5 minutes) and then the App Router's soft navigation to the new sweep, which in
 * production builds can stall without an error (vercel/next.js#86151, with a root loading.js as
 * ours). Now the mutation has a deadline and is retried with the same idempotency key, so a retry
 * (automatic, or the user's second click) returns the sweep the first attempt created instead of
 * a second one; and the navigation falls back to a full page load when the soft one has not
 * happened in time.
 */
import { gql, GraphQLRequestError } from "./graphql-client";
import type { CreateSweepInput } from "../gql/graphql";
import { CreateSweepMutation } from "./operations";

/** How long one createSweep request may take before it is retried (a 10,000-run sweep takes seconds). */
export const LAUNCH_TIMEOUT_MS = 30_000;
/** Requests per launch click: the first and one automatic retry with the same key. */
export const LAUNCH_ATTEMPTS = 2;
/** How long the soft navigation to the new sweep may take before a full page load replaces it. */
export const NAVIGATION_FALLBACK_MS = 4_000;

/** A fresh idempotency key (one per distinct sweep the user means to launch). */
export function newIdempotencyKey(): string {
  return globalThis.crypto.randomUUID();
}

/**
 * The key for `input`: the same while the form describes the same sweep (so a second click, or a
 * retry after a timeout, names the same launch), a new one as soon as the sweep differs.
 */
export class LaunchKeys {
  private last: { input: string; key: string } | null = null;

  constructor(private readonly fresh: () => string = newIdempotencyKey) {}

  /** The key for this form input. */
  keyFor(input: Omit<CreateSweepInput, "idempotencyKey">): string {
    const text = JSON.stringify(input);
    if (this.last?.input !== text) this.last = { input: text, key: this.fresh() };
    return this.last.key;
  }

  /** Forgets the key once its sweep was created, so the same form launches a new sweep next time. */
  reset(): void {
    this.last = null;
  }
}

/** True for failures where the request may not have reached the API or its answer was lost. */
export function isRetryableLaunchError(error: unknown): boolean {
  if ((error as Error | null)?.name === "TimeoutError" || (error as Error | null)?.name === "AbortError") return true;
  if (!(error instanceof GraphQLRequestError)) return false;
  // No status: the network failed. 502/503/504: the proxy could not reach or hear the API.
  if (error.status === undefined) return true;
  return error.status === 502 || error.status === 503 || error.status === 504;
}

/** The created sweep, as the form needs it. */
export interface LaunchedSweep {
  id: string;
}

/**
 * Creates the sweep under `key`: each attempt has {@link LAUNCH_TIMEOUT_MS}, a retryable failure is
 * retried (same key, so at most one sweep exists), anything else is thrown as the API said it.
 */
export async function createSweepOnce(
  input: Omit<CreateSweepInput, "idempotencyKey">,
  key: string,
  options: { attempts?: number; timeoutMs?: number; request?: typeof gql } = {},
): Promise<LaunchedSweep> {
  const attempts = options.attempts ?? LAUNCH_ATTEMPTS;
  const request = options.request ?? gql;
  let lastError: unknown;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      const r = await request(
        CreateSweepMutation,
        { input: { ...input, idempotencyKey: key } },
        { signal: AbortSignal.timeout(options.timeoutMs ?? LAUNCH_TIMEOUT_MS) },
      );
      return { id: r.createSweep.id };
    } catch (error) {
      lastError = error;
      if (!isRetryableLaunchError(error)) throw error;
    }
  }
  if ((lastError as Error | null)?.name === "TimeoutError") {
    throw new GraphQLRequestError([
      `The API did not answer within ${Math.round((options.timeoutMs ?? LAUNCH_TIMEOUT_MS) / 1000)} s (tried ${attempts} times). Launch again: the same sweep is not created twice.`,
    ]);
  }
  throw lastError;
}

/**
 * Goes to `path` with the App Router's `push`, and with a full page load if the page is still not
 * there after {@link NAVIGATION_FALLBACK_MS}. Returns a function that cancels the fallback.
 */
export function navigateWithFallback(
  path: string,
  push: (path: string) => void,
  location: { pathname: string; assign(url: string): void } = window.location,
  fallbackMs = NAVIGATION_FALLBACK_MS,
): () => void {
  push(path);
  const timer = setTimeout(() => {
    if (location.pathname !== path) location.assign(path);
  }, fallbackMs);
  return () => clearTimeout(timer);
}
