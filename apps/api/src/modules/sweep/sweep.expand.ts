// The engine's generator, so a RANDOM sweep with a given seed picks the same points everywhere.
import { createRng as seededRandom } from "@graft/core/random";
import { type SearchSpaceJson } from "@graft/schema/db";

/** One point of a search space. */
export interface SearchPoint {
  baseModel: string;
  headUnits: number[];
  augmentation: string;
  fineTuneLayers: number;
  learningRate: number;
  fineTuneLearningRate: number;
  dropout: number;
}

/** Size of the full grid. */
export function gridSize(s: SearchSpaceJson): number {
  return s.baseModels.length * s.headUnits.length * s.augmentations.length * s.fineTuneLayers.length * s.learningRates.length * s.fineTuneLearningRates.length * s.dropouts.length;
}

/** The i-th grid point in row-major order (base model slowest, dropout fastest). */
function gridPoint(s: SearchSpaceJson, index: number): SearchPoint {
  let i = index;
  const pick = <T>(list: readonly T[]): T => {
    const v = list[i % list.length] as T;
    i = Math.floor(i / list.length);
    return v;
  };
  const dropout = pick(s.dropouts);
  const fineTuneLearningRate = pick(s.fineTuneLearningRates);
  const learningRate = pick(s.learningRates);
  const fineTuneLayers = pick(s.fineTuneLayers);
  const augmentation = pick(s.augmentations);
  const headUnits = pick(s.headUnits);
  const baseModel = pick(s.baseModels);
  return { baseModel, headUnits: [...headUnits], augmentation, fineTuneLayers, learningRate, fineTuneLearningRate, dropout };
}

/**
 * Largest grid a capped GRID samples by shuffling every index (a 1,000,000-entry array: ~8 MB and
 * tens of ms). Kept for grids up to this size so a seed picks the same points it always did.
 */
export const SHUFFLED_GRID_MAX = 1_000_000;

/**
 * GRID: the cartesian product in row-major order; when it is larger than maxRuns, a seeded sample
 * of maxRuns points (kept in grid order) so a capped grid still covers every dimension.
 *
 * A search space of 50 values in each of its 7 lists is a grid of 50^7 ≈ 7.8e11 points: shuffling
 * an array of all of them would exhaust the heap (or throw RangeError). Beyond
 * {@link SHUFFLED_GRID_MAX} the sample is drawn with Floyd's algorithm instead: maxRuns draws of
 * the same seeded generator, memory and time in maxRuns, never in the grid's size.
 */
export function expandGrid(s: SearchSpaceJson, maxRuns: number | null, seed: number): SearchPoint[] {
  const size = gridSize(s);
  if (maxRuns === null || maxRuns >= size) return Array.from({ length: size }, (_, i) => gridPoint(s, i));
  const rng = seededRandom(seed);
  let indices: number[];
  if (size <= SHUFFLED_GRID_MAX) {
    indices = Array.from({ length: size }, (_, i) => i);
    for (let i = indices.length - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      [indices[i], indices[j]] = [indices[j] as number, indices[i] as number];
    }
    indices = indices.slice(0, maxRuns);
  } else {
    // Floyd: for j in [size - maxRuns, size), draw t in [0, j]; take t unless already taken, else j.
    const taken = new Set<number>();
    for (let j = size - maxRuns; j < size; j++) {
      const t = Math.floor(rng() * (j + 1));
      taken.add(taken.has(t) ? j : t);
    }
    indices = [...taken];
  }
  return indices.sort((a, b) => a - b).map((i) => gridPoint(s, i));
}

/** RANDOM: maxRuns points, each dimension drawn uniformly from its list with a seeded generator. */
export function expandRandom(s: SearchSpaceJson, maxRuns: number, seed: number): SearchPoint[] {
  const rng = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rng() * list.length)] as T;
  return Array.from({ length: maxRuns }, () => ({
    baseModel: pick(s.baseModels),
    headUnits: [...pick(s.headUnits)],
    augmentation: pick(s.augmentations),
    fineTuneLayers: pick(s.fineTuneLayers),
    learningRate: pick(s.learningRates),
    fineTuneLearningRate: pick(s.fineTuneLearningRates),
    dropout: pick(s.dropouts),
  }));
}
