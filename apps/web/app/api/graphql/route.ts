/**
 * GraphQL proxy: the browser POSTs here, the server forwards to the API with the bearer token
 * added, so the token never leaves the server.
 */
import { apiToken, apiUrl } from "../../../lib/server/api-config";

export const dynamic = "force-dynamic";

/** Forwards one GraphQL POST to the API. */
export async function POST(request: Request): Promise<Response> {
  const body = await request.text();
  const headers: Record<string, string> = { "content-type": "application/json", accept: "application/json" };
  const token = await apiToken();
  if (token) headers.authorization = `Bearer ${token}`;
  let target: string;
  try {
    target = `${apiUrl()}/graphql`;
  } catch (e) {
    return Response.json({ errors: [{ message: (e as Error).message }] }, { status: 500 });
  }
  try {
    const res = await fetch(target, { method: "POST", headers, body, cache: "no-store" });
    return new Response(res.body, { status: res.status, headers: { "content-type": res.headers.get("content-type") ?? "application/json" } });
  } catch (e) {
    // Shaped like a GraphQL error so the client shows one message whatever failed.
    return Response.json({ errors: [{ message: `The Graft API at ${target} is not reachable (${(e as Error).message}). Is it running?` }] }, { status: 502 });
  }
}
