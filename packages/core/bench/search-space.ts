/**
 * The search bench's space: head configurations of the plant-leaves classifier on MobileNet v1
 * 0.25 features, every knob with values that cost accuracy (learning rates too small to learn in
 * the epochs given or too large to converge, heavy dropout, no hidden layer). Every point is one
 * deterministic `train()` config: fixed training and split seeds, no EarlyStopping and no
 * ReduceLROnPlateau, so each config trains exactly its epochs and gives the same curve every time.
 */
import { pointKey, type SearchDimension, type SearchPoint } from "../src/search";
import { defaultTrainConfig } from "../src/train/config";
import type { TrainConfig } from "../src/types";

/** The base whose cached features every config trains on (the cached-sweep section's). */
export const SEARCH_BASE = "mobilenet_v1_0.25_224";
/** Training and split seed of every config. */
export const SEARCH_SEED = 42;

/** A finite search space and the epochs each of its configs trains. */
export interface SearchSpace {
  dims: SearchDimension[];
  /** Every point of the space, in grid order (the last knob varies fastest). */
  points: SearchPoint[];
  epochs: number;
  quick: boolean;
}

/** `count` values log-spaced from `low` to `high`, rounded to 3 significant digits. */
function logSpaced(low: number, high: number, count: number): number[] {
  const a = Math.log10(low);
  const b = Math.log10(high);
  return Array.from({ length: count }, (_, i) => Number((10 ** (a + ((b - a) * i) / (count - 1))).toPrecision(3)));
}

/**
 * The full space: head [] / [64] / [256] × 9 learning rates 1e-5…1e-1 (half decades) × dropout 0 /
 * 0.3 / 0.6 × label smoothing 0 / 0.1 × batch 16 / 64 = 324 configs of 27 epochs (Hyperband's rungs
 * at 1, 3, 9 with eta 3). `quick`: head × 5 learning rates (whole decades) × dropout 0 / 0.5 × label
 * smoothing at batch 64 = 60 configs of 9 epochs (rungs at 1, 3).
 */
export function searchSpace(quick: boolean): SearchSpace {
  const dims: SearchDimension[] = [
    { name: "headUnits", values: [[], [64], [256]], kind: "categorical" },
    { name: "learningRate", values: logSpaced(1e-5, 1e-1, quick ? 5 : 9), kind: "numeric", log: true },
    { name: "dropout", values: quick ? [0, 0.5] : [0, 0.3, 0.6], kind: "numeric" },
    { name: "labelSmoothing", values: [0, 0.1], kind: "numeric" },
    { name: "batchSize", values: quick ? [64] : [16, 64], kind: "numeric", log: true },
  ];
  const points = dims.reduce<SearchPoint[]>((acc, d) => acc.flatMap((p) => d.values.map((v) => ({ ...p, [d.name]: v }))), [{}]);
  return { dims, points, epochs: quick ? 9 : 27, quick };
}

/** The `train()` config of a point. */
export function configOf(point: SearchPoint, epochs: number): TrainConfig {
  return defaultTrainConfig({
    baseModel: SEARCH_BASE,
    headUnits: point.headUnits as number[],
    learningRate: point.learningRate as number,
    dropout: point.dropout as number,
    labelSmoothing: point.labelSmoothing as number,
    batchSize: point.batchSize as number,
    epochs,
    seed: SEARCH_SEED,
    splitSeed: SEARCH_SEED,
    // Off (their defaults too, set here so the bench does not depend on them): every config trains all its epochs.
    earlyStoppingPatience: null,
    reduceLrPatience: null,
  });
}

/** A point as a short text: `[64] lr 0.001 do 0.5 ls 0 bs 16`. */
export function describePoint(p: SearchPoint): string {
  return `${JSON.stringify(p.headUnits)} lr ${String(p.learningRate)} do ${String(p.dropout)} ls ${String(p.labelSmoothing)} bs ${String(p.batchSize)}`;
}

/** The space's knobs as text: `headUnits [] [64] [256] × learningRate 1e-5 … 0.1 (9, log) × …`. */
export function describeSpace(space: SearchSpace): string {
  return space.dims
    .map((d) => {
      const vs = d.values.map((v) =>
        d.log === true && typeof v === "number" && v < 1 ? v.toExponential(2).replace(/\.?0+e/, "e") : JSON.stringify(v),
      );
      return `${d.name} ${vs.join(" ")}${d.log && d.values.length > 2 ? " (log)" : ""}`;
    })
    .join(" × ");
}

export { pointKey };
