"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useCatalogue, useQuery } from "../../lib/hooks";
import { ExperimentQuery } from "../../lib/operations";
import { pct } from "../../lib/format";
import { RunsTable } from "../runs/RunsTable";
import { ErrorBox, Skeleton } from "../States";
import { DeleteExperimentConfirm } from "./DeleteExperimentConfirm";

/**
 * Experiment header + its runs table (whose knob columns come from the served catalogue, read once
 * here); "Delete experiment" asks inline, naming its sweeps and runs.
 */
export function ExperimentView({ id }: { id: string }) {
  const q = useQuery(ExperimentQuery, { id });
  const cat = useCatalogue();
  const router = useRouter();
  const [deleting, setDeleting] = useState(false);
  return (
    <>
      <div className="page-head">
        <div>
          <div className="muted">
            <Link href="/">Experiments</Link> /
          </div>
          <h1 data-testid="experiment-name">{q.data?.experiment.name ?? "…"}</h1>
          {q.data ? (
            <div className="sub">
              {q.data.experiment.runCount} runs · best val acc {pct(q.data.experiment.bestValAccuracy)}
            </div>
          ) : null}
        </div>
        <div className="row">
          <Link className="button" href="/sweeps/new">
            Launch a sweep
          </Link>
          {q.data ? (
            <button className="danger-outline" onClick={() => setDeleting((d) => !d)} data-testid="experiment-delete">
              Delete experiment
            </button>
          ) : null}
        </div>
      </div>
      {deleting && q.data ? (
        <DeleteExperimentConfirm
          experiment={q.data.experiment}
          sweepCount={q.data.sweeps.length}
          onCancel={() => setDeleting(false)}
          onDeleted={() => router.push("/")}
        />
      ) : null}
      {q.error ? <ErrorBox error={q.error} retry={() => void q.refetch()} /> : null}
      {cat.catalogue ? (
        <RunsTable experimentId={id} catalogue={cat.catalogue} />
      ) : cat.error ? (
        <ErrorBox error={cat.error} retry={() => void cat.refetch()} />
      ) : (
        <Skeleton rows={8} />
      )}
    </>
  );
}
