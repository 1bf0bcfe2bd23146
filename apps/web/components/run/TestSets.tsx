"use client";
/**
 * "Other evaluation sets" on the run page: the delivered model scored on other registered datasets
 * (field photos beside the lab photos it learnt from), side by side with its validation. An agent
 * does the work from the uploaded checkpoint; the panel polls while one is queued or running.
 */
import { useEffect, useState } from "react";
import type { RunQuery } from "../../gql/graphql";
import { gql } from "../../lib/graphql-client";
import { num, pct } from "../../lib/format";
import { useQuery } from "../../lib/hooks";
import { EvaluateRunMutation, RunTestSetsQuery } from "../../lib/operations";
import { evaluableDatasets } from "../../lib/test-sets";
import { ErrorBox } from "../States";
import { MatrixTable } from "./MatrixTable";

type Evaluation = NonNullable<RunQuery["run"]["evaluation"]>;

const PENDING = new Set(["QUEUED", "RUNNING"]);

/** Props of TestSets. */
export interface TestSetsProps {
  runId: string;
  validationName: string;
  validation: Evaluation;
}

/** The panel: one row per evaluation set, a way to add one, and the chosen set's matrix and per-class table. */
export function TestSets({ runId, validationName, validation }: TestSetsProps) {
  const [pollMs, setPollMs] = useState<number | undefined>(undefined);
  const q = useQuery(RunTestSetsQuery, { id: runId }, pollMs === undefined ? undefined : { pollMs });
  const [chosen, setChosen] = useState<string>("");
  const [selected, setSelected] = useState<string | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const sets = q.data?.run.testSetEvaluations ?? [];
  const pending = sets.some((s) => PENDING.has(s.status));
  // Poll only while an agent has work to do for this run.
  useEffect(() => setPollMs(pending ? 2_000 : undefined), [pending]);
  const options = q.data ? evaluableDatasets(q.data.datasets, q.data.run.datasetId, validation.labels) : [];
  const shown = sets.find((s) => s.id === selected && s.status === "COMPLETED");

  const evaluate = async () => {
    if (!chosen) return;
    setError(null);
    try {
      await gql(EvaluateRunMutation, { runId, datasetId: chosen });
      await q.refetch();
    } catch (e) {
      setError(e as Error);
    }
  };

  return (
    <div className="panel" data-testid="test-sets">
      <h3>
        Evaluation sets{" "}
        <span className="muted" style={{ fontWeight: 400 }}>
          (the delivered model on other datasets with its classes, e.g. field photos; an agent evaluates it)
        </span>
      </h3>
      {q.error && !q.data ? <ErrorBox error={q.error} retry={() => void q.refetch()} /> : null}
      <table className="simple">
        <thead>
          <tr>
            <th>set</th>
            <th>status</th>
            <th className="num">accuracy</th>
            <th className="num">macro F1</th>
            <th className="num">images</th>
          </tr>
        </thead>
        <tbody>
          <tr data-testid="test-set-row" data-set="validation" data-status="COMPLETED">
            <td>validation ({validationName})</td>
            <td>COMPLETED</td>
            <td className="num">{pct(validation.accuracy)}</td>
            <td className="num">{num(validation.macroF1)}</td>
            <td className="num">{validation.perClass.reduce((n, c) => n + c.support, 0)}</td>
          </tr>
          {sets.map((s) => (
            <tr key={s.id} data-testid="test-set-row" data-set={s.dataset?.name ?? s.id} data-status={s.status}>
              <td>
                {s.status === "COMPLETED" ? (
                  <button type="button" className="link" onClick={() => setSelected(s.id === selected ? null : s.id)}>
                    {s.dataset?.name ?? "(deleted dataset)"}
                  </button>
                ) : (
                  (s.dataset?.name ?? "(deleted dataset)")
                )}
              </td>
              <td title={s.error ?? undefined}>
                {s.status}
                {s.error ? `: ${s.error}` : ""}
              </td>
              <td className="num" data-testid="test-set-accuracy">
                {s.status !== "COMPLETED" || s.accuracy == null ? "–" : pct(s.accuracy)}
              </td>
              <td className="num">{s.status !== "COMPLETED" || s.macroF1 == null ? "–" : num(s.macroF1)}</td>
              <td className="num">{s.status === "COMPLETED" && s.perClass ? s.perClass.reduce((n, c) => n + c.support, 0) : "–"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="row" style={{ marginTop: 8 }}>
        <select
          aria-label="dataset to evaluate on"
          value={chosen}
          onChange={(e) => setChosen(e.target.value)}
          data-testid="test-set-dataset"
        >
          <option value="">{options.length > 0 ? "evaluate on another dataset…" : "no other dataset with these classes"}</option>
          {options.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name} ({d.imageCount} images)
            </option>
          ))}
        </select>
        <button type="button" onClick={() => void evaluate()} disabled={!chosen} data-testid="test-set-evaluate">
          Evaluate
        </button>
      </div>
      {error ? <ErrorBox error={error} /> : null}
      {shown?.labels && shown.confusionMatrix && shown.perClass ? (
        <div className="grid2" style={{ marginTop: 8 }} data-testid="test-set-detail">
          <div>
            <h3>validation ({validationName})</h3>
            <MatrixTable labels={validation.labels} matrix={validation.confusionMatrix} />
          </div>
          <div>
            <h3>{shown.dataset?.name}</h3>
            <MatrixTable labels={shown.labels} matrix={shown.confusionMatrix} testId="test-set-matrix" />
            <table className="simple" style={{ marginTop: 8 }}>
              <thead>
                <tr>
                  <th>class</th>
                  <th className="num">recall here</th>
                  <th className="num">recall on validation</th>
                  <th className="num">images</th>
                </tr>
              </thead>
              <tbody>
                {shown.perClass.map((c) => (
                  <tr key={c.label}>
                    <td>{c.label}</td>
                    <td className="num">{c.support > 0 ? num(c.recall) : "–"}</td>
                    <td className="num">{num(validation.perClass.find((v) => v.label === c.label)?.recall ?? Number.NaN)}</td>
                    <td className="num">{c.support}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      ) : null}
    </div>
  );
}
