/**
 * Image proxy for the misclassified-images view: /api/images/<datasetId>?file=<relative path>
 * forwards to the API's /datasets/:id/image, which confines files to the dataset roots. The
 * checks here only reject obviously bad input early with a clear message.
 */
import { apiEndpoints, apiToken } from "../../../../lib/server/api-config";

export const dynamic = "force-dynamic";

/** Streams one dataset image from the API. */
export async function GET(request: Request, context: { params: Promise<{ datasetId: string }> }): Promise<Response> {
  const { datasetId } = await context.params;
  const file = new URL(request.url).searchParams.get("file");
  if (!file) return new Response(`missing ?file= (got ${JSON.stringify(file)})`, { status: 400 });
  if (file.startsWith("/") || file.split(/[\\/]/).includes("..") || file.includes("\0")) {
    return new Response(`file must be a path inside the dataset, got ${JSON.stringify(file)}`, { status: 400 });
  }
  const headers: Record<string, string> = {};
  const token = await apiToken();
  if (token) headers.authorization = `Bearer ${token}`;
  let target: string;
  try {
    target = `${apiEndpoints().base}/datasets/${encodeURIComponent(datasetId)}/image?file=${encodeURIComponent(file)}`;
  } catch (e) {
    return new Response((e as Error).message, { status: 500 });
  }
  try {
    const res = await fetch(target, { headers, cache: "no-store" });
    const out = new Headers();
    for (const h of ["content-type", "content-length", "cache-control", "etag"]) {
      const v = res.headers.get(h);
      if (v) out.set(h, v);
    }
    if (!out.has("cache-control") && res.ok) out.set("cache-control", "private, max-age=3600");
    return new Response(res.body, { status: res.status, headers: out });
  } catch (e) {
    return new Response(`The Graft API is not reachable (${(e as Error).message})`, { status: 502 });
  }
}
