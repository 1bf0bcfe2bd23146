/**
 * /api/runs/<id>/model/<file>: one file of the run's checkpoint (model.json, weights.bin,
 * labels.json, preprocessing.json), so `tf.loadLayersModel("/api/runs/<id>/model/model.json")` in
 * the browser finds the weights beside it.
 */
import { proxyApiGet } from "../../../../../../lib/server/proxy";

export const dynamic = "force-dynamic";

/** Streams one checkpoint file from the API's /runs/:id/model/:file. */
export async function GET(request: Request, context: { params: Promise<{ runId: string; file: string }> }): Promise<Response> {
  const { runId, file } = await context.params;
  return proxyApiGet(`/runs/${encodeURIComponent(runId)}/model/${encodeURIComponent(file)}`, request);
}
