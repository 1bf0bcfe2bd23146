import type { SweepProgress } from "../../gql/graphql";

const PARTS = [
  ["completed", "var(--ok)"],
  ["stoppedEarly", "var(--warn)"],
  ["failed", "var(--bad)"],
  ["canceled", "#c9ccd1"],
  ["running", "var(--running)"],
] as const;

/**
 * Stacked progress of a sweep's runs against the runs it plans (for TPE, which samples each next
 * configuration when an agent asks, more than it holds so far), with a count summary.
 */
export function SweepProgressBar({ progress }: { progress: Omit<SweepProgress, "__typename"> }) {
  const planned = Math.max(progress.planned, progress.total);
  const scale = Math.max(1, planned);
  const done = progress.completed + progress.stoppedEarly + progress.failed + progress.canceled;
  const unsampled = planned - progress.total;
  return (
    <div data-testid="sweep-progress" data-done={done} data-total={progress.total} data-planned={planned}>
      <div
        className="progress"
        title={[...PARTS.map(([k]) => `${k} ${progress[k]}`), `queued ${progress.queued}`, `not sampled yet ${unsampled}`].join(", ")}
      >
        {PARTS.map(([k, color]) => (
          <span key={k} style={{ width: `${(100 * progress[k]) / scale}%`, background: color }} />
        ))}
      </div>
      <div className="muted" style={{ fontSize: 12 }}>
        {done} of {planned} planned finished · {progress.running} running · {progress.queued} queued
        {progress.failed ? ` · ${progress.failed} failed` : ""}
        {progress.stoppedEarly ? ` · ${progress.stoppedEarly} stopped early` : ""}
        {progress.canceled ? ` · ${progress.canceled} canceled` : ""}
        {unsampled > 0 ? ` · ${unsampled} not sampled yet` : ""}
      </div>
    </div>
  );
}
