/**
 * The engines a run's parts may compute on, and the parts themselves: the one list the engine
 * records, the API validates and the dashboard labels.
 */

/** TF.js backends: what runs the trainable part (and the frozen one without ONNX Runtime). */
export const TFJS_ENGINES = ["tensorflow", "wasm", "cpu"] as const;
/** ONNX Runtime's execution providers: the frozen part only. */
export const ONNXRUNTIME_ENGINES = ["onnxruntime-cuda", "onnxruntime-cpu"] as const;
/** A TF.js backend or an ONNX Runtime execution provider. */
export const COMPUTE_ENGINES = [...TFJS_ENGINES, ...ONNXRUNTIME_ENGINES] as const;
export type ComputeEngine = (typeof COMPUTE_ENGINES)[number];

/** A part's outputs came from the feature cache: no engine ran it this time. */
export const FROM_CACHE = "cache";

/** Names a user may give `--backend`/`GRAFT_BACKEND` for ONNX Runtime. */
export const ONNXRUNTIME_ALIASES: readonly string[] = ["onnxruntime", "onnxruntime-node", "ort", "onnx"];

/** True when `requested` (a `--backend` value) names ONNX Runtime. */
export function isOnnxRuntimeRequest(requested: string | undefined | null): boolean {
  return requested !== undefined && requested !== null && ONNXRUNTIME_ALIASES.includes(requested.trim().toLowerCase());
}

/** The parts of a run whose engine is recorded: which engines each may name, "cache" or null besides. */
export const RUN_ENGINE_PARTS = {
  features: { label: "Features", engines: COMPUTE_ENGINES, cache: true, optional: false },
  augmentedEpochs: { label: "Augmented epochs", engines: COMPUTE_ENGINES, cache: false, optional: true },
  fineTuneBottom: { label: "Fine-tuning's frozen bottom", engines: COMPUTE_ENGINES, cache: true, optional: true },
  trainable: { label: "Head and fine-tuned top", engines: TFJS_ENGINES, cache: false, optional: false },
} as const;
export type RunEnginePart = keyof typeof RUN_ENGINE_PARTS;

/** What `part` may record, in words' order: its engines, then "cache" where it can come from the cache. */
export function enginesFor(part: RunEnginePart): string[] {
  const rule = RUN_ENGINE_PARTS[part];
  return [...rule.engines, ...(rule.cache ? [FROM_CACHE] : [])];
}

/** Whether `value` may be recorded for `part`; null (the part did not run) only where the part is optional. */
export function isEngineFor(part: RunEnginePart, value: string | null | undefined): boolean {
  if (value === null || value === undefined) return RUN_ENGINE_PARTS[part].optional;
  return enginesFor(part).includes(value);
}
