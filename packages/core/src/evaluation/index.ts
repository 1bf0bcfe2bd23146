/**
 * Metrics over predictions. Pure TypeScript, no TensorFlow.js: the API imports this as
 * `@graft/core/metrics` to compare runs without loading a backend.
 */
export { confusionMatrix, alignConfusionMatrix } from "./confusion";
export { classificationReport, type ClassificationReport } from "./report";
export { evaluatePredictions, argmax, type PredictionSet } from "./evaluate";
export {
  BOOTSTRAP_RESAMPLES,
  groupBootstrapInterval,
  type Interval,
  mcnemarExactP,
  pairedBootstrapInterval,
  unpairedBootstrapInterval,
} from "./paired";
export { meanStd, type MeanStd } from "./spread";
