/** Exit codes of `graft` and the error for bad command lines. */

/** 0 success, 1 failure of the run or the API, 2 bad input (flags, paths, unknown model, bad weights). */
export const EXIT = { ok: 0, failure: 1, badInput: 2 } as const;

/** A bad command line: unknown flag, missing or malformed value. Exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/**
 * `node:util` parseArgs throws TypeErrors with `code` ERR_PARSE_ARGS_*; they are usage errors and
 * their messages already name the flag (`Unknown option '--foo'`).
 */
export function asUsageError(error: unknown): UsageError | null {
  if (error instanceof UsageError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === "string" && code.startsWith("ERR_PARSE_ARGS"))
    return new UsageError((error as Error).message.replace(/\s*\n\s*/g, " "));
  return null;
}
