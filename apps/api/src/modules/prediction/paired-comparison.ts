/**
 * `pairedComparison`: two runs' predictions compared image by image. On the same validation images
 * (same files, same true labels) the comparison is paired: a paired bootstrap interval, the exact
 * McNemar test on the images only one run got right, per-class recall, and the flips. On different
 * images each run is resampled on its own and the answer says it is unpaired.
 */
import { BOOTSTRAP_RESAMPLES, mcnemarExactP, pairedBootstrapInterval, unpairedBootstrapInterval } from "@graft/core/metrics";
import { type ClassRecallDifference, type PairedComparison, type PredictionFlip } from "@graft/schema/graphql";
import { predictedClass, type StoredPredictions } from "./prediction.codec";

/** One run's side: its id, the dataset it was trained and evaluated on, and its predictions. */
export interface Side {
  runId: string;
  datasetId: string;
  predictions: StoredPredictions;
}

function correctness(p: StoredPredictions): boolean[] {
  return p.yTrue.map((y, i) => predictedClass(p, i) === y);
}

function mean(xs: readonly boolean[]): number {
  return xs.reduce((s, x) => s + Number(x), 0) / xs.length;
}

/** Image i of `b` for each image of `a` (by file), when both sets hold the same files with the same labels; else null. */
function alignment(a: StoredPredictions, b: StoredPredictions): number[] | null {
  if (a.files.length !== b.files.length) return null;
  if (a.labels.length !== b.labels.length || a.labels.some((l, i) => b.labels[i] !== l)) {
    // Different label orders are fine as long as each image's true class is the same name.
    const names = new Set(a.labels);
    if (b.labels.length !== a.labels.length || b.labels.some((l) => !names.has(l))) return null;
  }
  const inB = new Map(b.files.map((f, i) => [f, i]));
  const order: number[] = [];
  for (let i = 0; i < a.files.length; i++) {
    const j = inB.get(a.files[i] as string);
    if (j === undefined) return null;
    if (a.labels[a.yTrue[i] as number] !== b.labels[b.yTrue[j] as number]) return null;
    order.push(j);
  }
  return order;
}

/** Compares B with A (differences are B − A); `seed` seeds the bootstrap. */
export function comparePredictions(a: Side, b: Side, seed: number): PairedComparison {
  const pa = a.predictions;
  const pb = b.predictions;
  const okA = correctness(pa);
  const okB = correctness(pb);
  // Same relative paths in two datasets are not the same images: pairing needs one dataset.
  const order = a.datasetId === b.datasetId ? alignment(pa, pb) : null;
  const common = {
    a: a.runId,
    b: b.runId,
    imagesA: pa.files.length,
    imagesB: pb.files.length,
    accuracyA: mean(okA),
    accuracyB: mean(okB),
    accuracyDifference: mean(okB) - mean(okA),
    bootstrapSeed: seed,
    bootstrapResamples: BOOTSTRAP_RESAMPLES,
  };
  if (order === null) {
    const ci = unpairedBootstrapInterval(okA, okB, seed);
    return {
      ...common,
      sameValidationSet: false,
      method: "unpaired",
      ci95Low: ci.low,
      ci95High: ci.high,
      onlyARight: null,
      onlyBRight: null,
      mcnemarPValue: null,
      perClass: [],
      flips: [],
    };
  }
  const okBAligned = order.map((j) => okB[j] as boolean);
  const ci = pairedBootstrapInterval(okA, okBAligned, seed);
  const flips: PredictionFlip[] = [];
  const perLabel = new Map(pa.labels.map((label) => [label, { support: 0, correctA: 0, correctB: 0 }]));
  for (let i = 0; i < order.length; i++) {
    const j = order[i] as number;
    const trueLabel = pa.labels[pa.yTrue[i] as number] as string;
    const counts = perLabel.get(trueLabel) as { support: number; correctA: number; correctB: number };
    counts.support++;
    if (okA[i]) counts.correctA++;
    if (okBAligned[i]) counts.correctB++;
    if (okA[i] === okBAligned[i]) continue;
    const predA = predictedClass(pa, i);
    const predB = predictedClass(pb, j);
    flips.push({
      file: pa.files[i] as string,
      trueLabel,
      rightRunId: okA[i] ? a.runId : b.runId,
      predictedA: pa.labels[predA] as string,
      confidenceA: pa.probabilities[i * pa.labels.length + predA] as number,
      predictedB: pb.labels[predB] as string,
      confidenceB: pb.probabilities[j * pb.labels.length + predB] as number,
    });
  }
  const onlyARight = flips.filter((f) => f.rightRunId === a.runId).length;
  const onlyBRight = flips.length - onlyARight;
  const perClass: ClassRecallDifference[] = [...perLabel].map(([label, c]) => {
    const recallA = c.support === 0 ? null : c.correctA / c.support;
    const recallB = c.support === 0 ? null : c.correctB / c.support;
    return { label, ...c, recallA, recallB, difference: recallA === null || recallB === null ? null : recallB - recallA };
  });
  flips.sort((x, y) => (x.trueLabel < y.trueLabel ? -1 : x.trueLabel > y.trueLabel ? 1 : x.file < y.file ? -1 : x.file > y.file ? 1 : 0));
  return {
    ...common,
    sameValidationSet: true,
    method: "paired",
    ci95Low: ci.low,
    ci95High: ci.high,
    onlyARight,
    onlyBRight,
    mcnemarPValue: mcnemarExactP(onlyARight, onlyBRight),
    perClass,
    flips,
  };
}
