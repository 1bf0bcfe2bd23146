"use client";
import Link from "next/link";
import { useCatalogue, useQuery } from "../../lib/hooks";
import { ExperimentQuery } from "../../lib/operations";
import { pct } from "../../lib/format";
import { RunsTable } from "../runs/RunsTable";
import { ErrorBox, Skeleton } from "../States";

/** Experiment header + its runs table (whose knob columns come from the served catalogue, read once here). */
export function ExperimentView({ id }: { id: string }) {
  const q = useQuery(ExperimentQuery, { id });
  const cat = useCatalogue();
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
        <Link className="button" href="/sweeps/new">
          Launch a sweep
        </Link>
      </div>
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
