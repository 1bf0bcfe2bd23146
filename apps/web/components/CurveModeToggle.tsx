"use client";
/** The choice between curves run by run and curves per seed group (mean line in a ± 1 sd band). */
import { useId } from "react";

/** Which curves a page's line charts draw: each run's, or each seed group's mean ± sd. */
export type CurveMode = "runs" | "groups";

const OPTIONS: readonly { mode: CurveMode; label: string }[] = [
  { mode: "runs", label: "runs" },
  { mode: "groups", label: "seed groups (mean ± sd)" },
];

/** "Curves: runs | seed groups (mean ± sd)" as a radio group. */
export function CurveModeToggle({ value, onChange }: { value: CurveMode; onChange: (mode: CurveMode) => void }) {
  const name = useId();
  return (
    <div className="row" role="radiogroup" aria-label="Curves" data-testid="curve-mode" data-mode={value} style={{ margin: "4px 0 8px" }}>
      <span className="muted">Curves:</span>
      {OPTIONS.map((o) => (
        <label key={o.mode} style={{ fontWeight: 400 }}>
          <input type="radio" name={name} value={o.mode} checked={value === o.mode} onChange={() => onChange(o.mode)} /> {o.label}
        </label>
      ))}
    </div>
  );
}
