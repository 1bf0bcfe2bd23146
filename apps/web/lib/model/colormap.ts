/**
 * A Grad-CAM heatmap as an image to lay over the photo: bilinear upsampling of the feature-map grid
 * to the photo's size, a blue→green→yellow→red ramp, and an alpha that grows with the value so
 * cold regions leave the photo visible. Pure, so it is unit-tested without a canvas.
 */

/** The ramp's colour for `v` in [0, 1] (clamped), as [r, g, b] in 0..255. */
export function rampColour(v: number): [number, number, number] {
  const t = Math.min(1, Math.max(0, Number.isFinite(v) ? v : 0));
  const stops: [number, [number, number, number]][] = [
    [0, [48, 18, 180]],
    [0.35, [30, 160, 220]],
    [0.6, [120, 220, 60]],
    [0.8, [250, 200, 30]],
    [1, [220, 30, 30]],
  ];
  for (let i = 1; i < stops.length; i++) {
    const [t1, c1] = stops[i] as [number, [number, number, number]];
    const [t0, c0] = stops[i - 1] as [number, [number, number, number]];
    if (t <= t1) {
      const f = (t - t0) / (t1 - t0);
      return [0, 1, 2].map((k) => Math.round((c0[k] as number) + f * ((c1[k] as number) - (c0[k] as number)))) as [number, number, number];
    }
  }
  return stops[stops.length - 1]?.[1] ?? [0, 0, 0];
}

/** The heatmap's value at fractional grid position (y, x), bilinearly (cell centres at i + 0.5). */
function sample(heatmap: readonly (readonly number[])[], y: number, x: number): number {
  const rows = heatmap.length;
  const cols = heatmap[0]?.length ?? 0;
  const gy = Math.min(rows - 1, Math.max(0, y - 0.5));
  const gx = Math.min(cols - 1, Math.max(0, x - 0.5));
  const y0 = Math.floor(gy);
  const x0 = Math.floor(gx);
  const y1 = Math.min(rows - 1, y0 + 1);
  const x1 = Math.min(cols - 1, x0 + 1);
  const fy = gy - y0;
  const fx = gx - x0;
  const at = (r: number, c: number) => heatmap[r]?.[c] ?? 0;
  return (at(y0, x0) * (1 - fx) + at(y0, x1) * fx) * (1 - fy) + (at(y1, x0) * (1 - fx) + at(y1, x1) * fx) * fy;
}

/**
 * RGBA bytes (`width × height × 4`) of the heatmap over a `width × height` photo; alpha is
 * `opacity × (0.25 + 0.75 v)` so the strongest places cover the most.
 */
export function heatmapRgba(
  heatmap: readonly (readonly number[])[],
  width: number,
  height: number,
  opacity: number,
): Uint8ClampedArray<ArrayBuffer> {
  const out = new Uint8ClampedArray(width * height * 4);
  const rows = heatmap.length;
  const cols = heatmap[0]?.length ?? 0;
  if (rows === 0 || cols === 0) return out;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const v = sample(heatmap, ((y + 0.5) * rows) / height, ((x + 0.5) * cols) / width);
      const [r, g, b] = rampColour(v);
      const i = (y * width + x) * 4;
      out[i] = r;
      out[i + 1] = g;
      out[i + 2] = b;
      out[i + 3] = Math.round(255 * Math.min(1, Math.max(0, opacity)) * (0.25 + 0.75 * Math.min(1, Math.max(0, v))));
    }
  }
  return out;
}

/** RGB bytes (HWC) as RGBA for a canvas. */
export function rgbToRgba(rgb: Uint8Array, width: number, height: number): Uint8ClampedArray<ArrayBuffer> {
  const out = new Uint8ClampedArray(width * height * 4);
  for (let p = 0; p < width * height; p++) {
    out[p * 4] = rgb[p * 3] ?? 0;
    out[p * 4 + 1] = rgb[p * 3 + 1] ?? 0;
    out[p * 4 + 2] = rgb[p * 3 + 2] ?? 0;
    out[p * 4 + 3] = 255;
  }
  return out;
}
