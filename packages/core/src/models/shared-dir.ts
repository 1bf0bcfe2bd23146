/**
 * Where the shared test assets live (`../shared` beside the checkout, or GRAFT_SHARED_DIR). Used by
 * tests and the bench only; the product never needs these files.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root (three levels above this file: packages/core/src/models). */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");

/** The shared assets folder, or null when absent (tests then skip with a message). */
export function sharedDir(): string | null {
  const dir = process.env.GRAFT_SHARED_DIR ?? path.resolve(repoRoot, "../shared");
  return existsSync(path.join(dir, "models")) ? dir : null;
}

/** `<shared>/models`, or null. */
export function sharedModelsDir(): string | null {
  const dir = sharedDir();
  return dir === null ? null : path.join(dir, "models");
}

/** `<shared>/datasets/plant-leaves`, or null. */
export function plantLeavesDir(): string | null {
  const dir = sharedDir();
  const p = dir === null ? null : path.join(dir, "datasets", "plant-leaves");
  return p !== null && existsSync(p) ? p : null;
}
