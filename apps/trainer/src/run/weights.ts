/**
 * Custom base weights (a Keras `.h5` file) as a run records them: the file's absolute path on the
 * machine that created the run, and its sha256. `graft train --api` hashes the file it trains with;
 * an agent, which may be another machine, checks that the file at that path is still the same bytes
 * before training, so a run never silently trains from other weights than the ones it was queued with.
 */
import fs from "node:fs/promises";
import { largeFileSha256 } from "@graft/core/hash";

/** The weights a run starts from, when not the base model's own. */
export interface BaseWeights {
  /** Absolute path of the `.h5` file. */
  path: string;
  /** sha256 of its bytes, 64 lowercase hex. */
  sha256: string;
}

/** Why a run's weights file cannot be used on this machine; the message is the run's failRun error. */
export class BaseWeightsError extends Error {
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(message);
    this.name = "BaseWeightsError";
  }
}

/**
 * Checks that `expected.path` is a file whose sha256 is `expected.sha256`; throws a
 * {@link BaseWeightsError} naming the path (and, for different bytes, both hashes) otherwise.
 */
export async function verifyBaseWeights(expected: BaseWeights): Promise<void> {
  const stat = await fs.stat(expected.path).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw new BaseWeightsError(`cannot read base weights file "${expected.path}": ${(error as Error).message}`, expected.path);
  });
  if (stat === null) {
    throw new BaseWeightsError(
      `base weights file "${expected.path}" does not exist on this agent's machine: copy the run's .h5 file to that path (sha256 ${expected.sha256}), or train the run on the machine that has it`,
      expected.path,
    );
  }
  if (!stat.isFile())
    throw new BaseWeightsError(`base weights path "${expected.path}" is not a file (expected a Keras .h5 weights file)`, expected.path);
  const actual = await largeFileSha256(expected.path).catch((error: unknown) => {
    throw new BaseWeightsError(`cannot read base weights file "${expected.path}": ${(error as Error).message}`, expected.path);
  });
  if (actual !== expected.sha256) {
    throw new BaseWeightsError(
      `base weights file "${expected.path}" has sha256 ${actual}, but the run was queued with sha256 ${expected.sha256}: the file changed, or another file sits at that path on this machine; restore the original file or queue a new run`,
      expected.path,
    );
  }
}
