"use client";
/**
 * A sweep's accuracy and loss curves, per seed group (mean line in a ± 1 sd band) or run by run.
 * Shown when the sweep has repeats; fetches its runs' epochs itself and refetches them, at most
 * every two seconds, when the page's live run rows say a run logged an epoch or changed status.
 */
import { useEffect, useMemo, useRef, useState } from "react";
import type { RunRowFragment } from "../../gql/graphql";
import { bandSpecFor } from "../../lib/band-chart";
import type { ChartSpec, LineSpec } from "../../lib/chart-spec";
import { curveGroups, type GroupMembership } from "../../lib/group-curves";
import { useQuery } from "../../lib/hooks";
import { SweepCurvesQuery } from "../../lib/operations";
import { normaliseRun, runColor } from "../../lib/run-data";
import { useCoalesced } from "../../lib/use-coalesced";
import { RunChart } from "../RunChart";
import { ErrorBox, Skeleton } from "../States";
import { type CurveMode, CurveModeToggle } from "../CurveModeToggle";

/** How many of the sweep's first runs have their curves drawn: the `first` of SweepCurvesQuery. */
export const CURVE_RUNS = 100;

/** Props of SweepCurves. */
export interface SweepCurvesProps {
  sweepId: string;
  /** The sweep's runs as the page shows them (live), in its order: their colours run by run. */
  runs: readonly RunRowFragment[];
  /** The sweep's seed groups. */
  groups: readonly GroupMembership[];
}

/** The sweep page's curves panel with its "Curves: runs | seed groups" choice (seed groups first). */
export function SweepCurves({ sweepId, runs, groups }: SweepCurvesProps) {
  const q = useQuery(SweepCurvesQuery, { id: sweepId });
  const [mode, setMode] = useState<CurveMode>("groups");
  const refetchSoon = useCoalesced(() => void q.refetch(), 2000);
  const progress = runs.map((r) => `${r.id}:${r.epochCount}:${r.status}`).join();
  const seen = useRef(progress);
  useEffect(() => {
    if (progress === seen.current) return;
    seen.current = progress;
    refetchSoon();
  }, [progress, refetchSoon]);
  const drawn = useMemo(() => {
    const epochs = new Map((q.data?.sweep.runs ?? []).map((r) => [r.id, r.epochs]));
    return runs.map((row, i) => normaliseRun(row, epochs.get(row.id) ?? [], runColor(i)));
  }, [q.data, runs]);
  const seedGroups = useMemo(() => curveGroups(groups, drawn), [groups, drawn]);
  const curves = (line: LineSpec): ChartSpec => (mode === "groups" ? bandSpecFor(line, seedGroups) : line);
  return (
    <div className="panel" data-testid="sweep-curves">
      <h3>Curves{runs.length > CURVE_RUNS ? ` (the first ${CURVE_RUNS} of ${runs.length} runs)` : ""}</h3>
      <CurveModeToggle value={mode} onChange={setMode} />
      {q.error && !q.data ? <ErrorBox error={q.error} retry={() => void q.refetch()} /> : null}
      {!q.data && !q.error ? <Skeleton rows={2} height={120} /> : null}
      {q.data ? (
        <div className="grid2">
          <div>
            <h3>Accuracy (train solid, val dashed)</h3>
            <RunChart
              spec={curves({ type: "line", metricKeys: ["accuracy", "val_accuracy"] })}
              runs={drawn}
              className="chart tall"
              testId="sweep-accuracy"
            />
          </div>
          <div>
            <h3>Loss (train solid, val dashed)</h3>
            <RunChart
              spec={curves({ type: "line", metricKeys: ["loss", "val_loss"] })}
              runs={drawn}
              className="chart tall"
              testId="sweep-loss"
            />
          </div>
        </div>
      ) : null}
    </div>
  );
}
