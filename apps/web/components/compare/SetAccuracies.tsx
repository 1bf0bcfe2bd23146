"use client";
/** Compare's "accuracy per evaluation set": validation and every other dataset the runs' models were scored on. */
import { pct } from "../../lib/format";
import { accuracyBySet, type TestSetLike } from "../../lib/test-sets";

/** Props of SetAccuracies. */
export interface SetAccuraciesProps {
  runs: readonly {
    id: string;
    name: string;
    evaluation?: { accuracy: number } | null;
    testSetEvaluations?: readonly TestSetLike[] | null;
  }[];
}

/** Shown only when some compared run was evaluated on another dataset. */
export function SetAccuracies({ runs }: SetAccuraciesProps) {
  const rows = accuracyBySet(runs);
  if (rows.length < 2) return null;
  return (
    <div className="panel" data-testid="set-accuracies">
      <h3>
        Accuracy per evaluation set{" "}
        <span className="muted" style={{ fontWeight: 400 }}>
          (each run&apos;s own validation split, then other datasets evaluated from its model; – : not evaluated there)
        </span>
      </h3>
      <table className="simple">
        <thead>
          <tr>
            <th>set</th>
            {runs.map((r) => (
              <th key={r.id} className="num">
                {r.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} data-testid="set-accuracy-row" data-set={row.label}>
              <td>{row.label}</td>
              {row.accuracies.map((a, i) => (
                <td key={runs[i]?.id ?? i} className="num">
                  {a === null ? "–" : pct(a)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
