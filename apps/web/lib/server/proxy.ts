/**
 * Forwarding a dashboard GET to the API's plain HTTP endpoints (dataset images, model files), with
 * the server-side token, so the browser never holds it and needs no CORS.
 */
import { apiEndpoints, apiToken } from "./api-config";

const RESPONSE_HEADERS = ["content-type", "content-length", "content-disposition", "cache-control", "etag"];

/**
 * A cross-site request to a route that acts with the API token: refused. Browsers send `Origin` with
 * every POST; a page on another site (which could otherwise post `text/plain` without a preflight)
 * names its own. Null when the request may go on.
 */
export function crossSiteRefusal(request: Request): Response | null {
  const origin = request.headers.get("origin");
  if (origin === null) return null;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return new Response(`Refused: unreadable Origin ${JSON.stringify(origin)}`, { status: 403 });
  }
  const hosts = [request.headers.get("host"), request.headers.get("x-forwarded-host")];
  return hosts.includes(host) ? null : new Response(`Refused: a request from ${origin} to this dashboard`, { status: 403 });
}

/**
 * The request's body, at most `limit` bytes (413 from Content-Length, or once that many arrive),
 * read without holding more than that.
 */
export async function limitedBody(request: Request, limit: number): Promise<ArrayBuffer | Response> {
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (declared > limit) return new Response(`The body exceeds ${limit} bytes`, { status: 413 });
  const reader = request.body?.getReader();
  if (!reader) return new ArrayBuffer(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      return new Response(`The body exceeds ${limit} bytes`, { status: 413 });
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out.buffer;
}

/**
 * Sends `path` (starting with `/`) to the API and streams the answer back with its status and the
 * headers a download or cache needs; 502 naming the cause when the API cannot be reached.
 */
async function proxyApi(
  method: "GET" | "POST",
  path: string,
  request: Request,
  options: { fallbackCacheControl?: string; bodyLimit?: number } = {},
): Promise<Response> {
  const refused = crossSiteRefusal(request);
  if (refused) return refused;
  const headers: Record<string, string> = {};
  const contentType = request.headers.get("content-type");
  if (method === "POST" && contentType) headers["content-type"] = contentType;
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
    const body = method === "POST" ? await limitedBody(request, options.bodyLimit ?? 0) : undefined;
    if (body instanceof Response) return body;
    const res = await fetch(target, { method, headers, body, cache: "no-store" });
    const out = new Headers();
    for (const h of RESPONSE_HEADERS) {
      const v = res.headers.get(h);
      if (v) out.set(h, v);
    }
    if (options.fallbackCacheControl && !out.has("cache-control") && res.ok) out.set("cache-control", options.fallbackCacheControl);
    return new Response(res.body, { status: res.status, headers: out });
  } catch (e) {
    return new Response(`The Graft API is not reachable (${(e as Error).message})`, { status: 502 });
  }
}

/** GETs `path` on the API (see {@link proxyApi}). */
export function proxyApiGet(path: string, request: Request, fallbackCacheControl?: string): Promise<Response> {
  return proxyApi("GET", path, request, fallbackCacheControl === undefined ? {} : { fallbackCacheControl });
}

/** POSTs the request's body (at most `bodyLimit` bytes) to `path` on the API (see {@link proxyApi}). */
export function proxyApiPost(path: string, request: Request, bodyLimit: number): Promise<Response> {
  return proxyApi("POST", path, request, { bodyLimit });
}
