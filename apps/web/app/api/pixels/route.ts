/**
 * POST /api/pixels?size=N with a photo as the body: the API decodes it as training would ("Try
 * it"); nothing is stored. Forwarded to the API's POST /pixels.
 */
import { proxyApiPost } from "../../../lib/server/proxy";

export const dynamic = "force-dynamic";

/** Forwards the photo and streams the decoded RGB bytes back. */
export async function POST(request: Request): Promise<Response> {
  const size = new URL(request.url).searchParams.get("size") ?? "";
  // The API's own limit (32 MiB): a larger photo is refused here before it is held in memory.
  return proxyApiPost(`/pixels?size=${encodeURIComponent(size)}`, request, 32 * 1024 * 1024);
}
