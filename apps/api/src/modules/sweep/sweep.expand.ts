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
 * GRID: the cartesian product in row-major order; when it is larger than maxRuns, a seeded sample
 * of maxRuns points (kept in grid order) so a capped grid still covers every dimension.
 */
export function expandGrid(s: SearchSpaceJson, maxRuns: number | null, seed: number): SearchPoint[] {
  const size = gridSize(s);
  let indices = Array.from({ length: size }, (_, i) => i);
  if (maxRuns !== null && maxRuns < size) {
    const rng = seededRandom(seed);
    for (let i = indices.length - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      [indices[i], indices[j]] = [indices[j] as number, indices[i] as number];
    }
    indices = indices.slice(0, maxRuns).sort((a, b) => a - b);
  }
  return indices.map((i) => gridPoint(s, i));
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
