/**
 * Errors the engine throws on purpose. `code` lets callers map them to exit codes
 * (`graft train`: BAD_INPUT → 2) or to a run's failure reason, without matching on messages.
 */
export type GraftErrorCode = "BAD_INPUT" | "NOT_FOUND" | "CHECKSUM_MISMATCH" | "UNSUPPORTED" | "FAILURE";

export class GraftError extends Error {
  readonly code: GraftErrorCode;

  constructor(code: GraftErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "GraftError";
    this.code = code;
  }
}

/** A wrong argument or input file: the message quotes the value received, as tfjs-layers does. */
export class BadInputError extends GraftError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("BAD_INPUT", message, options);
    this.name = "BadInputError";
  }
}

/** True for errors caused by what the user passed in, as opposed to a failure of the engine. */
export function isBadInput(error: unknown): boolean {
  return error instanceof GraftError && (error.code === "BAD_INPUT" || error.code === "NOT_FOUND" || error.code === "CHECKSUM_MISMATCH");
}
