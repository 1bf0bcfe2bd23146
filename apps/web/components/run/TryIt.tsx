"use client";
/**
 * "Try it": drop, paste or choose a photo and the run's model classifies it in the browser, with
 * the top classes and the Grad-CAM of the first. The photo goes to the API only to be decoded as
 * training decodes (nothing is stored), so the probabilities are the ones the agent would compute.
 */
import { type ClipboardEvent, type DragEvent, useRef, useState } from "react";
import type { GradCam } from "@graft/core/explain";
import { CamCanvas, OpacitySlider } from "./CamCanvas";

interface Tried {
  name: string;
  pixels: Uint8Array;
  size: number;
  result: GradCam;
  labels: string[];
  backend: string;
  ms: number;
}

/** How many classes the result lists. */
const TOP = 5;

/** The run page's Try-it panel. */
export function TryIt({ runId, weightsSha256 }: { runId: string; weightsSha256: string }) {
  const [tried, setTried] = useState<Tried | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [opacity, setOpacity] = useState(0.5);
  // Counts classifications, so a test (or a user) can tell a new result from the last one.
  const [tries, setTries] = useState(0);
  // Only the latest photo's answer is shown, whichever finishes first.
  const latest = useRef(0);

  const classify = async (image: Blob, name: string) => {
    const mine = ++latest.current;
    setBusy(true);
    setError(null);
    try {
      const start = performance.now();
      const { runModel, uploadedPixels, queued } = await import("../../lib/model/run-model");
      const model = await runModel(runId, weightsSha256);
      const size = model.preprocessing.inputSize[0];
      const pixels = await uploadedPixels(image, size);
      const result = await queued(() => model.explain(pixels));
      if (mine !== latest.current) return;
      setTried({ name, pixels, size, result, labels: model.labels, backend: model.backend, ms: performance.now() - start });
      setTries((n) => n + 1);
    } catch (e) {
      if (mine === latest.current) setError(`Cannot classify ${name}: ${(e as Error).message}`);
    } finally {
      if (mine === latest.current) setBusy(false);
    }
  };
  const fromFiles = (files: FileList | null | undefined) => {
    const file = files?.[0];
    if (file) void classify(file, file.name);
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    fromFiles(e.dataTransfer.files);
  };
  const onPaste = (e: ClipboardEvent) => {
    const item = [...e.clipboardData.items].find((i) => i.type.startsWith("image/"));
    const blob = item?.getAsFile();
    if (blob) void classify(blob, "the pasted image");
  };

  const top = tried
    ? tried.result.probabilities
        .map((p, i) => ({ label: tried.labels[i] ?? `#${i}`, p }))
        .sort((a, b) => b.p - a.p)
        .slice(0, TOP)
    : [];
  return (
    <div className="panel" data-testid="try-it" onDragOver={(e) => e.preventDefault()} onDrop={onDrop} onPaste={onPaste} tabIndex={0}>
      <h3>
        Try it{" "}
        <span className="muted" style={{ fontWeight: 400 }}>
          (drop, paste or choose a photo: this run&apos;s model classifies it in your browser)
        </span>
      </h3>
      <input type="file" accept="image/*" onChange={(e) => fromFiles(e.target.files)} data-testid="try-it-input" disabled={busy} />
      {busy ? <span className="muted"> classifying…</span> : null}
      {error ? <div className="error-box">{error}</div> : null}
      {tried ? (
        <div
          className="row"
          style={{ alignItems: "flex-start", marginTop: 8 }}
          data-testid="try-it-result"
          data-name={tried.name}
          data-count={tries}
        >
          <div>
            <CamCanvas
              pixels={tried.pixels}
              size={tried.size}
              heatmap={tried.result.heatmap}
              opacity={opacity}
              label={`Grad-CAM for ${tried.labels[tried.result.classIndex]}`}
              testId="try-it-cam"
            />
            <OpacitySlider value={opacity} onChange={setOpacity} />
          </div>
          <table className="simple">
            <tbody>
              {top.map(({ label, p }) => (
                <tr key={label} data-testid="try-it-class" data-label={label} data-probability={p}>
                  <td>{label}</td>
                  <td className="num">{(p * 100).toFixed(2)}%</td>
                </tr>
              ))}
            </tbody>
            <caption className="muted" style={{ captionSide: "bottom" }}>
              {tried.name} · {tried.ms.toFixed(0)} ms on {tried.backend}
            </caption>
          </table>
        </div>
      ) : null}
    </div>
  );
}
