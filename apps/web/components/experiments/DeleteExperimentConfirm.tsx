"use client";
/** The inline confirmation of deleting an experiment with its sweeps and runs. */
import { gql } from "../../lib/graphql-client";
import { DeleteExperimentMutation } from "../../lib/operations";
import { DeleteConfirm } from "../DeleteConfirm";

/** From this many runs, deleting asks for the experiment's name to be typed, not only a click. */
const CONFIRM_BY_NAME_FROM = 20;

/** Props of DeleteExperimentConfirm. */
export interface DeleteExperimentConfirmProps {
  experiment: { id: string; name: string; runCount: number };
  sweepCount: number;
  onDeleted: () => void;
  onCancel: () => void;
}

/** Asks before deleting an experiment, naming what goes with it. */
export function DeleteExperimentConfirm({ experiment: e, sweepCount, onDeleted, onCancel }: DeleteExperimentConfirmProps) {
  const runs = `${e.runCount} run${e.runCount === 1 ? "" : "s"}`;
  const sweeps = `${sweepCount} sweep${sweepCount === 1 ? "" : "s"}`;
  return (
    <DeleteConfirm
      title={`Delete experiment "${e.name}"?`}
      confirmLabel={e.runCount > 0 ? `Delete experiment and ${runs}` : "Delete experiment"}
      typeToConfirm={e.runCount >= CONFIRM_BY_NAME_FROM ? e.name : null}
      onConfirm={async () => {
        await gql(DeleteExperimentMutation, { experimentId: e.id });
        onDeleted();
      }}
      onCancel={onCancel}
      testId="experiment-delete-confirm"
    >
      Its <b>{sweeps}</b> and <b>{runs}</b> go with it, with everything they own (epochs, evaluations, predictions, notes, checkpoints).
      Refused while one of its runs is RUNNING. This cannot be undone.
    </DeleteConfirm>
  );
}
