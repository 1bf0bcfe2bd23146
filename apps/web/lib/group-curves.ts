/**
 * Seed-group curves: a metric's per-epoch mean ± standard deviation over the runs of a seed group
 * (runs differing only in their training seed), and which drawn runs make up which group. PURE;
 * lib/band-chart.ts draws them as a mean line in a ± 1 sd band.
 */
import { meanStd } from "@graft/core/metrics";
import { groupName } from "./groups";
import type { RunData } from "./run-data";

/** A metric's mean over some runs at one epoch (step). */
export interface GroupCurvePoint {
  step: number;
  /** Mean of the finite values at this step; null where a run logged the metric but none finitely (a break in the line). */
  mean: number | null;
  /** Sample standard deviation (n − 1, as the API's group metrics); null below two values: no band there. */
  sd: number | null;
  /** How many of the group's runs have a finite value at this step. */
  n: number;
}

/** Mean, sample standard deviation (n − 1) and count of the finite values (core's `meanStd`, as the API's group metrics). */
export function meanSd(values: readonly number[]): Omit<GroupCurvePoint, "step"> {
  const { mean, std, n } = meanStd(values);
  return { mean, sd: std, n };
}

/**
 * The metric `key` of `runs` as one curve, in step order: at each step the mean ± sd over the runs
 * that have a finite value there (a run that stopped earlier, or diverged at that step, is not
 * counted, and `n` says how many were). A step where runs logged the metric but none finitely is
 * kept with a null mean, so the line breaks there as a single run's line does.
 */
export function groupCurve(runs: readonly RunData[], key: string): GroupCurvePoint[] {
  const byStep = new Map<number, number[]>();
  const at = (step: number): number[] => {
    const values = byStep.get(step) ?? [];
    byStep.set(step, values);
    return values;
  };
  for (const run of runs) {
    for (const p of run.metrics[key] ?? []) at(p.step).push(p.value);
    for (const step of run.gaps[key] ?? []) at(step);
  }
  return [...byStep.entries()].sort((a, b) => a[0] - b[0]).map(([step, values]) => ({ step, ...meanSd(values) }));
}

/** A seed group as a chart draws it. */
export interface CurveGroup {
  key: string;
  /** The group's name and its number of drawn runs: `sweep-03 (n=3)`. */
  label: string;
  /** The drawn runs in the group, in the group's order. */
  runIds: string[];
}

/** A group as the API serves it (RunGroupFields): what membership needs of it. */
export interface GroupMembership {
  key: string;
  runIds: readonly string[];
}

/**
 * The groups of the drawn `runs`, in the groups' order: each keeps only its runs that are drawn
 * (a group with none is left out), and a drawn run that no group lists becomes a group of its own,
 * so switching a chart to groups never hides a run.
 */
export function curveGroups(groups: readonly GroupMembership[], runs: readonly RunData[]): CurveGroup[] {
  const byId = new Map(runs.map((r) => [r.runId, r]));
  const grouped = new Set<string>();
  const out: CurveGroup[] = [];
  const add = (key: string, members: readonly RunData[], name: (first: RunData) => string) => {
    const first = members[0];
    if (!first) return;
    for (const m of members) grouped.add(m.runId);
    out.push({ key, label: `${name(first)} (n=${members.length})`, runIds: members.map((m) => m.runId) });
  };
  for (const g of groups) {
    const members = g.runIds.flatMap((id) => {
      const run = byId.get(id);
      return run && !grouped.has(id) ? [run] : [];
    });
    add(g.key, members, (first) => groupName(first.runName, g.key));
  }
  for (const run of runs) if (!grouped.has(run.runId)) add(run.runId, [run], (r) => r.runName);
  return out;
}

/** Whether any group has repeats (two or more runs): only then is there a band to draw. */
export function hasRepeats(groups: readonly { runIds: readonly string[] }[]): boolean {
  return groups.some((g) => g.runIds.length >= 2);
}
