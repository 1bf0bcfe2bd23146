/**
 * GraphQL proxy: the browser POSTs here, the server forwards to the API with the bearer token
 * added, so the token never leaves the server.
 */
import { apiEndpoints, apiToken } from "../../../lib/server/api-config";
import { crossSiteRefusal, limitedBody } from "../../../lib/server/proxy";

/** The API's default body limit: the dashboard's documents are far smaller. */
const GRAPHQL_BODY_LIMIT = 5 * 1024 * 1024;

export const dynamic = "force-dynamic";

/** Forwards one GraphQL POST to the API. */
export async function POST(request: Request): Promise<Response> {
  // This route acts with the API token: another site's page must not be able to drive it.
  const refused = crossSiteRefusal(request);
  if (refused) return refused;
  const limited = await limitedBody(request, GRAPHQL_BODY_LIMIT);
  if (limited instanceof Response) return limited;
  const body = new TextDecoder().decode(limited);
  const headers: Record<string, string> = { "content-type": "application/json", accept: "application/json" };
  const token = await apiToken();
  if (token) headers.authorization = `Bearer ${token}`;
  let target: string;
  try {
    target = apiEndpoints().graphql;
  } catch (e) {
    return Response.json({ errors: [{ message: (e as Error).message }] }, { status: 500 });
  }
  try {
    const res = await fetch(target, { method: "POST", headers, body, cache: "no-store" });
    const contentType = res.headers.get("content-type") ?? "";
    if (!contentType.includes("json")) {
      // Not a GraphQL answer at all (a 404 page, a proxy's HTML): say where we posted, since the
      // usual cause is GRAFT_API_URL naming something other than the API's /graphql endpoint.
      await res.body?.cancel();
      return Response.json(
        {
          errors: [
            {
              message: `The API at ${target} answered HTTP ${res.status} (${contentType || "no content type"}), not GraphQL. Is GRAFT_API_URL the API's GraphQL endpoint?`,
            },
          ],
        },
        { status: 502 },
      );
    }
    return new Response(res.body, { status: res.status, headers: { "content-type": contentType } });
  } catch (e) {
    // Shaped like a GraphQL error so the client shows one message whatever failed.
    return Response.json(
      { errors: [{ message: `The Graft API at ${target} is not reachable (${(e as Error).message}). Is it running?` }] },
      { status: 502 },
    );
  }
}
