import type { Catalogue } from "../../lib/catalogue";
import { knobByName } from "../../lib/catalogue";
import { importanceBars, importanceRunCount, type ImportanceEntry } from "../../lib/marginal-chart";
import { MarginalPlot } from "./MarginalPlot";

/**
 * "What matters most": fANOVA's share of the variance of best val accuracy per searched knob
 * (0–100 %, ± its spread over the forest's trees), the finished runs it rests on, and each knob's
 * marginal effect beside the bars.
 */
export function WhatMattersMost({ importance, catalogue }: { importance: readonly ImportanceEntry[]; catalogue: Catalogue | null }) {
  const bars = importanceBars(importance, catalogue);
  if (bars.length === 0) return <span className="muted">Needs at least 3 finished runs with a val accuracy.</span>;
  const runs = importanceRunCount(importance);
  const byParameter = new Map(importance.map((p) => [p.parameter, p]));
  return (
    <div className="importance-layout" data-testid="importance" data-runs={runs}>
      <div>
        <div className="muted" style={{ fontSize: 12, marginBottom: 8 }} data-testid="importance-runs">
          Share of the variance in best val accuracy each knob explains alone (fANOVA, ± sd over the forest&apos;s trees); rests on{" "}
          <b>{runs}</b> finished run{runs === 1 ? "" : "s"}.
        </div>
        {bars.map((b) => (
          <div key={b.parameter} className="importance-row" data-testid="importance-bar" data-parameter={b.parameter}>
            <span title={b.parameter}>{b.label}</span>
            <div className="importance-track" title={`${b.text} of the variance`}>
              <div className="fill" style={{ width: `${b.percent}%` }} />
              {b.high > b.low ? <div className="whisker" style={{ left: `${b.low}%`, width: `${b.high - b.low}%` }} /> : null}
            </div>
            <span className="mono" style={{ textAlign: "right" }}>
              {b.text}
            </span>
          </div>
        ))}
      </div>
      <div className="marginals">
        {bars.map((b) => {
          const entry = byParameter.get(b.parameter);
          return entry ? (
            <MarginalPlot
              key={b.parameter}
              label={b.label}
              entries={entry.marginal}
              info={catalogue ? knobByName(catalogue, b.parameter) : undefined}
            />
          ) : null;
        })}
      </div>
    </div>
  );
}
