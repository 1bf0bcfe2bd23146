/** Plain-text rendering of a finished run for the terminal: epoch table, confusion matrix, durations. */
import type { EpochRecord } from "@graft/core/types";

/** `m:ss` (or `h:mm:ss`) for a number of seconds; `--:--` when unknown. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return "--:--";
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${rest}` : `${m}:${rest}`;
}

function fixed(x: number | null, digits = 4): string {
  return x === null || !Number.isFinite(x) ? "-" : x.toFixed(digits);
}

/** Lays out rows as a left-aligned text table with a header rule. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  // Numbers read best right-aligned; the first column holds names, left-aligned.
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join("  ")
      .trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

/** One row per epoch, the best validation accuracy marked with `*`. */
export function formatEpochTable(epochs: EpochRecord[], bestEpoch: number | null): string {
  return table(
    ["epoch", "phase", "loss", "acc", "val_loss", "val_acc", "lr", "img/s", ""],
    epochs.map((e) => [
      String(e.epoch),
      e.phase,
      fixed(e.loss),
      fixed(e.accuracy),
      fixed(e.valLoss),
      fixed(e.valAccuracy),
      e.learningRate.toExponential(1),
      e.imagesPerSec.toFixed(0),
      e.epoch === bestEpoch ? "*" : "",
    ]),
  );
}

/** Rows true label, columns predicted; long labels are shown by index with a legend below. */
export function formatConfusionMatrix(labels: string[], matrix: number[][]): string {
  const keys = labels.map((_, i) => `c${i}`);
  const rows = matrix.map((row, i) => [`${keys[i] ?? ""} ${labels[i] ?? ""}`, ...row.map(String)]);
  const legend = "rows: true class, columns: predicted class";
  return `${table(["true \\ pred", ...keys], rows)}\n${legend}`;
}
