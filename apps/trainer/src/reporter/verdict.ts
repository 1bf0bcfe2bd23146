/**
 * What the reporter does with journal entries after a request for them failed. The journal exists so
 * that nothing the API has not stored is lost; so an entry is dropped only on an answer that says the
 * API looked at it and will never take it, and everything else (no answer, a 5xx, STORAGE_UNAVAILABLE
 * from a full disk, INTERNAL_SERVER_ERROR, a token or schema problem an operator can fix) is kept and
 * sent again with backoff.
 */
import { GraphQLRequestError, isRetryable } from "../graphql/client";

/** extensions.reason of the API's CONFLICT when another attempt of the run owns it now. */
export const SUPERSEDED = "SUPERSEDED";

/** The reporter's decision about a failed request. */
export type Verdict =
  /** Keep the entries in the journal and send them again later. */
  | { kind: "retry" }
  /** The API refused them for good (BAD_USER_INPUT, NOT_FOUND, a CONFLICT such as a run no longer RUNNING): drop them. */
  | { kind: "drop" }
  /**
   * The run was claimed again after this attempt's lease expired: nothing this attempt sends can be
   * stored any more, so every entry of the attempt is dropped and training it should stop.
   */
  | { kind: "superseded"; currentAttempt: number | null };

/** Codes that mean the request will be refused however often it is sent. */
const FINAL_CODES = new Set(["BAD_USER_INPUT", "NOT_FOUND", "CONFLICT"]);

/** Classifies a failed request (see the module comment). */
export function verdictFor(error: unknown): Verdict {
  if (!(error instanceof GraphQLRequestError) || error.code === undefined || !FINAL_CODES.has(error.code)) return { kind: "retry" };
  const superseded = error.errors.find((e) => e.extensions?.code === "CONFLICT" && e.extensions["reason"] === SUPERSEDED);
  if (superseded) {
    const current = superseded.extensions?.["currentAttempt"];
    return { kind: "superseded", currentAttempt: typeof current === "number" ? current : null };
  }
  return { kind: "drop" };
}

/**
 * For requests outside the journal (registerAgent, claimRun): whether the same request may succeed
 * later. Besides what the client calls retryable (no answer, a 5xx), an answer that says so itself:
 * `extensions.retryable` (STORAGE_UNAVAILABLE while the API's disk is full or read-only).
 */
export function isTransient(error: unknown): boolean {
  if (isRetryable(error)) return true;
  return (
    error instanceof GraphQLRequestError &&
    error.errors.some((e) => e.extensions?.code === "STORAGE_UNAVAILABLE" || e.extensions?.["retryable"] === true)
  );
}
