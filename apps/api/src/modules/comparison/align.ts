/**
 * Re-indexes a confusion matrix (rows = true, columns = predicted, in `labels` order) onto
 * `target`, a superset label order; labels the run never saw get zero rows and columns.
 */
export function alignConfusionMatrix(matrix: readonly (readonly number[])[], labels: readonly string[], target: readonly string[]): number[][] {
  const pos = new Map(target.map((l, i) => [l, i]));
  const out = target.map(() => target.map(() => 0));
  labels.forEach((trueLabel, i) => {
    const ti = pos.get(trueLabel);
    if (ti === undefined) throw new Error(`Label ${JSON.stringify(trueLabel)} is missing from the target order`);
    labels.forEach((predLabel, j) => {
      const pj = pos.get(predLabel) as number;
      (out[ti] as number[])[pj] = ((out[ti] as number[])[pj] as number) + (matrix[i]?.[j] ?? 0);
    });
  });
  return out;
}

/** The union of label lists: the first list's order, then new labels in order of appearance. */
export function unionLabels(lists: readonly (readonly string[])[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const list of lists) {
    for (const l of list) {
      if (seen.has(l)) continue;
      seen.add(l);
      out.push(l);
    }
  }
  return out;
}
