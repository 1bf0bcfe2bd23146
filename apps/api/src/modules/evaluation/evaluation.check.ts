import { type EvaluationInput } from "@graft/schema/graphql";
import { badInput } from "../../errors";

/**
 * The shape every evaluation an agent sends must have, whatever it scores (validation or another
 * dataset): distinct labels and a square matrix over them.
 * @throws BAD_USER_INPUT naming the field.
 */
export function checkEvaluationShape(ev: Pick<EvaluationInput, "labels" | "confusionMatrix">): void {
  const n = ev.labels.length;
  if (new Set(ev.labels).size !== n)
    throw badInput(`evaluation.labels has duplicates: ${JSON.stringify(ev.labels)}`, "evaluation.labels", ev.labels);
  if (ev.confusionMatrix.length !== n || ev.confusionMatrix.some((row) => row.length !== n)) {
    throw badInput(
      `evaluation.confusionMatrix must be ${n}×${n} to match ${n} labels; got ${ev.confusionMatrix.length} rows of lengths ${JSON.stringify(ev.confusionMatrix.map((r) => r.length))}`,
      "evaluation.confusionMatrix",
      ev.confusionMatrix.length,
    );
  }
}

/** The report columns every stored evaluation has (validation's and other datasets'), copied out of the input. */
export function reportColumns(ev: EvaluationInput) {
  return {
    labels: ev.labels,
    confusionMatrix: ev.confusionMatrix,
    perClass: ev.perClass.map((c) => ({ ...c })),
    misclassified: ev.misclassified.map((m) => ({ ...m })),
    accuracy: ev.accuracy,
    macroF1: ev.macroF1,
    weightedF1: ev.weightedF1,
  };
}
