"use client";
import Link from "next/link";
import { useQuery } from "../../lib/hooks";
import { ExperimentQuery } from "../../lib/operations";
import { pct } from "../../lib/format";
import { RunsTable } from "../runs/RunsTable";
import { ErrorBox } from "../States";

/** Experiment header + its runs table. */
export function ExperimentView({ id }: { id: string }) {
  const q = useQuery(ExperimentQuery, { id });
  return (
    <>
      <div className="page-head">
        <div>
          <div className="muted"><Link href="/">Experiments</Link> /</div>
          <h1 data-testid="experiment-name">{q.data?.experiment.name ?? "…"}</h1>
          {q.data ? <div className="sub">{q.data.experiment.runCount} runs · best val acc {pct(q.data.experiment.bestValAccuracy)}</div> : null}
        </div>
        <Link className="button" href="/sweeps/new">Launch a sweep</Link>
      </div>
      {q.error ? <ErrorBox error={q.error} retry={() => void q.refetch()} /> : null}
      <RunsTable experimentId={id} />
    </>
  );
}
