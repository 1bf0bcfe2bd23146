/**
 * The engines a run's parts may compute on, and the parts themselves: the one list the engine
 * records, the API validates and the dashboard labels.
 */

/** A TF.js backend or an ONNX Runtime execution provider. */
export const COMPUTE_ENGINES = ["tensorflow", "onnxruntime-cuda", "onnxruntime-cpu", "wasm", "cpu"] as const;
export type ComputeEngine = (typeof COMPUTE_ENGINES)[number];

/** A part's outputs came from the feature cache: no engine ran it this time. */
export const FROM_CACHE = "cache";

/** The parts of a run whose engine is recorded, with what each may hold besides an engine. */
export const RUN_ENGINE_PARTS = {
  features: { label: "Features", cache: true, optional: false },
  augmentedEpochs: { label: "Augmented epochs", cache: false, optional: true },
  fineTuneBottom: { label: "Fine-tuning's frozen bottom", cache: true, optional: true },
  trainable: { label: "Head and fine-tuned top", cache: false, optional: false },
} as const;
export type RunEnginePart = keyof typeof RUN_ENGINE_PARTS;

/** Whether `value` may be recorded for `part`; null (the part did not run) only where the part is optional. */
export function isEngineFor(part: RunEnginePart, value: string | null | undefined): boolean {
  const rule = RUN_ENGINE_PARTS[part];
  if (value === null || value === undefined) return rule.optional;
  return (COMPUTE_ENGINES as readonly string[]).includes(value) || (rule.cache && value === FROM_CACHE);
}
