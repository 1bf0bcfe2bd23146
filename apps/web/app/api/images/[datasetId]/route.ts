/**
 * Image proxy for the misclassified-images view: /api/images/<datasetId>?file=<relative path>
 * forwards to the API's /datasets/:id/image, which confines files to the dataset roots. The
 * checks here only reject obviously bad input early with a clear message.
 */
import { proxyApiGet } from "../../../../lib/server/proxy";

export const dynamic = "force-dynamic";

/** Streams one dataset image from the API. */
export async function GET(request: Request, context: { params: Promise<{ datasetId: string }> }): Promise<Response> {
  const { datasetId } = await context.params;
  const file = new URL(request.url).searchParams.get("file");
  if (!file) return new Response(`missing ?file= (got ${JSON.stringify(file)})`, { status: 400 });
  if (file.startsWith("/") || file.split(/[\\/]/).includes("..") || file.includes("\0")) {
    return new Response(`file must be a path inside the dataset, got ${JSON.stringify(file)}`, { status: 400 });
  }
  return proxyApiGet(`/datasets/${encodeURIComponent(datasetId)}/image?file=${encodeURIComponent(file)}`, request, "private, max-age=3600");
}
