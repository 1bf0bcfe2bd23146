"use client";
/**
 * A sweep: progress against the runs it plans, its runs updating live, the best run so far and what
 * matters most (fANOVA importance with each knob's marginal effect); with repeats, its seed groups
 * and their curves. Extend it, resume it when canceled, or delete it (inline confirmation).
 */
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import type { RunRowFragment } from "../../gql/graphql";
import { gql } from "../../lib/graphql-client";
import { fixedKnobSummary } from "../../lib/catalogue";
import { useCatalogue, useQuery, useSubscription } from "../../lib/hooks";
import {
  CancelSweepMutation,
  DeleteSweepMutation,
  ResumeSweepMutation,
  RunUpdatedSubscription,
  SweepGroupsQuery,
  SweepQuery,
} from "../../lib/operations";
import { duration, num, pct } from "../../lib/format";
import { ErrorBox, Skeleton } from "../States";
import { StatusBadge } from "../StatusBadge";
import { SweepProgressBar } from "./SweepProgressBar";
import { WhatMattersMost } from "./WhatMattersMost";
import { ExtendSweepForm } from "./ExtendSweepForm";
import { ApiErrorBox } from "../ApiErrorBox";
import { DeleteConfirm } from "../DeleteConfirm";
import { SeedGroupsTable } from "../SeedGroupsTable";
import { SweepCurves } from "./SweepCurves";
import { hasRepeats } from "../../lib/group-curves";
import { useCoalesced } from "../../lib/use-coalesced";

/** From this many runs, deleting a sweep asks for its name to be typed, not only a click. */
const CONFIRM_BY_NAME_FROM = 20;

/** Sweep page body. */
export function SweepView({ id }: { id: string }) {
  const q = useQuery(SweepQuery, { id });
  const { catalogue } = useCatalogue();
  const [selected, setSelected] = useState<string[]>([]);
  const router = useRouter();
  const [err, setErr] = useState<unknown>(null);
  /** The open panel under the header: the extend form or the delete confirmation. */
  const [panel, setPanel] = useState<"extend" | "delete" | null>(null);
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
  const act = async (run: () => Promise<unknown>) => {
    setErr(null);
    try {
      await run();
      await q.refetch();
    } catch (e) {
      setErr(e);
    }
  };
  const cancel = () => act(() => gql(CancelSweepMutation, { sweepId: s.id }));
  const resume = () => act(() => gql(ResumeSweepMutation, { sweepId: s.id }));
  const deleteSweep = async () => {
    await gql(DeleteSweepMutation, { sweepId: s.id });
    router.push(`/experiments/${s.experiment.id}`);
  };
  const runCount = s.progress.total;
  const canExtend = s.status === "RUNNING" || s.status === "COMPLETED";
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
          {canExtend ? (
            <button
              onClick={() => setPanel(panel === "extend" ? null : "extend")}
              aria-expanded={panel === "extend"}
              data-testid="sweep-extend"
            >
              Extend…
            </button>
          ) : null}
          {s.status === "CANCELED" ? (
            <button onClick={() => void resume()} data-testid="sweep-resume" title="Run again: its canceled runs go back in the queue">
              Resume
            </button>
          ) : null}
          {s.status === "RUNNING" ? <button onClick={() => void cancel()}>Cancel sweep</button> : null}
          <button className="danger-outline" onClick={() => setPanel(panel === "delete" ? null : "delete")} data-testid="sweep-delete">
            Delete sweep
          </button>
        </div>
      </div>
      {err ? <ApiErrorBox error={err} /> : null}
      {panel === "extend" && catalogue ? (
        <ExtendSweepForm
          sweep={s}
          catalogue={catalogue}
          onCancel={() => setPanel(null)}
          onExtended={() => {
            setPanel(null);
            void q.refetch();
          }}
        />
      ) : null}
      {panel === "delete" ? (
        <DeleteConfirm
          title={`Delete sweep "${s.name}"?`}
          confirmLabel={`Delete sweep and ${runCount} run${runCount === 1 ? "" : "s"}`}
          typeToConfirm={runCount >= CONFIRM_BY_NAME_FROM ? s.name : null}
          onConfirm={deleteSweep}
          onCancel={() => setPanel(null)}
          testId="sweep-delete-confirm"
        >
          Its <b>{runCount}</b> run{runCount === 1 ? "" : "s"} go{runCount === 1 ? "es" : ""} with it: epochs, evaluations, predictions,
          notes and checkpoints. This cannot be undone.
          {s.progress.running > 0 ? (
            <div className="warn-box" style={{ margin: "8px 0 0" }}>
              {s.progress.running} run{s.progress.running === 1 ? " is" : "s are"} RUNNING: the API refuses until they end (cancel the sweep
              first).
            </div>
          ) : null}
        </DeleteConfirm>
      ) : null}
      <div className="grid2">
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
      </div>
      <div className="panel">
        <h3>What matters most</h3>
        <WhatMattersMost importance={s.importance} catalogue={catalogue} />
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
