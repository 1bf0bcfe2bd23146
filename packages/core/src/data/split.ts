/**
 * Deterministic, stratified train/validation splits, optionally keeping manifest groups whole.
 */
import { BadInputError } from "../errors";
import type { DatasetIndex, DatasetSplit, ImageEntry } from "../types";
import { createRng, shuffled, type Rng } from "../util/random";
import { compareStrings } from "./scan";

/** Options of {@link splitDataset}. */
export interface SplitOptions {
  /** Fraction of each class that goes to validation, strictly between 0 and 1. */
  validationSplit: number;
  seed: number;
  /** Keep each `group` on one side (leakage-free). Images without a group are their own group. */
  byGroup?: boolean;
}

/**
 * Splits a dataset per class: each class sends `round(n * validationSplit)` images to validation,
 * clamped so that a class of at least 2 images keeps at least 1 on each side.
 *
 * Deterministic: images are sorted by `file` before the seeded shuffle, so the same seed and the
 * same files give the same split whatever the order of `index.images`. Both sides come back sorted
 * by `file`.
 *
 * With `byGroup`, groups are assigned whole, class by class in label order: a class's groups are
 * shuffled and added to validation while that brings its image count closer to the target. A group
 * that spans classes is placed by the first class that contains it, and its images in later classes
 * follow it, so no group is ever on both sides. A class with at least 2 groups of its own keeps at
 * least one group on each side; a class whose groups were all placed by earlier classes may not.
 * @throws BadInputError when `validationSplit` is not in (0, 1) or the seed is not a finite number.
 */
export function splitDataset(index: DatasetIndex, options: SplitOptions): DatasetSplit {
  const { validationSplit, seed } = options;
  if (typeof validationSplit !== "number" || !(validationSplit > 0 && validationSplit < 1)) {
    throw new BadInputError(`validationSplit must be a number strictly between 0 and 1, received ${String(validationSplit)}`);
  }
  if (typeof seed !== "number" || !Number.isFinite(seed)) {
    throw new BadInputError(`seed must be a finite number, received ${String(seed)}`);
  }
  const rng = createRng(seed);
  const byClass = new Map<number, ImageEntry[]>();
  for (const image of [...index.images].sort((a, b) => compareStrings(a.file, b.file))) {
    const list = byClass.get(image.label) ?? [];
    list.push(image);
    byClass.set(image.label, list);
  }
  const labels = [...byClass.keys()].sort((a, b) => a - b);

  const validation = new Set<ImageEntry>();
  if (options.byGroup) {
    splitByGroup(labels, byClass, validationSplit, rng, validation);
  } else {
    for (const label of labels) {
      const images = byClass.get(label) ?? [];
      const target = targetCount(images.length, validationSplit);
      for (const image of shuffled(images, rng).slice(0, target)) validation.add(image);
    }
  }

  const train: ImageEntry[] = [];
  const val: ImageEntry[] = [];
  for (const label of labels) {
    for (const image of byClass.get(label) ?? []) (validation.has(image) ? val : train).push(image);
  }
  train.sort((a, b) => compareStrings(a.file, b.file));
  val.sort((a, b) => compareStrings(a.file, b.file));
  return { train, validation: val };
}

/** Validation size for `n` items: rounded share, but at least 1 and at most n-1 when n ≥ 2. */
function targetCount(n: number, validationSplit: number): number {
  if (n < 2) return 0;
  return Math.min(n - 1, Math.max(1, Math.round(n * validationSplit)));
}

function groupKey(image: ImageEntry): string {
  return image.group === undefined || image.group === "" ? image.file : image.group;
}

function splitByGroup(
  labels: number[],
  byClass: Map<number, ImageEntry[]>,
  validationSplit: number,
  rng: Rng,
  validation: Set<ImageEntry>,
): void {
  /** Side of every group placed so far: true = validation. */
  const side = new Map<string, boolean>();
  for (const label of labels) {
    const images = byClass.get(label) ?? [];
    const sizes = new Map<string, number>();
    for (const image of images) sizes.set(groupKey(image), (sizes.get(groupKey(image)) ?? 0) + 1);

    let valCount = 0;
    const free: string[] = [];
    for (const [key, size] of sizes) {
      const placed = side.get(key);
      if (placed === undefined) free.push(key);
      else if (placed) valCount += size;
    }
    const target = targetCount(images.length, validationSplit);
    // `sizes` iterates in first-seen order of the file-sorted images: deterministic before shuffling.
    const order = shuffled(free, rng);
    const chosen: string[] = [];
    for (const key of order) {
      const size = sizes.get(key) ?? 0;
      // Take the group if the count ends nearer the target with it than without it.
      if (valCount < target && Math.abs(valCount + size - target) < Math.abs(target - valCount)) {
        chosen.push(key);
        valCount += size;
      }
    }
    const chosenSet = new Set(chosen);
    const rest = order.filter((key) => !chosenSet.has(key));
    const hasValSide = valCount > 0;
    const hasTrainSide = images.length - valCount > 0;
    if (free.length >= 2 || (free.length === 1 && sizes.size >= 2)) {
      // Keep both sides non-empty for this class when its own free groups allow it.
      if (!hasValSide && rest.length > 0) chosen.push(rest.shift() as string);
      else if (!hasTrainSide && chosen.length > 0) rest.push(chosen.pop() as string);
    }
    for (const key of chosen) side.set(key, true);
    for (const key of rest) side.set(key, false);
  }
  for (const images of byClass.values()) {
    for (const image of images) if (side.get(groupKey(image))) validation.add(image);
  }
}
