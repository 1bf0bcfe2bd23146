/** Display formatting shared by tables and pages. */

/** 0.8734 → "87.3%"; missing → "–". */
export function pct(v: number | null | undefined, digits = 1): string {
  return typeof v === "number" && Number.isFinite(v) ? `${(v * 100).toFixed(digits)}%` : "–";
}

/** Milliseconds → "850 ms", "42 s", "3m 05s", "1h 02m". */
export function duration(ms: number | null | undefined): string {
  if (typeof ms !== "number" || !Number.isFinite(ms) || ms < 0) return "–";
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${String(s % 60).padStart(2, "0")}s`;
  return `${Math.floor(m / 60)}h ${String(m % 60).padStart(2, "0")}m`;
}

/** Learning rates and other small numbers: 0.0003 → "3e-4", 0.01 → "0.01". */
export function num(v: number | null | undefined): string {
  if (typeof v !== "number" || !Number.isFinite(v)) return "–";
  if (v !== 0 && Math.abs(v) < 0.001) return v.toExponential(0).replace("e-", "e-");
  return String(Number(v.toPrecision(4)));
}

/** ISO date → "2025-01-31 14:02:11" local, or "–". */
export function dateTime(iso: string | null | undefined): string {
  if (!iso) return "–";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

/** "3 s ago" style age of a timestamp relative to `now`. */
export function ago(iso: string | null | undefined, now: number = Date.now()): string {
  if (!iso) return "never";
  const t = new Date(iso).getTime();
  if (Number.isNaN(t)) return iso;
  const s = Math.max(0, Math.round((now - t) / 1000));
  if (s < 60) return `${s} s ago`;
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  return `${Math.floor(s / 3600)} h ago`;
}

/** How the run page shows the weights a run's base started from. */
export interface BaseWeightsDisplay {
  /** The file name, or that the base kept its own ImageNet weights. */
  text: string;
  /** The full path and the start of the sha256, for a tooltip; null for the model's own weights. */
  title: string | null;
}

/**
 * A run's `baseWeights` / `baseWeightsSha256` for display: the file name (the full path is long and
 * belongs to the machine that created the run, so it goes in the tooltip with the first 12 hex of the
 * sha256, enough to tell two files apart at a glance), or "ImageNet (the model's own)" when unset.
 */
export function baseWeightsDisplay(path: string | null | undefined, sha256: string | null | undefined): BaseWeightsDisplay {
  if (!path) return { text: "ImageNet (the model's own)", title: null };
  // Either separator: the path is the creating machine's, which may be Windows.
  const name =
    path
      .split(/[\\/]/)
      .filter((part) => part !== "")
      .pop() ?? path;
  return { text: name, title: sha256 ? `${path} · sha256 ${sha256.slice(0, 12)}…` : path };
}

/**
 * A run's fine-tune depth: the layers asked for and, when the trainer rounds them up to the base's
 * next block boundary (a conv+BN+activation group or a residual block is never split), the layers
 * really unfrozen (`Run.fineTunedLayers`; null when the API does not know the base's structure).
 */
export function fineTuneDepthDisplay(requested: number, unfrozen: number | null | undefined): string {
  if (requested === 0) return "none (head only)";
  if (unfrozen == null) return `${requested} requested (rounded up to a block boundary of the loaded model)`;
  if (unfrozen === requested) return `${requested} layers`;
  return `${requested} requested → ${unfrozen} unfrozen (block boundary)`;
}
