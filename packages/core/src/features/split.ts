/**
 * Splits a folded graph at the fine-tuning freeze boundary: the frozen bottom runs once per image
 * (its output is cached), the top is trained. Caching the boundary is what keeps fine-tuning
 * inside the 4 GiB wasm heap: backprop then only holds the top part's activations.
 */
import { BadInputError } from "../errors";
import { layerCount, type FoldedGraph } from "./graph";

/** The two halves of a split graph. */
export interface SplitGraph {
  bottom: FoldedGraph;
  top: FoldedGraph;
  /** Original layers in the top part: ≥ the requested count, rounded up to a step boundary and to a point where one tensor crosses. */
  topLayers: number;
}

/** A place the graph can be cut: the top starts at step `k` and holds `topLayers` original layers. */
interface Cut {
  k: number;
  topLayers: number;
  /** The one tensor that crosses the cut (the cached bottom output). */
  boundary: string;
}

/**
 * Every cut, from the top down (so `topLayers` ascends): between two steps, so folded groups
 * (conv+BN+activation) stay together, and only where exactly one tensor crosses, so a residual
 * block is never split.
 */
function* cuts(graph: FoldedGraph): Generator<Cut> {
  let count = 0;
  for (let k = graph.steps.length - 1; k >= 0; k--) {
    count += (graph.steps[k] as FoldedGraph["steps"][number]).layers.length;
    const topSteps = graph.steps.slice(k);
    const produced = new Set(topSteps.map((s) => s.name));
    const external = new Set(topSteps.flatMap((s) => s.inputs).filter((n) => !produced.has(n)));
    if (external.size === 1) yield { k, topLayers: count, boundary: [...external][0] as string };
  }
}

/**
 * The fine-tune depths the graph can really have, ascending: the `topLayers` of every cut. A
 * requested depth becomes the first of these that is not smaller ({@link splitGraph}); the registry
 * records them per base (`BaseModelSpec.fineTuneDepths`).
 */
export function fineTuneDepths(graph: FoldedGraph): number[] {
  return [...cuts(graph)].map((c) => c.topLayers);
}

/**
 * Splits so that at least `minTopLayers` original layers are in the top, at the first cut of
 * {@link fineTuneDepths} that is not smaller: the boundary moves down past folded groups
 * (conv+BN+activation stay together) and residual connections (exactly one tensor may cross, the
 * cached one).
 */
export function splitGraph(graph: FoldedGraph, minTopLayers: number): SplitGraph {
  const total = layerCount(graph);
  if (!Number.isInteger(minTopLayers) || minTopLayers < 1 || minTopLayers > total) {
    throw new BadInputError(
      `fineTuneLayers must be an integer in [1, ${total}] for this base (its layers up to the feature layer), received ${String(minTopLayers)}`,
    );
  }
  for (const { k, topLayers, boundary } of cuts(graph)) {
    if (topLayers < minTopLayers) continue;
    return {
      bottom: { input: graph.input, output: boundary, steps: graph.steps.slice(0, k) },
      top: { input: boundary, output: graph.output, steps: graph.steps.slice(k) },
      topLayers,
    };
  }
  // Unreachable for single-input graphs: at k = 0 the only external tensor is the input.
  throw new Error("No single-tensor freeze boundary found");
}
