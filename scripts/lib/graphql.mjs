// A minimal GraphQL-over-HTTP call for the root scripts; errors carry the API's message and code.
export async function graphql(url, token, query, variables = {}) {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.json().catch(() => ({ errors: [{ message: `HTTP ${res.status} from ${url}` }] }));
  if (body.errors?.length) {
    const [first] = body.errors;
    const code = first.extensions?.code ? ` (${first.extensions.code})` : "";
    throw new Error(`${first.message}${code}`);
  }
  return body.data;
}
