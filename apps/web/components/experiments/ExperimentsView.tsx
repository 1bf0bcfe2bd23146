"use client";
/**
 * The experiments list with each experiment's sweeps (and a delete with inline confirmation on each
 * card); an empty state guides to the first sweep.
 */
import Link from "next/link";
import { useState } from "react";
import { useQuery, useSubscription } from "../../lib/hooks";
import { useCoalesced } from "../../lib/use-coalesced";
import { ExperimentsQuery, RunUpdatedSubscription } from "../../lib/operations";
import { dateTime, pct } from "../../lib/format";
import { ErrorBox, Skeleton } from "../States";
import { StatusBadge } from "../StatusBadge";
import { SweepProgressBar } from "../sweeps/SweepProgressBar";
import { DeleteExperimentConfirm } from "./DeleteExperimentConfirm";

/** Experiments page body. */
export function ExperimentsView() {
  const q = useQuery(ExperimentsQuery, {});
  /** The card whose delete confirmation is open. */
  const [deleting, setDeleting] = useState<string | null>(null);
  // Any run change anywhere can change counts and best accuracies: refetch (cheap, small list).
  const refetchSoon = useCoalesced(() => void q.refetch(), 500);
  useSubscription(RunUpdatedSubscription, {}, refetchSoon);
  if (q.error && !q.data) return <ErrorBox error={q.error} retry={() => void q.refetch()} />;
  if (!q.data) return <Skeleton rows={5} height={64} />;
  const { experiments, sweeps } = q.data;
  if (experiments.length === 0) return <FirstSweepGuide />;
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Experiments</h1>
          <div className="sub">
            {experiments.length} experiments · {sweeps.length} sweeps
          </div>
        </div>
        <Link className="button primary" href="/sweeps/new">
          Launch a sweep
        </Link>
      </div>
      <div className="cards" data-testid="experiments">
        {experiments.map((e) => {
          const own = sweeps.filter((s) => s.experimentId === e.id);
          return (
            <div className="card" key={e.id} data-testid="experiment-card">
              <Link href={`/experiments/${e.id}`}>
                <h2>{e.name}</h2>
              </Link>
              {e.description ? <div className="muted">{e.description}</div> : null}
              <div className="row" style={{ margin: "8px 0" }}>
                <span className="stat">
                  <b>{e.runCount}</b>
                  <span>runs</span>
                </span>
                <span className="stat">
                  <b>{pct(e.bestValAccuracy)}</b>
                  <span>best val acc</span>
                </span>
              </div>
              {own.slice(0, 4).map((s) => (
                <div key={s.id} style={{ marginBottom: 6 }}>
                  <div className="row">
                    <Link href={`/sweeps/${s.id}`}>{s.name}</Link>
                    <StatusBadge status={s.status} />
                  </div>
                  <SweepProgressBar progress={s.progress} />
                </div>
              ))}
              <div className="row muted" style={{ fontSize: 12, justifyContent: "space-between" }}>
                <span>created {dateTime(e.createdAt)}</span>
                {deleting !== e.id ? (
                  <button
                    className="link"
                    style={{ color: "var(--bad)" }}
                    onClick={() => setDeleting(e.id)}
                    data-testid="experiment-card-delete"
                  >
                    Delete
                  </button>
                ) : null}
              </div>
              {deleting === e.id ? (
                <DeleteExperimentConfirm
                  experiment={e}
                  sweepCount={own.length}
                  onCancel={() => setDeleting(null)}
                  onDeleted={() => {
                    setDeleting(null);
                    void q.refetch();
                  }}
                />
              ) : null}
            </div>
          );
        })}
      </div>
    </>
  );
}

function FirstSweepGuide() {
  return (
    <div className="panel empty" data-testid="empty-state">
      <h1>Welcome to Graft</h1>
      <p className="muted">No experiments yet. Two steps to your first sweep:</p>
      <ol>
        <li>
          <b>Register a dataset</b>: a folder with one sub-folder of images per class, inside GRAFT_DATA_ROOTS.
        </li>
        <li>
          <b>Launch a demo sweep</b>: a few small runs (two learning rates × two heads) on a pretrained MobileNet.
        </li>
      </ol>
      <p>
        <Link className="button primary" href="/sweeps/new?demo=1">
          Register a dataset and launch a demo sweep
        </Link>
      </p>
      <p className="muted">
        Runs are trained by agents: <code>npm run graft -- agent --api http://127.0.0.1:4000</code>
      </p>
    </div>
  );
}
