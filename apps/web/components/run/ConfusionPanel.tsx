"use client";
/** Confusion matrix heatmap + per-class metrics + the misclassified images behind a clicked cell. */
import { useState } from "react";
import type { RunQuery } from "../../gql/graphql";
import { num } from "../../lib/format";
import type { RunData } from "../../lib/run-data";
import { deliveredModel, validationAccuracyLabel } from "./evaluation-labels";
import { RunChart } from "../RunChart";
import { EpochMatrixSlider } from "../EpochMatrixSlider";
import { atEpoch, matrixEpochs } from "../../lib/epoch-matrix";
import { OpacitySlider } from "./CamCanvas";
import { CamFigure } from "./CamFigure";

type Evaluation = NonNullable<RunQuery["run"]["evaluation"]>;

/** URL of a dataset image through the web app's image proxy. */
export function imageUrl(datasetId: string, file: string): string {
  return `/api/images/${encodeURIComponent(datasetId)}?file=${encodeURIComponent(file)}`;
}

/** Props of ConfusionPanel. */
export interface ConfusionPanelProps {
  evaluation: Evaluation;
  datasetId: string;
  runs: RunData[];
  /** The sha256 of the run's checkpoint on the API (null: none): Grad-CAM of the images behind a cell needs it. */
  modelSha: string | null;
}

/** The evaluation section of the run page. */
export function ConfusionPanel({ evaluation, datasetId, runs, modelSha }: ConfusionPanelProps) {
  const [cell, setCell] = useState<{ row: number; col: number } | null>(null);
  const [cam, setCam] = useState(false);
  const [opacity, setOpacity] = useState(0.5);
  // The epoch whose matrix is drawn; null: the delivered model's evaluation (whose images are kept).
  const [at, setAt] = useState<number | null>(null);
  const run = runs[0];
  if (!run) return null;
  const drawn = at === null ? runs : [atEpoch(run, at, evaluation.labels)];
  const trueLabel = cell ? evaluation.labels[cell.row] : undefined;
  const predLabel = cell ? evaluation.labels[cell.col] : undefined;
  const images = cell ? evaluation.misclassified.filter((m) => m.trueLabel === trueLabel && m.predictedLabel === predLabel) : [];
  const count = cell ? (evaluation.confusionMatrix[cell.row]?.[cell.col] ?? 0) : 0;
  return (
    <div className="grid2">
      <div className="panel">
        <h3>
          Confusion matrix{" "}
          <span className="muted" style={{ fontWeight: 400 }}>
            ({at === null ? deliveredModel(evaluation) : `epoch ${at}`}, validation split; rows: true, columns: predicted;{" "}
            {at === null ? "click a cell" : "images are kept for the delivered model"})
          </span>
        </h3>
        <EpochMatrixSlider
          epochs={matrixEpochs([run])}
          value={at}
          deliveredLabel={deliveredModel(evaluation)}
          onChange={(epoch) => {
            setAt(epoch);
            setCell(null);
          }}
        />
        <RunChart
          spec={{ type: "heatmap", runId: run.runId }}
          runs={drawn}
          className="chart square"
          onCellClick={(row, col) => (at === null ? setCell({ row, col }) : undefined)}
          testId="confusion-matrix"
        />
      </div>
      <div className="panel">
        <h3>
          Per-class metrics{" "}
          <span className="muted" style={{ fontWeight: 400 }}>
            ({deliveredModel(evaluation)}, validation split)
          </span>
        </h3>
        <table className="simple" data-testid="per-class">
          <thead>
            <tr>
              <th>class</th>
              <th className="num">precision</th>
              <th className="num">recall</th>
              <th className="num">F1</th>
              <th className="num">support</th>
            </tr>
          </thead>
          <tbody>
            {evaluation.perClass.map((c) => (
              <tr key={c.label}>
                <td>{c.label}</td>
                <td className="num">{num(c.precision)}</td>
                <td className="num">{num(c.recall)}</td>
                <td className="num">{num(c.f1)}</td>
                <td className="num">{c.support}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="muted" style={{ marginTop: 8 }}>
          {validationAccuracyLabel(evaluation)} {num(evaluation.accuracy)} · macro F1 {num(evaluation.macroF1)} · weighted F1{" "}
          {num(evaluation.weightedF1)}
        </div>
      </div>
      <div className="panel" style={{ gridColumn: "1 / -1" }} data-testid="cell-images">
        {cell ? (
          <>
            <h3>
              true <b>{trueLabel}</b> → predicted <b>{predLabel}</b>: {count} image{count === 1 ? "" : "s"}
            </h3>
            {cell.row === cell.col ? <p className="muted">Correct predictions: only misclassified images are kept per run.</p> : null}
            {cell.row !== cell.col && images.length === 0 ? <p className="muted">No stored images for this cell.</p> : null}
            {modelSha !== null && images.length > 0 ? (
              <div className="row">
                <label style={{ fontWeight: 400 }}>
                  <input type="checkbox" checked={cam} onChange={(e) => setCam(e.target.checked)} data-testid="cam-toggle" /> Grad-CAM:
                  where the model looked, for the predicted and the true class
                </label>
                {cam ? <OpacitySlider value={opacity} onChange={setOpacity} /> : null}
              </div>
            ) : null}
            <div className="images">
              {images.map((m) =>
                cam && modelSha !== null ? (
                  <CamFigure
                    key={m.file}
                    runId={run.runId}
                    weightsSha256={modelSha}
                    datasetId={datasetId}
                    file={m.file}
                    trueLabel={m.trueLabel}
                    opacity={opacity}
                  />
                ) : (
                  <figure key={m.file}>
                    {/* Plain <img>: proxied dataset images need no next/image optimisation. */}
                    <img
                      src={imageUrl(datasetId, m.file)}
                      alt={`${m.trueLabel} predicted as ${m.predictedLabel}`}
                      loading="lazy"
                      data-testid="misclassified-image"
                    />
                    <figcaption>
                      {m.file.split("/").at(-1)} · {(m.confidence * 100).toFixed(0)}%
                    </figcaption>
                  </figure>
                ),
              )}
            </div>
          </>
        ) : (
          <p className="muted">
            Click a cell of the confusion matrix to see the images behind it ({evaluation.misclassified.length} misclassified in total).
          </p>
        )}
      </div>
    </div>
  );
}
