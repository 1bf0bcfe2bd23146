/**
 * The documents that once stalled or killed the API (a depth-53 fan-out over WS, 1,000 scans, 10,000
 * aliases, an unbounded list), exactly as reported: the tests send them over both transports and
 * the bench times `/healthz` while they are sent.
 */

/** `{ runs { nodes { sweep { runs { … id } } } } }`, 53 fields deep: the document that killed the API over WS. */
export function deepSweepRunsDocument(depth = 53): string {
  // runs, nodes, then (sweep, runs) pairs, then the `id` leaf.
  const pairs = Math.max(0, Math.floor((depth - 3) / 2));
  return `{ runs { nodes { ${"sweep { runs { ".repeat(pairs)}id${" } }".repeat(pairs)} } } }`;
}

/** `n` aliases of a one-row `runs` page whose `totalCount` scans every name for "zzz". */
export function totalCountSearchDocument(n = 1000): string {
  return `{ ${Array.from({ length: n }, (_, i) => `a${i}: runs(first: 1, filter: { search: "zzz" }) { totalCount }`).join(" ")} }`;
}

/** `n` aliases of `__typename`. */
export function typenameAliasesDocument(n = 10_000): string {
  return `{ ${Array.from({ length: n }, (_, i) => `a${i}: __typename`).join(" ")} }`;
}

/** A sweep's runs with every column the dashboard's runs table shows, and no `first`. */
export const SWEEP_RUNS_DOCUMENT = `query($id: ID!) { sweep(id: $id) { runs {
  id name status experimentId sweepId backend agentId createdAt startedAt finishedAt durationMs
  bestValAccuracy bestEpoch finalValAccuracy finalValLoss epochCount error stopReason
  hyperparameters { baseModel inputSize headUnits dropout augmentation optimizer learningRate epochs
    fineTuneLayers fineTuneEpochs fineTuneLearningRate batchSize seed validationSplit
    earlyStoppingPatience reduceLrPatience reduceLrFactor minLearningRate baseWeights baseWeightsSha256 } } } }`;
