/**
 * /api/pixels/<datasetId>?file=<relative path>&size=N: a dataset image decoded by the API exactly
 * as training decodes it (Grad-CAM of validation images), from the API's /datasets/:id/pixels.
 */
import { proxyApiGet } from "../../../../lib/server/proxy";

export const dynamic = "force-dynamic";

/** Streams the decoded RGB bytes. */
export async function GET(request: Request, context: { params: Promise<{ datasetId: string }> }): Promise<Response> {
  const { datasetId } = await context.params;
  const url = new URL(request.url);
  const query = new URLSearchParams({ file: url.searchParams.get("file") ?? "", size: url.searchParams.get("size") ?? "" });
  return proxyApiGet(`/datasets/${encodeURIComponent(datasetId)}/pixels?${query.toString()}`, request);
}
