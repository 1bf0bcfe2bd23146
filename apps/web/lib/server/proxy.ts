/**
 * Forwarding a dashboard GET to the API's plain HTTP endpoints (dataset images, model files), with
 * the server-side token, so the browser never holds it and needs no CORS.
 */
import { apiEndpoints, apiToken } from "./api-config";

const RESPONSE_HEADERS = ["content-type", "content-length", "content-disposition", "cache-control", "etag"];

/**
 * Sends `path` (starting with `/`) to the API and streams the answer back with its status and the
 * headers a download or cache needs; 502 naming the cause when the API cannot be reached.
 */
async function proxyApi(method: "GET" | "POST", path: string, request: Request, fallbackCacheControl?: string): Promise<Response> {
  const headers: Record<string, string> = {};
  const token = await apiToken();
  if (token) headers.authorization = `Bearer ${token}`;
  const ifNoneMatch = request.headers.get("if-none-match");
  if (ifNoneMatch) headers["if-none-match"] = ifNoneMatch;
  let target: string;
  try {
    target = `${apiEndpoints().base}${path}`;
  } catch (e) {
    return new Response((e as Error).message, { status: 500 });
  }
  try {
    const body = method === "POST" ? await request.arrayBuffer() : undefined;
    const res = await fetch(target, { method, headers, body, cache: "no-store" });
    const out = new Headers();
    for (const h of RESPONSE_HEADERS) {
      const v = res.headers.get(h);
      if (v) out.set(h, v);
    }
    if (fallbackCacheControl && !out.has("cache-control") && res.ok) out.set("cache-control", fallbackCacheControl);
    return new Response(res.body, { status: res.status, headers: out });
  } catch (e) {
    return new Response(`The Graft API is not reachable (${(e as Error).message})`, { status: 502 });
  }
}

/** GETs `path` on the API (see {@link proxyApi}). */
export function proxyApiGet(path: string, request: Request, fallbackCacheControl?: string): Promise<Response> {
  return proxyApi("GET", path, request, fallbackCacheControl);
}

/** POSTs the request's body to `path` on the API (see {@link proxyApi}). */
export function proxyApiPost(path: string, request: Request): Promise<Response> {
  return proxyApi("POST", path, request);
}
