"use client";
/**
 * One run: live learning curves (epochLogged), status (runUpdated), hyperparameters, backend and
 * agent, the confusion matrix with per-class metrics and the images behind a clicked cell. The run
 * can be renamed in place, tagged and annotated, queued again after it failed or was canceled, and
 * deleted (inline confirmation).
 */
import Link from "next/link";
import { useRouter } from "next/navigation";
import { Fragment, type ReactNode, useMemo, useState } from "react";
import type { EpochFieldsFragment, RunAnnotationsFragment } from "../../gql/graphql";
import { gql } from "../../lib/graphql-client";
import { type Catalogue, formatKnob, knobApplies, knobValue, type KnobValues, notApplicableNote } from "../../lib/catalogue";
import { useCatalogue, useQuery, useSubscription } from "../../lib/hooks";
import {
  CancelRunMutation,
  DeleteRunMutation,
  EpochLoggedSubscription,
  RequeueRunMutation,
  RunQuery,
  RunUpdatedSubscription,
} from "../../lib/operations";
import { canQueueAgain } from "../../lib/run-annotations";
import { baseWeightsDisplay, dateTime, duration, fineTuneDepthDisplay, num, pct } from "../../lib/format";
import { medianValue, normaliseRun, runColor } from "../../lib/run-data";
import { RunChart } from "../RunChart";
import { ErrorBox, Skeleton } from "../States";
import { StatusBadge } from "../StatusBadge";
import { ConfusionPanel } from "./ConfusionPanel";
import { ModelDownload } from "./ModelDownload";
import { TestSets } from "./TestSets";
import { TryIt } from "./TryIt";
import { usePrefetchedModel } from "./use-prefetched-model";
import { BEST_EPOCH_LABEL, bestEpochSummary } from "./best-epoch-labels";
import { skippedFilesSummary, validationAccuracyLabel } from "./evaluation-labels";
import { divergedNote } from "./diverged-note";
import { ApiErrorBox } from "../ApiErrorBox";
import { DeleteConfirm } from "../DeleteConfirm";
import { RunActions } from "./RunActions";
import { RunNotes } from "./RunNotes";
import { RunTags } from "./RunTags";
import { RunTitle } from "./RunTitle";
import { RunEnginesRows } from "./RunEnginesRows";

const ACTIVE = new Set(["QUEUED", "RUNNING"]);

/** Merges a live epoch into the list (idempotent per phase+epoch, like the API). */
export function mergeEpoch(epochs: readonly EpochFieldsFragment[], e: EpochFieldsFragment): EpochFieldsFragment[] {
  return [...epochs.filter((x) => !(x.epoch === e.epoch && x.phase === e.phase)), e];
}

/** Run page body. */
export function RunView({ id }: { id: string }) {
  const q = useQuery(RunQuery, { id });
  usePrefetchedModel(id, q.data?.run.checkpoint);
  const cat = useCatalogue();
  const run = q.data?.run;
  const router = useRouter();
  const [actionError, setActionError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [deleting, setDeleting] = useState(false);

  useSubscription(EpochLoggedSubscription, { runId: id }, (d) =>
    q.setData((prev) =>
      prev
        ? {
            run: {
              ...prev.run,
              epochs: mergeEpoch(prev.run.epochs, d.epochLogged),
              epochCount: Math.max(prev.run.epochCount, prev.run.epochs.length + 1),
            },
          }
        : prev,
    ),
  );
  const scope = run ? (run.sweepId ? { sweepId: run.sweepId } : { experimentId: run.experimentId ?? null }) : null;
  useSubscription(RunUpdatedSubscription, scope, (d) => {
    if (d.runUpdated.id !== id) return;
    const wasActive = run ? ACTIVE.has(run.status) : true;
    q.setData((prev) => (prev ? { run: { ...prev.run, ...d.runUpdated } } : prev));
    // The evaluation arrives with completion: fetch the full run once it finishes.
    if (wasActive && !ACTIVE.has(d.runUpdated.status)) void q.refetch();
  });

  const data = useMemo(
    () => (run ? [normaliseRun(run, run.epochs, runColor(0), null, cat.catalogue ?? undefined)] : []),
    [run, cat.catalogue],
  );
  if (q.error && !run) return <ErrorBox error={q.error} retry={() => void q.refetch()} />;
  if (!run) return <Skeleton rows={6} height={48} />;
  const h = run.hyperparameters;
  const weights = baseWeightsDisplay(h.baseWeights, h.baseWeightsSha256);
  const diverged = data[0] ? divergedNote(data[0]) : null;

  /** Runs a mutation on the run, shows the API's refusal if any, then refetches the run. */
  const act = async (request: () => Promise<unknown>) => {
    setBusy(true);
    setActionError(null);
    try {
      await request();
      await q.refetch();
    } catch (e) {
      setActionError(e);
    } finally {
      setBusy(false);
    }
  };
  const cancel = () => void act(() => gql(CancelRunMutation, { runId: run.id }));
  const requeue = () => void act(() => gql(RequeueRunMutation, { runId: run.id }));
  const annotated = (a: RunAnnotationsFragment) =>
    q.setData((prev) => (prev ? { run: { ...prev.run, name: a.name, tags: a.tags, notes: a.notes } } : prev));
  const deleteRun = async () => {
    await gql(DeleteRunMutation, { runId: run.id });
    router.push(run.sweep ? `/sweeps/${run.sweep.id}` : run.experiment ? `/experiments/${run.experiment.id}` : "/");
  };

  return (
    <>
      <div className="page-head">
        <div>
          <div className="muted">
            <Link href="/">Experiments</Link> /{" "}
            {run.experiment ? <Link href={`/experiments/${run.experiment.id}`}>{run.experiment.name}</Link> : "–"}
            {run.sweep ? (
              <>
                {" "}
                / <Link href={`/sweeps/${run.sweep.id}`}>{run.sweep.name}</Link>
              </>
            ) : null}
          </div>
          <RunTitle runId={run.id} name={run.name} onChanged={annotated}>
            <span data-testid="run-status">
              <StatusBadge status={run.status} />
            </span>
          </RunTitle>
          <div className="sub" data-testid="run-best-summary">
            {run.epochCount} epochs logged · {BEST_EPOCH_LABEL}: {bestEpochSummary(run)}
          </div>
        </div>
        <div className="row">
          <ModelDownload runId={run.id} status={run.status} checkpoint={run.checkpoint ?? null} />
          <RunActions status={run.status} busy={busy} onCancel={cancel} onRequeue={requeue} onDelete={() => setDeleting((d) => !d)} />
        </div>
      </div>
      {actionError ? <ApiErrorBox error={actionError} testId="run-action-error" /> : null}
      {deleting && run.status !== "RUNNING" ? (
        <DeleteConfirm
          title={`Delete run "${run.name}"?`}
          confirmLabel="Delete run"
          onConfirm={deleteRun}
          onCancel={() => setDeleting(false)}
          testId="run-delete-confirm"
        >
          Its {run.epochCount} logged epoch{run.epochCount === 1 ? "" : "s"}, evaluation, predictions, tags, notes and checkpoint go with
          it. This cannot be undone.
        </DeleteConfirm>
      ) : null}
      {run.error ? (
        <div className="error-box" data-testid="run-error">
          Run {run.status === "FAILED" ? "failed" : "stopped"}: {run.error}
          {canQueueAgain(run.status) ? (
            <>
              {" "}
              <button onClick={requeue} disabled={busy} data-testid="run-error-requeue">
                Queue again
              </button>
            </>
          ) : null}
        </div>
      ) : null}
      {diverged ? (
        <div className="warn-box" data-testid="run-diverged">
          {diverged}
        </div>
      ) : null}
      <div className="grid2">
        <div className="panel">
          <h3>Loss</h3>
          <RunChart spec={{ type: "line", metricKeys: ["loss", "val_loss"] }} runs={data} testId="chart-loss" />
        </div>
        <div className="panel">
          <h3>Accuracy</h3>
          <RunChart spec={{ type: "line", metricKeys: ["accuracy", "val_accuracy"] }} runs={data} testId="chart-accuracy" />
        </div>
        <div className="panel">
          <h3 title="The rate each epoch trained at: the fine-tuning rate after the switch, and every ReduceLROnPlateau cut as a step">
            Learning rate
          </h3>
          <RunChart
            spec={{ type: "line", metricKeys: ["learning_rate"], yScale: "log", stepped: true }}
            runs={data}
            testId="chart-learning-rate"
          />
        </div>
        <div className="panel">
          <h3 title="Training images per second and seconds per epoch (the first epoch also fills the feature cache)">Speed</h3>
          <RunChart spec={{ type: "line", metricKeys: ["images_per_sec"], yName: "img/s" }} runs={data} testId="chart-speed" />
        </div>
      </div>
      <div className="grid3">
        <div className="panel">
          <h3>Hyperparameters</h3>
          {cat.error && !cat.catalogue ? <ErrorBox error={cat.error} retry={() => void cat.refetch()} /> : null}
          <dl className="kv" data-testid="run-hyperparameters">
            {cat.catalogue ? (
              <HyperparameterRows
                catalogue={cat.catalogue}
                values={h.values}
                detail={{
                  fineTuneLayers: (v) => (
                    <span data-testid="run-fine-tune-layers">
                      {typeof v === "number" ? fineTuneDepthDisplay(v, run.fineTunedLayers) : "–"}
                    </span>
                  ),
                }}
              />
            ) : cat.error ? null : (
              <>
                <dt>…</dt>
                <dd />
              </>
            )}
            <dt>weights</dt>
            <dd data-testid="run-base-weights" title={weights.title ?? undefined}>
              {weights.text}
            </dd>
          </dl>
        </div>
        <div className="panel">
          <h3>Execution</h3>
          <dl className="kv">
            <dt>status</dt>
            <dd>
              {run.status}
              {run.stopReason ? ` (${run.stopReason})` : ""}
            </dd>
            <dt>backend</dt>
            <dd data-testid="run-backend">{run.backend ?? "–"}</dd>
            <RunEnginesRows engines={run.engines ?? null} />
            <dt>agent</dt>
            <dd>{run.agent ? `${run.agent.name} @ ${run.agent.host}` : "–"}</dd>
            <dt>attempts</dt>
            <dd>{run.attempts}</dd>
            <dt>created</dt>
            <dd>{dateTime(run.createdAt)}</dd>
            <dt>started</dt>
            <dd>{dateTime(run.startedAt)}</dd>
            <dt>finished</dt>
            <dd>{dateTime(run.finishedAt)}</dd>
            <dt>duration</dt>
            <dd>{duration(run.durationMs)}</dd>
            <dt title="Median over the logged epochs">epoch time</dt>
            <dd data-testid="run-epoch-time">{duration(data[0] ? (medianValue(data[0], "epoch_seconds") ?? Number.NaN) * 1000 : null)}</dd>
            <dt title="Median training images per second over the logged epochs">img/s</dt>
            <dd data-testid="run-images-per-sec">{num(data[0] ? medianValue(data[0], "images_per_sec") : undefined)}</dd>
          </dl>
        </div>
        <div className="panel">
          <h3>Dataset &amp; results</h3>
          <dl className="kv">
            <dt>dataset</dt>
            <dd>{run.dataset.name}</dd>
            <dt>{BEST_EPOCH_LABEL}</dt>
            <dd data-testid="run-best-epoch">{run.bestEpoch ?? "–"}</dd>
            <dt>val acc at best epoch</dt>
            <dd data-testid="run-best-val-accuracy">{pct(run.bestValAccuracy)}</dd>
            <dt>val loss at best epoch</dt>
            <dd data-testid="run-best-val-loss">{num(run.bestValLoss)}</dd>
            <dt>final val acc</dt>
            <dd>{pct(run.finalValAccuracy)}</dd>
            <dt>final val loss</dt>
            <dd>{num(run.finalValLoss)}</dd>
            <dt>{validationAccuracyLabel(run.evaluation)}</dt>
            <dd data-testid="run-validation-accuracy">{pct(run.evaluation?.accuracy)}</dd>
            <dt>macro F1</dt>
            <dd>{num(run.evaluation?.macroF1)}</dd>
            <dt>skipped files</dt>
            <dd data-testid="run-skipped-files">
              {skippedFilesSummary(run.evaluation)}
              {run.evaluation && run.evaluation.skippedFiles.length > 0 ? (
                <details>
                  <summary>show</summary>
                  <ul>
                    {run.evaluation.skippedFiles.map((f) => (
                      <li key={f.file}>
                        {f.file}: {f.reason}
                      </li>
                    ))}
                  </ul>
                </details>
              ) : null}
            </dd>
          </dl>
        </div>
      </div>
      <div className="grid2">
        <div className="panel">
          <h3>Tags</h3>
          <RunTags runId={run.id} tags={run.tags} onChanged={annotated} />
        </div>
        <div className="panel">
          <h3>Notes</h3>
          <RunNotes runId={run.id} notes={run.notes} onChanged={annotated} />
        </div>
      </div>
      {run.evaluation ? (
        <ConfusionPanel
          evaluation={run.evaluation}
          datasetId={run.dataset.id}
          runs={data}
          modelSha={run.checkpoint?.weightsSha256 ?? null}
        />
      ) : (
        <div className="panel muted">The confusion matrix appears when the run completes.</div>
      )}
      {run.evaluation && run.checkpoint ? <TestSets runId={run.id} validationName={run.dataset.name} validation={run.evaluation} /> : null}
      {run.checkpoint ? <TryIt runId={run.id} weightsSha256={run.checkpoint.weightsSha256} /> : null}
    </>
  );
}

/**
 * One row per knob of the served catalogue, from the run's `values`: the label (description on
 * hover), the value as formatKnob writes it ("off" for an off callback), and knobs that do not
 * apply to this run (the fine-tuning rate without fine-tuning) dimmed and marked n/a. `detail`
 * replaces the value of a knob that has more to show (the layers really unfrozen).
 */
function HyperparameterRows({
  catalogue,
  values,
  detail,
}: {
  catalogue: Catalogue;
  values: KnobValues;
  detail?: Readonly<Record<string, (value: unknown) => ReactNode>>;
}) {
  return (
    <>
      {catalogue.map((info) => {
        const value = knobValue(values, info.name);
        const applies = knobApplies(info, values);
        const show = detail?.[info.name];
        return (
          <Fragment key={info.name}>
            <dt title={info.description} className={applies ? undefined : "muted"}>
              {info.label}
            </dt>
            <dd data-testid={`hp-${info.name}`} data-applies={applies} className={applies ? undefined : "muted"}>
              {show ? show(value) : formatKnob(info, value)}
              {applies ? null : <> · {notApplicableNote(info, catalogue, values)}</>}
            </dd>
          </Fragment>
        );
      })}
    </>
  );
}
