"use client";
/**
 * Compare 2–20 runs: overlaid curves (or, for runs repeated over seeds, each seed group's mean in a
 * ± 1 sd band), parallel coordinates, a hyperparameter table with the
 * differences highlighted, aligned confusion matrices on one scale, a difference view between
 * any two, and per-class F1 bars. Updates live while the runs train.
 */
import Link from "next/link";
import { useMemo, useState } from "react";
import type { CompareRunsQuery as CompareRunsQueryResult, HyperparameterCatalogQuery } from "../../gql/graphql";
import { comparisonRuns, differenceCells, parallelAxes, parameterLabel, sharedScaleMax } from "../../lib/compare";
import { useCatalogue, useQuery, useSubscription } from "../../lib/hooks";
import { CompareRunsQuery, RunUpdatedSubscription } from "../../lib/operations";
import { useCoalesced } from "../../lib/use-coalesced";
import { f1Key } from "../../lib/run-data";
import { type ChartSpec, type LineSpec, shortLabels } from "../../lib/chart-spec";
import { bandSpecFor } from "../../lib/band-chart";
import { curveGroups, hasRepeats } from "../../lib/group-curves";
import { type CurveMode, CurveModeToggle } from "../CurveModeToggle";
import { RunChart } from "../RunChart";
import { ErrorBox, Skeleton } from "../States";
import { type DiffCell, PairedVerdict } from "./PairedVerdict";
import { SeedGroupsTable } from "../SeedGroupsTable";
import { SetAccuracies } from "./SetAccuracies";
import { GroupVerdict, type VerdictGroup } from "./GroupVerdict";
import { groupName } from "../../lib/groups";
import { EpochMatrixSlider } from "../EpochMatrixSlider";
import { atEpoch, matrixEpochs } from "../../lib/epoch-matrix";

/** The knobs the parallel-coordinates chart draws (a short curated list; labels and scales come from the catalogue). */
const PARALLEL_PARAMS = ["baseModel", "headUnits", "augmentation", "fineTuneLayers", "learningRate"];

/** Compare page body. */
export function CompareView({
  ids,
  initialData,
  initialCatalogue,
}: {
  ids: string[];
  initialData?: CompareRunsQueryResult | null;
  initialCatalogue?: HyperparameterCatalogQuery | null;
}) {
  const q = useQuery(CompareRunsQuery, { ids }, { initialData });
  const { catalogue, error: catalogueError, refetch: refetchCatalogue } = useCatalogue(initialCatalogue);
  // Live: every status change and every logged epoch batch of a run publishes runUpdated. Curves,
  // differences and matrices all come from compareRuns, so a change to one of these runs
  // refetches it, at most once a second while they train.
  const compared = useMemo(() => new Set(ids), [ids]);
  const refetchSoon = useCoalesced(() => void q.refetch(), 1000);
  useSubscription(RunUpdatedSubscription, {}, (d) => {
    if (compared.has(d.runUpdated.id)) refetchSoon();
  });
  const runs = useMemo(() => (q.data && catalogue ? comparisonRuns(q.data.compareRuns, ids, catalogue) : []), [q.data, ids, catalogue]);
  const axes = useMemo(() => parallelAxes(catalogue, PARALLEL_PARAMS), [catalogue]);
  const groups = q.data?.compareRuns.groups;
  const seedGroups = useMemo(() => (groups && hasRepeats(groups) ? curveGroups(groups, runs) : null), [groups, runs]);
  const [curveMode, setCurveMode] = useState<CurveMode>("runs");
  const [pair, setPairState] = useState<[number, number]>([0, 1]);
  const [cell, setCell] = useState<DiffCell | null>(null);
  // The epoch whose matrices are drawn side by side; null: each run's delivered model.
  const [matrixEpoch, setMatrixEpoch] = useState<number | null>(null);
  // Another pair of runs: the clicked cell belonged to the old pair's difference.
  const setPair = (next: [number, number]) => {
    setPairState(next);
    setCell(null);
  };
  if (q.error) return <ErrorBox error={q.error} retry={() => void q.refetch()} />;
  if (catalogueError && !catalogue) return <ErrorBox error={catalogueError} retry={() => void refetchCatalogue()} />;
  if (!q.data || !catalogue) return <Skeleton rows={6} height={60} />;
  const { labels, differences, runs: comparedRuns } = q.data.compareRuns;
  const withMatrix = runs.filter((r) => r.confusion);
  // Exactly two configurations compared over their seeds: say which is better (A: the first in the ids' order).
  const groupPair = twoGroups(q.data.compareRuns.groups, comparedRuns);
  const drawnRuns = matrixEpoch === null ? runs : runs.map((r) => atEpoch(r, matrixEpoch, labels));
  const scaleMax = sharedScaleMax(drawnRuns);
  const a = withMatrix[pair[0]];
  const b = withMatrix[pair[1]];
  // The curves run by run, or per seed group when the comparison has repeats and that is chosen.
  const curves = (line: LineSpec): ChartSpec => (seedGroups && curveMode === "groups" ? bandSpecFor(line, seedGroups) : line);

  return (
    <>
      <div className="page-head">
        <div>
          <h1>Compare {runs.length} runs</h1>
          <div className="row">
            {runs.map((r) => (
              <Link key={r.runId} href={`/runs/${r.runId}`} className="row" style={{ gap: 4 }}>
                <span style={{ width: 10, height: 10, borderRadius: 2, background: r.color, display: "inline-block" }} />
                {r.runName}
              </Link>
            ))}
          </div>
        </div>
      </div>
      {seedGroups ? <CurveModeToggle value={curveMode} onChange={setCurveMode} /> : null}
      <div className="grid2">
        <div className="panel">
          <h3>Accuracy (train solid, val dashed)</h3>
          <RunChart
            spec={curves({ type: "line", metricKeys: ["accuracy", "val_accuracy"] })}
            runs={runs}
            className="chart tall"
            testId="compare-accuracy"
          />
        </div>
        <div className="panel">
          <h3>Loss (train solid, val dashed)</h3>
          <RunChart
            spec={curves({ type: "line", metricKeys: ["loss", "val_loss"] })}
            runs={runs}
            className="chart tall"
            testId="compare-loss"
          />
        </div>
        <div className="panel">
          <h3>Learning rate per epoch</h3>
          <RunChart
            spec={curves({ type: "line", metricKeys: ["learning_rate"], yScale: "log", stepped: true })}
            runs={runs}
            testId="compare-learning-rate"
          />
        </div>
        <div className="panel">
          <h3>Training speed (img/s)</h3>
          <RunChart spec={curves({ type: "line", metricKeys: ["images_per_sec"] })} runs={runs} testId="compare-speed" />
        </div>
      </div>
      <div className="grid2">
        <div className="panel">
          <h3>Hyperparameters vs best val accuracy</h3>
          <RunChart
            spec={{ type: "parallel", params: PARALLEL_PARAMS, metric: "best_val_accuracy", axes }}
            runs={runs}
            className="chart tall"
            testId="compare-parallel"
          />
        </div>
        <div className="panel" style={{ overflowX: "auto" }}>
          <h3>
            Hyperparameters{" "}
            <span className="muted" style={{ fontWeight: 400 }}>
              (differences highlighted)
            </span>
          </h3>
          <table className="simple" data-testid="hp-table">
            <thead>
              <tr>
                <th>parameter</th>
                {runs.map((r) => (
                  <th key={r.runId} style={{ color: r.color }}>
                    {r.runName}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {differences.map((d) => (
                <tr key={d.name} className={d.differs ? "differs" : undefined} data-differs={d.differs}>
                  <td title={d.name}>{parameterLabel(catalogue, d.name)}</td>
                  {differenceCells(catalogue, comparedRuns, d).map((v, i) => (
                    <td key={i}>{v}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
      <SetAccuracies runs={comparedRuns} />
      {q.data.compareRuns.groups.some((g) => g.n >= 2) ? (
        <SeedGroupsTable
          groups={q.data.compareRuns.groups}
          runs={comparedRuns}
          caption="compared runs that differ only in their training seed; mean ± std over the finished ones"
        >
          {groupPair ? (
            <GroupVerdict key={`${groupPair[0].runIds.join()}|${groupPair[1].runIds.join()}`} a={groupPair[0]} b={groupPair[1]} />
          ) : null}
        </SeedGroupsTable>
      ) : null}
      <div className="panel">
        <h3>
          Confusion matrices{" "}
          <span className="muted" style={{ fontWeight: 400 }}>
            (one label order, one colour scale 0–{scaleMax})
          </span>
        </h3>
        {withMatrix.length === 0 ? <p className="muted">No run has been evaluated yet.</p> : null}
        <EpochMatrixSlider
          epochs={matrixEpochs(withMatrix)}
          value={matrixEpoch}
          onChange={setMatrixEpoch}
          deliveredLabel="delivered models"
        />
        <div className="matrices">
          {withMatrix.map((r) => (
            <div key={r.runId} data-testid="compare-matrix">
              {drawnRuns.find((d) => d.runId === r.runId)?.confusion ? (
                <RunChart
                  spec={{
                    type: "heatmap",
                    runId: r.runId,
                    scaleMax,
                    title: matrixEpoch === null ? r.runName : `${r.runName} · epoch ${matrixEpoch}`,
                  }}
                  runs={drawnRuns}
                  className="chart square"
                />
              ) : (
                <p className="muted">
                  {r.runName}: no matrix at epoch {matrixEpoch} (it stopped earlier, or finished before matrices were kept per epoch)
                </p>
              )}
            </div>
          ))}
        </div>
      </div>
      {withMatrix.length >= 2 && a && b ? (
        <div className="grid2">
          <div className="panel">
            <h3>Difference</h3>
            <div className="row" style={{ marginBottom: 8 }}>
              from{" "}
              <PairSelect
                runs={withMatrix.map((r) => r.runName)}
                value={pair[0]}
                onChange={(v) => setPair([v, pair[1]])}
                label="base run"
              />
              to{" "}
              <PairSelect
                runs={withMatrix.map((r) => r.runName)}
                value={pair[1]}
                onChange={(v) => setPair([pair[0], v])}
                label="compared run"
              />
            </div>
            <p className="muted" style={{ marginTop: 0 }}>
              Green: better (more correct on the diagonal, fewer confusions off it). Red: worse.
            </p>
            {a.runId === b.runId ? (
              <p className="muted">Pick two different runs.</p>
            ) : (
              <RunChart
                spec={{ type: "heatmap", runId: a.runId, compareToRunId: b.runId }}
                runs={runs}
                className="chart square"
                testId="compare-diff"
                onCellClick={(row, col) => setCell({ trueLabel: labels[row] ?? "", predictedLabel: labels[col] ?? "" })}
              />
            )}
          </div>
          <div className="panel">
            <h3>Per-class F1</h3>
            <RunChart
              spec={{ type: "bar", metricKeys: labels.map(f1Key), categoryLabels: shortLabels(labels), yMax: 1 }}
              runs={runs}
              className="chart square"
              testId="compare-f1"
            />
          </div>
        </div>
      ) : null}
      {withMatrix.length >= 2 && a && b && a.runId !== b.runId ? (
        <div className="panel" data-testid="paired-panel">
          <h3>
            Is the difference real?{" "}
            <span className="muted" style={{ fontWeight: 400 }}>
              ({b.runName} against {a.runName}, image by image)
            </span>
          </h3>
          <PairedVerdict
            key={`${a.runId}:${b.runId}`}
            a={{ runId: a.runId, runName: a.runName }}
            b={{ runId: b.runId, runName: b.runName }}
            cell={cell}
            onClearCell={() => setCell(null)}
          />
        </div>
      ) : null}
    </>
  );
}

function PairSelect({ runs, value, onChange, label }: { runs: string[]; value: number; onChange: (v: number) => void; label: string }) {
  return (
    <select aria-label={label} value={value} onChange={(e) => onChange(Number(e.target.value))}>
      {runs.map((name, i) => (
        <option key={i} value={i}>
          {name}
        </option>
      ))}
    </select>
  );
}

/** The two groups of a comparison of two configurations (one with at least two seeds), else null. */
function twoGroups(
  groups: readonly { runIds: string[]; n: number }[],
  runs: readonly { id: string; name: string }[],
): [VerdictGroup, VerdictGroup] | null {
  if (groups.length !== 2 || !groups.some((g) => g.n >= 2)) return null;
  const named = (g: { runIds: string[] }): VerdictGroup => ({
    name: groupName(runs.find((r) => r.id === g.runIds[0])?.name, g.runIds[0] ?? ""),
    runIds: g.runIds,
  });
  return [named(groups[0] as { runIds: string[] }), named(groups[1] as { runIds: string[] })];
}
