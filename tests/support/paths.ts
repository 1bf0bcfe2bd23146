/** Where the repository and the shared test assets are. */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** Root of the checkout (the folder holding the workspace package.json). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** `GRAFT_SHARED_DIR`, else `../shared` beside the checkout. */
export const sharedDir = process.env.GRAFT_SHARED_DIR ?? path.resolve(repoRoot, "../shared");

/** Shared pretrained weights (`<shared>/models`). */
export const sharedModelsDir = path.join(sharedDir, "models");

/** The shared plant-leaves dataset (`<shared>/datasets/plant-leaves`). */
export const plantLeavesDir = path.join(sharedDir, "datasets", "plant-leaves");

/**
 * Why tests needing the shared models and dataset must skip, or null when both are there.
 * Use as `describe.skipIf(sharedAssetsMissing())(...)` and log the reason.
 */
export function sharedAssetsMissing(): string | null {
  if (!fs.existsSync(path.join(sharedModelsDir, "mobilenet_v1_0.25_224", "model.json"))) {
    return `shared models not found at ${sharedModelsDir} (set GRAFT_SHARED_DIR)`;
  }
  if (!fs.existsSync(path.join(plantLeavesDir, "manifest.csv")))
    return `plant-leaves dataset not found at ${plantLeavesDir} (set GRAFT_SHARED_DIR)`;
  return null;
}

/** The `graft` CLI entry point. */
export const graftBin = path.join(repoRoot, "apps", "trainer", "bin", "graft.mjs");
