"use client";
/**
 * Is the difference between two compared runs real? The API's paired comparison in words, and the
 * images that flipped between them (right in one, wrong in the other) in a grid, filterable by true
 * class; a click on a cell of the difference matrix narrows the grid to the flips behind it.
 */
import { useState } from "react";
import { useQuery } from "../../lib/hooks";
import { PairedComparisonQuery } from "../../lib/operations";
import { flipsForCell, type Flip, verdictText } from "../../lib/verdict";
import { OpacitySlider } from "../run/CamCanvas";
import { CamFigure } from "../run/CamFigure";
import { imageUrl } from "../run/ConfusionPanel";
import { ErrorBox, Skeleton } from "../States";

/** A compared run as the verdict names it. */
export interface VerdictRun {
  runId: string;
  runName: string;
}

/** The difference-matrix cell the user clicked: true and predicted label. */
export interface DiffCell {
  trueLabel: string;
  predictedLabel: string;
}

export function PairedVerdict({
  a,
  b,
  cell,
  onClearCell,
}: {
  a: VerdictRun;
  b: VerdictRun;
  cell: DiffCell | null;
  onClearCell: () => void;
}) {
  const q = useQuery(PairedComparisonQuery, { a: a.runId, b: b.runId });
  const [trueClass, setTrueClass] = useState("");
  const [cam, setCam] = useState(false);
  const [opacity, setOpacity] = useState(0.5);
  if (q.error && !q.data) {
    if (/has no stored predictions/.test(q.error.message)) {
      return (
        <p className="muted" data-testid="paired-verdict-missing">
          No paired verdict: one of these runs has no per-image predictions (it finished before Graft kept them, or its validation set was
          too large to send them).
        </p>
      );
    }
    return <ErrorBox error={q.error} retry={() => void q.refetch()} />;
  }
  if (!q.data) return <Skeleton rows={2} height={24} />;
  const r = q.data.pairedComparison;
  const datasetId = q.data.run.datasetId;
  // Grad-CAM under both runs needs both checkpoints on the API.
  const shaA = q.data.run.checkpoint?.weightsSha256 ?? null;
  const shaB = q.data.runB.checkpoint?.weightsSha256 ?? null;
  const classes = [...new Set(r.flips.map((f) => f.trueLabel))];
  const shown = cell
    ? flipsForCell(r.flips, cell.trueLabel, cell.predictedLabel)
    : r.flips.filter((f) => trueClass === "" || f.trueLabel === trueClass);
  return (
    <div>
      <p data-testid="paired-verdict" style={{ fontSize: 15 }}>
        <b>{verdictText(r, a.runName, b.runName)}</b>
      </p>
      {r.sameValidationSet ? (
        <p className="muted" style={{ marginTop: 0 }}>
          On the same {r.imagesA} validation images: {r.onlyBRight} right only in {b.runName}, {r.onlyARight} right only in {a.runName}.
          Bootstrap of {r.imagesA} images, paired; McNemar's exact test on the images only one run got right.
        </p>
      ) : null}
      {r.flips.length > 0 ? (
        <>
          <div className="row" style={{ margin: "8px 0" }}>
            <h3 style={{ margin: 0 }}>Images that flipped</h3>
            {cell ? (
              <span data-testid="flip-cell">
                behind true <b>{cell.trueLabel}</b> → predicted <b>{cell.predictedLabel}</b>{" "}
                <button type="button" onClick={onClearCell}>
                  show all
                </button>
              </span>
            ) : (
              <label>
                true class{" "}
                <select
                  aria-label="true class"
                  value={trueClass}
                  onChange={(e) => setTrueClass(e.target.value)}
                  data-testid="flip-class-filter"
                >
                  <option value="">all ({r.flips.length})</option>
                  {classes.map((c) => (
                    <option key={c} value={c}>
                      {c} ({r.flips.filter((f) => f.trueLabel === c).length})
                    </option>
                  ))}
                </select>
              </label>
            )}
          </div>
          {shaA !== null && shaB !== null ? (
            <div className="row">
              <label style={{ fontWeight: 400 }}>
                <input type="checkbox" checked={cam} onChange={(e) => setCam(e.target.checked)} data-testid="flip-cam-toggle" /> Grad-CAM:
                each image under both runs
              </label>
              {cam ? <OpacitySlider value={opacity} onChange={setOpacity} /> : null}
            </div>
          ) : null}
          {shown.length === 0 ? <p className="muted">No image flipped in this cell.</p> : null}
          <div className="images">
            {shown.map((f) =>
              cam && shaA !== null && shaB !== null ? (
                <div key={f.file} className="cam-compare" data-testid="flip-cam" data-file={f.file}>
                  <CamFigure
                    runId={a.runId}
                    weightsSha256={shaA}
                    datasetId={datasetId}
                    file={f.file}
                    trueLabel={f.trueLabel}
                    opacity={opacity}
                    title={a.runName}
                  />
                  <CamFigure
                    runId={b.runId}
                    weightsSha256={shaB}
                    datasetId={datasetId}
                    file={f.file}
                    trueLabel={f.trueLabel}
                    opacity={opacity}
                    title={b.runName}
                  />
                </div>
              ) : (
                <FlipFigure key={f.file} flip={f} datasetId={datasetId} a={a} b={b} />
              ),
            )}
          </div>
        </>
      ) : null}
    </div>
  );
}

function FlipFigure({ flip, datasetId, a, b }: { flip: Flip; datasetId: string; a: VerdictRun; b: VerdictRun }) {
  const right = flip.rightRunId === a.runId ? "A" : "B";
  const pct = (p: number) => `${(p * 100).toFixed(0)}%`;
  return (
    <figure data-testid="flip-image" data-right={right} data-true={flip.trueLabel}>
      {/* Plain <img>: proxied dataset images need no next/image optimisation. */}
      <img
        src={imageUrl(datasetId, flip.file)}
        alt={`${flip.trueLabel}: right only in ${right === "A" ? a.runName : b.runName}`}
        loading="lazy"
      />
      <figcaption>
        <div>
          {flip.file.split("/").at(-1)} · true {flip.trueLabel}
        </div>
        <div style={{ color: right === "A" ? "var(--good, #1a7f37)" : "var(--bad, #c0392b)" }}>
          {a.runName}: {flip.predictedA} {pct(flip.confidenceA)}
        </div>
        <div style={{ color: right === "B" ? "var(--good, #1a7f37)" : "var(--bad, #c0392b)" }}>
          {b.runName}: {flip.predictedB} {pct(flip.confidenceB)}
        </div>
      </figcaption>
    </figure>
  );
}
