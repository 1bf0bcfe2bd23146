/**
 * An API failure as the dashboard shows it: the API's own words and its code (`extensions.code`),
 * with CONFLICT read as a refusal ("the request is valid, the current state forbids it": deleting a
 * sweep while one of its runs is RUNNING). PURE: no React.
 */
import { GraphQLRequestError } from "./graphql-client";

/** A failure to show. */
export interface ApiFailure {
  /** The first code the API gave (CONFLICT, BAD_USER_INPUT, NOT_FOUND…), null for network and HTTP failures. */
  code: string | null;
  /** Every message, as the API wrote it. */
  messages: string[];
  /** The API refused in the current state (CONFLICT): nothing changed, and doing something else first may help. */
  refused: boolean;
}

/** What went wrong in `error`, for display. */
export function apiFailure(error: unknown): ApiFailure {
  if (error instanceof GraphQLRequestError) {
    const code = error.codes.find((c): c is string => c !== null) ?? null;
    return { code, messages: error.messages, refused: code === "CONFLICT" };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: null, messages: [message], refused: false };
}
