/**
 * The error for a registry model that is nowhere: not in the local models folder, not in the cache,
 * and not downloadable (offline, blocked, mirror down). It names the model and the two ways to give
 * Graft local weights, since that is what an offline user has to do next.
 */
import path from "node:path";
import { BadInputError } from "../errors";

/** What was tried before giving up on a model. */
export interface UnavailableModel {
  name: string;
  /** The models folder that was searched, or null when none was set. */
  modelsDir: string | null;
  /** The cache folder of this model (`<cacheDir>/models/<name>`). */
  cacheDir: string;
  /** Why the download failed (its message quotes the URL). */
  cause: Error;
}

/**
 * A BadInputError (so `graft train` exits 2 and an agent's run fails as "bad input": the input, a
 * model without local weights, is what must change) naming the model, where it looked, the
 * download failure, and `GRAFT_MODELS_DIR` / `--models-dir`.
 */
export function unavailableModelError(m: UnavailableModel): BadInputError {
  const local = m.modelsDir === null ? "GRAFT_MODELS_DIR is not set" : `no ${path.join(m.modelsDir, m.name, "model.json")}`;
  return new BadInputError(
    `Base model ${JSON.stringify(m.name)} has no local weights (${local}; nothing in the cache ${m.cacheDir}) and could not be downloaded: ${m.cause.message}. ` +
      `Offline, copy its folder "${m.name}" (model.json and weight files) into a directory and pass that directory as GRAFT_MODELS_DIR=DIR or graft train --models-dir DIR.`,
    { cause: m.cause },
  );
}
