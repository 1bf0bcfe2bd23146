/**
 * How many frozen-part workers a run uses: `TrainOptions.workers`, else `GRAFT_WORKERS` (the one
 * place that reads it), resolved against the backend and the machine.
 */
import os from "node:os";
import { BadInputError } from "../../errors";

/** The most workers a run may ask for: each holds its own wasm heap and copy of the base. */
export const MAX_WORKERS = 64;

/** What `TrainOptions.workers` and `GRAFT_WORKERS` accept. */
export type WorkersOption = number | "auto";

/**
 * What "auto" resolves to: one worker per core beyond the main thread's, at most 4, since the
 * main thread still decodes, augments and trains the head.
 *
 * Measured on the 2-core machine of the bench (`bench/index.ts`): see packages/core/README.md.
 */
export function autoWorkers(cores: number = os.availableParallelism()): number {
  return Math.max(0, Math.min(cores - 1, 4));
}

function parse(value: unknown, source: string): WorkersOption {
  const fail = (): never => {
    throw new BadInputError(
      `workers (from ${source}) must be "auto" or an integer in [0, ${MAX_WORKERS}], received ${JSON.stringify(value)}`,
    );
  };
  if (value === "auto") return "auto";
  let n: number;
  if (typeof value === "number") n = value;
  else if (typeof value === "string" && /^\s*\d+\s*$/.test(value)) n = Number(value);
  else return fail();
  if (!Number.isInteger(n) || n < 0 || n > MAX_WORKERS) return fail();
  return n;
}

/**
 * The number of frozen-part worker threads to start for a run on `backend`: 0 means the main
 * thread does the forward pass as it always did (also for 1 worker, which would only add copies).
 * Only `wasm` and `cpu` get workers; tfjs-node (`tensorflow`) is multi-threaded already.
 * @throws BadInputError quoting the value (and where it came from) for anything but "auto" or an
 * integer in [0, 64], whatever the backend.
 */
export function resolveWorkers(option: WorkersOption | undefined, backend: string, env: NodeJS.ProcessEnv = process.env): number {
  const fromEnv = env.GRAFT_WORKERS;
  const requested =
    option !== undefined
      ? parse(option, "the workers option")
      : fromEnv !== undefined && fromEnv.trim() !== ""
        ? parse(fromEnv.trim(), "GRAFT_WORKERS")
        : 0;
  if (backend !== "wasm" && backend !== "cpu") return 0;
  const n = requested === "auto" ? autoWorkers() : requested;
  return n <= 1 ? 0 : n;
}
