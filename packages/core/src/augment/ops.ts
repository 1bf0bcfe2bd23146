/**
 * Parsing and naming augmentation specs (`graft train --augment flip,rotate`, sweep presets).
 */
import { AUGMENTATION_OPS, AUGMENTATION_PRESETS } from "../contract";
import { BadInputError } from "../errors";
import type { AugmentationOp } from "../types";

/** Every op and the named presets: the catalogue's (`../contract`), so the API offers the same. */
export { AUGMENTATION_OPS, AUGMENTATION_PRESETS };

function isOp(token: string): token is AugmentationOp {
  return (AUGMENTATION_OPS as readonly string[]).includes(token);
}

/**
 * Parses `"flip, rotate"` (or an array of tokens) into ops in canonical order without duplicates.
 * Tokens are trimmed and case-insensitive; `""` and `"none"` mean no augmentation, and a preset name
 * (`light`, `standard`, `heavy`) expands to its ops, so `"standard,contrast"` also works.
 * @throws BadInputError naming the unknown token and listing the valid ones.
 */
export function parseAugmentation(spec: string | readonly string[]): AugmentationOp[] {
  if (typeof spec !== "string" && !Array.isArray(spec)) {
    throw new BadInputError(`augmentation must be a string or an array of strings, received ${JSON.stringify(spec)}`);
  }
  const tokens = (typeof spec === "string" ? spec.split(",") : spec.flatMap((s) => String(s).split(",")))
    .map((t) => t.trim().toLowerCase())
    .filter((t) => t !== "");
  const chosen = new Set<AugmentationOp>();
  for (const token of tokens) {
    if (isOp(token)) chosen.add(token);
    else if (Object.hasOwn(AUGMENTATION_PRESETS, token)) for (const op of AUGMENTATION_PRESETS[token] ?? []) chosen.add(op);
    else {
      throw new BadInputError(
        `Unknown augmentation "${token}"; valid ops are ${AUGMENTATION_OPS.join(", ")} (or none, or a preset: ${Object.keys(AUGMENTATION_PRESETS).join(", ")})`,
      );
    }
  }
  return AUGMENTATION_OPS.filter((op) => chosen.has(op));
}

/** The canonical text of an op list: `"flip,rotate"`, or `"none"` when empty. */
export function formatAugmentation(ops: readonly AugmentationOp[]): string {
  const set = new Set(ops);
  const ordered = AUGMENTATION_OPS.filter((op) => set.has(op));
  return ordered.length === 0 ? "none" : ordered.join(",");
}
