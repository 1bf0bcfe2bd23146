/** Seed groups as the dashboard shows them (the API's RunGroup). PURE. */

/** One group metric as served. */
export interface GroupMetricValue {
  name: string;
  mean?: number | null;
  std?: number | null;
  n: number;
}

/** A group as served. */
export interface GroupValue {
  key: string;
  runIds: string[];
  n: number;
  metrics: GroupMetricValue[];
}

/** `91.0% ± 2.1 (n=3)` for a fraction metric, `–` before any run has it; no ± below two runs. */
export function groupPercent(metrics: readonly GroupMetricValue[], name: string): string {
  const m = metrics.find((x) => x.name === name);
  if (!m || m.mean == null) return "–";
  const spread = m.std == null ? "" : ` ± ${(m.std * 100).toFixed(1)}`;
  return `${(m.mean * 100).toFixed(1)}%${spread} (n=${m.n})`;
}

/** The group's mean of `name`, for sorting; -1 when none. */
export function groupMean(group: GroupValue, name: string): number {
  return group.metrics.find((m) => m.name === name)?.mean ?? -1;
}

/** A group's name: its first run's name without the repeat suffix (`sweep-03-s1` → `sweep-03`). */
export function groupName(firstRunName: string | undefined, fallback: string): string {
  return firstRunName ? firstRunName.replace(/-s\d+$/, "") : fallback;
}
