"use client";
/**
 * One validation image under a run's model: its Grad-CAM for the predicted and the true class, side
 * by side, computed in the browser from the run's checkpoint.
 */
import { useEffect, useState } from "react";
import type { GradCam } from "@graft/core/explain";
import { CamCanvas } from "./CamCanvas";

interface Explained {
  pixels: Uint8Array;
  size: number;
  predicted: GradCam;
  truth: GradCam | null;
  labels: string[];
}

/** Props of CamFigure. */
export interface CamFigureProps {
  runId: string;
  /** The checkpoint's weights hash (the model cache's key). */
  weightsSha256: string;
  datasetId: string;
  file: string;
  trueLabel: string;
  opacity: number;
  /** A caption above the pair (Compare names the run). */
  title?: string;
}

/** Loads the model and the image's pixels, then draws both heatmaps; errors are said in place. */
export function CamFigure({ runId, weightsSha256, datasetId, file, trueLabel, opacity, title }: CamFigureProps) {
  const [state, setState] = useState<{ ok: Explained } | { error: string } | null>(null);
  useEffect(() => {
    let live = true;
    // Another image or run: the previous maps must not stay on screen under the new name.
    setState(null);
    void (async () => {
      try {
        const { runModel, datasetPixels, queued } = await import("../../lib/model/run-model");
        const model = await runModel(runId, weightsSha256);
        const size = model.preprocessing.inputSize[0];
        const pixels = await datasetPixels(datasetId, file, size);
        if (!live) return;
        const predicted = await queued(() => model.explain(pixels));
        const t = model.labels.indexOf(trueLabel);
        const truth = t >= 0 && t !== predicted.classIndex && live ? await queued(() => model.explain(pixels, t)) : null;
        if (live) setState({ ok: { pixels, size, predicted, truth, labels: model.labels } });
      } catch (error) {
        if (live) setState({ error: (error as Error).message });
      }
    })();
    return () => {
      live = false;
    };
  }, [runId, weightsSha256, datasetId, file, trueLabel]);
  if (state === null) return <div className="muted">computing Grad-CAM…</div>;
  if ("error" in state) return <div className="warn-box">Grad-CAM unavailable: {state.error}</div>;
  const { pixels, size, predicted, truth, labels } = state.ok;
  const name = (c: GradCam) => `${labels[c.classIndex]} ${((c.probabilities[c.classIndex] ?? 0) * 100).toFixed(1)}%`;
  return (
    <div className="cam-pair" data-testid="cam-figure" data-file={file}>
      {title ? <div className="muted">{title}</div> : null}
      <div className="row">
        <CamCanvas
          pixels={pixels}
          size={size}
          heatmap={predicted.heatmap}
          opacity={opacity}
          label={`predicted ${name(predicted)}`}
          testId="cam-predicted"
        />
        {truth ? (
          <CamCanvas
            pixels={pixels}
            size={size}
            heatmap={truth.heatmap}
            opacity={opacity}
            label={`true ${name(truth)}`}
            testId="cam-true"
          />
        ) : null}
      </div>
    </div>
  );
}
