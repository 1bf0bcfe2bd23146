/** Feature extraction: folded graphs, extractors, the on-disk feature cache. */
export { createFeatureExtractor, extractorId, type FeatureExtractor, type FeatureExtractorOptions } from "./extractor";
export { foldModel, runGraph, disposeGraph, layerCount, type FoldedGraph, type Step } from "./graph";
export { fineTuneDepths, splitGraph, type SplitGraph } from "./split";
export { extractFeatures, type ExtractOptions, type ExtractResult } from "./extract";
export { FeatureCache, featureKey } from "./cache";
export { fileSha256 } from "../util/hash";
export { FrozenPartPool, runningPoolWorkers, type FrozenPartPoolOptions, type FrozenPartResult, type PooledCompute } from "./workers/pool";
export { resolveWorkers, autoWorkers, MAX_WORKERS, type WorkersOption } from "./workers/count";
export type { FrozenOutput, WorkerBackend, WorkerSetup } from "./workers/protocol";
