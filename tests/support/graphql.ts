/** A minimal GraphQL-over-HTTP call for tests (no dependency on the trainer's client). */

/** Posts `query` to `<url>/graphql` with the bearer token; returns `data` or throws with the errors. */
export async function gql<T = Record<string, unknown>>(
  url: string,
  token: string | null,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const res = await fetch(`${url.replace(/\/+$/, "")}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: Array<{ message: string; extensions?: { code?: string } }> };
  if (body.errors?.length) {
    throw new Error(
      `GraphQL error (HTTP ${res.status}): ${body.errors.map((e) => `${e.extensions?.code ?? "?"}: ${e.message}`).join("; ")}`,
    );
  }
  if (!body.data) throw new Error(`GraphQL answer without data (HTTP ${res.status})`);
  return body.data;
}
