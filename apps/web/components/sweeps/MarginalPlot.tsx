import type { KnobInfo } from "../../lib/catalogue";
import { pct } from "../../lib/format";
import { marginalLayout, type MarginalEntry } from "../../lib/marginal-chart";

/**
 * One knob's marginal effect as a small SVG: best val accuracy (the forest's mean) at each value
 * with ± sd whiskers; numeric knobs on a value axis (log where the catalogue says log scale), others
 * as labelled points. A value no run had is faded and says "0 runs".
 */
export function MarginalPlot({ label, entries, info }: { label: string; entries: readonly MarginalEntry[]; info: KnobInfo | undefined }) {
  const layout = marginalLayout(entries, info);
  if (!layout) return null;
  const { box, marks, xTicks, yTicks } = layout;
  const bottom = box.height - box.bottom;
  const right = box.width - box.right;
  return (
    <figure className="marginal" data-testid="marginal" data-parameter={info?.name ?? label} data-kind={layout.kind} data-log={layout.log}>
      <figcaption>
        {label}
        {layout.log ? <span className="muted"> (log scale)</span> : null}
      </figcaption>
      <svg viewBox={`0 0 ${box.width} ${box.height}`} role="img" aria-label={`best val accuracy by ${label}`}>
        {yTicks.map((t) => (
          <g key={t.label}>
            <line x1={box.left} x2={right} y1={t.y} y2={t.y} stroke="#eceff3" />
            <text x={box.left - 4} y={t.y + 3} textAnchor="end">
              {t.label}
            </text>
          </g>
        ))}
        <line x1={box.left} x2={right} y1={bottom} y2={bottom} stroke="var(--border)" />
        {xTicks.map((t, i) => (
          <text key={`${t.label}-${i}`} x={t.x} y={bottom + 12} textAnchor="middle">
            {t.label.length > 12 ? `${t.label.slice(0, 11)}…` : t.label}
          </text>
        ))}
        {layout.kind === "numeric" && marks.length > 1 ? (
          <polyline
            points={[...marks]
              .sort((a, b) => a.x - b.x)
              .map((m) => `${m.x},${m.y}`)
              .join(" ")}
            fill="none"
            stroke="var(--accent)"
            strokeOpacity={0.4}
          />
        ) : null}
        {marks.map((m, i) => (
          <g key={`${m.label}-${i}`} className={m.faded ? "faded" : undefined} data-testid="marginal-point" data-runs={m.trials}>
            <title>
              {`${label} ${m.label}: ${pct(m.mean)} ± ${(m.sd * 100).toFixed(1)} · ${m.trials} run${m.trials === 1 ? "" : "s"}`}
            </title>
            <line x1={m.x} x2={m.x} y1={m.yLow} y2={m.yHigh} stroke="var(--text)" strokeWidth={1} />
            <line x1={m.x - 3} x2={m.x + 3} y1={m.yLow} y2={m.yLow} stroke="var(--text)" />
            <line x1={m.x - 3} x2={m.x + 3} y1={m.yHigh} y2={m.yHigh} stroke="var(--text)" />
            <circle cx={m.x} cy={m.y} r={3.5} fill="var(--accent)" />
            {m.faded ? (
              <text x={m.x} y={bottom + 23} textAnchor="middle">
                0 runs
              </text>
            ) : null}
          </g>
        ))}
      </svg>
    </figure>
  );
}
