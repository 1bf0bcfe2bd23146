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

/**
 * Splits so that at least `minTopLayers` original layers are in the top. The boundary moves down
 * past folded groups (conv+BN+activation stay together) and residual connections (exactly one
 * tensor may cross, the cached one).
 */
export function splitGraph(graph: FoldedGraph, minTopLayers: number): SplitGraph {
  const total = layerCount(graph);
  if (!Number.isInteger(minTopLayers) || minTopLayers < 1 || minTopLayers > total) {
    throw new BadInputError(`fineTuneLayers must be an integer in [1, ${total}] for this base (its layers up to the feature layer), received ${String(minTopLayers)}`);
  }
  let count = 0;
  for (let k = graph.steps.length - 1; k >= 0; k--) {
    count += (graph.steps[k] as FoldedGraph["steps"][number]).layers.length;
    if (count < minTopLayers) continue;
    const topSteps = graph.steps.slice(k);
    const produced = new Set(topSteps.map((s) => s.name));
    const external = new Set(topSteps.flatMap((s) => s.inputs).filter((n) => !produced.has(n)));
    if (external.size !== 1) continue;
    const boundary = [...external][0] as string;
    return {
      bottom: { input: graph.input, output: boundary, steps: graph.steps.slice(0, k) },
      top: { input: boundary, output: graph.output, steps: topSteps },
      topLayers: count,
    };
  }
  // Unreachable for single-input graphs: at k = 0 the only external tensor is the input.
  throw new Error("No single-tensor freeze boundary found");
}
