"use client";
/** A confusion matrix as a plain table, shaded by each cell's share of its row (rows: true class). */
import { shortLabels } from "../../lib/chart-spec";

/** Props of MatrixTable. */
export interface MatrixTableProps {
  labels: readonly string[];
  matrix: readonly (readonly number[])[];
  testId?: string;
}

/** The matrix with its labels; empty rows (a class the set lacks) stay blank. */
export function MatrixTable({ labels, matrix, testId }: MatrixTableProps) {
  const short = shortLabels(labels);
  return (
    <div style={{ overflowX: "auto" }}>
      <table className="simple matrix" data-testid={testId}>
        <thead>
          <tr>
            <th>true \ predicted</th>
            {labels.map((l, j) => (
              <th key={l} className="num" title={l}>
                {short[j]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {labels.map((l, i) => {
            const row = matrix[i] ?? [];
            const total = row.reduce((a, b) => a + b, 0);
            return (
              <tr key={l}>
                <th title={l}>{short[i]}</th>
                {labels.map((p, j) => {
                  const v = row[j] ?? 0;
                  const share = total > 0 ? v / total : 0;
                  const hue = i === j ? "26, 127, 55" : "192, 57, 43";
                  return (
                    <td key={p} className="num" style={{ background: v > 0 ? `rgba(${hue}, ${0.12 + 0.6 * share})` : undefined }}>
                      {total > 0 ? v : ""}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
