"use client";

/** The run page's "Download model": the zip the API builds from the uploaded checkpoint. */
export function ModelDownload({
  runId,
  status,
  checkpoint,
}: {
  runId: string;
  status: string;
  checkpoint: { weightsSha256: string; bytes: number } | null;
}) {
  if (checkpoint) {
    return (
      <a
        className="button"
        href={`/api/runs/${encodeURIComponent(runId)}/model.zip`}
        download
        data-testid="run-download-model"
        title={`TF.js LayersModel, labels, preprocessing, README and model card; weights sha256 ${checkpoint.weightsSha256}`}
      >
        Download model ({(checkpoint.bytes / 1e6).toFixed(1)} MB)
      </a>
    );
  }
  if (status !== "COMPLETED") return null;
  return (
    <span className="muted" data-testid="run-no-model" title="Runs keep a downloadable model when their agent uploads it at the end">
      No model on the API (trained before uploads, or the agent could not upload it: see its log)
    </span>
  );
}
