"use client";
/**
 * A sweep: progress, its runs updating live, the best run so far and parameter importance; with
 * repeats, its seed groups and their curves.
 */
import Link from "next/link";
import { useMemo, useState } from "react";
import type { RunRowFragment } from "../../gql/graphql";
import { gql } from "../../lib/graphql-client";
import { fixedKnobSummary } from "../../lib/catalogue";
import { useCatalogue, useQuery, useSubscription } from "../../lib/hooks";
import { CancelSweepMutation, RunUpdatedSubscription, SweepGroupsQuery, SweepQuery } from "../../lib/operations";
import { duration, num, pct } from "../../lib/format";
import { ErrorBox, Skeleton } from "../States";
import { StatusBadge } from "../StatusBadge";
import { SweepProgressBar } from "./SweepProgressBar";
import { ImportanceBars } from "./ImportanceBars";
import { SeedGroupsTable } from "../SeedGroupsTable";
import { SweepCurves } from "./SweepCurves";
import { hasRepeats } from "../../lib/group-curves";
import { useCoalesced } from "../../lib/use-coalesced";

/** Sweep page body. */
export function SweepView({ id }: { id: string }) {
  const q = useQuery(SweepQuery, { id });
  const { catalogue } = useCatalogue();
  const [selected, setSelected] = useState<string[]>([]);
  const [err, setErr] = useState<Error | null>(null);
  // Patch the run in place at once, then refetch to refresh progress, best run and importance.
  useSubscription(RunUpdatedSubscription, { sweepId: id }, (d) => {
    q.setData((prev) => {
      if (!prev) return prev;
      const runs = prev.sweep.runs.some((r) => r.id === d.runUpdated.id)
        ? prev.sweep.runs.map((r) => (r.id === d.runUpdated.id ? d.runUpdated : r))
        : [...prev.sweep.runs, d.runUpdated];
      return { sweep: { ...prev.sweep, runs } };
    });
    scheduleRefetch();
  });
  const withGroups = (q.data?.sweep.repeats ?? 1) > 1;
  const groupsQ = useQuery(SweepGroupsQuery, withGroups ? { id } : null);
  const scheduleRefetch = useCoalesced(() => {
    void q.refetch();
    if (withGroups) void groupsQ.refetch();
  }, 400);
  const runs = useMemo(
    () => [...(q.data?.sweep.runs ?? [])].sort((a, b) => (b.bestValAccuracy ?? -1) - (a.bestValAccuracy ?? -1)),
    [q.data],
  );
  if (q.error && !q.data) return <ErrorBox error={q.error} retry={() => void q.refetch()} />;
  if (!q.data) return <Skeleton rows={6} height={48} />;
  const s = q.data.sweep;
  const toggle = (rid: string) => setSelected((sel) => (sel.includes(rid) ? sel.filter((x) => x !== rid) : [...sel, rid]));
  const cancel = async () => {
    try {
      await gql(CancelSweepMutation, { sweepId: s.id });
      await q.refetch();
    } catch (e) {
      setErr(e as Error);
    }
  };
  return (
    <>
      <div className="page-head">
        <div>
          <div className="muted">
            <Link href="/">Experiments</Link> / <Link href={`/experiments/${s.experiment.id}`}>{s.experiment.name}</Link>
          </div>
          <h1 className="row">
            {s.name}{" "}
            <span data-testid="sweep-status">
              <StatusBadge status={s.status} />
            </span>
          </h1>
          <div className="sub">
            {s.strategy}
            {s.maxRuns ? ` · max ${s.maxRuns}` : ""} · seed {s.seed} · early termination {s.earlyTermination}
            {catalogue ? (
              <>
                {" · "}
                <span data-testid="sweep-fixed">
                  {fixedKnobSummary(catalogue, s.fixed)
                    .map((k) => k.text)
                    .join(" · ")}
                </span>
              </>
            ) : null}{" "}
            · dataset {s.dataset.name}
          </div>
        </div>
        <div className="row">
          {selected.length >= 2 && selected.length <= 20 ? (
            <Link className="button primary" href={`/compare?ids=${selected.join(",")}`} data-testid="compare-link">
              Compare {selected.length}
            </Link>
          ) : (
            <button disabled>Compare (select 2–20)</button>
          )}
          {s.status === "RUNNING" ? <button onClick={() => void cancel()}>Cancel sweep</button> : null}
        </div>
      </div>
      {err ? <ErrorBox error={err} /> : null}
      <div className="grid3">
        <div className="panel">
          <h3>Progress</h3>
          <SweepProgressBar progress={s.progress} />
        </div>
        <div className="panel" data-testid="best-run">
          <h3>Best run so far</h3>
          {s.bestRun ? (
            <div>
              <Link href={`/runs/${s.bestRun.id}`}>{s.bestRun.name}</Link> · <b>{pct(s.bestRun.bestValAccuracy)}</b>
              <div className="muted">
                {s.bestRun.hyperparameters.baseModel} · head {s.bestRun.hyperparameters.headUnits.join(",") || "linear"} · lr{" "}
                {num(s.bestRun.hyperparameters.learningRate)}
              </div>
            </div>
          ) : (
            <span className="muted">No finished run yet.</span>
          )}
        </div>
        <div className="panel">
          <h3>What matters most</h3>
          <ImportanceBars importance={s.importance} />
        </div>
      </div>
      {s.repeats > 1 && groupsQ.data ? (
        <SeedGroupsTable
          groups={groupsQ.data.sweep.groups}
          runs={runs}
          caption={`${groupsQ.data.sweep.groups.length} configurations × ${s.repeats} training seeds, one validation set; mean ± std over the finished runs`}
        />
      ) : null}
      {s.repeats > 1 && groupsQ.data && hasRepeats(groupsQ.data.sweep.groups) ? (
        <SweepCurves sweepId={s.id} runs={s.runs} groups={groupsQ.data.sweep.groups} />
      ) : null}
      <div className="panel" style={{ overflowX: "auto" }}>
        <h3>
          Runs{" "}
          <span className="muted" style={{ fontWeight: 400 }}>
            (live; sorted by best val accuracy)
          </span>
        </h3>
        <table className="simple" data-testid="sweep-runs">
          <thead>
            <tr>
              <th />
              <th>status</th>
              <th>name</th>
              <th>base model</th>
              <th>head</th>
              <th>aug</th>
              <th className="num">FT depth</th>
              <th className="num">LR</th>
              <th className="num">epochs</th>
              <th className="num" title="val acc at the run's best epoch (lowest val loss)">
                best-epoch val acc
              </th>
              <th className="num">duration</th>
            </tr>
          </thead>
          <tbody>
            {runs.map((r) => (
              <SweepRunRow key={r.id} run={r} checked={selected.includes(r.id)} toggle={toggle} />
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function SweepRunRow({ run: r, checked, toggle }: { run: RunRowFragment; checked: boolean; toggle: (id: string) => void }) {
  const h = r.hyperparameters;
  return (
    <tr data-testid="sweep-run" data-status={r.status} data-run-id={r.id}>
      <td>
        <input type="checkbox" aria-label={`select ${r.name}`} checked={checked} onChange={() => toggle(r.id)} />
      </td>
      <td>
        <StatusBadge status={r.status} />
      </td>
      <td>
        <Link href={`/runs/${r.id}`}>{r.name}</Link>
      </td>
      <td>{h.baseModel}</td>
      <td>{h.headUnits.join(",") || "linear"}</td>
      <td>{h.augmentation}</td>
      <td className="num">{h.fineTuneLayers}</td>
      <td className="num">{num(h.learningRate)}</td>
      <td className="num">
        {r.epochCount}/{r.plannedEpochs}
      </td>
      <td className="num">{pct(r.bestValAccuracy)}</td>
      <td className="num">{duration(r.durationMs)}</td>
    </tr>
  );
}
