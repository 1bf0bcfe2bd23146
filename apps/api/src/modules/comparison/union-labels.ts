/**
 * The union of label lists: the first list's order, then new labels in order of appearance.
 * compareRuns aligns every run's confusion matrix on this order (with `alignConfusionMatrix` from
 * `@graft/core/metrics`).
 */
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
