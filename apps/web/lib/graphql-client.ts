/**
 * Browser-side GraphQL over the web app's own proxy (/api/graphql), typed by the generated
 * documents. Errors surface as GraphQLRequestError carrying the API's messages verbatim.
 */
import type { TypedDocumentString } from "../gql/graphql";

/** A failed request: network, HTTP or GraphQL errors, with the API's messages and their codes (`extensions.code`: CONFLICT, BAD_USER_INPUT…). */
export class GraphQLRequestError extends Error {
  constructor(
    public readonly messages: string[],
    public readonly status?: number,
    /** The code of each message, where the API gave one (none for network and HTTP failures). */
    public readonly codes: readonly (string | null)[] = [],
  ) {
    super(messages.join("; "));
    this.name = "GraphQLRequestError";
  }
}

/** Endpoint used by the browser; overridable for tests. */
export const GRAPHQL_ENDPOINT = "/api/graphql";

/** Runs one query or mutation and returns its data, or throws GraphQLRequestError. */
export async function gql<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  // Operations without variables accept `undefined`.
  variables?: TVariables,
  init?: { signal?: AbortSignal; endpoint?: string },
): Promise<TResult> {
  let res: Response;
  try {
    res = await fetch(init?.endpoint ?? GRAPHQL_ENDPOINT, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: document.toString(), variables: variables ?? {} }),
      signal: init?.signal,
    });
  } catch (e) {
    // The caller's abort or deadline is theirs to handle (retry, ignore), not a network error.
    if (init?.signal?.aborted) throw init.signal.reason ?? e;
    if ((e as Error).name === "AbortError") throw e;
    throw new GraphQLRequestError([`Network error: ${(e as Error).message}`]);
  }
  let json: { data?: TResult | null; errors?: { message: string; extensions?: { code?: unknown } }[] };
  try {
    json = (await res.json()) as typeof json;
  } catch (e) {
    if (init?.signal?.aborted) throw init.signal.reason ?? e;
    throw new GraphQLRequestError([`The API answered HTTP ${res.status} without JSON`], res.status);
  }
  if (json.errors && json.errors.length > 0)
    throw new GraphQLRequestError(
      json.errors.map((e) => e.message),
      res.status,
      json.errors.map((e) => (typeof e.extensions?.code === "string" ? e.extensions.code : null)),
    );
  if (!res.ok || json.data == null) throw new GraphQLRequestError([`The API answered HTTP ${res.status} with no data`], res.status);
  return json.data;
}
