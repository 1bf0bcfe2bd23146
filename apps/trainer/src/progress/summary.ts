/**
 * The end-of-run text of `graft train`: which folder holds which epoch's weights, the files the run
 * skipped, and the evaluation headline, worded so that every number printed next to the confusion
 * matrix is about the same weights (the delivered model).
 */
import path from "node:path";
import { RUN_ENGINE_PARTS, type RunEnginePart } from "@graft/core/contract";
import type { EpochWeights, RunEngines, SkippedFile, TrainResult } from "@graft/core/types";

/** Skipped files listed one per line before the rest is summarised as a count. */
export const SKIPPED_SHOWN = 20;

const fixed = (x: number | null): string => (x === null || !Number.isFinite(x) ? "-" : x.toFixed(4));

/** Why these weights, in words: "lowest val_loss 0.6640", "last epoch", "restored by EarlyStopping...". */
export function describeChoice(w: EpochWeights): string {
  switch (w.choice) {
    case "best_val_loss":
      return `lowest val_loss ${fixed(w.valLoss)}`;
    case "last_epoch":
      return "last epoch";
    case "restored_best":
      return "restored by EarlyStopping: best val_loss of its phase";
  }
}

/** `best/` or `checkpoint/` for a folder; the full path when it is not a direct child of `outDir`. */
function folderName(dir: string, outDir: string): string {
  return path.dirname(dir) === path.resolve(outDir) ? `${path.basename(dir)}/` : dir;
}

/**
 * One line per saved folder: the delivered model first ("evaluated below"), then the final weights.
 * When they are one folder (no epoch had a finite val_loss, so best/ was never written), one line.
 */
export function formatSavedWeights(result: Pick<TrainResult, "delivered" | "final">, outDir: string): string[] {
  const { delivered, final } = result;
  const name = (w: EpochWeights): string => (w.dir === null ? "(not saved)" : folderName(w.dir, outDir));
  const width = Math.max(name(delivered).length, name(final).length);
  const line = (w: EpochWeights, role: string): string =>
    `  ${name(w).padEnd(width)}  weights of epoch ${w.epoch} (${w.phase}, ${describeChoice(w)}, val_acc ${fixed(w.valAccuracy)})${role}`;
  if (delivered.dir === final.dir)
    return [line(final, " — the delivered model, evaluated below (no epoch had a finite val_loss, so there is no best/)")];
  return [line(delivered, " — the delivered model, evaluated below"), line(final, " — the weights training ended with")];
}

/**
 * The run's best epoch by the contract's one rule (lowest val_loss, the earlier epoch on a tie: the
 * delivered model's epoch) with the metrics at it: "best epoch 6 (val_loss 0.2500, val_acc 0.9000)".
 */
export function formatBestEpoch(result: Pick<TrainResult, "bestEpoch" | "bestValLoss" | "bestValAccuracy">): string {
  if (result.bestEpoch === null) return "no best epoch (no epoch had a finite val_loss)";
  return `best epoch ${result.bestEpoch} (val_loss ${fixed(result.bestValLoss)}, val_acc ${fixed(result.bestValAccuracy)})`;
}

/** The evaluation headline: which weights, which split, and the numbers the matrix below adds up to. */
export function formatEvaluationHeadline(result: Pick<TrainResult, "delivered" | "evaluation" | "validationCount">): string {
  const e = result.evaluation;
  return `delivered model (epoch ${result.delivered.epoch}) on the validation split (${result.validationCount} images): accuracy ${fixed(e.accuracy)} · macro F1 ${fixed(e.macroF1)} · weighted F1 ${fixed(e.weightedF1)}`;
}

/** The files the run did not use, with reasons; empty when there were none. */
export function formatSkipped(skipped: readonly SkippedFile[]): string[] {
  if (skipped.length === 0) return [];
  const shown = skipped.slice(0, SKIPPED_SHOWN).map((s) => `  ${s.file}: ${s.reason}`);
  const more =
    skipped.length > SKIPPED_SHOWN ? [`  … and ${skipped.length - SKIPPED_SHOWN} more (all listed in metrics.json "skipped")`] : [];
  return [`skipped ${skipped.length} file(s) of the dataset (neither trained on nor evaluated):`, ...shown, ...more];
}

/** One line naming the engine of each part of the run, e.g. "engines: features onnxruntime-cpu · … · head and fine-tuned top wasm". */
export function formatEngines(engines: RunEngines): string {
  const parts = (Object.keys(RUN_ENGINE_PARTS) as RunEnginePart[]).map(
    (part) => `${RUN_ENGINE_PARTS[part].label.toLowerCase()} ${engines[part] ?? "–"}`,
  );
  return `engines: ${parts.join(" · ")}`;
}
