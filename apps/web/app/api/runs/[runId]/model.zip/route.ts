/** /api/runs/<id>/model.zip: the run's model as a zip (the run page's "Download model"), from the API. */
import { proxyApiGet } from "../../../../../lib/server/proxy";

export const dynamic = "force-dynamic";

/** Streams the API's /runs/:id/model.zip. */
export async function GET(request: Request, context: { params: Promise<{ runId: string }> }): Promise<Response> {
  const { runId } = await context.params;
  return proxyApiGet(`/runs/${encodeURIComponent(runId)}/model.zip`, request);
}
