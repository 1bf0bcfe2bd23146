"use client";
/**
 * The inline confirmation of forgetting a registered dataset: the runs and sweeps trained on it go
 * too (counted when the panel opens), other runs' evaluations on it go, and its photos stay on disk.
 */
import { gql } from "../../lib/graphql-client";
import { useQuery } from "../../lib/hooks";
import { DeleteDatasetMutation, DatasetUsageQuery } from "../../lib/operations";
import { DeleteConfirm } from "../DeleteConfirm";

/** Props of DeleteDatasetConfirm. */
export interface DeleteDatasetConfirmProps {
  dataset: { id: string; name: string; path: string };
  onDeleted: () => void;
  onCancel: () => void;
}

/** Asks before deleting a dataset, naming the runs and sweeps that go with it. */
export function DeleteDatasetConfirm({ dataset: d, onDeleted, onCancel }: DeleteDatasetConfirmProps) {
  const usage = useQuery(DatasetUsageQuery, { datasetId: d.id });
  const runs = usage.data?.runs.totalCount ?? null;
  const sweeps = usage.data ? usage.data.sweeps.filter((s) => s.datasetId === d.id).length : null;
  const count = (n: number | null, word: string) => (n === null ? `… ${word}s` : `${n} ${word}${n === 1 ? "" : "s"}`);
  return (
    <DeleteConfirm
      title={`Delete dataset "${d.name}"?`}
      confirmLabel={runs ? `Delete dataset, ${count(sweeps, "sweep")} and ${count(runs, "run")}` : "Delete dataset"}
      typeToConfirm={runs ? d.name : null}
      pending={!usage.data && !usage.error}
      onConfirm={async () => {
        await gql(DeleteDatasetMutation, { datasetId: d.id });
        onDeleted();
      }}
      onCancel={onCancel}
      testId="dataset-delete-confirm"
    >
      <span data-testid="dataset-delete-counts">
        The <b>{count(runs, "run")}</b> and <b>{count(sweeps, "sweep")}</b> trained on it go too, with everything they own, and other
        runs&apos; evaluations on it.
      </span>{" "}
      The photos in <code>{d.path}</code> stay on disk: register the folder again to use them. Refused while one of those runs is RUNNING.
      {usage.error ? <div className="field-error">Could not count what goes with it: {usage.error.message}</div> : null}
    </DeleteConfirm>
  );
}
