"use client";
/** A photo (the model's own input pixels) with its Grad-CAM heatmap laid over it at an opacity. */
import { useEffect, useRef } from "react";
import { heatmapRgba, rgbToRgba } from "../../lib/model/colormap";

/** Props of CamCanvas. */
export interface CamCanvasProps {
  pixels: Uint8Array;
  size: number;
  heatmap: readonly (readonly number[])[];
  /** 0: the photo alone; 1: the heatmap at its strongest. */
  opacity: number;
  label: string;
  testId?: string;
}

/** Draws the photo, then the heatmap over it, on one canvas of the model's input size. */
export function CamCanvas({ pixels, size, heatmap, opacity, label, testId }: CamCanvasProps) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = ref.current?.getContext("2d");
    if (!ctx) return;
    ctx.putImageData(new ImageData(rgbToRgba(pixels, size, size), size, size), 0, 0);
    if (opacity <= 0) return;
    const overlay = document.createElement("canvas");
    overlay.width = size;
    overlay.height = size;
    overlay.getContext("2d")?.putImageData(new ImageData(heatmapRgba(heatmap, size, size, opacity), size, size), 0, 0);
    ctx.drawImage(overlay, 0, 0);
  }, [pixels, size, heatmap, opacity]);
  return (
    <figure>
      <canvas ref={ref} width={size} height={size} className="cam" aria-label={label} data-testid={testId} data-opacity={opacity} />
      <figcaption>{label}</figcaption>
    </figure>
  );
}

/** The opacity slider every Grad-CAM view shares. */
export function OpacitySlider({ value, onChange }: { value: number; onChange: (value: number) => void }) {
  return (
    <label className="row muted" style={{ fontWeight: 400 }}>
      Grad-CAM opacity
      <input
        type="range"
        min={0}
        max={1}
        step={0.05}
        value={value}
        onChange={(e) => onChange(Number(e.target.value))}
        data-testid="cam-opacity"
      />
      {Math.round(value * 100)}%
    </label>
  );
}
