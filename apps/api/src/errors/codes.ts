import { GraphQLError } from "graphql";

/**
 * The error codes clients can rely on (extensions.code). STORAGE_UNAVAILABLE (the database cannot be
 * written now; `retryable: true`) is produced from SQLite failures by formatError (see storage.ts).
 */
export type GraftErrorCode = "BAD_USER_INPUT" | "NOT_FOUND" | "CONFLICT" | "UNAUTHENTICATED" | "FORBIDDEN" | "STORAGE_UNAVAILABLE";

/** Statuses an HTTP-level rejection (before execution) uses, so plain HTTP clients see them too. */
const HTTP_STATUS: Record<GraftErrorCode, number> = {
  BAD_USER_INPUT: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  STORAGE_UNAVAILABLE: 503,
};

/** The HTTP status a plain (non-GraphQL) endpoint answers with for `code`. */
export function httpStatusOf(code: GraftErrorCode): number {
  return HTTP_STATUS[code];
}

/** A GraphQL error whose message names the problem and whose code says what kind it is. */
export function graftError(code: GraftErrorCode, message: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extra } });
}

/** Like {@link graftError}, with the HTTP status set for errors raised by plugins before execution. */
export function httpGraftError(code: GraftErrorCode, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status: HTTP_STATUS[code] } } });
}

/** BAD_USER_INPUT naming the field and the value received. */
export function badInput(message: string, field?: string, value?: unknown): GraphQLError {
  return graftError("BAD_USER_INPUT", message, field === undefined ? {} : { field, value: safeValue(value) });
}

/** NOT_FOUND for `kind` with `id`. */
export function notFound(kind: string, id: string): GraphQLError {
  return graftError("NOT_FOUND", `${kind} ${JSON.stringify(id)} not found`);
}

/** CONFLICT: the request is valid but the current state forbids it. */
export function conflict(message: string): GraphQLError {
  return graftError("CONFLICT", message);
}

/** Quotes a received value for a message, bounded so a huge input cannot flood logs. */
export function quote(value: unknown): string {
  let text: string;
  try {
    text = typeof value === "string" ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  } catch {
    text = String(value);
  }
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

function safeValue(value: unknown): unknown {
  return typeof value === "number" || typeof value === "boolean" || value === null ? value : quote(value);
}
