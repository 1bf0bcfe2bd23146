/**
 * Is the difference real? The paired comparison of two runs in words, and the flips behind a cell
 * of the difference matrix. PURE: no React, no fetching.
 */
import type { GroupComparisonQuery, PairedComparisonQuery } from "../gql/graphql";

/** The API's paired comparison, as the dashboard reads it. */
export type Paired = PairedComparisonQuery["pairedComparison"];

/** One image right in one run and wrong in the other. */
export type Flip = Paired["flips"][number];

/** A difference of accuracies in points, one decimal: `2.1`, `-0.7`. */
function points(d: number): string {
  return (d * 100).toFixed(1).replace(/^-0\.0$/, "0.0");
}

/** A p-value as people write it: `p = 0.03`, `p = 0.62`, `p < 0.001`. */
export function pValueText(p: number): string {
  if (p < 0.001) return "p < 0.001";
  return `p = ${p < 0.01 ? p.toFixed(3) : p.toFixed(2)}`;
}

/**
 * The verdict in one sentence, B measured against A: "B is better by 2.1 points, 95% CI 0.7 to 3.5,
 * McNemar p = 0.03"; when the interval holds 0, that no difference is shown; when the runs were
 * evaluated on different images, that the comparison is unpaired (and so has no McNemar test).
 */
export function verdictText(r: Paired, nameA: string, nameB: string): string {
  const d = r.accuracyDifference;
  const ci = `95% CI ${points(r.ci95Low)} to ${points(r.ci95High)}`;
  const mcnemar = r.mcnemarPValue == null ? "" : `, McNemar ${pValueText(r.mcnemarPValue)}`;
  const unpaired = r.sameValidationSet ? "" : ` (unpaired: the runs were evaluated on different images, ${r.imagesA} and ${r.imagesB})`;
  if (r.sameValidationSet && d === 0 && r.ci95Low === 0 && r.ci95High === 0)
    return `${nameA} and ${nameB} are right on exactly the same images.`;
  const direction = d >= 0 ? "better" : "worse";
  if (r.ci95Low > 0 || r.ci95High < 0) {
    return `${nameB} is ${direction} than ${nameA} by ${points(Math.abs(d))} points, ${ci}${mcnemar}${unpaired}.`;
  }
  if (points(Math.abs(d)) === "0.0")
    return `No clear difference: ${nameB} and ${nameA} have the same accuracy, ${ci}${mcnemar}${unpaired}.`;
  return `No clear difference: ${nameB} is ${direction} than ${nameA} by ${points(Math.abs(d))} points, but the ${ci} includes 0${mcnemar}${unpaired}.`;
}

/**
 * The flips behind a cell of the difference matrix (true `trueLabel`, predicted `predictedLabel`):
 * on the diagonal, every flip of that class; off it, those where either run predicted that label.
 */
export function flipsForCell(flips: readonly Flip[], trueLabel: string, predictedLabel: string): Flip[] {
  return flips.filter(
    (f) =>
      f.trueLabel === trueLabel && (trueLabel === predictedLabel || f.predictedA === predictedLabel || f.predictedB === predictedLabel),
  );
}

/** The API's comparison of two seed groups. */
export type GroupPaired = GroupComparisonQuery["groupComparison"];

/**
 * Two configurations over their seeds in one sentence: "B (n=3) is better than A (n=3) by 6.9
 * points, 95% CI 0.7 to 13.2 over seeds and images"; when the interval holds 0, that no difference
 * is shown.
 */
export function groupVerdictText(r: GroupPaired, nameA: string, nA: number, nameB: string, nB: number): string {
  const d = r.accuracyDifference;
  const direction = d >= 0 ? "better" : "worse";
  const ci = `95% CI ${points(r.ci95Low)} to ${points(r.ci95High)} over seeds and images`;
  const a = `${nameA} (n=${nA})`;
  const b = `${nameB} (n=${nB})`;
  if (r.ci95Low > 0 || r.ci95High < 0) return `${b} is ${direction} than ${a} by ${points(Math.abs(d))} points, ${ci}.`;
  if (points(Math.abs(d)) === "0.0") return `No clear difference: ${b} and ${a} have the same mean accuracy, ${ci}.`;
  return `No clear difference: ${b} is ${direction} than ${a} by ${points(Math.abs(d))} points, but the ${ci} includes 0.`;
}
