/**
 * The run page's words for its evaluation. What it shows is the delivered model (the weights the
 * run hands over, evaluated by the agent) on the validation split: never "test" accuracy, since no
 * test split exists, and with the epoch whose weights those are when the agent reported it.
 */

/** The fields of a run's evaluation these labels read. */
export interface EvaluationLabelInput {
  evaluatedEpoch?: number | null;
  skippedFiles?: readonly { file: string; reason: string }[];
}

/** "delivered model, epoch 7", or "delivered model" for runs recorded before the epoch was reported. */
export function deliveredModel(evaluation: EvaluationLabelInput | null | undefined): string {
  const epoch = evaluation?.evaluatedEpoch;
  return epoch == null ? "delivered model" : `delivered model, epoch ${epoch}`;
}

/** The label beside the evaluation's accuracy: "validation accuracy (delivered model, epoch 7)". */
export function validationAccuracyLabel(evaluation: EvaluationLabelInput | null | undefined): string {
  return `validation accuracy (${deliveredModel(evaluation)})`;
}

/** "none", or "3 files (not trained on or evaluated)". */
export function skippedFilesSummary(evaluation: EvaluationLabelInput | null | undefined): string {
  const n = evaluation?.skippedFiles?.length ?? 0;
  return n === 0 ? "none" : `${n} file${n === 1 ? "" : "s"} (not trained on or evaluated)`;
}
