/**
 * The trainer's view of `@graft/core`: the handful of functions it calls, as an interface, so that
 * commands take an {@link Engine} by injection (fakes in unit tests) and the real engine, which loads
 * TensorFlow.js, is imported only when a command needs it (`graft --help` stays instant).
 */
import type { EvaluationReport, TrainConfig, TrainOptions, TrainResult } from "@graft/core/types";

/** Arguments of core's `train()`: core's own options type (type-only, so no TensorFlow.js loads). */
export type TrainRequest = TrainOptions;

/** The engine functions the trainer uses (a subset of `@graft/core`'s exports). */
export interface Engine {
  train(request: TrainRequest): Promise<TrainResult>;
  /** Fills defaults and validates; throws a BAD_INPUT GraftError quoting a bad value. */
  defaultTrainConfig(partial: Partial<TrainConfig>): TrainConfig;
  selectBackend(preferred?: string): Promise<string>;
  /** Scores a checkpoint folder on a class-folder dataset (core's `evaluateCheckpoint`). */
  evaluateCheckpoint(options: { modelDir: string; dataDir: string }): Promise<EvaluationReport>;
}

/** Imports `@graft/core` (and with it TensorFlow.js). */
export async function loadEngine(): Promise<Engine> {
  // Assigning the module to Engine makes tsc check core's real signatures against this interface.
  const core: Engine = await import("@graft/core");
  return core;
}

const USER_CODES = new Set(["BAD_INPUT", "NOT_FOUND", "CHECKSUM_MISMATCH"]);

/**
 * True for a core error caused by what the user passed (BAD_INPUT, NOT_FOUND, CHECKSUM_MISMATCH).
 * Checked by `code` rather than `instanceof` so it works without importing core (and TF.js).
 */
export function isUserError(error: unknown): error is Error & { code: string } {
  const code = error instanceof Error ? (error as Error & { code?: unknown }).code : undefined;
  return typeof code === "string" && USER_CODES.has(code);
}
