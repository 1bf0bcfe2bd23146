/**
 * Turns whatever a training run threw into the one-line `failRun` message a user can act on: what
 * went wrong in their terms (dataset path, corrupt weights, memory) and what to do about it.
 */

/** Context for the message: which run settings to mention. */
export interface FailureContext {
  datasetPath: string;
  baseModel: string;
  batchSize: number;
}

// Case-insensitive phrases, plus the bare acronyms as whole words only ("boom" is not an OOM).
const OOM = /out of memory|allocation failed|invalid typed array length|cannot allocate memory/i;
const OOM_WORD = /\b(OOM|ENOMEM)\b/;

/** The failure message for a run that threw `error`. */
export function describeFailure(error: unknown, context: FailureContext): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = error instanceof Error ? (error as { code?: unknown }).code : undefined;
  const firstLine = message.split("\n")[0] ?? message;
  if (OOM.test(message) || OOM_WORD.test(message) || (error instanceof RangeError && /buffer|length/i.test(message))) {
    return `out of memory training ${context.baseModel} with batch size ${context.batchSize}: lower batchSize, pick a smaller base model or run fewer agents/--concurrency on this machine (${firstLine})`;
  }
  switch (code) {
    case "NOT_FOUND":
      return `not found: ${firstLine} (dataset path "${context.datasetPath}": check that it still exists on the agent's machine, or re-register the dataset)`;
    case "CHECKSUM_MISMATCH":
      return `corrupt weights for base model "${context.baseModel}": ${firstLine} (delete the cached copy or restore GRAFT_MODELS_DIR)`;
    case "BAD_INPUT":
      return `bad input: ${firstLine}`;
    case "ENOENT":
      return `missing file: ${firstLine} (dataset path "${context.datasetPath}")`;
    default:
      return `${error instanceof Error ? error.name : "Error"}: ${firstLine}`;
  }
}
