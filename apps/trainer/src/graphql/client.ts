/**
 * A small typed GraphQL-over-HTTP client on `fetch`: POST JSON, bearer token, per-request timeout.
 * GraphQL errors are surfaced as {@link GraphQLRequestError} with the server's `extensions.code`, and
 * transport failures (refused connection, timeout, 5xx) as {@link TransportError}, so callers such as
 * the reporter can tell "retry later" from "the server said no". Operations are the typed documents
 * codegen generates from the contract (see operations.ts), so variables and results are checked.
 */
import { parseApiUrl } from "@graft/config/api-url";
import type { TypedDocumentString } from "./gql/graphql";

/** One GraphQL error as the server returns it. */
export interface GraphQLErrorEntry {
  message: string;
  path?: ReadonlyArray<string | number>;
  extensions?: { code?: string; [key: string]: unknown };
}

/** The server answered, but with GraphQL errors (validation, BAD_USER_INPUT, NOT_FOUND, ...). */
export class GraphQLRequestError extends Error {
  readonly errors: GraphQLErrorEntry[];
  /** `extensions.code` of the first error, when the server sent one. */
  readonly code: string | undefined;

  constructor(operation: string, errors: GraphQLErrorEntry[]) {
    const first = errors[0];
    const code = first?.extensions?.code;
    super(`${operation} failed${code ? ` (${code})` : ""}: ${errors.map((e) => e.message).join("; ")}`);
    this.name = "GraphQLRequestError";
    this.errors = errors;
    this.code = code;
  }
}

/** The request never got a GraphQL answer: connection refused, timeout, a non-JSON or 5xx response. */
export class TransportError extends Error {
  /** HTTP status when a response arrived, otherwise undefined. */
  readonly status: number | undefined;

  constructor(message: string, options?: { cause?: unknown; status?: number }) {
    super(message, { cause: options?.cause });
    this.name = "TransportError";
    this.status = options?.status;
  }
}

/** True when retrying the same request later may succeed (the API is down or overloaded). */
export function isRetryable(error: unknown): boolean {
  if (error instanceof TransportError) return error.status === undefined || error.status >= 500 || error.status === 429;
  if (error instanceof GraphQLRequestError)
    return error.code === "INTERNAL_SERVER_ERROR" && /SQLITE_BUSY|database is locked/i.test(error.message);
  return false;
}

/** Settings of a {@link GraphQLClient}. */
export interface GraphQLClientOptions {
  /** The API's GraphQL endpoint (`http://host:4000/graphql`), or its bare origin as shorthand. */
  url: string;
  /** Sent as `Authorization: Bearer <token>` when set. */
  token?: string;
  /** Abort a request after this many milliseconds (default 15 000). */
  timeoutMs?: number;
  /** Injected for tests; defaults to the global `fetch`. */
  fetch?: typeof fetch;
}

/** Operation names by document, so each generated document is scanned for its name once. */
const operationNames = new WeakMap<object, string>();

/**
 * The name of the operation a generated document holds (the fake API, the server's logs and the
 * errors here all go by it). The client preset prints the operation first, then the fragments it
 * spreads, and every document in operations.ts is a named operation.
 */
export function operationName<TData, TVariables>(document: TypedDocumentString<TData, TVariables>): string {
  let name = operationNames.get(document);
  if (name === undefined) {
    const match = /^\s*(?:query|mutation|subscription)\s+(\w+)/.exec(document.toString());
    if (!match?.[1]) throw new TypeError(`Not a named GraphQL operation: ${document.toString().trim().slice(0, 60)}`);
    name = match[1];
    operationNames.set(document, name);
  }
  return name;
}

/**
 * The GraphQL endpoint of an API address (`http://host:4000/graphql`, or the bare origin as shorthand),
 * by the one rule every Graft process uses (@graft/config/api-url); throws an ApiUrlError naming
 * `setting` for anything else.
 */
export function graphqlEndpoint(url: string, setting = "the API URL"): string {
  return parseApiUrl(url, setting).graphql;
}

/** A GraphQL client bound to one endpoint and token. */
export class GraphQLClient {
  readonly endpoint: string;
  private readonly token: string | undefined;
  private readonly timeoutMs: number;
  private readonly fetchImpl: typeof fetch;

  constructor(options: GraphQLClientOptions) {
    this.endpoint = graphqlEndpoint(options.url);
    this.token = options.token;
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.fetchImpl = options.fetch ?? fetch;
  }

  /**
   * Runs one operation and returns its `data`, or throws {@link GraphQLRequestError} / {@link TransportError}.
   * The document alone decides the types (`NoInfer`): variables are checked against it, never widened to fit.
   */
  async request<TData, TVariables>(document: TypedDocumentString<TData, TVariables>, variables: NoInfer<TVariables>): Promise<TData> {
    const name = operationName(document);
    const headers: Record<string, string> = { "content-type": "application/json", accept: "application/json" };
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    let response: Response;
    try {
      response = await this.fetchImpl(this.endpoint, {
        method: "POST",
        headers,
        body: JSON.stringify({ query: document.toString(), operationName: name, variables }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      const reason =
        error instanceof Error && error.name === "TimeoutError" ? `timed out after ${this.timeoutMs} ms` : describeCause(error);
      throw new TransportError(`${name}: API at ${this.endpoint} unreachable (${reason})`, { cause: error });
    }
    let body: { data?: TData | null; errors?: GraphQLErrorEntry[] };
    try {
      body = (await response.json()) as typeof body;
    } catch (error) {
      throw new TransportError(`${name}: API answered HTTP ${response.status} without JSON`, { cause: error, status: response.status });
    }
    if (body.errors && body.errors.length > 0) {
      // Apollo answers auth failures and bad input with 200/400 + errors; a 5xx with errors is still transient.
      if (response.status >= 500) {
        throw new TransportError(`${name}: HTTP ${response.status}: ${body.errors.map((e) => e.message).join("; ")}`, {
          status: response.status,
        });
      }
      throw new GraphQLRequestError(name, body.errors);
    }
    if (!response.ok || body.data === undefined || body.data === null) {
      throw new TransportError(`${name}: API answered HTTP ${response.status} without data`, { status: response.status });
    }
    return body.data;
  }
}

/** A fetch failure in a few words: the system error's code and message when there is one. */
export function describeCause(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as Error & { cause?: unknown }).cause;
    if (cause instanceof Error && "code" in cause) return `${String((cause as Error & { code: unknown }).code)}: ${cause.message}`;
    return error.message;
  }
  return String(error);
}
