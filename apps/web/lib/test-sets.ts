/**
 * Evaluation sets as the dashboard lists them: a run's validation split first, then each other
 * dataset its model was scored on; and, for Compare, the accuracy of every run on every set.
 */

/** An evaluation on another dataset, as the API serves it (the fields used here). */
export interface TestSetLike {
  status: string;
  accuracy?: number | null;
  dataset?: { id: string; name: string } | null;
}

/** One row of Compare's "accuracy per evaluation set": the set, then one cell per run. */
export interface SetRow {
  key: string;
  label: string;
  /** Accuracy per compared run (null: not evaluated there, or not finished). */
  accuracies: (number | null)[];
}

/**
 * Validation first (each run on its own split), then every dataset any run was evaluated on, in
 * order of first appearance; a set a run was not (or not yet) scored on is null in its cell.
 */
export function accuracyBySet(
  runs: readonly { evaluation?: { accuracy: number } | null; testSetEvaluations?: readonly TestSetLike[] | null }[],
): SetRow[] {
  const rows: SetRow[] = [{ key: "validation", label: "validation", accuracies: runs.map((r) => r.evaluation?.accuracy ?? null) }];
  const seen = new Map<string, SetRow>();
  runs.forEach((run, i) => {
    for (const set of run.testSetEvaluations ?? []) {
      const id = set.dataset?.id;
      if (!id) continue;
      let row = seen.get(id);
      if (!row) {
        row = { key: id, label: set.dataset?.name ?? id, accuracies: runs.map(() => null) };
        seen.set(id, row);
        rows.push(row);
      }
      if (set.status === "COMPLETED" && typeof set.accuracy === "number" && Number.isFinite(set.accuracy)) row.accuracies[i] = set.accuracy;
    }
  });
  return rows;
}

/**
 * The datasets a run can still be evaluated on: not the one it trained on, and every class of
 * which is among the model's labels (what the API would accept).
 */
export function evaluableDatasets<D extends { id: string; classes: readonly { name: string }[] }>(
  datasets: readonly D[],
  ownDatasetId: string,
  labels: readonly string[],
): D[] {
  return datasets.filter((d) => d.id !== ownDatasetId && d.classes.length > 0 && d.classes.every((c) => labels.includes(c.name)));
}
