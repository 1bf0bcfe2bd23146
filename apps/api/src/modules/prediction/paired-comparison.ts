/**
 * `pairedComparison`: two runs' predictions compared image by image. On the same validation images
 * (same files, same true labels) the comparison is paired: a paired bootstrap interval, the exact
 * McNemar test on the images only one run got right, per-class recall, and the flips. On different
 * images each run is resampled on its own and the answer says it is unpaired.
 */
import {
  BOOTSTRAP_RESAMPLES,
  groupBootstrapInterval,
  mcnemarExactP,
  meanStd,
  pairedBootstrapInterval,
  unpairedBootstrapInterval,
} from "@graft/core/metrics";
import { type ClassRecallDifference, type GroupComparison, type PairedComparison, type PredictionFlip } from "@graft/schema/graphql";
import { badInput } from "../../errors";
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

/**
 * Compares group B with group A (runs of one configuration each, other training seeds) on one
 * validation set: mean accuracies, their spread over seeds, and a two-level bootstrap interval of
 * the difference. Every run must have been evaluated on the first run's images.
 * @throws BAD_USER_INPUT when a run was evaluated on other images (another dataset or split).
 */
export function compareGroups(a: readonly Side[], b: readonly Side[], seed: number): GroupComparison {
  const first = (a[0] as Side).predictions;
  const aligned = (side: Side): boolean[] => {
    const order = side.datasetId === (a[0] as Side).datasetId ? alignment(first, side.predictions) : null;
    if (order === null) {
      throw badInput(
        `Run ${JSON.stringify(side.runId)} was evaluated on other images than run ${JSON.stringify((a[0] as Side).runId)}: groups are compared on one validation set (runs of one sweep share it)`,
        "b",
        side.runId,
      );
    }
    const ok = correctness(side.predictions);
    return order.map((j) => ok[j] as boolean);
  };
  const okA = a.map(aligned);
  const okB = b.map(aligned);
  const accA = okA.map(mean);
  const accB = okB.map(mean);
  // 2,000 resamples cost images × runs each; past ~2e8 steps fewer resamples keep one request bounded.
  const resamples = Math.max(200, Math.min(BOOTSTRAP_RESAMPLES, Math.floor(2e8 / (first.files.length * (a.length + b.length)))));
  const ci = groupBootstrapInterval(okA, okB, seed, resamples);
  const sa = meanStd(accA);
  const sb = meanStd(accB);
  return {
    a: a.map((s) => s.runId),
    b: b.map((s) => s.runId),
    images: first.files.length,
    accuracyA: sa.mean as number,
    accuracyB: sb.mean as number,
    stdA: sa.std,
    stdB: sb.std,
    accuracyDifference: (sb.mean as number) - (sa.mean as number),
    ci95Low: ci.low,
    ci95High: ci.high,
    bootstrapSeed: seed,
    bootstrapResamples: resamples,
  };
}
