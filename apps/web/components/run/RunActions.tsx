/**
 * The run page's buttons for the run as a whole: cancel it while queued or running, queue it again
 * after it failed or was canceled, delete it (not while RUNNING: the button is disabled and its
 * tooltip says why).
 */
import type { RunStatus } from "../../gql/graphql";
import { canQueueAgain, deleteBlockedReason } from "../../lib/run-annotations";

/** Props of RunActions. */
export interface RunActionsProps {
  status: RunStatus;
  busy: boolean;
  onCancel: () => void;
  onRequeue: () => void;
  /** Opens the delete confirmation. */
  onDelete: () => void;
}

/** Cancel / Queue again / Delete run. */
export function RunActions({ status, busy, onCancel, onRequeue, onDelete }: RunActionsProps) {
  const blocked = deleteBlockedReason(status);
  return (
    <>
      {status === "QUEUED" || status === "RUNNING" ? (
        <button onClick={onCancel} disabled={busy}>
          Cancel run
        </button>
      ) : null}
      {canQueueAgain(status) ? (
        <button onClick={onRequeue} disabled={busy} data-testid="run-requeue" title="Back in the queue with a fresh retry budget">
          Queue again
        </button>
      ) : null}
      {/* A disabled button gets no pointer events in some browsers: the tooltip sits on its wrapper. */}
      <span title={blocked ?? undefined} data-testid="run-delete-wrapper">
        <button className="danger-outline" onClick={onDelete} disabled={Boolean(blocked) || busy} data-testid="run-delete">
          Delete run
        </button>
      </span>
    </>
  );
}
