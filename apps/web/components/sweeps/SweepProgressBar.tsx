import type { SweepProgress } from "../../gql/graphql";

const PARTS = [
  ["completed", "var(--ok)"],
  ["stoppedEarly", "var(--warn)"],
  ["failed", "var(--bad)"],
  ["canceled", "#c9ccd1"],
  ["running", "var(--running)"],
] as const;

/** Stacked progress of a sweep's runs with a count summary. */
export function SweepProgressBar({ progress }: { progress: Omit<SweepProgress, "__typename"> }) {
  const total = Math.max(1, progress.total);
  const done = progress.completed + progress.stoppedEarly + progress.failed + progress.canceled;
  return (
    <div data-testid="sweep-progress" data-done={done} data-total={progress.total}>
      <div className="progress" title={PARTS.map(([k]) => `${k} ${progress[k]}`).join(", ")}>
        {PARTS.map(([k, color]) => (
          <span key={k} style={{ width: `${(100 * progress[k]) / total}%`, background: color }} />
        ))}
      </div>
      <div className="muted" style={{ fontSize: 12 }}>
        {done}/{progress.total} finished · {progress.running} running · {progress.queued} queued
        {progress.failed ? ` · ${progress.failed} failed` : ""}
        {progress.stoppedEarly ? ` · ${progress.stoppedEarly} stopped early` : ""}
      </div>
    </div>
  );
}
